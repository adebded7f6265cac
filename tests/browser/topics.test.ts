/**
 * Topics in Chromium: from an episode, follow the first topic link in the
 * transcript to the topic page, find the mention there and follow it back
 * to the same paragraph; the topics index in both orders; the timeline's
 * marks; and search finding a topic page by one of its aliases, with the
 * topic filter narrowing passages.
 */
import { describe, expect, it } from 'vitest';
import { PASSAGE_WORDS } from '../../src/search/record-fields.ts';
import { openPage } from './harness.ts';

const EPISODE = '/episodes/heat-pumps-and-the-grid/';

describe('topics', () => {
  it('episode → topic link → topic page → mention → back to the same paragraph', async () => {
    const page = await openPage(EPISODE);
    const link = page.locator('p.para a.topic-link').first();
    const paragraph = await link.evaluate((a) => a.closest('p.para')?.id ?? '');
    const linked = (await link.textContent())?.trim().toLowerCase() ?? '';
    expect(paragraph).toMatch(/^p\d+$/);

    await link.click();
    await page.waitForURL(/\/topics\/[^/]+\/$/);
    const topicUrl = new URL(page.url());
    expect(await page.locator('h1').textContent()).toBeTruthy();

    // The mention from that paragraph is listed, its highlight is the linked words, and it links back.
    const back = page.locator(`ol.mentions a.moment[href$="${EPISODE}#${paragraph}"]`);
    expect(await back.count()).toBeGreaterThan(0);
    const marks = await back.first().locator('xpath=..').locator('mark').allTextContents();
    expect(marks.map((m) => m.toLowerCase())).toContain(linked);
    await back.first().click();
    await page.waitForURL((url) => url.pathname === EPISODE && url.hash === `#${paragraph}`);
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe(paragraph);
    expect(await page.locator(`#${paragraph} a.topic-link[href="${topicUrl.pathname}"]`).count()).toBe(1);
    expect(page.problems).toEqual([]);
    await page.context().close();
  });

  it('lists the episode topics near the top and related episodes below the transcript', async () => {
    const page = await openPage(EPISODE);
    const chips = await page.locator('.episode-topics a').evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href'), text: a.textContent })));
    expect(chips.length).toBeGreaterThan(1);
    for (const chip of chips) expect(chip.href).toMatch(/^\/topics\/[^/]+\/$/);
    // Above the transcript.
    const above = await page.evaluate(() => {
      const topics = document.querySelector('.episode-topics');
      const transcript = document.querySelector('.transcript');
      return !!topics && !!transcript && !!(topics.compareDocumentPosition(transcript) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    expect(above).toBe(true);
    expect(await page.locator('.related-episodes li a').count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it('sorts the index by mentions and by name, each order its own page', async () => {
    const page = await openPage('/topics/');
    const numbers = (await page.locator('.topic-table tbody td.n .num').allTextContents()).map(Number);
    expect(numbers.length).toBeGreaterThan(5);
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    await page.locator('.sort-switch a', { hasText: 'A–Z' }).click();
    await page.waitForURL(/\/topics\/by\/name\/$/);
    const names = await page.locator('.topic-table tbody th > a').allTextContents();
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
    expect(await page.locator('.sort-switch a[aria-current="page"]').textContent()).toBe('A–Z');
    await page.context().close();
  });

  it('draws a timeline mark for every mention (mentions closer than a mark share it), linking to its moment', async () => {
    const page = await openPage('/topics/heat-pumps/');
    const ticks = await page.locator('.topic-timeline svg a').evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href'), title: a.querySelector('title')?.textContent ?? '' })));
    const facts = await page.locator('.topic-head .facts li').first().textContent();
    const marked = ticks.reduce((n, t) => n + Number(/, (\d+) mentions$/.exec(t.title)?.[1] ?? 1), 0);
    expect(marked).toBe(Number(facts?.match(/\d+/)?.[0]));
    for (const { href } of ticks) expect(href).toMatch(/^\/episodes\/[^/]+\/#p\d+$/);
    await page.context().close();
  });

  it('search finds a topic page by an alias, and the topic filter narrows passages to it', async () => {
    // "fjernvarme" is only an alias of the district heating topic (content/topics/district-heating.md).
    // Topic pages are shown in the strip above the moments (the result list holds passages only).
    const page = await openPage('/search/?q=fjernvarme');
    await page.waitForSelector('[data-search-page]');
    const first = page.locator('[data-search-page]').first();
    expect(await first.getAttribute('data-search-page')).toBe('topic');
    expect(await first.getAttribute('href')).toBe('/topics/district-heating/');

    const filtered = await openPage('/search/?q=grid&topic=Heat%20pumps');
    await filtered.waitForSelector('[data-search-result]');
    const box = filtered.locator('input[name="topic"][value="Heat pumps"]');
    expect(await box.isChecked()).toBe(true);
    const hrefs = await filtered.locator('[data-search-result="passage"] a[data-result-link]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.length).toBeGreaterThan(0);
    // Every passage left mentions heat pumps: a paragraph of its record (a window of at most PASSAGE_WORDS words
    // around the landing paragraph) links to the topic.
    for (const href of hrefs) {
      const [path, id] = (href ?? '').split('#');
      const episode = await openPage(path ?? '/');
      const near = await episode.evaluate(
        ([pid, limit]) => {
          const all = [...document.querySelectorAll('p.para')];
          const at = all.findIndex((p) => p.id === pid);
          if (at < 0) return false;
          const wordsOf = (p: Element) => (p.textContent ?? '').split(/\s+/).filter(Boolean).length;
          const links = (p: Element) => p.querySelector('a.topic-link[href="/topics/heat-pumps/"]') !== null;
          for (const step of [-1, 1]) {
            let words = 0;
            for (let i = at; i >= 0 && i < all.length && words <= limit; i += step) {
              const p = all[i] as Element;
              if (links(p)) return true;
              words += wordsOf(p);
            }
          }
          return false;
        },
        [id ?? '', PASSAGE_WORDS] as const,
      );
      expect(near, href ?? '').toBe(true);
      await episode.context().close();
    }
    const unfiltered = await openPage('/search/?q=grid');
    await unfiltered.waitForSelector('[data-search-result]');
    const all = await unfiltered.locator('[data-search-result="passage"]').count();
    expect(hrefs.length).toBeLessThan(all);
    await Promise.all([page, filtered, unfiltered].map((p) => p.context().close()));
  });
});
