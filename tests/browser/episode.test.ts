/**
 * The episode page's interactions in Chromium: moment links and their copy
 * buttons, passages named by `#t=…` and `#pA-pB` with their citation,
 * shift-click and selection to make such links, the outline's current turn,
 * the page without JS, and audio sync against a small fixture site whose
 * audio URL the test answers with a generated WAV.
 */
import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getBrowser, openPage } from './harness.ts';
import { buildAndServe } from './served-site.ts';

const RAILS = '/episodes/rails-across-the-alps/';
const clipboard = { permissions: ['clipboard-read', 'clipboard-write'] };

const ids = (page: Page, selector: string) => page.locator(selector).evaluateAll((els) => els.map((el) => el.id));
const background = (page: Page, selector: string) => page.locator(selector).evaluate((el) => getComputedStyle(el).backgroundColor);

describe('episode page', () => {
  it('marks every paragraph with an id and its times, and targets #pN', async () => {
    const page = await openPage(`${RAILS}#p5`);
    const paragraphs = await page.locator('p.para').evaluateAll((ps) => ps.map((p) => ({ id: p.id, start: p.getAttribute('data-start'), end: p.getAttribute('data-end') })));
    expect(paragraphs.length).toBeGreaterThan(20);
    for (const p of paragraphs) {
      expect(p.id).toMatch(/^p\d+$/);
      expect(Number(p.start)).toBeGreaterThanOrEqual(0);
      expect(Number(p.end)).toBeGreaterThanOrEqual(Number(p.start));
    }
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('p5');
    // The highlight fades in (a 0.3 s transition), so read it once the transition has run.
    await expect.poll(async () => (await background(page, '#p5')) !== (await background(page, '#p6'))).toBe(true);
    expect(page.problems).toEqual([]);
    await page.context().close();
  });

  it('copies the link to a moment from a button that appears on hover and focus', async () => {
    const page = await openPage(RAILS, clipboard);
    const button = page.locator('#p6 .moment-copy');
    expect(await button.evaluate((b) => getComputedStyle(b).opacity)).toBe('0');
    await page.hover('#p6 .text');
    expect(await button.evaluate((b) => getComputedStyle(b).opacity)).toBe('1');
    expect(await button.textContent()).toBe('Copy link to this moment, 1:07');
    await button.click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(new URL(`${RAILS}#p6`, page.url()).href);
    await expect.poll(() => page.locator('[role="status"]').textContent()).toBe('Link copied');

    // From the keyboard: timestamp, YouTube link, then the copy button.
    await page.focus('#p7 a.ts');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.matches('#p7 .moment-copy'))).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toMatch(/#p7$/);
    expect(page.problems).toEqual([]);
    await page.context().close();
  });

  it('highlights a time range and shows its citation', async () => {
    const page = await openPage(`${RAILS}#t=60,120`, clipboard);
    expect(await ids(page, '.in-passage')).toEqual(['p5', 'p6', 'p7', 'p8']);
    const citation = await page.locator('.citation-text').textContent();
    expect(citation).toBe(`Maya Okafor and Jürgen Ahlberg, “Rails Across the Alps,” Signal & Noise, September 17, 2025, 1:00–2:00. ${new URL(`${RAILS}#t=60,120`, page.url()).href}`);
    expect(await page.locator('.citation-extent').textContent()).toBe('1:00–2:00 · 4 paragraphs');
    const box = await page.locator('.citation').boundingBox();
    expect(box && box.y >= 0 && box.y < 100).toBe(true);
    await page.getByRole('button', { name: 'Copy citation' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(citation);

    // The clock spelling names the same passage; a fragment that is no passage clears it.
    await page.evaluate(() => (location.hash = '#t=1:00,2:00'));
    await expect.poll(() => ids(page, '.in-passage')).toEqual(['p5', 'p6', 'p7', 'p8']);
    await page.evaluate(() => (location.hash = '#p3'));
    await expect.poll(() => page.locator('.citation').count()).toBe(0);
    expect(page.problems).toEqual([]);
    await page.context().close();
  });

  it('highlights a paragraph range, in an untimed transcript too', async () => {
    const page = await openPage('/episodes/sourdough-and-the-city/#p3-p5');
    expect(await ids(page, '.in-passage')).toEqual(['p3', 'p4', 'p5']);
    expect(await page.locator('.citation-text').textContent()).toMatch(/^“Sourdough and the City,” The Long Table, May 6, 2025, paragraphs 3–5\. http/);
    await page.getByRole('button', { name: 'Close citation' }).click();
    expect(await page.locator('.in-passage').count()).toBe(0);
    expect(await page.evaluate(() => location.hash)).toBe('');
    await page.context().close();
  });

  it('ignores hostile fragments without errors', async () => {
    const page = await openPage(RAILS);
    for (const hash of ['#t=abc', '#t=-1,5', '#t=99999,100000', '#p999-p1000', '#%E0%A4%A', `#t=${'9'.repeat(5000)}`, '#p1-p2"><img src=x onerror=alert(1)>']) {
      await page.evaluate((h) => (location.hash = h), hash);
      await page.waitForTimeout(30);
      expect(await page.locator('.in-passage').count(), hash).toBe(0);
    }
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(page.problems).toEqual([]);
    await page.context().close();
  });

  it('makes a passage link by shift-clicking two timestamps', async () => {
    const page = await openPage(`${RAILS}#p5`);
    await page.click('#p9 a.ts', { modifiers: ['Shift'] });
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#p5-p9');
    expect(await ids(page, '.in-passage')).toEqual(['p5', 'p6', 'p7', 'p8', 'p9']);
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('citation');
    await page.keyboard.press('Escape');
    expect(await page.locator('.citation').count()).toBe(0);
    await page.context().close();
  });

  it('offers “Cite this passage” for a selection across paragraphs', async () => {
    const page = await openPage(RAILS);
    await page.evaluate(() => {
      const range = document.createRange();
      range.setStart(document.querySelector('#p11 .text')?.firstChild ?? document.body, 3);
      range.setEnd(document.querySelector('#p13 .text')?.firstChild ?? document.body, 10);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
    });
    const cite = page.getByRole('button', { name: 'Cite this passage' });
    await cite.waitFor({ state: 'visible' });
    await cite.click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#p11-p13');
    expect(await ids(page, '.in-passage')).toEqual(['p11', 'p12', 'p13']);
    expect(await cite.isHidden()).toBe(true);
    await page.context().close();
  });

  it('marks the outline entry of the turn being read', async () => {
    const page = await openPage(RAILS);
    await page.evaluate(() => document.querySelector('#p30')?.scrollIntoView({ block: 'start' }));
    await expect.poll(() => page.locator('.outline a[aria-current="location"]').count()).toBe(1);
    const href = await page.locator('.outline a[aria-current="location"]').getAttribute('href');
    const turn = await page.locator(`${href}`).evaluate((p) => p.closest('.turn')?.contains(document.querySelector('#p30')) ?? false);
    expect(turn).toBe(true);
    await page.context().close();
  });

  it('reads fully without JS', async () => {
    const page = await openPage(`${RAILS}#t=60,120`, { javaScriptEnabled: false });
    const count = await page.locator('p.para').count();
    expect(count).toBeGreaterThan(20);
    expect(await page.locator('p.para .text').last().isVisible()).toBe(true);
    expect(await page.locator('.moment-copy, .citation, .cite-selection').count()).toBe(0);
    expect(await page.locator('#p5 a.ts').getAttribute('href')).toBe('#p5');
    expect(await page.locator('#p5 a.yt').getAttribute('href')).toBe('https://www.youtube.com/watch?v=hT4vR8nWq2c&t=57s');
    await page.context().close();
  });
});

describe('audio sync', () => {
  let url = '';
  let close = async () => {};

  beforeAll(async () => {
    const site = await buildAndServe({ content: 'content', episodes: 'tests/browser/fixtures/audio/episodes', name: 'audio' });
    url = new URL('episodes/audio-sync/', site.url).href;
    close = site.close;
  });
  afterAll(() => close());

  it('seeks to a timestamp plus the offset, plays, and marks the paragraph heard', async () => {
    const context = await (await getBrowser()).newContext({ viewport: { width: 1280, height: 700 } });
    await context.route('https://audio.verbatim.test/**', serveWav(silentWav(40)));
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(url);
    expect(await page.locator('.player audio').getAttribute('data-offset')).toBe('2');

    // p3 starts at 10 s in the transcript: 12 s in the recording (offset 2).
    await page.click('#p3 a.ts');
    await expect.poll(() => page.evaluate(() => document.querySelector('audio')?.paused)).toBe(false);
    const time = await page.evaluate(() => document.querySelector('audio')?.currentTime ?? 0);
    expect(time).toBeGreaterThanOrEqual(12);
    expect(time).toBeLessThan(15);
    await expect.poll(() => ids(page, '[aria-current="true"]')).toEqual(['p3']);
    expect(await page.evaluate(() => location.hash)).toBe('');

    // Recording at 27.5 s is transcript 25.5 s: the last paragraph (25 s).
    await page.evaluate(() => {
      const audio = document.querySelector('audio');
      if (audio) audio.currentTime = 27.5;
    });
    await expect.poll(() => ids(page, '.para.is-current')).toEqual(['p6']);

    // Scrolling by hand while it plays turns “Follow along” off.
    const follow = page.getByLabel('Follow along');
    expect(await follow.isChecked()).toBe(true);
    await page.mouse.move(400, 300);
    await page.mouse.wheel(0, -200);
    await expect.poll(() => follow.isChecked()).toBe(false);
    expect(problems).toEqual([]);
    await context.close();
  });
});

/** A mono 8 kHz 8-bit WAV of silence. */
function silentWav(seconds: number, rate = 8000): Buffer {
  const n = seconds * rate;
  const wav = Buffer.alloc(44 + n, 128);
  wav.write('RIFF', 0);
  wav.writeUInt32LE(36 + n, 4);
  wav.write('WAVEfmt ', 8);
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20); // PCM
  wav.writeUInt16LE(1, 22); // mono
  wav.writeUInt32LE(rate, 24);
  wav.writeUInt32LE(rate, 28); // bytes per second
  wav.writeUInt16LE(1, 32); // block align
  wav.writeUInt16LE(8, 34); // bits per sample
  wav.write('data', 36);
  wav.writeUInt32LE(n, 40);
  return wav;
}

/** Answer media requests, honouring Range as a media server would (Chromium seeks with them). */
function serveWav(body: Buffer) {
  return (route: Route) => {
    const range = /bytes=(\d+)-(\d*)/.exec(route.request().headers()['range'] ?? '');
    const headers = { 'content-type': 'audio/wav', 'accept-ranges': 'bytes' };
    if (!range) return route.fulfill({ status: 200, body, headers });
    const start = Number(range[1]);
    const end = range[2] ? Number(range[2]) : body.length - 1;
    return route.fulfill({ status: 206, body: body.subarray(start, end + 1), headers: { ...headers, 'content-range': `bytes ${start}-${end}/${body.length}` } });
  };
}
