/**
 * Search quality on the sample content (tests/search/queries.json): the query
 * expansion makes the corrections each query lists, every expected episode and
 * paragraph exists, and with the real Pagefind index (built in a temporary
 * folder, searched with the browser bundle in Node) expansion finds every
 * expected episode in the top 5 and does no worse than plain Pagefind.
 * `npm run search:quality` prints the same figures in full.
 */
import { describe, expect, it } from 'vitest';
import { loadEpisodes } from '../../src/corpus/load-corpus.ts';
import { buildDictionary } from '../../src/search/dictionary.ts';
import { planQuery } from '../../src/search/query-plan.ts';
import { Speller } from '../../src/search/speller.ts';
import { measureQuality, readQueries } from '../../scripts/search-quality.ts';

const queries = readQueries('tests/search/queries.json');
const episodes = loadEpisodes('content/episodes');
const speller = new Speller(buildDictionary(episodes));

describe('search queries for the sample content', () => {
  it('are at least 20, each naming an episode (and paragraphs) that exist', () => {
    expect(queries.length).toBeGreaterThanOrEqual(20);
    for (const q of queries) {
      const episode = episodes.find((e) => e.slug === q.slug);
      expect(episode, `${q.query}: no episode ${q.slug}`).toBeDefined();
      const ids = new Set(episode?.paragraphs.map((p) => p.id));
      for (const p of q.paragraphs ?? []) expect(ids.has(p), `${q.query}: ${q.slug} has no ${p}`).toBe(true);
    }
  });

  it.each(queries.filter((q) => q.corrects).map((q) => [q.query, q.corrects ?? {}] as const))(
    'expansion corrects %s',
    (query, corrects) => {
      const plan = planQuery(query, speller);
      for (const [from, to] of Object.entries(corrects)) {
        expect(plan.corrections).toContainEqual({ from, to });
      }
      expect(plan.corrected?.split(' ')).toEqual(expect.arrayContaining(Object.values(corrects)));
    },
  );

  it('are answered by the real index: every episode in the top 5 with expansion, never worse than without', async () => {
    const run = await measureQuality('content/episodes', queries, 'content/topics');
    const page = run.figures.page;
    const plain = run.figures.plain;
    const before = run.figures.before;
    const misses = (run.results.page ?? []).filter((r) => r.episodeRank === null || r.episodeRank > 5).map((r) => r.query);
    expect(misses).toEqual([]);
    expect(page?.hit1).toBeGreaterThanOrEqual(plain?.hit1 ?? 1);
    expect(page?.hit5).toBeGreaterThanOrEqual(plain?.hit5 ?? 1);
    expect(page?.para5).toBeGreaterThanOrEqual(0.9);
    // Coverage ranking does no worse than the subset relaxation it replaced.
    expect(page?.hit1).toBeGreaterThanOrEqual(before?.hit1 ?? 1);
    expect(page?.para1).toBeGreaterThanOrEqual(before?.para1 ?? 1);
  });
});
