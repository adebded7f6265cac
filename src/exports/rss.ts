/**
 * An RSS 2.0 document (https://www.rssboard.org/rss-specification) from
 * plain data, with the Podcasting 2.0 namespace for transcript links and
 * people. All text goes through xml.ts; nothing is written raw.
 *
 * Descriptions are plain text, but RSS 2.0 readers take a description as
 * entity-encoded HTML: so it is escaped as HTML first, then as XML, and a
 * reader shows `<script>` in a summary as those characters. Titles,
 * categories and names are plain text (the RSS Best Practices Profile) and
 * escaped once.
 */
import { escapeUTF8 } from 'entities';
import { xmlAttributes, xmlElement } from './xml.ts';

export interface FeedChannel {
  title: string;
  /** Absolute URL of the site's home page. */
  link: string;
  /** Plain text. */
  description: string;
  /** Absolute URL of the feed itself (`atom:link rel="self"`). */
  self: string;
  /** Language tag of the channel (`en-GB`), when known. */
  language?: string;
  items: FeedItem[];
}

export interface FeedItem {
  title: string;
  /** Absolute URL of the episode page; also the item's guid. */
  link: string;
  /** Publication date, YYYY-MM-DD. */
  date?: string;
  /** Plain text. */
  description?: string;
  categories: string[];
  /** `<podcast:transcript>` links. */
  transcripts: { url: string; type: string; captions: boolean }[];
  /** `<podcast:person>` credits. */
  people: { name: string; role?: 'host' | 'guest'; href?: string }[];
}

/** YYYY-MM-DD as an RFC 822 date at midnight UTC (`Wed, 12 Mar 2025 00:00:00 GMT`), or undefined when invalid. */
export function rfc822Date(isoDate: string): string | undefined {
  const date = new Date(`${isoDate}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? undefined : date.toUTCString();
}

/** A `<description>`: plain text as the entity-encoded HTML readers expect. */
const description = (text: string) => xmlElement('description', escapeUTF8(text));

function item(entry: FeedItem): string {
  const lines = [xmlElement('title', entry.title), xmlElement('link', entry.link), xmlElement('guid', entry.link, { isPermaLink: 'true' })];
  const pubDate = entry.date ? rfc822Date(entry.date) : undefined;
  if (pubDate) lines.push(xmlElement('pubDate', pubDate));
  if (entry.description) lines.push(description(entry.description));
  for (const category of entry.categories) lines.push(xmlElement('category', category));
  for (const t of entry.transcripts) {
    lines.push(xmlElement('podcast:transcript', undefined, { url: t.url, type: t.type, rel: t.captions ? 'captions' : undefined }));
  }
  for (const p of entry.people) lines.push(xmlElement('podcast:person', p.name, { role: p.role, href: p.href }));
  return `    <item>\n${lines.map((l) => `      ${l}`).join('\n')}\n    </item>`;
}

/** The feed as an XML document. */
export function renderRss(channel: FeedChannel): string {
  const namespaces = xmlAttributes({
    version: '2.0',
    'xmlns:atom': 'http://www.w3.org/2005/Atom',
    'xmlns:podcast': 'https://podcastindex.org/namespace/1.0',
  });
  const head = [
    xmlElement('title', channel.title),
    xmlElement('link', channel.link),
    description(channel.description),
    ...(channel.language ? [xmlElement('language', channel.language)] : []),
    xmlElement('atom:link', undefined, { href: channel.self, rel: 'self', type: 'application/rss+xml' }),
    xmlElement('generator', 'Verbatim'),
  ].map((l) => `    ${l}`);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<rss${namespaces}>`,
    '  <channel>',
    ...head,
    ...channel.items.map(item),
    '  </channel>',
    '</rss>',
    '',
  ].join('\n');
}
