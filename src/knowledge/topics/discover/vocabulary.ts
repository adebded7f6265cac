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
import { compareText } from '../words.ts';
import type { WordToken } from '../words.ts';
import { PairTable } from '../pair-table.ts';

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
  addParagraph(p: Pick<CorpusParagraph, 'tokens' | 'breaks'> & { paragraph: { text: string } }): void {
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
  #deletions: DeletionIndex | undefined;
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
   * Take away the counts of a part merged earlier (an episode edited or
   * removed since). Words, spellings and pairs that reach zero are left
   * at zero until `canonical` drops them. False, with the counts left half
   * done, when the part holds more than the vocabulary does: it was never
   * merged into it.
   */
  subtract(part: VocabularyPart): boolean {
    if (this.#forms) throw new Error('Vocabulary.subtract after index');
    const ids = new Int32Array(part.words.length);
    for (let i = 0; i < part.words.length; i++) {
      const id = this.#ids.get(part.words[i] as string);
      const n = part.counts[i] as number;
      const word = id === undefined ? undefined : this.#words[id];
      if (id === undefined || !word || word.count < n) return false;
      ids[i] = id;
      word.count -= n;
      this.#total -= n;
    }
    for (let i = 0; i < part.surfaces.length; i++) {
      const word = this.#words[ids[part.surfaceWords[i] as number] as number];
      const surface = part.surfaces[i] as string;
      const left = (word?.surfaces.get(surface) ?? 0) - (part.surfaceCounts[i] as number);
      if (!word || left < 0) return false;
      word.surfaces.set(surface, left);
    }
    const pairs = part.pairs;
    for (let i = 0; i < pairs.length; i += 3) {
      const a = ids[pairs[i] as number] as number;
      const b = ids[pairs[i + 1] as number] as number;
      const n = pairs[i + 2] as number;
      if (this.#pairs.get(a, b) < n) return false;
      this.#pairs.add(a, b, -n);
    }
    return true;
  }

  /**
   * The same counts with words, each word's spellings and the pairs in
   * code-point order of their keys, and nothing at zero: the same
   * vocabulary whatever order its parts were merged in, or whether some
   * were taken away (see `PhraseTable.canonicalize`).
   */
  canonical(): Vocabulary {
    if (this.#forms) throw new Error('Vocabulary.canonical after index');
    const order = this.#words.map((_, id) => id).filter((id) => (this.#words[id] as Form).count > 0);
    order.sort((x, y) => compareText((this.#words[x] as Form).joined, (this.#words[y] as Form).joined));
    const renumbered = new Int32Array(this.#words.length).fill(-1);
    order.forEach((id, i) => {
      renumbered[id] = i;
    });
    const out = new Vocabulary();
    for (const id of order) {
      const word = this.#words[id] as Form;
      out.#ids.set(word.joined, out.#words.length);
      const surfaces = new Map([...word.surfaces].filter(([, n]) => n > 0).sort((a, b) => compareText(a[0], b[0])));
      out.#words.push({ keys: [word.joined], joined: word.joined, count: word.count, surfaces });
    }
    out.#total = this.#total;
    const pairs: number[] = [];
    this.#pairs.forEach((a, b, count) => {
      const x = renumbered[a] as number;
      const y = renumbered[b] as number;
      if (count > 0 && x >= 0 && y >= 0) pairs.push(x, y, count);
    });
    const byPair = Array.from({ length: pairs.length / 3 }, (_, i) => i).sort((i, j) => (pairs[3 * i] as number) - (pairs[3 * j] as number) || (pairs[3 * i + 1] as number) - (pairs[3 * j + 1] as number));
    for (const i of byPair) out.#pairs.add(pairs[3 * i] as number, pairs[3 * i + 1] as number, pairs[3 * i + 2] as number);
    return out;
  }

  /** The counts as one part (what `merge` adds): merged into an empty vocabulary, it gives this one, orders included. */
  part(): VocabularyPart {
    const surfaceWords: number[] = [];
    const surfaces: string[] = [];
    const surfaceCounts: number[] = [];
    this.#words.forEach((word, id) => {
      for (const [s, n] of word.surfaces) {
        surfaceWords.push(id);
        surfaces.push(s);
        surfaceCounts.push(n);
      }
    });
    return {
      words: this.#words.map((w) => w.joined),
      counts: Int32Array.from(this.#words, (w) => w.count),
      surfaceWords: Int32Array.from(surfaceWords),
      surfaces,
      surfaceCounts: Int32Array.from(surfaceCounts),
      pairs: this.#pairs.triples(),
    };
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

  /** A word's most frequent spelling (its key when it was only ever written so). */
  spelling(key: string): string {
    const word = this.word(key);
    let best = key;
    let most = 0;
    for (const [s, n] of word?.surfaces ?? []) {
      if (n > most) [best, most] = [s, n];
    }
    // The key itself counts as a spelling for what the spellings recorded do not cover.
    return word && word.count - [...word.surfaces.values()].reduce((x, y) => x + y, 0) >= most ? key : best;
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
    const found = new Set<string>(del.near(joined));
    if (maxEdits === 2) for (const code of doubleMetaphone(joined)) for (const k of sounds.get(code) ?? []) found.add(k);
    found.delete(joined);
    return [...found].filter((k) => distance(k, joined) <= maxEdits).sort();
  }

  /**
   * Single words that sound like `key` by Double Metaphone (itself
   * included when seen), of those `near` can find: seen fewer than
   * MAX_VARIANT_COUNT times, at least MIN_FUZZY_LENGTH - 1 letters.
   */
  soundsLike(key: string): string[] {
    const { sounds } = this.#fuzzy();
    const found = new Set<string>();
    for (const code of doubleMetaphone(key)) for (const k of sounds.get(code) ?? []) if (this.#ids.has(k)) found.add(k);
    return [...found].sort();
  }

  #fuzzy(): { deletions: DeletionIndex; sounds: Map<string, Set<string>> } {
    if (this.#deletions && this.#sounds) return { deletions: this.#deletions, sounds: this.#sounds };
    if (!this.#forms) throw new Error('Vocabulary.near before index');
    const sound = new Map<string, Set<string>>();
    const indexed: string[] = [];
    for (const joined of this.#forms.keys()) {
      // A variant may be one letter shorter than the shortest name looked up ("lama" for "llama").
      if (joined.length < MIN_FUZZY_LENGTH - 1 || this.count(joined) >= MAX_VARIANT_COUNT) continue;
      indexed.push(joined);
      for (const code of doubleMetaphone(joined)) {
        let set = sound.get(code);
        if (!set) sound.set(code, (set = new Set()));
        set.add(joined);
      }
    }
    this.#deletions = new DeletionIndex(indexed);
    this.#sounds = sound;
    return { deletions: this.#deletions, sounds: sound };
  }
}

/**
 * Keys that share a string with a looked-up key when each loses at most one
 * character (symmetric deletion: the key itself, one deletion of it, or one
 * more character, or one character changed or moved). Every key and each
 * of its one-character deletions is indexed by a 32-bit hash of its
 * characters, worked out from prefix and suffix hashes without making the
 * strings, in one flat table; what a lookup finds is checked exactly.
 */
class DeletionIndex {
  readonly #keys: readonly string[];
  /** Entries grouped by bucket: `#start[b]` to `#start[b + 1]` in `#hashes` and `#owners`. */
  readonly #start: Int32Array;
  readonly #hashes: Int32Array;
  readonly #owners: Int32Array;
  readonly #mask: number;

  constructor(keys: readonly string[]) {
    this.#keys = keys;
    let entries = 0;
    for (const k of keys) entries += k.length + 1;
    let buckets = 1024;
    while (buckets < entries) buckets *= 2;
    this.#mask = buckets - 1;
    const hashes = new Int32Array(entries);
    const owners = new Int32Array(entries);
    let at = 0;
    keys.forEach((k, i) => {
      at = deletionHashes(k, hashes, at);
      owners.fill(i, at - k.length - 1, at);
    });
    // Counting sort by bucket.
    const start = new Int32Array(buckets + 1);
    for (let e = 0; e < entries; e++) {
      const b = mixHash(hashes[e] as number) & this.#mask;
      start[b + 1] = (start[b + 1] as number) + 1;
    }
    for (let b = 0; b < buckets; b++) start[b + 1] = (start[b + 1] as number) + (start[b] as number);
    const fill = start.slice(0, buckets);
    this.#hashes = new Int32Array(entries);
    this.#owners = new Int32Array(entries);
    for (let e = 0; e < entries; e++) {
      const h = hashes[e] as number;
      const b = mixHash(h) & this.#mask;
      const to = fill[b] as number;
      fill[b] = to + 1;
      this.#hashes[to] = h;
      this.#owners[to] = owners[e] as number;
    }
    this.#start = start;
  }

  /** Indexed keys k with ({k} ∪ deletions(k)) ∩ ({q} ∪ deletions(q)) not empty (q itself included when indexed). */
  near(q: string): string[] {
    const probe = new Int32Array(q.length + 1);
    deletionHashes(q, probe, 0);
    const own = new Set([q, ...deletions(q)]);
    const seen = new Set<number>();
    const out: string[] = [];
    for (const h of probe) {
      const b = mixHash(h) & this.#mask;
      for (let e = this.#start[b] as number; e < (this.#start[b + 1] as number); e++) {
        if (this.#hashes[e] !== h) continue;
        const owner = this.#owners[e] as number;
        if (seen.has(owner)) continue;
        seen.add(owner);
        const k = this.#keys[owner] as string;
        if (own.has(k) || deletions(k).some((d) => own.has(d))) out.push(k);
      }
    }
    return out;
  }
}

let prefixBuffer = new Int32Array(64);

/** Polynomial hash base (odd), for hashes of a string with one character left out. */
const BASE = 0x01000193;

/**
 * Write the hash of `s`, then of `s` without each of its characters in
 * turn, into `out` from `at`; returns the position after them. The hash of
 * a string is the same whether it is a key or a deletion of another.
 */
function deletionHashes(s: string, out: Int32Array, at: number): number {
  const n = s.length;
  // prefix[i] = hash of s[0, i); suffix hash of s[j, n) built from the right with its power.
  if (prefixBuffer.length < n + 1) prefixBuffer = new Int32Array(2 * n + 2);
  const prefix = prefixBuffer;
  for (let i = 0; i < n; i++) prefix[i + 1] = (Math.imul(prefix[i] as number, BASE) + s.charCodeAt(i)) | 0;
  out[at++] = prefix[n] as number;
  let suffix = 0;
  let power = 1;
  for (let j = n - 1; j >= 0; j--) {
    // s without character j: prefix[j] shifted past the n - 1 - j characters after it, plus their hash.
    out[at + j] = (Math.imul(prefix[j] as number, power) + suffix) | 0;
    suffix = (suffix + Math.imul(s.charCodeAt(j), power)) | 0;
    power = Math.imul(power, BASE);
  }
  return at + n;
}

function mixHash(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  return h ^ (h >>> 16);
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
