/**
 * Fuzzing the ingest on the fixture corpus (every tests/fixtures/**\/input.*):
 * random byte-level mutations, splices of two files, truncation at every kind
 * of boundary, mutated sidecars and plain random input. Every parser and the
 * full ingest must be total (no throw, never `internal-error`) and keep the
 * invariants of tests/fuzz/invariants.ts.
 *
 * Work is bounded relative to size without wall-clock asserts: the text an
 * episode holds never exceeds the decoded input, and each parser's segment
 * count on an input repeated 2k times is at most about twice that on k
 * copies (linear growth; quadratic work would show four times). Timing
 * evidence (ns per byte from 1 KB to 8 MB) lives in `npm run fuzz`.
 *
 * CI budget: 5,800 generated cases and about 2,900 deterministic ones (every
 * fixture cut at its boundaries), well under a minute on two cores. The seed is fixed so CI is reproducible; set
 * FUZZ_SEED to explore, FUZZ_SCALE to multiply the number of runs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/transcript/diagnostics.ts';
import { formats } from '../../src/transcript/formats/index.ts';
import { parseTranscript } from '../../src/transcript/parse-transcript.ts';
import type { IngestResult, TranscriptInput } from '../../src/transcript/parse-transcript.ts';
import { decodeSource } from '../../src/transcript/source-text.ts';
import { rawProblems, resultProblems } from './invariants.ts';
import { boundaryOffsets, loadCorpus, mutate, mutation } from './mutations.ts';

const seed = Number(process.env.FUZZ_SEED ?? 20260101);
const scale = Number(process.env.FUZZ_SCALE ?? 1);
const runs = (n: number) => Math.max(1, Math.round(n * scale));

const { transcripts, sidecars } = loadCorpus();
const all = transcripts.map((t) => t.bytes);

/** Ingest `bytes` (and a sidecar), returning the problems found; a throw is a problem too. */
function check(bytes: Uint8Array, sidecar?: Uint8Array, file = 'fuzz.txt'): string[] {
  const input: TranscriptInput = { file, bytes };
  if (sidecar) input.sidecar = { file: 'fuzz.yml', bytes: sidecar };
  let result: IngestResult;
  try {
    result = parseTranscript(input);
  } catch (error) {
    return [`threw: ${String(error)}`];
  }
  const source = decodeSource(bytes, new Diagnostics(file));
  return resultProblems(result, source.text.length);
}

/** Run every parser (and detector) on the decoded text, returning problems. */
function checkParsers(bytes: Uint8Array): string[] {
  const source = decodeSource(bytes, new Diagnostics('fuzz'));
  const problems: string[] = [];
  for (const format of formats) {
    try {
      const score = format.detect(source.text.slice(0, 65536));
      if (!(score >= 0 && score <= 1)) problems.push(`${format.id}: detect gave ${score}`);
      const raw = format.parse(source.text, new Diagnostics('fuzz'));
      for (const p of rawProblems(raw, source.text)) problems.push(`${format.id}: ${p}`);
    } catch (error) {
      problems.push(`${format.id}: threw ${String(error)}`);
    }
  }
  return problems;
}

const sample = fc.nat({ max: transcripts.length - 1 });
const mutations = fc.array(mutation, { minLength: 1, maxLength: 6 });

describe('fuzz: the full ingest', () => {
  it(`has a corpus to mutate (${transcripts.length} transcripts, ${sidecars.length} sidecars)`, () => {
    expect(transcripts.length).toBeGreaterThan(100);
    expect(sidecars.length).toBeGreaterThan(10);
  });

  it('is total and keeps its invariants on mutated, spliced and truncated fixtures', () => {
    fc.assert(
      fc.property(sample, mutations, (i, ms) => {
        const base = transcripts[i];
        if (!base) return;
        expect(check(mutate(base.bytes, ms, all), base.sidecar, base.file)).toEqual([]);
      }),
      { seed, numRuns: runs(2500) },
    );
  });

  it('is total on mutated sidecars paired with any transcript', () => {
    fc.assert(
      fc.property(sample, fc.nat({ max: sidecars.length - 1 }), mutations, (i, j, ms) => {
        const base = transcripts[i];
        const sidecar = sidecars[j];
        if (!base || !sidecar) return;
        expect(check(base.bytes, mutate(sidecar, ms, sidecars), base.file)).toEqual([]);
      }),
      { seed, numRuns: runs(800) },
    );
  });

  it('is total on random bytes and random text', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), (bytes) => {
        expect(check(bytes)).toEqual([]);
      }),
      { seed, numRuns: runs(400) },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 500 }), (text) => {
        expect(check(new TextEncoder().encode(text))).toEqual([]);
      }),
      { seed, numRuns: runs(400) },
    );
  });

  it('is total when every fixture is cut at every kind of boundary', () => {
    let cases = 0;
    for (const t of transcripts) {
      for (const at of boundaryOffsets(t.bytes)) {
        const problems = check(t.bytes.subarray(0, at), t.sidecar, t.file);
        if (problems.length > 0) throw new Error(`${t.file} cut at ${at}: ${problems.join('; ')}`);
        cases++;
      }
    }
    expect(cases).toBeGreaterThan(1000);
  });

  it('is total when a sidecar is cut at every kind of boundary', () => {
    const base = transcripts[0];
    if (!base) throw new Error('no corpus');
    for (const s of sidecars) {
      for (const at of boundaryOffsets(s, 12)) {
        const problems = check(base.bytes, s.subarray(0, at));
        if (problems.length > 0) throw new Error(`sidecar cut at ${at}: ${problems.join('; ')}`);
      }
    }
  });
});

describe('fuzz: every parser on any text', () => {
  it('never throws and keeps raw segment invariants on mutated fixtures', () => {
    fc.assert(
      fc.property(sample, mutations, (i, ms) => {
        const base = transcripts[i];
        if (!base) return;
        expect(checkParsers(mutate(base.bytes, ms, all))).toEqual([]);
      }),
      { seed, numRuns: runs(1200) },
    );
  });

  it('never throws on every fixture read as every format', () => {
    for (const t of transcripts) expect(checkParsers(t.bytes), t.file).toEqual([]);
  });
});

describe('fuzz: work grows linearly with size', () => {
  /**
   * Doubling test: a parser's segments on an input repeated 2k times are at
   * most about twice those on k copies. Linear work per copy doubles; a parser
   * that re-reads earlier input per cue, or multiplies segments, would show
   * four times as many. Comparing k with 2k copies (not 1 with k) lets the
   * first copy differ: a preamble only the first copy may skip, rolling
   * captions only detected over several cues. With k ≥ 4 even a first copy
   * that yields nothing gives a ratio of (2k−1)/(k−1) ≤ 2.33; the slack
   * (×2.5, +k+2) leaves room for seams between copies.
   */
  const growth = (text: string, k: number, report: (id: string, a: number, b: number) => void) => {
    const once = `${text}\n`.repeat(k);
    const twice = once.repeat(2);
    for (const format of formats) {
      const a = format.parse(once, new Diagnostics('x')).segments.length;
      const b = format.parse(twice, new Diagnostics('x')).segments.length;
      if (b > 2.5 * a + k + 2) report(format.id, a, b);
    }
  };

  it('each parser on every fixture: 8 copies hold at most about twice the segments of 4', () => {
    const failures: string[] = [];
    for (const t of transcripts) {
      const text = decodeSource(t.bytes, new Diagnostics('x')).text;
      growth(text, 4, (id, a, b) => failures.push(`${id} on ${t.file}: ${a} → ${b}`));
    }
    expect(failures).toEqual([]);
  });

  it('the same holds for random mutations of the fixtures', () => {
    fc.assert(
      fc.property(sample, mutations, fc.integer({ min: 4, max: 8 }), (i, ms, k) => {
        const base = transcripts[i];
        if (!base) return;
        const failures: string[] = [];
        growth(decodeSource(mutate(base.bytes, ms, all), new Diagnostics('x')).text, k, (id, a, b) => failures.push(`${id}: ${a} → ${b}`));
        expect(failures).toEqual([]);
      }),
      { seed, numRuns: runs(500) },
    );
  });
});
