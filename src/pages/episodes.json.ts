/** `/episodes.json`: every episode with its page and download URLs (src/exports/episode-index.ts). */
import type { APIRoute } from 'astro';
import { episodeIndex } from '../exports/episode-index.ts';
import { siteLinks } from '../exports/site-links.ts';
import { loadKnowledge } from '../site/knowledge.ts';
import { routes } from '../site/routes.ts';
import { siteName } from '../site/site.ts';

export const GET: APIRoute = async ({ site, url }) => {
  const index = episodeIndex(await loadKnowledge(), siteLinks(routes, site, url), siteName);
  return new Response(`${JSON.stringify(index, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
