/**
 * Words as search sees them: the one normalization shared by the build-time
 * dictionary and the browser's query expansion, so a word counts as "known"
 * the same way on both sides. Case and diacritics are folded (Pagefind folds
 * diacritics too: `zoe` finds `Zoë`), apostrophes are dropped (`it's` → `its`),
 * and text splits on anything that is not a letter or a digit.
 */

const combiningMarks = /\p{M}+/gu;
const apostrophes = /['’ʼ]/g;
const wordPattern = /[\p{L}\p{N}]+/gu;

/** Fold one word: lower case, no diacritics, no apostrophes. `Zoë's` → `zoes`. */
export function foldWord(word: string): string {
  return word.normalize('NFKD').replace(combiningMarks, '').replace(apostrophes, '').toLowerCase();
}

/** The folded words of `text`, in order. `Heat-pumps, Zoë's!` → `heat pumps zoes`. */
export function words(text: string): string[] {
  const folded = text.normalize('NFKD').replace(combiningMarks, '').replace(apostrophes, '').toLowerCase();
  return folded.match(wordPattern) ?? [];
}

/** Number of whitespace-separated tokens: how Pagefind counts word positions in a record's content. */
export function tokenCount(text: string): number {
  const tokens = text.trim().split(/\s+/);
  return tokens.length === 1 && tokens[0] === '' ? 0 : tokens.length;
}
