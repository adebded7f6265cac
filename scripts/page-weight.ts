/**
 * Page weight of a built site: what a first view of a page downloads.
 *
 *   node scripts/page-weight.ts [--site-dir DIR] [--base PATH] [--no-browser] [PATH...]
 *
 * Without --site-dir it builds the sample site into a temporary folder first.
 * Default paths: an episode page and the search page.
 *
 * For each page, read from the built files (raw bytes, and gzip level 9 as a
 * host compressing on the fly would send them):
 * - html: the document (inline scripts and JSON-LD included);
 * - css: the linked stylesheets;
 * - js: module and classic scripts by `src`, with their static imports and
 *   modulepreloads; inline scripts (not JSON-LD) are listed too, but counted
 *   inside the HTML, not again in the total;
 * - on load: whatever else the page fetches by itself before the network goes
 *   quiet, observed in Chromium (on the search page: the Pagefind runtime,
 *   its WebAssembly, index metadata and filters, and the spelling dictionary;
 *   an episode page should load nothing here). Pagefind stores its index and
 *   WebAssembly gzip-compressed, so such files count at their stored size.
 *
 * `--no-browser` (or no Chromium) skips the on-load pass and says so.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';

export const EPISODE_PATH = '/episodes/heat-pumps-and-the-grid/';
export const SEARCH_PATH = '/search/';

export interface Size {
  raw: number;
  gzip: number;
}

export type AssetKind = 'html' | 'css' | 'js' | 'js-inline' | 'on-load';

export interface Asset extends Size {
  kind: AssetKind;
  /** Site path (`/_astro/x.js`), or `inline #n` for inline scripts. */
  url: string;
}

export interface PageWeight {
  path: string;
  html: Size;
  css: Size & { files: number };
  /** Script files (by src and static import). */
  js: Size & { files: number };
  /** Inline scripts: already inside `html`, not added to `total`. */
  jsInline: Size & { count: number };
  /** Fetched by the page itself on load (null when not measured: no browser). */
  onLoad: (Size & { files: number }) | null;
  /** html + css + js + onLoad. */
  total: Size;
  assets: Asset[];
}

const gz = (bytes: Uint8Array): number => gzipSync(bytes, { level: 9 }).length;
const isGzip = (bytes: Uint8Array): boolean => bytes[0] === 0x1f && bytes[1] === 0x8b;
const sum = (assets: Asset[]): Size => ({ raw: assets.reduce((n, a) => n + a.raw, 0), gzip: assets.reduce((n, a) => n + a.gzip, 0) });

function normalizeBase(base: string): string {
  return `/${base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
}

/** The file a site URL path names, or undefined when it is outside the site or missing. */
function fileFor(dir: string, base: string, urlPath: string): string | undefined {
  let pathname = urlPath.split(/[?#]/)[0] ?? '';
  try {
    pathname = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (!pathname.startsWith(base)) return undefined;
  let file = resolve(dir, `.${sep}${pathname.slice(base.length)}`);
  if (file !== dir && !file.startsWith(dir + sep)) return undefined;
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  if (!m) return new RegExp(`\\s${name}(?=[\\s>/])`, 'i').test(tag) ? '' : undefined;
  return (m[1] ?? m[2] ?? m[3] ?? '').replaceAll('&amp;', '&');
}

const JS_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript']);

/** Static imports of a script (`import x from "./y.js"`, `import "./y.js"`, `export * from`); not `import()`. */
function staticImports(code: string): string[] {
  const out: string[] = [];
  const re = /(?:^|[;\s})])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["']([^"'\n]+)["']/g;
  for (const m of code.matchAll(re)) if (m[1]) out.push(m[1]);
  return out;
}

/** What the HTML of a page links to: stylesheets, scripts (with their import graph) and inline scripts. */
function staticAssets(dir: string, base: string, pagePath: string, html: string): Asset[] {
  const assets: Asset[] = [];
  const seen = new Set<string>();
  const pageUrl = new URL(pagePath, 'http://site.invalid');
  const add = (kind: 'css' | 'js', href: string, from: URL): void => {
    const url = new URL(href, from);
    if (url.origin !== pageUrl.origin || seen.has(url.pathname)) return;
    seen.add(url.pathname);
    const file = fileFor(dir, base, url.pathname);
    if (!file) throw new Error(`page-weight: ${pagePath} links to ${url.pathname}, which is not in the site`);
    const bytes = readFileSync(file);
    assets.push({ kind, url: url.pathname, raw: bytes.length, gzip: gz(bytes) });
    if (kind === 'js') for (const spec of staticImports(bytes.toString('utf8'))) if (/^[./]/.test(spec)) add('js', spec, url);
  };
  const source = html.replace(/<!--[\s\S]*?-->/g, '');
  for (const m of source.matchAll(/<link\b[^>]*>/gi)) {
    const rel = (attr(m[0], 'rel') ?? '').toLowerCase().split(/\s+/);
    const href = attr(m[0], 'href');
    if (!href) continue;
    if (rel.includes('stylesheet')) add('css', href, pageUrl);
    else if (rel.includes('modulepreload')) add('js', href, pageUrl);
  }
  let inline = 0;
  for (const m of source.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const tag = `<script${m[1] ?? ''}>`;
    const type = (attr(tag, 'type') ?? '').toLowerCase();
    if (!JS_TYPES.has(type)) continue; // JSON-LD and other data blocks
    const src = attr(tag, 'src');
    if (src) {
      add('js', src, pageUrl);
      continue;
    }
    const code = m[2] ?? '';
    if (!code.trim()) continue;
    const bytes = Buffer.from(code, 'utf8');
    assets.push({ kind: 'js-inline', url: `inline #${++inline}${type === 'module' ? ' (module)' : ''}`, raw: bytes.length, gzip: gz(bytes) });
    for (const spec of staticImports(code)) if (/^[./]/.test(spec)) add('js', spec, pageUrl);
  }
  return assets;
}

/** Chromium from @sparticuz/chromium, driven by playwright-core (as the browser tests do). */
export async function launchBrowser(): Promise<Browser> {
  const { default: chromium } = await import('@sparticuz/chromium');
  const { chromium: playwright } = await import('playwright-core');
  return playwright.launch({
    executablePath: await chromium.executablePath(),
    // --single-process makes a second page in one browser crash.
    args: [...chromium.args.filter((a) => a !== '--single-process'), '--disable-background-networking', '--disable-component-update'],
    headless: true,
  });
}

/** Site paths a page requests on a first view, until the network is idle. */
async function observedRequests(browser: Browser, siteUrl: string, path: string): Promise<string[]> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    const origin = new URL(siteUrl).origin;
    const urls: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.origin === origin) urls.push(url.pathname);
    });
    await page.goto(new URL(path.replace(/^\//, ''), siteUrl).href, { waitUntil: 'networkidle' });
    // Let late fetches (the search index after init) settle.
    await page.waitForLoadState('networkidle');
    return urls;
  } finally {
    await context.close();
  }
}

export interface MeasureOptions {
  /** Base path the site was built for; default '/'. */
  base?: string;
  /** Observe on-load fetches in Chromium (default true). */
  browser?: boolean;
}

/** Weigh several pages of a built site. */
export async function measurePages(siteDir: string, paths: string[], options: MeasureOptions = {}): Promise<PageWeight[]> {
  const dir = resolve(siteDir);
  const base = normalizeBase(options.base ?? '/');
  let observe: ((path: string) => Promise<string[]>) | undefined;
  let cleanup = async (): Promise<void> => {};
  if (options.browser !== false) {
    const { serve } = await import('./serve.ts');
    const server = await serve({ dir, port: 0, base });
    let browser: Browser | undefined;
    try {
      browser = await launchBrowser();
    } catch (error) {
      process.stderr.write(`page-weight: no browser (${(error as Error).message.split('\n')[0]}); on-load fetches not measured\n`);
    }
    cleanup = async () => {
      await browser?.close();
      await server.close();
    };
    const b = browser;
    if (b) observe = (path) => observedRequests(b, server.url, path);
  }
  try {
    const results: PageWeight[] = [];
    for (const path of paths) {
      const sitePath = base + path.replace(/^\//, '');
      const file = fileFor(dir, base, sitePath);
      if (!file) throw new Error(`page-weight: no page at ${sitePath} in ${dir}`);
      const htmlBytes = readFileSync(file);
      const assets: Asset[] = [{ kind: 'html', url: sitePath.split(/[?#]/)[0] ?? sitePath, raw: htmlBytes.length, gzip: gz(htmlBytes) }];
      assets.push(...staticAssets(dir, base, sitePath, htmlBytes.toString('utf8')));
      let onLoad: PageWeight['onLoad'] = null;
      if (observe) {
        const known = new Set(assets.map((a) => a.url));
        const extra: Asset[] = [];
        for (const url of await observe(sitePath)) {
          if (known.has(url)) continue;
          known.add(url);
          const f = fileFor(dir, base, url);
          if (!f) continue; // a 404 is the browser tests' business
          const bytes = readFileSync(f);
          // Pagefind's index and wasm are stored gzipped and sent as is.
          extra.push({ kind: 'on-load', url, raw: bytes.length, gzip: isGzip(bytes) ? bytes.length : Math.min(bytes.length, gz(bytes)) });
        }
        assets.push(...extra);
        onLoad = { ...sum(extra), files: extra.length };
      }
      const of = (kind: AssetKind) => assets.filter((a) => a.kind === kind);
      const html = sum(of('html'));
      const css = { ...sum(of('css')), files: of('css').length };
      const js = { ...sum(of('js')), files: of('js').length };
      const jsInline = { ...sum(of('js-inline')), count: of('js-inline').length };
      const total = sum(assets.filter((a) => a.kind !== 'js-inline'));
      results.push({ path: sitePath, html, css, js, jsInline, onLoad, total, assets });
    }
    return results;
  } finally {
    await cleanup();
  }
}

/** Weigh one page. */
export async function measurePage(siteDir: string, path: string, options: MeasureOptions = {}): Promise<PageWeight> {
  const [result] = await measurePages(siteDir, [path], options);
  if (!result) throw new Error('page-weight: nothing measured');
  return result;
}

const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;

/** Print a summary table per page (and the files behind it). */
export function printPageWeights(weights: PageWeight[], out: (s: string) => void = (s) => process.stdout.write(s)): void {
  for (const w of weights) {
    out(`page weight ${w.path}\n`);
    const row = (part: string, s: Size | null, count: string) => ({ part, files: count, raw: s ? kb(s.raw) : 'not measured', gzip: s ? kb(s.gzip) : '' });
    const rows = [
      row('html', w.html, '1'),
      row('css', w.css, String(w.css.files)),
      row('js (files)', w.js, String(w.js.files)),
      row('js (inline, in html)', w.jsInline, String(w.jsInline.count)),
      row('fetched on load', w.onLoad, w.onLoad ? String(w.onLoad.files) : ''),
      row('total', w.total, ''),
    ];
    console.table(rows);
    const files = w.assets.filter((a) => a.kind !== 'html').map((a) => ({ kind: a.kind, url: a.url, raw: a.raw, gzip: a.gzip }));
    if (files.length) console.table(files);
  }
}

/** Total bytes and file count under a folder. */
export function folderSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
    files++;
  }
  return { bytes, files };
}

/**
 * Build the sample site (content/) into `out` with the CLI in a child process,
 * as a user would; resolves with the wall time and the CLI's summary line.
 */
export function buildSampleSite(out: string, extraArgs: string[] = []): Promise<{ ms: number; summary: string }> {
  const cli = join(import.meta.dirname, 'cli.ts');
  const t0 = performance.now();
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [cli, 'build', '--out', out, ...extraArgs], {
      cwd: join(import.meta.dirname, '..'),
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout.on('data', (d: Buffer) => (log += d.toString()));
    child.stderr.on('data', (d: Buffer) => (log += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => {
      const ms = performance.now() - t0;
      if (code !== 0) return fail(new Error(`site build failed (exit ${code}):\n${log.slice(-4000)}`));
      const summary = log.split('\n').filter((l) => l.startsWith('Built ')).at(-1) ?? '';
      done({ ms, summary });
    });
  });
}

/** What the bench records under `site` in bench/results.json. */
export interface SiteBench {
  /** Wall time of `node scripts/cli.ts build --out <tmp>` on the sample content, child process start to exit. */
  buildWallMs: number;
  buildSummary: string;
  /** Per page: sizes in bytes, raw and gzip -9 (see PageWeight; `assets` left out). */
  pages: Record<string, Omit<PageWeight, 'assets' | 'path'>>;
  /** Everything under <out>/pagefind/ (index, fragments, filters, runtime, wasm); `runtime` is the JS and WebAssembly part of it. */
  pagefind: { bytes: number; files: number; runtime: { bytes: number; files: number } };
}

/** Build the sample site into a temporary folder, weigh an episode page and the search page, size the Pagefind folder; prints tables. */
export async function siteBench(): Promise<SiteBench> {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const temp = mkdtempSync(join(tmpdir(), 'verbatim-bench-site-'));
  try {
    const out = join(temp, 'site');
    const build = await buildSampleSite(out);
    const weights = await measurePages(out, [EPISODE_PATH, SEARCH_PATH]);
    const all = folderSize(join(out, 'pagefind'));
    const runtime = { bytes: 0, files: 0 };
    for (const name of readdirSync(join(out, 'pagefind'))) {
      if (!/\.js$|^wasm\./.test(name)) continue;
      runtime.bytes += statSync(join(out, 'pagefind', name)).size;
      runtime.files++;
    }
    const pagefind = { ...all, runtime };
    process.stdout.write(`site build (sample content): ${(build.ms / 1000).toFixed(2)} s wall; ${build.summary}\n`);
    printPageWeights(weights);
    process.stdout.write(`pagefind folder: ${kb(pagefind.bytes)} in ${pagefind.files} files (runtime JS + wasm ${kb(runtime.bytes)} in ${runtime.files} files, index data ${kb(pagefind.bytes - runtime.bytes)})\n`);
    const pages: SiteBench['pages'] = {};
    for (const { path, assets: _assets, ...rest } of weights) pages[path] = rest;
    return { buildWallMs: Math.round(build.ms), buildSummary: build.summary.replace(/,? into \S+/, ''), pages, pagefind };
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { 'site-dir': { type: 'string' }, base: { type: 'string', default: '/' }, 'no-browser': { type: 'boolean', default: false }, json: { type: 'boolean', default: false } },
  });
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  let dir = values['site-dir'];
  let temp: string | undefined;
  if (!dir) {
    temp = mkdtempSync(join(tmpdir(), 'verbatim-weight-'));
    dir = join(temp, 'site');
    const { ms, summary } = await buildSampleSite(dir, values.base !== '/' ? ['--base', values.base] : []);
    process.stderr.write(`${summary} [${(ms / 1000).toFixed(1)} s wall]\n`);
  }
  try {
    const paths = positionals.length ? positionals : [EPISODE_PATH, SEARCH_PATH];
    const weights = await measurePages(dir, paths, { base: values.base, browser: !values['no-browser'] });
    if (values.json) process.stdout.write(`${JSON.stringify(weights, null, 2)}\n`);
    else printPageWeights(weights);
  } finally {
    if (temp) rmSync(temp, { recursive: true, force: true });
  }
}
