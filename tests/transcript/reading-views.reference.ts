/**
 * Reference for tests only: the straightforward reading-views builder that
 * paragraphs.ts replaced, which joins each paragraph's pieces with spaces
 * (copying them) instead of slicing one shared string. The property test in
 * reading-views.test.ts checks that both give the same turns and paragraphs.
 */
import type { Paragraph, Segment, Turn } from '../../src/transcript/schema.ts';

/** A paragraph closes at the first sentence end once it holds this many characters. */
const TARGET_CHARS = 320;
/** With no sentence end in sight, a paragraph closes at a segment boundary past this. */
const MAX_CHARS = 900;
/** A silence this long (seconds) between segments also ends a paragraph. */
const PAUSE_SECONDS = 6;

interface ReadingViews {
  turns: Turn[];
  paragraphs: Paragraph[];
}

/** Group segments into turns and paragraphs. Linear in the total text length. */
export function referenceReadingViews(segments: readonly Segment[]): ReadingViews {
  const turns: Turn[] = [];
  const paragraphs: Paragraph[] = [];
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
    splitTurn(segments, i, j, paragraphs);
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

/** Split the turn [from, to) into paragraphs, appending to `out`. */
function splitTurn(segments: readonly Segment[], from: number, to: number, out: Paragraph[]): void {
  let parts: string[] = [];
  let chars = 0;
  let firstSegment = -1;
  let start: number | null = null;
  let end: number | null = null;
  let speaker: string | null = null;

  const close = (lastSegment: number) => {
    if (parts.length === 0) return;
    out.push({
      id: `p${out.length + 1}`,
      speaker,
      start,
      end,
      text: parts.join(' '),
      kind: 'speech',
      firstSegment,
      lastSegment,
    });
    parts = [];
    chars = 0;
    firstSegment = -1;
  };
  const open = (k: number, s: Segment) => {
    firstSegment = k;
    start = s.start;
    end = s.end ?? s.start;
    speaker = s.speaker;
  };

  for (let k = from; k < to; k++) {
    const s = segments[k] as Segment;
    if (s.kind === 'sound') {
      close(k - 1);
      out.push({ id: `p${out.length + 1}`, speaker: null, start: s.start, end: s.end, text: s.text, kind: 'sound', firstSegment: k, lastSegment: k });
      continue;
    }
    if (parts.length > 0 && s.start !== null && end !== null && s.start - end >= PAUSE_SECONDS) close(k - 1);
    let text = s.text;
    // Close at sentence ends inside this segment while the paragraph is long enough.
    for (;;) {
      if (parts.length === 0) open(k, s);
      if (chars + text.length < TARGET_CHARS) break;
      const cut = sentenceEnd(text, Math.max(0, TARGET_CHARS - chars - 1));
      if (cut === -1) break;
      const head = text.slice(0, cut).trimEnd();
      const tail = text.slice(cut).trimStart();
      if (head.length > 0) parts.push(head);
      // The latest time so far, not this segment's: cues kept out of order must not end a paragraph before it starts.
      const t = s.end ?? s.start;
      if (t !== null && (end === null || t > end)) end = t;
      close(k);
      if (tail.length === 0) {
        text = '';
        break;
      }
      text = tail;
    }
    if (text.length === 0) continue;
    if (parts.length === 0) open(k, s);
    parts.push(text);
    chars += text.length + 1;
    if (s.end !== null && (end === null || s.end > end)) end = s.end;
    else if (s.start !== null && end === null) end = s.start;
    if (chars >= MAX_CHARS) close(k);
  }
  close(to - 1);
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 0xa0;
const isTerminal = (c: number) => c === 46 /* . */ || c === 33 /* ! */ || c === 63 /* ? */ || c === 0x2026 /* … */ || c === 0x3002 /* 。 */ || c === 0xff01 || c === 0xff1f;
const isCloser = (c: number) => c === 34 || c === 39 || c === 41 || c === 93 || c === 0x201d || c === 0x2019;

/**
 * Offset just past the first sentence end at or after `from` in `text`
 * (terminal punctuation, closing quotes, then a space or the end), or -1.
 * Initials and short titles (`U.S.`, `Dr.`) are not sentence ends.
 */
function sentenceEnd(text: string, from: number): number {
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
