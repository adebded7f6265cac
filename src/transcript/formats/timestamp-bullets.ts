/**
 * Timestamp bullets: `- [MM:SS] text` lines, usually in a Markdown file with
 * front matter and an exporter's preamble (`# Transcript: <id>`, `- URL: …`,
 * `## Text`). One linear pass over the lines; bullet text goes through the
 * shared Markdown inline stripper, which is skipped for text without markup.
 *
 * Rules, in file order:
 * - Everything before the first timestamped bullet is preamble: untimed
 *   bullets and lines are metadata, skipped silently. The first `#` heading
 *   there is the file's title unless it reads `Transcript…` (an exporter's
 *   label for the video id, never the episode's name).
 * - `[MM:SS]` (minutes may pass 59: `[84:37]` is 5077 s), `[H:MM:SS]`,
 *   spaces inside the brackets, `-`/`*`/`+` bullets.
 * - A bullet whose bracket merely looks like a time (`[64:80]`, `[0:8]`) is
 *   reported and kept as untimed text; it also ends the preamble. An escaped
 *   `\[01:00\]` is literal text, as Markdown says.
 * - A non-bullet line right after a bullet continues it (lazy continuation);
 *   untimed bullets and stray text after the first timed bullet are kept
 *   without a time and reported. Headings there are chapters.
 * - A segment ends where the next timed bullet starts; the last one (and one
 *   followed by an earlier time) ends at its own start, so times are never null
 *   and never run backwards.
 */
import type { Diagnostics } from '../diagnostics.ts';
import { excerpt } from '../diagnostics.ts';
import { foldWhitespace } from '../text.ts';
import { formatShortClock, readClock } from './clock.ts';
import { findFrontMatter, splitFrontMatter } from './front-matter.ts';
import { atxHeading, bulletCounts, captionTiming, isThematicBreak, pushContent, markdownContent, markdownInline } from './markdown.ts';
import { RawSegments } from './raw-segments.ts';
import type { RawChapter, RawTranscript, TranscriptFormat } from './types.ts';

const clockOptions = { fraction: 'optional', minuteOverflow: true, minFieldDigits: 2 } as const;

const isBlank = (c: number) => c === 32 || c === 9;
const isDigit = (c: number) => c >= 48 && c <= 57;

function skipBlanks(line: string, from: number): number {
  let i = from;
  while (i < line.length && isBlank(line.charCodeAt(i))) i++;
  return i;
}

/** What a bullet's leading bracket holds. */
type Stamp =
  | { kind: 'timed'; seconds: number; textStart: number }
  | { kind: 'bad'; found: string; reason: string }
  | { kind: 'none' };

/**
 * Read `[ time ]` at `at`. A bracket of digits, colons, dots, commas and
 * spaces holding a colon looks like a time: if it does not read as one it is
 * `bad` (reported, kept as text); anything else (`[Music]`) is not a stamp.
 */
function readStamp(line: string, at: number): Stamp {
  if (line.charCodeAt(at) !== 91 /* [ */) return { kind: 'none' };
  const first = skipBlanks(line, at + 1);
  if (!isDigit(line.charCodeAt(first))) return { kind: 'none' };
  const clock = readClock(line, first, clockOptions);
  if (clock.ok) {
    const close = skipBlanks(line, clock.end);
    if (line.charCodeAt(close) === 93 /* ] */) return { kind: 'timed', seconds: clock.seconds, textStart: close + 1 };
  }
  // Look-alike check, bounded: a short bracket of clock characters with a colon.
  let j = first;
  let colon = false;
  while (j < line.length && j - at <= 24) {
    const c = line.charCodeAt(j);
    if (c === 58) colon = true;
    else if (!(isDigit(c) || c === 46 || c === 44 || isBlank(c))) break;
    j++;
  }
  if (!colon || line.charCodeAt(j) !== 93) return { kind: 'none' };
  const found = excerpt(line.slice(at, j + 1));
  const reason = !clock.ok && clock.reason === 'range' ? `${clock.field ?? 'a field'} past 59` : 'not of the form MM:SS or H:MM:SS with two-digit fields';
  return { kind: 'bad', found, reason };
}

/** A bullet being collected: its first line and any lazy continuation lines. */
interface OpenBullet {
  start: number | null;
  parts: string[];
  line: number;
  column: number;
  /** Index into `boundaries` for a timed bullet. */
  boundary: number;
  /** Report `bullets-untimed` if it yields text. */
  untimed: boolean;
}

function parseBullets(text: string, diagnostics: Diagnostics): RawTranscript {
  const fm = splitFrontMatter(text, diagnostics);
  const body = fm.body;
  const out = new RawSegments();
  const segments = out.segments;
  const chapters: RawChapter[] = [];
  // Every timed bullet's start, with the segment it produced (or -1 when its text was empty).
  const boundaries: { start: number; segment: number }[] = [];
  let title: string | undefined;
  let started = false;
  let previousStart = -1;
  let open: OpenBullet | null = null;

  const close = () => {
    if (!open) return;
    const content = markdownContent(open.parts.join('\n'));
    if (content.text.length > 0) {
      if (open.untimed) diagnostics.report('bullets-untimed', open.line, open.column, { found: excerpt(content.text) });
      const boundary = boundaries[open.boundary];
      if (boundary) boundary.segment = segments.length;
      pushContent(out, content, open.start, open.start, open.line, open.column);
    }
    open = null;
  };

  let pos = 0;
  let lineNo = fm.bodyLineOffset;
  while (pos < body.length) {
    const nl = body.indexOf('\n', pos);
    const line = body.slice(pos, nl === -1 ? body.length : nl);
    pos = nl === -1 ? body.length : nl + 1;
    lineNo++;
    const i = skipBlanks(line, 0);
    if (i === line.length || isThematicBreak(line, i)) {
      close();
      continue;
    }
    const heading = atxHeading(line, i);
    if (heading) {
      close();
      const name = foldWhitespace(markdownInline(heading.text));
      if (name.length === 0) continue;
      if (started) chapters.push({ title: name, segment: segments.length });
      else if (title === undefined && heading.depth === 1 && !/^transcript\b/i.test(name)) title = name;
      continue;
    }
    const c = line.charCodeAt(i);
    const bullet = (c === 45 || c === 42 || c === 43) && (i + 1 === line.length || isBlank(line.charCodeAt(i + 1)));
    if (!bullet) {
      if (!started) continue; // preamble text
      if (open) {
        open.parts.push(line.slice(i)); // lazy continuation of the bullet above
        continue;
      }
      open = { start: null, parts: [line.slice(i)], line: lineNo, column: i + 1, boundary: -1, untimed: true };
      continue;
    }
    close();
    const at = skipBlanks(line, i + 1);
    const stamp = readStamp(line, at);
    if (stamp.kind === 'timed') {
      started = true;
      if (stamp.seconds < previousStart) {
        diagnostics.report('time-out-of-order', lineNo, at + 1, { start: formatShortClock(stamp.seconds), previous: formatShortClock(previousStart) });
      }
      previousStart = stamp.seconds;
      boundaries.push({ start: stamp.seconds, segment: -1 });
      open = { start: stamp.seconds, parts: [line.slice(skipBlanks(line, stamp.textStart))], line: lineNo, column: i + 1, boundary: boundaries.length - 1, untimed: false };
    } else if (stamp.kind === 'bad') {
      started = true;
      diagnostics.report('bullets-bad-timestamp', lineNo, at + 1, { found: stamp.found, reason: stamp.reason });
      open = { start: null, parts: [line.slice(at)], line: lineNo, column: i + 1, boundary: -1, untimed: false };
    } else if (started) {
      open = { start: null, parts: [line.slice(at)], line: lineNo, column: i + 1, boundary: -1, untimed: true };
    }
  }
  close();

  // Ends: the next timed bullet's start, unless that runs backwards; the last ends at its start.
  for (let k = 0; k < boundaries.length; k++) {
    const b = boundaries[k];
    if (!b || b.segment === -1) continue;
    const segment = segments[b.segment];
    const next = boundaries[k + 1];
    if (segment && next && next.start >= b.start) segment.end = next.start;
  }

  const result = out.transcript({ chapters: chapters.filter((ch) => ch.segment < segments.length) });
  if (title !== undefined) result.title = title;
  if (fm.data !== undefined) {
    result.frontMatter = fm.data;
    result.frontMatterLines = fm.lines;
    result.frontMatterItemLines = fm.itemLines;
  }
  return result;
}

/**
 * `[MM:SS]` bullets: 0.9 when at least three and most list items are timed,
 * 0.5 for any; 0 for caption files. Front matter lists are not counted.
 */
function detectBullets(head: string): number {
  if (/^\s*WEBVTT/.test(head) || captionTiming.test(head)) return 0;
  const block = findFrontMatter(head);
  const { timed, items } = bulletCounts(block ? head.slice(block.bodyStart) : head);
  if (timed >= 3 && timed * 2 > items) return 0.9;
  return timed >= 1 ? 0.5 : 0;
}

/** Markdown bullets that start with a `[MM:SS]` timestamp, one segment each. */
export const timestampBullets: TranscriptFormat = {
  id: 'timestamp-bullets',
  name: 'Timestamp bullets',
  description:
    'Markdown bullets starting with a [MM:SS] or [H:MM:SS] timestamp (minutes may pass 59), usually after YAML front matter and a short preamble.',
  example: '---\ntitle: Bridges, briefly\n---\n\n# Transcript: abc123\n\n- URL: https://example.com/watch\n\n## Text\n\n- [00:02] Welcome back to the show.\n- [00:05] Glad to be here.\n- [84:37] [Music]\n',
  detect: detectBullets,
  parse: parseBullets,
};
