/**
 * YAML front matter shared by the Markdown formats: a `---` first line, the
 * metadata, then a `---` (or `...`) line. The block is cut off the text and
 * parsed with `parseYamlMap` (alias cap, duplicate keys as errors, key lines
 * in file coordinates); the rest is returned as the body together with the
 * number of lines cut, so body positions map back to file lines.
 * One forward scan over line starts: linear, and never throws.
 */
import type { Diagnostics } from '../diagnostics.ts';
import { parseYamlMap } from '../yaml-map.ts';

/** Where a front matter block sits in a text, found without parsing it. */
export interface FrontMatterBlock {
  /** Offset of the first YAML character (just after the opening `---` line). */
  yamlStart: number;
  /** Offset just past the YAML (the start of the closing line, or the end of the text). */
  yamlEnd: number;
  /** Offset of the body's first character. */
  bodyStart: number;
  /** Lines before the body: body line n is file line n + bodyLineOffset. */
  bodyLineOffset: number;
  /** False when no closing `---`/`...` line was found. */
  closed: boolean;
}

/** The text split into parsed front matter and body. */
export interface FrontMatter {
  /** The metadata map; undefined when there is no block or it is unusable (already reported). */
  data: Record<string, unknown> | undefined;
  /** 1-based file line of each top-level key. */
  lines: Record<string, number>;
  /** 1-based file line of each item of a top-level list. */
  itemLines: Record<string, number[]>;
  /** The text after the block (the whole text when there is none). */
  body: string;
  /** Lines before the body: body line n is file line n + bodyLineOffset. */
  bodyLineOffset: number;
  /** True when the text opens with a front matter block, closed or not. */
  present: boolean;
}

/** True for a line that is exactly `---` or `...`, trailing blanks allowed. */
function isFenceLine(text: string, start: number, end: number, allowDots: boolean): boolean {
  if (end - start < 3) return false;
  const c = text.charCodeAt(start);
  if (!(c === 45 /* - */ || (allowDots && c === 46)) /* . */) return false;
  if (text.charCodeAt(start + 1) !== c || text.charCodeAt(start + 2) !== c) return false;
  for (let i = start + 3; i < end; i++) {
    const b = text.charCodeAt(i);
    if (b !== 32 && b !== 9) return false;
  }
  return true;
}

/**
 * Locate a front matter block at the very start of `text`, or null. Used by
 * detection (no diagnostics) as well as by `splitFrontMatter`.
 */
export function findFrontMatter(text: string): FrontMatterBlock | null {
  const firstEnd = text.indexOf('\n');
  const firstLineEnd = firstEnd === -1 ? text.length : firstEnd;
  // The opening fence must be `---`: a `...` first line is prose, not metadata.
  if (!isFenceLine(text, 0, firstLineEnd, false)) return null;
  const yamlStart = firstEnd === -1 ? text.length : firstEnd + 1;
  let pos = yamlStart;
  let line = 2;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const end = nl === -1 ? text.length : nl;
    if (isFenceLine(text, pos, end, true)) {
      return { yamlStart, yamlEnd: pos, bodyStart: nl === -1 ? text.length : nl + 1, bodyLineOffset: line, closed: true };
    }
    if (nl === -1) break;
    pos = nl + 1;
    line++;
  }
  return { yamlStart, yamlEnd: text.length, bodyStart: yamlStart, bodyLineOffset: 1, closed: false };
}

/**
 * Split and parse the front matter of a Markdown text, reporting problems.
 * An unclosed block is reported (`frontmatter-unclosed`, line 1) and its
 * metadata ignored, but everything after the opening line stays in the body:
 * we cannot tell where the metadata would have ended, and dropping the rest
 * of the file would lose the transcript itself.
 */
export function splitFrontMatter(text: string, diagnostics: Diagnostics): FrontMatter {
  const block = findFrontMatter(text);
  if (block === null) return { data: undefined, lines: {}, itemLines: {}, body: text, bodyLineOffset: 0, present: false };
  const body = text.slice(block.bodyStart);
  if (!block.closed) {
    diagnostics.report('frontmatter-unclosed', 1, 1);
    return { data: undefined, lines: {}, itemLines: {}, body, bodyLineOffset: block.bodyLineOffset, present: true };
  }
  // The YAML starts on file line 2, hence the offset of 1.
  const { data, lines, itemLines } = parseYamlMap(text.slice(block.yamlStart, block.yamlEnd), diagnostics, 1);
  return { data, lines, itemLines, body, bodyLineOffset: block.bodyLineOffset, present: true };
}
