/**
 * The build's side of the episode page cache (src/site/page-cache.ts): the
 * folder for this code and config, and after astro build, the cached pages
 * copied in and the new ones kept.
 *
 * <cacheDir>/pages/<site key>/<page key>.html, where the site key is a
 * digest of the site's sources (src/, the Astro config, the lockfile) and
 * the resolved site config; the few most recently used site keys are kept.
 * Each build claims the pages it reuses into a folder of its own
 * (<cacheDir>/pages/.claims/<build>/) while astro runs, so builds sharing
 * the cache never take pages from under each other.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { cachedPage, claimedPage, MANIFEST_PREFIX } from '../site/page-cache.ts';
import type { PageCacheDirs, PageCacheManifest } from '../site/page-cache.ts';

const SITE_SOURCES = ['src', 'astro.config.mjs', 'astro.config.ts', 'package-lock.json'];

/** Digest of every file the rendered HTML can depend on besides the content: the sources and the config. */
export function siteKey(projectRoot: string, config: unknown): string | null {
  const hash = createHash('sha256');
  try {
    for (const path of SITE_SOURCES) {
      const full = join(projectRoot, path);
      if (existsSync(full)) collect(full, path, hash);
    }
  } catch {
    return null;
  }
  hash.update(JSON.stringify(config));
  return hash.digest('hex').slice(0, 32);
}

function collect(path: string, name: string, hash: ReturnType<typeof createHash>): void {
  if (!statSync(path).isDirectory()) {
    hash.update(`${name}\u0000`).update(readFileSync(path)).update('\u0000');
    return;
  }
  for (const child of readdirSync(path).sort()) collect(join(path, child), `${name}/${child}`, hash);
}

/** Site keys whose pages are kept (the most recently used): a few configs or checkouts can share one cache. */
const KEPT_SITES = 3;

/**
 * The page cache of a build with this site key: the key's folder (marked as
 * just used; the least recently used beyond KEPT_SITES are removed) and a
 * claim folder of the build's own, beside it.
 */
export function preparePageCache(cacheDir: string, key: string): PageCacheDirs {
  const root = join(cacheDir, 'pages');
  const dir = join(root, key);
  mkdirSync(dir, { recursive: true });
  const now = new Date();
  utimesSync(dir, now, now);
  const sites = readdirSync(root)
    .filter((name) => name !== CLAIMS)
    .map((name) => ({ name, used: statSync(join(root, name)).mtimeMs }))
    .sort((a, b) => b.used - a.used);
  for (const old of sites.slice(KEPT_SITES)) if (old.name !== key) rmSync(join(root, old.name), { recursive: true, force: true });
  // Claim folders of builds that were killed (older than a day).
  const claimsRoot = join(root, CLAIMS);
  if (existsSync(claimsRoot)) {
    for (const name of readdirSync(claimsRoot)) {
      const path = join(claimsRoot, name);
      if (now.getTime() - statSync(path).mtimeMs > 86_400_000) rmSync(path, { recursive: true, force: true });
    }
  }
  return { dir, claims: join(claimsRoot, `${process.pid}-${now.getTime().toString(36)}`) };
}

const CLAIMS = '.claims';

export interface PageCacheOutcome {
  /** Pages taken from the cache. */
  reused: number;
  /** Pages rendered this time and kept. */
  stored: number;
}

/** What `settlePageCache` found: the counts, and every page's key by route and slug. */
export interface SettledPages extends PageCacheOutcome {
  keys: Map<string, Record<string, string>>;
}

/**
 * After astro build: put the claimed pages in the site, keep the ones astro
 * rendered, and drop cached pages this site no longer has. Throws when a
 * claimed page is missing (the build fails rather than publish a site
 * without it); keeping pages is best effort (the cache only saves time).
 */
export function settlePageCache(cache: PageCacheDirs, siteDir: string): SettledPages {
  try {
    const outcome: SettledPages = { reused: 0, stored: 0, keys: new Map() };
    // No manifest: astro rendered no cached route (no episodes); nothing to do.
    const manifests = existsSync(cache.claims) ? readdirSync(cache.claims).filter((n) => n.startsWith(MANIFEST_PREFIX)) : [];
    const wanted = new Set<string>();
    for (const file of manifests) {
      const manifest = JSON.parse(readFileSync(join(cache.claims, file), 'utf8')) as PageCacheManifest;
      const reused = new Set(manifest.reused);
      for (const slug of reused) {
        const page = join(siteDir, manifest.route, slug, 'index.html');
        mkdirSync(dirname(page), { recursive: true });
        renameSync(claimedPage(cache.claims, manifest.route, slug), page);
      }
      outcome.reused += reused.size;
      outcome.keys.set(manifest.route, manifest.keys);
      for (const [slug, key] of Object.entries(manifest.keys)) {
        wanted.add(`${key}.html`);
        const page = join(siteDir, manifest.route, slug, 'index.html');
        if (reused.has(slug) || !existsSync(page)) continue;
        if (keep(page, cachedPage(cache.dir, key))) outcome.stored++;
      }
    }
    if (manifests.length > 0) {
      try {
        for (const name of readdirSync(cache.dir)) if (name.endsWith('.html') && !wanted.has(name)) rmSync(join(cache.dir, name), { force: true });
      } catch {
        // Another build removed the folder: nothing to prune.
      }
    }
    return outcome;
  } finally {
    rmSync(cache.claims, { recursive: true, force: true });
  }
}

/** Link (or copy) a rendered page into the cache; false when the cache cannot take it. */
function keep(page: string, cached: string): boolean {
  try {
    mkdirSync(dirname(cached), { recursive: true });
    rmSync(cached, { force: true });
    try {
      linkSync(page, cached);
    } catch {
      copyFileSync(page, cached);
    }
    return true;
  } catch {
    return false;
  }
}
