/**
 * `npm run bench`: ingest throughput on synthetic 10 MB SRT and WebVTT files,
 * side by side in one run with two npm caption parsers, plus peak memory.
 *
 * - ours: the full ingest (decode, detect, parse, speakers, turns and
 *   paragraphs, validation against the zod schema) through `parseTranscript`,
 *   from bytes.
 * - @plussub/srt-vtt-parser and media-captions: their parse call on the
 *   already-decoded string (less work than ours; they do no normalising).
 *
 * Each measurement is the median of several rounds after a warm-up; each
 * round runs every parser once, so the machine's slow spells hit all alike. Memory is
 * measured in a fresh child process per parser: peak RSS growth while
 * parsing, relative to the input size. Then the sample site is built and
 * weighed (scripts/page-weight.ts). Results go to bench/results.json.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parse as plussubParse } from '@plussub/srt-vtt-parser';
import { parseText as mediaCaptionsParse } from 'media-captions';
import { createHash } from 'node:crypto';
import { detectFormat } from '../src/transcript/detect-format.ts';
import { Diagnostics } from '../src/transcript/diagnostics.ts';
import { buildReadingViews } from '../src/transcript/normalize/paragraphs.ts';
import { shareSegmentText } from '../src/transcript/normalize/shared-text.ts';
import { resolveSpeakers } from '../src/transcript/normalize/speakers.ts';
import { parseTranscript } from '../src/transcript/parse-transcript.ts';
import { decodeSource } from '../src/transcript/source-text.ts';
import { validateEpisode } from '../src/transcript/validate-episode.ts';
import { syntheticSrt, syntheticVtt } from './corpus.ts';
import { siteBench } from './page-weight.ts';

const SIZE = 10 * 1024 * 1024;
const RUNS = Number(process.env.BENCH_RUNS ?? 11);

type Kind = 'srt' | 'vtt';
type ParserName = 'verbatim' | 'plussub' | 'media-captions';
const parsers: ParserName[] = ['verbatim', 'plussub', 'media-captions'];

function corpus(kind: Kind): { text: string; bytes: Uint8Array } {
  const text = kind === 'srt' ? syntheticSrt(SIZE) : syntheticVtt(SIZE);
  return { text, bytes: new TextEncoder().encode(text) };
}

/** The last parse result, kept alive so the memory child can measure what it retains. */
let lastResult: unknown;

/** Run one parser once; returns the number of cues/segments it produced. */
async function runOnce(parser: ParserName, kind: Kind, input: { text: string; bytes: Uint8Array }): Promise<number> {
  switch (parser) {
    case 'verbatim': {
      const { episode, diagnostics } = parseTranscript({ file: `bench.${kind}`, bytes: input.bytes });
      if (!episode) throw new Error(`ingest failed: ${diagnostics[0]?.message ?? 'no episode'}`);
      lastResult = episode;
      return episode.segments.length;
    }
    case 'plussub': {
      const result = plussubParse(input.text);
      lastResult = result;
      return result.entries.length;
    }
    case 'media-captions': {
      const result = await mediaCaptionsParse(input.text, { type: kind });
      lastResult = result;
      return result.cues.length;
    }
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};

type Stage = 'decode+detect' | 'parse' | 'speakers+paragraphs' | 'digest' | 'validate';

/** Where the full ingest spends its time: the same steps as parseTranscript, timed one by one. */
function stageTimes(bytes: Uint8Array): Record<Stage, number> {
  const d = new Diagnostics('bench');
  let now = performance.now();
  const lap = () => {
    const t = performance.now();
    const dt = t - now;
    now = t;
    return dt;
  };
  const source = decodeSource(bytes, d);
  const format = detectFormat(source.text).format;
  if (!format) throw new Error('format not detected');
  const decode = lap();
  const raw = format.parse(source.text, d);
  const parse = lap();
  const { speakers, segments } = resolveSpeakers(raw.segments, raw.labels, { mapping: {}, hosts: [], guests: [] }, d);
  const { turns, paragraphs } = buildReadingViews(segments, shareSegmentText(segments));
  const normalize = lap();
  createHash('sha256').update(bytes).digest('hex');
  const digest = lap();
  const source_ = { file: 'bench', format: format.id, encoding: source.encoding, digest: '0'.repeat(64) };
  const checked = validateEpisode({ id: 'b', slug: 'b', title: 'b', show: 'b', hosts: [], guests: [], tags: [], topics: [], source: source_, duration: null, speakers, segments, chapters: [], turns, paragraphs });
  const validate = lap();
  if (!checked.success) throw new Error(`bench episode invalid: ${checked.issues[0]?.message ?? ''}`);
  return { 'decode+detect': decode, parse, 'speakers+paragraphs': normalize, digest, validate };
}

/**
 * Child-process mode: read the corpus file, then parse once and print the
 * peak RSS growth in bytes (the process high-water mark above the RSS held
 * before parsing). Reading a file makes little garbage, so the high-water
 * mark is set by the parse.
 */
async function memoryChild(parser: ParserName, kind: Kind, file: string): Promise<void> {
  const bytes = new Uint8Array(readFileSync(file));
  const input = { bytes, text: new TextDecoder().decode(bytes) };
  globalThis.gc?.();
  globalThis.gc?.();
  const before = process.memoryUsage().rss;
  // The JS heap plus memory outside it (large decoded strings can be external), which RSS counts too.
  const held = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.external;
  };
  const heapBefore = held();
  const count = await runOnce(parser, kind, input);
  const peak = process.resourceUsage().maxRSS * 1024;
  globalThis.gc?.();
  globalThis.gc?.();
  // What the result holds once parsing garbage is gone (the result is still referenced).
  const retained = held() - heapBefore;
  process.stdout.write(JSON.stringify({ growth: Math.max(0, peak - before), retained: lastResult ? retained : 0, count }));
}

function measureMemory(parser: ParserName, kind: Kind, input: { bytes: Uint8Array }): { growth: number; retained: number } {
  const dir = mkdtempSync(join(tmpdir(), 'verbatim-bench-'));
  const file = join(dir, `corpus.${kind}`);
  try {
    writeFileSync(file, input.bytes);
    const out = execFileSync(process.execPath, ['--expose-gc', import.meta.filename, '--memory', parser, kind, file], { encoding: 'utf8' });
    return JSON.parse(out) as { growth: number; retained: number };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const rows: Array<Record<string, string | number>> = [];
  for (const kind of ['srt', 'vtt'] as const) {
    const input = corpus(kind);
    const mb = input.bytes.length / (1024 * 1024);
    // Rounds interleave the parsers, so a slow spell of this shared machine slows all of them alike.
    const times = new Map<ParserName, number[]>(parsers.map((p) => [p, []]));
    const counts = new Map<ParserName, number>();
    for (const parser of parsers) counts.set(parser, await runOnce(parser, kind, input)); // warm-up
    for (let i = 0; i < RUNS; i++) {
      for (const parser of parsers) {
        const t0 = performance.now();
        await runOnce(parser, kind, input);
        times.get(parser)?.push(performance.now() - t0);
      }
    }
    for (const parser of parsers) {
      const ms = median(times.get(parser) ?? []);
      const count = counts.get(parser) ?? 0;
      const memory = measureMemory(parser, kind, input);
      rows.push({
        format: kind,
        parser,
        'input MB': Number(mb.toFixed(2)),
        cues: count,
        'median ms': Number(ms.toFixed(1)),
        'MB/s': Number((mb / (ms / 1000)).toFixed(1)),
        'cues/s': Math.round(count / (ms / 1000)),
        'peak RSS growth ×input': Number((memory.growth / input.bytes.length).toFixed(2)),
        'retained heap ×input': Number((memory.retained / input.bytes.length).toFixed(2)),
      });
      process.stderr.write(`${kind} ${parser}: ${ms.toFixed(1)} ms\n`);
    }
  }
  console.table(rows);
  const stages: Array<Record<string, string | number>> = [];
  for (const kind of ['srt', 'vtt'] as const) {
    const input = corpus(kind);
    const runs = Array.from({ length: RUNS }, () => stageTimes(input.bytes));
    const row: Record<string, string | number> = { format: kind };
    for (const stage of Object.keys(runs[0] ?? {}) as Stage[]) row[`${stage} ms`] = Number(median(runs.map((r) => r[stage])).toFixed(1));
    stages.push(row);
  }
  process.stdout.write('verbatim ingest by stage (median ms):\n');
  console.table(stages);
  for (const kind of ['srt', 'vtt']) {
    const ours = rows.find((r) => r.format === kind && r.parser === 'verbatim');
    const peers = rows.filter((r) => r.format === kind && r.parser !== 'verbatim');
    for (const peer of peers) {
      process.stdout.write(`${kind}: verbatim full ingest is ${(Number(ours?.['MB/s']) / Number(peer['MB/s'])).toFixed(2)}× ${peer.parser} parse\n`);
    }
  }
  // The built sample site: build wall time, page weight, Pagefind index size.
  const site = await siteBench();
  mkdirSync('bench', { recursive: true });
  const result = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    runs: RUNS,
    note: 'verbatim = full ingest from bytes (decode, detect, parse, speakers, paragraphs, schema validation); peers = parse of a decoded string. Median of interleaved rounds (each round runs every parser once) after one warm-up.',
    rows,
    stages,
    site,
  };
  writeFileSync('bench/results.json', `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write('wrote bench/results.json\n');
}

const args = process.argv.slice(2);
if (args[0] === '--memory') await memoryChild(args[1] as ParserName, args[2] as Kind, args[3] ?? '');
else await main();
