/**
 * The site half of hostile input: a real site (buildSite, as `verbatim
 * build` runs it) built from every hostile fixture that ingests without an
 * error, plus episodes and a topic file written to put a payload into every
 * field (tests/site-scan/hostile-content.ts), then every file it wrote
 * scanned for live markup (tests/site-scan/live-markup.ts): pages through an
 * HTML parser, the feed and sitemap through a strict XML parser, JSON,
 * captions, and the Pagefind index decompressed and searched. What counts as
 * "ours" (scripts, icons, element and attribute names, bundled assets) is
 * learned from the same site built from the benign sample content.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTopicFile } from '../src/knowledge/topics/topic-file.ts';
import { buildSite } from '../src/node/site-build.ts';
import type { SiteBuildResult } from '../src/node/site-build.ts';
import { loadPagefind } from '../src/node/pagefind-search.ts';
import { resultView } from '../src/search/result-view.ts';
import { Episode } from '../src/transcript/schema.ts';
import { bidiName, carrier, evaluatedMarkers, hostileTopic, payloads, templateMarkers, writeHostileContent } from './site-scan/hostile-content.ts';
import type { HostileContent } from './site-scan/hostile-content.ts';
import {
  bodyText,
  elementsIn,
  fileKind,
  fragmentProblems,
  htmlProblems,
  jsonUrlProblems,
  learnSite,
  occurrences,
  pagefindPayload,
  siteFiles,
  srtProblems,
  vttProblems,
  xmlProblems,
} from './site-scan/live-markup.ts';
import type { PagefindFragment, Reference } from './site-scan/live-markup.ts';
import { decodeHidden } from '../src/search/record-fields.ts';

const ORIGIN = 'https://example.org';
const BASE = '/kb/';
const root = mkdtempSync(join(tmpdir(), 'verbatim-hostile-site-'));
const benignOut = join(root, 'benign-site');
const hostileOut = join(root, 'hostile-site');

let content: HostileContent;
let built: SiteBuildResult;
let reference: Reference;

/** Build a content folder; throws with the build log when it fails. */
async function build(contentDir: string, out: string): Promise<SiteBuildResult> {
  const lines: string[] = [];
  const result = await buildSite({ content: contentDir, out, base: BASE, site: ORIGIN, log: (l) => lines.push(l), report: () => {} });
  if (!result.ok) throw new Error(`build of ${contentDir} failed:\n${lines.join('\n')}`);
  return result;
}

beforeAll(async () => {
  // The benign reference: the sample content plus the audio episode, so the player and an open outline are "ours" too.
  const benign = join(root, 'benign');
  cpSync('content', benign, { recursive: true });
  cpSync('tests/browser/fixtures/audio/episodes', join(benign, 'episodes', 'audio'), { recursive: true });
  // Topic bodies are Markdown, and Markdown may show an image: an <img> with alt and a safe src is ours too.
  writeFileSync(join(benign, 'topics', 'with-image.md'), '---\ntitle: Diagrams\n---\n![A heat pump, drawn](/favicon.svg "Diagram")\n');
  await build(benign, benignOut);
  reference = learnSite(benignOut);

  const hostile = join(root, 'hostile');
  mkdirSync(hostile);
  content = writeHostileContent(hostile);
  built = await build(hostile, hostileOut);
}, 180_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

const read = (path: string) => readFileSync(join(hostileOut, path), 'utf8');
const scanOptions = { origin: ORIGIN };

/** Every problem the scanner finds in one file of the hostile site. */
function fileProblems(path: string): string[] {
  const kind = fileKind(path);
  switch (kind) {
    case 'html':
      return htmlProblems(read(path), reference, scanOptions);
    case 'xml':
      return xmlProblems(read(path), reference);
    case 'json': {
      try {
        return jsonUrlProblems(JSON.parse(read(path)), path);
      } catch (error) {
        return [`does not parse as JSON: ${String(error)}`];
      }
    }
    case 'vtt':
      return vttProblems(read(path));
    case 'srt':
      return srtProblems(read(path));
    case 'txt':
      // Plain text, served as text/plain (with nosniff, docs/robustness.md): it need only be valid UTF-8.
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(join(hostileOut, path)));
        return [];
      } catch {
        return ['not valid UTF-8'];
      }
    case 'fragment': {
      const fragment = JSON.parse(pagefindPayload(readFileSync(join(hostileOut, path))).toString('utf8')) as PagefindFragment;
      return fragment.url.startsWith(BASE) ? [] : [`record URL ${fragment.url} is not under ${BASE}`];
    }
    case 'pagefind-data':
      pagefindPayload(readFileSync(join(hostileOut, path)));
      return [];
    case 'asset': {
      const ours = reference.assets.get(path);
      return ours?.equals(readFileSync(join(hostileOut, path))) ? [] : ['an asset that differs from the benign build (content reached a bundle)'];
    }
    default:
      return ['a kind of file the scan does not know: teach tests/site-scan/live-markup.ts to read it'];
  }
}

describe('the scanner', () => {
  const page = () => read('index.html');
  const inject = (html: string, markup: string) => html.replace('<main id="main" tabindex="-1">', `<main id="main" tabindex="-1">${markup}`);

  it('passes a page of the benign site, and flags every kind of live markup injected into it', () => {
    const benignHome = readFileSync(join(benignOut, 'index.html'), 'utf8');
    expect(htmlProblems(benignHome, reference, scanOptions)).toEqual([]);
    const cases: Record<string, RegExp> = {
      '<img src=x onerror=alert(1)>': /event handler onerror/,
      '<p><script>alert(1)</script></p>': /<script> the benign site does not have/,
      '<svg onload=alert(1)><circle r="1"/></svg>': /<svg> that is not one of the site's icons/,
      '<svg class="chart"><script>alert(1)</script></svg>': /chart holds <script>/,
      '<svg class="chart" onload="alert(1)"><rect x="1"/></svg>': /event handler onload|chart <svg> attribute onload/,
      '<svg class="chart"><a href="javascript:alert(1)"><rect x="1"/></a></svg>': /javascript: URL/,
      '<svg class="chart"><rect x="1" width="calc(1)"/><text>hi</text></svg>': /chart <rect> width|chart holds <text>/,
      '<iframe src="/x"></iframe>': /<iframe> element/,
      '<a href="javascript:alert(1)">x</a>': /javascript: URL/,
      '<a href=" java\tscript:alert(1)">x</a>': /javascript: URL/,
      '<a href="data:text/html,x">x</a>': /data: URL/,
      '<a href="https://elsewhere.example/">x</a>': /without rel="noopener noreferrer"/,
      '<a href="/x" target="_blank">x</a>': /without rel="noopener noreferrer"/,
      '<b>bold</b>': /<b> is not an element the site writes/,
      '<p data-x="1">x</p>': /attribute data-x is not one the site writes/,
      '<p>Eve \u202eevil</p>': /outside any <bdi> or dir element/,
      '<p dir="auto"><span>Eve \u202eevil</span>, at 1:00</p>': /reorders the text after it/,
      '<script type="application/ld+json">{"name":"</b>"}</script>': /raw < > or &/,
      '<script type="application/ld+json">{"url":"javascript:alert(1)"}</script>': /javascript: URL/,
      '<p class="a" class="b">x</p>': /parse error duplicate-attribute/,
    };
    for (const [markup, expected] of Object.entries(cases)) {
      expect(htmlProblems(inject(benignHome, markup), reference, scanOptions).join('\n'), markup).toMatch(expected);
    }
    expect(htmlProblems(page().replace('<title>', '<title>Ann\u202e'), reference, scanOptions).join('\n')).toMatch(/<title> with a bidirectional control/);
  });

  it('flags markup in feed descriptions, unknown XML elements, broken XML, caption tags and changed assets', () => {
    const rss = read('rss.xml');
    expect(xmlProblems(rss, reference)).toEqual([]);
    expect(xmlProblems(rss.replace('<description>', '<description>&lt;img src=x onerror=alert(1)&gt;'), reference).join('\n')).toMatch(/<description> is HTML with <img>/);
    expect(xmlProblems(rss.replace('<generator>', '<script/><generator>'), reference).join('\n')).toMatch(/<script> is not an element/);
    expect(xmlProblems(rss.replace('</channel>', ''), reference).join('\n')).toMatch(/not well-formed/);
    expect(xmlProblems(rss.replace(/<link>[^<]*<\/link>/, '<link>javascript:alert(1)</link>'), reference).join('\n')).toMatch(/not an http\(s\) URL/);
    expect(vttProblems('WEBVTT\n\n00:00.000 --> 00:01.000\n<v Ann>hi <b>x</b> &nbsp;\n')).toHaveLength(2);
    expect(srtProblems('1\n00:00:00,000 --> 00:00:01,000\n<i>x</i> {\\an8} a --> b\n')).toHaveLength(3);
    const asset = [...reference.assets.keys()].find((p) => p.endsWith('.js')) ?? '';
    expect(reference.assets.get(asset)?.equals(Buffer.from('alert(1)'))).toBe(false);
    expect(fragmentProblems('<p><a href="javascript:x">a</a><img src=x onerror=y></p>', scanOptions)).toHaveLength(2);
  });
});

describe('a site built from hostile input', () => {
  it('builds every hostile fixture that yields an episode without an error, and the written episodes', () => {
    expect(content.fixtures.length).toBeGreaterThanOrEqual(40);
    // Files with errors stop the build (docs/robustness.md); they never reach a page.
    expect(content.fixtures.length + content.refused.length).toBe(readdirSync('tests/fixtures/hostile').length);
    expect(built.episodes).toBe(content.transcripts);
    expect(built.pages).toBeGreaterThan(content.transcripts);
  });

  it('writes no file that holds live markup from content', () => {
    const files = siteFiles(hostileOut);
    const kinds = new Map<string, number>();
    const problems: string[] = [];
    for (const path of files) {
      const kind = fileKind(path) ?? 'unknown';
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      for (const problem of fileProblems(path)) problems.push(`${path}: ${problem}`);
    }
    expect(problems).toEqual([]);
    // Every kind of output was there to scan.
    for (const kind of ['html', 'xml', 'json', 'txt', 'vtt', 'srt', 'fragment', 'pagefind-data', 'asset']) expect(kinds.get(kind), kind).toBeGreaterThan(0);
    expect(kinds.get('html')).toBe(built.pages);
    console.info(`hostile site scan: ${files.length} files (${[...kinds].map(([k, n]) => `${n} ${k}`).join(', ')}), ${built.episodes} episodes`);
  });

  it('shows every payload as text, decoded once, and never evaluates a template', () => {
    const html = read(`episodes/${carrier.slug}/index.html`);
    const text = bodyText(html);
    for (const value of [carrier.title, carrier.show, carrier.host, carrier.summary, ...Object.values(payloads), ...templateMarkers]) {
      expect(text, value).toContain(value);
    }
    // `&lt;b&gt;` in the sidecar is the text `&lt;b&gt;` (YAML has no entities); `&lt;` in an SRT cue is `<`.
    expect(text).toContain('&lt;b&gt;bait&lt;/b&gt; &amp;amp;');
    expect(text).toContain('<b>bait</b> &amp;');
    const transcript = Episode.parse(JSON.parse(read(`episodes/${carrier.slug}/transcript.json`)));
    expect(transcript.title).toBe(carrier.title);
    expect(read(`episodes/${carrier.slug}/transcript.txt`)).toContain(payloads.script);
    for (const path of siteFiles(hostileOut).filter((p) => /\.(?:html|xml|json|txt|vtt|srt)$/.test(p))) {
      const file = read(path);
      for (const evaluated of evaluatedMarkers) expect(file, path).not.toContain(evaluated);
    }
  });

  it('links media only over http(s), and drops script URLs from front matter', () => {
    const scripted = siteFiles(hostileOut).filter((p) => p.startsWith('episodes/') && p.endsWith('/index.html') && read(p).includes('alert(12)'));
    expect(scripted).toEqual([]);
    const carrierPage = read(`episodes/${carrier.slug}/index.html`);
    expect(carrierPage).toContain('rel="noopener noreferrer"');
    expect(carrierPage).toContain('<meta name="referrer" content="strict-origin-when-cross-origin">');
  });

  it('writes feed descriptions that a reader shows as the text they hold', () => {
    const rss = read('rss.xml');
    const item = rss.split('<item>').find((i) => i.includes(`${ORIGIN}${BASE}episodes/${carrier.slug}/`)) ?? '';
    const description = /<description>([^<]*)<\/description>/.exec(item)?.[1] ?? '';
    // XML-decode, then HTML-decode (what a reader does): the summary, as written.
    const xmlDecoded = description.replace(/&(amp|lt|gt|quot|apos);/g, (_, n: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[n] ?? '');
    expect(elementsIn(xmlDecoded)).toEqual([]);
    expect(bodyText(`<!doctype html><body>${xmlDecoded}`)).toBe(carrier.summary);
  });

  it('isolates a name with a right-to-left override wherever a page shows it', () => {
    let seen = 0;
    for (const path of siteFiles(hostileOut).filter((p) => p.endsWith('.html'))) {
      for (const o of occurrences(read(path), bidiName)) {
        seen++;
        // <title> cannot hold elements (FSI…PDI instead, checked by the scan); JSON-LD is data, not shown.
        if (o.element === 'title' || o.element === 'script') continue;
        expect(o, `${path} <${o.element}>`).toMatchObject({ isolated: true });
      }
    }
    expect(seen).toBeGreaterThan(10);
  });
});

describe('the search index of a hostile site', () => {
  const fragments = () =>
    siteFiles(hostileOut)
      .filter((p) => fileKind(p) === 'fragment')
      .map((p) => JSON.parse(pagefindPayload(readFileSync(join(hostileOut, p))).toString('utf8')) as PagefindFragment);

  it('holds each passage as the text it is, decoded once', () => {
    const transcript = Episode.parse(JSON.parse(read(`episodes/${carrier.slug}/transcript.json`)));
    const records = fragments().filter((f) => f.url.startsWith(`${BASE}episodes/${carrier.slug}/#`));
    expect(records.length).toBeGreaterThan(0);
    for (const record of records) {
      // A passage is its paragraphs' texts as they are (decodeHidden lists them); Pagefind stores line breaks as spaces.
      const { anchors } = decodeHidden(record.meta.data);
      expect(anchors[0]?.id).toBe(record.url.split('#')[1]);
      const texts = anchors.map((a) => transcript.paragraphs.find((p) => p.id === a.id)?.text ?? '\u0000');
      expect(record.content.replace(/\s+/g, ' '), record.url).toBe(texts.join(' ').replace(/\s+/g, ' '));
      expect(record.meta.title).toBe(carrier.title);
      expect(record.filters.show).toEqual([carrier.show]);
    }
  });

  it("gives excerpts with no markup but Pagefind's <mark>, which the result card reads back as the text", async () => {
    const { pagefind } = await loadPagefind(join(hostileOut, 'pagefind'));
    let checked = 0;
    for (const query of ['alert', 'onerror', 'bait', 'tpl', 'iframe', 'svg']) {
      const response = await pagefind.search(query);
      for (const result of response?.results ?? []) {
        const data = await result.data();
        expect(new Set(elementsIn(data.excerpt)), data.excerpt).toEqual(new Set(data.excerpt.includes('<mark>') ? ['mark'] : []));
        const shown = resultView(data)
          .excerpt.map((p) => p.text)
          .join('')
          .replace(/^… | …$/g, '');
        if (data.content && data.url.includes('#')) expect(data.content.replace(/\s+/g, ' '), data.url).toContain(shown);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });
});

describe('a hostile topic file', () => {
  it('renders a body with no element that runs, no handler, no script URL, and safe external links', () => {
    const { topic, diagnostics } = parseTopicFile({ file: 'topics/hostile.md', name: 'hostile.md', text: hostileTopic });
    expect(topic?.html).toBeTruthy();
    expect(fragmentProblems(topic?.html ?? '', scanOptions)).toEqual([]);
    expect(bodyText(`<!doctype html><body>${topic?.html}`)).toContain(templateMarkers[1]);
    expect(diagnostics.map((d) => d.code)).toContain('topic-unsafe-link');
    expect(diagnostics.map((d) => d.code)).toContain('topic-raw-html');
  });
});
