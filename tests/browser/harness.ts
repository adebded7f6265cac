/**
 * Chromium for browser tests: playwright-core driving the binary shipped in
 * the `@sparticuz/chromium` npm package (no system browser, no download).
 * `openPage('/episodes/x/')` opens a path of the sample site built by
 * global-setup.ts.
 */
import chromium from '@sparticuz/chromium';
import { chromium as playwright } from 'playwright-core';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, inject } from 'vitest';

let browser: Promise<Browser> | undefined;

/** One browser per test file, closed after the file's tests. */
export function getBrowser(): Promise<Browser> {
  if (!browser) {
    browser = (async () =>
      playwright.launch({
        executablePath: await chromium.executablePath(),
        // --single-process makes a second page in one browser crash.
        args: [...chromium.args.filter((a) => a !== '--single-process'), '--disable-background-networking', '--disable-component-update'],
        headless: true,
      }))();
    afterAll(async () => {
      await (await browser)?.close();
      browser = undefined;
    });
  }
  return browser;
}

/** Absolute URL of a site path (`/search/?q=x`). */
export function siteUrl(path = '/'): string {
  return new URL(path.replace(/^\//, ''), inject('siteUrl')).href;
}

/** Open a site path in a fresh context; console errors and failed requests are collected on `page.problems`. */
export async function openPage(path: string, options: BrowserContextOptions = {}): Promise<Page & { problems: string[] }> {
  const context = await (await getBrowser()).newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = (await context.newPage()) as Page & { problems: string[] };
  page.problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error') page.problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => page.problems.push(`requestfailed: ${r.url()}`));
  await page.goto(siteUrl(path), { waitUntil: 'load' });
  return page;
}
