/**
 * What a first search costs a reader: open `/search/?q=WORD` in a fresh
 * Chromium context (empty cache) on a built site served as static hosts
 * serve it (text gzipped), wait for the results, and add up the bytes the
 * server sent. Bytes are split into the index data the query needed (Pagefind
 * entry, page lists, word chunks, fragments, filters, the spelling
 * dictionary) and the page and its code (HTML, CSS, JS, WebAssembly), which
 * a browser caches after the first visit.
 */
import chromium from '@sparticuz/chromium';
import { chromium as playwright } from 'playwright-core';
import type { Browser } from 'playwright-core';

export interface FirstSearch {
  query: string;
  /** Results shown (moments), 0 when the search found nothing. */
  results: number;
  /** From navigation start to the first result on screen (or the empty state). */
  ms: number;
  /** Bytes received (compressed, headers excluded) for index data and for the page and its code. */
  dataBytes: number;
  codeBytes: number;
  requests: number;
  /** Data bytes by kind of file. */
  byKind: Record<string, number>;
}

/** The kind of a search file, by its name; `code` for everything that is the page or its code. */
export function fileKind(url: string): string {
  const path = new URL(url).pathname;
  if (path.endsWith('pagefind-entry.json')) return 'entry';
  if (path.endsWith('.pf_meta')) return 'meta';
  if (path.endsWith('.pf_index')) return 'index';
  if (path.endsWith('.pf_fragment')) return 'fragment';
  if (path.endsWith('.pf_filter')) return 'filter';
  if (path.endsWith('dictionary.json')) return 'dictionary';
  return 'code';
}

export async function launchBrowser(): Promise<Browser> {
  return playwright.launch({
    executablePath: await chromium.executablePath(),
    args: [...chromium.args.filter((a) => a !== '--single-process'), '--disable-background-networking', '--disable-component-update'],
    headless: true,
  });
}

/** Responses the server sent: path and body bytes (the server counts them, so requests from Pagefind's web worker count too). */
export interface ServedLog {
  clear(): void;
  entries(): readonly { path: string; bytes: number }[];
}

/** Measure one first search on the site at `siteUrl` (its root, ending in `/`), served by a server that logs into `served`. */
export async function measureFirstSearch(browser: Browser, siteUrl: string, query: string, served: ServedLog): Promise<FirstSearch> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const out: FirstSearch = { query, results: 0, ms: 0, dataBytes: 0, codeBytes: 0, requests: 0, byKind: {} };
  served.clear();
  const started = Date.now();
  await page.goto(new URL(`search/?q=${encodeURIComponent(query)}`, siteUrl).href, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(
    () => document.querySelector('[data-search-result]') !== null || !document.querySelector('[data-search-empty]')?.hasAttribute('hidden'),
    undefined,
    { timeout: 60_000 },
  );
  out.ms = Date.now() - started;
  // Let the requests the results started (fragments of the shown results) finish before counting.
  await page.waitForLoadState('networkidle');
  out.results = await page.locator('[data-search-result]').count();
  await context.close();
  for (const { path, bytes } of served.entries()) {
    const kind = fileKind(`http://x${path}`);
    out.requests++;
    if (kind === 'code') out.codeBytes += bytes;
    else {
      out.dataBytes += bytes;
      out.byKind[kind] = (out.byKind[kind] ?? 0) + bytes;
    }
  }
  return out;
}
