/**
 * The noun phrases of the corpus, counted: what the tagger contributes to
 * discovery. Filled paragraph by paragraph, in the main thread or in the
 * tagging worker (tagger.ts); two tables filled from consecutive parts of
 * the corpus merge into the table one pass would have made, insertion
 * order included, so the result never depends on which thread tagged what.
 */
import { nounPhrases } from './noun-phrases.ts';
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
  adjectiveFirst: number;
  surfaces: Map<string, number>;
}

const excluded = (key: string) => excludedWord(key) !== undefined;

export class PhraseTable {
  /** Phrases by their space-joined keys. */
  phrases = new Map<string, Phrase>();
  /** How often each word was tagged an adjective. */
  adjectives = new Map<string, number>();

  /** Tag one paragraph's text and count its phrases; `lowercase` says the text has no capitals. */
  add(text: string, lowercase: boolean): void {
    for (const np of nounPhrases(text, excluded, this.adjectives)) {
      const id = np.keys.join(' ');
      let phrase = this.phrases.get(id);
      if (!phrase) this.phrases.set(id, (phrase = { keys: np.keys, count: 0, heads: 0, proper: 0, cased: 0, casedProper: 0, adjectiveFirst: 0, surfaces: new Map() }));
      phrase.count++;
      if (np.head) phrase.heads++;
      if (np.proper) phrase.proper++;
      if (!lowercase) {
        phrase.cased++;
        if (np.proper) phrase.casedProper++;
      }
      if (np.adjectiveFirst) phrase.adjectiveFirst++;
      phrase.surfaces.set(np.surface, (phrase.surfaces.get(np.surface) ?? 0) + 1);
    }
  }

  /** Add the counts of a table made from the paragraphs after this one's. */
  merge(later: { phrases: Map<string, Phrase>; adjectives: Map<string, number> }): void {
    for (const [id, p] of later.phrases) {
      const mine = this.phrases.get(id);
      if (!mine) {
        this.phrases.set(id, p);
        continue;
      }
      mine.count += p.count;
      mine.heads += p.heads;
      mine.proper += p.proper;
      mine.cased += p.cased;
      mine.casedProper += p.casedProper;
      mine.adjectiveFirst += p.adjectiveFirst;
      for (const [s, n] of p.surfaces) mine.surfaces.set(s, (mine.surfaces.get(s) ?? 0) + n);
    }
    for (const [k, n] of later.adjectives) this.adjectives.set(k, (this.adjectives.get(k) ?? 0) + n);
  }
}
