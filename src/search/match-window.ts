/**
 * Where a query's words cluster in a record: the short run of words holding
 * the most (IDF-weighted) different concepts of the query. The ranking adds
 * it as a proximity bonus and the result card lands on the paragraph where
 * it starts, so "data center investment" lands where the three are said
 * together, not where "data" is said five times. Pure, linear in the matches.
 */

/** A matching word: its position in the record's content and the concept (index into the plan's concepts) it matched. */
export interface Match {
  position: number;
  concept: number;
}

export interface MatchWindow {
  /** Positions of the window's first and last matching words. */
  start: number;
  end: number;
  /** Sum of the weights of the different concepts inside. */
  weight: number;
  /** Number of different concepts inside. */
  concepts: number;
  /** Number of matching words inside. */
  matches: number;
}

/** Words per window: about ten seconds of speech. */
export const WINDOW_WORDS = 24;

/**
 * The window of at most `width` words with the most weight of different
 * concepts; ties go to more matching words, then to the earlier window.
 * `weights[c]` is concept c's weight (missing counts as 1). Null without matches.
 */
export function bestWindow(matches: readonly Match[], weights: readonly number[], width = WINDOW_WORDS): MatchWindow | null {
  const sorted = [...matches].sort((a, b) => a.position - b.position || a.concept - b.concept);
  const first = sorted[0];
  if (!first) return null;
  const inside = new Map<number, number>();
  const weightOf = (concept: number) => weights[concept] ?? 1;
  let weight = 0;
  let best: MatchWindow = { start: first.position, end: first.position, weight: weightOf(first.concept), concepts: 1, matches: 1 };
  let left = 0;
  for (let right = 0; right < sorted.length; right++) {
    const added = sorted[right];
    if (!added) continue;
    const had = inside.get(added.concept) ?? 0;
    inside.set(added.concept, had + 1);
    if (had === 0) weight += weightOf(added.concept);
    // Shrink from the left until the window spans at most `width` words.
    while ((sorted[left]?.position ?? added.position) <= added.position - width) {
      const removed = sorted[left++];
      if (!removed) break;
      const remaining = (inside.get(removed.concept) ?? 1) - 1;
      if (remaining === 0) {
        inside.delete(removed.concept);
        weight -= weightOf(removed.concept);
      } else inside.set(removed.concept, remaining);
    }
    const count = right - left + 1;
    const better = weight > best.weight + 1e-9 || (Math.abs(weight - best.weight) <= 1e-9 && count > best.matches);
    if (better) best = { start: sorted[left]?.position ?? added.position, end: added.position, weight, concepts: inside.size, matches: count };
  }
  return best;
}

/**
 * Pairs of concepts said next to each other in the query's order (at most
 * one word between, for a dropped stop word: "price of solar"), each counted
 * once: the phrase bonus of the ranking.
 */
export function adjacentPairs(matches: readonly Match[], maxGap = 2): Set<string> {
  const byPosition = new Map<number, number[]>();
  for (const m of matches) {
    const at = byPosition.get(m.position);
    if (at) at.push(m.concept);
    else byPosition.set(m.position, [m.concept]);
  }
  const pairs = new Set<string>();
  for (const m of matches) {
    for (let gap = 1; gap <= maxGap; gap++) {
      for (const next of byPosition.get(m.position + gap) ?? []) {
        if (next === m.concept + 1) pairs.add(`${m.concept}:${next}`);
      }
    }
  }
  return pairs;
}
