/**
 * Episode, topic and speaker pages reused from the page cache: a rebuild after one transcript
 * is edited renders only the pages whose makings changed and publishes a
 * site byte for byte the same as a build from scratch; another config
 * reuses nothing.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/node/site-build.ts';

const root = mkdtempSync(join(tmpdir(), 'verbatim-page-cache-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function files(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.set(relative(dir, path), readFileSync(path));
    }
  };
  walk(dir);
  return out;
}

async function build(content: string, out: string, cacheDir: string, base?: string) {
  const lines: string[] = [];
  const result = await buildSite({ content, out, cacheDir, log: (l) => lines.push(l), report: () => {}, ...(base ? { base } : {}) });
  expect(result.ok, lines.join('\n')).toBe(true);
  return result;
}

describe('the episode page cache', () => {
  it('rebuilds after an edit to the same site a cold build makes, rendering only what changed', async () => {
    const content = join(root, 'content');
    cpSync('content', content, { recursive: true });
    const cache = join(root, 'cache');
    const first = await build(content, join(root, 'first'), cache);
    // Episode, topic and speaker pages are cached.
    const cached = first.pageCache?.stored ?? 0;
    expect(cached).toBeGreaterThan(first.episodes + 10);
    expect(first.pageCache?.reused).toBe(0);

    const again = await build(content, join(root, 'again'), cache);
    expect(again.pageCache).toEqual({ reused: cached, stored: 0 });
    expect(files(join(root, 'again'))).toEqual(files(join(root, 'first')));

    // One word of one transcript changes.
    const transcript = join(content, 'episodes', 'the-long-table', '03-fermentation-at-scale.txt');
    writeFileSync(transcript, readFileSync(transcript, 'utf8').replace("He's completely right.", "He's entirely right."));
    const edited = await build(content, join(root, 'edited'), cache);
    expect(edited.pageCache?.stored).toBeGreaterThanOrEqual(1);
    expect(edited.pageCache?.reused).toBeGreaterThanOrEqual(1);
    expect((edited.pageCache?.reused ?? 0) + (edited.pageCache?.stored ?? 0)).toBe(cached);
    expect(readFileSync(join(root, 'edited', 'episodes', 'fermentation-at-scale', 'index.html'), 'utf8')).toContain('He&#39;s entirely right.');

    const cold = await build(content, join(root, 'cold'), join(root, 'cold-cache'));
    expect(cold.pageCache).toEqual({ reused: 0, stored: cached });
    // Downloads and word counts of the unchanged episodes came from the cache: the same site, and no cache file published.
    const editedFiles = files(join(root, 'edited'));
    expect(editedFiles).toEqual(files(join(root, 'cold')));
    expect([...editedFiles.keys()].filter((name) => name.endsWith('counts.json'))).toEqual([]);
    // One entry per episode, and the edited episode's earlier one, which the sites built before still use.
    expect(readdirSync(join(cache, 'episode-files')).filter((name) => !name.startsWith('latest-')).length).toBe(edited.episodes + 1);

    // Another config (here the base path) is another site: nothing is reused.
    const moved = await build(content, join(root, 'moved'), cache, '/kb/');
    expect(moved.pageCache?.reused).toBe(0);
    expect(readdirSync(join(cache, 'pages', '.claims'))).toEqual([]);
  }, 180_000);
});
