/**
 * `/episodes.json`: a machine-readable list of every episode, newest first,
 * with its page and download URLs, for scripts and other sites.
 */
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import type { EpisodeSummary as Episode } from '../corpus/summary.ts';
import { episodeCredits } from './credits.ts';
import type { Credit } from './credits.ts';
import { exportsOf } from './formats.ts';
import type { ExportId } from './formats.ts';
import { absolute, exportPath } from './site-links.ts';
import type { SiteLinks } from './site-links.ts';

export interface EpisodeIndexEntry {
  slug: string;
  title: string;
  show: string;
  /** YYYY-MM-DD, or null when undated. */
  date: string | null;
  /** Seconds, or null when untimed. */
  duration: number | null;
  summary: string | null;
  /** Named speakers, hosts first. */
  speakers: Credit[];
  /** Absolute URL of the episode page. */
  url: string;
  /** Absolute URL of each download the episode offers (no vtt/srt/podcast for untimed episodes). */
  exports: Partial<Record<ExportId, string>>;
}

export interface EpisodeIndex {
  site: string;
  /** Absolute URL of the home page. */
  url: string;
  episodes: EpisodeIndexEntry[];
}

/** The index of all episodes in `kb`. */
export function episodeIndex(kb: KnowledgeBase, links: SiteLinks, siteName: string): EpisodeIndex {
  return {
    site: siteName,
    url: absolute(links, links.routes.home),
    episodes: kb.episodes.map((episode) => entry(episode, kb, links)),
  };
}

function entry(episode: Episode, kb: KnowledgeBase, links: SiteLinks): EpisodeIndexEntry {
  const exports: Partial<Record<ExportId, string>> = {};
  for (const format of exportsOf(episode, links.published)) exports[format.id] = absolute(links, exportPath(links.routes, episode, format));
  return {
    slug: episode.slug,
    title: episode.title,
    show: episode.show,
    date: episode.date ?? null,
    duration: episode.duration,
    summary: episode.summary ?? null,
    speakers: episodeCredits(episode, kb, links),
    url: absolute(links, links.routes.episode(episode.slug)),
    exports,
  };
}
