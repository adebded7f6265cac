/**
 * Word counts for talk time in untimed transcripts. Space-separated scripts
 * are counted by whitespace (fast); text with CJK or Thai characters, which
 * does not separate words with spaces, goes through Intl.Segmenter.
 */

const unspaced = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
let segmenter: Intl.Segmenter | undefined;

/** Number of words in `text`. */
export function countWords(text: string): number {
  if (!unspaced.test(text)) {
    const tokens = text.match(/[\p{L}\p{N}][^\s]*/gu);
    return tokens ? tokens.length : 0;
  }
  segmenter ??= new Intl.Segmenter('und', { granularity: 'word' });
  let n = 0;
  for (const part of segmenter.segment(text)) if (part.isWordLike) n++;
  return n;
}
