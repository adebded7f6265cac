/**
 * zod issues as plain-language messages: the one place validation errors are
 * worded for users (after Starlight's error map).
 */
import type { z } from 'zod';

/** A message for one zod issue about `value`, saying what was expected and found. */
export function describeIssue(issue: z.core.$ZodIssue, value: unknown): string {
  const at = issue.path.length > 1 ? ` (at ${issue.path.slice(1).join('.')})` : '';
  const found = describeValue(value);
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${article(issue.expected)}, found ${found}${at}; fix the value`;
    case 'too_small':
      return `must not be empty${at}; give a value or remove the key`;
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

function article(type: string): string {
  if (type === 'array') return 'a list';
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
