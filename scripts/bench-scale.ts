/**
 * The scale benchmark: builds a generated archive of N episodes the way a
 * user would (`verbatim build`, a process tree of its own), cold and then
 * after editing one transcript, and measures time per phase, the peak memory
 * of all the build's processes together, and what a reader's first search
 * transfers for a rare and a common word.
 *
 *   npm run bench:scale -- --episodes N [--runs R] [--seed S] [--no-search] [--keep]
 *
 * Results are merged into bench/scale.json (one entry per archive size) and
 * printed with the targets of docs/performance.md.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { editEpisode, writeArchive } from './archive/generate-archive.ts';
import type { ArchiveSummary } from './archive/generate-archive.ts';
import { launchBrowser, measureFirstSearch } from './scale/first-search.ts';
import type { FirstSearch } from './scale/first-search.ts';
import { watchTreeMemory } from './scale/process-tree-memory.ts';
import { serve } from './serve.ts';
import { STOP_WORDS } from '../src/search/query-plan.ts';
import { frontDecode } from '../src/search/front-code.ts';
import type { SearchDictionary } from '../src/search/dictionary.ts';
import type { SiteBuildResult } from '../src/node/site-build.ts';

const GiB = 2 ** 30;

interface BuildRun {
  seconds: number;
  peakGiB: number;
  /** Largest resident set of each kind of process. */
  processes: Record<string, number>;
  phases: { read: number; topics: number; render: number; search: number };
  parsed: number;
  /** Episode pages taken from the page cache. */
  pagesReused: number;
  shardsIndexed: number;
  shards: number;
}

const { values } = parseArgs({
  options: {
    episodes: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    'no-search': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    /** Measure the first searches on an archive kept by an earlier --keep run, without building. */
    'search-only': { type: 'boolean', default: false },
    /** Cold build + rebuild pairs, each from nothing; the median (by cold time) is reported. */
    runs: { type: 'string', default: '1' },
  },
});
const runCount = Math.max(1, Number(values.runs) || 1);
const count = Number(values.episodes);
const seed = Number(values.seed);
if (!Number.isInteger(count) || count < 1) {
  process.stderr.write('usage: npm run bench:scale -- --episodes N [--runs R] [--seed S] [--no-search] [--keep] [--search-only]\n');
  process.exit(2);
}

const work = join(tmpdir(), `verbatim-scale-${count}-${seed}`);
const archive = join(work, 'episodes');
const out = join(work, 'site');
const cache = join(work, 'cache');
const log = (line: string) => process.stderr.write(`${line}\n`);

if (values['search-only']) {
  // A quick look at search on the site an earlier `--keep` run left: nothing is built or written.
  if (!existsSync(join(out, 'index.html'))) throw new Error(`no site in ${out}; run with --keep first`);
  await firstSearches();
  process.exit(0);
}

// A fresh archive, cache and site: the cold build starts from nothing.
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
log(`Generating ${count} episodes (seed ${seed}) in ${archive}`);
const summary: ArchiveSummary = writeArchive(archive, count, seed);
log(`  ${summary.files} files, ${(summary.bytes / 1e6).toFixed(1)} MB, ${(summary.words / 1e6).toFixed(2)} M words, ${summary.shows} shows`);

// Each run: a cold build from an empty cache, one transcript edited, the rebuild. The run with the median
// cold time is reported (ratios within one run); every run's figures are kept too.
const runs: { cold: BuildRun; rebuild: BuildRun }[] = [];
for (let run = 1; run <= runCount; run++) {
  if (run > 1) {
    log(`run ${run} of ${runCount}: a fresh archive and cache`);
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
    writeArchive(archive, count, seed);
  }
  const coldRun = await build('cold build');
  const edited = editEpisode(archive, count, Math.floor(count / 2), seed);
  log(`Edited ${edited}`);
  runs.push({ cold: coldRun, rebuild: await build('rebuild after one edit') });
}
const byCold = [...runs].sort((a, b) => a.cold.seconds - b.cold.seconds);
const { cold, rebuild } = byCold[Math.floor((byCold.length - 1) / 2)] as (typeof runs)[number];

let search: { rare: FirstSearch; common: FirstSearch } | null = null;
if (!values['no-search']) search = await firstSearches();

const result = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, memoryGiB: Math.round(totalmem() / GiB), node: process.version },
  archive: { episodes: count, seed, shows: summary.shows, files: summary.files, megabytes: round(summary.bytes / 1e6), millionWords: round(summary.words / 1e6), formats: summary.formats },
  cold,
  rebuild: { ...rebuild, ratio: round(rebuild.seconds / cold.seconds) },
  runs: runs.map((r) => ({ cold: r.cold.seconds, rebuild: r.rebuild.seconds, ratio: round(r.rebuild.seconds / r.cold.seconds), peakGiB: Math.max(r.cold.peakGiB, r.rebuild.peakGiB) })),
  search,
};
const file = join(import.meta.dirname, '..', 'bench', 'scale.json');
const all = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
all[String(count)] = result;
writeFileSync(file, `${JSON.stringify(all, null, 2)}\n`);
report(result);
if (!values.keep) rmSync(work, { recursive: true, force: true });
else log(`Kept ${work}`);

/** One `verbatim build` of the archive, in its own process tree, with its memory sampled. */
async function build(label: string): Promise<BuildRun> {
  log(`${label}…`);
  const reportFile = join(work, 'report.json');
  const cli = join(import.meta.dirname, 'cli.ts');
  const started = performance.now();
  const child = spawn(process.execPath, [cli, 'build', '--episodes', archive, '--out', out, '--cache', cache, '--report', reportFile], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const memory = watchTreeMemory(child.pid ?? 0, 200);
  let tail = '';
  child.stderr.on('data', (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    tail = (tail + text).slice(-4000);
    for (const line of text.split('\n')) if (/^(Read|Rendered|Reused|Indexed|Built|  shard|  search index|  read )/.test(line)) log(`  ${line.trim()}`);
  });
  const code = await new Promise<number>((done) => child.on('close', (c) => done(c ?? 1)));
  const seconds = (performance.now() - started) / 1000;
  const peak = memory.stop();
  if (code !== 0) throw new Error(`${label} failed (exit ${code}):\n${tail}`);
  const r = JSON.parse(readFileSync(reportFile, 'utf8')) as SiteBuildResult;
  return {
    seconds: round(seconds),
    peakGiB: round(peak.peakBytes / GiB),
    processes: Object.fromEntries(Object.entries(peak.peakByCommand).map(([k, v]) => [k, round(v / GiB)])),
    phases: { read: round(r.corpus.read / 1000), topics: round(r.corpus.topics / 1000), render: round(r.timings.render / 1000), search: round(r.timings.search / 1000) },
    parsed: r.corpus.parsed,
    pagesReused: r.pageCache?.reused ?? 0,
    shardsIndexed: r.search.indexed,
    shards: r.search.shards,
  };
}

/** A rare and a common word of the archive, searched first thing in a fresh browser. */
async function firstSearches(): Promise<{ rare: FirstSearch; common: FirstSearch }> {
  // The dictionary's first frequency tier holds the archive's most frequent words, its last the rarest it lists.
  const dictionary = JSON.parse(readFileSync(join(out, 'search', 'dictionary.json'), 'utf8')) as SearchDictionary;
  const content = (tier: string | undefined) => frontDecode(tier ?? '').filter((w) => /^[a-z]{5,}$/.test(w) && !STOP_WORDS.has(w));
  const common = content(dictionary.words[0])[0] ?? 'market';
  const rare = content(dictionary.words.at(-1))[0] ?? common;
  let sent: { path: string; bytes: number }[] = [];
  const served = { clear: () => void (sent = []), entries: () => sent };
  const server = await serve({ dir: out, port: 0, base: '/', onResponse: (path, bytes) => sent.push({ path, bytes }) });
  const browser = await launchBrowser();
  try {
    await measureFirstSearch(browser, server.url, common, served); // warm the server's file cache, not the browser's
    const result = { rare: await measureFirstSearch(browser, server.url, rare, served), common: await measureFirstSearch(browser, server.url, common, served) };
    for (const [kind, s] of Object.entries(result)) {
      log(`First search, ${kind} word "${s.query}": ${s.results} results in ${s.ms} ms; ${kb(s.dataBytes)} of index data (${Object.entries(s.byKind).map(([k, v]) => `${k} ${kb(v)}`).join(', ')}), ${kb(s.codeBytes)} of page and code`);
    }
    return result;
  } finally {
    await browser.close();
    await server.close();
  }
}

function report(r: typeof result): void {
  const line = (label: string, value: string, target: string, ok: boolean | null) =>
    log(`  ${label.padEnd(34)} ${value.padEnd(26)} ${target.padEnd(22)} ${ok === null ? '' : ok ? 'met' : 'NOT met'}`);
  log(`\n${count} episodes (${r.archive.megabytes} MB, ${r.archive.millionWords} M words), ${r.machine.cpus} cores`);
  const thousand = count <= 1000;
  line('cold build', `${r.cold.seconds} s`, thousand ? '≤ 90 s' : 'linear', thousand ? r.cold.seconds <= 90 : null);
  line('  read / topics / render / search', `${r.cold.phases.read} / ${r.cold.phases.topics} / ${r.cold.phases.render} / ${r.cold.phases.search} s`, '', null);
  line('peak memory, all processes', `${r.cold.peakGiB} GiB`, thousand ? '≤ 3 GiB' : '≤ 8 GiB', r.cold.peakGiB <= (thousand ? 3 : 8));
  line('rebuild after one edit', `${r.rebuild.seconds} s (${Math.round(r.rebuild.ratio * 100)}% of cold)`, '≤ 25% of cold', r.rebuild.ratio <= 0.25);
  line('  read / topics / render / search', `${r.rebuild.phases.read} / ${r.rebuild.phases.topics} / ${r.rebuild.phases.render} / ${r.rebuild.phases.search} s`, '', null);
  if (r.runs.length > 1) line(`  runs (cold / rebuild s)`, r.runs.map((x) => `${x.cold}/${x.rebuild}`).join(', '), 'median shown', null);
  if (r.search) {
    line(`first search, common "${r.search.common.query}"`, `${kb(r.search.common.dataBytes)}, ${r.search.common.ms} ms`, '≤ 300 KB, ≤ 1 s', r.search.common.dataBytes <= 300 * 1024 && r.search.common.ms <= 1000);
    line(`first search, rare "${r.search.rare.query}"`, `${kb(r.search.rare.dataBytes)}, ${r.search.rare.ms} ms`, '≤ 150 KB, ≤ 1 s', r.search.rare.dataBytes <= 150 * 1024 && r.search.rare.ms <= 1000);
  }
  log(`Written to bench/scale.json`);
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} KB`;
}
