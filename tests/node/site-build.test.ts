/**
 * `verbatim build` is atomic: a build that fails leaves the previous site
 * exactly as it was, and no temporary folder behind.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite, TEMP_PREFIX } from '../../src/node/site-build.ts';

const root = mkdtempSync(join(tmpdir(), 'verbatim-build-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('buildSite', () => {
  it('swaps a finished site in, and keeps it when the next build fails', async () => {
    const content = join(root, 'content');
    // The transcript and its sidecar only: the fixture's expected .json files are not episodes.
    mkdirSync(join(content, 'episodes', 'bridges'), { recursive: true });
    cpSync('tests/fixtures/srt/basic/input.txt', join(content, 'episodes', 'bridges', 'input.txt'));
    cpSync('tests/fixtures/srt/basic/input.yml', join(content, 'episodes', 'bridges', 'input.yml'));
    const out = join(root, 'site');
    const lines: string[] = [];
    const first = await buildSite({ content, out, log: (l) => lines.push(l), report: () => {} });
    expect(first.ok, lines.join('\n')).toBe(true);
    expect(first.pages).toBeGreaterThan(3);
    const home = readFileSync(join(out, 'index.html'), 'utf8');

    writeFileSync(join(content, 'episodes', 'broken.srt'), '1\n00:00:05,000 --> 00:00:01,000\nBackwards.\n');
    const reported: string[] = [];
    const second = await buildSite({ content, out, log: () => {}, report: (d) => reported.push(...d.map((x) => x.code)) });
    expect(second.ok).toBe(false);
    expect(reported).toContain('time-end-before-start');
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe(home);
    expect(readdirSync(root).filter((n) => n.startsWith('.verbatim-build-'))).toEqual([]);

    // Through a symbolic link, the folder it points to gets the site and the link stays a link.
    const { lstatSync, symlinkSync } = await import('node:fs');
    writeFileSync(join(content, 'episodes', 'broken.srt'), '1\n00:00:01,000 --> 00:00:05,000\nFixed.\n');
    symlinkSync(out, join(root, 'site-link'));
    const linked = await buildSite({ content, out: join(root, 'site-link'), log: () => {}, report: () => {} });
    expect(linked.ok).toBe(true);
    expect(lstatSync(join(root, 'site-link')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).not.toBe(home); // a third episode now
  });
});

describe('buildSite and the site config', () => {
  it('stops on a config error before rendering, reporting it with the transcripts\' problems', async () => {
    const content = join(root, 'config-content');
    mkdirSync(join(content, 'episodes'), { recursive: true });
    cpSync('tests/fixtures/srt/basic/input.txt', join(content, 'episodes', 'input.txt'));
    cpSync('tests/fixtures/srt/basic/input.yml', join(content, 'episodes', 'input.yml'));
    writeFileSync(join(content, 'episodes', 'broken.srt'), '1\n00:00:05,000 --> 00:00:01,000\nBackwards.\n');
    writeFileSync(join(content, 'site.yml'), 'title: Bridges\nbase: /kb/\nfeeds: [rss, atom]\n');
    const out = join(root, 'config-site');
    const lines: string[] = [];
    const reported: string[] = [];
    const result = await buildSite({ content, out, log: (l) => lines.push(l), report: (d) => reported.push(...d.map((x) => `${x.file.replace(/^.*\//, '')}:${x.line}:${x.column} ${x.code}`)) });
    expect(result.ok).toBe(false);
    expect(result.errors).toBe(2);
    expect(reported).toEqual(['site.yml:3:14 config-invalid', 'broken.srt:2:1 time-end-before-start']);
    expect(lines.some((l) => l.includes('astro build'))).toBe(false);
    expect(readdirSync(root)).not.toContain('config-site');
    // Astro, started while the transcripts were read, was stopped, and its render folder removed.
    expect(readdirSync(process.cwd()).filter((name) => name.startsWith(`${TEMP_PREFIX}${process.pid}-`))).toEqual([]);
  });
});

/** True once a name starting with `prefix` is in `folder` (within 60 s). */
async function appears(folder: string, prefix: string): Promise<boolean> {
  const started = Date.now();
  while (Date.now() - started < 60_000) {
    if (readdirSync(folder).some((n) => n.startsWith(prefix))) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return false;
}

describe('buildSite that fails on its own', () => {
  it('ends astro and removes every temporary folder when a step throws', async () => {
    const content = join(root, 'throw-content');
    mkdirSync(join(content, 'episodes'), { recursive: true });
    cpSync('tests/fixtures/srt/basic/input.txt', join(content, 'episodes', 'input.txt'));
    const out = join(root, 'throw-site');
    const { tmpdir: temp } = await import('node:os');
    await expect(buildSite({ content, out, log: () => {}, report: () => { throw new Error('report failed'); } })).rejects.toThrow('report failed');
    expect(readdirSync(root).filter((n) => n.startsWith(`${TEMP_PREFIX}throw-site-`))).toEqual([]);
    expect(readdirSync(process.cwd()).filter((n) => n.startsWith(`${TEMP_PREFIX}${process.pid}-`))).toEqual([]);
    expect(readdirSync(temp()).filter((n) => n.startsWith(`verbatim-corpus-${process.pid}-`))).toEqual([]);
  }, 60_000);
});

describe('verbatim build killed midway', () => {
  it('leaves the previous site in place, and the next build clears the abandoned folder', async () => {
    const { spawn } = await import('node:child_process');
    const content = join(root, 'kill-content');
    mkdirSync(join(content, 'episodes', 'bridges'), { recursive: true });
    cpSync('tests/fixtures/srt/basic/input.txt', join(content, 'episodes', 'bridges', 'input.txt'));
    // Inside the project, so the render folder sits beside the output and can be watched.
    const outParent = mkdtempSync(join(process.cwd(), '.verbatim-kill-test-'));
    const out = join(outParent, 'site');
    try {
      const first = await buildSite({ content, out, log: () => {}, report: () => {} });
      expect(first.ok).toBe(true);
      const home = readFileSync(join(out, 'index.html'), 'utf8');

      // Start a build and kill it once it is under way (its temporary folder is there), with no chance to clean up.
      const child = spawn(process.execPath, ['scripts/cli.ts', 'build', '--content', content, '--out', out], { stdio: 'ignore', detached: true });
      expect(await appears(outParent, '.verbatim-build-')).toBe(true);
      await new Promise((r) => setTimeout(r, 1000)); // Astro has started, the corpus phase is reading
      process.kill(-(child.pid ?? 0), 'SIGKILL'); // the CLI and its children
      await new Promise((r) => child.once('exit', r));
      expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe(home);
      expect(readdirSync(tmpdir()).filter((n) => n.startsWith(`verbatim-corpus-${child.pid}-`))).toHaveLength(1);

      const again = await buildSite({ content, out, log: () => {}, report: () => {} });
      expect(again.ok).toBe(true);
      expect(readdirSync(outParent).filter((n) => n.startsWith('.verbatim-build-'))).toEqual([]);
      expect(readdirSync(tmpdir()).filter((n) => n.startsWith(`verbatim-corpus-${child.pid}-`))).toEqual([]);
      const rebuilt = readFileSync(join(out, 'index.html'), 'utf8');

      // Stopped with SIGTERM (a cancelled CI job): it says so, removes its temporary folders and ends by the signal.
      const stopped = spawn(process.execPath, ['scripts/cli.ts', 'build', '--content', content, '--out', out], { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      stopped.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      expect(await appears(outParent, '.verbatim-build-')).toBe(true);
      await new Promise((r) => setTimeout(r, 1000));
      stopped.kill('SIGTERM');
      const [code, signal] = await new Promise<[number | null, string | null]>((r) => stopped.once('close', (c, s) => r([c, s])));
      expect({ code, signal }).toEqual({ code: null, signal: 'SIGTERM' });
      expect(stderr).toContain(`Build interrupted (SIGTERM). The previous site in ${out} is untouched.`);
      expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe(rebuilt);
      expect(readdirSync(outParent).filter((n) => n.startsWith('.verbatim-build-'))).toEqual([]);
      expect(readdirSync(process.cwd()).filter((n) => n.startsWith(`.verbatim-build-${stopped.pid}-`))).toEqual([]);
      expect(readdirSync(tmpdir()).filter((n) => n.startsWith(`verbatim-corpus-${stopped.pid}-`))).toEqual([]);
    } finally {
      rmSync(outParent, { recursive: true, force: true });
    }
  }, 120_000);
});
