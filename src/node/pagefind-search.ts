/**
 * Runs a built site's Pagefind bundle in Node, for the quality script and
 * tests: the same pagefind.js and WebAssembly the browser loads, with its
 * file requests answered from disk (Node's fetch does not read file: URLs)
 * and the web worker turned off.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { pagefindEngine, pagefindOptions } from '../search/pagefind-engine.ts';
import type { PagefindModule } from '../search/pagefind-engine.ts';
import type { SearchEngine } from '../search/run-search.ts';

let fetchPatched = false;

/** Let `fetch` read file: URLs (what pagefind.js requests when loaded from disk). */
function patchFetch(): void {
  if (fetchPatched) return;
  fetchPatched = true;
  const original = globalThis.fetch;
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const href = input instanceof Request ? input.url : String(input);
    if (!href.startsWith('file:')) return original(input, init);
    try {
      return new Response(await readFile(fileURLToPath(new URL(href))));
    } catch {
      return new Response(null, { status: 404 });
    }
  }) as typeof fetch;
}

let instances = 0;

/**
 * Load the Pagefind bundle in `bundleDir` (a built site's `pagefind/`), ready
 * to search with the site's options, overridden by `options` (the quality
 * script tries other `ranking` settings this way).
 */
export async function loadPagefind(bundleDir: string, options: Record<string, unknown> = {}): Promise<{ pagefind: PagefindModule; engine: SearchEngine }> {
  patchFetch();
  const dir = `${pathToFileURL(resolve(bundleDir)).href}/`;
  // A query string per load: each bundle gets its own module instance (pagefind.js keeps state).
  const pagefind = (await import(/* @vite-ignore */ `${dir}pagefind.js?instance=${++instances}`)) as PagefindModule;
  await pagefind.options(pagefindOptions({ basePath: dir, noWorker: true, ...options }));
  await pagefind.init?.();
  return { pagefind, engine: pagefindEngine(pagefind) };
}
