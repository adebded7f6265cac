/**
 * zod issues as plain-language messages: the one place validation errors are
 * worded for users (after Starlight's error map). A message says what was
 * expected and what was found (inside a list: which item), and, where the
 * fix is plain, what to write instead (`title: "2024"`, `tags: [a, b]`).
 */
import type { z } from 'zod';
import { listItemSuggestion, yamlFlowList, yamlScalar } from './yaml-write.ts';

/** A message for one zod issue about `value`, the whole value of the field `issue.path[0]`. */
export function describeIssue(issue: z.core.$ZodIssue, value: unknown): string {
  const inner = issue.path.slice(1);
  const item = valueAt(value, inner);
  const at = inner.length > 0 ? ` (${inner.map((p) => (typeof p === 'number' ? `item ${p + 1}` : `at ${String(p)}`)).join(', ')})` : '';
  const found = describeValue(item);
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${article(issue.expected)}, found ${found}${at}; ${fix(issue.expected, item, String(issue.path[0] ?? ''), typeof inner.at(-1) === 'number')}`;
    case 'too_small':
      return issue.origin === 'number' || issue.origin === 'int'
        ? `must be at least ${String(issue.minimum)}${at}, found ${found}`
        : `must not be empty${at}; give a value or remove the key`;
    case 'too_big':
      return issue.origin === 'number' || issue.origin === 'int' ? `must be at most ${String(issue.maximum)}${at}, found ${found}` : `${issue.message}${at}, found ${found}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => String(v)).join(', ')}${at}, found ${found}`;
    case 'invalid_format':
      return issue.format === 'date'
        ? `expected a date written YYYY-MM-DD, found ${found}${at}`
        : `${issue.message}, found ${found}${at}`;
    case 'custom':
      return `${issue.message}, found ${found}${at}`;
    default:
      return `${issue.message}${at}, found ${found}`;
  }
}

/** What to write instead of `item` where `expected` was wanted; `listItem` when it sits in a list. */
function fix(expected: string, item: unknown, key: string, listItem: boolean): string {
  const lead = listItem ? '- ' : `${key}: `;
  if (expected === 'string' && (typeof item === 'number' || typeof item === 'boolean')) return `quote it to make it text: ${lead}${yamlScalar(String(item))}`;
  if (expected === 'string' && listItem && item !== null && typeof item === 'object') {
    const suggestion = listItemSuggestion(item);
    if (suggestion !== '- Name') return `write it as text: ${suggestion}`;
  }
  if (expected === 'boolean') return `write ${lead}true or ${lead}false`;
  if (expected === 'int' && typeof item === 'number') return `write a whole number: ${lead}${Math.round(item)}`;
  if (expected === 'array' && typeof item === 'string') {
    const items = item.split(',').map((t) => t.trim()).filter((t) => t !== '');
    if (items.length > 0) return `write a list: ${key}: ${yamlFlowList(items)}`;
  }
  return 'fix the value';
}

/** The part of `value` at `path` (list indexes and map keys), or undefined. */
export function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let at = value;
  for (const p of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<PropertyKey, unknown>)[p];
  }
  return at;
}

function article(type: string): string {
  if (type === 'array') return 'a list';
  if (type === 'int') return 'a whole number';
  if (type === 'record' || type === 'object') return 'a map of key: value';
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  const text = String(value);
  return `${typeof value} "${text.length > 40 ? `${text.slice(0, 39)}…` : text}"`;
}
