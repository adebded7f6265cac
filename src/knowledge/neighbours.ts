/**
 * Previous/next links within a show: in listing order (newest first) the
 * episode after is the older one, the episode before is the newer one.
 */
import type { EpisodeSummary as Episode } from '../corpus/summary.ts';
import type { Show } from './shows.ts';

export interface Neighbours {
  older?: Episode;
  newer?: Episode;
}

/** Neighbours of every episode, by episode id. */
export function showNeighbours(shows: readonly Show[]): Map<string, Neighbours> {
  const out = new Map<string, Neighbours>();
  for (const show of shows) {
    show.episodes.forEach((episode, i) => {
      const n: Neighbours = {};
      const older = show.episodes[i + 1];
      const newer = show.episodes[i - 1];
      if (older) n.older = older;
      if (newer) n.newer = newer;
      out.set(episode.id, n);
    });
  }
  return out;
}
