/**
 * `verbatim topics`: the JSON contract, the table, suggested topic files
 * that parse cleanly, diagnostics on stderr and exit codes 0, 1 and 2.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseTopicFile } from '../../src/knowledge/topics/topic-file.ts';
import { readTopicFolder } from '../../src/node/topic-folder.ts';

const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['scripts/cli.ts', ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

const broken = mkdtempSync(join(tmpdir(), 'verbatim-topics-'));
afterAll(() => rmSync(broken, { recursive: true, force: true }));
cpSync('content/episodes/signal-and-noise', join(broken, 'episodes'), { recursive: true });
mkdirSync(join(broken, 'topics'));
writeFileSync(join(broken, 'topics', 'grid.md'), '---\ntitle: The grid\naliases: grid\n---\n');

describe('verbatim topics', () => {
  it('--json prints the topic list of the sample content', () => {
    const r = run('topics', '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const topics = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    for (const t of topics) expect(Object.keys(t)).toEqual(['slug', 'name', 'aliases', 'source', 'episodes']);
    const copenhagen = topics.find((t) => t.slug === 'copenhagen');
    expect(copenhagen).toMatchObject({ name: 'Copenhagen', source: 'curated' });
    expect((copenhagen?.episodes as unknown[]).length).toBeGreaterThanOrEqual(4);
    expect(topics.some((t) => t.source === 'discovered')).toBe(true);
  });

  it('prints a table, most important first', () => {
    const r = run('topics');
    expect(r.code).toBe(0);
    const [head, first] = r.stdout.split('\n');
    expect(head).toMatch(/^topic\s+source\s+episodes\s+mentions$/);
    expect(first).toMatch(/^\S.*\s(curated|discovered)\s+\d+\s+\d+$/);
  });

  it('suggest prints topic files that parse without a problem', () => {
    const r = run('topics', 'suggest');
    expect(r.code).toBe(0);
    const files = r.stdout.split(/^==> (.+) <==\n/m).slice(1);
    expect(files.length).toBeGreaterThan(0);
    for (let i = 0; i < files.length; i += 2) {
      const path = files[i] ?? '';
      const name = path.split('/').pop() ?? '';
      const { topic, diagnostics } = parseTopicFile({ file: path, name, text: files[i + 1] ?? '' });
      expect(diagnostics).toEqual([]);
      expect(topic?.name).toBeTruthy();
    }
  });

  it('reports topic file errors as file:line:col and exits 1', () => {
    const r = run('topics', '--content', broken);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/topics\/grid\.md:3:1 error topic-invalid topic field "aliases": expected a list/);
  });

  it('leaves out the topics the site config excludes', () => {
    const content = join(broken, 'excluded');
    cpSync('content/episodes/signal-and-noise', join(content, 'episodes'), { recursive: true });
    const slugs = () => {
      const r = run('topics', '--json', '--content', content);
      expect(r.code).toBe(0);
      return (JSON.parse(r.stdout) as Array<{ slug: string; source: string }>).filter((t) => t.source === 'discovered').map((t) => t.slug);
    };
    const before = slugs();
    expect(before).toEqual(expect.arrayContaining(['alps', 'swiss']));
    writeFileSync(join(content, 'site.yml'), 'topics:\n  exclude: [Alps, swiss]\n');
    const after = slugs();
    expect(after).not.toContain('alps');
    expect(after).not.toContain('swiss');
    expect(after.length).toBeGreaterThan(before.length - 5);
  });

  it('exits 2 on usage errors', () => {
    expect(run('topics', '--bogus').code).toBe(2);
    expect(run('topics', 'everything').code).toBe(2);
    expect(run('topics', 'suggest', '--json').code).toBe(2);
    expect(run('topics', '--episodes', 'no/such/folder').code).toBe(2);
  });
});

describe('verbatim new topic', () => {
  const content = join(broken, 'new');
  mkdirSync(join(content, 'topics'), { recursive: true });
  cpSync('content/episodes/signal-and-noise', join(content, 'episodes'), { recursive: true });
  // A misheard spelling for the suggestion to find, beside the real ones.
  writeFileSync(join(content, 'episodes', 'extra.srt'), '1\n00:02:00,000 --> 00:02:04,000\nSpeaker 1: We rode the train to Copenhagan last spring.\n');

  it('writes a topic file with aliases from the episodes, which the site reads without a diagnostic', () => {
    const r = run('new', 'topic', 'Copenhagen', '--content', content);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^wrote \S+\/new\/topics\/copenhagen\.md: "Copenhagen" has [1-9]\d* mention\(s\) in \d+ of 4 episode\(s\); 1 other spelling\(s\) suggested as aliases/);
    const text = readFileSync(join(content, 'topics', 'copenhagen.md'), 'utf8');
    expect(text).toMatch(/^aliases:\n {2}- Copenhagan # 1 mention in 1 episode$/m);
    expect(text).toMatch(/^# description: /m);
    const folder = readTopicFolder(join(content, 'topics'));
    expect(folder.diagnostics).toEqual([]);
    expect(folder.topics.map((t) => t.aliases)).toEqual([['Copenhagan']]);
  });

  it('refuses to overwrite it, with a diagnostic line and exit 1', () => {
    const before = readFileSync(join(content, 'topics', 'copenhagen.md'), 'utf8');
    const r = run('new', 'topic', 'Copenhagen', '--content', content);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^\S+\/new\/topics\/copenhagen\.md:1:1 error topic-exists topic "Copenhagen" already exists/);
    expect(readFileSync(join(content, 'topics', 'copenhagen.md'), 'utf8')).toBe(before);
  });

  it('exits 2 on usage errors, writing nothing', () => {
    expect(run('new').code).toBe(2);
    expect(run('new', 'show', 'X').code).toBe(2);
    expect(run('new', 'topic').code).toBe(2);
    expect(run('new', 'topic', 'Night', 'trains', '--content', content).code).toBe(2);
    expect(run('new', 'topic', '!!', '--content', content).code).toBe(2);
    expect(run('new', 'topic', 'X', '--episodes', 'no/such/folder').code).toBe(2);
    expect(existsSync(join(content, 'topics', 'night.md'))).toBe(false);
  });
});
