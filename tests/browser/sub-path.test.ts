/**
 * A configured site published under a sub-path, as docs/deploy.md tells
 * people to: the sample's Signal & Noise episodes built with the site
 * config in tests/browser/fixtures/sub-path/ (base /kb/, an https origin,
 * en-GB, a show's description, colour and artwork, two of the five
 * downloads, no episodes.json, a small spelling vocabulary, at most five
 * discovered topics), served by the preview server under /kb/. In Chromium,
 * every page reachable from the home page loads with all its assets and
 * no error, every link stays under /kb/ and resolves, and search finds a
 * passage and lands on it. Each config key's effect is checked in the
 * built files; the preview server sends the cache and security headers
 * docs/deploy.md asks of a host.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frontDecode } from '../../src/search/front-code.ts';
import type { SearchDictionary } from '../../src/search/dictionary.ts';
import { getBrowser } from './harness.ts';
import { buildAndServe } from './served-site.ts';
import type { ServedSite } from './served-site.ts';

let site: ServedSite;
const BASE = '/kb/';

beforeAll(async () => {
  site = await buildAndServe({ content: 'tests/browser/fixtures/sub-path', episodes: 'content/episodes/signal-and-noise', name: 'sub-path' });
}, 180_000);
afterAll(() => site?.close());

const read = (path: string) => readFileSync(join(site.dir, path), 'utf8');
function htmlFiles(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? htmlFiles(dir, `${prefix}${e.name}/`) : e.name.endsWith('.html') ? [`${prefix}${e.name}`] : [],
  );
}

describe('a configured site under /kb/', () => {
  it('is served at /kb/, and the build warned about the show no episode has', () => {
    expect(new URL(site.url).pathname).toBe(BASE);
    expect(site.diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual(['12:3 config-show-unknown']);
  });

  it('in Chromium, every page and asset loads under /kb/ and every link resolves', async () => {
    const context = await (await getBrowser()).newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    let current = '';
    page.on('console', (m) => m.type() === 'error' && problems.push(`${current}: console: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(`${current}: ${e.message}`));
    // A request cut off by moving on to the next page is no fault of the site; a missing file answers 404, below.
    page.on('requestfailed', (r) => r.failure()?.errorText !== 'net::ERR_ABORTED' && problems.push(`${current}: failed ${r.url()}`));
    page.on('response', (r) => r.status() >= 400 && problems.push(`${current}: ${r.status()} ${r.url()}`));
    const origin = new URL(site.url).origin;
    const queue = [site.url];
    const seen = new Set(queue);
    const files: string[] = [];
    let pages = 0;
    const visited = new Set<string>();
    let assets = 0;
    while (queue.length > 0) {
      current = queue.shift() ?? '';
      const response = await page.goto(current, { waitUntil: 'load' });
      if (!response?.headers()['content-type']?.startsWith('text/html')) continue;
      pages++;
      visited.add(page.url());
      const found = await page.evaluate(async () => {
        // Lazy images below the fold load only when scrolled to: load them all, then see which failed.
        await Promise.all(
          [...document.images].map(async (img) => {
            img.loading = 'eager';
            await img.decode().catch(() => {});
          }),
        );
        return {
        // By attribute: an SVG <a> (topic timelines) has no string `href` property.
        links: [...document.querySelectorAll('a[href], form[action]')].map((a) => new URL(a.getAttribute('href') ?? a.getAttribute('action') ?? '', document.baseURI).href),
        assets: [...document.querySelectorAll('link[href], script[src], img[src], audio[src]')].map((e) => new URL(e.getAttribute('href') ?? e.getAttribute('src') ?? '', document.baseURI).href),
        images: [...document.images].filter((img) => !img.complete || img.naturalWidth === 0).map((img) => img.src),
        };
      });
      problems.push(...found.images.map((src) => `${current}: image not shown ${src}`));
      for (const href of [...found.links, ...found.assets]) {
        const url = new URL(href);
        if (url.origin !== origin) continue;
        if (!url.pathname.startsWith(BASE)) problems.push(`${current}: ${href} is outside ${BASE}`);
        url.hash = '';
        if (url.pathname.endsWith('/search/') && url.search) continue; // a query, run on the search page below
        if (seen.has(url.href)) continue;
        seen.add(url.href);
        if (/\/$|\.html$/.test(url.pathname)) queue.push(url.href);
        else files.push(url.href);
      }
    }
    for (const url of files) {
      assets++;
      const response = await page.request.get(url);
      if (!response.ok()) problems.push(`${url}: ${response.status()}`);
    }
    await context.close();
    expect(problems).toEqual([]);
    // Every page the build wrote was reached by following links (the 404 page is what a missing path gets).
    const built = htmlFiles(site.dir).filter((f) => f !== '404.html').map((f) => new URL(f.replace(/index\.html$/, ''), site.url).href);
    expect(built.filter((url) => !visited.has(url))).toEqual([]);
    expect(pages).toBe(built.length);
    expect(assets).toBeGreaterThan(5);
    expect(files.some((u) => u.endsWith('/kb/shows/signal-noise/artwork.png'))).toBe(true);
  }, 120_000);

  it('in Chromium, search finds a passage and lands on it under /kb/', async () => {
    const context = await (await getBrowser()).newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${site.url}search/?q=${encodeURIComponent('peak gets peakier')}`, { waitUntil: 'load' });
    const first = page.locator('[data-search-result]').first();
    await first.waitFor({ timeout: 20_000 });
    const href = (await first.locator('a').first().getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/kb\/episodes\/heat-pumps-and-the-grid\/#p1[45]$/);
    await first.locator('a').first().click();
    await page.waitForURL(/\/kb\/episodes\/heat-pumps-and-the-grid\/#p1[45]$/);
    const id = new URL(page.url()).hash.slice(1);
    await expect(page.locator(`[id="${id}"]`).textContent()).resolves.toMatch(/peak/i);
    // A misspelt name is corrected from the dictionary, which lives under /kb/ too.
    await page.goto(`${site.url}search/?q=lindkvist`, { waitUntil: 'load' });
    await page.locator('[data-search-result]').first().waitFor({ timeout: 20_000 });
    await expect(page.locator('[data-search-results]').textContent()).resolves.toContain('Lindqvist');
    await context.close();
    expect(errors).toEqual([]);
  }, 60_000);

  it('every key of the config did what it says', () => {
    const home = read('index.html');
    // title, description, language, site + base
    expect(home).toContain('<title>Sub-path test archive</title>');
    expect(home).toMatch(/<h1 id="home-title" dir="auto">Sub-path test archive<\/h1>/);
    expect(home).toContain('Three episodes of Signal &amp; Noise, served under a sub-path.');
    expect(home).toMatch(/<html lang="en-GB"/);
    expect(home).toContain('<link rel="canonical" href="https://example.org/kb/">');
    // shows: description, colour, artwork (a file published beside the show page)
    expect(home).toContain('style="--show-colour: #1d6b5f"');
    expect(home).toContain('src="/kb/shows/signal-noise/artwork.png"');
    const show = read('shows/signal-noise/index.html');
    expect(show).toContain('Energy, grids and the price of power.');
    expect(readFileSync(join(site.dir, 'shows/signal-noise/artwork.png')).equals(readFileSync('tests/browser/fixtures/sub-path/artwork/cover.png'))).toBe(true);
    // exports: only VTT and text, on the page, in the folder and in the feed
    const episode = read('episodes/heat-pumps-and-the-grid/index.html');
    const downloads = [...episode.matchAll(/<a href="([^"]*)" download=/g)].map((m) => m[1]);
    expect(downloads).toEqual(['/kb/episodes/heat-pumps-and-the-grid/transcript.vtt', '/kb/episodes/heat-pumps-and-the-grid/transcript.txt']);
    expect(readdirSync(join(site.dir, 'episodes/heat-pumps-and-the-grid')).sort()).toEqual(['index.html', 'transcript.txt', 'transcript.vtt']);
    // feeds: rss and sitemap, no episodes.json (and no link to it)
    const rss = read('rss.xml');
    expect(rss).toContain('<language>en-GB</language>');
    expect(rss).toContain('<title>Sub-path test archive</title>');
    expect([...rss.matchAll(/<podcast:transcript url="([^"]+)"/g)].map((m) => m[1]?.replace(/^.*\//, ''))).toEqual(
      expect.arrayContaining(['transcript.vtt', 'transcript.txt']),
    );
    expect(rss).not.toMatch(/transcript\.(srt|json|podcast\.json)/);
    expect(read('sitemap.xml')).toContain('<loc>https://example.org/kb/episodes/heat-pumps-and-the-grid/</loc>');
    expect(readdirSync(site.dir)).not.toContain('episodes.json');
    // search: vocabulary capped (names' words are kept over the cap), two suggestions
    const dictionary = JSON.parse(read('search/dictionary.json')) as SearchDictionary;
    const nameWords = new Set(frontDecode(dictionary.names));
    const words = dictionary.words.flatMap((tier) => frontDecode(tier));
    expect(dictionary.complete).toBe(false);
    expect(words.length).toBeGreaterThanOrEqual(300);
    expect(words.length).toBeLessThanOrEqual(300 + nameWords.size);
    expect(dictionary.suggestions).toHaveLength(2);
    // topics: at most five discovered, besides the one topic file, whose root-relative links are served under /kb/
    const topicLinks = new Set([...read('topics/index.html').matchAll(/href="\/kb\/topics\/([^"/]+)\/"/g)].map((m) => m[1]).filter((s) => s !== 'by' && s !== 'heat-pumps'));
    expect(topicLinks.size).toBeGreaterThan(0);
    expect(topicLinks.size).toBeLessThanOrEqual(5);
    const body = /<div class="prose topic-body">([\s\S]*?)<\/div>/.exec(read('topics/heat-pumps/index.html'))?.[1] ?? '';
    expect([...body.matchAll(/(?:href|src)="([^"]*)"/g)].map((m) => m[1])).toEqual(['/kb/episodes/', '/kb/episodes/heat-pumps-and-the-grid/', '/kb/favicon.svg', '//example.net/heat/']);
    expect(body).toContain('<a href="//example.net/heat/" rel="noopener noreferrer">');
    // never a dev banner in a build, though the build had a warning
    for (const file of htmlFiles(site.dir)) expect(read(file), file).not.toContain('data-dev-diagnostics');
  });

  it('the preview server sends the headers a host should: long caching only for hashed files', async () => {
    const head = async (path: string) => (await fetch(new URL(path.replace(/^\//, ''), site.url))).headers;
    const page = await head('/');
    expect(page.get('cache-control')).toBe('no-cache');
    expect(page.get('content-security-policy')).toMatch(/^default-src 'self';.*frame-ancestors 'none'$/);
    expect(page.get('x-content-type-options')).toBe('nosniff');
    const css = /href="\/kb\/(_astro\/[^"]+\.css)"/.exec(read('index.html'))?.[1] ?? '';
    expect((await head(css)).get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await head('pagefind/pagefind-entry.json')).get('cache-control')).toBe('no-cache');
    const fragment = readdirSync(join(site.dir, 'pagefind/fragment'))[0] ?? '';
    expect((await head(`pagefind/fragment/${fragment}`)).get('cache-control')).toBe('public, max-age=31536000, immutable');
  });
});
