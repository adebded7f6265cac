/**
 * What a short piece of transcript text means (a label prefix such as
 * `Speaker 2:`, a WebVTT voice annotation), worked out once per distinct
 * piece and kept across files. The pieces recur cue after cue, so the one
 * found last is matched in place, without a slice or a lookup.
 *
 * Keys are copies. In V8 a string sliced from a larger one keeps all of it
 * alive, and this cache outlives every file: a sliced key would keep a whole
 * transcript in memory for the rest of the build.
 */
export interface PrefixEntry<V> {
  key: string;
  value: V;
}

export class PrefixCache<V> {
  private readonly entries = new Map<string, PrefixEntry<V>>();
  /** The entry returned last. */
  last: PrefixEntry<V> | null = null;
  private readonly limit: number;
  private readonly compute: (key: string) => V;

  constructor(limit: number, compute: (key: string) => V) {
    this.limit = limit;
    this.compute = compute;
  }

  /** The value for the text `s[from, to)`. */
  at(s: string, from: number, to: number): V {
    const last = this.last;
    if (last !== null && to - from === last.key.length && s.startsWith(last.key, from)) return last.value;
    const piece = s.slice(from, to);
    let entry = this.entries.get(piece);
    if (entry === undefined) {
      const key = structuredClone(piece);
      entry = { key, value: this.compute(key) };
      if (this.entries.size >= this.limit) this.entries.clear();
      this.entries.set(key, entry);
    }
    this.last = entry;
    return entry.value;
  }
}
