/**
 * SubRip (SRT) parser, including the broken variant where a whole file sits
 * on one line. Instead of splitting lines, it walks the `-->` arrows: a cue
 * boundary is `[index] <time> --> <time>` where the timing starts a line or
 * follows a cue index. Numbers and arrows inside text therefore stay text.
 * One pass, indexOf-driven, linear in the input.
 */
import type { Diagnostics } from '../diagnostics.ts';
import { excerpt } from '../diagnostics.ts';
import { isSoundAnnotation, soundLabel, srtCueText } from '../text.ts';
import { splitSpeakerLabel } from '../speaker-label.ts';
import { formatClock, readClock } from './clock.ts';
import type { RawSegment, RawTranscript, TranscriptFormat } from './types.ts';

const clockOptions = { fraction: 'optional', minFieldDigits: 1 } as const;

const isDigit = (c: number) => c >= 48 && c <= 57;
const isClockChar = (c: number) => isDigit(c) || c === 58 || c === 44 || c === 46; // 0-9 : , .
const isBlank = (c: number) => c === 32 || c === 9 || c === 0xa0;

/** A timing found in the text, before validation of its values. */
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

/**
 * Recognise a cue timing around the arrow at `arrow`, or null when the arrow
 * is just text. `multiLine` is false for the one-line variant, where a cue
 * index is required before the start time.
 */
function timingAt(s: string, arrow: number): Timing | null {
  // Start time: clock characters right before the arrow, spaces allowed.
  let i = arrow - 1;
  while (i >= 0 && isBlank(s.charCodeAt(i))) i--;
  const startEnd = i + 1;
  while (i >= 0 && isClockChar(s.charCodeAt(i))) i--;
  const startTime = i + 1;
  if (startTime >= startEnd || s.indexOf(':', startTime) >= startEnd || s.indexOf(':', startTime) === -1) return null;
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
  if (endTimeEnd === endTimeAt || s.indexOf(':', endTimeAt) === -1 || s.indexOf(':', endTimeAt) >= endTimeEnd) return null;
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
    if (digitsEnd === m + 1 || digitsEnd - (m + 1) > 9) return null;
    if (m >= 0 && !isBlank(s.charCodeAt(m)) && s.charCodeAt(m) !== 10) return null;
    if (k + 1 === startTime) return null; // index glued to the time
    cueStart = m + 1;
  }
  // In a multi-line file the rest of the timing line (cue settings) is not text.
  let textStart = endTimeEnd;
  const lineEnd = s.indexOf('\n', endTimeEnd);
  if (atLineStart && lineEnd !== -1) {
    const rest = s.slice(endTimeEnd, lineEnd);
    // Cue settings (`X1:…`, `align:…`) never contain a following cue's arrow.
    if (rest.indexOf('-->') === -1) textStart = lineEnd + 1;
  }
  return { cueStart, startTime, startTimeEnd: startEnd, arrow, textStart, endTimeAt, endTimeEnd, negative };
}

/** Incremental line/column for increasing offsets: each newline is counted once. */
class LineCounter {
  private line = 1;
  private lineStart = 0;
  private nextNewline: number;
  private readonly s: string;
  constructor(s: string) {
    this.s = s;
    this.nextNewline = s.indexOf('\n');
  }
  at(offset: number): { line: number; column: number } {
    while (this.nextNewline !== -1 && this.nextNewline < offset) {
      this.line++;
      this.lineStart = this.nextNewline + 1;
      this.nextNewline = this.s.indexOf('\n', this.lineStart);
    }
    return { line: this.line, column: offset - this.lineStart + 1 };
  }
}

function parseSrt(s: string, diagnostics: Diagnostics): RawTranscript {
  const segments: RawSegment[] = [];
  const lines = new LineCounter(s);
  let previous: Timing | null = null;
  let previousStart = -1;
  let previousPos = { line: 1, column: 1 };
  let valid = { ok: false, start: 0, end: 0 };

  const flush = (timing: Timing | null, textEnd: number) => {
    if (timing === null) {
      const orphan = s.slice(0, textEnd).trim();
      if (orphan.length > 0) {
        let first = 0;
        while (first < textEnd && s.charCodeAt(first) <= 32) first++;
        const at = lines.at(first);
        diagnostics.report('srt-cue-without-timing', at.line, at.column, { found: excerpt(orphan) });
      }
      return;
    }
    if (!valid.ok) return;
    // Trim the blank lines before the next cue here: a tidy slice needs no folding.
    let end = textEnd;
    while (end > timing.textStart && s.charCodeAt(end - 1) <= 32) end--;
    let begin = timing.textStart;
    while (begin < end && s.charCodeAt(begin) <= 32) begin++;
    const text = srtCueText(s.slice(begin, end));
    if (text.length === 0) {
      diagnostics.report('srt-empty-cue', previousPos.line, previousPos.column);
      return;
    }
    pushSegment(segments, valid.start, valid.end, text, previousPos.line, previousPos.column);
  };

  let from = 0;
  for (;;) {
    const arrow = s.indexOf('-->', from);
    if (arrow === -1) break;
    from = arrow + 3;
    const timing = timingAt(s, arrow);
    if (timing === null || (previous !== null && timing.cueStart < previous.textStart)) continue;
    flush(previous, timing.cueStart);
    const pos = lines.at(timing.cueStart);
    previous = timing;
    previousPos = pos;
    valid = validate(s, timing, pos, previousStart, diagnostics);
    if (valid.ok) previousStart = valid.start;
    from = Math.max(from, timing.endTimeEnd);
  }
  flush(previous, s.length);
  return { segments, chapters: [] };
}

/** Read and check a timing's two clocks; report and mark invalid on failure. */
function validate(
  s: string,
  t: Timing,
  pos: { line: number; column: number },
  previousStart: number,
  diagnostics: Diagnostics,
): { ok: boolean; start: number; end: number } {
  const bad = { ok: false, start: 0, end: 0 };
  const expected = 'HH:MM:SS,mmm';
  const start = readClock(s, t.startTime, clockOptions);
  const end = readClock(s, t.endTimeAt, clockOptions);
  const startText = s.slice(t.negative ? t.startTime - 1 : t.startTime, t.arrow).trim();
  const endText = s.slice(t.endTimeAt, t.endTimeEnd);
  if (t.negative || endText.startsWith('-')) {
    diagnostics.report('time-invalid', pos.line, pos.column, { found: excerpt(t.negative ? startText : endText), expected: `${expected} (times cannot be negative)` });
    return bad;
  }
  for (const [r, text] of [
    [start, startText],
    [end, endText],
  ] as const) {
    if (!r.ok) {
      if (r.reason === 'range') diagnostics.report('time-out-of-range', pos.line, pos.column, { found: excerpt(text), field: r.field ?? 'a field', limit: '0–59' });
      else diagnostics.report('time-invalid', pos.line, pos.column, { found: excerpt(text), expected });
      return bad;
    }
    if (r.end !== (r === start ? t.startTimeEnd : t.endTimeEnd)) {
      diagnostics.report('time-invalid', pos.line, pos.column, { found: excerpt(text), expected });
      return bad;
    }
  }
  if (!start.ok || !end.ok) return bad;
  if (end.seconds < start.seconds) {
    diagnostics.report('time-end-before-start', pos.line, pos.column, { start: formatClock(start.seconds, ','), end: formatClock(end.seconds, ',') });
    return bad;
  }
  if (start.seconds < previousStart) {
    diagnostics.report('time-out-of-order', pos.line, pos.column, { start: formatClock(start.seconds, ','), previous: formatClock(previousStart, ',') });
  }
  return { ok: true, start: start.seconds, end: end.seconds };
}

function pushSegment(segments: RawSegment[], start: number, end: number, text: string, line: number, column: number): void {
  if (isSoundAnnotation(text)) {
    segments.push({ start, end, label: null, text: soundLabel(text), kind: 'sound', line, column });
    return;
  }
  const split = splitSpeakerLabel(text);
  if (split && split.rest.length > 0) {
    segments.push({ start, end, label: split.label, text: split.rest, kind: 'speech', line, column });
  } else {
    segments.push({ start, end, label: null, text, kind: 'speech', line, column });
  }
}

/** Detection: `-->` timings with SRT-style clocks, and no WebVTT signature. */
function detectSrt(head: string): number {
  if (/^\s*WEBVTT/.test(head)) return 0;
  const timing = /(?:^|\s)\d{1,9}\s+\d{1,3}:\d{1,2}:\d{1,2}(?:[,.]\d{1,3})?\s*-->\s*\d{1,3}:\d{1,2}:\d{1,2}/;
  if (timing.test(head)) return 0.95;
  // Cues without numbers: timing lines at line starts with comma fractions.
  if (/^\d{1,3}:\d{1,2}:\d{1,2},\d{1,3}\s*-->/m.test(head)) return 0.9;
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
