/**
 * Related topics by co-occurrence: two topics are related when they are
 * mentioned in the same passage (a paragraph and the one after it) more
 * often than their frequencies alone would suggest. The score is the
 * cosine of their passage sets, count / √(passagesA × passagesB), and a
 * pair needs at least `MIN_SHARED` shared passages. Counted one episode at
 * a time; what is kept is a count per topic and per pair of topics.
 */

/** Passages two topics must share to be related. */
export const MIN_SHARED = 2;

export class Cooccurrence {
  readonly #passages = new Map<number, number>();
  /** Shared passages by pair, keyed a × 2^26 + b (a < b). */
  readonly #pairs = new Map<number, number>();

  /** Count the passages of one episode, given the topics (by index) mentioned in each speech paragraph, in order. */
  addEpisode(paragraphs: ReadonlyArray<ReadonlySet<number> | undefined>): void {
    for (let i = 0; i < paragraphs.length; i++) {
      const set = new Set(paragraphs[i] ?? []);
      for (const t of paragraphs[i + 1] ?? []) set.add(t);
      if (set.size === 0) continue;
      const list = [...set].sort((a, b) => a - b);
      for (const t of list) this.#passages.set(t, (this.#passages.get(t) ?? 0) + 1);
      for (let a = 0; a < list.length; a++) {
        for (let b = a + 1; b < list.length; b++) {
          const key = (list[a] as number) * 2 ** 26 + (list[b] as number);
          this.#pairs.set(key, (this.#pairs.get(key) ?? 0) + 1);
        }
      }
    }
  }

  /** For each topic (by index), the topics that co-occur with it, strongest first. */
  related(): Map<number, number[]> {
    const scored = new Map<number, Array<[number, number]>>();
    for (const [key, shared] of this.#pairs) {
      if (shared < MIN_SHARED) continue;
      const a = Math.floor(key / 2 ** 26);
      const b = key % 2 ** 26;
      const score = shared / Math.sqrt((this.#passages.get(a) ?? 1) * (this.#passages.get(b) ?? 1));
      for (const [x, y] of [[a, b], [b, a]] as const) {
        let list = scored.get(x);
        if (!list) scored.set(x, (list = []));
        list.push([y, score]);
      }
    }
    const out = new Map<number, number[]>();
    for (const [t, list] of scored) out.set(t, list.sort((p, q) => q[1] - p[1] || p[0] - q[0]).map(([other]) => other));
    return out;
  }
}
