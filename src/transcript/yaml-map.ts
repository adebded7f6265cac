/**
 * YAML documents that must be a map (sidecars, front matter), read with the
 * `yaml` package: alias expansion capped, duplicate keys as errors, every
 * error located in the original file (`lineOffset` shifts embedded YAML).
 */
import { isMap, isScalar, LineCounter, parseDocument, YAMLParseError } from 'yaml';
import type { Diagnostics } from './diagnostics.ts';

export interface YamlMap {
  /** The parsed map, or undefined when the YAML is unusable. */
  data: Record<string, unknown> | undefined;
  /** 1-based line of each top-level key in the original file. */
  lines: Record<string, number>;
}

/** Parse `text` as a YAML map, reporting problems; never throws. */
export function parseYamlMap(text: string, diagnostics: Diagnostics, lineOffset = 0): YamlMap {
  const lines: Record<string, number> = {};
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true, prettyErrors: false, strict: false });
  let failed = false;
  for (const error of doc.errors) {
    failed = true;
    const pos = counter.linePos(error.pos[0]);
    const line = pos.line + lineOffset;
    if (error.code === 'DUPLICATE_KEY') {
      // The yaml package's message does not name the key; read it from the source at the error.
      const key = (text.slice(error.pos[0]).split(/[:\n]/)[0] ?? '').trim().replace(/^["']|["']$/g, '');
      diagnostics.report('yaml-duplicate-key', line, pos.col, { key: key || '?' });
    } else {
      diagnostics.report('yaml-syntax', line, pos.col, { detail: firstLine(error.message) });
    }
  }
  if (failed) return { data: undefined, lines };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // toJS throws a ReferenceError when aliases expand past the limit.
    if (error instanceof YAMLParseError) diagnostics.report('yaml-syntax', 1 + lineOffset, 1, { detail: firstLine(error.message) });
    else diagnostics.report('yaml-alias-limit', 1 + lineOffset, 1);
    return { data: undefined, lines };
  }
  if (value === null || value === undefined) return { data: {}, lines };
  if (!isMap(doc.contents) || typeof value !== 'object' || Array.isArray(value)) {
    diagnostics.report('frontmatter-not-a-map', 1 + lineOffset, 1);
    return { data: undefined, lines };
  }
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    const range = isScalar(pair.key) ? pair.key.range : undefined;
    if (key !== undefined && range) lines[key] = counter.linePos(range[0]).line + lineOffset;
  }
  return { data: value as Record<string, unknown>, lines };
}

const firstLine = (message: string) => message.split('\n')[0] ?? message;
