/** The site-wide files (feed, sitemap, episode index) and structured data, built from a small knowledge base under a sub-path. */
import { describe, expect, it } from 'vitest';
import { episodeIndex } from '../../src/exports/episode-index.ts';
import { exportsOf, transcriptExports } from '../../src/exports/formats.ts';
import { episodeJsonLd, httpUrl, isoDuration, personJsonLd } from '../../src/exports/json-ld.ts';
import { renderRss, rfc822Date } from '../../src/exports/rss.ts';
import { siteFeed } from '../../src/exports/site-feed.ts';
import { exportLinks } from '../../src/exports/site-links.ts';
import type { SiteLinks } from '../../src/exports/site-links.ts';
import { renderSitemap, sitemapUrls } from '../../src/exports/sitemap.ts';
import { buildKnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import { makeRoutes } from '../../src/site/routes.ts';
import { Episode } from '../../src/transcript/schema.ts';
import { makeEpisode } from '../knowledge/make-episode.ts';
import { xmlProblems, xmlUnescape } from './xml-check.ts';
import { summarizeEpisode } from '../../src/corpus/summary.ts';

const links: SiteLinks = { routes: makeRoutes('/kb/'), site: new URL('https://example.org') };

const hostileTitle = '</script><script>alert(1)</script> ]]> & "quotes"';
const timed = Episode.parse({
  ...makeEpisode({
    id: 'alpha',
    title: hostileTitle,
    show: 'Signal & Noise',
    date: '2025-03-12',
    hosts: ['Maya Okafor'],
    guests: ['Zoë Lindqvist'],
    speakers: [
      { id: 'maya-okafor', name: 'Maya Okafor', role: 'host' },
      { id: 'zoe-lindqvist', name: 'Zoë Lindqvist', role: 'guest' },
      { id: 'speaker-3', name: 'Speaker 3', labels: ['Speaker 3'] },
    ],
    lines: [
      { speaker: 'maya-okafor', text: 'Hello.', start: 0, end: 2 },
      { speaker: 'zoe-lindqvist', text: 'Hi.', start: 2, end: 3723 },
      { speaker: 'speaker-3', text: 'Me too.', start: 3723, end: 3724 },
    ],
  }),
  summary: 'javascript:alert(1) and a line\u2028separator, nul\u0000 and <b>tags</b>.',
  media: { url: 'https://www.youtube.com/watch?v=hT4vR8nWq2c', youtubeId: 'hT4vR8nWq2c', audioUrl: 'https://cdn.example.org/a.mp3' },
});
const untimed = makeEpisode({
  id: 'beta',
  title: 'Untimed',
  show: 'The Long Table',
  hosts: ['Maya Okafor'],
  speakers: [{ id: 'maya-okafor', name: 'Maya Okafor', role: 'host' }],
  lines: [{ speaker: 'maya-okafor', text: 'No times.' }],
});
const kb = buildKnowledgeBase([untimed, timed]);

describe('transcript exports', () => {
  it('offers caption formats only for timed episodes', () => {
    expect(exportsOf(summarizeEpisode(timed)).map((f) => f.id)).toEqual(['vtt', 'srt', 'txt', 'json', 'podcast']);
    expect(exportsOf(summarizeEpisode(untimed)).map((f) => f.id)).toEqual(['txt', 'json']);
    expect(new Set(transcriptExports.map((f) => f.file)).size).toBe(transcriptExports.length);
  });

  it('links each download under the episode folder, with a suggested file name', () => {
    expect(exportLinks(links.routes, summarizeEpisode(timed)).map((l) => [l.label, l.href, l.download])).toEqual([
      ['VTT', '/kb/episodes/alpha/transcript.vtt', 'alpha.vtt'],
      ['SRT', '/kb/episodes/alpha/transcript.srt', 'alpha.srt'],
      ['Text', '/kb/episodes/alpha/transcript.txt', 'alpha.txt'],
      ['JSON', '/kb/episodes/alpha/transcript.json', 'alpha.json'],
      ['Podcasting 2.0', '/kb/episodes/alpha/transcript.podcast.json', 'alpha.podcast.json'],
    ]);
  });
});

describe('RSS feed', () => {
  const rss = renderRss(siteFeed(kb, links, { name: 'Verbatim', description: 'All <the> episodes & more' }));

  it('is well-formed XML with every hostile field escaped', () => {
    expect(xmlProblems(rss)).toEqual([]);
    expect(rss).not.toContain('<script');
    expect(rss).not.toContain(']]>');
    expect(rss).not.toContain('\u0000');
    const title = /<item>\s*<title>([^<]*)<\/title>/.exec(rss)?.[1];
    expect(xmlUnescape(title ?? '')).toBe(hostileTitle);
  });

  it('writes descriptions as entity-encoded HTML that a reader shows as the plain text', () => {
    // XML-decoded once, the description is HTML whose text is the summary: `<b>` is escaped again, not a tag.
    const descriptions = [...rss.matchAll(/<description>([^<]*)<\/description>/g)].map((m) => xmlUnescape(m[1] ?? ''));
    const html = descriptions.find((d) => d.includes('javascript:alert(1)')) ?? '';
    expect(html).toContain('&lt;b&gt;tags&lt;/b&gt;');
    expect(html).not.toMatch(/<b>/);
    expect(rss).toContain('<description>All &amp;lt;the&amp;gt; episodes &amp;amp; more</description>');
  });

  it('lists episodes newest first, with dates, transcripts and people', () => {
    expect([...rss.matchAll(/<link>([^<]*)<\/link>/g)].map((m) => m[1])).toEqual([
      'https://example.org/kb/',
      'https://example.org/kb/episodes/alpha/',
      'https://example.org/kb/episodes/beta/',
    ]);
    expect(rss).toContain('<atom:link href="https://example.org/kb/rss.xml" rel="self" type="application/rss+xml"/>');
    expect(rss).toContain('<pubDate>Wed, 12 Mar 2025 00:00:00 GMT</pubDate>');
    expect(rss).toContain('<podcast:transcript url="https://example.org/kb/episodes/alpha/transcript.vtt" type="text/vtt" rel="captions"/>');
    expect(rss).toContain('<podcast:transcript url="https://example.org/kb/episodes/alpha/transcript.srt" type="application/x-subrip" rel="captions"/>');
    expect(rss).toContain('<podcast:transcript url="https://example.org/kb/episodes/alpha/transcript.podcast.json" type="application/json"/>');
    expect(rss).not.toContain('beta/transcript.vtt');
    expect(rss).toContain('<podcast:person role="guest" href="https://example.org/kb/speakers/zoe-lindqvist/">Zoë Lindqvist</podcast:person>');
    expect(rss).not.toContain('Speaker 3</podcast:person>');
    expect(rss).toContain('<category>Signal &amp; Noise</category>');
  });

  it('formats RFC 822 dates and refuses invalid ones', () => {
    expect(rfc822Date('2024-02-29')).toBe('Thu, 29 Feb 2024 00:00:00 GMT');
    expect(rfc822Date('2024-13-01')).toBeUndefined();
  });
});

describe('sitemap', () => {
  it('lists every page as an absolute URL under the base', () => {
    const urls = sitemapUrls(kb, links);
    expect(urls).toEqual([
      'https://example.org/kb/',
      'https://example.org/kb/episodes/',
      'https://example.org/kb/episodes/alpha/',
      'https://example.org/kb/episodes/beta/',
      'https://example.org/kb/shows/',
      ...kb.shows.map((s) => `https://example.org/kb/shows/${s.slug}/`),
      'https://example.org/kb/speakers/',
      ...kb.people.people.map((p) => `https://example.org/kb/speakers/${p.slug}/`),
      'https://example.org/kb/topics/',
      'https://example.org/kb/topics/by/name/',
      ...kb.topics.topics.map((t) => `https://example.org/kb/topics/${t.slug}/`),
    ]);
    const xml = renderSitemap([...urls, 'https://example.org/kb/?a=1&b=<2>']);
    expect(xmlProblems(xml)).toEqual([]);
    expect(xml).toContain('<loc>https://example.org/kb/?a=1&amp;b=&lt;2&gt;</loc>');
  });

  it('percent-encodes non-Latin slugs', () => {
    const episode = makeEpisode({ id: 'x', lines: [] });
    const kbIntl = buildKnowledgeBase([{ ...episode, slug: '東京-夜市' }]);
    expect(sitemapUrls(kbIntl, links)).toContain('https://example.org/kb/episodes/%E6%9D%B1%E4%BA%AC-%E5%A4%9C%E5%B8%82/');
  });
});

describe('episodes.json', () => {
  it('indexes every episode with absolute page and download URLs', () => {
    const index = episodeIndex(kb, links, 'Verbatim');
    expect(index.url).toBe('https://example.org/kb/');
    expect(index.episodes.map((e) => e.slug)).toEqual(['alpha', 'beta']);
    const [alpha, beta] = index.episodes;
    expect(alpha).toMatchObject({ title: hostileTitle, show: 'Signal & Noise', date: '2025-03-12', duration: 3724, url: 'https://example.org/kb/episodes/alpha/' });
    expect(alpha?.speakers).toEqual([
      { name: 'Maya Okafor', role: 'host', url: 'https://example.org/kb/speakers/maya-okafor/' },
      { name: 'Zoë Lindqvist', role: 'guest', url: 'https://example.org/kb/speakers/zoe-lindqvist/' },
    ]);
    expect(Object.keys(alpha?.exports ?? {})).toEqual(['vtt', 'srt', 'txt', 'json', 'podcast']);
    expect(beta).toMatchObject({ date: null, duration: null, summary: null, exports: { txt: 'https://example.org/kb/episodes/beta/transcript.txt', json: 'https://example.org/kb/episodes/beta/transcript.json' } });
    expect(Object.keys(beta?.exports ?? {})).toEqual(['txt', 'json']);
  });
});

describe('JSON-LD', () => {
  it('describes an episode as a PodcastEpisode', () => {
    expect(episodeJsonLd(timed, kb, links)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'PodcastEpisode',
      name: hostileTitle,
      url: 'https://example.org/kb/episodes/alpha/',
      description: timed.summary,
      datePublished: '2025-03-12',
      duration: 'PT1H2M4S',
      timeRequired: 'PT1H2M4S',
      partOfSeries: { '@type': 'PodcastSeries', name: 'Signal & Noise', url: `https://example.org/kb/shows/${kb.showOf.get('alpha')?.slug}/` },
      associatedMedia: [
        { '@type': 'AudioObject', contentUrl: 'https://cdn.example.org/a.mp3' },
        { '@type': 'VideoObject', url: 'https://www.youtube.com/watch?v=hT4vR8nWq2c', embedUrl: 'https://www.youtube.com/embed/hT4vR8nWq2c' },
      ],
      actor: [{ '@type': 'Person', name: 'Maya Okafor', url: 'https://example.org/kb/speakers/maya-okafor/' }],
      contributor: [{ '@type': 'Person', name: 'Zoë Lindqvist', url: 'https://example.org/kb/speakers/zoe-lindqvist/' }],
    });
  });

  it('leaves out what an untimed, undated episode lacks', () => {
    const node = episodeJsonLd(untimed, kb, links);
    expect(node).not.toHaveProperty('duration');
    expect(node).not.toHaveProperty('datePublished');
    expect(node).not.toHaveProperty('associatedMedia');
  });

  it('never writes a non-http URL', () => {
    expect(httpUrl('javascript:alert(1)')).toBeUndefined();
    expect(httpUrl('data:text/html,<script>')).toBeUndefined();
    expect(httpUrl('/relative')).toBeUndefined();
    expect(httpUrl('HTTPS://Example.org/a b')).toBe('https://example.org/a%20b');
    // The schema refuses such URLs already; the writer refuses them again if one slips through.
    const sneaky = { ...timed, media: { url: 'javascript:alert(1)', audioUrl: 'data:audio/mp3;base64,AAAA' } };
    expect(episodeJsonLd(sneaky, kb, links)).not.toHaveProperty('associatedMedia');
    expect(personJsonLd({ name: 'X', url: 'javascript:alert(1)' })).toEqual({ '@context': 'https://schema.org', '@type': 'Person', name: 'X' });
  });

  it('writes ISO 8601 durations', () => {
    expect(isoDuration(0)).toBe('PT0S');
    expect(isoDuration(59.6)).toBe('PT1M');
    expect(isoDuration(3600)).toBe('PT1H');
    expect(isoDuration(3605)).toBe('PT1H5S');
  });
});
