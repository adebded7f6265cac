/**
 * Every derived index the site needs, built once from all episodes: the
 * listing order, shows, neighbours within a show, the people directory and
 * headline stats. Pure: runs the same in tests, the CLI and the site.
 */
import type { Episode } from '../transcript/schema.ts';
import { sortEpisodes } from './episode-order.ts';
import { showNeighbours } from './neighbours.ts';
import type { Neighbours } from './neighbours.ts';
import { buildPeople } from './people.ts';
import type { PeopleDirectory } from './people.ts';
import { buildShows } from './shows.ts';
import type { Show } from './shows.ts';
import { siteStats } from './stats.ts';
import type { SiteStats } from './stats.ts';

export interface KnowledgeBase {
  /** All episodes, newest first. */
  episodes: Episode[];
  shows: Show[];
  /** The show of each episode, by episode id. */
  showOf: Map<string, Show>;
  /** Older/newer episode within the same show, by episode id. */
  neighbours: Map<string, Neighbours>;
  people: PeopleDirectory;
  stats: SiteStats;
}

/** Build all indexes. */
export function buildKnowledgeBase(input: readonly Episode[]): KnowledgeBase {
  const episodes = sortEpisodes(input);
  const shows = buildShows(episodes);
  const showOf = new Map<string, Show>();
  for (const show of shows) for (const e of show.episodes) showOf.set(e.id, show);
  const people = buildPeople(episodes);
  return {
    episodes,
    shows,
    showOf,
    neighbours: showNeighbours(shows),
    people,
    stats: siteStats(episodes, shows.length, people.people.length),
  };
}
