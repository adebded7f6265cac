/**
 * Two measures of how alike two words are, for spelling correction:
 * optimal-string-alignment Damerau–Levenshtein distance (insertions,
 * deletions, substitutions and swaps of neighbours each cost 1:
 * `lindkvist`/`lindqvist` is 1, `pumsp`/`pumps` is 1) and a small phonetic
 * key in the spirit of Metaphone, so words that sound alike but are spelled
 * further apart (`agneshka`/`agnieszka`) still meet. Inputs are folded words
 * (see text.ts): lower case, no diacritics.
 */

/**
 * Damerau–Levenshtein distance (optimal string alignment) between `a` and `b`,
 * or `max + 1` as soon as it is certain to exceed `max` (so callers can scan a
 * whole vocabulary cheaply).
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  const n = b.length;
  // Three rolling rows: two back (for swaps), previous, current.
  let before = new Array<number>(n + 1).fill(0);
  let previous = Array.from({ length: n + 1 }, (_, j) => j);
  let current = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const bj = b.charCodeAt(j - 1);
      const cost = ai === bj ? 0 : 1;
      let d = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) d = Math.min(d, (before[j - 2] ?? 0) + 1);
      current[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  return previous[n] ?? 0;
}

const vowel = /[aeiouy]/;

/**
 * A rough sound-alike key: consonant skeleton after common English spelling
 * equivalences (ph→f, q/ck→k, soft c→s, z→s, v→f, x→ks, silent h and w),
 * vowels dropped except a leading one, doubled letters collapsed.
 * `lindqvist` and `lindkvist` both give `lndkfst`; `farook` and `farouk` both give `frk`.
 */
export function phoneticKey(word: string): string {
  let w = word.replace(/[^a-z]/g, '');
  if (!w) return '';
  w = w
    .replace(/^kn/, 'n')
    .replace(/^wr/, 'r')
    .replace(/^x/, 's')
    .replace(/ph/g, 'f')
    .replace(/gh/g, '')
    .replace(/ck/g, 'k')
    .replace(/sch/g, 'sk')
    .replace(/c(?=[eiy])/g, 's')
    .replace(/dg/g, 'j')
    .replace(/[cq]/g, 'k')
    .replace(/x/g, 'ks')
    .replace(/z/g, 's')
    .replace(/v/g, 'f');
  let out = w[0] ?? '';
  for (let i = 1; i < w.length; i++) {
    const ch = w[i] ?? '';
    if (vowel.test(ch) || ch === 'h' || ch === 'w') continue;
    if (ch !== out.at(-1)) out += ch;
  }
  return out;
}
