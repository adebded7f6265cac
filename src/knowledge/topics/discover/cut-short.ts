/**
 * Noun phrases the tagger cut short. A tagger reads a word by its usual
 * part of speech, so a term whose last word is usually a verb loses it:
 * "test time compute" comes out as the noun phrase "test time" and the
 * verb "compute". While tagging, the verb after each noun phrase of
 * everyday words is counted (noun-phrases.ts); when the same verb follows
 * such a phrase nearly every time it ends a noun chunk, the phrase with
 * that verb is taken as the noun phrase it is. Whether it is a topic is
 * then decided like any candidate's, on its mentions counted in the text.
 */
import type { Phrase } from './phrase-table.ts';
import type { Vocabulary } from './vocabulary.ts';

export const cutShortRules = {
  /** The phrase ends its noun chunk at least this often… */
  minHeads: 3,
  /** …and the same verb follows it at least this share of those times. */
  share: 0.8,
} as const;

/** The key a verb after a phrase is counted under while tagging: the phrase's keys and the verb. */
export const cutShortKey = (phraseKeys: readonly string[], verb: string) => `${phraseKeys.join(' ')}\u0000${verb}`;

/** A phrase the tagger cut short, taken with the verb it left out. */
export interface CutShort {
  phrase: Phrase;
  /** The phrase as the tagger cut it, and the verb it left out. */
  from: string;
  verb: string;
}

/**
 * The longer phrases: one for each phrase in `phrases` that a verb of
 * `cutShort` (counts by `cutShortKey`) nearly always follows, unless the
 * tagger found the longer one as a noun phrase too; in the order of
 * `cutShort`.
 */
export function cutShortPhrases(phrases: ReadonlyMap<string, Phrase>, cutShort: ReadonlyMap<string, number>, vocabulary: Vocabulary): CutShort[] {
  const out: CutShort[] = [];
  for (const [key, count] of cutShort) {
    const [from = '', verb = ''] = key.split('\u0000');
    const p = phrases.get(from);
    if (!p || p.heads < cutShortRules.minHeads || count < cutShortRules.share * p.heads) continue;
    const keys = [...p.keys, verb];
    if (phrases.has(keys.join(' '))) continue;
    const spelling = vocabulary.spelling(verb);
    const share = count / p.count;
    const part = (n: number) => Math.round(n * share);
    const surfaces = new Map<string, number>();
    for (const [s, n] of p.surfaces) surfaces.set(`${s} ${spelling}`, Math.max(1, part(n)));
    out.push({
      phrase: { keys, count, heads: count, proper: part(p.proper), cased: part(p.cased), casedProper: part(p.casedProper), capitalised: part(p.capitalised), adjectiveFirst: part(p.adjectiveFirst), surfaces },
      from,
      verb,
    });
  }
  return out;
}
