/** `/sitemap.xml`: absolute URLs of every page (src/exports/sitemap.ts). Routed when the site config publishes `sitemap`. */
import type { APIRoute } from 'astro';
import { siteLinks } from '../exports/site-links.ts';
import { renderSitemap, sitemapUrls } from '../exports/sitemap.ts';
import { loadKnowledge } from '../site/knowledge.ts';
import { routes } from '../site/routes.ts';

export const GET: APIRoute = async ({ site, url }) => {
  const urls = sitemapUrls(await loadKnowledge(), siteLinks(routes, site, url));
  return new Response(renderSitemap(urls), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
