// @ts-check
/**
 * Astro configuration for the Verbatim site. What a deployment changes
 * (origin, base path, artwork hosts, which feeds are published) comes from
 * the site config, `content/site.yml` (src/config/site-config.ts): the
 * resolved copy a `verbatim build` hands over (VERBATIM_CONFIG, with
 * `--base` and `--site` applied), else the file itself (`astro dev`). The
 * environment says only where things are, so the CLI can build into a
 * temporary folder without editing this file:
 *   VERBATIM_CONTENT   content folder (default content): site.yml, topics/
 *   VERBATIM_EPISODES  episodes folder (default <content>/episodes)
 *   VERBATIM_OUT       output folder (default dist)
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'astro/config';
import { verbatim } from './src/integrations/verbatim.ts';
import { contentDir } from './src/node/content-dirs.ts';
import { astroSettings, currentSiteConfig } from './src/node/site-config-file.ts';

/**
 * The CSP hash of a script inlined verbatim (src/client/inline/).
 * @param {string} file
 * @returns {`sha256-${string}`}
 */
const inlineScriptHash = (file) => `sha256-${createHash('sha256').update(readFileSync(new URL(file, import.meta.url))).digest('base64')}`;

const env = process.env;
const { config } = currentSiteConfig();
const settings = astroSettings(config);

export default defineConfig({
  site: settings.site,
  base: settings.base,
  outDir: env.VERBATIM_OUT || 'dist',
  output: 'static',
  trailingSlash: 'always',
  // One cached stylesheet for every page rather than per-page inline copies.
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Astro renders no Markdown of ours (topic bodies go through src/markdown/), so no Shiki, whose inline styles the CSP would refuse.
  markdown: { syntaxHighlight: false },
  // Pages are small and read without JS; no prefetch or view transitions machinery.
  prefetch: false,
  devToolbar: { enabled: false },
  integrations: [verbatim({ config, content: contentDir() })],
  // The search index is built after this, by the CLI (src/search-index/build-search-index.ts).
  // A Content-Security-Policy meta tag on every page. Astro hashes the scripts and styles it
  // emits (inline ones included), so nothing else may run: no inline handlers, no injected
  // markup can execute. Pagefind needs 'wasm-unsafe-eval' for its WebAssembly and a worker.
  // Hosts that can send headers should send the same policy (docs/robustness.md).
  security: {
    csp: {
      algorithm: 'SHA-256',
      directives: [
        "default-src 'self'",
        // Show artwork may come from the hosts the site config names (src/node/site-config-file.ts checks them).
        `img-src 'self' data:${settings.imageOrigins.map((origin) => ` ${origin}`).join('')}`,
        "media-src 'self' https: http:",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-src 'none'",
      ],
      scriptDirective: {
        resources: ["'self'", "'wasm-unsafe-eval'"],
        // Scripts that must run before first paint (Astro hashes only the scripts it bundles).
        hashes: [inlineScriptHash('./src/client/inline/theme-bootstrap.js'), inlineScriptHash('./src/client/inline/episode-js.js')],
      },
      // Computed widths (talk-time bars, the outline strip) are style attributes; they never hold content text.
      styleDirective: { resources: ["'self'", { resource: "'unsafe-inline'", kind: 'attribute' }] },
    },
  },
});
