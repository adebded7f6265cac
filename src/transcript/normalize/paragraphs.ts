/**
 * Derived reading views over the segments: speaker turns, and within each
 * turn readable paragraphs of a few sentences. Caption cues split sentences
 * anywhere, so a paragraph may begin inside a segment; it then starts at
 * that segment's time, a moment early rather than late for a deep link.
 */
import type { Paragraph, Segment, Turn } from '../schema.ts';
import { isTrimSpace } from '../text.ts';
import { joinSegmentText } from './shared-text.ts';
import type { SharedText } from './shared-text.ts';

/** A paragraph closes at the first sentence end once it holds this many characters. */
const TARGET_CHARS = 320;
/** With no sentence end in sight, a paragraph closes at a segment boundary past this. */
const MAX_CHARS = 900;
/**
 * In a transcript without sentence punctuation (automatic captions), the
 * closing length: every paragraph would otherwise run to `MAX_CHARS`, about
 * 45 s of speech, a wall to read and too coarse for a deep link to land near
 * the words it points at.
 */
export const UNPUNCTUATED_MAX_CHARS = 480;
/** A transcript is punctuated when it has at least one sentence end per this many characters. */
const CHARS_PER_SENTENCE_END = 1000;
/** A silence this long (seconds) between segments also ends a paragraph. */
const PAUSE_SECONDS = 6;

export interface ReadingViews {
  turns: Turn[];
  paragraphs: Paragraph[];
}

/**
 * Group segments into turns and paragraphs. Linear in the total text length.
 * A paragraph's text is a slice of `shared` (the segments' texts joined by
 * spaces), which is what joining its pieces with spaces would give.
 */
export function buildReadingViews(segments: readonly Segment[], shared: SharedText = joinSegmentText(segments)): ReadingViews {
  const turns: Turn[] = [];
  const paragraphs: Paragraph[] = [];
  const maxChars = isPunctuated(shared.text) ? MAX_CHARS : UNPUNCTUATED_MAX_CHARS;
  let i = 0;
  while (i < segments.length) {
    let speaker: string | null = null;
    let hasSpeech = false;
    let j = i;
    // A turn runs while the speaker stays the same; sound annotations do not break it.
    while (j < segments.length) {
      const s = segments[j] as Segment;
      if (j > i && s.newTurn) break;
      if (s.kind === 'speech') {
        if (hasSpeech && s.speaker !== speaker) break;
        speaker = s.speaker;
        hasSpeech = true;
      }
      j++;
    }
    const firstParagraph = paragraphs.length;
    splitTurn(segments, i, j, shared, maxChars, paragraphs);
    turns.push({
      speaker,
      start: firstTime(segments, i, j),
      end: lastTime(segments, i, j),
      firstSegment: i,
      lastSegment: j - 1,
      firstParagraph,
      lastParagraph: paragraphs.length - 1,
    });
    i = j;
  }
  return { turns, paragraphs };
}

function firstTime(segments: readonly Segment[], from: number, to: number): number | null {
  for (let k = from; k < to; k++) {
    const t = (segments[k] as Segment).start;
    if (t !== null) return t;
  }
  return null;
}

function lastTime(segments: readonly Segment[], from: number, to: number): number | null {
  let best: number | null = null;
  for (let k = from; k < to; k++) {
    const s = segments[k] as Segment;
    const t = s.end ?? s.start;
    if (t !== null && (best === null || t > best)) best = t;
  }
  return best;
}

/**
 * Split the turn [from, to) into paragraphs, appending to `out`. A paragraph
 * is a run of pieces: whole segment texts, or the parts of one before and
 * after a sentence end (trimmed). Pieces are tracked as offsets into
 * `shared.text`, where consecutive segments are one space apart, so the
 * paragraph's text is one slice from its first piece to its last.
 */
function splitTurn(segments: readonly Segment[], from: number, to: number, shared: SharedText, maxChars: number, out: Paragraph[]): void {
  const all = shared.text;
  // The open paragraph: its piece count, length so far (pieces plus one space each), and range in `all`.
  let pieces = 0;
  let chars = 0;
  let textFrom = 0;
  let textTo = 0;
  let firstSegment = -1;
  let start: number | null = null;
  let end: number | null = null;
  let speaker: string | null = null;

  const close = (lastSegment: number) => {
    if (pieces === 0) return;
    out.push({ id: `p${out.length + 1}`, speaker, start, end, text: all.slice(textFrom, textTo), kind: 'speech', firstSegment, lastSegment });
    pieces = 0;
    chars = 0;
    firstSegment = -1;
  };
  const open = (k: number, s: Segment) => {
    firstSegment = k;
    start = s.start;
    end = s.end ?? s.start;
    speaker = s.speaker;
  };
  /** Add the piece [a, b) of `all` to the open paragraph. */
  const add = (a: number, b: number) => {
    if (pieces === 0) textFrom = a;
    textTo = b;
    pieces++;
    chars += b - a + 1;
  };

  for (let k = from; k < to; k++) {
    const s = segments[k] as Segment;
    if (s.kind === 'sound') {
      close(k - 1);
      out.push({ id: `p${out.length + 1}`, speaker: null, start: s.start, end: s.end, text: s.text, kind: 'sound', firstSegment: k, lastSegment: k });
      continue;
    }
    if (pieces > 0 && s.start !== null && end !== null && s.start - end >= PAUSE_SECONDS) close(k - 1);
    const text = s.text;
    const base = shared.offsets[k] as number;
    // The piece of this segment still to place: text[p, text.length).
    let p = 0;
    // Close at sentence ends inside this segment while the paragraph is long enough.
    for (;;) {
      if (pieces === 0) open(k, s);
      if (chars + (text.length - p) < TARGET_CHARS) break;
      const cut = sentenceEnd(text, p + Math.max(0, TARGET_CHARS - chars - 1));
      if (cut === -1) break;
      // The head ends at the cut (a sentence end is never whitespace); the tail starts after the spaces there.
      add(base + p, base + cut);
      let tail = cut;
      while (tail < text.length && isTrimSpace(text.charCodeAt(tail))) tail++;
      // The latest time so far, not this segment's: cues kept out of order must not end a paragraph before it starts.
      const t = s.end ?? s.start;
      if (t !== null && (end === null || t > end)) end = t;
      close(k);
      p = tail;
      if (p === text.length) break;
    }
    if (p === text.length) continue;
    if (pieces === 0) open(k, s);
    add(base + p, base + text.length);
    if (s.end !== null && (end === null || s.end > end)) end = s.end;
    else if (s.start !== null && end === null) end = s.start;
    if (chars >= maxChars) close(k);
  }
  close(to - 1);
}

/** True when `text` has sentence punctuation: at least one sentence end per `CHARS_PER_SENTENCE_END` characters. Linear. */
export function isPunctuated(text: string): boolean {
  // Stops as soon as there are enough: a punctuated transcript is decided in its first tenth or so.
  const needed = Math.ceil(text.length / CHARS_PER_SENTENCE_END);
  let ends = 0;
  for (let i = 0; i < text.length && ends < needed; i++) {
    if (isTerminal(text.charCodeAt(i)) && (i + 1 === text.length || isSpace(text.charCodeAt(i + 1)))) ends++;
  }
  return ends >= needed;
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 0xa0;
const isTerminal = (c: number) => c === 46 /* . */ || c === 33 /* ! */ || c === 63 /* ? */ || c === 0x2026 /* … */ || c === 0x3002 /* 。 */ || c === 0xff01 || c === 0xff1f;
const isCloser = (c: number) => c === 34 || c === 39 || c === 41 || c === 93 || c === 0x201d || c === 0x2019;

/**
 * Offset just past the first sentence end at or after `from` in `text`
 * (terminal punctuation, closing quotes, then a space or the end), or -1.
 * Initials and short titles (`U.S.`, `Dr.`) are not sentence ends.
 */
export function sentenceEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isTerminal(c)) continue;
    let j = i + 1;
    while (j < text.length && (isTerminal(text.charCodeAt(j)) || isCloser(text.charCodeAt(j)))) j++;
    if (j < text.length && !isSpace(text.charCodeAt(j))) {
      i = j - 1;
      continue;
    }
    if (c === 46 && isAbbreviation(text, i)) {
      i = j - 1;
      continue;
    }
    return j;
  }
  return -1;
}

/** A period after a single letter (`U.S.`, `J. Smith`) or a short title (`Dr.`, `Mr.`). */
function isAbbreviation(text: string, dot: number): boolean {
  let w = dot;
  while (w > 0 && /\p{L}/u.test(text[w - 1] ?? '')) w--;
  const word = text.slice(w, dot);
  if (word.length === 1) return true;
  return word.length <= 3 && /^(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|vs|Prof)$/.test(word);
}
