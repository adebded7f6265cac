/**
 * Episode metadata from its sources, by precedence: sidecar > front matter >
 * file header (WebVTT title) > file name. Front matter exported by tools is
 * often junk (`speaker: "Unknown"`, `date: ""`): placeholder values are
 * treated as absent, unusable values are reported and ignored. Values of a
 * usable but wrong shape are read, never silently: a number where text
 * belongs (`title: 2024`) as that text, text where a list belongs
 * (`tags: "a, b"`) as a list split at commas, each with a warning that
 * shows how to write it; a list item that is no name (a map, a list, empty)
 * is ignored with a warning at the item's line.
 */
import type { Diagnostics } from '../diagnostics.ts';
import { excerpt } from '../diagnostics.ts';
import { Episode, HttpUrl } from '../schema.ts';
import { youTubeIdOf } from '../youtube.ts';
import { dropControls, foldWhitespace } from '../text.ts';
import { listItemSuggestion, yamlFlowList, yamlScalar } from '../yaml-write.ts';
import type { Media, Sidecar } from '../schema.ts';

export interface EpisodeMetadata {
  title: string;
  show: string;
  date?: string;
  hosts: string[];
  guests: string[];
  summary?: string;
  tags: string[];
  topics: string[];
  media?: Media;
  slug?: string;
}

export interface MetadataSources {
  sidecar: Sidecar;
  frontMatter: Record<string, unknown> | undefined;
  frontMatterLines: Record<string, number> | undefined;
  /** 1-based line of each item of a top-level front matter list. */
  frontMatterItemLines?: Record<string, number[]> | undefined;
  /** Title carried by the file itself (WebVTT header). */
  headerTitle: string | undefined;
  /** Path of the transcript relative to the episodes folder: last-resort title, and its folder names the show. */
  relativePath: string;
}

/** Values export tools write when they know nothing. */
const placeholders = new Set(['', 'unknown', 'n/a', 'na', 'none', 'null', 'untitled', 'tbd', '-']);

const present = (value: unknown): value is string => typeof value === 'string' && !placeholders.has(value.trim().toLowerCase());

/** Merge the sources into one metadata record. */
export function resolveMetadata(src: MetadataSources, diagnostics: Diagnostics): EpisodeMetadata {
  const fm = src.frontMatter ?? {};
  const line = (key: string) => src.frontMatterLines?.[key] ?? 1;
  const itemLine = (key: string, index: number) => src.frontMatterItemLines?.[key]?.[index] ?? line(key);
  const ignore = (key: string, reason: string) => diagnostics.report('frontmatter-field-ignored', line(key), 1, { key, reason });
  /** A number read as text: `title: 2024` is the title "2024", and `title: "2024"` says so. */
  const numberAsText = (value: number, at: number, field: string, instead: (text: string) => string): string => {
    const text = String(value);
    diagnostics.report('frontmatter-field-coerced', at, 1, { field, found: `a number (${text})`, read: `the text "${text}"`, instead: instead(yamlScalar(text)) });
    return text;
  };

  const fmString = (...keys: string[]): string | undefined => {
    for (const key of keys) {
      const value = fm[key];
      if (value === undefined || value === null) continue;
      if (typeof value === 'string') {
        const text = value.trim();
        if (present(text)) return text;
      } else if (typeof value === 'number' && Number.isFinite(value)) {
        return numberAsText(value, line(key), `field "${key}"`, (quoted) => `${key}: ${quoted}`);
      } else if (!(value instanceof Date)) {
        ignore(key, `expected text, found ${Array.isArray(value) ? 'a list' : typeof value}`);
      }
    }
    return undefined;
  };
  const fmList = (key: string): string[] => {
    const value = fm[key];
    if (value === undefined || value === null) return [];
    if (typeof value === 'string') {
      // Exporters write `tags: a, b`: read it as the list it means, and show the list to write.
      const items = value.split(',').map((v) => v.trim()).filter(present);
      if (items.length > 0) {
        const list = yamlFlowList(items);
        diagnostics.report('frontmatter-field-coerced', line(key), 1, { field: `field "${key}"`, found: `text, not a list ("${excerpt(value)}")`, read: `the list ${list}`, instead: `${key}: ${list}` });
      }
      return items;
    }
    if (!Array.isArray(value)) {
      ignore(key, 'expected a list of names');
      return [];
    }
    const out: string[] = [];
    value.forEach((item: unknown, i) => {
      if (typeof item === 'string') {
        const text = item.trim();
        if (present(text)) out.push(text);
      } else if (typeof item === 'number' && Number.isFinite(item)) {
        out.push(numberAsText(item, itemLine(key, i), `item ${i + 1} of field "${key}"`, (quoted) => `- ${quoted}`));
      } else {
        diagnostics.report('frontmatter-item-ignored', itemLine(key, i), 1, { key, item: i + 1, found: describeItem(item), instead: listItemSuggestion(item) });
      }
    });
    return out;
  };

  const title = src.sidecar.title ?? meaningfulTitle(fmString('title'), fm) ?? (src.headerTitle && present(src.headerTitle) ? src.headerTitle : undefined) ?? titleFromFile(src.relativePath);
  const show = src.sidecar.show ?? fmString('show', 'podcast', 'channel', 'series') ?? showFromFile(src.relativePath);

  let date = src.sidecar.date;
  if (date === undefined) {
    const raw = fm.date ?? fm.published ?? fm.pubDate;
    if (raw instanceof Date) {
      const iso = Number.isNaN(raw.getTime()) ? '' : raw.toISOString().slice(0, 10);
      if (Episode.shape.date.safeParse(iso).success) date = iso;
      else ignore('date', 'not a YYYY-MM-DD date');
    } else if (typeof raw === 'string' && present(raw)) {
      const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ].*)?$/.exec(raw.trim());
      // The episode schema's own check: Date.parse accepts 2025-02-30 (rolling it over to March).
      if (iso?.[1] && Episode.shape.date.safeParse(iso[1]).success) date = iso[1];
      else ignore('date', `"${excerpt(raw)}" is not a YYYY-MM-DD date`);
    }
  }

  const hosts = src.sidecar.hosts ?? fmList('hosts');
  const guests = src.sidecar.guests ?? fmList('guests');
  const summary = src.sidecar.summary ?? fmString('summary', 'description');
  const tags = src.sidecar.tags ?? fmList('tags');
  const topics = src.sidecar.topics ?? fmList('topics');
  const media = resolveMedia(src.sidecar, fm, ignore);

  const metadata: EpisodeMetadata = { title, show, hosts, guests, tags, topics };
  if (date !== undefined) metadata.date = date;
  if (summary !== undefined) metadata.summary = summary;
  if (media) metadata.media = media;
  if (src.sidecar.slug !== undefined) metadata.slug = src.sidecar.slug;
  return metadata;
}

/** A list item that is no name, as a message names it. */
function describeItem(item: unknown): string {
  if (item === null || item === undefined) return 'empty';
  if (Array.isArray(item)) return 'a list';
  if (item instanceof Date) return 'a date';
  if (typeof item === 'object') return 'a map';
  return `${typeof item} ${String(item)}`;
}

function resolveMedia(sidecar: Sidecar, fm: Record<string, unknown>, ignore: (key: string, reason: string) => void): Media | undefined {
  const media: Media = {};
  const fmUrl = (key: string): string | undefined => {
    const value = fm[key];
    if (!present(value)) return undefined;
    if (HttpUrl.safeParse(value.trim()).success) return value.trim();
    ignore(key, 'only http:// and https:// URLs are used');
    return undefined;
  };
  const url = sidecar.url ?? fmUrl('video_url') ?? fmUrl('url');
  const videoId = sidecar.youtube === undefined && present(fm.video_id) ? fm.video_id : undefined;
  if (videoId !== undefined && youTubeIdOf(videoId) === undefined) ignore('video_id', 'it is not a YouTube video id (11 characters) or the address of a video');
  const youtubeSource = sidecar.youtube ?? url ?? videoId;
  const youtubeId = youtubeSource ? youTubeIdOf(youtubeSource) : undefined;
  if (youtubeId) media.youtubeId = youtubeId;
  if (url) media.url = url;
  else if (youtubeId) media.url = `https://www.youtube.com/watch?v=${youtubeId}`;
  const audio = sidecar.audio ?? fmUrl('audio_url') ?? fmUrl('audio');
  if (audio) media.audioUrl = audio;
  if (sidecar.offset !== undefined) media.offset = sidecar.offset;
  return Object.keys(media).length > 0 ? media : undefined;
}

/**
 * Exporters fill `title` with the video id when they know nothing else
 * (`YouTube Video: 7EH0VjM3dTk`): a title that is only a label and the media
 * id says nothing, so a later source (header, file name) is used instead.
 */
function meaningfulTitle(title: string | undefined, fm: Record<string, unknown>): string | undefined {
  if (title === undefined) return undefined;
  const url = typeof fm.video_url === 'string' ? fm.video_url : typeof fm.url === 'string' ? fm.url : undefined;
  const ids = [typeof fm.video_id === 'string' ? fm.video_id.trim() : undefined, url ? youTubeIdOf(url) : undefined];
  for (const id of ids) {
    if (!id) continue;
    const rest = title.replace(id, '').replace(/[\s:#\-–—|]+/g, ' ').trim();
    if (title.includes(id) && rest.split(' ').filter(Boolean).length <= 2) return undefined;
  }
  return title;
}

/** `shows/my-show/ep-12_final.txt` → `ep 12 final`: the title of a file that names none. */
export function titleFromFile(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  const stem = base.replace(/\.[^.]+$/, '');
  // File names may hold controls too (`\x07`, even newlines on Linux).
  const title = foldWhitespace(dropControls(stem.replace(/[_]+/g, ' ')));
  return title || 'Untitled episode';
}

/** The folder a transcript sits in names its show (`the-long-table/` → `The Long Table`). */
function showFromFile(file: string): string {
  const parts = file.split(/[\\/]/).filter(Boolean);
  const folder = parts.length >= 2 ? parts[parts.length - 2] : undefined;
  if (!folder || folder === '.' || folder === '..') return 'Unsorted';
  // A folder named `---` leaves nothing, and the schema needs a show name.
  const name = foldWhitespace(dropControls(folder.replace(/[-_]+/g, ' '))).replace(/\b\p{Ll}/gu, (c) => c.toUpperCase());
  return name || 'Unsorted';
}
