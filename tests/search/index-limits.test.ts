/**
 * The search index at the ingest's limits (docs/robustness.md, Limits): one
 * episode whose first paragraph is as long as the ingest allows (a segment
 * just short of closing a paragraph, then a segment of MAX_SEGMENT_CHARS
 * characters with no sentence end) goes through the real Pagefind Node API
 * and is searched with the bundle the browser loads. Times are not asserted
 * (the bench measures them).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeSearchIndex } from '../../src/search-index/write-search-index.ts';
import { loadPagefind } from '../../src/node/pagefind-search.ts';
import { resultView } from '../../src/search/result-view.ts';
import { MAX_SEGMENT_CHARS, parseTranscript } from '../../src/transcript/parse-transcript.ts';
import { UNPUNCTUATED_MAX_CHARS } from '../../src/transcript/normalize/paragraphs.ts';

const out = mkdtempSync(join(tmpdir(), 'verbatim-index-limits-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** `n` characters of words with no sentence end: `first`, numbered words, `last`, then a run of x's to fill. */
function words(n: number, first: string, last: string): string {
  let text = first;
  for (let i = 0; text.length < n - last.length - 16; i++) text += ` ${['grid', 'heat', 'pump', 'rail', 'tunnel', 'bread'][i % 6]}${i % 997}`;
  text += ` ${last}`;
  return `${text} ${'x'.repeat(n - text.length - 1)}`;
}

describe('a search index at the size limits', () => {
  it('indexes and finds a paragraph of a segment at the limit, keeping its whole text', async () => {
    // The text has almost no sentence ends, so paragraphs close at UNPUNCTUATED_MAX_CHARS.
    const opening = words(UNPUNCTUATED_MAX_CHARS - 20, 'openingword', 'closingopening');
    const longest = words(MAX_SEGMENT_CHARS, 'firstword', 'lastword');
    expect(longest.length).toBe(MAX_SEGMENT_CHARS);
    const srt = `1\n00:00:01,000 --> 00:00:02,000\n${opening}\n\n2\n00:00:02,000 --> 00:10:00,000\n${longest}\n\n3\n00:10:00,000 --> 00:10:01,000\nAfter. The end.\n`;
    const { episode, diagnostics } = parseTranscript({ file: 'longest.srt', bytes: new TextEncoder().encode(srt) });
    expect(diagnostics).toEqual([]);
    if (!episode) throw new Error('no episode');
    const paragraph = episode.paragraphs[0];
    expect(paragraph?.text.length).toBeGreaterThan(MAX_SEGMENT_CHARS);

    const report = await writeSearchIndex([episode], { outDir: out, base: '/' });
    expect(report.passages).toBe(2);
    console.info(
      `longest paragraph ${paragraph?.text.length} characters: index ${report.dataBytes} bytes of data in ${report.files} files, dictionary ${report.dictionaryBytes} bytes`,
    );

    const { pagefind } = await loadPagefind(join(out, 'pagefind'));
    for (const word of ['openingword', 'firstword', 'lastword', 'tunnel500']) {
      const response = await pagefind.search(word);
      const hits = response?.results ?? [];
      expect(hits.length, word).toBeGreaterThan(0);
      const data = await hits[0]?.data();
      if (!data) throw new Error(`no data for ${word}`);
      expect(data.url, word).toBe(`/episodes/longest/#${paragraph?.id}`);
      // Pagefind keeps the whole text; the card reads its excerpt back from it.
      expect(data.content, word).toBe(paragraph?.text);
      const view = resultView(data);
      expect(view.href).toBe(`/episodes/longest/#${paragraph?.id}`);
      expect(view.excerpt.map((p) => p.text).join('').length).toBeGreaterThan(0);
    }
    const last = await (await pagefind.search('lastword'))?.results[0]?.data();
    expect(last?.locations).toEqual([(paragraph?.text.split(/\s+/).length ?? 0) - 2]);
  });
});
