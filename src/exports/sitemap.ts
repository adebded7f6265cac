/**
 * The sitemap (https://www.sitemaps.org/protocol.html): every HTML page the
 * site builds, as absolute URLs. The list mirrors the getStaticPaths of the
 * pages; a build test compares it with the pages actually written.
 */
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import { absolute } from './site-links.ts';
import type { SiteLinks } from './site-links.ts';
import { xmlElement } from './xml.ts';

/** Absolute URLs of every indexable page: home, the directories (topics in both orders) and each episode, show, person and topic. The search page and 404 are left out. */
export function sitemapUrls(kb: KnowledgeBase, links: SiteLinks): string[] {
  const r = links.routes;
  const paths = [
    r.home,
    r.episodes,
    ...kb.episodes.map((e) => r.episode(e.slug)),
    r.shows,
    ...kb.shows.map((s) => r.show(s.slug)),
    r.speakers,
    ...kb.people.people.map((p) => r.speaker(p.slug)),
    r.topics,
    r.topicsByName,
    ...kb.topics.topics.map((t) => r.topic(t.slug)),
  ];
  return paths.map((path) => absolute(links, path));
}

/** A `<urlset>` document for `urls`. */
export function renderSitemap(urls: readonly string[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls.map((url) => `  <url>${xmlElement('loc', url)}</url>`),
    '</urlset>',
    '',
  ].join('\n');
}
