/**
 * SubRip (SRT) parser, including the broken variant where a whole file sits
 * on one line. Instead of splitting lines, it walks the `-->` arrows: a cue
 * boundary is `[index] <time> --> <time>` where the timing starts a line or
 * follows a cue index. Numbers and arrows inside text therefore stay text.
 * One pass, indexOf-driven, linear in the input.
 */
import type { Diagnostics } from '../diagnostics.ts';
import { excerpt } from '../diagnostics.ts';
import { srtCueTextAt } from '../text.ts';
import { clockFieldLimit, clockRead, formatClock, readClockInto } from './clock.ts';
import type { ClockRead } from './clock.ts';
import { readWellFormedCues } from './srt-fast-path.ts';
import type { SrtTakeover } from './srt-fast-path.ts';
import { pushCue, srtClock as clockOptions } from './srt-segment.ts';
import { RawSegments } from './raw-segments.ts';
import type { RawLabel, RawTranscript, TranscriptFormat } from './types.ts';

const isDigit = (c: number) => c >= 48 && c <= 57;
const isClockChar = (c: number) => isDigit(c) || c === 58 || c === 44 || c === 46; // 0-9 : , .
const isBlank = (c: number) => c === 32 || c === 9 || c === 0xa0;

/** A timing found in the text, before validation of its values. One is reused for every arrow. */
interface Timing {
  /** Where the cue begins: its index if any, else its start time. */
  cueStart: number;
  startTime: number;
  /** Just past the start time's last clock character. */
  startTimeEnd: number;
  arrow: number;
  /** Just past the end time (and any cue settings up to the line end, in multi-line files). */
  textStart: number;
  endTimeAt: number;
  endTimeEnd: number;
  negative: boolean;
}

/** True when `s` holds a colon in [from, to). */
function hasColon(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (s.charCodeAt(i) === 58) return true;
  return false;
}

/**
 * Recognise a cue timing around the arrow at `arrow` into `t`, or return
 * false when the arrow is just text. In the one-line variant (the timing
 * does not start a line) a cue index is required before the start time.
 */
function timingAt(s: string, arrow: number, t: Timing): boolean {
  // Start time: clock characters right before the arrow, spaces allowed.
  let i = arrow - 1;
  while (i >= 0 && isBlank(s.charCodeAt(i))) i--;
  const startEnd = i + 1;
  while (i >= 0 && isClockChar(s.charCodeAt(i))) i--;
  const startTime = i + 1;
  if (startTime >= startEnd || !hasColon(s, startTime, startEnd)) return false;
  let negative = false;
  if (i >= 0 && s.charCodeAt(i) === 45 /* - */) {
    negative = true;
    i--;
  }
  // End time: clock characters after the arrow.
  let j = arrow + 3;
  while (j < s.length && isBlank(s.charCodeAt(j))) j++;
  const endTimeAt = j;
  if (j < s.length && s.charCodeAt(j) === 45) j++; // a negative end time is still a timing, reported later
  while (j < s.length && isClockChar(s.charCodeAt(j))) j++;
  const endTimeEnd = j;
  if (endTimeEnd === endTimeAt || !hasColon(s, endTimeAt, endTimeEnd)) return false;
  // What precedes the start time decides: a line start, or a cue index.
  let k = i;
  while (k >= 0 && isBlank(s.charCodeAt(k))) k--;
  const atLineStart = k < 0 || s.charCodeAt(k) === 10;
  let cueStart = negative ? startTime - 1 : startTime;
  if (atLineStart) {
    // Multi-line SRT: the index, if any, is alone on the line above.
    if (k >= 0) {
      let m = k - 1;
      while (m >= 0 && isBlank(s.charCodeAt(m))) m--;
      const digitsEnd = m + 1;
      while (m >= 0 && isDigit(s.charCodeAt(m))) m--;
      let n = m;
      while (n >= 0 && isBlank(s.charCodeAt(n))) n--;
      if (digitsEnd > m + 1 && (n < 0 || s.charCodeAt(n) === 10)) cueStart = m + 1;
    }
  } else {
    // One-line SRT: require `<digits>` preceded by whitespace or the file start.
    const digitsEnd = k + 1;
    let m = k;
    while (m >= 0 && isDigit(s.charCodeAt(m))) m--;
    if (digitsEnd === m + 1 || digitsEnd - (m + 1) > 9) return false;
    if (m >= 0 && !isBlank(s.charCodeAt(m)) && s.charCodeAt(m) !== 10) return false;
    if (k + 1 === startTime) return false; // index glued to the time
    cueStart = m + 1;
  }
  // In a multi-line file the rest of the timing line (cue settings) is not text.
  // (Looked up only at a line start: a one-line file has no line end to find.)
  let textStart = endTimeEnd;
  if (atLineStart) {
    const lineEnd = s.indexOf('\n', endTimeEnd);
    // Cue settings (`X1:…`, `align:…`) never contain a following cue's arrow.
    const next = lineEnd === -1 ? -1 : s.indexOf('-->', endTimeEnd);
    if (lineEnd !== -1 && (next === -1 || next > lineEnd)) textStart = lineEnd + 1;
  }
  t.cueStart = cueStart;
  t.startTime = startTime;
  t.startTimeEnd = startEnd;
  t.arrow = arrow;
  t.textStart = textStart;
  t.endTimeAt = endTimeAt;
  t.endTimeEnd = endTimeEnd;
  t.negative = negative;
  return true;
}

/** Incremental line/column for increasing offsets: each newline is counted once. */
class LineCounter {
  /** Line of the last offset passed to `at`. */
  line = 1;
  private lineStart = 0;
  private nextNewline: number;
  private readonly s: string;
  /** Count from `offset`, a line start on line `line`. */
  constructor(s: string, offset = 0, line = 1) {
    this.s = s;
    this.line = line;
    this.lineStart = offset;
    this.nextNewline = s.indexOf('\n', offset);
  }
  /** Move to `offset`; returns its column (its line is then `this.line`). */
  at(offset: number): number {
    while (this.nextNewline !== -1 && this.nextNewline < offset) {
      this.line++;
      this.lineStart = this.nextNewline + 1;
      this.nextNewline = this.s.indexOf('\n', this.lineStart);
    }
    return offset - this.lineStart + 1;
  }
}

/** The checked times of the current cue (reused). */
interface CueTimes {
  ok: boolean;
  start: number;
  end: number;
}

/** Parse SRT text; `fastPath: false` runs the general parser alone (the tests compare the two). */
export function parseSrt(s: string, diagnostics: Diagnostics, options: { fastPath?: boolean } = {}): RawTranscript {
  const segments = new RawSegments();
  const clock = clockRead();
  const takeover: SrtTakeover = options.fastPath === false ? { offset: 0, line: 1, previousStart: -1 } : readWellFormedCues(s, segments, clock);
  parseFrom(s, takeover, segments, clock, diagnostics);
  return segments.transcript({ chapters: [] });
}

/**
 * The general parser, from `at.offset` (the file start, or where the fast
 * path stopped: a cue start or the end of the text) to the end.
 */
function parseFrom(s: string, at: SrtTakeover, segments: RawSegments, clock: ClockRead, diagnostics: Diagnostics): void {
  const lines = new LineCounter(s, at.offset, at.line);
  const timing: Timing = { cueStart: 0, startTime: 0, startTimeEnd: 0, arrow: 0, textStart: 0, endTimeAt: 0, endTimeEnd: 0, negative: false };
  const times: CueTimes = { ok: false, start: 0, end: 0 };
  // The cue being read: where its text starts (-1 before the first timing) and where it was found.
  let textStart = -1;
  let line = 1;
  let column = 1;
  // Where its timing starts, for the problems found in its text.
  let timingLine = 1;
  let timingCol = 1;
  let previousStart = at.previousStart;

  /** Close the cue whose text runs to `textEnd` (or, before the first timing, report stray text). */
  const flush = (textEnd: number) => {
    if (textStart === -1) {
      const orphan = s.slice(at.offset, textEnd).trim();
      if (orphan.length > 0) {
        let first = at.offset;
        while (first < textEnd && s.charCodeAt(first) <= 32) first++;
        const firstColumn = lines.at(first);
        diagnostics.report('srt-cue-without-timing', lines.line, firstColumn, { found: excerpt(orphan) });
      }
      return;
    }
    if (!times.ok) return;
    // Trim the blank lines before the next cue here: a tidy slice needs no folding.
    let end = textEnd;
    while (end > textStart && s.charCodeAt(end - 1) <= 32) end--;
    let begin = textStart;
    while (begin < end && s.charCodeAt(begin) <= 32) begin++;
    const text = srtCueTextAt(s, begin, end);
    if (text.length === 0) {
      diagnostics.report('srt-empty-cue', timingLine, timingCol);
      return;
    }
    const read = pushCue(segments, times.start, times.end, text, 0, text.length, line, column);
    if (typeof read === 'object') {
      // Only a label: it names the words of the next cue that has none of its own.
      dropPending('the next cue has a label of its own');
      const labelColumn = lines.at(begin);
      pending = { label: read, line: lines.line, column: labelColumn };
    } else if (pending !== null && read === 'unlabelled') {
      segments.labels[segments.length - 1] = pending.label;
      pending = null;
    } else if (read === 'labelled') {
      dropPending('the next cue has a label of its own');
    }
  };
  /** A label-only cue still waiting for words (sounds pass it by): where it was. */
  let pending: { label: RawLabel; line: number; column: number } | null = null;
  const dropPending = (next: string) => {
    if (pending === null) return;
    diagnostics.report('srt-label-only-cue', pending.line, pending.column, { label: excerpt(pending.label.raw), next });
    pending = null;
  };

  let from = at.offset;
  for (;;) {
    const arrow = s.indexOf('-->', from);
    if (arrow === -1) break;
    from = arrow + 3;
    if (!timingAt(s, arrow, timing) || (textStart !== -1 && timing.cueStart < textStart)) continue;
    flush(timing.cueStart);
    column = lines.at(timing.cueStart);
    line = lines.line;
    textStart = timing.textStart;
    // Timing problems are reported on the timing line (below the cue number, or the same line in a one-line file).
    const timingColumn = lines.at(timing.negative ? timing.startTime - 1 : timing.startTime);
    if (validate(s, timing, clock, times, lines.line, timingColumn, previousStart, diagnostics)) previousStart = times.start;
    timingLine = lines.line;
    timingCol = timingColumn;
    from = Math.max(from, timing.endTimeEnd);
  }
  flush(s.length);
  dropPending('no cue with words follows');
}

const expected = 'HH:MM:SS,mmm';

/**
 * Read and check a timing's two clocks into `times`; report and mark invalid
 * on failure. `line` and `column` are where the timing starts; a bad end
 * time is reported at its own column (a timing never spans lines).
 */
function validate(
  s: string,
  t: Timing,
  clock: ClockRead,
  times: CueTimes,
  line: number,
  column: number,
  previousStart: number,
  diagnostics: Diagnostics,
): boolean {
  times.ok = false;
  const endColumn = column + (t.endTimeAt - (t.negative ? t.startTime - 1 : t.startTime));
  // The clocks as written, quoted only when something is wrong.
  const startText = () => s.slice(t.negative ? t.startTime - 1 : t.startTime, t.arrow).trim();
  const endText = () => s.slice(t.endTimeAt, t.endTimeEnd);
  if (t.negative || s.charCodeAt(t.endTimeAt) === 45 /* - */) {
    diagnostics.report('time-invalid', line, t.negative ? column : endColumn, { found: excerpt(t.negative ? startText() : endText()), expected: `${expected} (times cannot be negative)` });
    return false;
  }
  if (!readClockInto(clock, s, t.startTime, clockOptions)) return clockFailure(clock, startText(), line, column, diagnostics);
  if (clock.end !== t.startTimeEnd) return clockFailure(null, startText(), line, column, diagnostics);
  const start = clock.seconds;
  if (!readClockInto(clock, s, t.endTimeAt, clockOptions)) return clockFailure(clock, endText(), line, endColumn, diagnostics);
  if (clock.end !== t.endTimeEnd) return clockFailure(null, endText(), line, endColumn, diagnostics);
  const end = clock.seconds;
  if (end < start) {
    diagnostics.report('time-end-before-start', line, column, { start: formatClock(start, ','), end: formatClock(end, ',') });
    return false;
  }
  if (start < previousStart) {
    diagnostics.report('time-out-of-order', line, column, { start: formatClock(start, ','), previous: formatClock(previousStart, ',') });
  }
  times.ok = true;
  times.start = start;
  times.end = end;
  return true;
}

/** Report a clock that failed to read (`clock`), or that read but left characters over (`clock` null). */
function clockFailure(clock: ClockRead | null, text: string, line: number, column: number, diagnostics: Diagnostics): false {
  if (clock?.reason === 'range') diagnostics.report('time-out-of-range', line, column, { found: excerpt(text), field: clock.field ?? 'a field', limit: clockFieldLimit(clock.field) });
  else diagnostics.report('time-invalid', line, column, { found: excerpt(text), expected });
  return false;
}

/** Detection: `-->` timings with SRT-style clocks, and no WebVTT signature. */
function detectSrt(head: string): number {
  if (/^\s*WEBVTT/.test(head)) return 0;
  // Hours may have any number of digits (clock.ts); six cover every real file.
  const timing = /(?:^|\s)\d{1,9}\s+\d{1,6}:\d{1,2}:\d{1,2}(?:[,.]\d{1,3})?\s*-->\s*\d{1,6}:\d{1,2}:\d{1,2}/;
  if (timing.test(head)) return 0.95;
  // Cues without numbers: timing lines at line starts with comma fractions.
  if (/^\d{1,6}:\d{1,2}:\d{1,2},\d{1,3}\s*-->/m.test(head)) return 0.9;
  return 0;
}

export const srt: TranscriptFormat = {
  id: 'srt',
  name: 'SubRip (SRT)',
  description: 'Numbered cues with HH:MM:SS,mmm --> HH:MM:SS,mmm timings and "Speaker N:" labels; also the broken one-line variant.',
  example: '1\n00:00:02,440 --> 00:00:05,100\nSpeaker 1: Welcome back to the show.\n\n2\n00:00:05,100 --> 00:00:07,000\nSpeaker 2: Glad to be here.\n',
  detect: detectSrt,
  parse: parseSrt,
};
