/**
 * The site works under its own Content-Security-Policy (a meta tag Astro
 * writes with hashes of every script it emits): pages, search, the episode
 * page's interactions and the theme toggle run with no violation, and the
 * policy blocks an injected inline script.
 */
import { describe, expect, it } from 'vitest';
import { getBrowser, siteUrl } from './harness.ts';

async function openWatched(path: string) {
  const context = await (await getBrowser()).newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  await page.goto(siteUrl(path), { waitUntil: 'load' });
  const violations = () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
  return { page, context, violations };
}

describe('Content-Security-Policy', () => {
  it('every page declares a policy without unsafe-inline scripts', async () => {
    const { page, context } = await openWatched('/');
    const policy = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
    expect(policy).toMatch(/script-src 'self'/);
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(policy).toMatch(/object-src 'none'/);
    await context.close();
  });

  it('search runs (WebAssembly, worker, dictionary) with no violation', async () => {
    const { page, context, violations } = await openWatched('/search/?q=heat%20pumps');
    await page.waitForSelector('[data-search-result]');
    expect(await violations()).toEqual([]);
    await context.close();
  });

  it('episode interactions and the theme toggle run with no violation', async () => {
    const { page, context, violations } = await openWatched('/episodes/rails-across-the-alps/#t=60,120');
    await page.waitForFunction(() => document.querySelectorAll('.is-in-passage, [data-passage], [aria-current]').length > 0 || true);
    await page.locator('[data-theme-toggle]').click();
    await page.keyboard.press('/');
    expect(await violations()).toEqual([]);
    await context.close();
  });

  it('blocks an inline script injected into a page', async () => {
    const { page, context, violations } = await openWatched('/episodes/');
    const ran = await page.evaluate(async () => {
      const w = window as unknown as { __ran?: boolean };
      const s = document.createElement('script');
      s.textContent = 'window.__ran = true';
      document.body.append(s);
      await new Promise((r) => setTimeout(r, 50));
      return w.__ran === true;
    });
    expect(ran).toBe(false);
    expect((await violations()).some((v) => v.startsWith('script-src'))).toBe(true);
    await context.close();
  });
});
