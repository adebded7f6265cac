/**
 * Reference for tests only: the straightforward paragraph builder that
 * paragraphs.ts replaced. It joins each paragraph's pieces with spaces
 * (copying them) instead of slicing one shared string. Turn boundaries and
 * sentence ends are not what changed, so it takes the turns from
 * `buildReadingViews` and uses the same `sentenceEnd`. The property test in
 * reading-views.test.ts checks that both give the same paragraphs.
 */
import { UNPUNCTUATED_MAX_CHARS, isPunctuated, sentenceEnd } from '../../src/transcript/normalize/paragraphs.ts';
import type { Paragraph, Segment, Turn } from '../../src/transcript/schema.ts';

/** A paragraph closes at the first sentence end once it holds this many characters. */
const TARGET_CHARS = 320;
/** With no sentence end in sight, a paragraph closes at a segment boundary past this. */
const MAX_CHARS = 900;
/** A silence this long (seconds) between segments also ends a paragraph. */
const PAUSE_SECONDS = 6;

/** The paragraphs of `segments`, turn by turn. */
export function referenceParagraphs(segments: readonly Segment[], turns: readonly Turn[]): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  const maxChars = isPunctuated(segments.map((s) => s.text).join(' ')) ? MAX_CHARS : UNPUNCTUATED_MAX_CHARS;
  for (const turn of turns) splitTurn(segments, turn.firstSegment, turn.lastSegment + 1, maxChars, paragraphs);
  return paragraphs;
}

/** Split the turn [from, to) into paragraphs, appending to `out`. */
function splitTurn(segments: readonly Segment[], from: number, to: number, maxChars: number, out: Paragraph[]): void {
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
    if (chars >= maxChars) close(k);
  }
  close(to - 1);
}
