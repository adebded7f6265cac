/**
 * Related topics by co-occurrence: two topics are related when they are
 * mentioned in the same passage (a paragraph and the one after it) more
 * often than their frequencies alone would suggest. The score is the
 * cosine of their passage sets, count / √(passagesA × passagesB), and a
 * pair needs at least `MIN_SHARED` shared passages.
 */
import type { CorpusParagraph } from './corpus.ts';

/** Passages two topics must share to be related. */
export const MIN_SHARED = 2;

/** For each topic (by index), the topics that co-occur with it, strongest first. */
export function relatedByCooccurrence(
  paragraphs: readonly CorpusParagraph[],
  inParagraph: ReadonlyMap<CorpusParagraph, ReadonlySet<number>>,
): Map<number, number[]> {
  const passages = new Map<number, number>();
  const pairs = new Map<string, number>();
  for (let i = 0; i < paragraphs.length; i++) {
    const here = paragraphs[i] as CorpusParagraph;
    const next = paragraphs[i + 1];
    const set = new Set(inParagraph.get(here) ?? []);
    if (next && next.episode === here.episode) for (const t of inParagraph.get(next) ?? []) set.add(t);
    if (set.size === 0) continue;
    const list = [...set].sort((a, b) => a - b);
    for (const t of list) passages.set(t, (passages.get(t) ?? 0) + 1);
    for (let a = 0; a < list.length; a++) {
      for (let b = a + 1; b < list.length; b++) {
        const key = `${list[a]} ${list[b]}`;
        pairs.set(key, (pairs.get(key) ?? 0) + 1);
      }
    }
  }
  const scored = new Map<number, Array<[number, number]>>();
  for (const [key, shared] of pairs) {
    if (shared < MIN_SHARED) continue;
    const [a, b] = key.split(' ').map(Number) as [number, number];
    const score = shared / Math.sqrt((passages.get(a) ?? 1) * (passages.get(b) ?? 1));
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
