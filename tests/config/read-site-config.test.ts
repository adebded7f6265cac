/**
 * The site config's reading: defaults, every key's accepted values, and
 * the error texts (`BAD:` cases), each at the line and column of the key or
 * list item it concerns, with the rest of the file still applied.
 */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSiteConfig } from '../../src/config/read-site-config.ts';
import { defaultSiteConfig } from '../../src/config/site-config.ts';
import { astroSettings, loadSiteConfig, unknownShows } from '../../src/node/site-config-file.ts';
import { formatDiagnostic } from '../../src/transcript/diagnostics.ts';

const read = (text: string) => readSiteConfig({ file: 'content/site.yml', text });
const lines = (text: string) => read(text).diagnostics.map(formatDiagnostic);

describe('site config: reading', () => {
  it('an empty file is the default site', () => {
    const { config, diagnostics } = read('');
    expect(diagnostics).toEqual([]);
    expect(config).toEqual({
      title: 'Verbatim',
      description: 'Every episode, word for word: searchable transcripts of the shows in this collection.',
      base: '/',
      language: 'en',
      shows: {},
      exports: ['vtt', 'srt', 'txt', 'json', 'podcast'],
      feeds: ['rss', 'episodes-json', 'sitemap'],
      search: { vocabulary: 15000, suggestions: 6 },
      topics: { discover: true, exclude: [] },
    });
    expect(defaultSiteConfig()).toEqual({ ...config, site: null, shows: {} });
  });

  it('reads every key', () => {
    const { config, diagnostics } = read(
      [
        'title: Allotment Hour archive',
        'description: Every episode, searchable.',
        'site: https://example.org',
        'base: kb',
        'language: en-GB',
        'shows:',
        '  Allotment Hour:',
        '    description: Weekly talk.',
        '    colour: "#2F6F4F"',
        '    artwork: https://cdn.example.net/a.png',
        'exports: [vtt, txt]',
        'feeds: [rss]',
        'search: { vocabulary: 500, suggestions: 2 }',
        'topics: { discover: false, max: 10, exclude: [general purpose, RTS] }',
      ].join('\n'),
    );
    expect(diagnostics).toEqual([]);
    expect(config).toEqual({
      title: 'Allotment Hour archive',
      description: 'Every episode, searchable.',
      site: 'https://example.org',
      base: 'kb',
      language: 'en-GB',
      shows: { 'Allotment Hour': { description: 'Weekly talk.', colour: '#2F6F4F', artwork: 'https://cdn.example.net/a.png' } },
      exports: ['vtt', 'txt'],
      feeds: ['rss'],
      search: { vocabulary: 500, suggestions: 2 },
      topics: { discover: false, max: 10, exclude: ['general purpose', 'RTS'] },
    });
  });

  it('BAD: every problem at its key or item, with the rest applied', () => {
    const text = [
      'titel: My site', // 1
      'description: ""',
      'site: https://example.org/kb',
      'base: "/a b/"',
      'language: english', // 5
      'shows:',
      '  Signal & Noise:',
      '    colour: teal',
      '    colur: "#fff"',
      '    description: Kept.', // 10
      'exports: [vtt, mp3, txt, pdf]',
      'feeds: rss',
      'search:',
      '  vocabulary: -5',
      '  suggestions: 9', // 15
      'topics:',
      '  discover: "yes"',
      '  max: 1.5',
      '  exclude: [RTS, "--"]',
    ].join('\n');
    expect(lines(text)).toEqual([
      'content/site.yml:1:1 error config-unknown-key unknown key titel in the site config (did you mean "title"?); it does nothing, so remove or rename it. Known keys here: title, description, site, base, language, shows, exports, feeds, search, topics',
      'content/site.yml:2:1 error config-invalid site config description: must not be empty; give a value or remove the key',
      'content/site.yml:3:1 error config-invalid site config site: expected the origin the site is published at, like https://example.org (no path: put a sub-path in "base"), found string "https://example.org/kb"',
      'content/site.yml:4:1 error config-invalid site config base: expected a path like /kb/ (letters, digits, - . _ ~ and slashes), found string "/a b/"',
      'content/site.yml:5:1 error config-invalid site config language: expected a language tag like en, en-GB or de, found string "english"',
      'content/site.yml:8:5 error config-invalid site config shows."Signal & Noise".colour: expected a colour written #rrggbb (like "#2f6f4f"; quote it, YAML reads # as a comment), found string "teal"',
      'content/site.yml:9:5 error config-unknown-key unknown key shows."Signal & Noise".colur in the site config (did you mean "colour"?); it does nothing, so remove or rename it. Known keys here: description, colour, artwork',
      'content/site.yml:11:16 error config-invalid site config exports: expected one of vtt, srt, txt, json, podcast (item 2), found string "mp3"',
      'content/site.yml:11:26 error config-invalid site config exports: expected one of vtt, srt, txt, json, podcast (item 4), found string "pdf"',
      'content/site.yml:12:1 error config-invalid site config feeds: expected a list, found string "rss"; write a list: feeds: [rss]',
      'content/site.yml:14:3 error config-invalid site config search.vocabulary: must be at least 0, found number "-5"',
      'content/site.yml:15:3 error config-invalid site config search.suggestions: must be at most 6, found number "9"',
      'content/site.yml:17:3 error config-invalid site config topics.discover: expected a boolean, found string "yes"; write discover: true or discover: false',
      'content/site.yml:18:3 error config-invalid site config topics.max: expected a whole number, found number "1.5"; write a whole number: max: 2',
      'content/site.yml:19:18 error config-invalid site config topics.exclude: must contain a letter or digit, found string "--" (item 2)',
    ]);
    const { config } = read(text);
    // What was valid still applies; what was not falls back to its default.
    expect(config.shows).toEqual({ 'Signal & Noise': { description: 'Kept.' } });
    expect(config.exports).toEqual(['vtt', 'txt']);
    expect(config.feeds).toEqual(['rss', 'episodes-json', 'sitemap']);
    expect(config.title).toBe('Verbatim');
    expect(config.search).toEqual({ vocabulary: 15000, suggestions: 6 });
  });

  it('BAD: an unquoted colour is a comment, and says so', () => {
    expect(lines('shows:\n  A:\n    colour: #2f6f4f\n')).toEqual([
      'content/site.yml:3:5 error config-invalid site config shows.A.colour: is empty: YAML reads # as the start of a comment, so quote the colour: colour: "#2f6f4f"',
    ]);
  });

  it('BAD: YAML syntax errors and duplicate keys are reported as in sidecars, and the defaults apply', () => {
    expect(lines('title: [unclosed\n')[0]).toMatch(/^content\/site\.yml:\d+:\d+ error yaml-syntax /);
    expect(lines('title: A\ntitle: B\n')).toEqual(['content/site.yml:2:1 error yaml-duplicate-key key "title" appears twice; keep one']);
    expect(read('title: A\ntitle: B\n').config.title).toBe('Verbatim');
    expect(lines('- a\n- b\n')).toEqual(['content/site.yml:1:1 error frontmatter-not-a-map this metadata (front matter, sidecar or site config) must be a map of keys and values (key: value), not a list or a single value; fix it']);
  });

  it('BAD: a show map that is not a map, and an empty show name', () => {
    expect(lines('shows: [a, b]\n')).toEqual(['content/site.yml:1:1 error config-invalid site config shows: expected a map of key: value, found a list; fix the value']);
    expect(lines('shows:\n  "": { colour: "#fff" }\n')).toHaveLength(1);
  });
});

describe('site config: the file on disk', () => {
  const root = mkdtempSync(join(tmpdir(), 'verbatim-config-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const content = (name: string, text: string | null, files: Record<string, Buffer> = {}) => {
    const dir = join(root, name);
    mkdirSync(dir, { recursive: true });
    if (text !== null) writeFileSync(join(dir, 'site.yml'), text);
    for (const [path, bytes] of Object.entries(files)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), bytes);
    }
    return dir;
  };
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

  it('a missing file is the default site, and --base and --site override the file', () => {
    expect(loadSiteConfig(content('none', null), {}, root)).toMatchObject({ config: defaultSiteConfig(), diagnostics: [] });
    const dir = content('overrides', 'site: https://example.org/\nbase: /kb\n');
    expect(loadSiteConfig(dir, {}, root).config).toMatchObject({ site: 'https://example.org', base: '/kb/' });
    expect(loadSiteConfig(dir, { base: 'docs', site: 'https://other.example' }, root).config).toMatchObject({ site: 'https://other.example', base: '/docs/' });
  });

  it('is decoded as transcripts are: Windows-1252 is read and said so, UTF-16 with a BOM is read, an empty file is the defaults', () => {
    const cp1252 = content('cp1252', null, { 'site.yml': Buffer.from('title: Caf\xe9 archive\n', 'latin1') });
    const read = loadSiteConfig(cp1252, {}, root);
    expect(read.config.title).toBe('Café archive');
    expect(read.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.code}`)).toEqual(['1:11 warning encoding-fallback']);
    const utf16 = content('utf16', null, { 'site.yml': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('title: Café\r\n', 'utf16le')]) });
    expect(loadSiteConfig(utf16, {}, root)).toMatchObject({ config: { title: 'Café' }, diagnostics: [] });
    for (const [name, text] of [['empty', ''], ['newline', '\n'], ['blank', ' \r\n\t\n'], ['bom', '\uFEFF\n']]) {
      expect(loadSiteConfig(content(name as string, text as string), {}, root), name).toMatchObject({ config: defaultSiteConfig(), diagnostics: [] });
    }
    expect(loadSiteConfig(content('utf16-blank', null, { 'site.yml': Buffer.from([0xff, 0xfe, 0x0a, 0x00]) }), {}, root).diagnostics).toEqual([]);
    expect(loadSiteConfig(content('nul', null, { 'site.yml': Buffer.alloc(16) }), {}, root).diagnostics.map((d) => d.code)).toEqual(['binary-file']);
    const binary = loadSiteConfig(content('binary', null, { 'site.yml': png }), {}, root);
    expect(binary.diagnostics.map((d) => d.severity)).toEqual(['error']);
    expect(binary.config).toEqual(defaultSiteConfig());
  });

  it('artwork: an https URL names its origin for the CSP; a file in the content folder is published', () => {
    const dir = content('art', 'shows:\n  A:\n    artwork: https://cdn.example.net/covers/a.png\n  B:\n    artwork: art/b.PNG\n', { 'art/b.PNG': png });
    const { config, diagnostics } = loadSiteConfig(dir, {}, root);
    expect(diagnostics).toEqual([]);
    expect(config.shows.A?.artwork).toEqual({ url: 'https://cdn.example.net/covers/a.png' });
    expect(config.shows.B?.artwork).toEqual({ file: join(dir, 'art/b.PNG'), extension: '.png' });
    expect(astroSettings(config).imageOrigins).toEqual(['https://cdn.example.net']);
  });

  it('BAD: artwork that is missing, outside the content folder, SVG, not the image its name says, or not https', () => {
    const dir = content(
      'bad-art',
      [
        'shows:',
        '  A: { artwork: art/missing.png }',
        '  B: { artwork: ../outside.png }',
        '  C: { artwork: art/c.svg }',
        '  D: { artwork: art/d.jpg }',
        '  E: { artwork: "javascript:alert(1)" }',
        '  F: { artwork: http://cdn.example.net/f.png }',
      ].join('\n'),
      { 'art/c.svg': Buffer.from('<svg/>'), 'art/d.jpg': png, '../outside.png': png },
    );
    const { config, diagnostics } = loadSiteConfig(dir, {}, root);
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`)).toEqual([
      '2:8 config-invalid site config shows.A.artwork: no file "art/missing.png" in the content folder',
      '3:8 config-invalid site config shows.B.artwork: "../outside.png" is outside the content folder; put the image in it and give its path from there',
      '4:8 config-invalid site config shows.C.artwork: "art/c.svg" is not a PNG, JPEG, GIF, WebP or AVIF file (by its extension); SVG is not published, because an SVG opened on its own can run scripts',
      '5:8 config-invalid site config shows.D.artwork: "art/d.jpg" does not hold JPG image data; save it as an image of the type its extension names',
      '6:8 config-invalid site config shows.E.artwork: only https:// URLs are allowed (found javascript:); use an https:// URL or a file in the content folder',
      '7:8 config-invalid site config shows.F.artwork: only https:// URLs are allowed (found http:); use an https:// URL or a file in the content folder',
    ]);
    for (const show of Object.values(config.shows)) expect(show.artwork).toBeUndefined();
  });

  it('warns about settings for a show no episode has, at its line', () => {
    const loaded = loadSiteConfig(content('shows', 'shows:\n  Signal & Noise: { colour: "#123" }\n  Signal and Noise: { colour: "#456" }\n'), {}, root);
    expect(unknownShows(loaded, ['Signal & Noise', 'The Long Table']).map((d) => `${d.line}:${d.column} ${d.severity} ${d.message}`)).toEqual([
      '3:3 warning the site config has settings for the show "Signal and Noise", but no episode belongs to it; name the show as its episodes do ("Signal & Noise", "The Long Table")',
    ]);
  });
});
