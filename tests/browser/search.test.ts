/**
 * Search on the built sample site: every record in the Pagefind index links
 * to a page and paragraph that exist; in Chromium a `?q=` search renders
 * result cards in rank order whose first link lands on the paragraph;
 * misspellings are corrected and say so; filters and the URL stay in step.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { loadPagefind } from '../../src/node/pagefind-search.ts';
import { SEARCH_FILES } from '../../src/search/record-fields.ts';
import { openPage } from './harness.ts';

/** Open the search page for `query` and wait until its results (or its empty state) are shown. */
async function search(query: string) {
  const page = await openPage(`/search/?q=${encodeURIComponent(query)}`);
  await page.waitForFunction(
    () => document.querySelector('[data-search-result]') !== null || !document.querySelector('[data-search-empty]')?.hasAttribute('hidden'),
  );
  return page;
}

describe('search', () => {
  it('indexes only links that land: every record URL is a built page with that paragraph id', async () => {
    const dir = inject('siteDir');
    const { pagefind } = await loadPagefind(join(dir, SEARCH_FILES.pagefindDir));
    const all = (await pagefind.search(null, {}))?.results ?? [];
    // The sample makes a few dozen records (passages of up to PASSAGE_WORDS words, episodes, topics).
    expect(all.length).toBeGreaterThan(30);
    const urls = await Promise.all(all.map(async (r) => (await r.data()).url));
    const problems: string[] = [];
    const pages = new Map<string, string>();
    for (const url of urls) {
      const [path = '', fragment] = url.split('#');
      const file = join(dir, decodeURIComponent(path), 'index.html');
      if (!pages.has(file)) pages.set(file, existsSync(file) ? readFileSync(file, 'utf8') : '');
      const html = pages.get(file) ?? '';
      if (!html) problems.push(`${url}: no page`);
      else if (fragment && !html.includes(` id="${fragment}"`)) problems.push(`${url}: no #${fragment}`);
    }
    expect(problems).toEqual([]);
    // Passages link to a paragraph; episode and topic records link to their page.
    expect(urls.filter((u) => u.includes('#')).length).toBeGreaterThanOrEqual(10);
  });

  it('finds a phrase and its first result lands on the paragraph', async () => {
    const page = await search('peak gets peakier');
    const first = page.locator('[data-search-result]').first();
    const href = await first.locator('a').first().getAttribute('href');
    // Maya says "the peak gets, like... peakier" (p14, 3:00) and Zoë repeats it (p15, 3:02): either is the moment.
    expect(href).toMatch(/\/episodes\/heat-pumps-and-the-grid\/#p1[45]$/);
    const [speaker, stamp] = href?.endsWith('#p14') ? ['Maya Okafor', '3:00'] : ['Zoë Lindqvist', '3:02'];
    // The card shows the moment: title, show, date, speaker, timestamp and the excerpt with the match marked.
    const text = await first.textContent();
    for (const part of ['Heat Pumps and the Grid', 'Signal & Noise', 'Mar 12, 2025', speaker, stamp, 'peakier']) {
      expect(text).toContain(part);
    }
    await expect(first.locator('mark').count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('[data-search-empty]').isVisible()).resolves.toBe(false);
    await expect(page.locator('[data-search-status]').textContent()).resolves.toMatch(/^\d+ results? for “peak gets peakier”/);
    expect(new URL(page.url()).searchParams.get('q')).toBe('peak gets peakier');

    const id = href?.split('#')[1] ?? '';
    await first.locator('a').first().click();
    await page.waitForURL(new RegExp(`#${id}$`));
    const target = await page.evaluate(() => document.querySelector(':target')?.id);
    expect(target).toBe(id);
    const inView = await page.locator(`#${id}`).evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    });
    expect(inView).toBe(true);
    expect(page.problems).toEqual([]);
    await page.context().close();
  });

  it('corrects a misspelling and says what it searched', async () => {
    const page = await search('Lindkvist electrician');
    const href = await page.locator('[data-search-result] a').first().getAttribute('href');
    expect(href).toMatch(/\/episodes\/heat-pumps-and-the-grid\/#p51$/);
    await expect(page.locator('[data-search-notice]').textContent()).resolves.toContain('“lindqvist electrician”');
    expect(page.problems).toEqual([]);
    await page.context().close();
  });

  it('keeps the query in the URL while typing, and filters by show', async () => {
    const page = await search('heat pumps');
    const field = page.locator('#search-q');
    await field.fill('fermentation');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'fermentation');
    await page.waitForFunction(() => document.querySelector('[data-search-status]')?.textContent?.includes('“fermentation”'));
    // The facets load when the panel is first opened.
    await page.locator('[data-search-filters] > summary').click();
    await page.locator('input[name="show"][value="Signal & Noise"]').check();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('show') === 'Signal & Noise');
    await page.waitForFunction(() => !document.querySelector('[data-search-results][aria-busy]'));
    const shows = await page.locator('[data-search-result] .result-meta').allTextContents();
    expect(shows.every((s) => s.includes('Signal & Noise'))).toBe(true);
    expect(page.problems).toEqual([]);
    await page.context().close();
  });

  it('lists moments first, with matching topic and episode pages in a strip above them', async () => {
    const page = await search('heat pumps');
    const strip = page.locator('[data-search-pages-box]');
    await expect(strip.isVisible()).resolves.toBe(true);
    // A labelled list of links named by kind and title.
    await expect(strip.getAttribute('aria-labelledby')).resolves.toBe('search-pages-title');
    const links = strip.locator('ul > li > a[data-search-page]');
    await expect(links.count()).resolves.toBeGreaterThan(0);
    const names = await links.allTextContents();
    expect(names.some((n) => /^Topic\s+Heat pumps$/i.test(n.trim()))).toBe(true);
    expect(names.every((n) => /^(Topic|Episode)\s+\S/.test(n.trim()))).toBe(true);
    // Every result in the list is a moment: a link into an episode at a paragraph.
    const hrefs = await page.locator('[data-search-result] a[data-result-link]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs.every((h) => /\/episodes\/[^/]+\/#p\d+$/.test(h))).toBe(true);
    // The strip stays within a phone's width.
    await page.setViewportSize({ width: 360, height: 780 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(page.problems).toEqual([]);
    await page.context().close();
  });

  it('answers a question with the passage that holds most of it, and says when no passage has every word', async () => {
    const page = await search('what did ama say about heat pumps');
    const href = await page.locator('[data-search-result] a').first().getAttribute('href');
    expect(href).toMatch(/\/episodes\/fermentation-at-scale\/#p27$/);
    await page.context().close();

    const partial = await search('Gothard referendum');
    const notice = await partial.locator('[data-search-notice]').textContent();
    expect(notice).toContain('“gotthard referendum”');
    expect(notice).toContain('No passage has every word');
    await expect(partial.locator('[data-search-result]').count()).resolves.toBeGreaterThan(0);
    expect(partial.problems).toEqual([]);
    await partial.context().close();
  });

  it('says so when nothing matches, with suggestions', async () => {
    const page = await search('xylophone');
    await expect(page.locator('[data-search-result]').count()).resolves.toBe(0);
    await expect(page.locator('[data-search-status]').textContent()).resolves.toContain('No results');
    await expect(page.locator('[data-search-empty]').isVisible()).resolves.toBe(true);
    await expect(page.locator('[data-search-suggestions] a').count()).resolves.toBeGreaterThan(0);
    await page.context().close();
  });
});
