/**
 * WebVTT parser. It follows the W3C WebVTT parsing rules for the signature,
 * header, blocks, cue timings and the cue text tokenizer (a `<` opens a tag
 * that runs to the next `>`), and works line by line in one pass, so it is
 * linear in the input. Deliberate deviations, each keeping content a browser
 * would drop or dropping noise a reader does not want:
 *
 * - A missing or misspelt `WEBVTT` line is an error (vtt-bad-signature), but
 *   the cues are read anyway so `check` shows every other problem too. Blank
 *   lines or spaces before the signature are accepted silently.
 * - Clocks: besides `[H:]MM:SS.mmm`, a comma fraction, 1–2 fraction digits,
 *   no fraction and one-digit minutes or seconds are read without complaint;
 *   hours have 1–3 digits. Minutes or seconds over 59 are time-out-of-range
 *   (the spec calls them a syntax error); either way the cue is dropped.
 * - A cue that ends before it starts is dropped (time-end-before-start); the
 *   spec's parser keeps it.
 * - Unvoiced text starting with a speaker label (`Speaker 1:`) is read as that
 *   speaker, and a whole-cue bracketed sound (`[Music]`) as a sound segment.
 * - NUL and other control characters were removed when the file was decoded
 *   (source-text.ts); the spec turns NUL into U+FFFD.
 * - NOTE, STYLE and REGION blocks run to the next blank line; a `-->` line
 *   inside them ends the block only when it is a valid timing line (the spec
 *   ends them at any `-->` line and silently drops the broken cue that makes).
 *   STYLE and REGION blocks after the first cue are skipped like comments.
 * - A `<` with no `>` after it anywhere in the cue stays text (the spec makes
 *   it a tag swallowing the rest of the cue: "I <3 trains").
 * - `</v>` closes the innermost open voice whatever other tags are open.
 * - Ruby text (`<rt>` inside `<ruby>`) is dropped: it is a reading of the
 *   base text, not more words.
 * - Segments keep cue boundaries, except that a cue holding several voice
 *   spans becomes one segment per span, and unvoiced text is also split at
 *   lines starting with `>>` (a speaker change in broadcast captions); the
 *   parts share the cue's times and line.
 * - YouTube rolling captions, where every line is shown in two or three
 *   consecutive cues, are de-duplicated so each line appears once (see
 *   `isRolling`; ordinary files are never de-duplicated).
 */
import type { Diagnostics } from '../diagnostics.ts';
import { excerpt } from '../diagnostics.ts';
import { decodeEntities, foldWhitespace, isSoundAnnotation, soundLabel } from '../text.ts';
import { normalizeLabelName, splitSpeakerLabel } from '../speaker-label.ts';
import { formatClock, readClock } from './clock.ts';
import type { RawLabel, RawSegment, RawTranscript, TranscriptFormat } from './types.ts';

const clockOptions = { fraction: 'optional', minFieldDigits: 1 } as const;

const ARROW = '-->';
const isDigit = (c: number) => c >= 48 && c <= 57;
/** The spec's ASCII whitespace (tab, LF, FF, CR, space). */
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 12 || c === 13;
const skipSpaces = (s: string, from: number) => {
  let i = from;
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  return i;
};

/** Controls that are not whitespace; decoding `&#1;` can bring them back after the source was cleaned. */
const controls = /[\u0000-\u0008\u000e-\u001f\u007f]/g;

/** True when `text` holds a control character that `clean` drops (a char loop: cheaper than a regex test). */
function hasControls(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 ? c <= 8 || c >= 14 : c === 0x7f) return true;
  }
  return false;
}

/** Plain text as shown: entities already decoded, controls dropped, whitespace folded. */
const clean = (text: string) => foldWhitespace(hasControls(text) ? text.replace(controls, '') : text);

/** How many of the most recent shown lines rolling-caption de-duplication compares against. */
const ROLLING_TAIL = 3;

// --- Timing lines -----------------------------------------------------------

type Timing =
  | { ok: true; start: number; end: number }
  | { ok: false; found: string; column: number; field?: 'hours' | 'minutes' | 'seconds' };

/**
 * Read `<clock> --> <clock> [settings]`. Spaces around the arrow are optional
 * (the spec skips whitespace on both sides); settings (`align:start
 * position:0%`) only place text on screen, so they are ignored.
 */
function parseTiming(line: string): Timing {
  let i = skipSpaces(line, 0);
  const startAt = i;
  const start = readClock(line, i, clockOptions);
  if (!start.ok) return clockFailure(line, startAt, start.end, start.reason === 'range' ? start.field : undefined);
  i = skipSpaces(line, start.end);
  if (!line.startsWith(ARROW, i)) return clockFailure(line, 0, 0);
  i = skipSpaces(line, i + ARROW.length);
  const endAt = i;
  const end = readClock(line, i, clockOptions);
  if (!end.ok) return clockFailure(line, endAt, end.end, end.reason === 'range' ? end.field : undefined);
  return { ok: true, start: start.seconds, end: end.seconds };
}

/** A failed timing: an out-of-range field points at its clock; anything else quotes the line. */
function clockFailure(line: string, at: number, end: number, field?: 'hours' | 'minutes' | 'seconds'): Timing {
  if (field) return { ok: false, found: excerpt(line.slice(at, end)), column: at + 1, field };
  // Only the head of the line: a 2 MB garbage line must not become a 2 MB message.
  return { ok: false, found: excerpt(line.slice(0, 200)), column: 1 };
}

// --- Cue text ---------------------------------------------------------------

/** A stretch of cue text under one voice (or none): tags removed, entities not yet decoded, line breaks kept. */
interface Span {
  label: RawLabel | null;
  text: string;
}

/**
 * The spec's cue text tokenizer reduced to what a transcript needs: text,
 * voice start and end tags, and whether inline timestamps (`<00:00:01.000>`,
 * the karaoke timing of YouTube auto-captions) occur. Every other tag (`<c>`,
 * `<i>`, `<ruby>`, `<lang en>`, unknown ones) is dropped with its content
 * kept. One forward scan: each `<` jumps to its `>`, so nesting depth costs nothing.
 */
function tokenize(raw: string): { spans: Span[]; timestamps: boolean } {
  const spans: Span[] = [];
  const voices: (RawLabel | null)[] = [];
  let pieces: string[] = [];
  let timestamps = false;
  // Ruby text (`<ruby>levain<rt>starter</rt></ruby>`) is a reading shown above the base text, not words spoken.
  let ruby = 0;
  let inRt = false;
  const flush = () => {
    const text = pieces.join('');
    pieces = [];
    if (text.length > 0) spans.push({ label: voices[voices.length - 1] ?? null, text });
  };
  // A `<` after the last `>` has no end: it and what follows stay text.
  const lastClose = raw.lastIndexOf('>');
  let textStart = 0;
  let open = raw.indexOf('<');
  while (open !== -1 && open < lastClose) {
    if (open > textStart && !inRt) pieces.push(raw.slice(textStart, open));
    const close = raw.indexOf('>', open + 1);
    const first = raw.charCodeAt(open + 1);
    if (first === 47 /* / */) {
      if (close - open === 3 && raw.charCodeAt(open + 2) === 118 /* v */ && voices.length > 0) {
        flush();
        voices.pop();
      } else if (tagNameIs(raw, open + 2, close, 'rt')) {
        inRt = false;
      } else if (tagNameIs(raw, open + 2, close, 'ruby') && ruby > 0) {
        ruby--;
        inRt = false;
      }
    } else if (tagNameIs(raw, open + 1, close, 'ruby')) {
      ruby++;
    } else if (tagNameIs(raw, open + 1, close, 'rt')) {
      if (ruby > 0) inRt = true; // the spec ignores <rt> outside <ruby>
    } else if (isDigit(first)) {
      timestamps = true;
    } else if (first === 118 /* v */ && open + 2 <= close) {
      const after = raw.charCodeAt(open + 2);
      // `<v Ann>`, `<v.loud Ann>`, `<v>`; not `<vid>`.
      if (open + 2 === close || after === 46 /* . */ || isSpace(after)) {
        let k = open + 2;
        while (k < close && !isSpace(raw.charCodeAt(k))) k++; // past the classes
        flush();
        voices.push(voiceLabel(raw.slice(k, close)));
      }
    }
    textStart = close + 1;
    open = raw.indexOf('<', textStart);
  }
  if (textStart < raw.length && !inRt) pieces.push(raw.slice(textStart));
  flush();
  return { spans, timestamps };
}

/** True when the tag text from `from` to `close` is named `name` (then `>`, `.` classes or whitespace). */
function tagNameIs(raw: string, from: number, close: number, name: string): boolean {
  if (close - from < name.length || !raw.startsWith(name, from)) return false;
  const after = raw.charCodeAt(from + name.length);
  return from + name.length === close || after === 46 /* . */ || isSpace(after);
}

/** Voices recur on every cue (`<v Speaker 2>`): each distinct annotation is read once. Labels are shared, read-only. */
const voiceCache = new Map<string, RawLabel | null>();

/** A voice annotation as a strong label (`<v Speaker 1>` → `Speaker 1`), or null when it names no one. */
function voiceLabel(annotation: string): RawLabel | null {
  const cached = voiceCache.get(annotation);
  if (cached !== undefined) return cached;
  const name = clean(decodeEntities(annotation));
  const label = name.length > 0 ? Object.freeze({ name: normalizeLabelName(name), strong: true, raw: '' }) : null;
  if (voiceCache.size >= 4096) voiceCache.clear();
  voiceCache.set(annotation, label);
  return label;
}

/** True for a line that opens with a `>>` speaker change (after decoding: `&gt;&gt;` counts). */
const startsTurn = (line: string) => {
  const i = skipSpaces(line, 0);
  return line.charCodeAt(i) === 62 && line.charCodeAt(i + 1) === 62;
};

/**
 * Segments for a cue's spans, skipping the first `skip` characters of their
 * text (lines an earlier rolling caption already showed).
 */
function cueSegments(spans: readonly Span[], skip: number, start: number, end: number, line: number): RawSegment[] {
  const out: RawSegment[] = [];
  const push = (label: RawLabel | null, text: string, kind: 'speech' | 'sound', newTurn: boolean) => {
    const segment: RawSegment = { start, end, label, text, kind, line, column: 1 };
    if (newTurn) segment.newTurn = true;
    out.push(segment);
  };

  const emitPart = (lines: string[], turn: boolean) => {
    let text = clean(lines.join('\n'));
    if (turn) text = text.replace(/^>+\s*/, '');
    if (text.length === 0) return;
    if (isSoundAnnotation(text)) return push(null, soundLabel(text), 'sound', turn);
    const split = splitSpeakerLabel(text);
    if (split && split.rest.length > 0) return push(split.label, split.rest, 'speech', turn);
    push(null, text, 'speech', turn);
  };

  let offset = 0;
  for (const span of spans) {
    const from = Math.max(0, skip - offset);
    offset += span.text.length;
    if (from >= span.text.length) continue;
    const raw = from > 0 ? span.text.slice(from) : span.text;
    if (span.label) {
      // The voice is the label; the text is never searched for `Name:` prefixes.
      const text = clean(decodeEntities(raw));
      if (text.length === 0) continue;
      if (isSoundAnnotation(text)) push(span.label, soundLabel(text), 'sound', false);
      else push(span.label, text, 'speech', false);
      continue;
    }
    // No voice: split at lines opening with `>>`, then look for `Speaker 1:` style labels.
    let part: string[] = [];
    let turn = false;
    let at = 0;
    for (;;) {
      const nl = raw.indexOf('\n', at);
      const decoded = decodeEntities(nl === -1 ? raw.slice(at) : raw.slice(at, nl));
      if (startsTurn(decoded)) {
        emitPart(part, turn);
        part = [decoded];
        turn = true;
      } else {
        part.push(decoded);
      }
      if (nl === -1) break;
      at = nl + 1;
    }
    emitPart(part, turn);
  }
  return out;
}

// --- Blocks -----------------------------------------------------------------

/** A cue that passed timing validation, kept until the file is known to be rolling captions or not. */
interface Cue {
  start: number;
  end: number;
  /** 1-based line of the timing line. */
  line: number;
  spans: Span[];
  /** Segments as if no de-duplication applies. */
  segments: RawSegment[];
  /**
   * The cue's non-empty lines as shown (for rolling-caption comparison), and
   * where each begins in the concatenated span text. Computed only for files
   * that may roll (see `mayRoll`): most files never need them.
   */
  shown?: { lines: string[]; offsets: number[] };
  timestamps: boolean;
}

/** The shown lines of a cue, computed once. */
function shownOf(cue: Cue): { lines: string[]; offsets: number[] } {
  cue.shown ??= shownLines(cue.spans);
  return cue.shown;
}

/** First or last non-blank line of a cue's tag-free text, trimmed: a cheap stand-in for its shown lines. */
function edgeLine(cue: Cue, last: boolean): string {
  const joined = cue.spans.length === 1 ? (cue.spans[0]?.text ?? '') : cue.spans.map((x) => x.text).join('');
  const parts = joined.indexOf('\n') === -1 ? [joined] : joined.split('\n');
  if (last) parts.reverse();
  for (const part of parts) {
    const t = part.trim();
    if (t.length > 0) return t;
  }
  return '';
}

/**
 * Rolling captions repeat a cue's last line as the next cue's first line. If
 * no consecutive pair does even before entity decoding and folding, the file
 * cannot roll, and the exact comparison is skipped.
 */
function mayRoll(cues: readonly Cue[]): boolean {
  let previous = '';
  for (const cue of cues) {
    const first = edgeLine(cue, false);
    if (first.length > 0 && foldWhitespace(first) === foldWhitespace(previous)) return true;
    const last = edgeLine(cue, true);
    if (last.length > 0) previous = last;
  }
  return false;
}

/** `NOTE`, `STYLE`, `REGION` alone or followed by a space or tab. */
function keywordBlock(line: string): boolean {
  for (const word of ['NOTE', 'STYLE', 'REGION']) {
    if (line.startsWith(word)) {
      const c = line.charCodeAt(word.length);
      if (Number.isNaN(c) || c === 32 || c === 9) return true;
    }
  }
  return false;
}

/** The header title: text after `WEBVTT`, without a leading dash. */
function headerTitle(rest: string): string | undefined {
  if (rest.includes(ARROW)) return undefined; // a one-line file, not a title
  const title = clean(rest).replace(/^-\s*/, '');
  return title.length > 0 ? title : undefined;
}

function parseWebvtt(text: string, diagnostics: Diagnostics): RawTranscript {
  const lines = text.split('\n');
  const n = lines.length;
  const lineAt = (i: number) => lines[i] ?? '';
  let title: string | undefined;

  // Header: the signature line, then lines up to a blank line (or a timing
  // line, which per spec ends the header and starts the first cue). YouTube's
  // `Kind: captions` / `Language: en` live here; all header lines are ignored.
  const skipHeader = (from: number) => {
    let k = from;
    while (k < n && lineAt(k) !== '' && !lineAt(k).includes(ARROW)) k++;
    return k;
  };
  let first = 0;
  while (first < n && lineAt(first).trim() === '') first++;
  const signature = lineAt(first).replace(/^[ \t]+/, '');
  let i: number;
  const c6 = signature.charCodeAt(6);
  if (signature.startsWith('WEBVTT') && (Number.isNaN(c6) || c6 === 32 || c6 === 9)) {
    title = headerTitle(signature.slice(6));
    i = skipHeader(first + 1);
  } else {
    diagnostics.report('vtt-bad-signature', 1, 1);
    // A misspelt signature (`webvtt`, `WEBVTT:`) still heads the file; anything else may already be a cue.
    i = /^webvtt/i.test(signature) && !signature.includes(ARROW) ? skipHeader(first + 1) : first;
  }

  const cues: Cue[] = [];
  let previousStart = -1;

  /** Read the cue whose timing line is `t`; return the line after it. */
  const readCue = (t: number): number => {
    let e = t + 1;
    // Cue text runs to a blank line; per spec a `-->` line ends it and starts the next cue.
    while (e < n && lineAt(e) !== '' && !lineAt(e).includes(ARROW)) e++;
    const timing = parseTiming(lineAt(t));
    const line = t + 1;
    if (!timing.ok) {
      if (timing.field) diagnostics.report('time-out-of-range', line, timing.column, { found: timing.found, field: timing.field, limit: '0–59' });
      else diagnostics.report('vtt-bad-timing', line, timing.column, { found: timing.found });
      return e;
    }
    const { start, end } = timing;
    if (end < start) {
      diagnostics.report('time-end-before-start', line, 1, { start: formatClock(start, '.'), end: formatClock(end, '.') });
      return e;
    }
    if (start < previousStart) {
      diagnostics.report('time-out-of-order', line, 1, { start: formatClock(start, '.'), previous: formatClock(previousStart, '.') });
    }
    previousStart = start;
    const { spans, timestamps } = tokenize(e === t + 2 ? lineAt(t + 1) : lines.slice(t + 1, e).join('\n'));
    const segments = cueSegments(spans, 0, start, end, line);
    if (segments.length === 0) diagnostics.report('vtt-empty-cue', line, 1);
    cues.push({ start, end, line, spans, segments, timestamps });
    return e;
  };

  while (i < n) {
    const line = lineAt(i);
    if (line === '') {
      i++;
    } else if (line.includes(ARROW) && !keywordBlock(line)) {
      i = readCue(i);
    } else if (keywordBlock(line)) {
      // Comment, style sheet or region: skipped up to a blank line or a real timing line.
      i++;
      while (i < n && lineAt(i) !== '' && !(lineAt(i).includes(ARROW) && parseTiming(lineAt(i)).ok)) i++;
    } else if (i + 1 < n && lineAt(i + 1).includes(ARROW)) {
      i = readCue(i + 1); // line i is the cue identifier
    } else {
      diagnostics.report('vtt-unknown-block', i + 1, 1, { found: excerpt(line.slice(0, 200)) });
      i++;
      while (i < n && lineAt(i) !== '' && !lineAt(i).includes(ARROW)) i++;
    }
  }

  const segments: RawSegment[] = [];
  if (!mayRoll(cues) || !isRolling(cues)) {
    for (const cue of cues) for (const s of cue.segments) segments.push(s);
  } else {
    // Show each caption line once: drop a cue's leading lines that repeat the
    // last lines already shown, and cues that repeat them entirely.
    const tail: string[] = [];
    for (const cue of cues) {
      const { lines: shown, offsets } = shownOf(cue);
      if (shown.length === 0) continue; // already reported as empty
      const k = overlap(tail, shown);
      if (k === shown.length) continue;
      for (const s of k === 0 ? cue.segments : cueSegments(cue.spans, offsets[k] ?? 0, cue.start, cue.end, cue.line)) segments.push(s);
      for (let m = k; m < shown.length; m++) tail.push(shown[m] ?? '');
      if (tail.length > ROLLING_TAIL) tail.splice(0, tail.length - ROLLING_TAIL);
    }
  }
  return title === undefined ? { segments, chapters: [] } : { segments, title, chapters: [] };
}

/** A cue's non-empty lines as a reader sees them, with their offsets in the joined span text. */
function shownLines(spans: readonly Span[]): { lines: string[]; offsets: number[] } {
  const joined = spans.length === 1 ? (spans[0]?.text ?? '') : spans.map((s) => s.text).join('');
  const lines: string[] = [];
  const offsets: number[] = [];
  let at = 0;
  for (;;) {
    const nl = joined.indexOf('\n', at);
    const shown = clean(decodeEntities(nl === -1 ? joined.slice(at) : joined.slice(at, nl)));
    if (shown.length > 0) {
      lines.push(shown);
      offsets.push(at);
    }
    if (nl === -1) break;
    at = nl + 1;
  }
  return { lines, offsets };
}

/** The largest k such that the first k lines of `lines` are the last k of `tail`. */
function overlap(tail: readonly string[], lines: readonly string[]): number {
  for (let k = Math.min(tail.length, lines.length); k > 0; k--) {
    let same = true;
    for (let m = 0; m < k && same; m++) same = lines[m] === tail[tail.length - k + m];
    if (same) return k;
  }
  return 0;
}

/**
 * Rolling captions (YouTube auto-captions and their imitators) show each line
 * twice or three times: as the new bottom line, alone in a 10 ms transition
 * cue, then as the top line of the next cue. They are recognised by
 * consecutive cues opening with the previous cue's last line, with at least
 * one two-line "roll": in at least half the pairs when inline word
 * timestamps (YouTube's karaoke timing) confirm the source, else in four
 * pairs out of five and at least three times. A speaker who says "No." twice,
 * or a dialogue that echoes a few lines, stays far below that, so ordinary
 * files are never de-duplicated.
 */
function isRolling(cues: readonly Cue[]): boolean {
  let pairs = 0;
  let repeats = 0;
  let rolls = 0;
  let timestamps = false;
  let previous: string[] | null = null;
  for (const cue of cues) {
    if (cue.timestamps) timestamps = true;
    const shown = shownOf(cue).lines;
    if (shown.length === 0) continue;
    if (previous !== null) {
      pairs++;
      if (shown[0] === previous[previous.length - 1]) {
        repeats++;
        if (shown.length >= 2) rolls++;
      }
    }
    previous = shown;
  }
  if (rolls === 0) return false;
  return timestamps ? repeats * 2 >= pairs : repeats >= 3 && repeats * 5 >= pairs * 4;
}

// --- Detection ----------------------------------------------------------------

const signatureHead = /^\s*WEBVTT(?:[ \t\n]|$)/;
// `[ \t]*` rather than `\s*` after `^` in multiline mode: `\s` would cross lines and backtrack quadratically.
const vttTimingLine = /^[ \t]*(?:\d{1,3}:)?\d{1,2}:\d{2}\.\d{1,3}[ \t]*-->[ \t]*(?:\d{1,3}:)?\d{1,2}:\d{2}\.\d{1,3}/m;

/**
 * Detection: the signature is certain. Without it, dot-fraction timing lines
 * suggest a WebVTT file that lost its first line (0.5); SRT files with numbered
 * cues score 0.95 in srt.ts and so still win.
 */
function detectWebvtt(head: string): number {
  if (signatureHead.test(head)) return 1;
  return vttTimingLine.test(head) ? 0.5 : 0;
}

export const webvtt: TranscriptFormat = {
  id: 'webvtt',
  name: 'WebVTT',
  description: 'A "WEBVTT" first line, then cues with [HH:]MM:SS.mmm --> [HH:]MM:SS.mmm timings and <v Name> voice tags; YouTube auto-captions included.',
  example:
    'WEBVTT - Allotment Diaries\n\n00:00:01.200 --> 00:00:04.000\n<v Speaker 1>Welcome back to the allotment.\n\n00:00:04.100 --> 00:00:06.500\n<v Speaker 2>The runner beans are finally up.\n',
  detect: detectWebvtt,
  parse: parseWebvtt,
};
