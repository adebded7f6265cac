/**
 * Markdown transcripts: YAML front matter, then paragraphs, `**Name:**`
 * turns and headings (chapters). Each paragraph (also inside list items and
 * block quotes) is one untimed segment, so segments keep source boundaries.
 *
 * Why not remark: micromark (remark-parse 11) is super-linear on inputs a
 * hostile or broken export can contain. Measured: 8,000 `a\n=\n` setext pairs
 * (32 KB) take 18 s, 50,000 `*a` take 177 s, a 1 MB nested list 48 s, even
 * with inline constructs disabled. Files may be 64 MB, and parsers must be
 * linear, so this module is a small hand-written CommonMark subset instead:
 * a one-pass line scanner for blocks and a bounded-lookahead inline stripper
 * (emphasis by delimiter stacks, links, code spans, autolinks, inline HTML,
 * escapes, character references decoded once).
 *
 * Deliberate simplifications (content is never dropped by them): no indented
 * code blocks (an indented transcript paragraph is prose, not code); ordered
 * list markers have at most three digits, so `2019. That year…` stays text;
 * emphasis skips CommonMark's "rule of 3" look-behind; link reference
 * definitions must fit on one line.
 */
import { decodeHTMLStrict } from 'entities';
import type { Diagnostics } from '../diagnostics.ts';
import { splitSpeakerLabel } from '../speaker-label.ts';
import { dropControls, foldWhitespace, isSoundAnnotation, soundLabel } from '../text.ts';
import { findFrontMatter, splitFrontMatter } from './front-matter.ts';
import { RawSegments } from './raw-segments.ts';
import type { RawChapter, RawLabel, RawTranscript, TranscriptFormat } from './types.ts';

// ---------------------------------------------------------------------------
// Inline: Markdown source → plain text

const isAsciiPunct = (c: number) => (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
const unicodeWhitespace = /\s/;
const unicodePunct = /[\p{P}\p{S}]/u;
const isWs = (ch: string) => ch === '' || unicodeWhitespace.test(ch);
const isPunct = (ch: string) => ch !== '' && unicodePunct.test(ch);

/** Characters that can start inline markup; text without any is returned as is. */
const inlineTrigger = /[\\*_`[<&]/;
/** Lookahead bound for link destinations, titles and reference labels: keeps every attempt O(1). */
const LINK_LOOKAHEAD = 2048;
const autolinkUri = /<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)>/y;
const autolinkEmail = /<([^\s<>@\\]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9.-]{0,253}[A-Za-z0-9])?)>/y;
// Tag bodies are bounded and cannot contain `<`, so each attempt stops at the next `<`.
const htmlTag = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]{0,1000})?\/?>/y;

/** A run of `*` or `_` that may open or close emphasis. */
interface Delimiter {
  part: number;
  char: string;
  count: number;
  length: number;
  canOpen: boolean;
  canClose: boolean;
  pos: number;
}

/** A `[` or `![` waiting for its `]`. */
interface Bracket {
  part: number;
  image: boolean;
  /** Source offset just after the opener (where a shortcut reference label starts). */
  inner: number;
}

/** Normalised link label for reference lookups (case- and space-insensitive). */
export function normalizeLabel(label: string): string {
  return foldWhitespace(label).toLowerCase();
}

/**
 * Start offsets of the maximal backtick runs of each length, with a forward
 * cursor per length: finding a code span's closer is amortised O(1).
 */
class BacktickRuns {
  private readonly runs = new Map<number, number[]>();
  private readonly cursor = new Map<number, number>();
  constructor(s: string) {
    let i = s.indexOf('`');
    while (i !== -1) {
      let j = i;
      while (j < s.length && s.charCodeAt(j) === 96) j++;
      const list = this.runs.get(j - i);
      if (list) list.push(i);
      else this.runs.set(j - i, [i]);
      i = s.indexOf('`', j);
    }
  }
  /** First run of exactly `length` backticks starting at or after `from`, or -1. */
  next(length: number, from: number): number {
    const list = this.runs.get(length);
    if (!list) return -1;
    let k = this.cursor.get(length) ?? 0;
    while (k < list.length && (list[k] ?? 0) < from) k++;
    this.cursor.set(length, k);
    return k < list.length ? (list[k] ?? -1) : -1;
  }
}

/**
 * Ends of runs without whitespace or parentheses, found by one forward scan
 * and remembered: a destination longer than LINK_LOOKAHEAD (a `data:` URI
 * image, several hundred KB of base64) is still recognised in linear time.
 */
class UnbrokenRuns {
  private from = -1;
  private to = -1;
  private readonly s: string;
  constructor(s: string) {
    this.s = s;
  }
  /** First offset at or after `at` holding whitespace, `(`, `)` or nothing. */
  end(at: number): number {
    if (at >= this.from && at <= this.to) return this.to;
    let j = at;
    while (j < this.s.length) {
      const c = this.s.charCodeAt(j);
      if (c <= 32 || c === 40 || c === 41) break;
      j++;
    }
    this.from = at;
    this.to = j;
    return j;
  }
}

/** End (just past `)`) of an inline link tail `(dest "title")` starting at `open`, or -1. */
function inlineLinkEnd(s: string, open: number, runs?: UnbrokenRuns): number {
  const limit = Math.min(s.length, open + LINK_LOOKAHEAD);
  let j = open + 1;
  const skipSpace = () => {
    let newlines = 0;
    while (j < limit) {
      const c = s.charCodeAt(j);
      if (c === 10) {
        if (++newlines > 1) return false;
      } else if (c !== 32 && c !== 9) break;
      j++;
    }
    return true;
  };
  if (!skipSpace()) return -1;
  if (s.charCodeAt(j) === 60 /* < */) {
    j++;
    while (j < limit) {
      const c = s.charCodeAt(j);
      if (c === 62 /* > */) break;
      if (c === 10 || c === 60) return -1;
      j += c === 92 ? 2 : 1;
    }
    if (j >= limit) return -1;
    j++;
  } else {
    let depth = 0;
    while (j < limit) {
      const c = s.charCodeAt(j);
      if (c <= 32) break;
      if (c === 92 && j + 1 < limit && isAsciiPunct(s.charCodeAt(j + 1))) {
        j += 2;
        continue;
      }
      if (c === 40) {
        if (++depth > 32) return -1;
      } else if (c === 41) {
        if (depth === 0) break;
        depth--;
      }
      j++;
    }
    if (j === limit && limit < s.length && depth === 0 && runs) {
      // Past the lookahead: accept a long unbroken destination that ends right at `)`, without a title.
      const end = runs.end(j);
      return s.charCodeAt(end) === 41 ? end + 1 : -1;
    }
    if (depth !== 0) return -1;
  }
  const beforeTitle = j;
  if (!skipSpace()) return -1;
  const q = s.charCodeAt(j);
  if (j > beforeTitle && (q === 34 || q === 39 || q === 40)) {
    const close = q === 40 ? 41 : q;
    j++;
    while (j < limit && s.charCodeAt(j) !== close) j += s.charCodeAt(j) === 92 ? 2 : 1;
    if (j >= limit) return -1;
    j++;
    if (!skipSpace()) return -1;
  }
  return j < limit && s.charCodeAt(j) === 41 ? j + 1 : -1;
}

/** End (just past `]`) of a reference label `[label]` starting at `open`, and the label; or null. */
function referenceLabel(s: string, open: number): { end: number; label: string } | null {
  const limit = Math.min(s.length, open + 1000);
  let j = open + 1;
  while (j < limit) {
    const c = s.charCodeAt(j);
    if (c === 93) return { end: j + 1, label: s.slice(open + 1, j) };
    if (c === 91) return null;
    j += c === 92 ? 2 : 1;
  }
  return null;
}

/**
 * Markdown inline source → plain text, in the spirit of mdast-util-to-string:
 * emphasis and link text kept, link destinations dropped, code span contents
 * kept verbatim, images become their alt text, HTML tags and comments dropped,
 * backslash escapes resolved, character references decoded exactly once.
 * Whitespace is not folded. Linear: every lookahead is bounded or cached.
 * `refs` holds the normalised labels of the document's link definitions.
 */
export function markdownInline(src: string, refs: ReadonlySet<string> = new Set()): string {
  if (!inlineTrigger.test(src)) return src;
  const parts: string[] = [];
  const delimiters: Delimiter[] = [];
  const brackets: Bracket[] = [];
  // Openers below this stack index are inside a formed link and can no longer form one.
  let linkFloor = 0;
  let ticks: BacktickRuns | null = null;
  let runs: UnbrokenRuns | null = null;
  let commentCloseMissingFrom = Infinity;
  const n = src.length;
  let lit = 0;
  const flush = (to: number) => {
    if (to > lit) {
      const text = src.slice(lit, to);
      parts.push(text.indexOf('&') === -1 ? text : dropControls(decodeHTMLStrict(text)));
    }
  };
  let i = 0;
  while (i < n) {
    const c = src.charCodeAt(i);
    if (c === 92 /* \ */) {
      const next = src.charCodeAt(i + 1);
      if (isAsciiPunct(next) || next === 10) {
        // An escaped character is literal text (and never starts an entity); `\` + newline is a hard break.
        flush(i);
        parts.push(next === 10 ? '\n' : src.charAt(i + 1));
        i += 2;
        lit = i;
      } else i++;
    } else if (c === 96 /* ` */) {
      let j = i;
      while (j < n && src.charCodeAt(j) === 96) j++;
      const length = j - i;
      ticks ??= new BacktickRuns(src);
      const close = ticks.next(length, j);
      if (close === -1) {
        i = j; // no closer: the backticks are literal
      } else {
        flush(i);
        parts.push(src.slice(j, close).replace(/\n/g, ' '));
        i = close + length;
        lit = i;
      }
    } else if (c === 42 /* * */ || c === 95 /* _ */) {
      let j = i;
      while (j < n && src.charCodeAt(j) === c) j++;
      const before = i > 0 ? src.charAt(i - 1) : '';
      const after = j < n ? src.charAt(j) : '';
      const left = !isWs(after) && (!isPunct(after) || isWs(before) || isPunct(before));
      const right = !isWs(before) && (!isPunct(before) || isWs(after) || isPunct(after));
      const canOpen = c === 42 ? left : left && (!right || isPunct(before));
      const canClose = c === 42 ? right : right && (!left || isPunct(after));
      flush(i);
      parts.push('');
      delimiters.push({ part: parts.length - 1, char: src.charAt(i), count: j - i, length: j - i, canOpen, canClose, pos: i });
      i = j;
      lit = i;
    } else if (c === 91 /* [ */ || (c === 33 /* ! */ && src.charCodeAt(i + 1) === 91)) {
      const image = c === 33;
      flush(i);
      parts.push(image ? '![' : '[');
      i += image ? 2 : 1;
      brackets.push({ part: parts.length - 1, image, inner: i });
      lit = i;
    } else if (c === 93 /* ] */) {
      const opener = brackets.pop();
      const index = brackets.length;
      const active = opener !== undefined && (opener.image || index >= linkFloor);
      if (index < linkFloor) linkFloor = index;
      if (!opener || !active) {
        i++;
        continue;
      }
      let end = -1;
      if (src.charCodeAt(i + 1) === 40 /* ( */) end = inlineLinkEnd(src, i + 1, (runs ??= new UnbrokenRuns(src)));
      if (end === -1 && refs.size > 0) {
        const label = src.charCodeAt(i + 1) === 91 ? referenceLabel(src, i + 1) : null;
        if (label && label.label.trim() !== '') {
          if (refs.has(normalizeLabel(label.label))) end = label.end;
        } else if (i - opener.inner <= 999 && refs.has(normalizeLabel(src.slice(opener.inner, i)))) {
          end = label ? label.end : i + 1; // collapsed `[text][]` or shortcut `[text]`
        }
      }
      if (end === -1) {
        i++;
        continue;
      }
      flush(i);
      parts[opener.part] = '';
      if (!opener.image) linkFloor = brackets.length; // links cannot contain links
      i = end;
      lit = i;
    } else if (c === 60 /* < */) {
      let end = -1;
      let keep: string | null = null;
      if (src.startsWith('<!--', i)) {
        if (i < commentCloseMissingFrom) {
          const close = src.indexOf('-->', i + 4);
          if (close === -1) commentCloseMissingFrom = i;
          else end = close + 3;
        }
      } else {
        for (const re of [autolinkUri, autolinkEmail]) {
          re.lastIndex = i;
          const m = re.exec(src);
          if (m) {
            end = re.lastIndex;
            keep = m[1] ?? '';
            break;
          }
        }
        if (end === -1) {
          htmlTag.lastIndex = i;
          if (htmlTag.exec(src)) end = htmlTag.lastIndex;
        }
      }
      if (end === -1) {
        i++;
        continue;
      }
      flush(i);
      if (keep !== null) parts.push(keep);
      i = end;
      lit = i;
    } else i++;
  }
  flush(n);
  resolveEmphasis(delimiters);
  for (const d of delimiters) parts[d.part] = d.char.repeat(d.count);
  return parts.join('');
}

/**
 * Match emphasis delimiters as CommonMark's process_emphasis does, with one
 * stack per character: a closer takes the nearest acceptable opener of its
 * character (the "rule of 3" may skip some), and a match discards every
 * opener inside it. `bottom` remembers, per character and closer class, the
 * stack height below which a search already failed (CommonMark's
 * openers_bottom), so each opener is examined a bounded number of times:
 * linear. Unmatched counts stay literal text.
 */
function resolveEmphasis(delimiters: Delimiter[]): void {
  const stacks: Record<string, Delimiter[]> = { '*': [], _: [] };
  const bottoms: Record<string, number[]> = { '*': [0, 0, 0, 0, 0, 0], _: [0, 0, 0, 0, 0, 0] };
  const clamp = (char: string) => {
    const stack = stacks[char] ?? [];
    const bottom = bottoms[char] ?? [];
    for (let k = 0; k < bottom.length; k++) if ((bottom[k] ?? 0) > stack.length) bottom[k] = stack.length;
  };
  const refused = (o: Delimiter, d: Delimiter) => (o.canClose || d.canOpen) && (o.length + d.length) % 3 === 0 && !(o.length % 3 === 0 && d.length % 3 === 0);
  for (const d of delimiters) {
    const otherChar = d.char === '*' ? '_' : '*';
    const own = stacks[d.char] ?? [];
    const other = stacks[otherChar] ?? [];
    const bottom = bottoms[d.char] ?? [];
    const klass = (d.length % 3) * 2 + (d.canOpen ? 1 : 0);
    while (d.canClose && d.count > 0) {
      const floor = bottom[klass] ?? 0;
      let k = own.length - 1;
      while (k >= floor && refused(own[k] as Delimiter, d)) k--;
      if (k < floor) {
        bottom[klass] = own.length;
        break;
      }
      const o = own[k] as Delimiter;
      own.length = k + 1; // openers between this one and the closer are inside the emphasis: literal
      const use = o.count >= 2 && d.count >= 2 ? 2 : 1;
      o.count -= use;
      d.count -= use;
      while (other.length > 0 && (other[other.length - 1] as Delimiter).pos > o.pos) other.pop();
      if (o.count === 0) own.pop();
      clamp(d.char);
      clamp(otherChar);
    }
    if (d.count > 0 && d.canOpen) own.push(d);
  }
}

/** Plain text and speaker label of one Markdown paragraph's inline content. */
export interface MarkdownContent {
  label: RawLabel | null;
  /** Plain text, whitespace folded; may be empty. */
  text: string;
}

// `**Ann:** text`, `**Ann**: text`, `__Ann:__ text`: a bold run at the very start, at most 80 characters.
const boldLead = /^(\*\*|__)([^*_\n]{1,80}?)\1/;

/** A bold speaker label at the start of `src`, and the source after it. */
function boldLabel(src: string, refs: ReadonlySet<string>): { label: RawLabel; rest: string } | null {
  const m = boldLead.exec(src);
  if (!m) return null;
  const inner = m[2] ?? '';
  if (isWs(inner.charAt(0)) || isWs(inner.charAt(inner.length - 1))) return null; // not strong under CommonMark flanking rules
  let nameSource: string;
  let rest = src.slice(m[0].length);
  if (inner.endsWith(':')) nameSource = inner.slice(0, -1);
  else {
    const colon = /^[ \t]*:/.exec(rest);
    if (!colon) return null;
    nameSource = inner;
    rest = rest.slice(colon[0].length);
  }
  const name = foldWhitespace(markdownInline(nameSource, refs));
  if (name.length === 0 || name.length > 60) return null;
  return { label: { name, strong: true, raw: '' }, rest };
}

/**
 * A paragraph's inline source → speaker label and plain text. A leading bold
 * name ending in `:` is a strong label; otherwise a plain `Name:` prefix is a
 * weak one (via `splitSpeakerLabel`). A whole-text sound annotation keeps no
 * weak label. `text` is empty for a label alone (`**Ann:**` on its own line).
 */
export function markdownContent(src: string, refs: ReadonlySet<string> = new Set()): MarkdownContent {
  const bold = boldLabel(src, refs);
  if (bold) return { label: bold.label, text: foldWhitespace(markdownInline(bold.rest, refs)) };
  const text = foldWhitespace(markdownInline(src, refs));
  if (text.length === 0 || isSoundAnnotation(text)) return { label: null, text };
  const split = splitSpeakerLabel(text);
  if (split && split.rest.length > 0) return { label: split.label, text: split.rest };
  return { label: null, text };
}

/** Push the segment for plain content: sound annotations become `kind: 'sound'`. */
export function pushContent(out: RawSegments, content: MarkdownContent, start: number | null, end: number | null, line: number, column: number): void {
  if (isSoundAnnotation(content.text)) out.push(start, end, content.label, soundLabel(content.text), 'sound', line, column);
  else out.push(start, end, content.label, content.text, 'speech', line, column);
}

// ---------------------------------------------------------------------------
// Blocks: a one-pass line scanner

const isBlank = (c: number) => c === 32 || c === 9;
/** Most list markers and quote markers read at the start of one line. */
const MAX_NESTING = 32;

/** Index of the first non-blank character of `line` at or after `from`. */
function skipBlanks(line: string, from: number): number {
  let i = from;
  while (i < line.length && isBlank(line.charCodeAt(i))) i++;
  return i;
}

/** True when `line` from `from` is a thematic break (`***`, `- - -`, `___`). */
export function isThematicBreak(line: string, from: number): boolean {
  const c = line.charCodeAt(from);
  if (c !== 45 && c !== 42 && c !== 95) return false;
  let count = 0;
  for (let i = from; i < line.length; i++) {
    const b = line.charCodeAt(i);
    if (b === c) count++;
    else if (!isBlank(b)) return false;
  }
  return count >= 3;
}

/** An ATX heading (`## Title ##`) at `from`: its level and its inline source, or null. */
export function atxHeading(line: string, from: number): { depth: number; text: string } | null {
  let i = from;
  while (i < line.length && line.charCodeAt(i) === 35 /* # */ && i - from < 7) i++;
  const depth = i - from;
  if (depth === 0 || depth > 6) return null;
  if (i < line.length && !isBlank(line.charCodeAt(i))) return null;
  const start = skipBlanks(line, i);
  let end = line.length;
  while (end > start && isBlank(line.charCodeAt(end - 1))) end--;
  // An optional closing sequence of `#` preceded by a blank (or making up the whole content).
  let k = end;
  while (k > start && line.charCodeAt(k - 1) === 35) k--;
  if (k < end && (k === start || isBlank(line.charCodeAt(k - 1)))) {
    end = k;
    while (end > start && isBlank(line.charCodeAt(end - 1))) end--;
  }
  return { depth, text: line.slice(start, end) };
}

/** A list item marker at `from` (`-`, `*`, `+`, `1.`, `12)`), or null. */
function listMarkerAt(line: string, from: number): { end: number; ordered: number | null } | null {
  const c = line.charCodeAt(from);
  let end: number;
  let ordered: number | null = null;
  if (c === 45 || c === 42 || c === 43) end = from + 1;
  else {
    let j = from;
    while (j < line.length && j - from < 4 && line.charCodeAt(j) >= 48 && line.charCodeAt(j) <= 57) j++;
    // At most three digits: `2019. That year…` is prose, not a list item numbered 2019.
    if (j === from || j - from > 3) return null;
    const d = line.charCodeAt(j);
    if (d !== 46 && d !== 41) return null;
    ordered = Number(line.slice(from, j));
    end = j + 1;
  }
  if (end < line.length && !isBlank(line.charCodeAt(end))) return null;
  return { end, ordered };
}

/** A code fence opener at `from`: its character and length, or null. */
function fenceAt(line: string, from: number): { char: number; length: number } | null {
  const c = line.charCodeAt(from);
  if (c !== 96 && c !== 126) return null;
  let j = from;
  while (j < line.length && line.charCodeAt(j) === c) j++;
  if (j - from < 3) return null;
  if (c === 96 && line.indexOf('`', j) !== -1) return null; // a backtick fence's info string has no backticks
  return { char: c, length: j - from };
}

const htmlBlockTags = new Set(
  (
    'address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl dt ' +
    'fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link ' +
    'main menu menuitem nav noframes ol optgroup option p param search section summary table tbody td tfoot th thead ' +
    'title tr track ul'
  ).split(' '),
);
const rawHtmlStart = /^<(script|pre|style|textarea)(?:[\s>]|$)/i;
const blockHtmlStart = /^<\/?([A-Za-z][A-Za-z0-9-]*)(?:[\s>]|\/>|$)/;
const loneTagLine = /^<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>[ \t]*$/;

/** How an HTML block ends: at a blank line, or at a line holding `terminator`. */
interface HtmlStart {
  terminator: string | null;
  /** Comments, scripts and styles hold no transcript text. */
  drop: boolean;
}

/** An HTML block start at `from` (CommonMark kinds 1, 2, 6 and, when not interrupting a paragraph, 7). */
function htmlBlockAt(line: string, from: number, interrupting: boolean): HtmlStart | null {
  if (line.charCodeAt(from) !== 60) return null;
  const head = line.slice(from, from + 40);
  if (head.startsWith('<!--')) return { terminator: '-->', drop: true };
  const raw = rawHtmlStart.exec(head);
  if (raw) {
    const name = (raw[1] ?? '').toLowerCase();
    return { terminator: `</${name}>`, drop: name === 'script' || name === 'style' };
  }
  const block = blockHtmlStart.exec(head);
  if (block && htmlBlockTags.has((block[1] ?? '').toLowerCase())) return { terminator: null, drop: false };
  if (!interrupting && loneTagLine.test(line.slice(from))) return { terminator: null, drop: false };
  return null;
}

// `[label]: destination "title"` on one line.
const definitionLine = /^\[((?:[^\[\]\\]|\\.){1,999})\]:[ \t]*(?:<[^<>\n]*>|\S+)(?:[ \t]+(?:"[^"]*"|'[^']*'|\([^()]*\)))?[ \t]*$/;

interface Block {
  type: 'paragraph' | 'heading' | 'code' | 'html';
  lines: string[];
  line: number;
  column: number;
  /** Heading level. */
  depth: number;
}

/**
 * Split a Markdown body into blocks in one pass over its lines. Container
 * markers (`>`, list markers) are stripped; a paragraph continues until a
 * blank line or a line that starts another block, lazily across container
 * changes, as in CommonMark.
 */
function scanBlocks(body: string, lineOffset: number, refs: Set<string>): Block[] {
  const blocks: Block[] = [];
  let para: { block: Block; quotes: number; inList: boolean } | null = null;
  let fence: { char: number; length: number; quotes: number; block: Block } | null = null;
  let html: { start: HtmlStart; quotes: number; block: Block | null } | null = null;
  const stripQuotes = (line: string, max: number) => {
    let i = skipBlanks(line, 0);
    let q = 0;
    while (q < max && line.charCodeAt(i) === 62) {
      q++;
      i = skipBlanks(line, i + 1);
    }
    return i;
  };

  let pos = 0;
  let lineNo = lineOffset;
  while (pos <= body.length) {
    const nl = body.indexOf('\n', pos);
    const line = body.slice(pos, nl === -1 ? body.length : nl);
    pos = nl === -1 ? body.length + 1 : nl + 1;
    lineNo++;
    if (nl === -1 && line.length === 0) break;

    if (fence) {
      const i = stripQuotes(line, fence.quotes);
      let j = i;
      while (j < line.length && line.charCodeAt(j) === fence.char) j++;
      if (j - i >= fence.length && skipBlanks(line, j) === line.length) fence = null;
      else fence.block.lines.push(line.slice(i));
      continue;
    }
    if (html) {
      const i = stripQuotes(line, html.quotes);
      if (html.start.terminator === null && i === line.length) {
        html = null; // a blank line ends kinds 6 and 7
        para = null;
        continue;
      }
      html.block?.lines.push(line.slice(i));
      if (html.start.terminator !== null && line.toLowerCase().indexOf(html.start.terminator) !== -1) html = null;
      continue;
    }

    // Block quote markers first: a setext underline must be checked before `-` is taken for a list marker.
    let i = skipBlanks(line, 0);
    let quotes = 0;
    while (line.charCodeAt(i) === 62) {
      quotes++;
      i = skipBlanks(line, i + 1);
    }
    if (para && i < line.length && quotes === para.quotes && !para.inList) {
      const c = line.charCodeAt(i);
      if (c === 61 /* = */ || c === 45 /* - */) {
        // A run of `=` or `-` alone under a paragraph turns it into a heading (`- - -` is a break).
        let j = i;
        while (j < line.length && line.charCodeAt(j) === c) j++;
        if (skipBlanks(line, j) === line.length) {
          para.block.type = 'heading';
          para.block.depth = c === 61 ? 1 : 2;
          para = null;
          continue;
        }
      }
    }
    // List markers and further quote markers, interleaved (`- > quote`, `> - item`).
    let firstMarker: { at: number; ordered: number | null } | null = null;
    // Nesting is capped so a line of many markers costs a bounded number of scans; deeper markers stay text.
    for (let nesting = 0; nesting < MAX_NESTING; nesting++) {
      if (line.charCodeAt(i) === 62) {
        quotes++;
        i = skipBlanks(line, i + 1);
        continue;
      }
      if (isThematicBreak(line, i)) break;
      const marker = listMarkerAt(line, i);
      if (!marker) break;
      firstMarker ??= { at: i, ordered: marker.ordered };
      i = skipBlanks(line, marker.end);
    }
    const blank = i >= line.length;

    if (para) {
      let continues = false;
      let from = i;
      if (!blank && quotes <= para.quotes) {
        if (firstMarker === null) {
          continues =
            !isThematicBreak(line, i) && atxHeading(line, i) === null && fenceAt(line, i) === null && htmlBlockAt(line, i, true) === null;
        } else if (firstMarker.ordered !== null && firstMarker.ordered !== 1) {
          // Only `1.` may interrupt a paragraph: `3. apples` inside a sentence is text.
          continues = true;
          from = firstMarker.at;
        }
      }
      if (continues) {
        para.block.lines.push(line.slice(from));
        continue;
      }
      para = null;
    }
    if (blank || isThematicBreak(line, i)) continue;

    const column = i + 1;
    const heading = atxHeading(line, i);
    if (heading) {
      blocks.push({ type: 'heading', lines: [heading.text], line: lineNo, column, depth: heading.depth });
      continue;
    }
    const open = fenceAt(line, i);
    if (open) {
      const block: Block = { type: 'code', lines: [], line: lineNo + 1, column: 1, depth: 0 };
      blocks.push(block);
      fence = { ...open, quotes, block };
      continue;
    }
    const start = htmlBlockAt(line, i, false);
    if (start) {
      const block: Block | null = start.drop ? null : { type: 'html', lines: [line.slice(i)], line: lineNo, column, depth: 0 };
      if (block) blocks.push(block);
      const closedHere = start.terminator !== null && line.toLowerCase().indexOf(start.terminator, i + 2) !== -1;
      if (!closedHere) html = { start, quotes, block };
      continue;
    }
    if (line.charCodeAt(i) === 91) {
      const def = definitionLine.exec(line.slice(i));
      if (def) {
        refs.add(normalizeLabel(def[1] ?? ''));
        continue;
      }
    }
    const block: Block = { type: 'paragraph', lines: [line.slice(i)], line: lineNo, column, depth: 0 };
    blocks.push(block);
    para = { block, quotes, inList: firstMarker !== null };
  }
  return blocks;
}

function parseMarkdown(text: string, diagnostics: Diagnostics): RawTranscript {
  const fm = splitFrontMatter(text, diagnostics);
  const refs = new Set<string>();
  const blocks = scanBlocks(fm.body, fm.bodyLineOffset, refs);
  const out = new RawSegments();
  const segments = out.segments;
  const chapters: RawChapter[] = [];
  let title: string | undefined;
  let seenContent = false;
  let pending: RawLabel | null = null;
  for (const block of blocks) {
    const source = block.lines.join('\n');
    if (block.type === 'heading') {
      const heading = foldWhitespace(markdownInline(source, refs));
      if (heading.length === 0) continue;
      // A `#` heading before anything else names the episode; metadata ranks it below front matter.
      if (!seenContent && block.depth === 1) title = heading;
      else chapters.push({ title: heading, segment: segments.length });
      seenContent = true;
      continue;
    }
    const content: MarkdownContent = block.type === 'code' ? { label: null, text: foldWhitespace(source) } : markdownContent(source, refs);
    if (content.text.length === 0) {
      // `**Ann:**` alone on a line names the speaker of the next paragraph.
      if (content.label) pending = content.label;
      continue;
    }
    if (content.label === null && pending !== null) content.label = pending;
    pending = null;
    pushContent(out, content, null, null, block.line, block.column);
    seenContent = true;
  }
  const result = out.transcript({ chapters: chapters.filter((c) => c.segment < segments.length) });
  if (title !== undefined) result.title = title;
  if (fm.data !== undefined) {
    result.frontMatter = fm.data;
    result.frontMatterLines = fm.lines;
    result.frontMatterItemLines = fm.itemLines;
  }
  return result;
}

// ---------------------------------------------------------------------------
// Detection

/** Caption timing lines (`00:01.000 --> 00:02.000`) mean SRT or WebVTT, never Markdown. */
export const captionTiming = /\d:\d{2}(?:[.,:]\d+)*[ \t]*-->/;
/** `- [MM:SS]` bullets (unescaped; an escaped `\[` is literal text). */
export const timestampBulletLine = /^[ \t]*[-*+][ \t]+\[[ \t]*\d{1,3}:\d{2}(?::\d{2})?[ \t]*\]/gm;
const listItemLine = /^[ \t]*[-*+][ \t]+\S/gm;
const headingLine = /^#{1,6}[ \t]+\S/m;
const boldTurnLine = /^[ \t]*(?:\*\*|__)[^*_\n]{1,60}(?::(?:\*\*|__)|(?:\*\*|__)[ \t]*:)/m;

/** Timed bullets and list items in the head's body (front matter lists excluded). */
export function bulletCounts(body: string): { timed: number; items: number } {
  return { timed: body.match(timestampBulletLine)?.length ?? 0, items: body.match(listItemLine)?.length ?? 0 };
}

/**
 * Markdown structure (front matter, headings, `**Name:**` turns) → 0.6;
 * plain prose → 0.35, a fallback any specific format beats (caption-token
 * dumps included); 0.4 when `[MM:SS]` bullets make up most list items, so
 * timestamp bullets win; 0 for caption files and empty text.
 */
function detectMarkdown(head: string): number {
  if (/^\s*WEBVTT/.test(head) || captionTiming.test(head) || dataKind(head) !== undefined) return 0;
  const block = findFrontMatter(head);
  const body = block ? head.slice(block.bodyStart) : head;
  if (!block && body.trim().length === 0) return 0;
  const { timed, items } = bulletCounts(body);
  if (timed >= 1 && timed * 2 > items) return 0.4;
  if (block?.closed || headingLine.test(body) || boldTurnLine.test(body)) return 0.6;
  return 0.35;
}

/**
 * What a text that is not prose but data is: a JSON document or an HTML
 * page (some tools export transcripts so). Read as Markdown, either would
 * become one paragraph of markup; undefined for anything else. `head` is
 * the start of the text: JSON is known by how it opens, an object with a
 * quoted key or a list of objects or strings (`{"`, `[{`, `["`), which
 * prose and Markdown do not.
 */
export function dataKind(head: string): 'JSON' | 'an HTML page' | undefined {
  const text = head.replace(/^\uFEFF/, '').trimStart();
  if (/^<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/i.test(text)) return 'an HTML page';
  if (/^(?:\{\s*"|\[\s*[{"])/.test(text)) return 'JSON';
  return undefined;
}

/** Markdown with optional YAML front matter: one untimed segment per paragraph. */
export const markdown: TranscriptFormat = {
  id: 'markdown',
  name: 'Markdown',
  description:
    'Markdown with optional YAML front matter: paragraphs, "**Name:**" turns and headings (chapters); untimed. Plain prose is read this way too.',
  example:
    '---\ntitle: Bridges, briefly\ndate: 2025-04-02\n---\n\n## Opening\n\n**Ada:** Welcome back to the show.\n\n**Tomas:** Glad to be here.\n',
  detect: detectMarkdown,
  parse: parseMarkdown,
};
