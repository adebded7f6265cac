/**
 * Every page type of the sample site opens in Chromium without errors, and
 * episode pages keep the contract other tools rely on: every paragraph has
 * an id, timed ones a numeric data-start.
 */
import { describe, expect, it } from 'vitest';
import { openPage } from './harness.ts';

describe('sample site in Chromium', () => {
  it('home lists the shows and episodes', async () => {
    const page = await openPage('/');
    await expect(page.locator('h1').first().textContent()).resolves.toBeTruthy();
    const links = await page.locator('a[href*="/episodes/"]').count();
    expect(links).toBeGreaterThanOrEqual(6);
    expect(page.problems).toEqual([]);
    await page.context().close();
  });

  it('episode paragraphs carry ids and data-start', async () => {
    const page = await openPage('/episodes/heat-pumps-and-the-grid/');
    const paragraphs = await page.locator('p[id^="p"]').evaluateAll((ps) =>
      ps.map((p) => ({ id: p.id, start: p.getAttribute('data-start') })),
    );
    expect(paragraphs.length).toBeGreaterThan(20);
    for (const p of paragraphs) {
      expect(p.id).toMatch(/^p\d+$/);
      expect(Number.isFinite(Number(p.start))).toBe(true);
    }
    expect(page.problems).toEqual([]);
    await page.context().close();
  });

  it('untimed episodes still get paragraph anchors, without data-start', async () => {
    const page = await openPage('/episodes/sourdough-and-the-city/');
    const starts = await page.locator('p[id^="p"]').evaluateAll((ps) => ps.map((p) => p.hasAttribute('data-start')));
    expect(starts.length).toBeGreaterThan(10);
    expect(starts.every((s) => !s)).toBe(true);
    await page.context().close();
  });

  it('opening a moment link targets that paragraph', async () => {
    const page = await openPage('/episodes/rails-across-the-alps/#p5');
    const target = await page.evaluate(() => document.querySelector(':target')?.id);
    expect(target).toBe('p5');
    const inView = await page.locator('#p5').evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.top < window.innerHeight;
    });
    expect(inView).toBe(true);
    await page.context().close();
  });

  for (const path of ['/episodes/', '/shows/', '/speakers/', '/shows/the-long-table/', '/no-such-page/']) {
    it(`${path} renders`, async () => {
      const page = await openPage(path);
      expect(await page.locator('main').count()).toBe(1);
      await page.context().close();
    });
  }
});
