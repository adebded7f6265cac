/**
 * Episode pages kept between builds. An episode page is a function of the
 * site's code and config (named by the folder the build passes in
 * VERBATIM_PAGE_CACHE, see src/node/page-cache.ts) and of what the page is
 * made from: the episode and its view (people, topics, related episodes,
 * neighbours). The route's getStaticPaths keys each page by a digest of those
 * and leaves out the pages the folder already holds; the build copies them
 * in after astro build and keeps the new ones. A page is never reused under
 * other code or another config, because those pick another folder.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, linkSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What one route's getStaticPaths leaves for the build: every page's key, and which pages it claimed from the cache instead of rendering. */
export interface PageCacheManifest {
  /** The route's folder in the site (`episodes`, `topics`, `speakers`): a page is `<route>/<slug>/index.html`. */
  route: string;
  keys: Record<string, string>;
  reused: string[];
}

/** Manifest files (one per route) in the build's claim folder. */
export const MANIFEST_PREFIX = 'manifest.';

/** This build's page cache: the shared folder of pages, and a folder of its own for the pages it takes. */
export interface PageCacheDirs {
  dir: string;
  claims: string;
}

/** The page cache of this build, or null (dev, a bare astro build, or a build without a cache). */
export function pageCacheDirs(): PageCacheDirs | null {
  const dir = process.env.VERBATIM_PAGE_CACHE;
  const claims = process.env.VERBATIM_PAGE_CLAIMS;
  return dir && claims ? { dir, claims } : null;
}

/** A page's key: a digest of everything it is made from (JSON-serialisable values). */
export function pageKey(...parts: unknown[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(JSON.stringify(part) ?? 'undefined').update('\u0000');
  return hash.digest('hex').slice(0, 40);
}

/** The cached page file of a key. */
export function cachedPage(dir: string, key: string): string {
  return join(dir, `${key}.html`);
}

/** Where a claimed page waits for the build to put it in the site. */
export function claimedPage(claims: string, route: string, slug: string): string {
  return join(claims, route, `${encodeURIComponent(slug)}.html`);
}

/**
 * Sort the episodes into pages to render and pages the cache holds. A held
 * page is claimed at once (linked into this build's claim folder), so
 * another build pruning the cache meanwhile cannot take it away. Writes the
 * manifest; `keyOf` is called once per episode.
 */
export function splitCachedPages(cache: PageCacheDirs, route: string, slugs: readonly string[], keyOf: (slug: string) => string): Set<string> {
  mkdirSync(join(cache.claims, route), { recursive: true });
  const manifest: PageCacheManifest = { route, keys: {}, reused: [] };
  const render = new Set<string>();
  for (const slug of slugs) {
    // The route is part of the key: two routes' pages never share one.
    const key = pageKey(route, keyOf(slug));
    manifest.keys[slug] = key;
    if (claim(cachedPage(cache.dir, key), claimedPage(cache.claims, route, slug))) manifest.reused.push(slug);
    else render.add(slug);
  }
  writeFileSync(join(cache.claims, `${MANIFEST_PREFIX}${route}.json`), JSON.stringify(manifest));
  return render;
}

/**
 * The paths a route renders: all of them, or in a CLI build with a page
 * cache, those the cache does not hold. `keyOf` digests what a page is made
 * from (see `pageKey`), called only when there is a cache.
 */
export function uncachedPaths<P extends { params: { slug: string } }>(route: string, paths: readonly P[], keyOf: (path: P) => string): P[] {
  const cache = pageCacheDirs();
  if (!cache) return [...paths];
  const bySlug = new Map(paths.map((p) => [p.params.slug, p]));
  const render = splitCachedPages(cache, route, [...bySlug.keys()], (slug) => keyOf(bySlug.get(slug) as P));
  return paths.filter((p) => render.has(p.params.slug));
}

function claim(from: string, to: string): boolean {
  try {
    linkSync(from, to);
    return true;
  } catch {
    try {
      copyFileSync(from, to);
      return true;
    } catch {
      return false;
    }
  }
}
