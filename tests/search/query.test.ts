import { describe, expect, it } from 'vitest';
import { buildDictionary } from '../../src/search/dictionary.ts';
import { planQuery } from '../../src/search/query-plan.ts';
import { bestAnchor, excerptFromContent, excerptParts, highlightTerms, resultView } from '../../src/search/result-view.ts';
import { runSearch } from '../../src/search/run-search.ts';
import type { EngineHit, HitData, SearchEngine } from '../../src/search/run-search.ts';
import { Speller } from '../../src/search/speller.ts';
import { makeEpisode } from '../knowledge/make-episode.ts';
import { SPEAKER_SEPARATOR, encodeHidden } from '../../src/search/record-fields.ts';

const speller = new Speller(
  buildDictionary([
    makeEpisode({
      id: 'e',
      title: 'Sourdough and the City',
      speakers: [{ id: 'z', name: 'Zoë Lindqvist', role: 'guest' }],
      lines: [
        { speaker: 'z', text: 'Heat pumps and heat. The sourdough starter lives in a bucket, the dough rises; the transformer hums.' },
        { speaker: 'z', text: 'DeepSeek, said Lindquist. Heat heat heat grid grid. Seek and you find, deep down.' },
      ],
    }),
  ]),
);

describe('planQuery', () => {
  it('leaves a query of known words alone', () => {
    const plan = planQuery('  heat   pumps ', speller);
    expect(plan).toMatchObject({ exact: 'heat pumps', terms: ['heat', 'pumps'], corrected: null, corrections: [], quoted: false });
    expect(plan.concepts).toEqual([
      { form: 'heat', alternatives: [], stop: false },
      { form: 'pumps', alternatives: [], stop: false },
    ]);
  });

  it('corrects misspelt words and names', () => {
    expect(planQuery('heet pumps', speller)).toMatchObject({ corrected: 'heat pumps', corrections: [{ from: 'heet', to: 'heat' }] });
    expect(planQuery('Lindkvist', speller).corrected).toBe('lindqvist');
  });

  it('searches the joined word too when two typed words are one in the corpus', () => {
    const plan = planQuery('sour dough starter', speller);
    expect(plan.corrected).toBeNull();
    expect(plan.concepts.map((c) => [c.form, c.alternatives])).toEqual([
      ['sour dough', ['sourdough']],
      ['starter', []],
    ]);
  });

  it('replaces a misheard split name', () => {
    expect(planQuery('deep seak', speller)).toMatchObject({ corrected: 'deepseek', corrections: [{ from: 'deep seak', to: 'deepseek' }] });
  });

  it('adds spellings of a name found in the transcripts', () => {
    expect(planQuery('lindqvist', speller).concepts[0]?.alternatives).toEqual(['lindquist']);
  });

  it('searches a known compound as two words too (speech recognition writes names both ways)', () => {
    expect(planQuery('deepseek', speller).concepts[0]?.alternatives).toEqual(['deep seek']);
    expect(planQuery('heat', speller).concepts[0]?.alternatives).toEqual([]);
    expect(planQuery('deep seak', speller).concepts[0]).toMatchObject({ form: 'deepseek', alternatives: ['deep seek'] });
  });

  it('drops words the (complete) corpus lacks, unless nothing would be left', () => {
    expect(planQuery('xylophone transformer', speller)).toMatchObject({ corrected: 'transformer', unknown: ['xylophone'] });
    expect(planQuery('xylophone', speller)).toMatchObject({ corrected: null, unknown: ['xylophone'] });
  });

  it('marks stop and question words, and keeps them only when nothing else is left', () => {
    expect(planQuery('what did zoe say about the grid transformer', speller).concepts.filter((c) => !c.stop).map((c) => c.form)).toEqual([
      'zoe',
      'grid',
      'transformer',
    ]);
    expect(planQuery('in the', speller).concepts.map((c) => c.stop)).toEqual([false, false]);
  });

  it('takes a quoted phrase literally', () => {
    const plan = planQuery('"heet pump"', speller);
    expect(plan).toMatchObject({ corrected: null, corrections: [], quoted: true });
    expect(plan.concepts.map((c) => c.form)).toEqual(['heet', 'pump']);
  });
});

/**
 * A fake engine over plain-text records, matching as Pagefind does: each word
 * by prefix, every word required; a quoted query as a phrase. Scores favour
 * short records, as BM25 does.
 */
function fakeEngine(records: Record<string, string>): SearchEngine & { searches: string[] } {
  const searches: string[] = [];
  return {
    searches,
    async count() {
      return Object.keys(records).length;
    },
    async search(query) {
      searches.push(query);
      const phrase = /^".*"$/.test(query);
      const terms = query.replace(/"/g, '').toLowerCase().split(' ');
      const hits: EngineHit[] = [];
      for (const [url, text] of Object.entries(records)) {
        const tokens = text.toLowerCase().split(/\s+/);
        const starts = (at: number, t: string) => (tokens[at] ?? '').startsWith(t);
        let positions: number[];
        if (phrase) {
          positions = [];
          tokens.forEach((_, at) => {
            if (terms.every((t, k) => starts(at + k, t))) positions.push(...terms.map((_t, k) => at + k));
          });
          if (positions.length === 0) continue;
        } else {
          const each = terms.map((t) => tokens.flatMap((_, at) => (starts(at, t) ? [at] : [])));
          if (each.some((p) => p.length === 0)) continue;
          positions = [...new Set(each.flat())].sort((a, b) => a - b);
        }
        const data: HitData = { url, excerpt: text, meta: { title: url }, filters: {}, locations: positions, content: text };
        hits.push({ id: url, score: positions.length / tokens.length, words: positions, data: async () => data });
      }
      return hits.sort((a, b) => b.score - a.score);
    },
  };
}

describe('runSearch', () => {
  const engine = fakeEngine({ '/a/#p1': 'heat pumps hum', '/b/#p2': 'the transformer hums', '/c/#p3': 'grid talk' });

  it('reports exact results as such', async () => {
    const outcome = await runSearch(planQuery('heat', speller), {}, engine);
    expect(outcome).toMatchObject({ mode: 'exact', shownQuery: null, complete: 1 });
    expect(outcome.hits.map((h) => h.id)).toEqual(['/a/#p1']);
  });

  it('searches the correction first and says so', async () => {
    const outcome = await runSearch(planQuery('heet pumps', speller), {}, engine);
    expect(outcome).toMatchObject({ mode: 'corrected', shownQuery: 'heat pumps' });
    expect(outcome.hits.map((h) => h.id)).toEqual(['/a/#p1']);
  });

  it('ranks records holding some of the words when none holds all, and says so', async () => {
    const outcome = await runSearch(planQuery('heat transformer grid', speller), {}, engine);
    expect(outcome).toMatchObject({ mode: 'partial', complete: 0 });
    expect(outcome.hits.map((h) => h.id).sort()).toEqual(['/a/#p1', '/b/#p2', '/c/#p3']);
  });

  it('without expansion runs only the typed words', async () => {
    const outcome = await runSearch(planQuery('heet pumps', speller), {}, engine, { expand: false });
    expect(outcome.mode).toBe('none');
  });

  it('searches one word at a time and ranks by how much of the query a record holds, rare words first', async () => {
    const records = fakeEngine({
      '/topic/': 'investment',
      '/a/#p1': 'growth and investment and data and more data',
      '/b/#p2': 'the gdp growth came from data center investment last year',
      '/c/#p3': 'data data data growth',
      '/d/#p4': 'gdp',
    });
    const outcome = await runSearch(planQuery('how much of gdp growth came from data center investment', speller), {}, records);
    expect(records.searches.every((q) => !q.includes(' ') || q.startsWith('"'))).toBe(true);
    expect(outcome.mode).toBe('partial');
    expect(outcome.hits[0]?.id).toBe('/b/#p2');
    // One rare word beats one common word.
    const ids = outcome.hits.map((h) => h.id);
    expect(ids.indexOf('/d/#p4')).toBeLessThan(ids.indexOf('/topic/'));
  });

  it('finds a name written as two words in the transcript', async () => {
    const records = fakeEngine({ '/a/#p1': 'we use deep seek daily', '/b/#p2': 'the deep end' });
    const outcome = await runSearch(planQuery('deepseek', speller), {}, records);
    expect(outcome.hits.map((h) => h.id)).toEqual(['/a/#p1']);
    expect(outcome.expandedWith).toEqual(['deep seek']);
  });

  it('takes a quoted phrase as written, and falls back to its words', async () => {
    const records = fakeEngine({ '/a/#p1': 'pumps heat the house', '/b/#p2': 'heat pumps hum' });
    expect((await runSearch(planQuery('"heat pumps"', speller), {}, records)).hits.map((h) => h.id)).toEqual(['/b/#p2']);
    const fallback = await runSearch(planQuery('"pumps hum heat"', speller), {}, records);
    expect(fallback.mode).toBe('partial');
    expect(fallback.hits[0]?.id).toBe('/b/#p2');
  });

  it('passes the filters (show, speaker, year, topic) to every search and to the record count', async () => {
    const seen: unknown[] = [];
    const filtered: SearchEngine = {
      count: async (filters) => {
        seen.push(filters);
        return 3;
      },
      search: async (_query, filters) => {
        seen.push(filters);
        return [];
      },
    };
    const filters = { topic: ['Heat pumps'], year: ['2025'] };
    await runSearch(planQuery('heat grid transformer', speller), filters, filtered);
    expect(seen.length).toBeGreaterThanOrEqual(4);
    // The result list searches moments only (passages); the strip above it searches pages.
    expect(seen.every((f) => JSON.stringify(f) === JSON.stringify({ ...filters, kind: ['moment'] }))).toBe(true);
    seen.length = 0;
    await runSearch(planQuery('heat grid transformer', speller), filters, filtered, { records: 'pages' });
    expect(seen.every((f) => JSON.stringify(f) === JSON.stringify({ ...filters, kind: ['page'] }))).toBe(true);
    seen.length = 0;
    await runSearch(planQuery('heat grid transformer', speller), filters, filtered, { records: 'all' });
    expect(seen.every((f) => f === filters)).toBe(true);
  });

  it('leaves out records that matched only in their metadata', async () => {
    const meta: SearchEngine = {
      count: async () => 2,
      search: async () => [
        { id: 'title-only', score: 9, words: [], data: async () => ({ url: '/x/#p1', excerpt: '', meta: {}, filters: {}, locations: [] }) },
        { id: 'text', score: 1, words: [0], data: async () => ({ url: '/y/#p1', excerpt: '', meta: {}, filters: {}, locations: [0] }) },
      ],
    };
    expect((await runSearch(planQuery('grid', speller), {}, meta)).hits.map((h) => h.id)).toEqual(['text']);
  });
});

describe('result cards', () => {
  it('split an excerpt on <mark> only; everything else stays text', () => {
    expect(excerptParts('a <mark>heat</mark> &lt;b&gt; <img src=x onerror=y> & <mark>pump</mark>')).toEqual([
      { text: 'a ', mark: false },
      { text: 'heat', mark: true },
      { text: ' <b> <img src=x onerror=y> & ', mark: false },
      { text: 'pump', mark: true },
    ]);
  });

  it('read excerpt words back from the content, so text written as `&lt;b&gt;` is not decoded a second time', () => {
    // Pagefind escapes < and > of the content but not &: `&lt;b&gt;` in this excerpt is the text `<b>` once and `&lt;b&gt;` once.
    const content = 'say <b> then &lt;b&gt; and {{7*7}} &amp;amp; heat <b>';
    const excerpt = 'say &lt;b&gt; then &lt;b&gt; and {{7*7}} &amp;amp; <mark>heat</mark> &lt;b&gt;';
    expect(excerptFromContent(excerpt, content, [8])).toEqual([
      { text: 'say <b> then &lt;b&gt; and {{7*7}} &amp;amp; ', mark: false },
      { text: 'heat', mark: true },
      { text: ' <b>', mark: false },
    ]);
    // The same words twice: the window whose mark is at a match location.
    expect(excerptFromContent('<mark>x</mark> &lt;i&gt;', '<i> x &lt;i&gt; x <i>', [3])?.map((p) => p.text)).toEqual(['x', ' <i>']);
    expect(excerptFromContent('<mark>x</mark> &lt;i&gt;', '<i> x &lt;i&gt; x <i>', [1])?.map((p) => p.text)).toEqual(['x', ' &lt;i&gt;']);
    // No window fits (content and excerpt disagree): the caller falls back to excerptParts.
    expect(excerptFromContent('<mark>y</mark>', 'x', [0])).toBeUndefined();
    const view = resultView({ url: '/e/#p1', excerpt, meta: {}, filters: {}, locations: [8], content });
    expect(view.excerpt.map((p) => p.text).join('')).toBe(content);
  });

  it('leave the punctuation Pagefind marks with a word out of the mark', () => {
    expect(excerptParts('the <mark>heat.</mark> Then <mark>(pumps),</mark> <mark>…</mark> <mark>don\'t</mark>')).toEqual([
      { text: 'the ', mark: false },
      { text: 'heat', mark: true },
      { text: '. Then (', mark: false },
      { text: 'pumps', mark: true },
      { text: '), … ', mark: false },
      { text: "don't", mark: true },
    ]);
    expect(excerptParts('<mark>data</mark> <mark>centers,</mark> and')).toEqual([
      { text: 'data centers', mark: true },
      { text: ', and', mark: false },
    ]);
  });

  it('mark a phrase as one run, and show where the excerpt is cut', () => {
    expect(excerptParts('<mark>heat</mark> <mark>pumps</mark> are')).toEqual([
      { text: 'heat pumps', mark: true },
      { text: ' are', mark: false },
    ]);
    const view = resultView({
      url: '/e/#p1',
      excerpt: 'the <mark>grid</mark> is',
      meta: {},
      filters: {},
      locations: [2],
      content: 'we think the grid is\nbig',
    });
    expect(view.excerpt.map((p) => p.text).join('')).toBe('… the grid is …');
  });

  it('link to the paragraph of a passage holding most of the matches', () => {
    const anchors = [{ id: 'p6', offset: 10, start: 60 }, { id: 'p7', offset: 20, start: 70 }];
    expect(bestAnchor(anchors, [1, 12, 13, 22])).toEqual(anchors[0]);
    expect(bestAnchor(anchors, [1, 2, 22])).toBeNull();
    expect(bestAnchor(anchors, [])).toBeNull();
  });

  it('read a passage result: deep link, speaker, stamp, show and date', () => {
    const view = resultView({
      url: '/kb/episodes/grid/#p5',
      excerpt: 'the <mark>grid</mark>',
      meta: {
        title: 'Heat Pumps',
        speaker: ['Maya Okafor', 'Zoë Lindqvist'].join(SPEAKER_SEPARATOR),
        data: encodeHidden({ date: '2025-03-12', anchors: [{ id: 'p5', offset: 0, start: 245, speaker: 0 }, { id: 'p6', offset: 3, start: 300, speaker: 1 }] }),
      },
      filters: { show: ['Signal & Noise'], year: ['2025'] },
      locations: [4],
      content: 'one two three four grid',
    });
    expect(view).toMatchObject({
      kind: 'passage',
      href: '/kb/episodes/grid/#p6',
      paragraph: 'p6',
      title: 'Heat Pumps',
      show: 'Signal & Noise',
      date: { iso: '2025-03-12', label: 'Mar 12, 2025' },
      speaker: 'Zoë Lindqvist',
      stamp: '5:00',
    });
  });

  it('read an episode result, highlighting the summary', () => {
    const view = resultView(
      { url: '/episodes/grid/', excerpt: '', meta: { title: 'Grid', people: 'Maya Okafor', summary: 'Zoë on heat pumps.' }, filters: {}, locations: [] },
      ['heat'],
    );
    expect(view).toMatchObject({ kind: 'episode', href: '/episodes/grid/', people: 'Maya Okafor' });
    expect(view.excerpt).toEqual([
      { text: 'Zoë on ', mark: false },
      { text: 'heat', mark: true },
      { text: ' pumps.', mark: false },
    ]);
    expect(highlightTerms('Zoë’s heat', ['zoes'])).toEqual([
      { text: 'Zoë’s', mark: true },
      { text: ' heat', mark: false },
    ]);
  });
});
