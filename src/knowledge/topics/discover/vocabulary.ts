/**
 * Every one- and two-word form in the corpus, counted, so that discovery
 * can find the other spellings of a name: the same letters split or joined
 * differently ("deep seek" and "DeepSeek" are both `deepseek` run
 * together), and near-misspellings (one or two edits, or the same sound)
 * that speech recognition makes of rare names.
 *
 * Kept compact, as the vocabulary of a large archive is large: words are
 * numbered, a word keeps its spellings, and a pair of adjacent words is one
 * number and a count (the spellings of pairs are collected later, where
 * the candidates are matched). After the counts are in, `index` makes the
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
/** Pair keys: first word's number × PAIR + second's. */
const PAIR = 2 ** 24;

export class Vocabulary {
  readonly #ids = new Map<string, number>();
  readonly #words: Form[] = [];
  readonly #pairs = new Map<number, number>();
  /** Words counted. */
  #total = 0;
  /** Forms by run-together key, after `index`. */
  #forms: Map<string, Form[]> | undefined;
  #deletions: Map<string, Set<string>> | undefined;
  #sounds: Map<string, Set<string>> | undefined;

  /** Count the one- and two-word forms of a paragraph. */
  addParagraph(p: CorpusParagraph): void {
    if (this.#forms) throw new Error('Vocabulary.addParagraph after index');
    const { tokens, breaks, paragraph } = p;
    const text = paragraph.text;
    let previous = -1;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i] as WordToken;
      let id = this.#ids.get(t.key);
      if (id === undefined) {
        id = this.#words.length;
        if (id >= PAIR) throw new Error('vocabulary too large');
        this.#ids.set(t.key, id);
        this.#words.push({ keys: [t.key], joined: t.key, count: 0, surfaces: new Map() });
      }
      const word = this.#words[id] as Form;
      word.count++;
      this.#total++;
      const surface = text.slice(t.start, t.end);
      word.surfaces.set(surface, (word.surfaces.get(surface) ?? 0) + 1);
      if (previous >= 0 && !breaks.has(i)) {
        const pair = previous * PAIR + id;
        this.#pairs.set(pair, (this.#pairs.get(pair) ?? 0) + 1);
      }
      previous = id;
    }
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
    for (const [pair, count] of this.#pairs) {
      const a = Math.floor(pair / PAIR);
      const b = pair % PAIR;
      const first = this.#words[a] as Form;
      const second = this.#words[b] as Form;
      const joined = first.joined + second.joined;
      const base = joined.endsWith('s') ? joined.slice(0, -1) : joined;
      if (odd[a] || odd[b] || wanted.has(joined) || wanted.has(base)) put({ keys: [first.joined, second.joined], joined, count, surfaces: new Map() });
    }
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
    return x === undefined || y === undefined ? 0 : (this.#pairs.get(x * PAIR + y) ?? 0);
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
