// @ts-check
/**
 * Astro configuration for the Verbatim site. Everything a deployment may
 * change comes from the environment, so the CLI can build into a temporary
 * folder and serve under a sub-path without editing this file:
 *   VERBATIM_SITE      absolute origin of the deployed site (canonical URLs, feeds)
 *   VERBATIM_BASE      path prefix the site is served under ('/' or '/kb/')
 *   VERBATIM_OUT       output folder (default dist)
 *   VERBATIM_EPISODES  episodes folder, read by src/content.config.ts
 */
import { defineConfig } from 'astro/config';
import search from './src/integrations/pagefind.ts';

const env = process.env;

/**
 * '/kb' and 'kb/' both mean '/kb/': Astro joins `base` with paths, so keep one slash each side.
 * @param {string | undefined} value
 */
function normalizeBase(value) {
  const trimmed = (value ?? '/').trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

export default defineConfig({
  site: env.VERBATIM_SITE || 'http://localhost:4321',
  base: normalizeBase(env.VERBATIM_BASE),
  outDir: env.VERBATIM_OUT || 'dist',
  output: 'static',
  trailingSlash: 'always',
  // One cached stylesheet for every page rather than per-page inline copies.
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Pages are small and read without JS; no prefetch or view transitions machinery.
  prefetch: false,
  devToolbar: { enabled: false },
  // After the pages are written: the Pagefind index of every passage, and the spelling dictionary.
  integrations: [search()],
});
