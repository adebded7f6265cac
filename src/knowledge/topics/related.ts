/**
 * Related topics by co-occurrence: two topics are related when they are
 * mentioned in the same passage (a paragraph and the one after it) more
 * often than their frequencies alone would suggest. The score is the
 * cosine of their passage sets, count / √(passagesA × passagesB), and a
 * pair needs at least `MIN_SHARED` shared passages. Counted one episode at
 * a time; what is kept is a count per topic and per pair of topics.
 */
import { PairTable } from './pair-table.ts';

/** Passages two topics must share to be related. */
export const MIN_SHARED = 2;

export class Cooccurrence {
  /** Passages by topic. */
  #passages = new Int32Array(64);
  /** Shared passages by pair (a < b). */
  readonly #pairs = new PairTable();

  /** Count the passages of one episode, given the topics (by index) mentioned in each speech paragraph, in order. */
  addEpisode(paragraphs: ReadonlyArray<ReadonlySet<number> | undefined>): void {
    const list: number[] = [];
    for (let i = 0; i < paragraphs.length; i++) {
      const here = paragraphs[i];
      const next = paragraphs[i + 1];
      if (!here && !next) continue;
      list.length = 0;
      for (const t of here ?? []) list.push(t);
      for (const t of next ?? []) if (!here?.has(t)) list.push(t);
      list.sort((a, b) => a - b);
      for (const t of list) {
        if (t >= this.#passages.length) {
          const bigger = new Int32Array(Math.max(t + 1, this.#passages.length * 2));
          bigger.set(this.#passages);
          this.#passages = bigger;
        }
        this.#passages[t] = (this.#passages[t] as number) + 1;
      }
      for (let a = 0; a < list.length; a++) for (let b = a + 1; b < list.length; b++) this.#pairs.add(list[a] as number, list[b] as number, 1);
    }
  }

  /** For each topic (by index), the topics that co-occur with it, strongest first. */
  related(): Map<number, number[]> {
    const scored = new Map<number, Array<[number, number]>>();
    const passages = (t: number) => this.#passages[t] || 1;
    this.#pairs.forEach((a, b, shared) => {
      if (shared < MIN_SHARED) return;
      const score = shared / Math.sqrt(passages(a) * passages(b));
      for (const [x, y] of [[a, b], [b, a]] as const) {
        let list = scored.get(x);
        if (!list) scored.set(x, (list = []));
        list.push([y, score]);
      }
    });
    const out = new Map<number, number[]>();
    for (const [t, list] of scored) out.set(t, list.sort((p, q) => q[1] - p[1] || p[0] - q[0]).map(([other]) => other));
    return out;
  }
}
