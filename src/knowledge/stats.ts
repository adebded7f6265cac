/** Headline numbers for the home page: what the knowledge base holds. */
import type { EpisodeSummary as Episode } from '../corpus/summary.ts';

export interface SiteStats {
  shows: number;
  episodes: number;
  /** Total length of the timed episodes, in seconds. */
  seconds: number;
  /** Episodes without times, not counted in `seconds`. */
  untimedEpisodes: number;
  /** People in the directory. */
  speakers: number;
}

/** Count shows, episodes, hours and people. */
export function siteStats(episodes: readonly Episode[], shows: number, speakers: number): SiteStats {
  let seconds = 0;
  let untimedEpisodes = 0;
  for (const e of episodes) {
    if (e.duration === null) untimedEpisodes++;
    else seconds += e.duration;
  }
  return { shows, episodes: episodes.length, seconds, untimedEpisodes, speakers };
}
