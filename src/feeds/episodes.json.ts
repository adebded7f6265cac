/** `/episodes.json`: every episode with its page and download URLs (src/exports/episode-index.ts). Routed when the site config publishes `episodes-json`. */
import type { APIRoute } from 'astro';
import { episodeIndex } from '../exports/episode-index.ts';
import { siteLinks } from '../exports/site-links.ts';
import { loadKnowledge, siteConfig } from '../site/knowledge.ts';
import { routes } from '../site/routes.ts';

export const GET: APIRoute = async ({ site, url }) => {
  const config = siteConfig();
  const index = episodeIndex(await loadKnowledge(), siteLinks(routes, site, url, config.exports), config.title);
  return new Response(`${JSON.stringify(index, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
