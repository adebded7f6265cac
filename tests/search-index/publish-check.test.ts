/**
 * Publishing the search index checks that every passage lands on a
 * paragraph of its built page, and remembers the pages (by page key) it has
 * checked, so a rebuild reads only the pages that changed.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { corpusFromEpisodes } from '../../src/corpus/episodes-corpus.ts';
import { planSearch, publishSearch, runShards } from '../../src/search-index/build-search-index.ts';
import { episodePassages } from '../../src/search/passages.ts';
import { makeRoutes } from '../../src/site/routes.ts';
import { makeEpisode } from '../knowledge/make-episode.ts';

const root = mkdtempSync(join(tmpdir(), 'verbatim-publish-check-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const episode = makeEpisode({
  id: 'grid',
  title: 'The Grid',
  show: 'Signal',
  speakers: [{ id: 'maya', name: 'Maya Okafor' }],
  lines: Array.from({ length: 12 }, (_, i) => ({ speaker: 'maya', text: `Paragraph ${i} about transformers and the grid. `.repeat(20), start: i * 30 })),
});

describe('publishing the search index', () => {
  it('fails when a passage links to a paragraph its page lacks, and re-reads a page only under a new key', async () => {
    const corpus = corpusFromEpisodes([episode]);
    const cacheDir = join(root, 'cache');
    const plan = planSearch({ corpus, base: '/', cacheDir });
    await runShards(plan, { episode: corpus.episode }).done;
    const ids = episodePassages(corpus.episode('grid'), makeRoutes('/')).flatMap((p) => p.anchors.map((a) => a.id));
    expect(ids.length).toBeGreaterThan(2);

    const site = join(root, 'site');
    const page = join(site, 'episodes', 'grid', 'index.html');
    mkdirSync(join(site, 'episodes', 'grid'), { recursive: true });
    const write = (kept: readonly string[]) => writeFileSync(page, `<main>${kept.map((id) => `<p id="${id}">…</p>`).join('')}</main>`);
    const checked = { file: join(root, 'checked.json'), keys: { grid: 'key-1' } };

    write(ids);
    publishSearch(plan, site, { cacheDir, checked });
    expect(JSON.parse(readFileSync(checked.file, 'utf8'))).toHaveLength(1);

    const lost = ids[1] as string;
    write(ids.filter((id) => id !== lost));
    // No memory of checks: the missing paragraph is found.
    expect(() => publishSearch(plan, site, { cacheDir })).toThrow(`/episodes/grid/ has no element with id "${lost}"`);
    // A page of another key is read again.
    expect(() => publishSearch(plan, site, { cacheDir, checked: { ...checked, keys: { grid: 'key-2' } } })).toThrow(lost);
    // The same key names the same HTML (the page cache's promise): it is not read again.
    expect(() => publishSearch(plan, site, { cacheDir, checked })).not.toThrow();
    expect(existsSync(join(site, 'pagefind', 'pagefind.js'))).toBe(true);
  });
});
