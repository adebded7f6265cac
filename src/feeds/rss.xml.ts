/** `/rss.xml`: RSS 2.0 feed of all episodes, newest first, with Podcasting 2.0 transcript links (src/exports/site-feed.ts). Routed when the site config publishes `rss`. */
import type { APIRoute } from 'astro';
import { renderRss } from '../exports/rss.ts';
import { siteFeed } from '../exports/site-feed.ts';
import { siteLinks } from '../exports/site-links.ts';
import { loadKnowledge, siteConfig } from '../site/knowledge.ts';
import { routes } from '../site/routes.ts';

export const GET: APIRoute = async ({ site, url }) => {
  const config = siteConfig();
  const feed = siteFeed(await loadKnowledge(), siteLinks(routes, site, url, config.exports), { name: config.title, description: config.description, language: config.language });
  return new Response(renderRss(feed), { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
};
