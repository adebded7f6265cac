import { describe, expect, it } from 'vitest';
import { buildDictionary } from '../../src/search/dictionary.ts';
import { planQuery } from '../../src/search/query-plan.ts';
import { bestAnchor, excerptFromContent, excerptParts, highlightTerms, resultView } from '../../src/search/result-view.ts';
import { runSearch } from '../../src/search/run-search.ts';
import type { EngineHit, HitData, SearchEngine } from '../../src/search/run-search.ts';
import { Speller } from '../../src/search/speller.ts';
import { makeEpisode } from '../knowledge/make-episode.ts';

const speller = new Speller(
  buildDictionary([
    makeEpisode({
      id: 'e',
      title: 'Sourdough and the City',
      speakers: [{ id: 'z', name: 'Zoë Lindqvist', role: 'guest' }],
      lines: [
        { speaker: 'z', text: 'Heat pumps and heat. The sourdough starter lives in a bucket, the dough rises; the transformer hums.' },
        { speaker: 'z', text: 'DeepSeek, said Lindquist. Heat heat heat grid grid.' },
      ],
    }),
  ]),
);

describe('planQuery', () => {
  it('leaves a query of known words alone', () => {
    const plan = planQuery('  heat   pumps ', speller);
    expect(plan).toMatchObject({ exact: 'heat pumps', terms: ['heat', 'pumps'], corrected: null, corrections: [], expansions: [] });
  });

  it('corrects misspelt words and names', () => {
    expect(planQuery('heet pumps', speller)).toMatchObject({ corrected: 'heat pumps', corrections: [{ from: 'heet', to: 'heat' }] });
    expect(planQuery('Lindkvist', speller).corrected).toBe('lindqvist');
  });

  it('searches the joined word too when two typed words are one in the corpus', () => {
    const plan = planQuery('sour dough starter', speller);
    expect(plan.corrected).toBeNull();
    expect(plan.expansions).toEqual(['sourdough starter']);
  });

  it('replaces a misheard split name', () => {
    expect(planQuery('deep seak', speller)).toMatchObject({ corrected: 'deepseek', corrections: [{ from: 'deep seak', to: 'deepseek' }] });
  });

  it('adds spellings of a name found in the transcripts', () => {
    expect(planQuery('lindqvist', speller).expansions).toEqual(['lindquist']);
  });

  it('drops words the (complete) corpus lacks, unless nothing would be left', () => {
    expect(planQuery('xylophone transformer', speller)).toMatchObject({ corrected: 'transformer', unknown: ['xylophone'] });
    expect(planQuery('xylophone', speller)).toMatchObject({ corrected: null, unknown: ['xylophone'] });
  });

  it('relaxes by stop words first, then one word fewer, then single words', () => {
    const plan = planQuery('what did zoe say about the grid transformer', speller);
    expect(plan.relaxations.map((s) => s.queries.map((q) => q.query))).toEqual([
      ['zoe grid transformer'],
      ['grid transformer', 'zoe transformer', 'zoe grid'],
      ['zoe', 'grid', 'transformer'],
    ]);
  });

  it('takes a quoted phrase literally', () => {
    expect(planQuery('"heet pump"', speller)).toMatchObject({ corrected: null, corrections: [], expansions: [] });
  });
});

/** A fake engine: a record matches when its text contains every query word (as Pagefind, by prefix). */
function fakeEngine(records: Record<string, string>): SearchEngine {
  return {
    async search(query) {
      const terms = query.toLowerCase().split(' ');
      const hits: EngineHit[] = [];
      for (const [url, text] of Object.entries(records)) {
        const tokens = text.toLowerCase().split(/\s+/);
        const positions = terms.map((t) => tokens.findIndex((w) => w.startsWith(t)));
        if (positions.some((p) => p === -1)) continue;
        const data: HitData = { url, excerpt: text, meta: { title: url }, filters: {}, locations: positions };
        hits.push({ id: url, score: terms.length, words: positions, data: async () => data });
      }
      return hits;
    },
  };
}

describe('runSearch', () => {
  const engine = fakeEngine({ '/a/#p1': 'heat pumps hum', '/b/#p2': 'the transformer hums', '/c/#p3': 'grid talk' });

  it('reports exact results as such', async () => {
    const outcome = await runSearch(planQuery('heat', speller), {}, engine);
    expect(outcome).toMatchObject({ mode: 'exact', shownQuery: null });
    expect(outcome.hits.map((h) => h.id)).toEqual(['/a/#p1']);
  });

  it('searches the correction first and says so', async () => {
    const outcome = await runSearch(planQuery('heet pumps', speller), {}, engine);
    expect(outcome).toMatchObject({ mode: 'corrected', shownQuery: 'heat pumps' });
    expect(outcome.hits.map((h) => h.id)).toEqual(['/a/#p1']);
  });

  it('relaxes when all the words together find nothing, most words first', async () => {
    const outcome = await runSearch(planQuery('heat transformer grid', speller), {}, engine);
    expect(outcome.mode).toBe('relaxed');
    expect(outcome.hits.map((h) => h.id).sort()).toEqual(['/a/#p1', '/b/#p2', '/c/#p3']);
  });

  it('without expansion runs only the typed words', async () => {
    const outcome = await runSearch(planQuery('heet pumps', speller), {}, engine, { expand: false });
    expect(outcome.mode).toBe('none');
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
      meta: { title: 'Heat Pumps', speaker: 'Zoë Lindqvist', date: '2025-03-12', start: '245', anchors: 'p6:3:300' },
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
