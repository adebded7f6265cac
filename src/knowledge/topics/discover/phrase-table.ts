/**
 * The noun phrases of the corpus, counted: what the tagger contributes to
 * discovery. Filled paragraph by paragraph, one episode at a time, in the
 * main thread or in the worker (../second-thread.ts); each episode's table
 * becomes a part (`PhrasePart`), and merging the parts in episode order
 * makes the table one pass would have made, insertion order included, so
 * the result never depends on which thread tagged what, or on which parts
 * came from a cache.
 */
import { nounPhrases } from './noun-phrases.ts';
import { compareText } from '../words.ts';
import { excludedWord } from './stop-words.ts';

/** A noun phrase's counts. */
export interface Phrase {
  keys: string[];
  count: number;
  /** Occurrences as the head of a noun phrase, not as a modifier of a longer one. */
  heads: number;
  proper: number;
  /** Occurrences in text with capitals, and how many of those looked like a name: case only tells there. */
  cased: number;
  casedProper: number;
  /** Occurrences in text with capitals with every word capitalised mid-sentence (not at a sentence start, where any word is). */
  capitalised: number;
  adjectiveFirst: number;
  surfaces: Map<string, number>;
}

/** A phrase not yet counted. */
const emptyPhrase = (keys: string[]): Phrase => ({ keys, count: 0, heads: 0, proper: 0, cased: 0, casedProper: 0, capitalised: 0, adjectiveFirst: 0, surfaces: new Map() });

const excluded = (key: string) => excludedWord(key) !== undefined;

export class PhraseTable {
  /** Phrases by their space-joined keys. */
  phrases = new Map<string, Phrase>();
  /** How often each word was tagged an adjective. */
  adjectives = new Map<string, number>();
  /** How often a verb followed a noun phrase of everyday words, by `cutShortKey` (cut-short.ts). */
  cutShort = new Map<string, number>();

  /** Tag one paragraph's text and count its phrases; `lowercase` says the text has no capitals. */
  add(text: string, lowercase: boolean): void {
    for (const np of nounPhrases(text, excluded, this.adjectives, this.cutShort)) {
      const id = np.keys.join(' ');
      let phrase = this.phrases.get(id);
      if (!phrase) this.phrases.set(id, (phrase = emptyPhrase(np.keys)));
      phrase.count++;
      if (np.head) phrase.heads++;
      if (np.proper) phrase.proper++;
      if (!lowercase) {
        phrase.cased++;
        if (np.proper) phrase.casedProper++;
        if (np.capitalised) phrase.capitalised++;
      }
      if (np.adjectiveFirst) phrase.adjectiveFirst++;
      phrase.surfaces.set(np.surface, (phrase.surfaces.get(np.surface) ?? 0) + 1);
    }
  }

  /** The table as a part (see `PhrasePart`). */
  part(): PhrasePart {
    const ids: string[] = [];
    const numbers = new Int32Array(this.phrases.size * PHRASE_NUMBERS);
    const surfacePhrases: number[] = [];
    const surfaces: string[] = [];
    const surfaceCounts: number[] = [];
    let i = 0;
    for (const [id, p] of this.phrases) {
      ids.push(id);
      numbers.set([p.count, p.heads, p.proper, p.cased, p.casedProper, p.adjectiveFirst, p.capitalised], i * PHRASE_NUMBERS);
      for (const [s, n] of p.surfaces) {
        surfacePhrases.push(i);
        surfaces.push(s);
        surfaceCounts.push(n);
      }
      i++;
    }
    return {
      ids,
      numbers,
      surfacePhrases: Int32Array.from(surfacePhrases),
      surfaces,
      surfaceCounts: Int32Array.from(surfaceCounts),
      adjectives: [...this.adjectives.keys()],
      adjectiveCounts: Int32Array.from(this.adjectives.values()),
      cutShort: [...this.cutShort.keys()],
      cutShortCounts: Int32Array.from(this.cutShort.values()),
    };
  }

  /** Add the counts of a part made from the paragraphs after this table's. */
  merge(part: PhrasePart): void {
    const phrases: Phrase[] = [];
    part.ids.forEach((id, i) => {
      let phrase = this.phrases.get(id);
      if (!phrase) this.phrases.set(id, (phrase = emptyPhrase(id.split(' '))));
      const at = i * PHRASE_NUMBERS;
      const n = part.numbers;
      phrase.count += n[at] as number;
      phrase.heads += n[at + 1] as number;
      phrase.proper += n[at + 2] as number;
      phrase.cased += n[at + 3] as number;
      phrase.casedProper += n[at + 4] as number;
      phrase.adjectiveFirst += n[at + 5] as number;
      phrase.capitalised += n[at + 6] as number;
      phrases.push(phrase);
    });
    part.surfaces.forEach((s, i) => {
      const phrase = phrases[part.surfacePhrases[i] as number] as Phrase;
      phrase.surfaces.set(s, (phrase.surfaces.get(s) ?? 0) + (part.surfaceCounts[i] as number));
    });
    part.adjectives.forEach((k, i) => this.adjectives.set(k, (this.adjectives.get(k) ?? 0) + (part.adjectiveCounts[i] as number)));
    part.cutShort.forEach((k, i) => this.cutShort.set(k, (this.cutShort.get(k) ?? 0) + (part.cutShortCounts[i] as number)));
  }

  /**
   * Take away the counts of a part merged earlier (an episode edited or
   * removed since): what reaches zero goes. False, with the table left
   * half done, when the part holds more than the table does: it was never
   * merged into it.
   */
  subtract(part: PhrasePart): boolean {
    const phrases: Phrase[] = [];
    for (let i = 0; i < part.ids.length; i++) {
      const phrase = this.phrases.get(part.ids[i] as string);
      if (!phrase) return false;
      const at = i * PHRASE_NUMBERS;
      const n = part.numbers;
      phrase.count -= n[at] as number;
      phrase.heads -= n[at + 1] as number;
      phrase.proper -= n[at + 2] as number;
      phrase.cased -= n[at + 3] as number;
      phrase.casedProper -= n[at + 4] as number;
      phrase.adjectiveFirst -= n[at + 5] as number;
      phrase.capitalised -= n[at + 6] as number;
      if (phrase.count < 0 || phrase.heads < 0 || phrase.proper < 0 || phrase.cased < 0 || phrase.casedProper < 0 || phrase.adjectiveFirst < 0 || phrase.capitalised < 0) return false;
      phrases.push(phrase);
    }
    for (let i = 0; i < part.surfaces.length; i++) {
      const phrase = phrases[part.surfacePhrases[i] as number];
      if (!phrase || !takeAway(phrase.surfaces, part.surfaces[i] as string, part.surfaceCounts[i] as number)) return false;
    }
    for (const phrase of phrases) if (phrase.count === 0) this.phrases.delete(phrase.keys.join(' '));
    for (let i = 0; i < part.adjectives.length; i++) if (!takeAway(this.adjectives, part.adjectives[i] as string, part.adjectiveCounts[i] as number)) return false;
    for (let i = 0; i < part.cutShort.length; i++) if (!takeAway(this.cutShort, part.cutShort[i] as string, part.cutShortCounts[i] as number)) return false;
    return true;
  }

  /**
   * Put phrases, each phrase's spellings, adjectives and cut-short counts in
   * code-point order: the same table whatever order its parts were merged
   * in, or whether it was made by merging every episode's part or by
   * taking a few from a merged table and adding others (what an
   * incremental build does, see discover.ts).
   */
  canonicalize(): void {
    const phrases = new Map<string, Phrase>();
    for (const id of [...this.phrases.keys()].sort(compareText)) {
      const phrase = this.phrases.get(id) as Phrase;
      if (phrase.surfaces.size > 1) phrase.surfaces = sortedMap(phrase.surfaces);
      phrases.set(id, phrase);
    }
    this.phrases = phrases;
    this.adjectives = sortedMap(this.adjectives);
    this.cutShort = sortedMap(this.cutShort);
  }
}

/** A map with the same entries, keys in code-point order. */
function sortedMap<V>(map: ReadonlyMap<string, V>): Map<string, V> {
  return new Map([...map].sort((a, b) => compareText(a[0], b[0])));
}

/** Take `n` from a count; false when it holds less. A count that reaches zero goes. */
function takeAway(counts: Map<string, number>, key: string, n: number): boolean {
  const left = (counts.get(key) ?? 0) - n;
  if (left < 0) return false;
  if (left === 0) counts.delete(key);
  else counts.set(key, left);
  return true;
}

/** Numbers kept per phrase in a part: count, heads, proper, cased, casedProper, adjectiveFirst, capitalised. */
export const PHRASE_NUMBERS = 7;

/**
 * A phrase table as plain arrays, phrases and their spellings in the order
 * first seen: what one episode contributes, sent between threads and
 * cached. Merging parts in episode order gives the table one pass over all
 * the text gives.
 */
export interface PhrasePart {
  /** Phrases by their space-joined keys. */
  ids: string[];
  /** PHRASE_NUMBERS per phrase. */
  numbers: Int32Array;
  /** Spellings: phrase (by index), spelling, count. */
  surfacePhrases: Int32Array;
  surfaces: string[];
  surfaceCounts: Int32Array;
  adjectives: string[];
  adjectiveCounts: Int32Array;
  /** Verbs after noun phrases of everyday words, by `cutShortKey`, and how often. */
  cutShort: string[];
  cutShortCounts: Int32Array;
}
