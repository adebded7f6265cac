/**
 * The plain-text citation for a passage of an episode, in the shape style
 * guides give for podcast episodes (speakers, “title,” show, date, time
 * range, URL), and the short label of the passage's extent.
 */
import { clock, isolate } from './format.ts';

/** What a citation names. Absent parts are left out of the text. */
export interface CitationParts {
  /** Speakers heard in the passage, in order; repeats are dropped. */
  speakers: readonly string[];
  title: string;
  show?: string;
  /** The publication date as displayed (`September 17, 2025`). */
  date?: string;
  /** The passage's extent in transcript seconds; null for untimed transcripts. */
  time: { start: number; end: number | null } | null;
  /** The passage's paragraphs by 1-based number, named when there is no time. */
  paragraphs: { first: number; last: number };
  /** The link to the passage. */
  url: string;
}

/** Names at most this many speakers; more become “and others”. */
const MAX_NAMES = 3;

/**
 * `Maya Okafor and Jürgen Ahlberg, “Rails Across the Alps,” Signal & Noise,
 * September 17, 2025, 1:15–2:20. https://…#t=75,140`
 *
 * Names, title and show are isolated when they hold bidirectional controls
 * (format.ts `isolate`), so an override in one cannot reorder the rest.
 */
export function formatCitation(parts: CitationParts): string {
  const names = nameList(parts.speakers.map((name) => isolate(name.trim())));
  // Quotes inside the title become single quotes; US style puts the comma
  // (or the closing period) inside the quotes unless the title ends in ? or !.
  const plainTitle = parts.title.trim().replace(/["“]([^"“”]*)["”]/g, '‘$1’');
  const ownStop = /[?!]$/.test(plainTitle);
  const title = isolate(plainTitle);
  const show = parts.show === undefined ? undefined : isolate(parts.show);
  const rest = [show, parts.date, extentLabel(parts)].filter((s): s is string => Boolean(s?.trim()));
  const quoted = rest.length > 0 ? `“${title}${ownStop ? '' : ','}” ${rest.join(', ')}.` : `“${title}${ownStop ? '' : '.'}”`;
  return `${names ? `${names}, ` : ''}${quoted} ${parts.url}`;
}

/** `1:15–2:20`, `1:15` for a moment, else `paragraphs 12–15` / `paragraph 12`. */
export function extentLabel(parts: Pick<CitationParts, 'time' | 'paragraphs'>): string {
  if (parts.time) return timeRangeLabel(parts.time.start, parts.time.end);
  const { first, last } = parts.paragraphs;
  return first === last ? `paragraph ${first}` : `paragraphs ${first}–${last}`;
}

/** `1:15–2:20`; one stamp when both ends show the same second or there is no end. */
export function timeRangeLabel(start: number, end: number | null): string {
  const from = clock(start);
  if (end === null) return from;
  const to = clock(end);
  return to === from ? from : `${from}–${to}`;
}

/** `A`, `A and B`, `A, B, and C`, `A, B, C, and others`. */
export function nameList(names: readonly string[]): string {
  const unique = [...new Set(names.map((n) => n.trim()).filter(Boolean))];
  if (unique.length > MAX_NAMES) return `${unique.slice(0, MAX_NAMES).join(', ')}, and others`;
  if (unique.length < 3) return unique.join(' and ');
  return `${unique.slice(0, -1).join(', ')}, and ${unique.at(-1)}`;
}
