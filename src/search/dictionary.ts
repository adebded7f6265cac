/**
 * The search dictionary: known spellings the search page uses to correct and
 * expand queries, built once per site build and published as a small JSON
 * file beside the page (`search/dictionary.json`).
 *
 * - `names`: people, shows, episode titles, topics and tags as written. Their
 *   words are preferred corrections (speech recognition and users both
 *   misspell names: `Lindkvist`, `Navidia`).
 * - `words`: the corpus vocabulary, folded, most frequent first, capped so
 *   the file stays small; names' words are always included.
 * - `variants`: other spellings of a name's word found in the transcripts
 *   (`lindquist` for `lindqvist`, `deep seek` for `deepseek`), searched too.
 *   The `aliases` option is the hook for topic aliases (a topic page's
 *   `aliases:` list, when topics land): they merge in here.
 * - `suggestions`: a few frequent topics, offered when nothing matches.
 */
import { isAnonymous } from '../knowledge/people.ts';
import type { Episode } from '../transcript/schema.ts';
import { editDistance } from './edit-distance.ts';
import { foldWord, words } from './text.ts';

export interface SearchDictionary {
  /** Format version, bumped when the shape changes. */
  version: 1;
  /** Names and titles as written. */
  names: string[];
  /** Folded vocabulary, most frequent first, space-separated. */
  words: string;
  /** True when `words` holds every word of the corpus (not capped): a word missing from it matches nothing. */
  complete: boolean;
  /** Folded word of a name → other spellings (one or two words) that occur in the corpus. */
  variants: Record<string, string[]>;
  /** Queries to suggest when a search finds nothing. */
  suggestions: string[];
}

export interface DictionaryOptions {
  /** Most vocabulary words kept (names' words are always kept). */
  maxWords?: number;
  /** Extra spellings by canonical name or topic: `{ "DeepSeek": ["deep seek", "deep seak"] }`. */
  aliases?: Record<string, readonly string[]>;
  /** How many suggestions to offer. */
  suggestions?: number;
}

/** Default vocabulary cap: ~15 000 words is ~120 KB raw, ~45 KB gzipped. */
export const DEFAULT_MAX_WORDS = 15_000;
/** Names' words shorter than this get no variants (too many near neighbours). */
const MIN_VARIANT_LENGTH = 5;

/** Build the dictionary from every episode. */
export function buildDictionary(episodes: readonly Episode[], options: DictionaryOptions = {}): SearchDictionary {
  const maxWords = options.maxWords ?? DEFAULT_MAX_WORDS;
  const names = new Set<string>();
  /** Proper names (people, shows, capitalised topics): the words worth looking for misspellings of. */
  const proper = new Set<string>();
  const topicCounts = new Map<string, number>();
  for (const e of episodes) {
    names.add(e.title);
    names.add(e.show);
    proper.add(e.show);
    for (const n of [...e.hosts, ...e.guests]) names.add(n), proper.add(n);
    for (const s of e.speakers) if (!isAnonymous(s)) names.add(s.name), proper.add(s.name);
    for (const t of new Set([...e.topics, ...e.tags])) {
      names.add(t);
      for (const part of t.split(/\s+/)) if (/^\p{Lu}/u.test(part)) proper.add(part);
      topicCounts.set(t, (topicCounts.get(t) ?? 0) + 1);
    }
  }
  for (const [canonical, list] of Object.entries(options.aliases ?? {})) {
    names.add(canonical);
    proper.add(canonical);
    for (const a of list) names.add(a);
  }

  const counts = new Map<string, number>();
  const count = (text: string) => {
    for (const w of words(text)) if (w.length > 1 && !/^\d+$/.test(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
  };
  const sequences: string[][] = [];
  for (const e of episodes) {
    for (const p of e.paragraphs) {
      if (p.kind !== 'speech') continue;
      count(p.text);
      sequences.push(words(p.text));
    }
    if (e.summary) count(e.summary);
  }
  for (const n of names) count(n);

  const nameWords = new Set<string>();
  for (const n of names) for (const w of words(n)) if (w.length > 1) nameWords.add(w);

  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
  const kept = ranked.slice(0, maxWords);
  const keptSet = new Set(kept);
  for (const w of ranked.slice(maxWords)) if (nameWords.has(w)) kept.push(w), keptSet.add(w);

  const properWords = new Set<string>();
  for (const n of proper) for (const w of words(n)) if (w.length > 1) properWords.add(w);
  const variants = nameVariants(properWords, nameWords, counts, sequences);
  for (const [canonical, list] of Object.entries(options.aliases ?? {})) {
    const key = words(canonical).join('');
    if (!key) continue;
    const spellings = list.map((a) => words(a).join(' ')).filter((a) => a && a !== key);
    variants[key] = [...new Set([...(variants[key] ?? []), ...spellings])];
  }

  const suggestions = [...topicCounts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, options.suggestions ?? 6)
    .map(([t]) => t);

  return {
    version: 1,
    names: [...names].sort((a, b) => a.localeCompare(b)),
    words: kept.join(' '),
    complete: ranked.length <= maxWords,
    variants,
    suggestions,
  };
}

/**
 * Spellings in the transcripts that are probably a name's word misheard:
 * a non-name word within edit distance 1 (2 from 8 letters), or two adjacent
 * words that join to within distance 1 (`deep seak` → `deepseek`).
 */
function nameVariants(
  properWords: Set<string>,
  nameWords: Set<string>,
  counts: Map<string, number>,
  sequences: string[][],
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const add = (name: string, variant: string) => {
    const list = (out[name] ??= []);
    if (!list.includes(variant)) list.push(variant);
  };
  const limit = (w: string) => (w.length >= 8 ? 2 : 1);
  const candidates = [...properWords].filter((w) => w.length >= MIN_VARIANT_LENGTH && !/\d/.test(w));
  if (candidates.length === 0) return out;

  for (const w of counts.keys()) {
    if (nameWords.has(w) || w.length < MIN_VARIANT_LENGTH - 1) continue;
    for (const name of candidates) {
      // A shared first letter: misspellings and mishearings rarely change it, and it keeps noise out.
      if (name[0] !== w[0]) continue;
      if (!isInflection(name, w) && editDistance(name, w, limit(name)) <= limit(name)) add(name, w);
    }
  }

  // Two-word spellings: index names by their first two letters so each adjacent pair costs one lookup.
  const byStart = new Map<string, string[]>();
  for (const name of candidates) {
    const key = name.slice(0, 2);
    byStart.set(key, [...(byStart.get(key) ?? []), name]);
  }
  for (const seq of sequences) {
    for (let i = 0; i + 1 < seq.length; i++) {
      const a = seq[i] ?? '';
      const b = seq[i + 1] ?? '';
      if (a.length < 2 || b.length < 2) continue;
      const joined = a + b;
      for (const name of byStart.get(joined.slice(0, 2)) ?? []) {
        // `copenhagen is` is the name and another word, not a split spelling of it.
        if (a === name || b === name || Math.abs(name.length - joined.length) > 1) continue;
        if (editDistance(name, joined, 1) <= 1) add(name, `${a} ${b}`);
      }
    }
  }
  return out;
}

/** `copenhagens`, `haddads`: the same word inflected, which Pagefind's stemming already finds. */
function isInflection(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return long.startsWith(short) && /^(?:s|es|ed|ing|er|ers)$/.test(long.slice(short.length));
}

/** Folded form used as a dictionary key for a name or phrase (`Deep Seek` → `deepseek`). */
export const dictionaryKey = (text: string): string => words(text).join('') || foldWord(text);
