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

/** For each episode slug, its related episodes, most related first. */
export function relatedEpisodes(topics: readonly Topic[], episodeCount: number, limit = RELATED_EPISODES): Map<string, RelatedEpisode[]> {
  const pairs = new Map<string, Map<string, Array<{ name: string; weight: number }>>>();
  for (const topic of topics) {
    const mentioned = topic.episodes.filter((e) => e.mentions > 0);
    if (mentioned.length < 2) continue;
    const idf = Math.log(1 + episodeCount / mentioned.length);
    for (const a of mentioned) {
      for (const b of mentioned) {
        if (a.slug === b.slug) continue;
        const weight = idf * Math.min(Math.log2(1 + a.mentions), Math.log2(1 + b.mentions));
        let row = pairs.get(a.slug);
        if (!row) pairs.set(a.slug, (row = new Map()));
        let shared = row.get(b.slug);
        if (!shared) row.set(b.slug, (shared = []));
        shared.push({ name: topic.name, weight });
      }
    }
  }
  const out = new Map<string, RelatedEpisode[]>();
  for (const [slug, row] of pairs) {
    const list = [...row].map(([other, shared]) => ({
      slug: other,
      score: Math.round(shared.reduce((n, s) => n + s.weight, 0) * 1000) / 1000,
      shared: shared.sort((x, y) => y.weight - x.weight || (x.name < y.name ? -1 : 1)).map((s) => s.name),
    }));
    list.sort((x, y) => y.score - x.score || (x.slug < y.slug ? -1 : 1));
    out.set(slug, list.slice(0, limit));
  }
  return out;
}
