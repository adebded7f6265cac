/**
 * Spelling knowledge at query time, over the published dictionary: is a
 * query word known, what known words is an unknown one probably meant to be,
 * which other spellings of a name occur in the transcripts. Pure; the search
 * page builds one from `dictionary.json`, tests build one from episodes.
 */
import { frontDecode, TIER_WORDS } from './front-code.ts';
import type { SearchDictionary } from './dictionary.ts';
import { editDistance, phoneticKey } from './edit-distance.ts';

export interface Suggestion {
  word: string;
  /** Edit distance from the query word. */
  distance: number;
  /** Lower is better: distance, adjusted for names, first letter and frequency. */
  cost: number;
}

/** Words shorter than this are never corrected (`tv`, `uk`, `cop` are too easy to "fix" wrongly). */
const MIN_CORRECTABLE = 4;

export class Speller {
  /** Word → frequency rank (0 = most frequent). */
  readonly #rank = new Map<string, number>();
  /** The vocabulary in code-unit order, for prefix lookups. */
  readonly #sorted: string[];
  readonly #names = new Set<string>();
  readonly #people = new Set<string>();
  readonly #variants = new Map<string, string[]>();
  /** Reverse of `variants`: a variant spelling → the names it may stand for. */
  readonly #canonical = new Map<string, string[]>();
  readonly #byKey = new Map<string, string[]>();
  /** True when the vocabulary is the whole corpus's: an unknown word then matches nothing. */
  readonly complete: boolean;

  constructor(dictionary: SearchDictionary) {
    this.complete = dictionary.complete === true;
    // A word's rank is the start of its frequency tier: all the ranking needs (ties, compound splits).
    dictionary.words.forEach((tier, t) => {
      for (const w of frontDecode(tier)) if (!this.#rank.has(w)) this.#rank.set(w, t * TIER_WORDS);
    });
    this.#sorted = [...this.#rank.keys()].sort();
    for (const w of frontDecode(dictionary.names)) this.#names.add(w);
    for (const w of frontDecode(dictionary.people ?? '')) this.#people.add(w);
    for (const [name, list] of Object.entries(dictionary.variants)) {
      this.#variants.set(name, list);
      for (const v of list) this.#canonical.set(v, [...(this.#canonical.get(v) ?? []), name]);
    }
    for (const w of this.#rank.keys()) {
      if (w.length < MIN_CORRECTABLE + 1) continue;
      const key = phoneticKey(w);
      if (key.length < 3) continue;
      const list = this.#byKey.get(key);
      if (list) list.push(w);
      else this.#byKey.set(key, [w]);
    }
  }

  /** True when `word` (folded) is in the vocabulary. */
  has(word: string): boolean {
    return this.#rank.has(word);
  }

  /** True when `word` is a word, or the start of one, in the vocabulary (Pagefind matches prefixes). */
  isKnown(word: string): boolean {
    if (this.#rank.has(word) || /^\d+$/.test(word)) return true;
    if (word.length < 3) return true; // too short to judge; leave it to Pagefind
    let lo = 0;
    let hi = this.#sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.#sorted[mid] ?? '') < word) lo = mid + 1;
      else hi = mid;
    }
    return (this.#sorted[lo] ?? '').startsWith(word);
  }

  /** True when `word` is a word of a name, show, title or topic. */
  isName(word: string): boolean {
    return this.#names.has(word);
  }

  /** True when `word` is a word of a person's name (a host, guest or named speaker). */
  isPerson(word: string): boolean {
    return this.#people.has(word);
  }

  /**
   * Known words `word` was probably meant to be, best first: within edit
   * distance 1 (from 4 letters), 2 (from 8 letters, or from 5 when they also
   * sound alike). Names win ties, then a shared first letter, then frequency.
   */
  suggest(word: string, limit = 2): Suggestion[] {
    if (word.length < MIN_CORRECTABLE || /\d/.test(word)) return [];
    const max = word.length >= 5 ? 2 : 1;
    const key = word.length > MIN_CORRECTABLE ? phoneticKey(word) : '';
    const soundAlike = new Set(key.length >= 3 ? (this.#byKey.get(key) ?? []) : []);
    const size = Math.max(1, this.#rank.size);
    const found: Suggestion[] = [];
    for (const [candidate, rank] of this.#rank) {
      if (candidate.length < MIN_CORRECTABLE - 1 || Math.abs(candidate.length - word.length) > max) continue;
      const distance = editDistance(word, candidate, max);
      if (distance === 0 || distance > max) continue;
      const alike = soundAlike.has(candidate);
      if (distance === 2 && word.length < 8 && !alike) continue;
      const cost =
        distance +
        (candidate[0] === word[0] ? 0 : 0.5) -
        (this.#names.has(candidate) ? 0.3 : 0) -
        (alike ? 0.2 : 0) +
        (0.1 * rank) / size;
      found.push({ word: candidate, distance, cost });
    }
    return found.sort((a, b) => a.cost - b.cost).slice(0, limit);
  }

  /** Other spellings of `word` that occur in the corpus (both ways: name → variants, variant → name). */
  alternatives(word: string): string[] {
    const out = new Set<string>([...(this.#variants.get(word) ?? []), ...(this.#canonical.get(word) ?? [])]);
    out.delete(word);
    return [...out];
  }

  /** `heatpumps` → `heat pumps` when both halves are known words of 3+ letters; null otherwise. */
  split(word: string): string | null {
    return this.#split(word, 3);
  }

  /**
   * How a known word of 6+ letters may also be written as two words, both
   * known (the second may have two letters): `openai` → `open ai`, `softbank`
   * → `soft bank`. Speech recognition writes company names both ways.
   */
  splitCompound(word: string): string | null {
    return word.length >= 6 ? this.#split(word, 2) : null;
  }

  #split(word: string, minSecond: number): string | null {
    let best: { text: string; score: number } | null = null;
    for (let i = 3; i <= word.length - minSecond; i++) {
      const a = word.slice(0, i);
      const b = word.slice(i);
      const ra = this.#rank.get(a);
      const rb = this.#rank.get(b);
      if (ra === undefined || rb === undefined) continue;
      const score = Math.max(ra, rb);
      if (!best || score < best.score) best = { text: `${a} ${b}`, score };
    }
    return best?.text ?? null;
  }
}
