/**
 * Keyboard-only use and the theme toggle: `/` focuses the header search,
 * a query typed and submitted from the keyboard reaches the results, arrow
 * and Enter keys follow one to its paragraph; the toggle switches the
 * colours and remembers the choice across pages.
 */
import { describe, expect, it } from 'vitest';
import { openPage } from './harness.ts';

describe('keyboard only', () => {
  it('searches from any page and lands on the moment without a mouse', async () => {
    const page = await openPage('/episodes/');
    await page.keyboard.press('/');
    const focused = await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name);
    expect(focused).toBe('q');
    await page.keyboard.type('district heating');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=district\+heating|\/search\/\?q=district%20heating/);
    await page.waitForSelector('[data-search-result]');
    // The first passage result (an episode's own card may rank above it); open it from the keyboard.
    const passage = page.locator('[data-search-result] a[href*="#p"]').first();
    const firstHref = await passage.getAttribute('href');
    expect(firstHref).toMatch(/\/episodes\/[^/]+\/#p\d+$/);
    await passage.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/#p\d+$/);
    const target = await page.evaluate(() => {
      const el = document.querySelector(':target');
      return { id: el?.id, start: el?.getAttribute('data-start'), text: el?.textContent ?? '' };
    });
    expect(`#${target.id}`).toBe(new URL(firstHref ?? '', page.url()).hash);
    expect(Number.isFinite(Number(target.start))).toBe(true);
    expect(target.text.toLowerCase()).toContain('district heating');
    await page.context().close();
  });

  it('every interactive element in the header is reachable with Tab and shows focus', async () => {
    const page = await openPage('/');
    const seen: { tag: string; outline: string }[] = [];
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      seen.push(
        await page.evaluate(() => {
          const el = document.activeElement as HTMLElement;
          const style = getComputedStyle(el);
          return { tag: el.tagName, outline: `${style.outlineStyle} ${style.outlineWidth}` };
        }),
      );
    }
    for (const s of seen) {
      expect(s.tag).not.toBe('BODY');
      expect(s.outline).not.toMatch(/^none|0px$/);
    }
    await page.context().close();
  });
});

describe('theme', () => {
  it('toggles dark mode and keeps it on the next page', async () => {
    const page = await openPage('/', { colorScheme: 'light' });
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await background();
    await page.locator('[data-theme-toggle]').click();
    const dark = await background();
    expect(dark).not.toBe(light);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.goto(new URL('episodes/', page.url()).href);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await background()).toBe(dark);
    await page.context().close();
  });

  it('follows the system preference without a choice', async () => {
    const page = await openPage('/', { colorScheme: 'dark' });
    const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.context().close();
    const lightPage = await openPage('/', { colorScheme: 'light' });
    const light = await lightPage.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(dark).not.toBe(light);
    await lightPage.context().close();
  });
});
