/**
 * Front coding of sorted word lists, for the search dictionary. Kept apart
 * from dictionary.ts (which builds the dictionary at build time and imports
 * the transcript schema) so the browser's search island bundles only this.
 */

/** Words per frequency tier of `SearchDictionary.words`. */
export const TIER_WORDS = 500;

/**
 * Sorted words written as `<k><rest>` entries separated by spaces, where k
 * (one digit, at most 9) is how many leading characters the word shares
 * with the one before: `heat heater heating` → `0heat 4er 4ing`.
 */
export function frontCode(sorted: readonly string[]): string {
  const out: string[] = [];
  let previous = '';
  for (const w of sorted) {
    let k = 0;
    while (k < 9 && k < w.length && k < previous.length && w.charCodeAt(k) === previous.charCodeAt(k)) k++;
    out.push(`${k}${w.slice(k)}`);
    previous = w;
  }
  return out.join(' ');
}

/** Read `frontCode` output back into its words. */
export function frontDecode(text: string): string[] {
  const out: string[] = [];
  let previous = '';
  for (const entry of text.split(' ')) {
    if (entry === '') continue;
    const k = entry.charCodeAt(0) - 48;
    if (k < 0 || k > 9) continue;
    previous = previous.slice(0, k) + entry.slice(1);
    out.push(previous);
  }
  return out;
}
