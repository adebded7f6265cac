/**
 * The fast episode validator accepts exactly what zod accepts: on real
 * episodes from the fixture corpus, on episodes with one value anywhere in a
 * bulk array or the envelope replaced by a tricky one (wrong type, NaN,
 * -0, 2^53, empty string, a near-miss of a regex or enum, a missing key,
 * an extra key, an array holding the right fields), and on loose objects built field by field from the
 * schemas' own keys. A rejected episode gets zod's issues unchanged.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseTranscript } from '../../src/transcript/parse-transcript.ts';
import { Episode, Paragraph, Segment, Turn } from '../../src/transcript/schema.ts';
import { bulkKeys, compileFastCheck, fastAcceptsEpisode, validateEpisode } from '../../src/transcript/validate-episode.ts';
import { loadCorpus } from '../fuzz/mutations.ts';

const seed = Number(process.env.FUZZ_SEED ?? 20260101);

/** Real episodes: every fixture transcript that ingests. */
const episodes: Episode[] = loadCorpus()
  .transcripts.map((t) => parseTranscript({ file: t.file, bytes: t.bytes }).episode)
  .filter((e): e is Episode => e !== null && e.segments.length > 0 && e.paragraphs.length > 0);

const ABSENT = Symbol('absent');

/** Values that sit on or just past some schema boundary, plus a few of every type. */
const tricky = fc.constantFrom<unknown>(
  ABSENT,
  undefined,
  null,
  0,
  -0,
  1,
  -1,
  0.5,
  1.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  2 ** 53 - 1,
  2 ** 53,
  -(2 ** 53),
  1e-9,
  '',
  ' ',
  'a',
  'p',
  'p1',
  'p0',
  'p12',
  'P1',
  'p1x',
  ' p1',
  'p1\n',
  'p١',
  'speech',
  'sound',
  'Speech',
  'speech ',
  'music',
  true,
  false,
  0n,
  [],
  ['a'],
  {},
  { id: 'p1' },
  new Date(0),
  Object.create(null) as object,
);

/** `target` with `key` set to `value` (or deleted for ABSENT), as a copy. */
function withValue(target: unknown, key: string | number, value: unknown): unknown {
  if (Array.isArray(target)) {
    const copy = [...target];
    if (value === ABSENT) copy.splice(Number(key), 1);
    else copy[Number(key)] = value;
    return copy;
  }
  const copy = { ...(target as Record<string, unknown>) };
  if (value === ABSENT) delete copy[key];
  else copy[key] = value;
  return copy;
}

/** Replace one value somewhere in the episode: a field of a bulk element, a bulk element, a bulk array, or an envelope field. */
const mutatedEpisode = fc
  .record({
    which: fc.nat({ max: episodes.length - 1 }),
    where: fc.constantFrom('field', 'field', 'field', 'element', 'array', 'envelope', 'extra-key', 'as-array'),
    array: fc.constantFrom(...bulkKeys),
    index: fc.nat(),
    key: fc.nat(),
    value: tricky,
  })
  .map(({ which, where, array, index, key, value }) => {
    const episode = episodes[which] as Episode;
    const list = episode[array] as unknown[];
    const i = index % list.length;
    const element = list[i] as Record<string, unknown>;
    const shape = { segments: Segment, turns: Turn, paragraphs: Paragraph }[array].shape;
    const fields = Object.keys(shape);
    switch (where) {
      case 'field':
        return withValue(episode, array, withValue(list, i, withValue(element, fields[key % fields.length] as string, value)));
      case 'element':
        return withValue(episode, array, withValue(list, i, value));
      case 'array':
        return withValue(episode, array, value);
      case 'envelope': {
        const envelope = Object.keys(Episode.shape).filter((k) => !(bulkKeys as readonly string[]).includes(k));
        return withValue(episode, envelope[key % envelope.length] as string, value);
      }
      case 'as-array':
        // Every field right, but an array rather than a plain object.
        return withValue(episode, array, withValue(list, i, Object.assign([], element)));
      default:
        return withValue(episode, array, withValue(list, i, { ...element, extra: value }));
    }
  });

/** An object built from a schema's keys, each holding a tricky value or a value seen in a real element. */
function looseElement(schema: z.ZodObject, real: readonly Record<string, unknown>[]) {
  const fields = Object.keys(schema.shape);
  return fc
    .tuple(
      fc.nat({ max: real.length - 1 }),
      fc.array(fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: tricky.map((v) => ({ v })) }), {
        minLength: fields.length,
        maxLength: fields.length,
      }),
    )
    .map(([which, overrides]) => {
      let element: unknown = real[which];
      overrides.forEach((o, k) => {
        if (o !== null) element = withValue(element, fields[k] as string, o.v);
      });
      return element;
    });
}

describe('validateEpisode', () => {
  it('has real episodes to mutate', () => {
    expect(episodes.length).toBeGreaterThan(20);
  });

  it('compiles every bulk schema (else zod would do that array, slowly)', () => {
    for (const key of bulkKeys) expect(compileFastCheck(Episode.shape[key]), key).not.toBeNull();
  });

  it('leaves to zod what the compiler does not understand', () => {
    expect(compileFastCheck(z.object({ a: z.string() }).strict())).toBeNull();
    expect(compileFastCheck(z.object({ a: z.string().refine((s) => s !== 'x') }))).toBeNull();
    expect(compileFastCheck(z.object({ a: z.string().transform((s) => s.trim()) }))).toBeNull();
    expect(compileFastCheck(z.object({ a: z.string().email() }))).toBeNull();
    expect(compileFastCheck(z.object({ a: z.coerce.number() }))).toBeNull();
    expect(compileFastCheck(z.object({ a: z.number().multipleOf(2) }))).toBeNull();
    expect(compileFastCheck(z.object({ a: z.string().default('x') }))).toBeNull();
    expect(compileFastCheck(z.array(z.string()).min(1))).toBeNull();
  });

  it('accepts every real episode, as zod does', () => {
    for (const episode of episodes) {
      expect(Episode.safeParse(episode).success).toBe(true);
      expect(fastAcceptsEpisode(episode)).toBe(true);
    }
  });

  it('accepts exactly what zod accepts on mutated episodes, and reports zod’s issues', () => {
    let rejected = 0;
    fc.assert(
      fc.property(mutatedEpisode, (episode) => {
        const zod = Episode.safeParse(episode);
        expect(fastAcceptsEpisode(episode)).toBe(zod.success);
        const ours = validateEpisode(episode);
        expect(ours.success).toBe(zod.success);
        if (!zod.success && !ours.success) {
          rejected++;
          expect(ours.issues).toEqual(zod.error.issues);
        }
      }),
      { seed, numRuns: 3000 },
    );
    // Most mutations break the episode; both outcomes must be well represented.
    expect(rejected).toBeGreaterThan(1000);
    expect(rejected).toBeLessThan(2900);
  });

  it('compiled element checks agree with zod on loose segments, turns and paragraphs', () => {
    const all = (key: (typeof bulkKeys)[number]) => episodes.flatMap((e) => e[key] as unknown as Record<string, unknown>[]);
    for (const [key, schema] of [
      ['segments', Segment],
      ['turns', Turn],
      ['paragraphs', Paragraph],
    ] as const) {
      const check = compileFastCheck(schema);
      expect(check).not.toBeNull();
      let accepted = 0;
      fc.assert(
        fc.property(looseElement(schema, all(key)), (element) => {
          const zod = schema.safeParse(element).success;
          if (zod) accepted++;
          expect(check?.(element)).toBe(zod);
        }),
        { seed, numRuns: 2000 },
      );
      expect(accepted).toBeGreaterThan(200);
    }
  });
});
