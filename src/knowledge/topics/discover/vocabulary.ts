/**
 * Every one- and two-word form in the corpus, counted, so that discovery
 * can find the other spellings of a name: the same letters split or joined
 * differently ("deep seek" and "DeepSeek" are both `deepseek` run
 * together), and near-misspellings (one or two edits, or the same sound)
 * that speech recognition makes of rare names.
 *
 * Kept compact, as the vocabulary of a large archive is large: words are
 * numbered, a word keeps its spellings, and a pair of adjacent words is two
 * numbers and a count in a table of integers (the spellings of pairs are
 * collected later, where the candidates are matched). Each episode is
 * counted on its own (`EpisodeVocabulary`, a part that can be cached) and
 * the parts are merged in episode order. After the counts are in, `index` makes the
 * lookups by run-together key, for the pairs that can matter: those that
 * run together into a wanted key (a candidate's), and those holding a word
 * of no everyday use, which is what a misrecognition looks like.
 */
import { doubleMetaphone } from 'double-metaphone';
import { distance } from 'fastest-levenshtein';
import type { CorpusParagraph } from '../corpus.ts';
import type { WordToken } from '../words.ts';

/** One form: a word or a pair of adjacent words. */
export interface Form {
  keys: string[];
  /** The keys run together. */
  joined: string;
  count: number;
  /** Spellings as written, with counts (single words only; see `Vocabulary`). */
  surfaces: Map<string, number>;
}

/** Forms seen this often or more are never taken for misspellings, so they are not indexed for fuzzy lookups. */
const MAX_VARIANT_COUNT = 40;
/** Shortest run-together key considered for fuzzy lookups. */
export const MIN_FUZZY_LENGTH = 5;

/**
 * One episode's words, counted (what `Vocabulary.merge` adds): its words in
 * the order first seen, with counts; the spellings of each word other than
 * the word's key itself, as (word, spelling, count) in the order first
 * seen; and the pairs of adjacent words as (first, second, count), words
 * by their index here. Kept in this order so that merging the episodes'
 * parts one after another gives what counting all the text in one go
 * gives, first-seen orders included. Plain arrays and strings, so it can
 * be cached.
 */
export interface VocabularyPart {
  words: string[];
  counts: Int32Array;
  /** Spellings: `surfaceWords[i]` is the word (by index) spelled `surfaces[i]`, `surfaceCounts[i]` times. */
  surfaceWords: Int32Array;
  surfaces: string[];
  surfaceCounts: Int32Array;
  /** (first, second, count) triples. */
  pairs: Int32Array;
}

/** Counts one episode's words, paragraph by paragraph, into a `VocabularyPart`. */
export class EpisodeVocabulary {
  readonly #ids = new Map<string, number>();
  readonly #words: string[] = [];
  readonly #counts: number[] = [];
  /** Index of each word's spelling as its own key, or -1 before it is seen so. */
  readonly #keySurface: number[] = [];
  readonly #surfaceIds = new Map<string, number>();
  readonly #surfaceWords: number[] = [];
  readonly #surfaces: string[] = [];
  readonly #surfaceCounts: number[] = [];
  readonly #pairs = new PairTable();

  /** Count the one- and two-word forms of a paragraph. */
  addParagraph(p: CorpusParagraph): void {
    const { tokens, breaks, paragraph } = p;
    const text = paragraph.text;
    let previous = -1;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i] as WordToken;
      const key = t.key;
      let id = this.#ids.get(key);
      if (id === undefined) {
        id = this.#words.length;
        this.#ids.set(key, id);
        this.#words.push(key);
        this.#counts.push(0);
        this.#keySurface.push(-1);
      }
      this.#counts[id] = (this.#counts[id] as number) + 1;
      // Most words are written as their key ("pump"): no string is cut out of the text for them.
      let s: number;
      if (t.end - t.start === key.length && text.startsWith(key, t.start)) {
        s = this.#keySurface[id] as number;
        if (s < 0) this.#keySurface[id] = s = this.#newSurface(id, key);
      } else {
        const surface = text.slice(t.start, t.end);
        s = this.#surfaceIds.get(surface) ?? -1;
        if (s < 0) {
          s = this.#newSurface(id, surface);
          this.#surfaceIds.set(surface, s);
        }
      }
      this.#surfaceCounts[s] = (this.#surfaceCounts[s] as number) + 1;
      if (previous >= 0 && !breaks.has(i)) this.#pairs.add(previous, id, 1);
      previous = id;
    }
  }

  #newSurface(word: number, surface: string): number {
    this.#surfaceWords.push(word);
    this.#surfaces.push(surface);
    this.#surfaceCounts.push(0);
    return this.#surfaces.length - 1;
  }

  /** The counts so far. */
  part(): VocabularyPart {
    return {
      words: this.#words,
      counts: Int32Array.from(this.#counts),
      surfaceWords: Int32Array.from(this.#surfaceWords),
      surfaces: this.#surfaces,
      surfaceCounts: Int32Array.from(this.#surfaceCounts),
      pairs: this.#pairs.triples(),
    };
  }
}

export class Vocabulary {
  readonly #ids = new Map<string, number>();
  readonly #words: Form[] = [];
  readonly #pairs = new PairTable();
  /** Words counted. */
  #total = 0;
  /** Forms by run-together key, after `index`. */
  #forms: Map<string, Form[]> | undefined;
  #deletions: Map<string, Set<string>> | undefined;
  #sounds: Map<string, Set<string>> | undefined;

  /** Add one episode's counts (episodes in order: first-seen orders are kept). */
  merge(part: VocabularyPart): void {
    if (this.#forms) throw new Error('Vocabulary.merge after index');
    const ids = new Int32Array(part.words.length);
    part.words.forEach((key, i) => {
      let id = this.#ids.get(key);
      if (id === undefined) {
        id = this.#words.length;
        this.#ids.set(key, id);
        this.#words.push({ keys: [key], joined: key, count: 0, surfaces: new Map() });
      }
      ids[i] = id;
      const n = part.counts[i] as number;
      (this.#words[id] as Form).count += n;
      this.#total += n;
    });
    part.surfaces.forEach((surface, i) => {
      const word = this.#words[ids[part.surfaceWords[i] as number] as number] as Form;
      word.surfaces.set(surface, (word.surfaces.get(surface) ?? 0) + (part.surfaceCounts[i] as number));
    });
    const pairs = part.pairs;
    for (let i = 0; i < pairs.length; i += 3) this.#pairs.add(ids[pairs[i] as number] as number, ids[pairs[i + 1] as number] as number, pairs[i + 2] as number);
  }

  /**
   * Build the lookups by run-together key: every word; the pairs whose keys
   * run together into one of `wanted` (or that plus "s"); and the pairs
   * with a word for which `unusual` holds (a possible misrecognition).
   */
  index(wanted: ReadonlySet<string>, unusual: (key: string) => boolean): void {
    const forms = new Map<string, Form[]>();
    const put = (f: Form) => {
      const list = forms.get(f.joined);
      if (list) list.push(f);
      else forms.set(f.joined, [f]);
    };
    for (const w of this.#words) put(w);
    const odd = this.#words.map((w) => unusual(w.joined));
    this.#pairs.forEach((a, b, count) => {
      const first = this.#words[a] as Form;
      const second = this.#words[b] as Form;
      const joined = first.joined + second.joined;
      const base = joined.endsWith('s') ? joined.slice(0, -1) : joined;
      if (odd[a] || odd[b] || wanted.has(joined) || wanted.has(base)) put({ keys: [first.joined, second.joined], joined, count, surfaces: new Map() });
    });
    this.#forms = forms;
  }

  /** The indexed forms with this run-together key. */
  forms(joined: string): readonly Form[] {
    if (!this.#forms) throw new Error('Vocabulary.forms before index');
    return this.#forms.get(joined) ?? [];
  }

  /** Words counted. */
  get total(): number {
    return this.#total;
  }

  /** How often word `b` follows word `a` (no punctuation between). */
  pairCount(a: string, b: string): number {
    const x = this.#ids.get(a);
    const y = this.#ids.get(b);
    return x === undefined || y === undefined ? 0 : this.#pairs.get(x, y);
  }

  /**
   * How strongly adjacent words go together: for each pair of neighbours in
   * `keys`, Dunning's log-likelihood ratio G² that the second follows the
   * first more often than chance (0 when not more often); the weakest pair.
   * 10.8 is p < 0.001.
   */
  collocation(keys: readonly string[]): number {
    let weakest = Infinity;
    for (let i = 0; i + 1 < keys.length; i++) {
      const a = keys[i] as string;
      const b = keys[i + 1] as string;
      const k11 = this.pairCount(a, b);
      const k12 = Math.max(0, (this.word(a)?.count ?? 0) - k11);
      const k21 = Math.max(0, (this.word(b)?.count ?? 0) - k11);
      const k22 = Math.max(0, this.#total - k11 - k12 - k21);
      const expected = ((k11 + k12) * (k11 + k21)) / Math.max(1, this.#total);
      weakest = Math.min(weakest, k11 > expected ? logLikelihood(k11, k12, k21, k22) : 0);
    }
    return weakest === Infinity ? 0 : weakest;
  }

  /** The single word with this key, if seen. */
  word(key: string): Form | undefined {
    const id = this.#ids.get(key);
    return id === undefined ? undefined : this.#words[id];
  }

  /** Total count of every indexed form with this run-together key. */
  count(joined: string): number {
    let n = 0;
    for (const form of this.forms(joined)) n += form.count;
    return n;
  }

  /**
   * Run-together keys within `maxEdits` edits of `joined` (itself excluded),
   * or, for `maxEdits` 2, also those that sound the same by Double Metaphone
   * within that distance. Only forms seen fewer than MAX_VARIANT_COUNT times
   * are found.
   */
  near(joined: string, maxEdits: 1 | 2): string[] {
    if (joined.length < MIN_FUZZY_LENGTH) return [];
    const { deletions: del, sounds } = this.#fuzzy();
    const found = new Set<string>();
    for (const variant of [joined, ...deletions(joined)]) for (const k of del.get(variant) ?? []) found.add(k);
    if (maxEdits === 2) for (const code of doubleMetaphone(joined)) for (const k of sounds.get(code) ?? []) found.add(k);
    found.delete(joined);
    return [...found].filter((k) => distance(k, joined) <= maxEdits).sort();
  }

  #fuzzy(): { deletions: Map<string, Set<string>>; sounds: Map<string, Set<string>> } {
    if (this.#deletions && this.#sounds) return { deletions: this.#deletions, sounds: this.#sounds };
    if (!this.#forms) throw new Error('Vocabulary.near before index');
    const del = new Map<string, Set<string>>();
    const sound = new Map<string, Set<string>>();
    const put = (map: Map<string, Set<string>>, key: string, value: string) => {
      let set = map.get(key);
      if (!set) map.set(key, (set = new Set()));
      set.add(value);
    };
    for (const joined of this.#forms.keys()) {
      // A variant may be one letter shorter than the shortest name looked up ("lama" for "llama").
      if (joined.length < MIN_FUZZY_LENGTH - 1 || this.count(joined) >= MAX_VARIANT_COUNT) continue;
      put(del, joined, joined);
      for (const d of deletions(joined)) put(del, d, joined);
      for (const code of doubleMetaphone(joined)) put(sound, code, joined);
    }
    this.#deletions = del;
    this.#sounds = sound;
    return { deletions: del, sounds: sound };
  }
}

/** Dunning's G² for a 2×2 table of counts. */
function logLikelihood(k11: number, k12: number, k21: number, k22: number): number {
  const xlogx = (x: number) => (x > 0 ? x * Math.log(x) : 0);
  const n = k11 + k12 + k21 + k22;
  const cells = xlogx(k11) + xlogx(k12) + xlogx(k21) + xlogx(k22);
  const rows = xlogx(k11 + k12) + xlogx(k21 + k22);
  const cols = xlogx(k11 + k21) + xlogx(k12 + k22);
  return Math.max(0, 2 * (cells - rows - cols + xlogx(n)));
}

/** The strings one deletion away from `s`. */
function deletions(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) out.push(s.slice(0, i) + s.slice(i + 1));
  return out;
}

/**
 * Counts of pairs of small integers, in the order first added: an
 * open-addressing table over typed arrays (a Map keyed by a number made of
 * both would hold a heap number per pair).
 */
class PairTable {
  #slots = new Int32Array(1024);
  #first = new Int32Array(512);
  #second = new Int32Array(512);
  #counts = new Int32Array(512);
  #size = 0;

  get size(): number {
    return this.#size;
  }

  /** Add `n` to the count of (a, b). */
  add(a: number, b: number, n: number): void {
    const mask = this.#slots.length - 1;
    let slot = pairHash(a, b) & mask;
    for (let held = this.#slots[slot] as number; held !== 0; held = this.#slots[slot] as number) {
      const i = held - 1;
      if (this.#first[i] === a && this.#second[i] === b) {
        this.#counts[i] = (this.#counts[i] as number) + n;
        return;
      }
      slot = (slot + 1) & mask;
    }
    const i = this.#size++;
    if (i === this.#first.length) {
      this.#first = grown(this.#first);
      this.#second = grown(this.#second);
      this.#counts = grown(this.#counts);
    }
    this.#first[i] = a;
    this.#second[i] = b;
    this.#counts[i] = n;
    this.#slots[slot] = i + 1;
    if (this.#size * 2 > this.#slots.length) this.#rehash();
  }

  /** The count of (a, b), 0 when never added. */
  get(a: number, b: number): number {
    const mask = this.#slots.length - 1;
    let slot = pairHash(a, b) & mask;
    for (let held = this.#slots[slot] as number; held !== 0; held = this.#slots[slot] as number) {
      const i = held - 1;
      if (this.#first[i] === a && this.#second[i] === b) return this.#counts[i] as number;
      slot = (slot + 1) & mask;
    }
    return 0;
  }

  /** Every pair and its count, in the order first added. */
  forEach(visit: (a: number, b: number, count: number) => void): void {
    for (let i = 0; i < this.#size; i++) visit(this.#first[i] as number, this.#second[i] as number, this.#counts[i] as number);
  }

  /** (a, b, count) triples in the order first added. */
  triples(): Int32Array {
    const out = new Int32Array(this.#size * 3);
    for (let i = 0; i < this.#size; i++) {
      out[3 * i] = this.#first[i] as number;
      out[3 * i + 1] = this.#second[i] as number;
      out[3 * i + 2] = this.#counts[i] as number;
    }
    return out;
  }

  #rehash(): void {
    const slots = new Int32Array(this.#slots.length * 2);
    const mask = slots.length - 1;
    for (let i = 0; i < this.#size; i++) {
      let slot = pairHash(this.#first[i] as number, this.#second[i] as number) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = i + 1;
    }
    this.#slots = slots;
  }
}

function pairHash(a: number, b: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca6b);
  h ^= h >>> 15;
  return Math.imul(h, 0x2c1b3c6d) ^ (h >>> 13);
}

function grown(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const out = new Int32Array(a.length * 2);
  out.set(a);
  return out;
}
