/**
 * One matcher for every alias of every topic: a trie over word keys (see
 * words.ts), scanned once per paragraph. At each word the longest alias
 * that starts there wins, then the scan resumes after it, so overlapping
 * aliases never both count ("Gotthard Base Tunnel" beats "Gotthard"), and a
 * match is always whole words. Work per paragraph is the number of words
 * times the longest alias (in words): linear in the text.
 */
import type { WordToken } from './words.ts';

/** What an alias stands for: a topic (by index) or an excluded phrase of a topic. */
export interface AliasTarget {
  /** Index of the topic in the caller's list. */
  topic: number;
  /** True for an `exclude` phrase: it consumes the words, and nothing is counted. */
  exclude: boolean;
  /** Higher wins when two topics claim the same words: curated topics over discovered ones. */
  priority: number;
}

/**
 * How an alias treats letter case. `any`: case-insensitive. `caps`: only
 * words written in capitals, for acronyms ("COP", "US": "cop" and "us" are
 * not mentions). `capitalized`: only words starting with a capital, for
 * names that are also common words ("Apple", "Fed"); waived in paragraphs
 * with no capital letter at all (all-lowercase captions), where case tells
 * nothing.
 */
export type AliasCase = 'any' | 'caps' | 'capitalized';

/** An alias to add: its word keys and its case rule. */
export interface AliasEntry extends AliasTarget {
  keys: readonly string[];
  case: AliasCase;
}

/** One match in a token list: tokens [first, last] (inclusive). */
export interface AliasMatch {
  topic: number;
  first: number;
  last: number;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  /** Aliases ending here, best first. */
  ends: AliasEntry[];
}

const node = (): TrieNode => ({ next: new Map(), ends: [] });

/** A compiled set of aliases. */
export class AliasMatcher {
  private readonly root = node();

  /** Add one alias; an alias with no words is ignored. */
  add(entry: AliasEntry): void {
    if (entry.keys.length === 0) return;
    let at = this.root;
    for (const key of entry.keys) {
      let next = at.next.get(key);
      if (!next) {
        next = node();
        at.next.set(key, next);
      }
      at = next;
    }
    at.ends.push(entry);
    // Higher priority first; at equal priority an exclude phrase wins over an alias.
    at.ends.sort((a, b) => b.priority - a.priority || Number(b.exclude) - Number(a.exclude));
  }

  /** True when some alias (or exclude phrase) has exactly these keys. */
  has(keys: readonly string[]): boolean {
    let at: TrieNode | undefined = this.root;
    for (const key of keys) {
      at = at.next.get(key);
      if (!at) return false;
    }
    return at.ends.length > 0;
  }

  /**
   * Leftmost-longest matches in `tokens`. `breaks` holds token indexes that
   * follow a phrase break (see `tokenize`): no alias runs across one.
   * `lowercase` says the text has no capitals, which waives `capitalized`.
   */
  scan(tokens: readonly WordToken[], breaks: ReadonlySet<number> = new Set(), lowercase = false): AliasMatch[] {
    const out: AliasMatch[] = [];
    let i = 0;
    while (i < tokens.length) {
      let at: TrieNode | undefined = this.root;
      let best: { entry: AliasEntry; last: number } | undefined;
      for (let j = i; j < tokens.length; j++) {
        if (j > i && breaks.has(j)) break;
        at = at.next.get((tokens[j] as WordToken).key);
        if (!at) break;
        const entry = at.ends.find((e) => fitsCase(e, tokens, i, j, lowercase));
        if (entry) best = { entry, last: j };
      }
      if (!best) {
        i++;
        continue;
      }
      if (!best.entry.exclude) out.push({ topic: best.entry.topic, first: i, last: best.last });
      i = best.last + 1;
    }
    return out;
  }

  /**
   * Every alias that could match, not only the leftmost-longest: for each
   * word, and each run of words from it that ends an alias, `found(first,
   * last, entry)` for every entry there that fits the case rules, in the
   * order `scan` would prefer them (runs shortest first; at one run, best
   * entry first). What `scan` picks among them can then be worked out again
   * for any subset of the aliases without the text (see discover/lattice.ts).
   */
  scanAll(tokens: readonly WordToken[], breaks: ReadonlySet<number>, lowercase: boolean, found: (first: number, last: number, entry: AliasEntry) => void): void {
    for (let i = 0; i < tokens.length; i++) {
      let at: TrieNode | undefined = this.root;
      for (let j = i; j < tokens.length; j++) {
        if (j > i && breaks.has(j)) break;
        at = at.next.get((tokens[j] as WordToken).key);
        if (!at) break;
        for (const entry of at.ends) if (fitsCase(entry, tokens, i, j, lowercase)) found(i, j, entry);
      }
    }
  }
}

/** True when the words first…last are written as the entry's case rule asks (`lowercase`: the text has no capitals). */
function fitsCase(entry: AliasEntry, tokens: readonly WordToken[], first: number, last: number, lowercase: boolean): boolean {
  if (entry.case === 'caps') return every(tokens, first, last, (t) => t.caps);
  if (entry.case === 'capitalized' && !lowercase) return every(tokens, first, last, (t) => t.capitalized);
  return true;
}

function every(tokens: readonly WordToken[], first: number, last: number, test: (t: WordToken) => boolean): boolean {
  for (let k = first; k <= last; k++) if (!test(tokens[k] as WordToken)) return false;
  return true;
}
