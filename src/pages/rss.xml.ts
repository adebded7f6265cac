/** `/rss.xml`: RSS 2.0 feed of all episodes, newest first, with Podcasting 2.0 transcript links (src/exports/site-feed.ts). */
import type { APIRoute } from 'astro';
import { renderRss } from '../exports/rss.ts';
import { siteFeed } from '../exports/site-feed.ts';
import { siteLinks } from '../exports/site-links.ts';
import { loadKnowledge } from '../site/knowledge.ts';
import { routes } from '../site/routes.ts';
import { siteName, siteTagline } from '../site/site.ts';

export const GET: APIRoute = async ({ site, url }) => {
  const feed = siteFeed(await loadKnowledge(), siteLinks(routes, site, url), { name: siteName, description: siteTagline });
  return new Response(renderRss(feed), { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
};
