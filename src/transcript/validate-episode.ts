/**
 * Episode validation with the zod schema as the only contract, made fast for
 * long transcripts. The envelope (titles, speakers, source…) goes through
 * zod; the bulk arrays (segments, turns, paragraphs: one object per cue) go
 * through acceptance checks compiled from the same zod schemas. Any failure
 * of that fast path runs the full `Episode.safeParse`, so a rejected episode
 * gets zod's own issues, word for word.
 *
 * The compiler understands only the plain constructs the bulk schemas use
 * (objects, arrays, strings with length and regex checks, numbers with
 * bounds and the integer format, booleans, enums, nullable, optional). For
 * anything else (a refinement, a transform, a new kind of check) it gives up
 * and zod validates that array, so the schema can change without this file
 * silently accepting less than zod would. tests/transcript/validate-episode.test.ts
 * checks that the bulk schemas compile and that the fast path accepts exactly
 * what zod accepts.
 */
import type { z } from 'zod';
import { Episode } from './schema.ts';

/** An acceptance test: true exactly when the zod schema it was compiled from accepts the value. */
export type FastCheck = (value: unknown) => boolean;

/** The zod internals the compiler reads (`schema._zod.def`, zod 4's documented definition object). */
interface Def {
  type: string;
  checks?: Array<{ _zod: { def: CheckDef } }>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  entries?: Record<string, unknown>;
  catchall?: unknown;
  coerce?: boolean;
  format?: string;
}
interface CheckDef {
  check: string;
  value?: unknown;
  inclusive?: boolean;
  minimum?: number;
  maximum?: number;
  length?: number;
  format?: string;
  pattern?: RegExp;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/**
 * A JavaScript expression that is true exactly when the value of expression
 * `v` passes `schema`, or null when the schema uses something this compiler
 * does not know. Regexes go into `constants` (referenced as `c[i]`).
 */
function acceptExpression(schema: z.ZodType, v: string, constants: unknown[], depth: number): string | null {
  const def = defOf(schema);
  const checks = (def.checks ?? []).map((c) => c._zod.def);
  if (def.coerce) return null;
  switch (def.type) {
    case 'nullable':
    case 'optional': {
      if (checks.length > 0 || !def.innerType) return null;
      const inner = acceptExpression(def.innerType, v, constants, depth);
      return inner && `(${v} === ${def.type === 'nullable' ? 'null' : 'undefined'} || ${inner})`;
    }
    case 'boolean':
      return checks.length > 0 ? null : `typeof ${v} === "boolean"`;
    case 'enum': {
      const values = Object.values(def.entries ?? {});
      if (checks.length > 0 || values.length === 0 || !values.every((x) => typeof x === 'string')) return null;
      return `(${values.map((x) => `${v} === ${JSON.stringify(x)}`).join(' || ')})`;
    }
    case 'string': {
      const parts = [`typeof ${v} === "string"`];
      for (const c of checks) {
        if (c.check === 'min_length' && typeof c.minimum === 'number') parts.push(`${v}.length >= ${c.minimum}`);
        else if (c.check === 'max_length' && typeof c.maximum === 'number') parts.push(`${v}.length <= ${c.maximum}`);
        else if (c.check === 'string_format' && c.format === 'regex' && c.pattern instanceof RegExp) {
          // As zod does: reset lastIndex so a /g or /y pattern tests from the start.
          const i = constants.push(c.pattern) - 1;
          parts.push(`((c[${i}].lastIndex = 0), c[${i}].test(${v}))`);
        } else return null;
      }
      return `(${parts.join(' && ')})`;
    }
    case 'number': {
      // zod 4 numbers refuse NaN and ±Infinity; `z.int()` is the safe-integer format.
      let parts: string[];
      if (def.format === 'safeint') parts = [`Number.isSafeInteger(${v})`];
      else if (def.format === undefined) parts = [`typeof ${v} === "number"`, `Number.isFinite(${v})`];
      else return null;
      for (const c of checks) {
        if (typeof c.value !== 'number' || !Number.isFinite(c.value)) return null;
        if (c.check === 'greater_than') parts.push(`${v} ${c.inclusive ? '>=' : '>'} ${c.value}`);
        else if (c.check === 'less_than') parts.push(`${v} ${c.inclusive ? '<=' : '<'} ${c.value}`);
        else return null;
      }
      return `(${parts.join(' && ')})`;
    }
    case 'object': {
      // Only zod's default mode (unknown keys ignored); strict, passthrough and catchall objects are left to zod.
      if (checks.length > 0 || def.catchall !== undefined || !def.shape) return null;
      const parts = [`typeof ${v} === "object"`, `${v} !== null`, `!Array.isArray(${v})`];
      for (const [key, field] of Object.entries(def.shape)) {
        if (key === '__proto__') return null;
        const inner = acceptExpression(field, `${v}[${JSON.stringify(key)}]`, constants, depth);
        if (inner === null) return null;
        parts.push(inner);
      }
      return `(${parts.join(' && ')})`;
    }
    case 'array': {
      if (checks.length > 0 || !def.element) return null;
      const e = `e${depth}`;
      const inner = acceptExpression(def.element, e, constants, depth + 1);
      return inner && `(Array.isArray(${v}) && ${v}.every((${e}) => ${inner}))`;
    }
    default:
      return null;
  }
}

/**
 * Compile `schema` into a fast acceptance test, or null when it uses a
 * construct the compiler does not know (or code generation is disallowed).
 * The generated function is straight-line property reads and comparisons,
 * which the JIT keeps monomorphic; zod's general machinery costs about
 * twenty times as much per segment.
 */
export function compileFastCheck(schema: z.ZodType): FastCheck | null {
  const constants: unknown[] = [];
  const body = acceptExpression(schema, 'v', constants, 0);
  if (body === null) return null;
  try {
    return new Function('c', `"use strict"; return (v) => ${body};`)(constants) as FastCheck;
  } catch {
    return null; // e.g. node --disallow-code-generation-from-strings
  }
}

/** Keys of the Episode whose arrays hold one object per cue, paragraph or turn. */
export const bulkKeys = ['segments', 'turns', 'paragraphs'] as const;

/** The episode without its bulk arrays (unknown keys are ignored by zod's default object mode). */
const Envelope = Episode.omit({ segments: true, turns: true, paragraphs: true });

/** One compiled check per bulk array, or null where zod must do it. */
const bulkChecks = Object.fromEntries(bulkKeys.map((key) => [key, compileFastCheck(Episode.shape[key])])) as Record<
  (typeof bulkKeys)[number],
  FastCheck | null
>;

/** True when the fast path alone accepts `value` (zod does the parts the compiler could not). */
export function fastAcceptsEpisode(value: unknown): boolean {
  if (!Envelope.safeParse(value).success) return false;
  const episode = value as Record<string, unknown>;
  for (const key of bulkKeys) {
    const check = bulkChecks[key];
    if (!(check ? check(episode[key]) : Episode.shape[key].safeParse(episode[key]).success)) return false;
  }
  return true;
}

/** `Episode.safeParse` without its output: success, or zod's issues for a rejected episode. */
export function validateEpisode(value: unknown): { success: true } | { success: false; issues: z.core.$ZodIssue[] } {
  if (fastAcceptsEpisode(value)) return { success: true };
  const result = Episode.safeParse(value);
  return result.success ? { success: true } : { success: false, issues: result.error.issues };
}
