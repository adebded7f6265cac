/**
 * The tokenizer's fast path (a loop over character codes for ASCII words,
 * spellings looked up by their characters) finds exactly the words,
 * character ranges, keys and phrase breaks that the plain definition does:
 * `wordPattern` over the text, words in caption markup and words with an
 * empty key left out, and a break wherever the text between two words
 * holds punctuation that ends a phrase. Checked on random text made of the
 * characters where the two could differ, and on the sample transcripts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCaps, markupRanges, tokenize, wordKey } from '../../src/knowledge/topics/words.ts';

/** The definition, as the tokenizer was first written. */
function reference(text: string) {
  const wordPattern = /[\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{N}\p{M}]+)*/gu;
  const breakPattern = /[.!?;:,…]\s|[()"“”[\]]|>>/;
  const tokens: Array<{ key: string; start: number; end: number; caps: boolean; capitalized: boolean }> = [];
  const breaks = new Set<number>();
  const markup = markupRanges(text);
  let m = 0;
  let previousEnd = 0;
  for (let match = wordPattern.exec(text); match !== null; match = wordPattern.exec(text)) {
    const start = match.index;
    const end = start + match[0].length;
    while (m < markup.length && (markup[m] as [number, number])[1] <= start) m++;
    const range = markup[m];
    if (range && range[0] <= start && start < range[1]) continue;
    const key = wordKey(match[0]);
    if (key === '') continue;
    if (tokens.length > 0 && breakPattern.test(text.slice(previousEnd, start))) breaks.add(tokens.length);
    previousEnd = end;
    tokens.push({ key, start, end, caps: isCaps(match[0]), capitalized: /^\p{Lu}/u.test(match[0]) });
  }
  return { tokens, breaks };
}

const pieces = [
  'a', 'b', 'Z', 'Q', 'e', 's', 'S', '7', '0', 'AI', 'GPUs', 'pumps', "'s", '’s', "'", '’', ' ', ' ', '  ', '\n', '\t',
  '.', ',', '!', '?', ';', ':', '…', '-', '(', ')', '"', '“', '”', '[', ']', '>', '>>', '[music]', '[__]',
  'é', 'É', 'ø', 'ß', 'ı', '\u0301', '\u00a0', '\u2009', '\u3000', '\ufeff', '漢', '٣', 'Ⅻ', '😀', '𝐀', '\ud800', '\udc00', 'Nvidia', 'København',
];
const text = fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((parts) => parts.join(''));

describe('tokenize', () => {
  it('finds the words and breaks of the plain definition, on random text', () => {
    fc.assert(
      fc.property(text, (t) => {
        const fast = tokenize(t);
        const slow = reference(t);
        expect(fast.tokens).toEqual(slow.tokens);
        expect([...fast.breaks]).toEqual([...slow.breaks]);
      }),
      { numRuns: 3000 },
    );
  });

  it('finds the words and breaks of the plain definition, on the sample transcripts', () => {
    const root = join(import.meta.dirname, '..', '..', 'content', 'episodes');
    const files = readdirSync(root, { recursive: true }).map(String).filter((f) => /\.(txt|srt|vtt|md)$/.test(f));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      for (const line of readFileSync(join(root, file), 'utf8').split('\n')) {
        const fast = tokenize(line);
        const slow = reference(line);
        expect(fast.tokens).toEqual(slow.tokens);
        expect([...fast.breaks]).toEqual([...slow.breaks]);
      }
    }
  });
});
