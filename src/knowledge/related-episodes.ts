/**
 * Related episodes by shared topics. Two episodes are related when they
 * discuss the same topics; a shared topic counts for more when both talk
 * about it at length and when few episodes mention it (a topic in every
 * episode relates nothing). Score of a pair: Σ over shared topics of
 * idf(topic) × min(log2(1 + mentions in A), log2(1 + mentions in B)), with
 * idf = log(1 + episodes / episodes mentioning the topic).
 */
import type { Topic } from './topics/schema.ts';

export interface RelatedEpisode {
  slug: string;
  score: number;
  /** Names of the shared topics, strongest first. */
  shared: string[];
}

/** Most related episodes listed per episode. */
export const RELATED_EPISODES = 4;

/** A topic that can relate episodes: mentioned in two or more. */
interface SharedTopic {
  name: string;
  idf: number;
  /** Episode numbers, and log2(1 + mentions) for each. */
  episodes: number[];
  logs: number[];
}

/**
 * For each episode slug, its related episodes, most related first.
 *
 * Episode by episode, scores against every other episode are summed in one
 * reused array, and only the best `limit` get their shared topics listed:
 * memory stays linear in the number of episodes. (Listing every pair's
 * shared topics, as a first version did, grows with the square of the
 * episodes: a thousand episodes on the same themes ran the build out of
 * memory.) Time is the sum, over topics, of the square of the episodes
 * mentioning each.
 */
export function relatedEpisodes(topics: readonly Topic[], episodeCount: number, limit = RELATED_EPISODES): Map<string, RelatedEpisode[]> {
  const slugs: string[] = [];
  const numberOf = new Map<string, number>();
  /** Per episode number: the shared topics it mentions, in topic order, with log2(1 + mentions). */
  const topicsOf: Array<{ topic: number[]; logs: number[] }> = [];
  const shared: SharedTopic[] = [];
  for (const topic of topics) {
    const mentioned = topic.episodes.filter((e) => e.mentions > 0);
    if (mentioned.length < 2) continue;
    const t: SharedTopic = { name: topic.name, idf: Math.log(1 + episodeCount / mentioned.length), episodes: [], logs: [] };
    for (const e of mentioned) {
      let n = numberOf.get(e.slug);
      if (n === undefined) {
        n = slugs.length;
        slugs.push(e.slug);
        numberOf.set(e.slug, n);
        topicsOf.push({ topic: [], logs: [] });
      }
      const log = Math.log2(1 + e.mentions);
      t.episodes.push(n);
      t.logs.push(log);
      topicsOf[n]?.topic.push(shared.length);
      topicsOf[n]?.logs.push(log);
    }
    shared.push(t);
  }

  /** A shared topic's weight for a pair, from each side's log2(1 + mentions). */
  const weight = (t: SharedTopic, logA: number, logB: number) => t.idf * Math.min(logA, logB);
  const score = new Float64Array(slugs.length);
  const seen = new Uint8Array(slugs.length);
  const out = new Map<string, RelatedEpisode[]>();
  for (let a = 0; a < slugs.length; a++) {
    const mine = topicsOf[a] as { topic: number[]; logs: number[] };
    const touched: number[] = [];
    // Sums in topic order, as the definition lists them.
    for (let k = 0; k < mine.topic.length; k++) {
      const t = shared[mine.topic[k] as number] as SharedTopic;
      const la = mine.logs[k] as number;
      for (let j = 0; j < t.episodes.length; j++) {
        const b = t.episodes[j] as number;
        if (b === a) continue;
        if (seen[b] === 0) {
          seen[b] = 1;
          touched.push(b);
        }
        score[b] = (score[b] as number) + weight(t, la, t.logs[j] as number);
      }
    }
    const ranked = touched.map((b) => ({ b, score: Math.round((score[b] as number) * 1000) / 1000 }));
    ranked.sort((x, y) => y.score - x.score || ((slugs[x.b] as string) < (slugs[y.b] as string) ? -1 : 1));
    const list = ranked.slice(0, limit).map(({ b, score: s }) => ({ slug: slugs[b] as string, score: s, shared: sharedNames(a, b) }));
    for (const b of touched) {
      score[b] = 0;
      seen[b] = 0;
    }
    if (list.length > 0) out.set(slugs[a] as string, list);
  }
  return out;

  /** The topics episodes `a` and `b` share, strongest first: their topic lists, both in topic order, walked together. */
  function sharedNames(a: number, b: number): string[] {
    const mine = topicsOf[a] as { topic: number[]; logs: number[] };
    const theirs = topicsOf[b] as { topic: number[]; logs: number[] };
    const names: Array<{ name: string; weight: number }> = [];
    let j = 0;
    for (let k = 0; k < mine.topic.length; k++) {
      const t = mine.topic[k] as number;
      while (j < theirs.topic.length && (theirs.topic[j] as number) < t) j++;
      for (let m = j; m < theirs.topic.length && theirs.topic[m] === t; m++) {
        const topic = shared[t] as SharedTopic;
        names.push({ name: topic.name, weight: weight(topic, mine.logs[k] as number, theirs.logs[m] as number) });
      }
    }
    return names.sort((x, y) => y.weight - x.weight || (x.name < y.name ? -1 : 1)).map((s) => s.name);
  }
}
