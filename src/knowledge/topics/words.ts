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
 *
 * The words are those of `wordPattern`; this runs three times over every
 * transcript when the topic index is built, so words of ASCII letters,
 * digits and apostrophes (nearly all of them) are found by a loop over
 * character codes and looked up by their characters (`Spellings`) without
 * cutting a string out of the text; only a word with another non-ASCII
 * character goes through the pattern. tests/topics/tokenize.test.ts checks
 * the two ways agree.
 */
export function tokenize(text: string): { tokens: WordToken[]; breaks: Set<number> } {
  const tokens: WordToken[] = [];
  const breaks = new Set<number>();
  const markup = markupRanges(text);
  const length = text.length;
  let m = 0;
  let previousEnd = 0;
  let at = 0;
  while (at < length) {
    const c = text.charCodeAt(at);
    let start = at;
    let end: number;
    let word: WordInfo | undefined;
    if (c < 128) {
      if (!asciiWordChar(c)) {
        at++;
        continue;
      }
      // A word of ASCII letters and digits, with inner apostrophes; hashed as it is read.
      let hash = 0;
      let i = at;
      let plain = true;
      for (;;) {
        const d = i < length ? text.charCodeAt(i) : -1;
        if (d >= 0 && d < 128 && asciiWordChar(d)) {
          hash = (Math.imul(hash, 31) + d) | 0;
          i++;
          continue;
        }
        if (d === 39 || d === 0x2019) {
          const e = i + 1 < length ? text.charCodeAt(i + 1) : -1;
          if (e >= 0 && e < 128 && asciiWordChar(e)) {
            hash = (Math.imul(hash, 31) + d) | 0;
            i++;
            continue;
          }
          if (e >= 128 && e !== 0x2019) plain = false; // maybe a letter beyond ASCII after the apostrophe
          break;
        }
        if (d >= 128) plain = false; // maybe a letter beyond ASCII: the pattern decides
        break;
      }
      if (plain) {
        end = i;
        word = spellings.find(text, start, end, hash);
      } else {
        end = -1;
      }
    } else {
      end = -1;
    }
    if (end < 0) {
      // Beyond ASCII: the pattern says whether a word starts here, and where it ends.
      stickyWordPattern.lastIndex = at;
      const match = stickyWordPattern.exec(text);
      if (match === null) {
        // On by a code point, as the pattern's own search goes.
        at += c >= 0xd800 && c <= 0xdbff && at + 1 < length && (text.charCodeAt(at + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
        continue;
      }
      start = at;
      end = at + match[0].length;
      word = wordInfo(match[0]);
    }
    at = end;
    while (m < markup.length && (markup[m] as [number, number])[1] <= start) m++;
    const range = markup[m];
    if (range && range[0] <= start && start < range[1]) continue;
    const info = word as WordInfo;
    if (info.key === '') continue;
    // Between words there is nearly always one space, which breaks nothing.
    if (tokens.length > 0 && !(start === previousEnd + 1 && text.charCodeAt(previousEnd) === 32) && breaksPhrase(text, previousEnd, start)) {
      breaks.add(tokens.length);
    }
    previousEnd = end;
    tokens.push({ key: info.key, start, end, caps: info.caps, capitalized: info.capitalized });
  }
  return { tokens, breaks };
}

/** ASCII letters and digits: the only ASCII characters in `wordPattern`'s class. */
function asciiWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

/** The pattern anchored where it is tried: a word starting exactly there. */
const stickyWordPattern = new RegExp(wordPattern.source, 'uy');

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

/**
 * Spellings seen, found by their characters in a text (no string is cut
 * out of the text for a spelling seen before): an open-addressing table
 * keyed by a hash of the characters, checked character by character.
 */
class Spellings {
  #slots = new Int32Array(1 << 16);
  #mask = (1 << 16) - 1;
  #words: string[] = [];
  #infos: WordInfo[] = [];
  #hashes: number[] = [];

  /** The info of `text.slice(start, end)`, whose characters hash to `hash`. */
  find(text: string, start: number, end: number, hash: number): WordInfo {
    const n = end - start;
    let slot = mix(hash) & this.#mask;
    for (let held = this.#slots[slot] as number; held !== 0; held = this.#slots[slot] as number) {
      const i = held - 1;
      if (this.#hashes[i] === hash) {
        const w = this.#words[i] as string;
        if (w.length === n) {
          let k = 0;
          while (k < n && w.charCodeAt(k) === text.charCodeAt(start + k)) k++;
          if (k === n) return this.#infos[i] as WordInfo;
        }
      }
      slot = (slot + 1) & this.#mask;
    }
    const word = text.slice(start, end);
    const info = wordInfo(word);
    if (this.#words.length >= INFO_CACHE_SIZE) {
      this.#reset();
      return this.find(text, start, end, hash);
    }
    this.#words.push(word);
    this.#infos.push(info);
    this.#hashes.push(hash);
    this.#slots[slot] = this.#words.length;
    if (this.#words.length * 2 > this.#slots.length) this.#grow();
    return info;
  }

  #reset(): void {
    this.#slots = new Int32Array(1 << 16);
    this.#mask = (1 << 16) - 1;
    this.#words = [];
    this.#infos = [];
    this.#hashes = [];
  }

  #grow(): void {
    const slots = new Int32Array(this.#slots.length * 2);
    const mask = slots.length - 1;
    this.#hashes.forEach((hash, i) => {
      let slot = mix(hash) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = i + 1;
    });
    this.#slots = slots;
    this.#mask = mask;
  }
}

/** Spread a polynomial hash's bits over the low ones the table uses. */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  return h ^ (h >>> 16);
}

const spellings = new Spellings();

/**
 * True when the text between two words ends a phrase, as the pattern
 * /[.!?;:,…]\s|[()"“”[\]]|>>/ finds: a sentence or clause mark before
 * white space (a dot only before a space: "U.S." stays one phrase), a
 * bracket or a quotation mark, or `>>`.
 */
function breaksPhrase(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    switch (c) {
      case 46: // .
      case 33: // !
      case 63: // ?
      case 59: // ;
      case 58: // :
      case 44: // ,
      case 0x2026: // …
        if (i + 1 < to && isSpace(text.charCodeAt(i + 1))) return true;
        break;
      case 40: // (
      case 41: // )
      case 34: // "
      case 0x201c: // “
      case 0x201d: // ”
      case 91: // [
      case 93: // ]
        return true;
      case 62: // >
        if (i + 1 < to && text.charCodeAt(i + 1) === 62) return true;
        break;
    }
  }
  return false;
}

/** White space as `\s` means it in a regular expression. */
function isSpace(c: number): boolean {
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

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

/** Code-point order of keys, the same everywhere (no locale): what discovery sorts by so its output never depends on reading order. */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
