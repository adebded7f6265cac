/**
 * The exports in a real build: the hostile fixture site in
 * tests/exports/site/ built by `astro build` under a sub-path and an
 * https origin, then every written file checked: downloads exist only where
 * offered and read back through the parser, the feed and sitemap are
 * well-formed, the sitemap lists exactly the pages written, and every page
 * head has its canonical, OpenGraph and feed tags, with JSON-LD that no
 * transcript or sidecar text can break out of.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EpisodeIndex } from '../../src/exports/episode-index.ts';
import { Episode } from '../../src/transcript/schema.ts';
import { cueFacts, reparse } from './round-trip.ts';
import { xmlProblems } from './xml-check.ts';

const SITE = 'https://example.org';
const BASE = '/kb/';
// Inside the project (ignored by git as `.verbatim-*/`): with an output folder outside the working
// directory, Astro puts its prerender bundle in the shared `.astro/.prerender`, and concurrent builds collide.
const root = mkdtempSync(resolve('.verbatim-exports-test-'));
const out = join(root, 'dist');

/**
 * Vitest puts Vite's env (`BASE_URL=/`, `MODE=test`, …) into process.env; a
 * child Astro build would read `BASE_URL` back as `import.meta.env.BASE_URL`
 * and drop the configured base from every route.
 */
const vitestEnv = new Set(['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST']);
const cleanEnv = () => Object.fromEntries(Object.entries(process.env).filter(([key]) => !vitestEnv.has(key) && !key.startsWith('VITEST')));

/** Build with its own cache folder, so the shared content store of `npm run site:build` is left alone. */
function build(): { status: number | null; output: string } {
  const script = `import { build } from 'astro'; await build({ cacheDir: ${JSON.stringify(`${join(root, 'cache')}/`)}, logLevel: 'error' });`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: resolve('.'),
    encoding: 'utf8',
    env: {
      ...cleanEnv(),
      ASTRO_TELEMETRY_DISABLED: '1',
      // The content folder's site.yml sets the origin (SITE) and base path (BASE).
      VERBATIM_CONTENT: resolve('tests/exports/site'),
      VERBATIM_OUT: out,
    },
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

const read = (path: string) => readFileSync(join(out, path), 'utf8');

/** Site-relative paths of every file written, with forward slashes. */
function files(dir = out): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [relative(out, path).split('\\').join('/')];
  });
}

/** The URL a built HTML file is served at. */
const pageUrl = (file: string) => `${SITE}${BASE}${file.replace(/index\.html$/, '')}`;

let index: EpisodeIndex;

beforeAll(() => {
  const { status, output } = build();
  if (status !== 0) throw new Error(`astro build failed:\n${output}`);
  index = JSON.parse(read('episodes.json'));
}, 180_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('built site exports', () => {
  it('writes every download an episode offers, and only those', () => {
    const hostile = index.episodes.find((e) => e.title.startsWith('</script>'));
    const untimed = index.episodes.find((e) => e.title === 'An untimed conversation');
    expect(Object.keys(hostile?.exports ?? {})).toEqual(['vtt', 'srt', 'txt', 'json', 'podcast']);
    expect(Object.keys(untimed?.exports ?? {})).toEqual(['txt', 'json']);
    for (const entry of index.episodes) {
      expect(entry.url.startsWith(`${SITE}${BASE}episodes/`)).toBe(true);
      for (const url of Object.values(entry.exports)) {
        const path = decodeURIComponent(new URL(url).pathname.slice(BASE.length));
        expect(existsSync(join(out, path)), path).toBe(true);
      }
    }
    const untimedDir = `episodes/${untimed?.slug}`;
    expect(readdirSync(join(out, untimedDir)).sort()).toEqual(['index.html', 'transcript.json', 'transcript.txt']);
  });

  it('serves captions that read back to the episode they came from', () => {
    for (const entry of index.episodes.filter((e) => e.exports.vtt)) {
      const episode = Episode.parse(JSON.parse(read(`episodes/${entry.slug}/transcript.json`)));
      const vtt = reparse(read(`episodes/${entry.slug}/transcript.vtt`), 'back.vtt');
      expect(vtt.errors).toEqual([]);
      expect(cueFacts(vtt.episode)).toEqual(cueFacts(episode));
      // SRT names speakers only by `Name:` prefixes, which `Bob </script> Stone` is not (see srt.test.ts): times and kinds survive.
      const srt = reparse(read(`episodes/${entry.slug}/transcript.srt`), 'back.srt');
      expect(srt.errors).toEqual([]);
      const timing = (cues: ReturnType<typeof cueFacts>) => cues.map(({ startMs, endMs, kind }) => ({ startMs, endMs, kind }));
      expect(timing(cueFacts(srt.episode))).toEqual(timing(cueFacts(episode)));
      const podcast = JSON.parse(read(`episodes/${entry.slug}/transcript.podcast.json`));
      expect(podcast.version).toBe('1.0.0');
      expect(podcast.segments).toHaveLength(cueFacts(episode).length);
    }
  });

  it('writes a well-formed feed with absolute URLs under the base', () => {
    const rss = read('rss.xml');
    expect(xmlProblems(rss)).toEqual([]);
    expect(rss).toContain(`<atom:link href="${SITE}${BASE}rss.xml" rel="self" type="application/rss+xml"/>`);
    expect([...rss.matchAll(/<item>/g)]).toHaveLength(index.episodes.length);
    expect(rss).not.toMatch(/<script|\]\]>/);
  });

  it('lists exactly the pages written in the sitemap', () => {
    const xml = read('sitemap.xml');
    expect(xmlProblems(xml)).toEqual([]);
    const listed = [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]?.replace(/&amp;/g, '&'));
    const pages = files()
      .filter((f) => f.endsWith('.html') && f !== '404.html' && !f.startsWith('search/'))
      .map((f) => pageUrl(f.split('/').map(encodeURIComponent).join('/')));
    expect([...listed].sort()).toEqual([...pages].sort());
  });

  it('gives every page a canonical URL, OpenGraph tags and the feed link', () => {
    for (const file of files().filter((f) => f.endsWith('.html') && f !== '404.html')) {
      const html = read(file);
      const url = pageUrl(file.split('/').map(encodeURIComponent).join('/'));
      expect(html, file).toContain(`<link rel="canonical" href="${url}">`);
      expect(html, file).toContain(`<meta property="og:url" content="${url}">`);
      for (const property of ['og:title', 'og:description', 'og:type', 'og:site_name']) expect(html, `${file} ${property}`).toContain(`<meta property="${property}"`);
      expect(html, file).toContain(`<link rel="alternate" type="application/rss+xml" title="Verbatim: all episodes" href="${BASE}rss.xml">`);
    }
  });

  it('writes JSON-LD that parses and that no text can break out of', () => {
    const scripts = (html: string) => [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
    for (const entry of index.episodes) {
      const html = read(`episodes/${entry.slug}/index.html`);
      // Inside a quoted attribute `</script>` is inert; anywhere else it would run.
      expect(html.replace(/="[^"]*"/g, '=""')).not.toMatch(/<script>alert|<\/script><script>/);
      const [json, ...more] = scripts(html);
      expect(more).toEqual([]);
      expect(json).not.toMatch(/[<>&\u2028\u2029]/);
      const data = JSON.parse(json ?? '');
      expect(data).toMatchObject({ '@type': 'PodcastEpisode', name: entry.title, url: entry.url });
      expect(html).toContain('<meta property="og:type" content="article">');
    }
    const hostile = index.episodes.find((e) => e.title.startsWith('</script>'));
    const data = JSON.parse(scripts(read(`episodes/${hostile?.slug}/index.html`))[0] ?? '');
    expect(data.partOfSeries.name).toBe('Show <b>&amp;</b> ]]>');
    expect(data.contributor).toEqual([expect.objectContaining({ '@type': 'Person', name: 'Bob </script> Stone' })]);
    expect(data.associatedMedia.map((m: { contentUrl?: string; url?: string }) => m.contentUrl ?? m.url)).toEqual([
      'https://cdn.example.org/a.mp3?x=1&y=2',
      'https://example.org/watch?v=1&x=%3Cy%3E',
    ]);
    for (const file of files().filter((f) => f.startsWith('speakers/') && f !== 'speakers/index.html')) {
      const [json] = scripts(read(file));
      expect(JSON.parse(json ?? '')).toMatchObject({ '@type': 'Person', url: pageUrl(file) });
    }
  });

  it('links the downloads from the episode page', () => {
    for (const entry of index.episodes) {
      const html = read(`episodes/${entry.slug}/index.html`);
      const hrefs = [...html.matchAll(/<a href="([^"]*)" download="[^"]*"/g)].map((m) => `${SITE}${m[1]}`);
      expect(hrefs).toEqual(Object.values(entry.exports));
    }
  });
});
