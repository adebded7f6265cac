/**
 * Every one- and two-word form in the corpus, keyed by its words run
 * together ("deep seek" and "DeepSeek" are both `deepseek`), with counts and
 * the spellings seen. Discovery uses it to find the other spellings of a
 * name: the same letters split differently, and near-misspellings (one or
 * two edits, or the same sound) that speech recognition makes of rare names.
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
  /** Spellings as written, with counts. */
  surfaces: Map<string, number>;
}

/** Forms seen this often or more are never taken for misspellings, so they are not indexed for fuzzy lookups. */
const MAX_VARIANT_COUNT = 40;
/** Shortest run-together key considered for fuzzy lookups. */
export const MIN_FUZZY_LENGTH = 5;

export class Vocabulary {
  /** Forms by their run-together key. */
  readonly forms = new Map<string, Map<string, Form>>();
  private deletions: Map<string, Set<string>> | undefined;
  private sounds: Map<string, Set<string>> | undefined;

  /** Count the one- and two-word forms of a paragraph. */
  addParagraph(p: CorpusParagraph): void {
    const { tokens, breaks, paragraph } = p;
    const text = paragraph.text;
    for (let i = 0; i < tokens.length; i++) {
      const a = tokens[i] as WordToken;
      this.add(a.key, null, text.slice(a.start, a.end));
      const b = tokens[i + 1];
      if (b && !breaks.has(i + 1)) {
        // Words with one space between them (nearly every pair) need no whitespace folding.
        const spaced = b.start === a.end + 1 && text.charCodeAt(a.end) === 32;
        const surface = text.slice(a.start, b.end);
        this.add(a.key, b.key, spaced ? surface : surface.replace(/\s+/g, ' '));
      }
    }
  }

  /** Count one use of a form: the word `first`, or the pair `first second`. */
  private add(first: string, second: string | null, surface: string): void {
    const joined = second === null ? first : first + second;
    let byKeys = this.forms.get(joined);
    if (!byKeys) {
      byKeys = new Map();
      this.forms.set(joined, byKeys);
    }
    const id = second === null ? first : `${first} ${second}`;
    let form = byKeys.get(id);
    if (!form) {
      form = { keys: second === null ? [first] : [first, second], joined, count: 0, surfaces: new Map() };
      byKeys.set(id, form);
    }
    form.count++;
    form.surfaces.set(surface, (form.surfaces.get(surface) ?? 0) + 1);
  }

  /** Total count of every form with this run-together key. */
  count(joined: string): number {
    let n = 0;
    for (const form of this.forms.get(joined)?.values() ?? []) n += form.count;
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
    this.buildIndexes();
    const found = new Set<string>();
    for (const variant of [joined, ...deletions(joined)]) for (const k of this.deletions?.get(variant) ?? []) found.add(k);
    if (maxEdits === 2) for (const code of doubleMetaphone(joined)) for (const k of this.sounds?.get(code) ?? []) found.add(k);
    found.delete(joined);
    return [...found].filter((k) => distance(k, joined) <= maxEdits);
  }

  private buildIndexes(): void {
    if (this.deletions && this.sounds) return;
    const del = new Map<string, Set<string>>();
    const sound = new Map<string, Set<string>>();
    const put = (map: Map<string, Set<string>>, key: string, value: string) => {
      let set = map.get(key);
      if (!set) map.set(key, (set = new Set()));
      set.add(value);
    };
    for (const joined of this.forms.keys()) {
      // A variant may be one letter shorter than the shortest name looked up ("lama" for "llama").
      if (joined.length < MIN_FUZZY_LENGTH - 1 || this.count(joined) >= MAX_VARIANT_COUNT) continue;
      put(del, joined, joined);
      for (const d of deletions(joined)) put(del, d, joined);
      for (const code of doubleMetaphone(joined)) put(sound, code, joined);
    }
    this.deletions = del;
    this.sounds = sound;
  }
}

/** The strings one deletion away from `s`. */
function deletions(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) out.push(s.slice(0, i) + s.slice(i + 1));
  return out;
}
