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
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'astro/config';
import { normalizeBase } from './src/site/base-path.ts';

/**
 * The CSP hash of a script inlined verbatim (src/client/inline/).
 * @param {string} file
 * @returns {`sha256-${string}`}
 */
const inlineScriptHash = (file) => `sha256-${createHash('sha256').update(readFileSync(new URL(file, import.meta.url))).digest('base64')}`;

const env = process.env;


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
        "img-src 'self' data:",
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
