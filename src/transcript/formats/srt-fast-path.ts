/**
 * The SRT parser's fast path: well-formed multi-line SRT (an index line, a
 * `HH:MM:SS,mmm --> HH:MM:SS,mmm` line, text lines, a blank line) read in one
 * forward pass over char codes, with line numbers counted on the way.
 *
 * It never reports: at the first cue it cannot vouch for (odd spacing, cue
 * settings, an arrow or `>` in the text, a timing that needs a diagnostic, no
 * blank line before the next cue, a cue holding only a speaker label, the
 * one-line variant) it stops and tells
 * the general parser (srt.ts) where to take over. A cue is emitted only once
 * the next cue's timing line is confirmed, so every cue it emits has exactly
 * the boundaries, text and times the general parser would give it; the
 * equivalence is a property test (tests/transcript/srt-fast-path.test.ts).
 */
import { isSpaceCode, srtCueTextAt } from '../text.ts';
import { readClockInto, readCommonClock } from './clock.ts';
import type { ClockRead } from './clock.ts';
import { pushCue, srtClock } from './srt-segment.ts';
import type { RawSegments } from './raw-segments.ts';

/** Where the general parser takes over: a cue start (at a line start) or the end of the text. */
export interface SrtTakeover {
  offset: number;
  /** The line of `offset`. */
  line: number;
  /** The start time of the last cue read, for the out-of-order check (-1: none). */
  previousStart: number;
}

/** A cue's index and timing lines, read by `readHeader` (reused). */
interface Header {
  start: number;
  end: number;
  textStart: number;
  /** 2 with an index line, else 1. */
  lines: number;
}

const NO_TIMING = 0;
/** A timing the general parser also sees at this spot, but whose values it reports on. */
const TIMING_TO_REPORT = 1;
const TIMING_OK = 2;

const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * One plain line of cue text: words of anything but whitespace (as `\s`
 * knows it, plus NEL and the zero-width space), `<`, `{`, `&` and `>`,
 * separated by single spaces. What `srtCueTextAt` returns unchanged, with `>`
 * excluded so that no arrow hides in the text.
 */
const plainLine = /[^\s\u0085\u200b<{&>]+(?: [^\s\u0085\u200b<{&>]+)*/y;

/** Read `[digits\n]clock --> clock\n` at `p` (a line start) into `h`. */
function readHeader(s: string, p: number, clock: ClockRead, previousStart: number, h: Header): number {
  if (!isDigit(s.charCodeAt(p))) return NO_TIMING;
  let r = p + 1;
  while (isDigit(s.charCodeAt(r))) r++;
  let t = p;
  h.lines = 1;
  if (s.charCodeAt(r) === 10) {
    t = r + 1;
    h.lines = 2;
  }
  // Clocks of the common shape are read by the fast reader, others by the general one.
  if (!readCommonClock(clock, s, t, true) && !readClockInto(clock, s, t, srtClock)) return NO_TIMING;
  const start = clock.seconds;
  const a = clock.end;
  if (s.charCodeAt(a) !== 32 || s.charCodeAt(a + 1) !== 45 || s.charCodeAt(a + 2) !== 45 || s.charCodeAt(a + 3) !== 62 || s.charCodeAt(a + 4) !== 32) return NO_TIMING;
  if (!readCommonClock(clock, s, a + 5, true) && !readClockInto(clock, s, a + 5, srtClock)) return NO_TIMING;
  const end = clock.seconds;
  const endAt = clock.end;
  if (s.charCodeAt(endAt) !== 10) return NO_TIMING;
  h.start = start;
  h.end = end;
  h.textStart = endAt + 1;
  return end < start || start < previousStart ? TIMING_TO_REPORT : TIMING_OK;
}

/**
 * Read cues from the start of `s` into `segments` for as long as the file is
 * well-formed; returns where the general parser takes over.
 */
export function readWellFormedCues(s: string, segments: RawSegments, clock: ClockRead): SrtTakeover {
  const len = s.length;
  let p = 0;
  let line = 1;
  while (s.charCodeAt(p) === 10) {
    p++;
    line++;
  }
  const h: Header = { start: 0, end: 0, textStart: 0, lines: 1 };
  if (readHeader(s, p, clock, -1, h) !== TIMING_OK) return { offset: 0, line: 1, previousStart: -1 };
  let previousStart = -1;
  for (;;) {
    // The pending cue: its header is read and valid; its text is not emitted yet.
    const cue = p;
    const cueLine = line;
    const previousBefore = previousStart;
    const start = h.start;
    const end = h.end;
    const textStart = h.textStart;
    previousStart = start;
    line += h.lines;

    // Text lines up to an empty line or the end. `plain`: one line that srtCueTextAt returns as is.
    let i = textStart;
    let lineStart = i;
    let textLines = 0;
    // Spaces at either end are trimmed below, so only a run of two inside makes a line not plain.
    let plain = true;
    let afterSpace = false;
    // A plain first line (the common cue is one) is matched natively; the loop then reads any further lines.
    plainLine.lastIndex = textStart;
    if (plainLine.test(s)) {
      const e = plainLine.lastIndex;
      if (e >= len) {
        i = lineStart = e;
        textLines = 1;
      } else if (s.charCodeAt(e) === 10) {
        i = lineStart = e + 1;
        line++;
        textLines = 1;
      }
    }
    for (;;) {
      const c = s.charCodeAt(i);
      if (c === 10 || i >= len) {
        if (i === lineStart) break;
        textLines++;
        if (i >= len) break;
        i++;
        line++;
        lineStart = i;
        afterSpace = false;
        continue;
      }
      if (c === 62 /* > */) return { offset: cue, line: cueLine, previousStart: previousBefore };
      if (c === 32) {
        if (afterSpace) plain = false;
        afterSpace = true;
      } else {
        afterSpace = false;
        if (c < 33 || c === 60 /* < */ || c === 123 /* { */ || c === 38 /* & */ || (c >= 0x7f && (c === 0x7f || isSpaceCode(c)))) plain = false;
      }
      i++;
    }
    // Blank lines, then the next cue or the end.
    let next = i;
    while (s.charCodeAt(next) === 10) {
      next++;
      line++;
    }
    const found = next >= len ? TIMING_OK : readHeader(s, next, clock, previousStart, h);
    if (found === NO_TIMING) return { offset: cue, line: cueLine, previousStart: previousBefore };
    // The cue's text runs to the next cue, trimmed as the general parser trims it.
    let from = textStart;
    let to = next;
    while (to > from && s.charCodeAt(to - 1) <= 32) to--;
    while (from < to && s.charCodeAt(from) <= 32) from++;
    // A cue holding only a speaker label pushes nothing; the general parser carries the label on (and may report it).
    if (plain && textLines === 1) {
      if (typeof pushCue(segments, start, end, s, from, to, cueLine, 1) === 'object') return { offset: cue, line: cueLine, previousStart: previousBefore };
    } else {
      const text = srtCueTextAt(s, from, to);
      if (text.length === 0) return { offset: cue, line: cueLine, previousStart: previousBefore };
      if (typeof pushCue(segments, start, end, text, 0, text.length, cueLine, 1) === 'object') return { offset: cue, line: cueLine, previousStart: previousBefore };
    }
    if (next >= len) return { offset: len, line, previousStart };
    if (found === TIMING_TO_REPORT) return { offset: next, line, previousStart };
    p = next;
  }
}
