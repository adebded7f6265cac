/**
 * `npm run screenshots [-- --site-dir DIR] [--out DIR]`: screenshots of the
 * sample site for the README and for reviewing the design.
 *
 * Builds content/ into a temporary folder with the CLI (or uses the built
 * site in --site-dir), serves it on localhost, and saves viewport-only PNGs
 * (the top of each page, not the full page) of the home, episode, speaker,
 * topics index, topic and search results pages, in the light and dark colour schemes, at desktop
 * (1280×900) and phone (360×780) width, as
 * `<out>/<page>-<width>-<light|dark>.png` (default out: docs/screenshots).
 *
 * It also reports what a reviewer would otherwise have to spot: console
 * errors, failed requests and pages wider than the viewport.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildSampleSite, launchBrowser } from './page-weight.ts';
import { serve } from './serve.ts';

export interface Shot {
  name: string;
  path: string;
  /** A selector to wait for before the shot (content rendered by script). */
  waitFor?: string;
}

export const SHOTS: Shot[] = [
  { name: 'home', path: '/' },
  { name: 'episode', path: '/episodes/heat-pumps-and-the-grid/' },
  { name: 'speaker', path: '/speakers/zoe-lindqvist/' },
  { name: 'topics', path: '/topics/' },
  { name: 'topic', path: '/topics/heat-pumps/' },
  { name: 'search', path: '/search/?q=heat%20pumps', waitFor: '[data-search-result]' },
];

export const VIEWPORTS = [
  { width: 1280, height: 900 },
  { width: 360, height: 780 },
] as const;

export const SCHEMES = ['light', 'dark'] as const;

/** Take every screenshot of a built site into `outDir`; returns the files written and any problems seen. */
export async function takeScreenshots(siteDir: string, outDir: string, base = '/'): Promise<{ files: string[]; problems: string[] }> {
  mkdirSync(outDir, { recursive: true });
  const server = await serve({ dir: siteDir, port: 0, base });
  const browser = await launchBrowser();
  const files: string[] = [];
  const problems: string[] = [];
  try {
    for (const viewport of VIEWPORTS) {
      for (const colorScheme of SCHEMES) {
        const context = await browser.newContext({ viewport, colorScheme, deviceScaleFactor: 1, reducedMotion: 'reduce' });
        try {
          for (const shot of SHOTS) {
            const label = `${shot.name} ${viewport.width} ${colorScheme}`;
            const page = await context.newPage();
            page.on('console', (m) => {
              if (m.type() === 'error') problems.push(`${label}: console: ${m.text()}`);
            });
            page.on('pageerror', (e) => problems.push(`${label}: page error: ${e.message}`));
            page.on('requestfailed', (r) => problems.push(`${label}: request failed: ${r.url()}`));
            page.on('response', (r) => {
              if (r.status() >= 400) problems.push(`${label}: HTTP ${r.status()} ${r.url()}`);
            });
            await page.goto(new URL(shot.path.replace(/^\//, ''), server.url).href, { waitUntil: 'networkidle' });
            if (shot.waitFor) await page.waitForSelector(shot.waitFor, { timeout: 15_000 });
            await page.evaluate(() => document.fonts.ready);
            const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
            if (overflow > 0) problems.push(`${label}: page is ${overflow}px wider than the viewport (horizontal scroll)`);
            const file = join(outDir, `${shot.name}-${viewport.width}-${colorScheme}.png`);
            await page.screenshot({ path: file, fullPage: false, animations: 'disabled', caret: 'hide' });
            files.push(file);
            await page.close();
          }
        } finally {
          await context.close();
        }
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return { files, problems };
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: { 'site-dir': { type: 'string' }, out: { type: 'string', default: 'docs/screenshots' }, base: { type: 'string', default: '/' } },
  });
  let siteDir = values['site-dir'];
  let temp: string | undefined;
  try {
    if (siteDir) {
      if (!statSync(siteDir, { throwIfNoEntry: false })?.isDirectory()) {
        process.stderr.write(`screenshots: --site-dir "${siteDir}" is not a folder\n`);
        process.exit(2);
      }
    } else {
      temp = mkdtempSync(join(tmpdir(), 'verbatim-shots-'));
      siteDir = join(temp, 'site');
      process.stderr.write('building the sample site…\n');
      const { ms, summary } = await buildSampleSite(siteDir, values.base !== '/' ? ['--base', values.base] : []);
      process.stderr.write(`${summary.replace(/,? into \S+/, '')} [${(ms / 1000).toFixed(1)} s]\n`);
    }
    const out = resolve(values.out);
    const { files, problems } = await takeScreenshots(resolve(siteDir), out, values.base);
    for (const file of files) process.stdout.write(`${relative(process.cwd(), file)}  ${(statSync(file).size / 1024).toFixed(0)} KB\n`);
    for (const problem of problems) process.stderr.write(`warning: ${problem}\n`);
    process.stdout.write(`${files.length} screenshots in ${relative(process.cwd(), out) || '.'}${problems.length ? `, ${problems.length} problem(s)` : ''}\n`);
    if (problems.length) process.exitCode = 1;
  } finally {
    if (temp) rmSync(temp, { recursive: true, force: true });
  }
}
