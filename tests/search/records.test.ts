import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeSearchIndex } from '../../src/search-index/write-search-index.ts';
import { loadPagefind } from '../../src/node/pagefind-search.ts';
import { PASSAGE_WORDS, episodePassages, searchEpisode } from '../../src/search/passages.ts';
import { decodeHidden, encodeHidden, SEARCH_FILES } from '../../src/search/record-fields.ts';
import { episodeDocument, escapeHtml, passageRecord } from '../../src/search/records.ts';
import { makeRoutes } from '../../src/site/routes.ts';
import { makeEpisode } from '../knowledge/make-episode.ts';

const routes = makeRoutes('/kb/');
const words = (n: number, word = 'word') => Array.from({ length: n }, () => word).join(' ');

const episode = makeEpisode({
  id: 'grid',
  title: 'Heat <Pumps> & "the" Grid',
  show: 'Signal & Noise',
  date: '2025-03-12',
  hosts: ['Maya Okafor'],
  speakers: [
    { id: 'maya', name: 'Maya Okafor', role: 'host' },
    { id: 's2', name: 'Speaker 2' },
  ],
  lines: [
    { speaker: 'maya', text: 'Welcome back.', start: 1.9 },
    { speaker: 'maya', text: 'Today, heat pumps.', start: 4 },
    { speaker: 's2', text: 'Thanks <script>alert(1)</script> & hi.', start: 9 },
    { speaker: null, text: 'laughter', start: 12 },
    { speaker: 's2', text: words(100), start: 14 },
    { speaker: 's2', text: words(30), start: 60 },
    { speaker: 'maya', text: 'One.', start: 70 },
    { speaker: 'maya', text: 'Two.', start: 71 },
    { speaker: 'maya', text: 'Three.', start: 72 },
    { speaker: 'maya', text: 'Four.', start: 73 },
  ],
});

describe('passages', () => {
  const passages = episodePassages(episode, routes, 100);

  it('are windows of consecutive speech paragraphs, whoever speaks, within the word limit; sounds are left out', () => {
    expect(passages.map((p) => p.anchors.map((a) => a.id))).toEqual([['p1', 'p2', 'p3'], ['p5'], ['p6', 'p7', 'p8', 'p9', 'p10']]);
    expect(episodePassages(episode, routes, 120).map((p) => p.anchors.map((a) => a.id))).toEqual([['p1', 'p2', 'p3', 'p5'], ['p6', 'p7', 'p8', 'p9', 'p10']]);
    expect(episodePassages(episode, routes)).toEqual(episodePassages(episode, routes, PASSAGE_WORDS));
    // A paragraph longer than the limit is a passage of its own.
    expect(episodePassages(episode, routes, 10).map((p) => p.anchors.map((a) => a.id))).toEqual([['p1', 'p2', 'p3'], ['p5'], ['p6'], ['p7', 'p8', 'p9', 'p10']]);
  });

  it('link to the first paragraph under the base path, with the offset, start and voice of every paragraph', () => {
    const [first, second] = passages;
    expect(first).toMatchObject({
      url: '/kb/episodes/grid/#p1',
      speakers: ['Maya Okafor', 'Speaker 2'],
      people: ['Maya Okafor'],
      text: 'Welcome back.\nToday, heat pumps.\nThanks <script>alert(1)</script> & hi.',
      anchors: [
        { id: 'p1', offset: 0, start: 1, speaker: 0 },
        { id: 'p2', offset: 2, start: 4, speaker: 0 },
        { id: 'p3', offset: 5, start: 9, speaker: 1 },
      ],
    });
    expect(second).toMatchObject({ speakers: ['Speaker 2'], people: [] });
  });

  it('hidden data survives its encoding, which holds no letter or digit for Pagefind to index', () => {
    const data = {
      date: '2025-03-12',
      anchors: [
        { id: 'p6', offset: 0, start: 245, speaker: 0 },
        { id: 'p7', offset: 80, start: null, speaker: null },
        { id: 'p123456', offset: 99_999, start: 86_400 * 40, speaker: 31 },
      ],
    };
    const text = encodeHidden(data);
    expect(text).not.toMatch(/[\p{L}\p{N}\s#*]/u);
    expect(decodeHidden(text)).toEqual(data);
    expect(decodeHidden(encodeHidden({ date: null, anchors: [] }))).toEqual({ date: null, anchors: [] });
    // Damaged data reads as less, never throws.
    expect(decodeHidden('x|y')).toEqual({ date: null, anchors: [] });
    expect(decodeHidden(undefined)).toEqual({ date: null, anchors: [] });
  });
});

describe('records', () => {
  it('a passage record carries content as data, not HTML; anonymous speakers are no filter', () => {
    const [, second] = episodePassages(episode, routes, 100);
    if (!second) throw new Error('no passage');
    const record = passageRecord(second);
    expect(record.content).toBe(words(100));
    expect(record.meta).toEqual({ title: 'Heat <Pumps> & "the" Grid', speaker: 'Speaker 2', data: encodeHidden({ date: '2025-03-12', anchors: second.anchors }) });
    // No `kind`: moments are the records that are not pages, so the kind filter lists pages only.
    expect(record.filters).toEqual({ show: ['Signal & Noise'], year: ['2025'] });
  });

  it('the episode document escapes every value', () => {
    const html = episodeDocument({ ...searchEpisode(episode, routes), summary: 'A <b>bold</b> "claim" & more' });
    expect(html).toContain('<h1>Heat &lt;Pumps&gt; &amp; &quot;the&quot; Grid</h1>');
    expect(html).toContain('A &lt;b&gt;bold&lt;/b&gt; &quot;claim&quot; &amp; more');
    expect(html).toContain('<span data-pagefind-filter="show">Signal &amp; Noise</span>');
    expect(html).not.toContain('<b>');
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&apos;y&apos;&gt;&amp;&lt;/a&gt;');
  });
});

describe('the index, searched with the browser bundle in Node', () => {
  const dir = mkdtempSync(join(tmpdir(), 'verbatim-search-records-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds passages by their text, with meta, filters and markup kept as text', async () => {
    const report = await writeSearchIndex([episode], { outDir: dir, base: '/kb/' });
    expect(report).toMatchObject({ passages: episodePassages(episode, routes).length, episodes: 1 });
    const dictionary = JSON.parse(readFileSync(join(dir, SEARCH_FILES.dictionary), 'utf8')) as { version: number };
    expect(dictionary.version).toBe(2);

    const { engine } = await loadPagefind(join(dir, SEARCH_FILES.pagefindDir));
    const [hit] = await engine.search('alert', {});
    const data = await hit?.data();
    expect(data?.url).toBe('/kb/episodes/grid/#p1');
    expect(data?.excerpt).toContain('&lt;script&gt;');
    expect(data?.meta.speaker).toBe('Maya Okafor ; Speaker 2');
    expect(data?.filters.show).toEqual(['Signal & Noise']);

    const episodeHits = await engine.search('okafor', {});
    const urls = await Promise.all(episodeHits.map(async (h) => (await h.data()).url));
    expect(urls[0]).toBe('/kb/episodes/grid/');
    // Filters: any selected value of a key.
    expect(await engine.search('welcome', { show: ['Other show'] })).toEqual([]);
    expect((await engine.search('welcome', { show: ['Other show', 'Signal & Noise'] })).length).toBe(1);

    // Moments and pages, searched apart: `okafor` is in the episode record and in passages (as a speaker).
    const kindOf = async (hits: { data: () => Promise<{ url: string }> }[]) =>
      Promise.all(hits.map(async (h) => ((await h.data()).url.includes('#') ? 'moment' : 'page')));
    const moments = await kindOf(await engine.search('okafor', { kind: ['moment'] }));
    const pages = await kindOf(await engine.search('okafor', { kind: ['page'] }));
    expect(moments.length).toBeGreaterThan(0);
    expect(new Set(moments)).toEqual(new Set(['moment']));
    expect(pages).toEqual(['page']);
    expect((await engine.search('okafor', { kind: ['moment', 'page'] })).length).toBe(moments.length + pages.length);
    expect(await engine.count({ kind: ['moment'] })).toBe(report.passages);
    expect(await engine.count({ kind: ['page'] })).toBe(1);
  });
});
