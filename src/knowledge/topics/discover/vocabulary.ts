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

/** The strings one deletion away from `s`. */
function deletions(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) out.push(s.slice(0, i) + s.slice(i + 1));
  return out;
}
