/**
 * `astro dev` on a content folder of its own: an edit to a transcript
 * reloads the open page by itself, and shows both the edit and the file's
 * problems in a banner with their line numbers, and in the terminal; an
 * error in the site config restarts the server and puts a site-wide banner
 * on every page; fixing both clears the banners, and the show artwork the
 * fixed config names is served.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getBrowser } from './harness.ts';
import type { Page } from 'playwright-core';

const SAMPLE = 'content/episodes/signal-and-noise/01-heat-pumps-and-the-grid';
const root = mkdtempSync(join(tmpdir(), 'verbatim-dev-'));
const transcript = join(root, 'episodes', 'heat-pumps.txt');
const sidecar = join(root, 'episodes', 'heat-pumps.yml');
const config = join(root, 'site.yml');
let server: ChildProcess | undefined;
let output = '';
let url = '';

/** A port nobody listens on now. */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => done(port));
    });
  });
}

/** Vitest's own Vite settings would leak into the dev server's (`BASE_URL`, `MODE`…). */
const vitestEnv = new Set(['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST']);
const cleanEnv = () => Object.fromEntries(Object.entries(process.env).filter(([key]) => !vitestEnv.has(key) && !key.startsWith('VITEST')));

async function waitFor(condition: () => boolean, what: string, ms = 60_000): Promise<void> {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}; dev server said:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Open `target` and read something from it, as a reader would: when the dev server's own client reloads the
 * page meanwhile (it does after a restart, and after Vite re-optimises its dependencies, so a navigation or a
 * read can be cut short), open it again, until `accept` takes what was read or `ms` pass.
 */
async function readPage<T>(page: Page, target: string, read: (page: Page) => Promise<T>, accept: (value: T) => boolean, ms = 120_000): Promise<T> {
  const until = Date.now() + ms;
  let last: unknown = 'nothing read';
  for (;;) {
    try {
      await page.goto(target, { waitUntil: 'load', timeout: 40_000 });
      const value = await read(page);
      if (accept(value)) return value;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > until) {
      throw new Error(`${target} never gave what the test waits for; last read: ${String(last)}\ndev server said:\n${output}`, { cause: last });
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

beforeAll(async () => {
  mkdirSync(join(root, 'episodes'));
  copyFileSync(`${SAMPLE}.txt`, transcript);
  copyFileSync(`${SAMPLE}.yml`, sidecar);
  writeFileSync(config, 'title: Dev server test\n');
  const port = await freePort();
  const astro = resolve('node_modules/astro/bin/astro.mjs');
  server = spawn(process.execPath, [astro, 'dev', '--port', String(port), '--host', '127.0.0.1'], {
    env: { ...cleanEnv(), ASTRO_TELEMETRY_DISABLED: '1', VERBATIM_CONTENT: root },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  url = `http://127.0.0.1:${port}/`;
  await waitFor(() => output.includes(`127.0.0.1:${port}`), 'the dev server to start');
}, 60_000);

afterAll(() => {
  server?.kill();
  rmSync(root, { recursive: true, force: true });
});

describe('astro dev', () => {
  it('reloads on content edits and shows their problems in the page and the terminal', async () => {
    const context = await (await getBrowser()).newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    // astro dev restarts and recompiles after a config edit: slow while the unit tests keep both cores busy.
    page.setDefaultNavigationTimeout(90_000);
    page.setDefaultTimeout(60_000);
    const heading = await readPage(page, `${url}episodes/heat-pumps-and-the-grid/`, (p) => p.locator('h1').textContent({ timeout: 10_000 }), (text) => text !== null);
    expect(heading).toBe('Heat Pumps and the Grid');
    await expect(page.locator('[data-dev-diagnostics]').count()).resolves.toBe(0);
    await expect(page.title()).resolves.toContain('Dev server test');

    // One edit: a word changed, and cue 3's timing line broken (line 12 of the file).
    const original = readFileSync(transcript, 'utf8');
    const lines = original.split('\n');
    expect(lines[11]).toBe('00:00:10,109 --> 00:00:15,269');
    lines[11] = '00:00:10,109 --> 00:00:1S,269';
    writeFileSync(transcript, lines.join('\n').replace('we take one idea from technology', 'we take one notion from technology'));
    // No navigation by the test: the page reloads itself.
    await page.waitForSelector('[data-dev-diagnostics] li', { timeout: 60_000 });
    const banner = page.locator('[data-dev-diagnostics]');
    await expect(banner.count()).resolves.toBe(1);
    const item = await banner.locator('li').first().textContent();
    expect(item).toMatch(/heat-pumps\.txt:12:\d+ error srt-\S+|heat-pumps\.txt:12:\d+ error time-\S+/);
    await expect(banner.getAttribute('aria-label')).resolves.toMatch(/heat-pumps\.txt/);
    await expect(page.locator('.transcript').textContent()).resolves.toContain('we take one notion from technology');
    await waitFor(() => /heat-pumps\.txt:12:\d+ error /.test(output), 'the problem in the terminal');

    // The site config: an error restarts the server, and every page says so.
    const beforeRestart = output.length;
    writeFileSync(config, 'title: Dev server test\nshows:\n  Signal & Noise:\n    colour: teal\n');
    await waitFor(() => output.includes('site.yml:4:5 error config-invalid'), 'the config problem in the terminal', 20_000);
    await waitFor(() => output.slice(beforeRestart).includes('server restarted'), 'the restart to finish', 60_000);
    // After the restart, the old page's dev client reloads it, and may do so while the test navigates: read the
    // home page until its banner shows, as a reader would reload it.
    const siteWide = await readPage(
      page,
      url,
      (p) => p.locator('[data-dev-diagnostics]').textContent({ timeout: 10_000 }),
      (text) => text !== null && /site\.yml:4:5 error config-invalid/.test(text),
    );
    expect(siteWide).toMatch(/heat-pumps\.txt:12:\d+ error/);

    // Fixed: no banner anywhere.
    copyFileSync('content/artwork/signal-and-noise.png', join(root, 'cover.png'));
    const before = output.length;
    writeFileSync(config, 'title: Dev server test\nshows:\n  Signal & Noise:\n    colour: "#1d6b5f"\n    artwork: cover.png\n');
    writeFileSync(transcript, original);
    await waitFor(() => output.slice(before).includes('server restarted'), 'the server to restart on the config change');
    await readPage(page, `${url}episodes/heat-pumps-and-the-grid/`, (p) => p.locator('[data-dev-diagnostics]').count(), (count) => count === 0);
    await expect(page.locator('.show-head, .eyebrow').first().textContent()).resolves.toContain('Signal & Noise');
    // The show's artwork, a file in the content folder, is served by the dev server as by a build.
    const artwork = await page.request.get(`${url}shows/signal-noise/artwork.png`);
    expect([artwork.status(), artwork.headers()['content-type']]).toEqual([200, 'image/png']);
    await context.close();
  }, 300_000);
});
