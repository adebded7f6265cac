/**
 * The Astro integration that ties Astro to the site config and the content
 * folder:
 * - routes the site-wide files the config publishes (`feeds`: src/feeds/);
 * - in `astro dev`, restarts the server when `<content>/site.yml` changes
 *   (the origin, base path, CSP and routes come from it), and makes the
 *   browser reload the page when any other file under the content folder
 *   is added, changed or removed. Pages read the content through
 *   src/site/knowledge.ts, which loads it again on the next request, so the
 *   reloaded page shows the edit and its problems (DevDiagnostics).
 */
import { relative, resolve, sep } from 'node:path';
import type { AstroIntegration } from 'astro';
import type { FeedId, SiteConfig } from '../config/site-config.ts';
import { SITE_CONFIG_FILE } from '../node/site-config-file.ts';

/** Where each site-wide file is served and the endpoint that writes it. */
const feedRoutes: Record<FeedId, { pattern: string; entrypoint: URL }> = {
  rss: { pattern: '/rss.xml', entrypoint: new URL('../feeds/rss.xml.ts', import.meta.url) },
  'episodes-json': { pattern: '/episodes.json', entrypoint: new URL('../feeds/episodes.json.ts', import.meta.url) },
  sitemap: { pattern: '/sitemap.xml', entrypoint: new URL('../feeds/sitemap.xml.ts', import.meta.url) },
};

/** Editors write a file in several steps (truncate, write, rename): one reload for them all. */
const RELOAD_DELAY_MS = 120;

export function verbatim(options: { config: SiteConfig; content: string }): AstroIntegration {
  const content = resolve(options.content);
  const configFile = resolve(content, SITE_CONFIG_FILE);
  return {
    name: 'verbatim',
    hooks: {
      'astro:config:setup': ({ injectRoute, addWatchFile, command }) => {
        for (const feed of new Set(options.config.feeds)) injectRoute({ ...feedRoutes[feed], prerender: true });
        if (command === 'dev') addWatchFile(configFile);
      },
      'astro:server:setup': ({ server, logger }) => {
        server.watcher.add(content);
        let timer: ReturnType<typeof setTimeout> | undefined;
        const changed = new Set<string>();
        server.watcher.on('all', (event, path) => {
          const file = resolve(path);
          if (!file.startsWith(content + sep) || file === configFile) return; // the config restarts the server instead
          if (event !== 'add' && event !== 'change' && event !== 'unlink') return;
          changed.add(relative(process.cwd(), file));
          clearTimeout(timer);
          timer = setTimeout(() => {
            logger.info(`${[...changed].join(', ')} changed: reloading the page`);
            changed.clear();
            // Astro keeps each route's getStaticPaths result until its content layer says the content
            // changed (the same event its own loaders send); without this, a renamed or new episode's
            // page would not be found, or an old one still routed.
            for (const [name, environment] of Object.entries(server.environments)) if (name !== 'client') environment.hot.send('astro:content-changed', {});
            server.environments.client.hot.send({ type: 'full-reload', path: '*' });
          }, RELOAD_DELAY_MS);
        });
      },
    },
  };
}
