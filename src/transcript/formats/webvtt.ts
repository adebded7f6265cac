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
 *   no fraction and one-digit minutes or seconds are read without complaint.
 *   Hours have any number of digits, as in the spec (HLS writes
 *   `1088:43:01.350`), but a value over MAX_CLOCK_HOURS (clock.ts) is
 *   time-out-of-range, like minutes or seconds over 59 (the spec calls those
 *   a syntax error); either way the cue is dropped.
 * - A cue that ends before it starts is dropped (time-end-before-start); the
 *   spec's parser keeps it.
 * - Unvoiced text starting with a speaker label (`Speaker 1:`) is read as that
 *   speaker, and a whole-cue bracketed sound (`[Music]`) as a sound segment.
 * - NUL becomes U+FFFD as the spec says, when the file is decoded
 *   (source-text.ts, with a vtt-nul-replaced warning); other control
 *   characters, which the spec keeps, are removed there.
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
 *
 * Speed: cues in the common shape (plain text under at most one leading
 * voice) are read by `fastCues`, a single forward scan that hands every
 * other cue to the general reader above; both give the same transcript
 * and diagnostics (tests/transcript/webvtt-fast-path.property.test.ts).
 */
import { Diagnostics, excerpt } from '../diagnostics.ts';
import { decodeEntities, foldWhitespace, isSoundAnnotation, isSpaceCode, soundLabel } from '../text.ts';
import { normalizeLabelName, splitSpeakerLabel } from '../speaker-label.ts';
import { clockFieldLimit, clockRead, formatClock, readClockInto, readCommonClock } from './clock.ts';
import type { ClockRead } from './clock.ts';
import { PrefixCache } from '../prefix-cache.ts';
import { RawSegments } from './raw-segments.ts';
import type { RawLabel, RawSegment, RawTranscript, TranscriptFormat } from './types.ts';

const clockOptions = { fraction: 'optional', minFieldDigits: 1 } as const;

const ARROW = '-->';
const isDigit = (c: number) => c >= 48 && c <= 57;
/** The spec's ASCII whitespace (tab, LF, FF, CR, space). */
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 12 || c === 13;
/** Past the spaces at `from`, stopping at `to`. */
const skipSpaces = (s: string, from: number, to = s.length) => {
  let i = from;
  while (i < to && isSpace(s.charCodeAt(i))) i++;
  return i;
};

/** Controls that are not whitespace; decoding `&#1;` can bring them back after the source was cleaned. */
const controls = /[\u0000-\u0008\u000e-\u001f\u007f]/g;

/** True when `text` holds a control character that `clean` drops. */
function hasControls(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 ? c <= 8 || c >= 14 : c === 0x7f) return true;
  }
  return false;
}

/**
 * Text that `clean` returns unchanged: words (no whitespace, NEL, zero-width
 * space or controls) separated by single spaces. One regex test is cheaper
 * than the two char loops of the general case.
 */
const cleanAlready = /^[^\s\u0085\u200b\u0000-\u0008\u000e-\u001f\u007f]+(?: [^\s\u0085\u200b\u0000-\u0008\u000e-\u001f\u007f]+)*$/;

/** Plain text as shown: entities already decoded, controls dropped, whitespace folded. */
const clean = (text: string) =>
  text.length === 0 || cleanAlready.test(text) ? text : foldWhitespace(hasControls(text) ? text.replace(controls, '') : text);

/** How many of the most recent shown lines rolling-caption de-duplication compares against. */
const ROLLING_TAIL = 3;

// --- Timing lines -----------------------------------------------------------

/** A timing line as read: the cue's times, or what to report. One record is reused for every line. */
interface TimingRead {
  ok: boolean;
  start: number;
  end: number;
  found: string;
  column: number;
  field: 'hours' | 'minutes' | 'seconds' | null;
}

/**
 * Read the line `s[from, to)` as `<clock> --> <clock> [settings]` into
 * `out`. Spaces around the arrow are optional (the spec skips whitespace on
 * both sides); settings (`align:start position:0%`) only place text on
 * screen, so they are ignored. Clocks end at the line's `\n` by themselves.
 */
function parseTiming(s: string, from: number, to: number, clock: ClockRead, out: TimingRead): boolean {
  let i = skipSpaces(s, from, to);
  const startAt = i;
  if (!readClockInto(clock, s, i, clockOptions)) return clockFailure(s, from, to, startAt, clock, out);
  const start = clock.seconds;
  i = skipSpaces(s, clock.end, to);
  if (!s.startsWith(ARROW, i)) return clockFailure(s, from, to, from, null, out);
  i = skipSpaces(s, i + ARROW.length, to);
  const endAt = i;
  if (!readClockInto(clock, s, i, clockOptions)) return clockFailure(s, from, to, endAt, clock, out);
  out.ok = true;
  out.start = start;
  out.end = clock.seconds;
  return true;
}

/** A failed timing: an out-of-range field points at its clock; anything else quotes the line. */
function clockFailure(s: string, from: number, to: number, at: number, clock: ClockRead | null, out: TimingRead): false {
  out.ok = false;
  if (clock?.field) {
    out.found = excerpt(s.slice(at, clock.end));
    out.column = at - from + 1;
    out.field = clock.field;
  } else {
    // Only the head of the line: a 2 MB garbage line must not become a 2 MB message.
    out.found = excerpt(s.slice(from, Math.min(to, from + 200)));
    out.column = 1;
    out.field = null;
  }
  return false;
}

// --- Cue text ---------------------------------------------------------------

/** A stretch of cue text under one voice (or none): tags removed, entities not yet decoded, line breaks kept. */
interface Span {
  label: RawLabel | null;
  text: string;
}

/** The open voices while one cue is tokenized (tokenize runs to completion, so one stack serves every cue; its depth is local). */
const voiceStack: (RawLabel | null)[] = [];

/**
 * The spec's cue text tokenizer reduced to what a transcript needs: text,
 * voice start and end tags, and whether inline timestamps (`<00:00:01.000>`,
 * the karaoke timing of YouTube auto-captions) occur. Every other tag (`<c>`,
 * `<i>`, `<ruby>`, `<lang en>`, unknown ones) is dropped with its content
 * kept. One forward scan: each `<` jumps to its `>`, so nesting depth costs
 * nothing. Spans go into `spans`; returns whether timestamps occur.
 */
function tokenize(raw: string, spans: Span[]): boolean {
  const voices = voiceStack;
  let depth = 0;
  let pending = '';
  let timestamps = false;
  // Ruby text (`<ruby>levain<rt>starter</rt></ruby>`) is a reading shown above the base text, not words spoken.
  let ruby = 0;
  let inRt = false;
  let textStart = 0;
  let open = raw.indexOf('<');
  while (open !== -1) {
    const close = raw.indexOf('>', open + 1);
    // A `<` with no `>` after it has no end: it and what follows stay text.
    if (close === -1) break;
    if (open > textStart && !inRt) pending += raw.slice(textStart, open);
    const first = raw.charCodeAt(open + 1);
    if (first === 118 /* v */) {
      const after = raw.charCodeAt(open + 2);
      // `<v Ann>`, `<v.loud Ann>`, `<v>`; not `<vid>`.
      if (open + 2 === close || after === 46 /* . */ || isSpace(after)) {
        let k = open + 2;
        while (k < close && !isSpace(raw.charCodeAt(k))) k++; // past the classes
        if (pending.length > 0) spans.push({ label: depth > 0 ? (voices[depth - 1] ?? null) : null, text: pending });
        pending = '';
        voices[depth++] = voiceLabels.at(raw, k, close);
      }
    } else if (first === 47 /* / */) {
      if (close - open === 3 && raw.charCodeAt(open + 2) === 118 /* v */ && depth > 0) {
        if (pending.length > 0) spans.push({ label: voices[depth - 1] ?? null, text: pending });
        pending = '';
        depth--;
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
    }
    textStart = close + 1;
    open = raw.indexOf('<', textStart);
  }
  if (textStart < raw.length && !inRt) pending += textStart > 0 ? raw.slice(textStart) : raw;
  if (pending.length > 0) spans.push({ label: depth > 0 ? (voices[depth - 1] ?? null) : null, text: pending });
  return timestamps;
}

/** True when the tag text from `from` to `close` is named `name` (then `>`, `.` classes or whitespace). */
function tagNameIs(raw: string, from: number, close: number, name: string): boolean {
  if (close - from < name.length || !raw.startsWith(name, from)) return false;
  const after = raw.charCodeAt(from + name.length);
  return from + name.length === close || after === 46 /* . */ || isSpace(after);
}

/** Voices recur on every cue (`<v Speaker 2>`): each distinct annotation is read once. Labels are shared, read-only. */
const voiceLabels = new PrefixCache<RawLabel | null>(4096, voiceLabel);

/** A voice annotation as a strong label (`<v Speaker 1>` → `Speaker 1`), or null when it names no one. */
function voiceLabel(annotation: string): RawLabel | null {
  const name = clean(decodeEntities(annotation));
  return name.length > 0 ? Object.freeze({ name: normalizeLabelName(name), strong: true, raw: '' }) : null;
}

/** True for a line that opens with a `>>` speaker change (after decoding: `&gt;&gt;` counts). */
const startsTurn = (line: string) => {
  const i = skipSpaces(line, 0);
  return line.charCodeAt(i) === 62 && line.charCodeAt(i + 1) === 62;
};

/** `startsTurn` for the line `s[from, to)` of text without entities. */
const startsTurnAt = (s: string, from: number, to: number) => {
  const i = skipSpaces(s, from, to);
  return i + 1 < to && s.charCodeAt(i) === 62 && s.charCodeAt(i + 1) === 62;
};

/** Where a cue's segments go, and the cue's times and line, shared by its parts. */
interface CueOut {
  out: RawSegments;
  start: number;
  end: number;
  line: number;
}

function pushSegment(cue: CueOut, label: RawLabel | null, text: string, kind: 'speech' | 'sound', newTurn: boolean): void {
  cue.out.push(cue.start, cue.end, label, text, kind, cue.line, 1, newTurn);
}

/** One unvoiced part of a cue (its lines joined by `\n`): a sound, a labelled or an unlabelled segment. */
function emitPart(cue: CueOut, part: string, turn: boolean): void {
  let text = clean(part);
  if (turn) text = text.replace(/^>+\s*/, '');
  if (text.length === 0) return;
  if (isSoundAnnotation(text)) return pushSegment(cue, null, soundLabel(text), 'sound', turn);
  const split = splitSpeakerLabel(text);
  if (split && split.rest.length > 0) return pushSegment(cue, split.label, split.rest, 'speech', turn);
  pushSegment(cue, null, text, 'speech', turn);
}

/**
 * Append the segments for a cue's spans to `cue.out`, skipping the first
 * `skip` characters of their text (lines an earlier rolling caption already
 * showed).
 */
function cueSegments(spans: readonly Span[], skip: number, cue: CueOut): void {
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
      if (isSoundAnnotation(text)) pushSegment(cue, span.label, soundLabel(text), 'sound', false);
      else pushSegment(cue, span.label, text, 'speech', false);
      continue;
    }
    // No voice: split at lines opening with `>>`, then look for `Speaker 1:` style labels.
    if (raw.indexOf('&') === -1) {
      // Nothing to decode: a part is a run of whole lines of `raw`, sliced once.
      let partStart = 0;
      let turn = false;
      let at = 0;
      for (;;) {
        const nl = raw.indexOf('\n', at);
        const lineEnd = nl === -1 ? raw.length : nl;
        if (startsTurnAt(raw, at, lineEnd)) {
          emitPart(cue, at === 0 ? '' : raw.slice(partStart, at - 1), turn);
          partStart = at;
          turn = true;
        }
        if (nl === -1) break;
        at = nl + 1;
      }
      emitPart(cue, partStart === 0 ? raw : raw.slice(partStart), turn);
      continue;
    }
    let part: string[] = [];
    let turn = false;
    let at = 0;
    for (;;) {
      const nl = raw.indexOf('\n', at);
      const decoded = decodeEntities(nl === -1 ? raw.slice(at) : raw.slice(at, nl));
      if (startsTurn(decoded)) {
        emitPart(cue, part.join('\n'), turn);
        part = [decoded];
        turn = true;
      } else {
        part.push(decoded);
      }
      if (nl === -1) break;
      at = nl + 1;
    }
    emitPart(cue, part.join('\n'), turn);
  }
}

// --- Blocks -----------------------------------------------------------------

/**
 * A cue as rolling-caption de-duplication needs it. Kept only when a file
 * that may roll (see `MayRoll`) is read a second time; other files keep no
 * per-cue records.
 */
interface Cue {
  start: number;
  end: number;
  /** 1-based line of the timing line. */
  line: number;
  spans: Span[];
  /** Segments as if no de-duplication applies, and their labels. */
  segments: RawSegment[];
  labels: (RawLabel | null)[];
  /**
   * The cue's non-empty lines as shown (for rolling-caption comparison), and
   * where each begins in the concatenated span text, computed once.
   */
  shown?: { lines: string[]; offsets: number[] };
  timestamps: boolean;
}

/** The shown lines of a cue, computed once. */
function shownOf(cue: Cue): { lines: string[]; offsets: number[] } {
  cue.shown ??= shownLines(cue.spans);
  return cue.shown;
}

/** First or last non-blank line of a cue's tag-free text `joined`, trimmed: a cheap stand-in for its shown lines. */
function edgeLine(joined: string, last: boolean): string {
  if (joined.indexOf('\n') === -1) return joined.trim();
  const parts = joined.split('\n');
  if (last) parts.reverse();
  for (const part of parts) {
    const t = part.trim();
    if (t.length > 0) return t;
  }
  return '';
}

/**
 * `foldWhitespace(a) === foldWhitespace(b)`; pairs whose first words differ
 * (nearly all of them) are told apart without folding.
 */
function sameFolded(a: string, b: string): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && isSpaceCode(a.charCodeAt(i))) i++;
  while (j < b.length && isSpaceCode(b.charCodeAt(j))) j++;
  for (;;) {
    const endA = i >= a.length || isSpaceCode(a.charCodeAt(i));
    const endB = j >= b.length || isSpaceCode(b.charCodeAt(j));
    if (endA || endB) {
      if (endA !== endB) return false;
      break;
    }
    if (a.charCodeAt(i) !== b.charCodeAt(j)) return false;
    i++;
    j++;
  }
  return foldWhitespace(a) === foldWhitespace(b);
}

/**
 * Rolling captions repeat a cue's last line as the next cue's first line. If
 * no consecutive pair does even before entity decoding and folding, the file
 * cannot roll, and the exact comparison is skipped. Fed one cue at a time.
 */
class MayRoll {
  /** True once some cue opens with the previous cue's last line. */
  found = false;
  private previous = '';
  next(spans: readonly Span[]): void {
    if (this.found) return;
    const joined = spans.length === 1 ? (spans[0]?.text ?? '') : spans.map((x) => x.text).join('');
    // One line (most cues): its first and last lines are the same.
    const oneLine = joined.indexOf('\n') === -1;
    const first = oneLine ? joined.trim() : edgeLine(joined, false);
    if (first.length > 0 && sameFolded(first, this.previous)) {
      this.found = true;
      return;
    }
    const last = oneLine ? first : edgeLine(joined, true);
    if (last.length > 0) this.previous = last;
  }
  /** `next` for a cue whose tag-free text is already known to have `first` and `last` as its first and last lines, trimmed and non-empty. */
  nextLines(first: string, last: string): void {
    if (this.found) return;
    // `first` opens with a word: when the previous line opens with another character, they differ.
    const p = this.previous.charCodeAt(0);
    if ((p === first.charCodeAt(0) || isSpaceCode(p)) && sameFolded(first, this.previous)) {
      this.found = true;
      return;
    }
    this.previous = last;
  }
}

/** `NOTE`, `STYLE`, `REGION` alone or followed by a space or tab. */
const keywords = ['NOTE', 'STYLE', 'REGION'];

/** True when the line `s[from, to)` opens a NOTE, STYLE or REGION block. */
function keywordBlock(s: string, from: number, to: number): boolean {
  for (const word of keywords) {
    if (s.startsWith(word, from)) {
      const after = from + word.length;
      if (after === to) return true;
      const c = s.charCodeAt(after);
      if (c === 32 || c === 9) return true;
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

/** Internal switches, for tests: not part of the format's API. */
export interface ParseOptions {
  /** Read common cues with `fastCues` (the default); false reads every cue with the general rules. */
  fastPath: boolean;
  /** When given, counts the cues the fast path read, so tests can tell it was used. */
  stats?: { fastCues: number };
}

/**
 * Cue records are kept only for files that may roll: they are read twice,
 * the second time keeping every cue (the first reading reported every
 * problem already). Most files are read once and keep nothing per cue.
 */
export function parseWebvtt(text: string, diagnostics: Diagnostics, options: ParseOptions = { fastPath: true }): RawTranscript {
  const read = readWebvtt(text, diagnostics, null, options.fastPath, options.stats);
  let segments = read.segments;
  if (read.mayRoll) {
    const cues: Cue[] = [];
    readWebvtt(text, new Diagnostics(diagnostics.file), cues);
    if (isRolling(cues)) segments = deduplicate(cues);
  }
  return segments.transcript(read.title === undefined ? { chapters: [] } : { title: read.title, chapters: [] });
}

/** Show each caption line once: drop a cue's leading lines that repeat the last lines already shown, and cues that repeat them entirely. */
function deduplicate(cues: readonly Cue[]): RawSegments {
  const segments = new RawSegments();
  const tail: string[] = [];
  for (const c of cues) {
    const { lines: shown, offsets } = shownOf(c);
    if (shown.length === 0) continue; // already reported as empty
    const k = overlap(tail, shown);
    if (k === shown.length) continue;
    if (k === 0) {
      for (const s of c.segments) segments.segments.push(s);
      for (const l of c.labels) segments.labels.push(l);
    }
    else cueSegments(c.spans, offsets[k] ?? 0, { out: segments, start: c.start, end: c.end, line: c.line });
    for (let m = k; m < shown.length; m++) tail.push(shown[m] ?? '');
    if (tail.length > ROLLING_TAIL) tail.splice(0, tail.length - ROLLING_TAIL);
  }
  return segments;
}

/**
 * Read the text with a cursor over its lines (a line is `[start, end)`, its
 * end the next `\n` or the end of the text); no array of lines is built.
 * Segments go straight into one array; cues are kept only into `keep`.
 */
function readWebvtt(
  text: string,
  diagnostics: Diagnostics,
  keep: Cue[] | null,
  fastPath = false,
  stats?: { fastCues: number },
): { segments: RawSegments; title?: string; mayRoll: boolean } {
  const len = text.length;
  /** End of the line starting at `start`. */
  const eol = (start: number) => {
    const e = text.indexOf('\n', start);
    return e === -1 ? len : e;
  };
  // The first `-->` at or after `arrowFrom` (-1 when none). Lines are asked
  // about in file order, so each stretch of text is searched once.
  let arrowFrom = -1;
  let arrowAt = -1;
  /** True when the line `[start, end)` holds `-->`. */
  const hasArrow = (start: number, end: number) => {
    if (arrowFrom === -1 || start < arrowFrom || (arrowAt !== -1 && arrowAt < start)) {
      arrowFrom = start;
      arrowAt = text.indexOf(ARROW, start);
    }
    return arrowAt !== -1 && arrowAt + ARROW.length <= end;
  };
  let title: string | undefined;

  // The cursor: the start of the current line (past `len` when done) and its 1-based number.
  let pos = 0;
  let lineNo = 1;
  /** Move the cursor past non-blank lines without `-->`. */
  const skipBlock = () => {
    while (pos <= len) {
      const e = eol(pos);
      if (e === pos || hasArrow(pos, e)) return;
      pos = e + 1;
      lineNo++;
    }
  };

  // Header: the signature line, then lines up to a blank line (or a timing
  // line, which per spec ends the header and starts the first cue). YouTube's
  // `Kind: captions` / `Language: en` live here; all header lines are ignored.
  while (pos <= len) {
    const e = eol(pos);
    if (text.slice(pos, e).trim() !== '') break;
    pos = e + 1;
    lineNo++;
  }
  const signatureEnd = pos <= len ? eol(pos) : pos;
  const signature = pos <= len ? text.slice(pos, signatureEnd).replace(/^[ \t]+/, '') : '';
  const c6 = signature.charCodeAt(6);
  const skipHeader = () => {
    pos = signatureEnd + 1;
    lineNo++;
    skipBlock();
  };
  if (signature.startsWith('WEBVTT') && (Number.isNaN(c6) || c6 === 32 || c6 === 9)) {
    title = headerTitle(signature.slice(6));
    skipHeader();
  } else {
    diagnostics.report('vtt-bad-signature', 1, 1);
    // A misspelt signature (`webvtt`, `WEBVTT:`) still heads the file; anything else may already be a cue.
    if (/^webvtt/i.test(signature) && !signature.includes(ARROW)) skipHeader();
  }

  const segments = new RawSegments();
  const clock = clockRead();
  const timing: TimingRead = { ok: false, start: 0, end: 0, found: '', column: 0, field: null };
  const cue: CueOut = { out: segments, start: 0, end: 0, line: 0 };
  const mayRoll = new MayRoll();
  let previousStart = -1;

  /** Read the cue whose timing line is `[t, tEnd)`, line `tLine`; the cursor moves past its text. */
  const readCue = (t: number, tEnd: number, tLine: number) => {
    // Cue text runs to a blank line; per spec a `-->` line ends it and starts the next cue.
    pos = tEnd + 1;
    lineNo = tLine + 1;
    let textEnd = -1;
    while (pos <= len) {
      const e = eol(pos);
      if (e === pos || hasArrow(pos, e)) break;
      textEnd = e;
      pos = e + 1;
      lineNo++;
    }
    if (!parseTiming(text, t, tEnd, clock, timing)) {
      if (timing.field) diagnostics.report('time-out-of-range', tLine, timing.column, { found: timing.found, field: timing.field, limit: clockFieldLimit(timing.field) });
      else diagnostics.report('vtt-bad-timing', tLine, timing.column, { found: timing.found });
      return;
    }
    const { start, end } = timing;
    if (end < start) {
      diagnostics.report('time-end-before-start', tLine, 1, { start: formatClock(start, '.'), end: formatClock(end, '.') });
      return;
    }
    if (start < previousStart) {
      diagnostics.report('time-out-of-order', tLine, 1, { start: formatClock(start, '.'), previous: formatClock(previousStart, '.') });
    }
    previousStart = start;
    const spans: Span[] = [];
    const timestamps = tokenize(textEnd === -1 ? '' : text.slice(tEnd + 1, textEnd), spans);
    const count = segments.length;
    cue.start = start;
    cue.end = end;
    cue.line = tLine;
    cueSegments(spans, 0, cue);
    if (segments.length === count) diagnostics.report('vtt-empty-cue', tLine, 1);
    mayRoll.next(spans);
    keep?.push({ start, end, line: tLine, spans, segments: segments.segments.slice(count), labels: segments.labels.slice(count), timestamps });
  };

  // The fast path keeps no cue records, so a second reading (keep) uses the general rules throughout.
  const fast: FastState | null = fastPath && keep === null ? { pos: 0, lineNo: 0, previousStart: 0 } : null;
  // After tries that read nothing, the fast path rests for 1, 3, 7, … 63 steps of this loop, so files
  // it cannot read (entities on every cue, YouTube's karaoke timing) pay little for it.
  let fastMisses = 0;
  let fastRest = 0;
  while (pos <= len) {
    if (fast !== null && fastRest-- <= 0) {
      fast.pos = pos;
      fast.lineNo = lineNo;
      fast.previousStart = previousStart;
      const read = fastCues(text, fast, cue, mayRoll, clock);
      if (stats) stats.fastCues += read;
      pos = fast.pos;
      lineNo = fast.lineNo;
      previousStart = fast.previousStart;
      if (pos > len) break;
      fastMisses = read > 0 ? 0 : Math.min(fastMisses + 1, 6);
      fastRest = (1 << fastMisses) - 1;
    }
    const e = eol(pos);
    if (e === pos) {
      pos++;
      lineNo++;
      continue;
    }
    const keyword = keywordBlock(text, pos, e);
    if (hasArrow(pos, e) && !keyword) {
      readCue(pos, e, lineNo);
    } else if (keyword) {
      // Comment, style sheet or region: skipped up to a blank line or a real timing line.
      pos = e + 1;
      lineNo++;
      while (pos <= len) {
        const f = eol(pos);
        if (f === pos || (hasArrow(pos, f) && parseTiming(text, pos, f, clock, timing))) break;
        pos = f + 1;
        lineNo++;
      }
    } else if (e < len && hasArrow(e + 1, eol(e + 1))) {
      readCue(e + 1, eol(e + 1), lineNo + 1); // this line is the cue identifier
    } else {
      diagnostics.report('vtt-unknown-block', lineNo, 1, { found: excerpt(text.slice(pos, Math.min(e, pos + 200))) });
      pos = e + 1;
      lineNo++;
      skipBlock();
    }
  }

  return title === undefined ? { segments, mayRoll: mayRoll.found } : { segments, title, mayRoll: mayRoll.found };
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

// --- Fast path ----------------------------------------------------------------

/** The reader's cursor and cue order, handed to `fastCues` and back. */
interface FastState {
  /** Start of the current line. */
  pos: number;
  /** Its 1-based number. */
  lineNo: number;
  /** Start of the last cue read, for time-out-of-order. */
  previousStart: number;
}

/**
 * Read the common cues from `st.pos` on, one forward scan over char codes,
 * exactly as `readCue` would: an optional cue identifier line, a timing line
 * `clock --> clock [settings]` in `readCommonClock` shape and in order, then one
 * or more lines of plain text (printable characters other than `<`, `>` and
 * `&`, words separated by single spaces), the first line optionally opening
 * with a voice `<v Name>` / `<v.class Name>` that has a name and closing
 * with `</v>` at the very end of the cue; then a blank line or the end.
 * Such a cue reports nothing and makes one segment.
 *
 * Anything else stops the scan before the cue it is in, with the cursor
 * and state as they were after the previous cue, so the general reader
 * takes over from there as if it had read everything before. The state
 * shared with it (cursor, `previousStart`, `mayRoll`, the segments) is
 * changed only once a cue is read in full. Returns how many cues it read.
 */
function fastCues(text: string, st: FastState, cue: CueOut, mayRoll: MayRoll, clock: ClockRead): number {
  const len = text.length;
  let read = 0;
  let pos = st.pos;
  let lineNo = st.lineNo;
  let previousStart = st.previousStart;
  cues: for (;;) {
    while (text.charCodeAt(pos) === 10) {
      pos++;
      lineNo++;
    }
    if (pos >= len) break;
    let t = pos;
    let tLine = lineNo;
    let timed = readCommonClock(clock, text, t, false);
    if (!timed) {
      // A cue identifier: a line without `-->`, not a NOTE/STYLE/REGION line, before a timing line.
      let i = t;
      let c = text.charCodeAt(i);
      while (i < len && c !== 10) {
        if (c === 62 /* > */ && i - t >= 2 && text.charCodeAt(i - 1) === 45 && text.charCodeAt(i - 2) === 45) break cues;
        c = text.charCodeAt(++i);
      }
      if (i >= len || keywordBlock(text, t, i)) break;
      t = i + 1;
      tLine = lineNo + 1;
      timed = readCommonClock(clock, text, t, false);
      if (!timed) break;
    }
    const start = clock.seconds;
    let i = clock.end;
    let c = text.charCodeAt(i);
    while (c === 32 || c === 9) c = text.charCodeAt(++i);
    if (c !== 45 || text.charCodeAt(i + 1) !== 45 || text.charCodeAt(i + 2) !== 62) break;
    i += 3;
    c = text.charCodeAt(i);
    while (c === 32 || c === 9) c = text.charCodeAt(++i);
    // A bad or reversed timing, or a cue out of order, is reported: the general reader does that.
    if (!readCommonClock(clock, text, i, false)) break;
    const end = clock.seconds;
    if (end < start || start < previousStart) break;
    // Settings (`align:start`) only place text on screen; the line runs to its `\n`.
    i = clock.end;
    while (i < len && text.charCodeAt(i) !== 10) i++;
    const first = i + 1;
    // No text (end of file or a blank line): an empty cue, reported.
    if (first >= len || text.charCodeAt(first) === 10) break;

    let label: RawLabel | null = null;
    let body = first;
    if (text.charCodeAt(first) === 60 /* < */) {
      if (text.charCodeAt(first + 1) !== 118 /* v */) break;
      // The tag runs to its `>`, which must be on this line, with no other `<` before it.
      let close = first + 2;
      c = text.charCodeAt(close);
      while (c !== 62) {
        if (c === 10 || c === 60 || close >= len) break cues;
        c = text.charCodeAt(++close);
      }
      // `<v Ann -->`: the line holds `-->`, so it is the next cue's timing line, not text.
      if (text.charCodeAt(close - 1) === 45 && text.charCodeAt(close - 2) === 45) break;
      const after = text.charCodeAt(first + 2);
      if (close !== first + 2 && after !== 46 /* . */ && !isSpace(after)) break; // `<vid>`: some other tag
      let k = first + 2;
      while (k < close && !isSpace(text.charCodeAt(k))) k++; // past the classes
      label = voiceLabels.at(text, k, close);
      if (label === null) break; // `<v>` names no one: the text is read as unvoiced, by the general reader
      body = close + 1;
    }

    // Plain text lines, up to a blank line or the end.
    let j = body;
    let lines = 0;
    let firstEnd = -1;
    let lastStart = body;
    let textEnd = body;
    let next = -1;
    for (;;) {
      const lineStart = j;
      c = text.charCodeAt(j);
      // Words separated by single spaces; the line ends at a `\n`, the end, or a closing `</v>`.
      for (;;) {
        const word = j;
        for (;;) {
          // Printable ASCII but `&`, `<` and `>`; then anything from U+00A1 that is not whitespace.
          if (c >= 63 ? c <= 126 : c >= 39 ? c !== 60 && c !== 62 : c >= 33 && c !== 38) c = text.charCodeAt(++j);
          else if (c >= 0xa1 && (c < 0x1680 || !isSpaceCode(c))) c = text.charCodeAt(++j);
          else break;
        }
        // A space at the start or end of a line, two in a row, or an empty body: `clean` would change the text.
        if (j === word) break cues;
        if (c === 32) {
          c = text.charCodeAt(++j);
          continue;
        }
        if (c === 10 || j >= len) {
          textEnd = j;
          break;
        }
        // `</v>` closing the voice at the very end of the cue; any other tag, control or whitespace goes to the general reader.
        const v = j + 4;
        if (c !== 60 || label === null || !text.startsWith('</v>', j)) break cues;
        if (v < len && (text.charCodeAt(v) !== 10 || (v + 1 < len && text.charCodeAt(v + 1) !== 10))) break cues;
        textEnd = j;
        j = v;
        break;
      }
      if (lines === 0) firstEnd = textEnd;
      lastStart = lineStart;
      lines++;
      if (j >= len) {
        next = len + 1;
        break;
      }
      // `j` is at a `\n`: a blank line or the end ends the cue.
      if (j + 1 >= len || text.charCodeAt(j + 1) === 10) {
        next = j + 1;
        break;
      }
      j++;
    }

    // The cue as `readCue` reads it.
    previousStart = start;
    cue.start = start;
    cue.end = end;
    cue.line = tLine;
    const raw = text.slice(body, textEnd);
    if (label !== null) {
      const shown = lines === 1 ? raw : clean(raw);
      if (isSoundAnnotation(shown)) pushSegment(cue, label, soundLabel(shown), 'sound', false);
      else pushSegment(cue, label, shown, 'speech', false);
    } else {
      emitPart(cue, raw, false);
    }
    if (!mayRoll.found) {
      if (lines === 1) mayRoll.nextLines(raw, raw);
      else mayRoll.nextLines(text.slice(body, firstEnd), text.slice(lastStart, textEnd));
    }
    pos = next;
    lineNo = tLine + 1 + lines;
    read++;
    if (pos > len) break;
  }
  st.pos = pos;
  st.lineNo = lineNo;
  st.previousStart = previousStart;
  return read;
}

// --- Detection ----------------------------------------------------------------

const signatureHead = /^\s*WEBVTT(?:[ \t\n]|$)/;
// `[ \t]*` rather than `\s*` after `^` in multiline mode: `\s` would cross lines and backtrack quadratically.
const vttTimingLine = /^[ \t]*(?:\d{1,6}:)?\d{1,2}:\d{2}\.\d{1,3}[ \t]*-->[ \t]*(?:\d{1,6}:)?\d{1,2}:\d{2}\.\d{1,3}/m;

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
  parse: (text, diagnostics) => parseWebvtt(text, diagnostics),
};
