/**
 * Caption-token parser: the YouTube-style caption dump with one word per
 * line (most after a leading space), blank lines between caption lines, `>>`
 * where the speaker changes, bracketed sound annotations (`[music]`) and
 * censored words (`[ __ ]`, the spaces being NBSPs). No times, no names.
 *
 * Segments keep the source's boundaries: one segment per caption line (the
 * tokens between runs of blank lines), tokens joined by single spaces. Two
 * exceptions keep turns and text clean: a `>>` inside a caption line splits
 * it there (the part after it starts a new turn), and a sound annotation
 * among words becomes a sound segment of its own between the speech parts.
 * A file with no blank lines between tokens falls back on the leading
 * spaces: a line that starts without one begins a new caption line.
 *
 * Words are kept exactly as written (no entity decoding, no capitals or
 * punctuation added); tokens that are only punctuation (`,`) or a contraction
 * tail (`n't`, `'s`) are glued to the word before. A censored word is the
 * speech word `[__]`. One pass over the lines, indexOf-driven, linear.
 */
import type { Diagnostics } from '../diagnostics.ts';
import { isSoundAnnotation, soundLabel } from '../text.ts';
import { RawSegments } from './raw-segments.ts';
import type { RawTranscript, TranscriptFormat } from './types.ts';

/** Spaces that separate tokens: ASCII blanks, NEL, NBSP and the other Unicode spaces (as text.ts `isSpaceCode`). */
const isSpace = (c: number) =>
  c === 32 ||
  (c >= 9 && c <= 13) ||
  c === 0x85 ||
  c === 0xa0 ||
  c === 0x1680 ||
  (c >= 0x2000 && c <= 0x200b) ||
  c === 0x2028 ||
  c === 0x2029 ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x3000 ||
  c === 0xfeff;

const GT = 62; // >
const OPEN = 91; // [
const CLOSE = 93; // ]

/** The text a censored word (`[ __ ]`, `[__]`) becomes: one speech word. */
export const CENSORED = '[__]';

/** How many tokens after a lone `[` may still close a bracket group (`[ __ ]`, `[upbeat music]`). */
const GROUP_LOOKAHEAD = 8;

/** One whitespace-separated token of a source line. */
interface Piece {
  text: string;
  line: number;
  column: number;
}

const punctuationOnly = /^[,.!?;:…]+$/;
const contractionTail = /^(?:n['’]t|['’](?:s|re|ll|ve|d|m|t))$/i;
const censored = /^\[[\s\u00a0]*_+[\s\u00a0]*\]$/;

/** True when some blank line sits between two lines that hold tokens. */
function hasBlankSeparators(s: string): boolean {
  let seenToken = false;
  let blankAfterToken = false;
  let pos = 0;
  while (pos <= s.length) {
    let end = s.indexOf('\n', pos);
    if (end === -1) end = s.length;
    let i = pos;
    while (i < end && isSpace(s.charCodeAt(i))) i++;
    if (i === end) {
      if (seenToken) blankAfterToken = true;
    } else {
      if (blankAfterToken) return true;
      seenToken = true;
    }
    pos = end + 1;
  }
  return false;
}

/** Collects segments across caption lines; a `>>` turn carries to the next segment. */
class Builder {
  readonly segments = new RawSegments();
  markers = 0;
  words = 0;
  private pendingTurn = false;
  private buffer: string[] = [];
  private first: Piece | null = null;

  marker(): void {
    this.closeSpeech();
    this.pendingTurn = true;
    this.markers++;
  }

  word(text: string, at: Piece): void {
    const last = this.buffer.length - 1;
    if (last >= 0 && (punctuationOnly.test(text) || contractionTail.test(text))) {
      this.buffer[last] += text;
      return;
    }
    if (this.first === null) this.first = at;
    this.buffer.push(text);
    this.words++;
  }

  sound(label: string, at: Piece): void {
    this.closeSpeech();
    this.push(label, 'sound', at);
  }

  closeSpeech(): void {
    if (this.first === null) return;
    this.push(this.buffer.join(' '), 'speech', this.first);
    this.buffer = [];
    this.first = null;
  }

  private push(text: string, kind: 'speech' | 'sound', at: Piece): void {
    this.segments.push(null, null, null, text, kind, at.line, at.column, this.pendingTurn);
    this.pendingTurn = false;
  }
}

/** Turn one caption line's tokens into segments. */
function flushCaption(pieces: Piece[], out: Builder): void {
  for (let k = 0; k < pieces.length; k++) {
    const piece = pieces[k] as Piece;
    let at = piece;
    let text = piece.text;
    if (text.charCodeAt(0) === GT && text.charCodeAt(1) === GT) {
      let m = 2;
      while (m < text.length && text.charCodeAt(m) === GT) m++;
      out.marker();
      if (m === text.length) continue;
      text = text.slice(m); // `>>word`: the word follows the marker
      at = { text, line: piece.line, column: piece.column + m };
    }
    if (text.charCodeAt(0) === OPEN) {
      const groupEnd = bracketGroupEnd(pieces, k, text);
      if (groupEnd !== -1) {
        let group = text;
        for (let j = k + 1; j <= groupEnd; j++) group += ` ${(pieces[j] as Piece).text}`;
        if (censored.test(group)) {
          out.word(CENSORED, at);
          k = groupEnd;
          continue;
        }
        if (isSoundAnnotation(group)) {
          out.sound(soundLabel(group), at);
          k = groupEnd;
          continue;
        }
      }
    }
    out.word(text, at);
  }
  out.closeSpeech();
}

/**
 * Index of the token that closes the bracket group opened by `text` (the
 * token at `k`), or -1: `[music]` closes itself, `[ __ ]` closes a few tokens on.
 */
function bracketGroupEnd(pieces: Piece[], k: number, text: string): number {
  const close = text.indexOf(']');
  if (close !== -1) return close === text.length - 1 && text.indexOf('[', 1) === -1 ? k : -1;
  if (text.indexOf('[', 1) !== -1) return -1;
  const limit = Math.min(pieces.length - 1, k + GROUP_LOOKAHEAD);
  for (let j = k + 1; j <= limit; j++) {
    const t = (pieces[j] as Piece).text;
    if (t.indexOf('[') !== -1 || (t.charCodeAt(0) === GT && t.charCodeAt(1) === GT)) return -1;
    const c = t.indexOf(']');
    if (c !== -1) return c === t.length - 1 ? j : -1;
  }
  return -1;
}

function parseCaptionTokens(s: string, diagnostics: Diagnostics): RawTranscript {
  const out = new Builder();
  const blankSeparated = hasBlankSeparators(s);
  let caption: Piece[] = [];
  let line = 0;
  let pos = 0;
  while (pos <= s.length) {
    let end = s.indexOf('\n', pos);
    if (end === -1) end = s.length;
    line++;
    let i = pos;
    while (i < end && isSpace(s.charCodeAt(i))) i++;
    if (i === end) {
      // A blank line ends the caption line.
      if (caption.length > 0) {
        flushCaption(caption, out);
        caption = [];
      }
    } else {
      // Without blank lines, a token line with no leading space starts a caption line.
      if (!blankSeparated && i === pos && caption.length > 0) {
        flushCaption(caption, out);
        caption = [];
      }
      while (i < end) {
        const startAt = i;
        while (i < end && !isSpace(s.charCodeAt(i))) i++;
        caption.push({ text: s.slice(startAt, i), line, column: startAt - pos + 1 });
        while (i < end && isSpace(s.charCodeAt(i))) i++;
      }
    }
    pos = end + 1;
  }
  if (caption.length > 0) flushCaption(caption, out);
  if (out.words === 0 && out.markers > 0) {
    diagnostics.report('tokens-no-words', 1, 1);
    return { segments: [], labels: [], chapters: [] };
  }
  return out.segments.transcript({ chapters: [] });
}

/** Markdown, bullet or table syntax at a line start (after its indent). */
function isStructured(s: string, i: number, end: number): boolean {
  const c = s.charCodeAt(i);
  const next = i + 1 < end ? s.charCodeAt(i + 1) : -1;
  if (c === 35 /* # */) return next === 35 || next === 32 || next === 9;
  if (c === 45 /* - */ || c === 42 /* * */ || c === 43 /* + */) return (next === 32 || next === 9 || next === c || (c === 42 && next !== -1)) && i + 2 < end;
  if (c === 62 /* > */) return next !== GT;
  if (c === 96 /* ` */ || c === 124 /* | */) return true;
  if (c >= 48 && c <= 57) {
    let j = i;
    while (j < end && s.charCodeAt(j) >= 48 && s.charCodeAt(j) <= 57) j++;
    const d = s.charCodeAt(j);
    return (d === 46 || d === 41) && j + 1 < end && isSpace(s.charCodeAt(j + 1));
  }
  return false;
}

/**
 * Detection: mostly one- or two-token lines, with blank lines, `>>` markers,
 * bracketed annotations or leading-space tokens as evidence; no timing
 * arrows, no WebVTT signature, no front matter, no Markdown structure.
 */
function detectCaptionTokens(head: string): number {
  if (head.indexOf('-->') !== -1) return 0;
  let nonBlank = 0;
  let blank = 0;
  let short = 0;
  let markers = 0;
  let markerOnly = 0;
  let brackets = 0;
  let leading = 0;
  let structured = 0;
  let pos = 0;
  while (pos <= head.length) {
    let end = head.indexOf('\n', pos);
    if (end === -1) end = head.length;
    let i = pos;
    while (i < end && isSpace(head.charCodeAt(i))) i++;
    if (i === end) {
      blank++;
      pos = end + 1;
      continue;
    }
    if (nonBlank === 0 && (head.startsWith('WEBVTT', i) || head.startsWith('---', i) || head.startsWith('+++', i))) return 0;
    nonBlank++;
    if (i > pos) leading++;
    let j = i;
    if (head.charCodeAt(i) === GT && head.charCodeAt(i + 1) === GT) {
      markers++;
      j = i + 2;
      while (j < end && head.charCodeAt(j) === GT) j++;
      while (j < end && isSpace(head.charCodeAt(j))) j++;
    } else if (isStructured(head, i, end)) {
      if (i === pos && head.charCodeAt(i) === 35) return 0; // a Markdown heading
      structured++;
    }
    let e = end;
    while (e > j && isSpace(head.charCodeAt(e - 1))) e--;
    if (j === e) {
      markerOnly++;
      short++;
    } else if (head.charCodeAt(j) === OPEN && head.charCodeAt(e - 1) === CLOSE && e - j <= 44) {
      brackets++;
      short++;
    } else if (countTokens(head, j, e, 3) <= 2) {
      short++;
    }
    pos = end + 1;
  }
  if (nonBlank === 0 || structured * 50 > nonBlank) return 0;
  if (markerOnly === nonBlank) return 0.6; // only `>>` markers: nothing else claims this
  const ratio = short / nonBlank;
  const evidence = markers > 0 || brackets > 0 || leading * 4 >= nonBlank;
  if (nonBlank >= 20 && ratio >= 0.85 && (blank > 0 || evidence)) return markers > 0 || brackets > 0 ? 0.9 : 0.8;
  if (nonBlank >= 4 && ratio >= 0.9 && evidence && (blank > 0 || markers > 0)) return 0.6;
  return 0;
}

/** Tokens in s[from, to), counting no further than `max`. */
function countTokens(s: string, from: number, to: number, max: number): number {
  let n = 0;
  let i = from;
  while (i < to && n < max) {
    while (i < to && isSpace(s.charCodeAt(i))) i++;
    if (i === to) break;
    n++;
    while (i < to && !isSpace(s.charCodeAt(i))) i++;
  }
  return n;
}

export const captionTokens: TranscriptFormat = {
  id: 'caption-tokens',
  name: 'Caption tokens',
  description: 'A YouTube-style caption dump: one word per line, blank lines between caption lines, ">>" at speaker changes, [music] and other bracketed sounds, no times or names.',
  example: 'so\n what\n got\n you\n\n\ninto\n baking?\n\n\n>> I\n started\n with\n\n\n[laughter]\n\n\nsourdough\n',
  detect: detectCaptionTokens,
  parse: parseCaptionTokens,
};
