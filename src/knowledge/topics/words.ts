/**
 * Words as topic matching sees them: a paragraph becomes a list of word
 * tokens with their character ranges, and every word gets a key that folds
 * case, Latin accents, possessives and regular English plurals, so
 * "Nvidia's", "NVIDIA" and "nvidia" are one word, and so are "heat pumps"
 * and "heat pump". Aliases and transcript text go through the same
 * functions, which is what makes the folding safe: it only has to be
 * consistent, not linguistically right ("gas" and "ga" never meet).
 */

/** One word of a text. */
export interface WordToken {
  /** The folded key the matcher compares (see `wordKey`). */
  key: string;
  /** Offset of the first character in the text. */
  start: number;
  /** Offset just past the last character (possessive included). */
  end: number;
  /** True when every letter is a capital (an acronym such as "AI" or "COP"). */
  caps: boolean;
  /** True when the word starts with a capital ("Apple", "AI"). */
  capitalized: boolean;
}

// A word: letters, digits and combining marks, with inner apostrophes ("don't", "Nvidia's").
// Hyphens and other punctuation separate words, so "kilowatt-hour" is two words.
const wordPattern = /[\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{N}\p{M}]+)*/gu;
const hasLetter = /\p{L}/u;
const hasLower = /\p{Ll}/u;
const startsUpper = /^\p{Lu}/u;
const acronymPlural = /^\p{Lu}{2,}s$/u;
/** Latin letters that Unicode does not decompose into a base letter and an accent. */
const latinFolds: Record<string, string> = { ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', ł: 'l', đ: 'd', þ: 'th' };

/**
 * Spans that are not words anyone said: caption annotations in square
 * brackets (`[music]`, `[__]` for a bleeped word, `[laughter]`) and the `>>`
 * speaker-change marker. Matching and discovery skip them, and a phrase
 * never runs across one.
 */
const markupPattern = /\[[^\]\n]{0,40}\]|>>/g;

/** Character ranges of caption markup in `text`, in order. */
export function markupRanges(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  if (text.indexOf('[') === -1 && text.indexOf('>>') === -1) return out;
  markupPattern.lastIndex = 0;
  for (let m = markupPattern.exec(text); m !== null; m = markupPattern.exec(text)) out.push([m.index, m.index + m[0].length]);
  return out;
}

/**
 * The words of `text`, in order. Words inside caption markup are left out.
 * `breaks` holds the index of every word that follows punctuation other
 * than a hyphen or apostrophe (a sentence end, a comma, a bracket, markup):
 * a multi-word alias never matches across one. Caption boundaries are only
 * spaces in paragraph text, so they never break a phrase.
 */
export function tokenize(text: string): { tokens: WordToken[]; breaks: Set<number> } {
  const tokens: WordToken[] = [];
  const breaks = new Set<number>();
  const markup = markupRanges(text);
  let m = 0;
  let previousEnd = 0;
  wordPattern.lastIndex = 0;
  for (let match = wordPattern.exec(text); match !== null; match = wordPattern.exec(text)) {
    const start = match.index;
    const end = start + match[0].length;
    while (m < markup.length && (markup[m] as [number, number])[1] <= start) m++;
    const range = markup[m];
    if (range && range[0] <= start && start < range[1]) continue;
    const word = wordInfo(match[0]);
    if (word.key === '') continue;
    // Between words there is nearly always one space, which breaks nothing.
    if (tokens.length > 0 && !(start === previousEnd + 1 && text.charCodeAt(previousEnd) === 32) && breakPattern.test(text.slice(previousEnd, start))) {
      breaks.add(tokens.length);
    }
    previousEnd = end;
    tokens.push({ key: word.key, start, end, caps: word.caps, capitalized: word.capitalized });
  }
  return { tokens, breaks };
}

/** What a written word folds to, by its spelling: words repeat, so each spelling is worked out once. */
interface WordInfo {
  key: string;
  caps: boolean;
  capitalized: boolean;
}
const infoCache = new Map<string, WordInfo>();
/** Spellings remembered at most (the cache is cleared when full). */
const INFO_CACHE_SIZE = 200_000;

function wordInfo(word: string): WordInfo {
  let info = infoCache.get(word);
  if (info) return info;
  info = { key: wordKey(word), caps: isCaps(word), capitalized: startsUpper.test(word) };
  if (infoCache.size >= INFO_CACHE_SIZE) infoCache.clear();
  infoCache.set(word, info);
  return info;
}

/** Punctuation between two words that ends a phrase; a dot only before a space ("U.S." stays one phrase). */
const breakPattern = /[.!?;:,…]\s|[()"“”[\]]|>>/;

/** True for a word of two or more letters written all in capitals. */
export function isCaps(word: string): boolean {
  let letters = 0;
  for (const ch of word) if (hasLetter.test(ch)) letters++;
  return letters >= 2 && !hasLower.test(word);
}

/**
 * The matching key of one word: lower case, Latin accents stripped
 * (café → cafe, København → kobenhavn), curly apostrophes straightened, a possessive `'s` or
 * trailing apostrophe dropped, then a regular English plural folded to its
 * singular (see `singular`; "GPUs" → "gpu"). Returns '' for a word with no
 * letter or digit.
 */
export function wordKey(word: string): string {
  // An acronym's plural keeps its capitals: "GPUs" is "GPU" + s, whatever its ending looks like.
  let w = (acronymPlural.test(word) ? word.slice(0, -1) : word).toLowerCase();
  if (/[^\u0000-\u007f]/.test(w)) {
    w = w.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').normalize('NFC');
    w = w.replace(/[øæœßłđþ]/g, (c) => latinFolds[c] ?? c);
  }
  w = w.replace(/’/g, "'");
  if (w.endsWith("'s")) w = w.slice(0, -2);
  w = w.replace(/'+$/, '');
  if (w === '') return '';
  return w.includes("'") ? w : singular(w);
}

/**
 * Fold a regular English plural to its singular: batteries → battery,
 * taxes → tax, pumps → pump. Words of three letters or fewer, and words in
 * -ss, -us, -is and -ics, are kept (gas, class, virus, analysis, economics).
 */
export function singular(w: string): string {
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (w.endsWith('sses') || w.endsWith('xes') || w.endsWith('ches') || w.endsWith('shes') || w.endsWith('zzes')) return w.slice(0, -2);
  if (w.endsWith('ss') || w.endsWith('us') || w.endsWith('is') || w.endsWith('ics')) return w;
  if (w.endsWith('s')) return w.slice(0, -1);
  return w;
}

/** The keys of the words of a phrase, e.g. an alias: "Heat-Pumps" → ["heat", "pump"]. */
export function phraseKeys(phrase: string): string[] {
  return tokenize(phrase).tokens.map((t) => t.key);
}
