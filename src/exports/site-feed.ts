/**
 * The site's RSS feed as data: every episode, newest first (the listing
 * order), each with its summary, show, credits and Podcasting 2.0
 * `<podcast:transcript>` links to its downloads.
 */
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import { excerpt } from '../site/format.ts';
import type { EpisodeSummary as Episode } from '../corpus/summary.ts';
import { episodeCredits } from './credits.ts';
import { exportsOf } from './formats.ts';
import type { FeedChannel, FeedItem } from './rss.ts';
import { absolute, exportPath } from './site-links.ts';
import type { SiteLinks } from './site-links.ts';

/** Longest item description made from the transcript when there is no summary. */
const DESCRIPTION_CHARS = 300;

/** The feed for all episodes in `kb`. */
export function siteFeed(kb: KnowledgeBase, links: SiteLinks, site: { name: string; description: string; language?: string }): FeedChannel {
  return {
    title: site.name,
    link: absolute(links, links.routes.home),
    description: site.description,
    ...(site.language ? { language: site.language } : {}),
    self: absolute(links, links.routes.asset('rss.xml')),
    items: kb.episodes.map((episode) => feedItem(episode, kb, links)),
  };
}

function feedItem(episode: Episode, kb: KnowledgeBase, links: SiteLinks): FeedItem {
  const item: FeedItem = {
    title: episode.title,
    link: absolute(links, links.routes.episode(episode.slug)),
    categories: [episode.show],
    transcripts: exportsOf(episode, links.published).flatMap((format) =>
      format.feedType ? [{ url: absolute(links, exportPath(links.routes, episode, format)), type: format.feedType, captions: format.captions }] : [],
    ),
    people: episodeCredits(episode, kb, links).map((c) => ({
      name: c.name,
      ...(c.role ? { role: c.role } : {}),
      ...(c.url ? { href: c.url } : {}),
    })),
  };
  if (episode.date) item.date = episode.date;
  const description = episode.summary ?? episode.opening;
  if (description) item.description = excerpt(description, DESCRIPTION_CHARS);
  return item;
}
