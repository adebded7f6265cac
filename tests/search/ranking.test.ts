/**
 * The coverage ranking's parts, on hand-made hits: where matches cluster
 * (match-window.ts), how records are scored (ranking.ts), where a result
 * lands and what its excerpt shows (result-view.ts `landing`), and how
 * results are loaded into moments and pages (result-pages.ts).
 */
import { describe, expect, it } from 'vitest';
import { adjacentPairs, bestWindow } from '../../src/search/match-window.ts';
import { formQuery, idf, rankByCoverage } from '../../src/search/ranking.ts';
import { ResultPages } from '../../src/search/result-pages.ts';
import { landing, resultView } from '../../src/search/result-view.ts';
import type { EngineHit, HitData, RankedHit, SearchOutcome } from '../../src/search/run-search.ts';
import { planQuery } from '../../src/search/query-plan.ts';
import { Speller } from '../../src/search/speller.ts';
import { buildDictionary } from '../../src/search/dictionary.ts';
import { encodeHidden } from '../../src/search/record-fields.ts';

const hit = (id: string, words: number[], score = 1): EngineHit => ({
  id,
  score,
  words,
  data: async () => ({ url: `/e/#${id}`, excerpt: '', meta: {}, filters: {}, locations: words }),
});

describe('bestWindow', () => {
  it('finds the short run holding the most weight of different concepts, not the most repeats', () => {
    const matches = [
      { position: 0, concept: 0 },
      { position: 1, concept: 0 },
      { position: 2, concept: 0 },
      { position: 50, concept: 1 },
      { position: 55, concept: 2 },
    ];
    expect(bestWindow(matches, [1, 1, 1])).toMatchObject({ start: 50, end: 55, concepts: 2, weight: 2 });
    // A rare concept outweighs two common ones.
    expect(bestWindow(matches, [2, 0.5, 0.5])).toMatchObject({ start: 0, end: 2, concepts: 1, matches: 3 });
    expect(bestWindow([], [1])).toBeNull();
  });

  it('keeps to the width: matches `width` words apart are not in one window', () => {
    const matches = [
      { position: 10, concept: 0 },
      { position: 34, concept: 1 },
    ];
    expect(bestWindow(matches, [1, 1], 24)?.concepts).toBe(1);
    expect(bestWindow(matches, [1, 1], 25)?.concepts).toBe(2);
  });

  it('counts neighbours in the query that are neighbours in the text, a stop word between allowed', () => {
    const pairs = adjacentPairs([
      { position: 3, concept: 0 },
      { position: 5, concept: 1 },
      { position: 9, concept: 2 },
      { position: 12, concept: 1 },
    ]);
    expect([...pairs]).toEqual(['0:1']);
  });
});

describe('rankByCoverage', () => {
  it('weights concepts by how rare they are', () => {
    expect(idf(1, 1000)).toBeGreaterThan(idf(100, 1000));
    expect(idf(1000, 1000)).toBeGreaterThan(0);
    expect(idf(5, 2)).toBeGreaterThan(0); // more found than counted: never negative
  });

  it('ranks the record holding the rare concepts above the one repeating a common word, and leaves out metadata-only matches', () => {
    const common = [hit('a', [0, 1, 2, 3], 9), hit('b', [4]), hit('c', [7]), hit('d', [1]), hit('e', [2]), hit('meta', [], 20)];
    const rare = [hit('b', [5])];
    const { hits, idfs } = rankByCoverage([{ hits: common, usedAlternatives: [] }, { hits: rare, usedAlternatives: [] }], 10);
    expect(idfs[1]).toBeGreaterThan(idfs[0] ?? Infinity);
    expect(hits[0]?.id).toBe('b');
    expect(hits.map((h) => h.id)).not.toContain('meta');
    // Same concepts: Pagefind's score decides.
    expect(hits.slice(1, 3).map((h) => h.id)).toEqual(['a', 'c']);
  });

  it('counts a concept matched only in the metadata (a speaker, a title) for less than one in the text', () => {
    const speaker = [hit('by-zoe', []), hit('zoe-said', [3])];
    const grid = [hit('by-zoe', [8]), hit('zoe-said', [9])];
    const { hits } = rankByCoverage([{ hits: speaker, usedAlternatives: [] }, { hits: grid, usedAlternatives: [] }], 50);
    expect(hits.map((h) => h.id)).toEqual(['zoe-said', 'by-zoe']);
    expect(hits[1]?.concepts).toEqual([0, 1]);
  });

  it('gives a bonus to concepts said together, and more to a phrase in the query order', () => {
    const heat = [hit('far', [0]), hit('near', [10]), hit('phrase', [20])];
    const pumps = [hit('far', [60]), hit('near', [15]), hit('phrase', [21])];
    const { hits } = rankByCoverage([{ hits: heat, usedAlternatives: [] }, { hits: pumps, usedAlternatives: [] }], 10);
    expect(hits.map((h) => h.id)).toEqual(['phrase', 'near', 'far']);
  });

  it('searches a form of several words as a phrase', () => {
    expect(formQuery('deep seek')).toBe('"deep seek"');
    expect(formQuery('deepseek')).toBe('deepseek');
  });
});

describe('landing on the answer', () => {
  // Three paragraphs: p1 (words 0-9), p2 (10-19), p3 (20-29).
  const content = [
    'we talked about the grid for a long while',
    'then data center investment drove GDP growth last year',
    'data data data and more data about data here',
  ].join('\n');
  const anchors = [
    { id: 'p2', offset: 9, start: 120, speaker: null },
    { id: 'p3', offset: 18, start: 150, speaker: null },
  ];

  it('lands on the paragraph where the different query words cluster, with them marked in the excerpt', () => {
    const tokens = content.split(/\s+/);
    const at = (w: string) => tokens.flatMap((t, i) => (t.toLowerCase().startsWith(w) ? [i] : []));
    const matches = [
      ...at('data').map((position) => ({ position, concept: 0 })),
      ...at('investment').map((position) => ({ position, concept: 1 })),
      ...at('gdp').map((position) => ({ position, concept: 2 })),
    ];
    const result = landing(content, anchors, { matches, weights: [0.5, 2, 3] });
    expect(result?.anchor?.id).toBe('p2');
    const marked = result?.excerpt.filter((p) => p.mark).map((p) => p.text);
    expect(marked).toEqual(expect.arrayContaining(['data', 'investment', 'GDP']));
    expect(result?.excerpt[0]?.text).toBe('… then '); // from the start of the paragraph it lands on

    const view = resultView(
      {
        url: '/ep/#p1',
        excerpt: '',
        meta: {
          data: encodeHidden({ date: null, anchors: [{ id: 'p1', offset: 0, start: 100, speaker: null }, { id: 'p2', offset: 9, start: 120, speaker: 0 }, { id: 'p3', offset: 18, start: 150, speaker: null }] }),
          speaker: 'Ann Lee',
        },
        filters: {},
        locations: [],
        content,
      },
      [],
      { matches, weights: [0.5, 2, 3] },
    );
    expect(view).toMatchObject({ href: '/ep/#p2', paragraph: 'p2', stamp: '2:00', speaker: 'Ann Lee' });
  });

  it('lands on the paragraph holding most of a cluster that straddles two', () => {
    const text = 'one two three google\nchatbots moats here';
    const result = landing(text, [{ id: 'p8', offset: 4, start: 30, speaker: null }], {
      matches: [
        { position: 3, concept: 0 },
        { position: 4, concept: 1 },
        { position: 5, concept: 2 },
      ],
      weights: [1, 3, 3],
    });
    expect(result?.anchor?.id).toBe('p8');
  });

  it('ignores stop words that matched, unless nothing else did', () => {
    const text = 'the the the cat';
    expect(landing(text, [{ id: 'p2', offset: 3, start: 5, speaker: null }], { matches: [0, 1, 2, 3].map((position) => ({ position, concept: 0 })), weights: [1] })?.anchor?.id).toBe('p2');
    expect(landing('the end', [], { matches: [{ position: 0, concept: 0 }], weights: [1] })?.anchor).toBeNull();
  });
});

describe('ResultPages', () => {
  const speller = new Speller(buildDictionary([]));
  const plan = planQuery('grid', speller);
  const record = (url: string, meta: Record<string, string> = {}): HitData => ({ url, excerpt: '', meta, filters: {}, locations: [0], content: 'grid' });

  function outcome(datas: HitData[]): { outcome: SearchOutcome; loads: string[] } {
    const loads: string[] = [];
    const hits: RankedHit[] = datas.map((d, i) => ({
      id: String(i),
      score: 1,
      rank: 1,
      words: [0],
      matches: [{ position: 0, concept: 0 }],
      data: async () => {
        loads.push(d.url);
        return d;
      },
    }));
    return { outcome: { plan, mode: 'exact', shownQuery: null, expandedWith: [], hits, weights: [1], complete: hits.length }, loads };
  }

  it('puts topic and episode results in the strip and passages in the list, in rank order', async () => {
    const { outcome: o } = outcome([record('/topics/grid/', { kind: 'topic', title: 'Grid' }), record('/e/#p1'), record('/episodes/e/'), record('/e/#p2')]);
    const pages = new ResultPages(o, ['grid']);
    const batch = await pages.next(2);
    expect(batch.moments.map((m) => m.view.href)).toEqual(['/e/#p1', '/e/#p2']);
    expect(batch.pages.map((p) => [p.view.kind, p.view.href])).toEqual([
      ['topic', '/topics/grid/'],
      ['episode', '/episodes/e/'],
    ]);
    expect(pages.remaining).toBe(0);
  });

  it('loads a bounded number of fragments per batch, and carries extra moments to the next', async () => {
    const { outcome: o, loads } = outcome([...Array.from({ length: 20 }, (_, i) => record(`/topics/t${i}/`, { kind: 'topic' })), record('/e/#p1')]);
    const pages = new ResultPages(o, []);
    const first = await pages.next(2);
    expect(loads).toHaveLength(6); // 2 moments × 3
    expect(first.moments).toHaveLength(0);
    expect(pages.remaining).toBe(15);

    const { outcome: o2, loads: loads2 } = outcome([record('/e/#p1'), record('/e/#p2'), record('/e/#p3')]);
    const more = new ResultPages(o2, []);
    expect((await more.next(2)).moments).toHaveLength(2);
    expect((await more.next(2)).moments.map((m) => m.view.href)).toEqual(['/e/#p3']);
    expect(loads2).toHaveLength(3);
  });
});
