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
import type { EpisodeMeta } from '../corpus/summary.ts';
import type { Episode } from '../transcript/schema.ts';
import { editDistance } from './edit-distance.ts';
import { foldWord, words } from './text.ts';

export interface SearchDictionary {
  /** Format version, bumped when the shape changes. */
  version: 2;
  /** Folded words of names and titles (people, shows, titles, topics, tags), front-coded (see `frontCode`). */
  names: string;
  /** Folded words of people's names (hosts, guests, named speakers), front-coded: a query naming one asks about their talk. */
  people?: string;
  /**
   * Folded vocabulary in frequency tiers of `TIER_WORDS` words, most frequent
   * tier first, each tier in code-unit order and front-coded: sorted and
   * front-coded words compress to half the bytes of a frequency-ordered list,
   * and a word's tier is all its rank is needed for.
   */
  words: string[];
  /** True when `words` holds every word of the corpus (not capped): a word missing from it matches nothing. */
  complete: boolean;
  /** Folded word of a name → other spellings (one or two words) that occur in the corpus. */
  variants: Record<string, string[]>;
  /** Queries to suggest when a search finds nothing. */
  suggestions: string[];
}

export { TIER_WORDS, frontCode, frontDecode } from './front-code.ts';
import { TIER_WORDS, frontCode } from './front-code.ts';

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

/** What the dictionary takes from episodes' metadata alone (no transcript needed). */
export interface DictionarySources {
  /** Names and titles as written. */
  names: Set<string>;
  /** Proper names (people, shows, capitalised topics): the words worth looking for misspellings of. */
  proper: Set<string>;
  /** People's names (hosts, guests, named speakers). */
  people: Set<string>;
  /** How many episodes name each topic or tag. */
  topicCounts: Map<string, number>;
}

/** What the dictionary takes from the transcripts: counted in parts (one per search shard) and merged. */
export interface VocabularyPart {
  /** Folded word → occurrences. */
  counts: Map<string, number>;
  /** Folded name word → two-word spellings of it found in the transcripts (`deepseek` → `deep seek`). */
  splits: Map<string, Set<string>>;
}

/** Names, proper names and topic counts from every episode's metadata and the alias hook. */
export function dictionarySources(episodes: Iterable<EpisodeMeta>, options: Pick<DictionaryOptions, 'aliases'> = {}): DictionarySources {
  const names = new Set<string>();
  const proper = new Set<string>();
  const people = new Set<string>();
  const topicCounts = new Map<string, number>();
  for (const e of episodes) {
    names.add(e.title);
    names.add(e.show);
    proper.add(e.show);
    for (const n of [...e.hosts, ...e.guests]) names.add(n), proper.add(n), people.add(n);
    for (const s of e.speakers) if (!isAnonymous(s)) names.add(s.name), proper.add(s.name), people.add(s.name);
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
  return { names, proper, people, topicCounts };
}

/** The folded words of proper names that misspellings are looked for: five letters or more, no digits. */
export function variantCandidates(sources: DictionarySources): string[] {
  const properWords = new Set<string>();
  for (const n of sources.proper) for (const w of words(n)) if (w.length > 1) properWords.add(w);
  return [...properWords].filter((w) => w.length >= MIN_VARIANT_LENGTH && !/\d/.test(w)).sort();
}

/**
 * Counts the words of episodes' speech and summaries, one episode at a time,
 * and finds two-word spellings of `candidates` (adjacent words that join to
 * within one edit of a name's word: `deep seak` → `deepseek`).
 */
export class VocabularyCounter {
  private readonly counts = new Map<string, number>();
  private readonly splits = new Map<string, Set<string>>();
  /** Names by their first two letters, so each adjacent pair of words costs one lookup. */
  private readonly byStart = new Map<string, string[]>();

  constructor(candidates: readonly string[]) {
    for (const name of candidates) {
      const key = name.slice(0, 2);
      this.byStart.set(key, [...(this.byStart.get(key) ?? []), name]);
    }
  }

  add(episode: Episode): void {
    this.addPart(this.episodePart(episode));
  }

  /** One episode's counts and split spellings, apart from the rest (for caching them per episode). */
  episodePart(episode: Episode): VocabularyPart {
    const part: VocabularyPart = { counts: new Map(), splits: new Map() };
    for (const p of episode.paragraphs) {
      if (p.kind !== 'speech') continue;
      const seq = words(p.text);
      count(part.counts, seq);
      for (let i = 0; i + 1 < seq.length; i++) {
        const a = seq[i] ?? '';
        const b = seq[i + 1] ?? '';
        if (a.length < 2 || b.length < 2) continue;
        const joined = a + b;
        for (const name of this.byStart.get(joined.slice(0, 2)) ?? []) {
          // `copenhagen is` is the name and another word, not a split spelling of it.
          if (a === name || b === name || Math.abs(name.length - joined.length) > 1) continue;
          if (editDistance(name, joined, 1) <= 1) {
            let set = part.splits.get(name);
            if (!set) part.splits.set(name, (set = new Set()));
            set.add(`${a} ${b}`);
          }
        }
      }
    }
    if (episode.summary) count(part.counts, words(episode.summary));
    return part;
  }

  /** Add counts made apart (`episodePart`). */
  addPart(part: VocabularyPart): void {
    addVocabulary(this.result(), part);
  }

  result(): VocabularyPart {
    return { counts: this.counts, splits: this.splits };
  }
}

/** Count the words of `list` into `counts` (single letters and numbers left out). */
function count(counts: Map<string, number>, list: readonly string[]): void {
  for (const w of list) if (w.length > 1 && !/^\d+$/.test(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
}

/** The vocabulary of these episodes (see `VocabularyCounter`). */
export function countVocabulary(episodes: Iterable<Episode>, candidates: readonly string[]): VocabularyPart {
  const counter = new VocabularyCounter(candidates);
  for (const e of episodes) counter.add(e);
  return counter.result();
}

/** Several parts as one (counts added, spellings joined). */
export function mergeVocabulary(parts: Iterable<VocabularyPart>): VocabularyPart {
  const merged: VocabularyPart = { counts: new Map(), splits: new Map() };
  for (const part of parts) addVocabulary(merged, part);
  return merged;
}

/** Add `part` into `into`. */
function addVocabulary(into: VocabularyPart, part: VocabularyPart): void {
  for (const [w, n] of part.counts) into.counts.set(w, (into.counts.get(w) ?? 0) + n);
  for (const [name, set] of part.splits) {
    let joined = into.splits.get(name);
    if (!joined) into.splits.set(name, (joined = new Set()));
    for (const v of set) joined.add(v);
  }
}

/** A vocabulary part as plain arrays, for JSON (between processes, in the cache). */
export interface VocabularyJson {
  counts: [string, number][];
  splits: [string, string[]][];
}

export function vocabularyToJson(part: VocabularyPart): VocabularyJson {
  return { counts: [...part.counts], splits: [...part.splits].map(([name, set]) => [name, [...set]]) };
}

export function vocabularyFromJson(data: VocabularyJson): VocabularyPart {
  return { counts: new Map(data.counts), splits: new Map(data.splits.map(([name, list]) => [name, new Set(list)])) };
}

/** The dictionary from its sources and the whole vocabulary. */
export function assembleDictionary(sources: DictionarySources, vocabulary: VocabularyPart, options: DictionaryOptions = {}): SearchDictionary {
  const maxWords = options.maxWords ?? DEFAULT_MAX_WORDS;
  const { names, topicCounts } = sources;
  const counts = new Map(vocabulary.counts);
  for (const n of names) for (const w of words(n)) if (w.length > 1 && !/^\d+$/.test(w)) counts.set(w, (counts.get(w) ?? 0) + 1);

  const nameWords = new Set<string>();
  for (const n of names) for (const w of words(n)) if (w.length > 1) nameWords.add(w);

  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
  const kept = ranked.slice(0, maxWords);
  for (const w of ranked.slice(maxWords)) if (nameWords.has(w)) kept.push(w);

  const variants = nameVariants(variantCandidates(sources), nameWords, counts, vocabulary.splits);
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

  const tiers: string[] = [];
  for (let i = 0; i < kept.length; i += TIER_WORDS) tiers.push(frontCode(kept.slice(i, i + TIER_WORDS).sort()));
  return {
    version: 2,
    names: frontCode([...nameWords].sort()),
    people: frontCode([...new Set([...sources.people].flatMap((n) => words(n)).filter((w) => w.length > 1))].sort()),
    words: tiers,
    complete: ranked.length <= maxWords,
    variants,
    suggestions,
  };
}

/** Build the dictionary from every episode (held in memory). */
export function buildDictionary(episodes: readonly Episode[], options: DictionaryOptions = {}): SearchDictionary {
  const sources = dictionarySources(episodes, options);
  return assembleDictionary(sources, countVocabulary(episodes, variantCandidates(sources)), options);
}

/**
 * Spellings in the transcripts that are probably a name's word misheard:
 * a non-name word within edit distance 1 (2 from 8 letters) that shares its
 * first letter, or two adjacent words that join to within distance 1 (found
 * while counting, `splits`).
 */
function nameVariants(candidates: readonly string[], nameWords: Set<string>, counts: Map<string, number>, splits: Map<string, Set<string>>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (candidates.length === 0) return out;
  const limit = (w: string) => (w.length >= 8 ? 2 : 1);
  // Candidates by first letter and length: a word is compared only with names it could be within reach of.
  const byKey = new Map<string, string[]>();
  for (const name of candidates) {
    const key = `${name[0]}${name.length}`;
    byKey.set(key, [...(byKey.get(key) ?? []), name]);
  }
  const found: Array<[string, string]> = [];
  for (const w of counts.keys()) {
    if (nameWords.has(w) || w.length < MIN_VARIANT_LENGTH - 1) continue;
    for (let length = w.length - 2; length <= w.length + 2; length++) {
      // A shared first letter: misspellings and mishearings rarely change it, and it keeps noise out.
      for (const name of byKey.get(`${w[0]}${length}`) ?? []) {
        if (!isInflection(name, w) && editDistance(name, w, limit(name)) <= limit(name)) found.push([name, w]);
      }
    }
  }
  // In the order the names and the vocabulary were listed, as before: names sorted, words by first count.
  const order = new Map(candidates.map((c, i) => [c, i]));
  for (const [name, w] of found) (out[name] ??= []).push(w);
  for (const name of [...splits.keys()].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0))) {
    const list = (out[name] ??= []);
    for (const v of splits.get(name) ?? []) if (!list.includes(v)) list.push(v);
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
