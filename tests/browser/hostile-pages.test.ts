/**
 * The hostile site in Chromium: the same content the site scan builds from
 * (every hostile fixture that ingests, plus payload-carrying episodes and a
 * topic, tests/site-scan/hostile-content.ts), served and used. Searching for
 * the payloads, opening their episode and topic pages and following a topic
 * link must never run a script (no dialog, no page error, no CSP
 * violation), and no element from content may appear in the DOM, including
 * what the search script builds from results at run time, which the static
 * scan cannot see.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeHostileContent } from '../site-scan/hostile-content.ts';
import { getBrowser } from './harness.ts';
import { buildAndServe } from './served-site.ts';

const root = mkdtempSync(join(tmpdir(), 'verbatim-hostile-pages-'));
let url = '';
let close: (() => Promise<void>) | undefined;

beforeAll(async () => {
  const content = join(root, 'content');
  writeHostileContent(content);
  const site = await buildAndServe({ content, name: 'hostile' });
  url = site.url;
  close = site.close;
}, 240_000);

afterAll(async () => {
  await close?.();
  rmSync(root, { recursive: true, force: true });
});

/** A page that records anything a payload could do if it ran. */
async function open(path: string): Promise<Page & { ran: string[] }> {
  const context = await (await getBrowser()).newContext();
  const page = (await context.newPage()) as Page & { ran: string[] };
  page.ran = [];
  page.on('dialog', (d) => {
    page.ran.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on('pageerror', (e) => page.ran.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused/i.test(m.text())) page.ran.push(`csp: ${m.text()}`);
  });
  await page.goto(new URL(path.replace(/^\//, ''), url).href, { waitUntil: 'load' });
  return page;
}

/** Elements content could have injected: anything that runs or embeds, or a handler attribute. */
const injected = (page: Page, scope = 'body') =>
  page.evaluate((selector) => {
    const found: string[] = [];
    for (const el of document.querySelectorAll(`${selector} *`)) {
      const tag = el.tagName.toLowerCase();
      if (['script', 'iframe', 'object', 'embed', 'img', 'style'].includes(tag) && !el.closest('head')) {
        // JSON-LD is data (the site scan checks it cannot end its script). Our code is allowed;
        // every payload calls alert(), so code holding one came from content.
        if (tag === 'script' && (el.getAttribute('type') === 'application/ld+json' || !/alert\(/.test(el.textContent ?? ''))) continue;
        // A topic body is Markdown, which may show an image; unsafe targets were removed at build.
        if (tag === 'img' && el.closest('.topic-body') && !/^\s*[a-z][a-z0-9+.-]*:/i.test(el.getAttribute('src') ?? '')) continue;
        found.push(`<${tag}>`);
      }
      if (tag === 'svg' && !el.hasAttribute('aria-hidden')) found.push('<svg> without aria-hidden');
      for (const a of el.attributes) if (/^on/i.test(a.name)) found.push(`<${tag} ${a.name}>`);
      for (const a of ['href', 'src']) if (/^\s*javascript:/i.test(el.getAttribute(a) ?? '')) found.push(`<${tag} ${a}=javascript:>`);
    }
    return found;
  }, scope);

describe('hostile site in the browser', () => {
  it('the checks catch a payload that runs or an element that is added (control)', async () => {
    const page = await open('/episodes/');
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.innerHTML = '<img src="x" onerror="alert(7)"><a href="javascript:alert(8)">x</a>';
      document.querySelector('main')?.append(p);
    });
    await expect.poll(() => page.ran.length).toBeGreaterThan(0);
    expect(page.ran.join('\n')).toMatch(/dialog: 7|csp|Refused/i);
    expect(await injected(page)).toEqual(expect.arrayContaining(['<img>', '<img onerror>', '<a href=javascript:>']));
    await page.context().close();
  });

  for (const query of ['alert', 'onerror', 'script', 'evil', 'tpl']) {
    it(`search for "${query}" shows the payloads as text`, async () => {
      const page = await open(`/search/?q=${encodeURIComponent(query)}`);
      await page.waitForSelector('[data-search-result]', { timeout: 20_000 });
      await page.waitForTimeout(300);
      expect(await page.locator('[data-search-result]').count()).toBeGreaterThan(0);
      expect(await injected(page, '[data-search-results]')).toEqual([]);
      // Filters are built from index values (shows, speakers, topics) that carry payloads too.
      await page.locator('[data-search-filters] > summary').click();
      await page.waitForSelector('[data-search-filters] fieldset');
      expect(await injected(page, '[data-search-filters]')).toEqual([]);
      expect(page.ran).toEqual([]);
      await page.context().close();
    });
  }

  it('episode and topic pages run nothing from content, before and after following a topic link', async () => {
    const page = await open('/topics/');
    const topics = await page.locator('.topic-table tbody th > a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    const episodes = await (await open('/episodes/')).locator('.episode-card :is(h2, h3) a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(topics.length).toBeGreaterThan(0);
    expect(episodes.length).toBeGreaterThan(40);
    for (const path of [...topics, ...episodes.slice(0, 12)]) {
      const p = await open(path);
      expect(await injected(p), path).toEqual([]);
      expect(p.ran, path).toEqual([]);
      const link = p.locator('a.topic-link').first();
      if ((await link.count()) > 0) {
        await link.click();
        await p.waitForLoadState('load');
        expect(await injected(p), `${path} → topic`).toEqual([]);
        expect(p.ran, `${path} → topic`).toEqual([]);
      }
      await p.context().close();
    }
    expect(page.ran).toEqual([]);
  });
});
