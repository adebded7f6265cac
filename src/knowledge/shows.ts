/**
 * Shows: episodes grouped by their `show` name, each with a unique slug, its
 * hosts (most frequent first) and its episodes in listing order.
 */
import type { EpisodeSummary as Episode } from '../corpus/summary.ts';
import { sortEpisodes } from './episode-order.ts';
import { SlugAllocator } from './unique-slugs.ts';

export interface Show {
  slug: string;
  name: string;
  /** Host names credited on the show's episodes, most frequent first. */
  hosts: string[];
  /** Newest first (see episode-order.ts). */
  episodes: Episode[];
}

const nameCollator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Group episodes into shows, ordered by show name. */
export function buildShows(episodes: readonly Episode[]): Show[] {
  const byName = new Map<string, Episode[]>();
  for (const episode of episodes) {
    const list = byName.get(episode.show);
    if (list) list.push(episode);
    else byName.set(episode.show, [episode]);
  }
  const names = [...byName.keys()].sort((a, b) => nameCollator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0));
  const slugs = new SlugAllocator('show');
  return names.map((name) => {
    const list = sortEpisodes(byName.get(name) ?? []);
    return { slug: slugs.claim(name), name, hosts: hostsOf(list), episodes: list };
  });
}

/** Host names by how many episodes credit them, ties in first-credited order. */
function hostsOf(episodes: readonly Episode[]): string[] {
  const counts = new Map<string, number>();
  for (const episode of [...episodes].reverse()) for (const host of episode.hosts) counts.set(host, (counts.get(host) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([name]) => name);
}
