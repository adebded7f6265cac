/**
 * Related episodes: the linear-memory implementation gives exactly what the
 * definition gives when every pair's shared topics are listed (the pairwise
 * reference below, the first version of the module), on random topic sets;
 * and a thousand episodes on the same themes stay cheap.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { relatedEpisodes } from '../../src/knowledge/related-episodes.ts';
import type { RelatedEpisode } from '../../src/knowledge/related-episodes.ts';
import type { Topic } from '../../src/knowledge/topics/schema.ts';

/** The definition, pair by pair (quadratic in memory: for small inputs only). */
function pairwise(topics: readonly Topic[], episodeCount: number, limit: number): Map<string, RelatedEpisode[]> {
  const pairs = new Map<string, Map<string, Array<{ name: string; weight: number }>>>();
  for (const topic of topics) {
    const mentioned = topic.episodes.filter((e) => e.mentions > 0);
    if (mentioned.length < 2) continue;
    const idf = Math.log(1 + episodeCount / mentioned.length);
    for (const a of mentioned) {
      for (const b of mentioned) {
        if (a.slug === b.slug) continue;
        const weight = idf * Math.min(Math.log2(1 + a.mentions), Math.log2(1 + b.mentions));
        let row = pairs.get(a.slug);
        if (!row) pairs.set(a.slug, (row = new Map()));
        let shared = row.get(b.slug);
        if (!shared) row.set(b.slug, (shared = []));
        shared.push({ name: topic.name, weight });
      }
    }
  }
  const out = new Map<string, RelatedEpisode[]>();
  for (const [slug, row] of pairs) {
    const list = [...row].map(([other, shared]) => ({
      slug: other,
      score: Math.round(shared.reduce((n, s) => n + s.weight, 0) * 1000) / 1000,
      shared: shared.sort((x, y) => y.weight - x.weight || (x.name < y.name ? -1 : 1)).map((s) => s.name),
    }));
    list.sort((x, y) => y.score - x.score || (x.slug < y.slug ? -1 : 1));
    out.set(slug, list.slice(0, limit));
  }
  return out;
}

const topic = (name: string, episodes: Array<[string, number]>): Topic =>
  ({ slug: name, name, episodes: episodes.map(([slug, mentions]) => ({ slug, mentions, tagged: false })) }) as unknown as Topic;

const slugs = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h');
const topics = fc.array(
  fc.tuple(fc.constantFrom('Grid', 'Heat', 'Rates', 'Chips', 'Power', 'Models', 'Grid'), fc.array(fc.tuple(slugs, fc.nat({ max: 9 })), { maxLength: 8 })),
  { maxLength: 12 },
);

const sorted = (m: Map<string, RelatedEpisode[]>) => new Map([...m].sort(([x], [y]) => (x < y ? -1 : 1)));

describe('related episodes', () => {
  it('match the pairwise definition: scores, order, ties and shared topic names', () => {
    fc.assert(
      fc.property(topics, fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 5 }), (spec, count, limit) => {
        const input = spec.map(([name, episodes]) => topic(name, episodes));
        expect(sorted(relatedEpisodes(input, count, limit))).toEqual(sorted(pairwise(input, count, limit)));
      }),
      { seed: 20261123, numRuns: 3000 },
    );
  });

  it('stay small for a thousand episodes that all share their topics', () => {
    const episodes = Array.from({ length: 1000 }, (_, i): [string, number] => [`ep-${i}`, 1 + (i % 7)]);
    const input = Array.from({ length: 40 }, (_, k) => topic(`Theme ${k}`, episodes));
    const related = relatedEpisodes(input, 1000);
    expect(related.size).toBe(1000);
    expect(related.get('ep-0')).toHaveLength(4);
    expect(related.get('ep-0')?.[0]?.shared).toHaveLength(40);
  });
});
