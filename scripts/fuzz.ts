/**
 * `npm run fuzz`: the long run behind tests/fuzz/ (which CI runs briefly).
 *
 * 1. Fuzz: FUZZ_RUNS (default 100,000) random mutations, splices and
 *    truncations of the fixture corpus through the full ingest, every parser
 *    on its own, and mutated sidecars; each result must keep the invariants
 *    of tests/fuzz/invariants.ts. FUZZ_SEED repeats a run.
 * 2. Linearity: each parser (and the full ingest) on inputs of one shape
 *    growing from 1 KB to 8 MB, doubling; prints ns per byte at each size and
 *    the ratio of the largest to the smallest (a linear parser stays near 1,
 *    a quadratic one grows with the size: 8,192 from 1 KB to 8 MB).
 * 3. Scale: a 50 MB SRT and a 50 MB Markdown file through the full ingest,
 *    each in a fresh child process, with time and peak memory (max RSS).
 * 4. Index: an SRT episode just under the 64 MiB file limit through the
 *    ingest and the Pagefind index (the site's writeSearchIndex), then one
 *    search for a word in every passage, in a fresh child process.
 *
 * Results go to bench/fuzz.json. FUZZ_SKIP=fuzz,linearity,scale,index skips
 * parts; a skipped part keeps its result from the previous run.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import { writeSearchIndex } from '../src/search-index/write-search-index.ts';
import { loadPagefind } from '../src/node/pagefind-search.ts';
import { Diagnostics } from '../src/transcript/diagnostics.ts';
import { formatById } from '../src/transcript/formats/index.ts';
import { parseTranscript } from '../src/transcript/parse-transcript.ts';
import type { FormatId } from '../src/transcript/schema.ts';
import { decodeSource, MAX_FILE_BYTES } from '../src/transcript/source-text.ts';
import { MAX_YAML_CHARS } from '../src/transcript/yaml-map.ts';
import { rawProblems, resultProblems } from '../tests/fuzz/invariants.ts';
import { loadCorpus, mutate, mutation } from '../tests/fuzz/mutations.ts';
import { syntheticSrt, syntheticVtt } from './corpus.ts';

const skip = new Set((process.env.FUZZ_SKIP ?? '').split(',').filter(Boolean));
const out = (line: string) => process.stdout.write(`${line}\n`);
const encode = (text: string) => new TextEncoder().encode(text);
/** Size of the scale test: under the 64 MiB file limit. */
const SCALE_BYTES = 50 * 1024 * 1024;

// --- Input shapes of any size ---------------------------------------------------------------

const words = 'so the grid needs new lines before the data centers grow and every project costs more than we thought'.split(' ');

/** Markdown with `**Name:**` turns and headings, about `size` characters. */
function markdownOf(size: number): string {
  const parts: string[] = ['---\ntitle: Synthetic\nhosts: [Ann]\n---\n'];
  let n = 0;
  let i = 0;
  while (n < size) {
    const sentence = Array.from({ length: 12 }, (_, k) => words[(i + k * 7) % words.length]).join(' ');
    const block = i % 40 === 0 ? `## Part ${i / 40 + 1}\n` : `**${i % 3 === 0 ? 'Ann' : 'Bob'}:** ${sentence}. And *more* of [it](https://example.com/${i}).\n`;
    parts.push(block);
    n += block.length + 1;
    i++;
  }
  return parts.join('\n');
}

/** A caption-token dump: one word a line, blank lines between caption lines, `>>` turns. */
function tokensOf(size: number): string {
  const parts: string[] = [];
  let n = 0;
  let i = 0;
  while (n < size) {
    const line = `${i % 9 === 0 ? '>>\n' : ''}${Array.from({ length: 5 }, (_, k) => ` ${words[(i + k) % words.length]}`).join('\n')}\n\n\n`;
    parts.push(line);
    n += line.length;
    i++;
  }
  return parts.join('');
}

/** `- [MM:SS] text` bullets after front matter and a preamble. */
function bulletsOf(size: number): string {
  const parts: string[] = ['---\ntitle: Bullets\n---\n\n# Transcript: abc\n\n## Text\n'];
  let n = 0;
  for (let i = 0; n < size; i++) {
    const line = `- [${Math.floor(i / 60)}:${String(i % 60).padStart(2, '0')}] ${words.slice(i % 5, (i % 5) + 10).join(' ')}.\n`;
    parts.push(line);
    n += line.length;
  }
  return parts.join('');
}

/** The one-line SRT variant. */
function oneLineSrtOf(size: number): string {
  return syntheticSrt(size).replace(/\n+/g, ' ');
}

interface Family {
  name: string;
  format: FormatId;
  make: (size: number) => string;
  /** Hostile shapes (deep nesting, long unbroken runs) are timed through their parser only. */
  hostile?: true;
  /** Sizes above this are refused by a limit (so cost next to nothing); the ratio is taken up to it. */
  upTo?: number;
}

const families: Family[] = [
  { name: 'srt', format: 'srt', make: (n) => syntheticSrt(n) },
  { name: 'srt one line', format: 'srt', make: oneLineSrtOf },
  { name: 'webvtt', format: 'webvtt', make: (n) => syntheticVtt(n) },
  { name: 'caption tokens', format: 'caption-tokens', make: tokensOf },
  { name: 'markdown', format: 'markdown', make: markdownOf },
  { name: 'timestamp bullets', format: 'timestamp-bullets', make: bulletsOf },
  {
    name: 'webvtt nested <c>',
    format: 'webvtt',
    hostile: true,
    make: (n) => `WEBVTT\n\n00:01.000 --> 00:02.000\n${'<c>'.repeat(Math.floor(n / 8))}x${'</c>'.repeat(Math.floor(n / 8))}\n`,
  },
  { name: 'webvtt lone <', format: 'webvtt', hostile: true, make: (n) => `WEBVTT\n\n00:01.000 --> 00:02.000\n${'a <'.repeat(Math.floor(n / 3))}\n` },
  { name: 'srt arrows in text', format: 'srt', hostile: true, make: (n) => `1\n00:00:01,000 --> 00:00:02,000\n${'1 2:3 --> '.repeat(Math.floor(n / 10))}\n` },
  { name: 'tokens brackets', format: 'caption-tokens', hostile: true, make: (n) => `${'[\n'.repeat(Math.floor(n / 2))}` },
  { name: 'markdown emphasis', format: 'markdown', hostile: true, make: (n) => `${'*a _b '.repeat(Math.floor(n / 6))}\n` },
  { name: 'markdown brackets', format: 'markdown', hostile: true, make: (n) => `${'[a]('.repeat(Math.floor(n / 8))}${')'.repeat(Math.floor(n / 8))}\n` },
  {
    name: 'markdown nested lists',
    format: 'markdown',
    hostile: true,
    make: (n) => `${Array.from({ length: Math.floor(n / 100) + 1 }, (_, i) => `${'  '.repeat(i % 40)}- item`).join('\n')}\n`,
  },
  {
    name: 'front matter keys',
    format: 'markdown',
    hostile: true,
    upTo: MAX_YAML_CHARS,
    make: (n) => `---\n${Array.from({ length: Math.floor(n / 12) + 1 }, (_, i) => `k${i}: v${i}`).join('\n')}\n---\n\nHello.\n`,
  },
];

// --- 1. Fuzz ---------------------------------------------------------------------------------

interface FuzzReport {
  runs: number;
  seed: number;
  failures: { mode: string; problems: string[]; counterexample: string }[];
  seconds: number;
}

function fuzz(): FuzzReport {
  const runs = Number(process.env.FUZZ_RUNS ?? 100_000);
  const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
  const { transcripts, sidecars } = loadCorpus();
  const all = transcripts.map((t) => t.bytes);
  const failures: FuzzReport['failures'] = [];
  const t0 = performance.now();
  let done = 0;
  const mode = fc.constantFrom('ingest', 'ingest', 'ingest', 'parsers', 'sidecar');
  const property = fc.property(mode, fc.nat({ max: transcripts.length - 1 }), fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 8 }), (m, i, j, ms) => {
    done++;
    if (done % 10_000 === 0) out(`  ${done.toLocaleString('en')} runs, ${failures.length} failing, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    const base = transcripts[i];
    if (!base) return true;
    let problems: string[] = [];
    try {
      if (m === 'parsers') {
        const text = decodeSource(mutate(base.bytes, ms, all), new Diagnostics('fuzz')).text;
        for (const id of ['srt', 'webvtt', 'caption-tokens', 'markdown', 'timestamp-bullets'] as const) {
          const format = formatById(id);
          format.detect(text.slice(0, 65536));
          for (const p of rawProblems(format.parse(text, new Diagnostics('fuzz')), text)) problems.push(`${id}: ${p}`);
        }
      } else {
        const bytes = m === 'ingest' ? mutate(base.bytes, ms, all) : base.bytes;
        const sidecar = m === 'sidecar' ? mutate(sidecars[j % sidecars.length] ?? new Uint8Array(), ms, sidecars) : base.sidecar;
        const result = parseTranscript(sidecar ? { file: base.file, bytes, sidecar: { file: 'fuzz.yml', bytes: sidecar } } : { file: base.file, bytes });
        problems = resultProblems(result, decodeSource(bytes, new Diagnostics('fuzz')).text.length);
      }
    } catch (error) {
      problems = [`threw: ${String(error)}`];
    }
    if (problems.length > 0 && failures.length < 20) failures.push({ mode: m, problems, counterexample: JSON.stringify([m, i, j, ms], (_, v) => (v instanceof Uint8Array ? [...v] : v)) });
    return true; // keep going: collect failures rather than stop at the first
  });
  fc.check(property, { seed, numRuns: runs });
  return { runs, seed, failures, seconds: Math.round((performance.now() - t0) / 1000) };
}

// --- 2. Linearity ----------------------------------------------------------------------------

interface Curve {
  family: string;
  stage: 'parse' | 'ingest';
  sizes: number[];
  nsPerByte: number[];
  /** Largest ns/byte over smallest, all sizes (up to the family's limit). */
  ratio: number;
  /** The same from 64 KB up, where per-call overhead no longer dominates. */
  ratioFrom64K: number;
}

/** Best time of a few runs (enough to spend ~60 ms, at least two). */
function timeIt(fn: () => void): number {
  let best = Infinity;
  let spent = 0;
  for (let k = 0; k < 2 || (spent < 60 && k < 50); k++) {
    const t0 = performance.now();
    fn();
    const t = performance.now() - t0;
    spent += t;
    best = Math.min(best, t);
  }
  return best;
}

function linearity(): Curve[] {
  const sizes: number[] = [];
  for (let s = 1024; s <= 8 * 1024 * 1024; s *= 2) sizes.push(s);
  const curves: Curve[] = [];
  for (const family of families) {
    const format = formatById(family.format);
    for (const stage of ['parse', 'ingest'] as const) {
      if (stage === 'ingest' && family.hostile) continue;
      const ns: number[] = [];
      const actual: number[] = [];
      for (const size of sizes) {
        const text = family.make(size);
        const bytes = encode(text);
        // Warm up on a small input first so the JIT has compiled the parser.
        if (size === sizes[0]) for (let k = 0; k < 20; k++) format.parse(text, new Diagnostics('w'));
        const ms =
          stage === 'parse'
            ? timeIt(() => format.parse(text, new Diagnostics('x')))
            : timeIt(() => parseTranscript({ file: 'x', bytes, format: family.format }));
        actual.push(bytes.length);
        ns.push((ms * 1e6) / bytes.length);
      }
      const inRange = (k: number) => (actual[k] ?? 0) <= (family.upTo ?? Infinity);
      const all = ns.filter((_, k) => inRange(k));
      const from = ns.filter((_, k) => inRange(k) && (actual[k] ?? 0) >= 64 * 1024);
      const curve: Curve = {
        family: family.name,
        stage,
        sizes: actual,
        nsPerByte: ns.map((x) => Math.round(x * 10) / 10),
        ratio: Math.round((Math.max(...all) / Math.min(...all)) * 100) / 100,
        ratioFrom64K: Math.round((Math.max(...from) / Math.min(...from)) * 100) / 100,
      };
      curves.push(curve);
      const note = family.upTo ? ` (up to ${family.upTo / 1024} KB; larger input is refused)` : '';
      out(`  ${`${family.name} (${stage})`.padEnd(34)} ns/byte ${curve.nsPerByte.map((x) => x.toString().padStart(6)).join(' ')}  max/min ${curve.ratio} (≥64 KB: ${curve.ratioFrom64K})${note}`);
    }
  }
  return curves;
}

// --- 3. Scale --------------------------------------------------------------------------------

function scale(): unknown[] {
  const results: unknown[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'verbatim-fuzz-'));
  try {
    for (const kind of ['srt', 'markdown'] as const) {
      // Written to disk first, so the child's memory holds the bytes and the ingest only.
      const path = join(dir, `big.${kind === 'srt' ? 'srt' : 'md'}`);
      const text = kind === 'srt' ? syntheticSrt(SCALE_BYTES) : markdownOf(SCALE_BYTES);
      writeFileSync(path, text.slice(0, text.lastIndexOf('\n\n', SCALE_BYTES) + 1)); // cut at a block boundary
      const json = execFileSync(process.execPath, ['--expose-gc', 'scripts/fuzz.ts', '--big', path], { encoding: 'utf8', maxBuffer: 1 << 24 });
      const result: Record<string, unknown> = { kind, ...(JSON.parse(json) as Record<string, unknown>) };
      results.push(result);
      out(
        `  ${(Number(result.bytes) / 2 ** 20).toFixed(0)} MB ${kind}: ${result.ms} ms, ${result.segments} segments, peak RSS ${result.peakRssMB} MB ` +
          `(${result.rssBeforeMB} MB with the bytes read, so ${result.peakOverInputMB} MB for the ingest), problems: ${JSON.stringify(result.problems)}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

// --- 4. Index --------------------------------------------------------------------------------

function index(): unknown {
  const dir = mkdtempSync(join(tmpdir(), 'verbatim-fuzz-'));
  try {
    const path = join(dir, 'big.srt');
    const size = MAX_FILE_BYTES - 1024;
    const text = syntheticSrt(size);
    writeFileSync(path, text.slice(0, text.lastIndexOf('\n\n', size) + 1));
    const json = execFileSync(process.execPath, ['scripts/fuzz.ts', '--big-index', path, join(dir, 'site')], { encoding: 'utf8', maxBuffer: 1 << 24 });
    const result = JSON.parse(json) as Record<string, unknown>;
    out(
      `  ${(Number(result.bytes) / 2 ** 20).toFixed(1)} MB SRT: ingest ${result.ingestMs} ms, ${result.passages} passages indexed in ${result.indexMs} ms, ` +
        `${result.files} files (${result.indexMB} MB), peak RSS ${result.peakRssMB} MB (Node; Pagefind's indexer is its own process), ` +
        `first search for "${result.query}" ${result.searchMs} ms, ${result.hits} hits`,
    );
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Ingest the file at `path`, index it into `outDir` as the site build does, search once; print figures as JSON. */
async function bigIndex(path: string, outDir: string): Promise<void> {
  const bytes = readFileSync(path);
  let t = performance.now();
  const { episode } = parseTranscript({ file: path, bytes });
  const ingestMs = performance.now() - t;
  if (!episode) throw new Error(`no episode from ${path}`);
  t = performance.now();
  const report = await writeSearchIndex([episode], { outDir, base: '/' });
  const indexMs = performance.now() - t;
  const { pagefind } = await loadPagefind(join(outDir, 'pagefind'));
  const query = 'grid';
  t = performance.now();
  const response = await pagefind.search(query);
  const searchMs = performance.now() - t;
  process.stdout.write(
    JSON.stringify({
      bytes: bytes.length,
      ingestMs: Math.round(ingestMs),
      passages: report.passages,
      indexMs: Math.round(indexMs),
      files: report.files,
      indexMB: Math.round(report.bytes / 2 ** 20),
      peakRssMB: Math.round((process.resourceUsage().maxRSS * 1024) / 2 ** 20),
      query,
      searchMs: Math.round(searchMs),
      hits: response?.results.length ?? 0,
    }),
  );
}

// --- Child mode: one big ingest, measured in a fresh process -----------------------------

/** Ingest the file at `path` once and print time and memory as JSON (run in a child process). */
function bigIngest(path: string): void {
  const bytes = readFileSync(path);
  (globalThis as { gc?: () => void }).gc?.();
  const rssBefore = process.memoryUsage().rss;
  const t0 = performance.now();
  const result = parseTranscript({ file: path, bytes });
  const ms = performance.now() - t0;
  const peak = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(
    JSON.stringify({
      bytes: bytes.length,
      ms: Math.round(ms),
      segments: result.episode?.segments.length ?? 0,
      paragraphs: result.episode?.paragraphs.length ?? 0,
      errors: result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code),
      problems: resultProblems(result).slice(0, 5),
      rssBeforeMB: Math.round(rssBefore / 2 ** 20),
      peakRssMB: Math.round(peak / 2 ** 20),
      peakOverInputMB: Math.round((peak - rssBefore) / 2 ** 20),
    }),
  );
}

// --- Run -------------------------------------------------------------------------------------

if (process.argv[2] === '--big') {
  bigIngest(process.argv[3] ?? '');
  process.exit(0);
}
if (process.argv[2] === '--big-index') {
  await bigIndex(process.argv[3] ?? '', process.argv[4] ?? '');
  process.exit(0);
}

const previous = existsSync('bench/fuzz.json') ? (JSON.parse(readFileSync('bench/fuzz.json', 'utf8')) as Record<string, unknown>) : {};
const now = new Date().toISOString();
const dates: Record<string, string> = {};
const report: Record<string, unknown> = { date: now, dates, node: process.version, cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length };
// Skipped parts keep the previous run's results, and `dates` says when each part last ran.
const previousDates = (previous.dates ?? {}) as Record<string, string>;
for (const part of ['fuzz', 'linearity', 'scale', 'index']) {
  if (!skip.has(part)) dates[part] = now;
  else if (previous[part] !== undefined) {
    report[part] = previous[part];
    dates[part] = previousDates[part] ?? String(previous.date);
  }
}
if (!skip.has('fuzz')) {
  out(`fuzz: ${Number(process.env.FUZZ_RUNS ?? 100_000).toLocaleString('en')} runs`);
  const r = fuzz();
  report.fuzz = r;
  out(`  ${r.runs.toLocaleString('en')} runs in ${r.seconds} s (seed ${r.seed}), ${r.failures.length} failing`);
  for (const f of r.failures.slice(0, 5)) out(`  FAIL ${f.mode}: ${f.problems.join('; ')}\n    ${f.counterexample.slice(0, 400)}`);
}
if (!skip.has('linearity')) {
  out('linearity: ns per byte from 1 KB to 8 MB, doubling');
  report.linearity = linearity();
}
if (!skip.has('scale')) {
  out('scale: 50 MB through the full ingest');
  report.scale = scale();
}
if (!skip.has('index')) {
  out('index: an episode at the file size limit through the search index');
  report.index = index();
}
mkdirSync('bench', { recursive: true });
writeFileSync('bench/fuzz.json', `${JSON.stringify(report, null, 2)}\n`);
out('wrote bench/fuzz.json');
const failed = (report.fuzz as FuzzReport | undefined)?.failures.length ?? 0;
process.exitCode = failed > 0 ? 1 : 0;
