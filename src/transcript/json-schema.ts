/**
 * JSON Schemas of the episode (what `parse --json` prints) and of the
 * sidecar (what users write beside a transcript), emitted by zod from the
 * one schema source, so editors can offer completion and validation.
 */
import { z } from 'zod';
import { Episode, Sidecar } from './schema.ts';

/**
 * YAML may hand a date over as a Date object; in a JSON Schema both branches
 * are the same YYYY-MM-DD string.
 */
const options = {
  unrepresentable: 'any',
  override: (ctx: { zodSchema: { _zod: { def: { type: string } } }; jsonSchema: Record<string, unknown> }) => {
    if (ctx.zodSchema._zod.def.type === 'date') Object.assign(ctx.jsonSchema, { type: 'string', format: 'date' });
  },
} as const;

/** The published JSON Schema documents, keyed by file name under `schemas/`. */
export function jsonSchemas(): Record<string, unknown> {
  return {
    'episode.schema.json': {
      ...z.toJSONSchema(Episode, { ...options, io: 'output' }),
      $id: 'https://verbatim.dev/schemas/episode.schema.json',
      title: 'Verbatim episode',
      description: 'A normalized transcript episode, as printed by `verbatim parse --json`.',
    },
    'sidecar.schema.json': {
      ...z.toJSONSchema(Sidecar, { ...options, io: 'input' }),
      $id: 'https://verbatim.dev/schemas/sidecar.schema.json',
      title: 'Verbatim sidecar',
      description: 'Metadata written beside a transcript as <name>.yml: title, show, date, credits and speaker names.',
    },
  };
}
