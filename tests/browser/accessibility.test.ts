/**
 * axe-core on every page type of the sample site, in light and dark mode
 * and at 360 px: no serious or critical violations. Also: no horizontal
 * scrolling at 360 px, and a keyboard user's first Tab reaches the skip link.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { openPage } from './harness.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const pages = [
  '/',
  '/episodes/',
  '/episodes/heat-pumps-and-the-grid/',
  '/episodes/sourdough-and-the-city/',
  '/episodes/a-history-of-the-market-hall/',
  '/episodes/rails-across-the-alps/#t=60,120',
  '/shows/',
  '/shows/the-long-table/',
  '/speakers/',
  '/speakers/zoe-lindqvist/',
  '/topics/',
  '/topics/heat-pumps/',
  '/search/?q=heat%20pumps',
  '/no-such-page/',
];

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

async function seriousViolations(page: Awaited<ReturnType<typeof openPage>>): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  })) as AxeViolation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

describe('accessibility (axe-core)', () => {
  it('the check itself catches a violation (an unlabelled button, faint text)', async () => {
    const page = await openPage('/', { bypassCSP: true });
    await page.evaluate(() => {
      document.querySelector('main')?.insertAdjacentHTML('beforeend', '<button></button><p style="color:#eee;background:#fff">faint</p>');
    });
    const found = await seriousViolations(page);
    expect(found.some((v) => v.startsWith('button-name'))).toBe(true);
    expect(found.some((v) => v.startsWith('color-contrast'))).toBe(true);
    await page.context().close();
  });

  for (const path of pages) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`${path} in ${scheme} mode has no serious or critical violations`, async () => {
        const page = await openPage(path, { colorScheme: scheme, bypassCSP: true }); // axe is injected as an inline script
        if (path.startsWith('/search/')) await page.waitForSelector('[data-search-result]');
        expect(await seriousViolations(page)).toEqual([]);
        await page.context().close();
      });
    }
  }

  for (const path of ['/', '/episodes/heat-pumps-and-the-grid/', '/search/?q=grid', '/speakers/zoe-lindqvist/', '/topics/', '/topics/heat-pumps/']) {
    it(`${path} fits a 360 px screen without horizontal scrolling`, async () => {
      const page = await openPage(path, { viewport: { width: 360, height: 740 } });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.context().close();
    });
  }

  it('the first Tab reaches the skip link, which moves focus to the main content', async () => {
    const page = await openPage('/episodes/rails-across-the-alps/');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({ text: document.activeElement?.textContent?.trim(), href: document.activeElement?.getAttribute('href') }));
    expect(focused.text?.toLowerCase()).toContain('skip');
    await page.keyboard.press('Enter');
    const target = (focused.href ?? '').slice(1);
    expect(await page.evaluate(() => location.hash)).toBe(`#${target}`);
    expect(await page.locator(`#${target}`).count()).toBe(1);
    await page.context().close();
  });
});
