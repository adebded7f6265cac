/**
 * The command line is a contract: output shapes, the diagnostic line format
 * on stderr, and exit codes 0 (ok), 1 (errors), 2 (usage).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['scripts/cli.ts', ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const diagnosticLine = /^(.+):(\d+):(\d+) (error|warning) ([a-z0-9-]+) (.+)$/;

const broken = mkdtempSync(join(tmpdir(), 'verbatim-cli-'));
afterAll(() => rmSync(broken, { recursive: true, force: true }));
cpSync('tests/fixtures/srt/bad-times/input.txt', join(broken, 'bad-times.txt'));
cpSync('tests/fixtures/webvtt/bad-cues/input.vtt', join(broken, 'bad-cues.txt'));
cpSync('tests/fixtures/srt/basic/input.txt', join(broken, 'good.txt'));
writeFileSync(join(broken, 'empty.txt'), '');
writeFileSync(join(broken, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0, 1, 2, 3, 0, 0, 0, 0]));
writeFileSync(join(broken, 'good.yml'), 'title: Fine\nfavourite_colour: blue\n');

describe('verbatim CLI', () => {
  it('parse --json prints one episode object for one file', () => {
    const r = run('parse', 'tests/fixtures/srt/basic/input.txt', '--json');
    expect(r.code).toBe(0);
    const episode = JSON.parse(r.stdout);
    expect(episode.source.format).toBe('srt');
    expect(episode.title).toBe('Bridges, briefly'); // from the sidecar found beside the file
  });

  it('parse reads the sidecar of a file with no extension, as an episodes folder does', () => {
    const dir = mkdtempSync(join(tmpdir(), 'verbatim-cli-noext-'));
    cpSync('tests/fixtures/srt/basic/input.txt', join(dir, 'notes'));
    writeFileSync(join(dir, 'notes.yml'), 'title: Without an extension\n');
    const r = run('parse', join(dir, 'notes'), '--json');
    rmSync(dir, { recursive: true, force: true });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).title).toBe('Without an extension');
  });

  it('parse --json prints an array for several files', () => {
    const r = run('parse', 'tests/fixtures/srt/basic/input.txt', 'tests/fixtures/webvtt/basic/input.vtt', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).map((e: { source: { format: string } }) => e.source.format)).toEqual(['srt', 'webvtt']);
  });

  it('check prints every problem as file:line:col and exits 1', () => {
    const r = run('check', broken);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    for (const line of lines) expect(line).toMatch(diagnosticLine);
    const codes = lines.map((l) => `${l.split(' ')[0]?.split('/').pop()} ${diagnosticLine.exec(l)?.[5]}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        'bad-times.txt:6:1 time-end-before-start',
        'bad-times.txt:10:1 time-out-of-range',
        'bad-cues.txt:6:1 vtt-bad-timing',
        'empty.txt:1:1 empty-file',
        'binary.txt:1:1 binary-file',
        'good.yml:2:1 sidecar-unknown-key',
      ]),
    );
    expect(r.stdout).toMatch(/^5 files, 3 episodes, \d+ segments, \d+ errors, \d+ warnings\n$/);
  });

  it('check --json prints diagnostics and the episode count', () => {
    const r = run('check', broken, '--json');
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.episodes).toBe(3);
    expect(out.diagnostics[0]).toEqual(expect.objectContaining({ code: expect.any(String), severity: expect.any(String), file: expect.any(String), line: expect.any(Number), column: expect.any(Number), message: expect.any(String) }));
  });

  it('check on the sample content is clean', () => {
    const r = run('check');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('formats lists the five formats', () => {
    const r = run('formats');
    expect(r.code).toBe(0);
    for (const id of ['srt', 'webvtt', 'caption-tokens', 'markdown', 'timestamp-bullets']) expect(r.stdout).toContain(id);
  });

  it('add copies transcripts in with sidecars that check cleanly, and refuses to overwrite', () => {
    const content = join(broken, 'added');
    const r = run('add', 'tests/fixtures/srt/label-only-cues/input.txt', '--show', 'Live Shows', '--content', content);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/ warning srt-label-only-cue /); // a file's warnings still show
    expect(r.stdout).toMatch(/^added \S*added\/episodes\/live-shows\/input\.txt \(srt\) and a new sidecar \S*added\/episodes\/live-shows\/input\.yml$/m);
    expect(r.stdout).toContain(`${content} did not exist: it is a new content folder`);
    expect(run('add', 'tests/fixtures/srt/basic/input.txt', '--content', content).stdout).toMatch(/^added \S*episodes\/input\.txt \(srt\) and its sidecar \S*episodes\/input\.yml$/m);
    // Every transcript added checks without errors, its drafted sidecar included.
    const check = run('check', join(content, 'episodes'));
    expect(check.code).toBe(0);
    expect(check.stderr).not.toMatch(/ (error|warning) (sidecar|speaker)-/);
    // `input.vtt` would share the id and sidecar of `input.txt` in that show's folder.
    const taken = run('add', 'tests/fixtures/webvtt/hls-long-hours/input.vtt', '--show', 'Live Shows', '--content', content);
    expect(taken.code).toBe(1);
    const lines = taken.stderr.trim().split('\n');
    expect(lines.at(-1)).toBe('nothing was added');
    for (const line of lines.slice(0, -1)) expect(line).toMatch(diagnosticLine);
    expect(lines[0]).toMatch(/^tests\/fixtures\/webvtt\/hls-long-hours\/input\.vtt:1:1 error add-exists \S*live-shows\/input\.txt already exists/);
    expect(run('add', 'no/such/file.srt', '--content', content).code).toBe(1);
  });

  it('usage errors exit 2', () => {
    expect(run('add').code).toBe(2);
    expect(run('add', 'x.srt', '--show', ' ').code).toBe(2);
    expect(run('add', 'x.srt', '--nope').code).toBe(2);
    expect(run('frobnicate').code).toBe(2);
    expect(run('parse').code).toBe(2);
    expect(run('check', '--nope').code).toBe(2);
    expect(run('parse', 'no/such/file.srt').code).toBe(2);
    expect(run('build', '--site', 'javascript:alert(1)').code).toBe(2);
    expect(run('build', '--base', '/a b/').code).toBe(2);
    expect(run('build', '--site', 'https://example.org/sub/path').stderr).toContain('--site must be the origin the site is published at');
    expect(run('add', 'x.srt', '--content', join(broken, 'good.txt')).stderr).toContain('is a file, not a folder');
    expect(run('topics', 'suggest', 'extra').stderr).toContain('topics suggest takes no argument, not "extra"');
  });

  it('check --content checks that folder\'s episodes and its site config, as a build of it would', () => {
    const content = join(broken, 'other-content');
    mkdirSync(join(content, 'episodes'), { recursive: true });
    cpSync('tests/fixtures/srt/basic/input.txt', join(content, 'episodes', 'a.txt'));
    cpSync('tests/fixtures/srt/basic/input.yml', join(content, 'episodes', 'a.yml'));
    writeFileSync(join(content, 'site.yml'), 'title: Other\nbase: /a b/\n');
    const r = run('check', '--content', content, '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ episodes: 1, diagnostics: [{ code: 'config-invalid', line: 2 }] });
  });

  it('an option given twice is a usage error, not the last one winning', () => {
    for (const args of [['build', '--out', join(broken, 'a'), '--out', join(broken, 'b')], ['check', '--json', '--json'], ['add', 'x.srt', '--show', 'a', '--show', 'b']]) {
      const r = run(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/--(out|json|show) is given twice; give it once/);
    }
  });

  it('--help after any command prints the usage and exits 0', () => {
    for (const command of ['build', 'parse', 'check', 'topics', 'add', 'new', 'formats']) {
      const r = run(command, '--help');
      expect(r.code, command).toBe(0);
      expect(r.stdout).toContain('Usage: npm run -s verbatim -- <command>');
    }
  });

  it('build refuses an output folder that holds anything but a site, before it reads a transcript', () => {
    const folder = join(broken, 'keep');
    mkdirSync(folder);
    writeFileSync(join(folder, 'notes.txt'), 'mine');
    writeFileSync(join(broken, 'a-file'), 'mine');
    const refused = [
      ['.', 'would replace the project folder'],
      ['content', 'would replace the content folder'],
      ['content/episodes/site', 'is inside the episodes folder'],
      ['..', 'would replace the project folder inside it'],
      [folder, 'holds other files'],
      [join(broken, 'a-file'), 'is a file, not a folder'],
    ];
    for (const [out, message] of refused) {
      const r = run('build', '--out', out as string);
      expect(r.code, out).toBe(2);
      expect(r.stderr, out).toContain(message);
      expect(r.stderr).not.toContain('Reading transcripts');
    }
    expect(readFileSync(join(folder, 'notes.txt'), 'utf8')).toBe('mine');
    expect(existsSync('package.json') && existsSync('content/site.yml')).toBe(true);
  });

  it('topics follows the site config: discover: false lists the topic files only', () => {
    const content = mkdtempSync(join(tmpdir(), 'verbatim-cli-topics-'));
    try {
      cpSync('content/episodes/signal-and-noise', join(content, 'episodes'), { recursive: true });
      cpSync('content/topics/heat-pumps.md', join(content, 'topics', 'heat-pumps.md'));
      const sources = () => new Set((JSON.parse(run('topics', '--content', content, '--json').stdout) as { source: string }[]).map((t) => t.source));
      expect(sources()).toEqual(new Set(['curated', 'discovered']));
      writeFileSync(join(content, 'site.yml'), 'topics:\n  discover: false\n');
      expect(sources()).toEqual(new Set(['curated']));
      // and a mistake in it is reported like any other, at its line
      writeFileSync(join(content, 'site.yml'), 'topics:\n  discover: no thanks\n');
      const r = run('topics', '--content', content);
      expect(r.stderr).toMatch(/site\.yml:2:3 error config-invalid site config topics\.discover: expected a boolean/);
    } finally {
      rmSync(content, { recursive: true, force: true });
    }
  });
});
