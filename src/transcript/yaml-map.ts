/**
 * YAML documents that must be a map (sidecars, front matter), read with the
 * `yaml` package: alias expansion and nesting depth capped, duplicate keys as
 * errors, every error located in the original file (`lineOffset` shifts
 * embedded YAML). Metadata is one-line text: every string value and key comes
 * out whitespace-folded, without control characters (which YAML escapes such
 * as `"\0"` or `"\x1b"` can write) and without lone surrogates (`"\uD800"`).
 */
import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, YAMLParseError } from 'yaml';
import type { Diagnostics } from './diagnostics.ts';
import { excerpt } from './diagnostics.ts';
import { foldWhitespace } from './text.ts';

/** Deepest nesting of sequences and maps accepted (the yaml package recurses per level). */
export const MAX_YAML_DEPTH = 64;
/** Aliases a document may expand (the yaml package's `maxAliasCount`). */
export const MAX_YAML_ALIASES = 100;
/** Longest YAML document read, in characters: metadata is a few lines, and the yaml package is not linear beyond that. */
export const MAX_YAML_CHARS = 256 * 1024;

export interface YamlMap {
  /** The parsed map, or undefined when the YAML is unusable. */
  data: Record<string, unknown> | undefined;
  /** 1-based line of each top-level key in the original file. */
  lines: Record<string, number>;
  /** For a top-level key whose value is a list: the 1-based line of each item. */
  itemLines: Record<string, number[]>;
  /**
   * Where the value at `path` (map keys and list indexes) is written: the
   * line and column of its key, or of its item in a list; the deepest part
   * of the path that exists when the rest does not.
   */
  locate: (path: readonly PropertyKey[]) => { line: number; column: number };
}

/** Parse `text` as a YAML map, reporting problems; never throws. */
export function parseYamlMap(text: string, diagnostics: Diagnostics, lineOffset = 0): YamlMap {
  // No prototype: a `__proto__` or `constructor` key must read back as its own line number.
  const lines: Record<string, number> = Object.create(null) as Record<string, number>;
  const itemLines: Record<string, number[]> = Object.create(null) as Record<string, number[]>;
  const start = () => ({ line: 1 + lineOffset, column: 1 });
  const unusable = (): YamlMap => ({ data: undefined, lines, itemLines, locate: start });
  if (text.length > MAX_YAML_CHARS) {
    diagnostics.report('yaml-too-large', 1 + lineOffset, 1, { size: text.length, limit: MAX_YAML_CHARS });
    return unusable();
  }
  const tooDeep = lineOverDepth(text, MAX_YAML_DEPTH);
  if (tooDeep !== 0) {
    diagnostics.report('yaml-too-deep', tooDeep + lineOffset, 1, { limit: MAX_YAML_DEPTH });
    return unusable();
  }
  const counter = new LineCounter();
  // uniqueKeys off: the yaml package compares every key with every other (quadratic); duplicateKeys is linear.
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: false, prettyErrors: false, strict: false });
  if (doc.errors.some((error) => /call stack/i.test(error.message))) {
    // Backstop for nesting the depth scan missed: one diagnostic, not one per stack frame.
    diagnostics.report('yaml-too-deep', 1 + lineOffset, 1, { limit: MAX_YAML_DEPTH });
    return unusable();
  }
  const problems: { offset: number; report: (line: number, column: number) => void }[] = [];
  for (const error of doc.errors) {
    const detail = firstLine(error.message);
    problems.push({ offset: error.pos[0], report: (line, column) => diagnostics.report('yaml-syntax', line, column, { detail }) });
  }
  if (doc.errors.length === 0) {
    for (const { offset, key } of duplicateKeys(doc.contents)) {
      problems.push({ offset, report: (line, column) => diagnostics.report('yaml-duplicate-key', line, column, { key: excerpt(key) || '?' }) });
    }
  }
  problems.sort((a, b) => a.offset - b.offset);
  for (const problem of problems) {
    const pos = counter.linePos(problem.offset);
    problem.report(pos.line + lineOffset, pos.col);
  }
  if (problems.length > 0) return unusable();
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (error) {
    // toJS throws a ReferenceError when aliases expand past the limit.
    if (error instanceof YAMLParseError) diagnostics.report('yaml-syntax', 1 + lineOffset, 1, { detail: firstLine(error.message) });
    else if (error instanceof RangeError) diagnostics.report('yaml-too-deep', 1 + lineOffset, 1, { limit: MAX_YAML_DEPTH });
    else diagnostics.report('yaml-alias-limit', 1 + lineOffset, 1);
    return unusable();
  }
  const locate = (path: readonly PropertyKey[]) => {
    const matcher = new StringCleaner();
    const at = (offset: number) => {
      const pos = counter.linePos(offset);
      return { line: pos.line + lineOffset, column: pos.col };
    };
    let node: unknown = doc.contents;
    let found = start();
    for (const part of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && matcher.string(String(p.key.value)) === String(part));
        if (!pair || !isScalar(pair.key) || !pair.key.range) break;
        found = at(pair.key.range[0]);
        node = pair.value;
      } else if (isSeq(node) && typeof part === 'number') {
        const item = node.items[part];
        if (!isNode(item) || !item.range) break;
        found = at(item.range[0]);
        node = item;
      } else {
        break;
      }
    }
    return found;
  };
  if (value === null || value === undefined) return { data: {}, lines, itemLines, locate };
  if (!isMap(doc.contents) || typeof value !== 'object' || Array.isArray(value)) {
    diagnostics.report('frontmatter-not-a-map', 1 + lineOffset, 1);
    return unusable();
  }
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    const range = isScalar(pair.key) ? pair.key.range : undefined;
    if (key === undefined || !range) continue;
    const keyLine = counter.linePos(range[0]).line + lineOffset;
    lines[key] = keyLine;
    // An empty item (`-` alone) has no range of its own: it is reported at the key.
    if (isSeq(pair.value)) itemLines[key] = pair.value.items.map((item) => (isNode(item) && item.range ? counter.linePos(item.range[0]).line + lineOffset : keyLine));
  }
  // Clean every string, top-level entry by entry so the first removed control can be located.
  const cleaner = new StringCleaner();
  const entries: [string, unknown][] = [];
  let reportedAt = 0;
  for (const [key, item] of Object.entries(value)) {
    entries.push([cleaner.string(key), cleaner.value(item)]);
    if (reportedAt === 0 && cleaner.removed > 0) reportedAt = lines[key] ?? 1 + lineOffset;
  }
  if (cleaner.removed > 0) diagnostics.report('control-characters', reportedAt, 1, { count: cleaner.removed });
  // Object.fromEntries defines own properties, so a `__proto__` key stays data, never a prototype.
  const data: Record<string, unknown> = Object.fromEntries(entries);
  const cleanLines: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const key of Object.keys(lines)) cleanLines[cleaner.string(key)] = lines[key] ?? 1;
  const cleanItemLines: Record<string, number[]> = Object.create(null) as Record<string, number[]>;
  for (const key of Object.keys(itemLines)) cleanItemLines[cleaner.string(key)] = itemLines[key] ?? [];
  return { data, lines: cleanLines, itemLines: cleanItemLines, locate };
}

const firstLine = (message: string) => excerpt(message.split('\n')[0] ?? message, 200);

/**
 * Keys repeated within one map, anywhere in the document, with the offset of
 * each repeat: one pass with a set per map. Only scalar keys are compared.
 */
function duplicateKeys(root: unknown): { offset: number; key: string }[] {
  const found: { offset: number; key: string }[] = [];
  const visit = (node: unknown) => {
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        if (isScalar(pair.key)) {
          const value = pair.key.value;
          if (seen.has(value)) found.push({ offset: pair.key.range?.[0] ?? 0, key: String(value) });
          else seen.add(value);
        }
        visit(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) visit(item);
    }
  };
  visit(root);
  return found;
}

const controls = /[\u0000-\u0008\u000e-\u001f\u007f]/g;
const loneSurrogates = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Rewrites the strings of a parsed YAML value: controls removed (and
 * counted), lone surrogates replaced by U+FFFD, whitespace folded. Shared
 * (aliased) lists and maps are cleaned once.
 */
class StringCleaner {
  removed = 0;
  private readonly done = new Map<object, unknown>();

  string(text: string): string {
    let out = text;
    const before = out.length;
    out = out.replace(controls, '');
    this.removed += before - out.length;
    out = out.replace(loneSurrogates, '\ufffd');
    return foldWhitespace(out);
  }

  value(item: unknown): unknown {
    if (typeof item === 'string') return this.string(item);
    if (item === null || typeof item !== 'object') return item;
    const cached = this.done.get(item);
    if (cached !== undefined) return cached;
    if (Array.isArray(item)) {
      const out: unknown[] = [];
      this.done.set(item, out);
      for (const element of item) out.push(this.value(element));
      return out;
    }
    if (Object.getPrototypeOf(item) !== Object.prototype) return item; // a Date, binary data: kept as is
    const entries: [string, unknown][] = [];
    const out: Record<string, unknown> = {};
    this.done.set(item, out);
    for (const [key, element] of Object.entries(item)) entries.push([this.string(key), this.value(element)]);
    for (const [key, element] of entries) Object.defineProperty(out, key, { value: element, enumerable: true, writable: true, configurable: true });
    return out;
  }
}

/**
 * The 1-based line where `text` first nests deeper than `limit` (flow
 * brackets plus block indentation levels plus compact `- ` items), or 0.
 * One linear pass; quoted scalars are skipped within a line, and comments
 * ignored. It may over-count odd plain scalars, never real YAML nesting.
 */
function lineOverDepth(text: string, limit: number): number {
  const indents: number[] = [];
  let flow = 0;
  let line = 1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    let indent = 0;
    while (i < n && text.charCodeAt(i) === 32) {
      i++;
      indent++;
    }
    let compact = 0;
    // `- - - a` nests a sequence per dash; `? ` opens a complex key.
    while (i + 1 < n && (text.charCodeAt(i) === 45 || text.charCodeAt(i) === 63) && text.charCodeAt(i + 1) === 32) {
      compact++;
      i += 2;
      while (i < n && text.charCodeAt(i) === 32) i++;
    }
    const first = i < n ? text.charCodeAt(i) : 10;
    if (flow === 0 && first !== 10 && first !== 35) {
      while (indents.length > 0 && (indents[indents.length - 1] ?? 0) >= indent) indents.pop();
      indents.push(indent);
      if (indents.length + compact > limit) return line;
    }
    let quote = 0;
    let previous = 32;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 10) break;
      if (quote !== 0) {
        if (c === quote) quote = 0;
        else if (c === 92 && quote === 34) i++; // an escape inside "…"
      } else if ((c === 34 || c === 39) && (previous === 32 || previous === 9 || previous === 58 || previous === 44 || previous === 91 || previous === 123)) {
        quote = c; // a quoted scalar starts a token; an apostrophe inside a word does not
      } else if (c === 35 && (previous === 32 || previous === 9)) {
        while (i < n && text.charCodeAt(i) !== 10) i++; // comment
        break;
      } else if (c === 91 || c === 123) {
        flow++;
        if (flow + indents.length + compact > limit) return line;
      } else if ((c === 93 || c === 125) && flow > 0) {
        flow--;
      }
      previous = c;
      i++;
    }
    i++;
    line++;
  }
  return 0;
}
