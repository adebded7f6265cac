/**
 * The site's derived files that are not pages: the Pagefind index in shards
 * (shards.ts) and each episode's transcript downloads, made shard by shard
 * in child processes of their own (index-shard.ts), and the spelling
 * dictionary, assembled from the names in the corpus and the vocabulary each
 * shard counted. Two steps, so the build can index while `astro build`
 * renders the pages: `indexShards` (needs only the corpus) and
 * `publishSearch` (links the shards into the built site, checks every
 * passage against its page, writes the dictionary).
 *
 * A shard whose inputs are unchanged since an earlier build (same episodes,
 * topic links, base path and code) is taken from the cache instead of being
 * made again, so an edit to one transcript redoes one shard.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { tracked } from '../node/child-processes.ts';
import { writeFileAtomic } from '../corpus/atomic-write.ts';
import { codeFingerprint, INGEST_CODE } from '../corpus/code-fingerprint.ts';
import type { Corpus } from '../corpus/load-corpus.ts';
import { transcriptExports } from '../exports/formats.ts';
import type { ExportId } from '../exports/formats.ts';
import { assembleDictionary, dictionarySources, mergeVocabulary, variantCandidates, vocabularyFromJson } from '../search/dictionary.ts';
import type { DictionaryOptions } from '../search/dictionary.ts';
import { topicRecords } from '../search/passages.ts';
import { SEARCH_FILES } from '../search/record-fields.ts';
import { makeRoutes } from '../site/routes.ts';
import type { Episode } from '../transcript/schema.ts';
import { indexShard } from './index-shard.ts';
import type { ShardJob, ShardReport } from './index-shard.ts';
import { linkTree } from './link-tree.ts';
import { planShards } from './shards.ts';
import type { SearchShard } from './shards.ts';
import { outputTail } from '../node/output-tail.ts';

export interface SearchIndexOptions {
  corpus: Corpus;
  /** Base path of the site (record URLs include it). */
  base: string;
  /** Where shards are made and kept for later builds. */
  cacheDir: string;
  dictionary?: DictionaryOptions;
  /** Transcript downloads to write for each episode (default: every format). */
  exports?: readonly ExportId[];
  log?: (line: string) => void;
}

/**
 * What is left to do once the corpus has been read, in a form that can be
 * written down: the shards, where each lives in the cache, the jobs of the
 * ones to make, and the dictionary's sources. Made where the corpus is in
 * memory (the build's first phase); run and published by the build's parent
 * process, which never loads the corpus.
 */
export interface ShardPlan {
  shards: SearchShard[];
  /** The cache folder of each shard (`index/`, `exports/` and `report.json` inside). */
  folders: string[];
  /** The cache folder of each episode's downloads and word counts (episodes with a cached form only). */
  episodeFiles: string[];
  /** Job files of the shards to make (the rest are in the cache already). */
  jobs: string[];
  sources: { names: string[]; proper: string[]; people: string[]; topicCounts: [string, number][] };
  dictionary: DictionaryOptions;
}

export interface SearchIndexReport {
  shards: number;
  /** Shards indexed this time (the rest came from the cache). */
  indexed: number;
  passages: number;
  episodes: number;
  topics: number;
  downloads: number;
  files: number;
  /** Bytes of the published search files (index, runtime, dictionary) and of the index data alone. */
  bytes: number;
  dataBytes: number;
  dictionaryBytes: number;
}

/** Folder of the cache holding each episode's downloads and word counts. */
const EPISODE_FILES = 'episode-files';

/** Code whose change makes every shard stale. */
const SEARCH_CODE = ['../search/', '../search-index/', '../exports/', '../site/routes.ts', ...INGEST_CODE];

/** Pagefind's version: its package exports no package.json, so it is read from the project's node_modules. */
const pagefindVersion = ((): string => {
  try {
    return (JSON.parse(readFileSync(new URL('../../node_modules/pagefind/package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
})();

/** Plan the shards of the corpus and write the jobs of those the cache lacks (episodes named by their cached files). */
export function planSearch(options: SearchIndexOptions): ShardPlan {
  const { corpus } = options;
  const shards = planShards(corpus.summaries);
  const sources = dictionarySources(corpus.summaries, options.dictionary);
  const candidates = variantCandidates(sources);
  const store = join(options.cacheDir, 'shards');
  const topicNames = Object.fromEntries(corpus.topics.topics.map((t) => [t.slug, t.name]));
  const records = topicRecords(corpus.topics, makeRoutes(options.base));
  const exports = [...(options.exports ?? transcriptExports.map((f) => f.id))];
  const common = digestOf(JSON.stringify([pagefindVersion, codeFingerprint(SEARCH_CODE), options.base, exports, candidates, topicNames]));
  const folders = shards.map((shard) => join(store, shardKey(shard, corpus, common, shard.index === 0 ? records : [])));
  // Each episode's downloads and word counts, kept by what they are made from (its cached form names it):
  // a shard made again after one edit takes the others' from here.
  const perEpisode = digestOf(JSON.stringify([codeFingerprint(SEARCH_CODE), options.base, exports, candidates]));
  const episodeFiles = new Map<string, string>();
  for (const s of corpus.summaries) {
    const blob = corpus.blobs.get(s.slug);
    if (blob) episodeFiles.set(s.slug, join(options.cacheDir, EPISODE_FILES, digestOf(`${perEpisode}\u0000${s.slug}\u0000${blob}`).slice(0, 32)));
  }
  const jobs: string[] = [];
  for (const shard of shards) {
    const folder = folders[shard.index] as string;
    if (existsSync(join(folder, 'report.json'))) continue;
    const job: ShardJob & { blobs: Record<string, string | undefined> } = {
      shard,
      dir: folder,
      base: options.base,
      exports,
      candidates,
      links: Object.fromEntries(shard.slugs.map((slug) => [slug, corpus.topics.byEpisode.get(slug)?.links ?? {}])),
      topicNames,
      topicRecords: shard.index === 0 ? records : [],
      blobs: Object.fromEntries(shard.slugs.map((slug) => [slug, corpus.blobs.get(slug)])),
      episodeFiles: Object.fromEntries(shard.slugs.flatMap((slug) => (episodeFiles.has(slug) ? [[slug, episodeFiles.get(slug) as string]] : []))),
    };
    const file = `${folder}.job.json`;
    writeFileAtomic(file, JSON.stringify(job));
    jobs.push(file);
  }
  return {
    shards,
    folders,
    episodeFiles: [...episodeFiles.values()],
    jobs,
    sources: { names: [...sources.names], proper: [...sources.proper], people: [...sources.people], topicCounts: [...sources.topicCounts] },
    dictionary: options.dictionary ?? {},
  };
}

/** A run of shard jobs under way. */
export interface ShardRun {
  /** Settles when every job is done (rejects with the first failure). */
  done: Promise<void>;
  /** Allow up to `n` jobs at once from now on (the build widens once astro build has ended and a core is free). */
  widen(n: number): void;
}

/**
 * Make the planned shards: each job in a child process, `concurrency` at a
 * time (more after `widen`); or in this process, one at a time, reading
 * episodes with `episode` (tests and tools whose corpus is in memory).
 */
export function runShards(plan: ShardPlan, options: { concurrency?: number; episode?: (slug: string) => Episode; log?: (line: string) => void } = {}): ShardRun {
  const log = options.log ?? (() => {});
  log(`  search index and downloads: ${plan.shards.length} shard(s); making ${plan.jobs.length}${plan.jobs.length < plan.shards.length ? `, ${plan.shards.length - plan.jobs.length} unchanged` : ''}`);
  let next = 0;
  let running = 0;
  let limit = options.episode ? 1 : Math.max(1, options.concurrency ?? 1);
  let failure: unknown = null;
  const started = performance.now();
  let finish: () => void = () => {};
  let fail: (error: unknown) => void = () => {};
  const done = new Promise<void>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });

  const make = async (jobFile: string) => {
    const job = JSON.parse(readFileSync(jobFile, 'utf8')) as ShardJob;
    const folder = job.dir;
    const building = `${folder}.${process.pid}.tmp`;
    const t0 = performance.now();
    let report: ShardReport;
    if (options.episode) {
      report = await indexShard({ ...job, dir: building }, options.episode);
    } else {
      writeFileSync(jobFile, JSON.stringify({ ...JSON.parse(readFileSync(jobFile, 'utf8')), dir: building }));
      await runShardProcess(jobFile, log);
      report = JSON.parse(readFileSync(`${jobFile}.result`, 'utf8')) as ShardReport;
      rmSync(`${jobFile}.result`, { force: true });
    }
    writeFileSync(join(building, 'report.json'), JSON.stringify(report));
    rmSync(folder, { recursive: true, force: true });
    renameSync(building, folder);
    rmSync(jobFile, { force: true });
    log(
      `  shard ${job.shard.index + 1}/${plan.shards.length}: ${report.passages} passages and ${report.downloads} downloads of ${report.episodes} episodes, ` +
        `${(job.shard.words / 1e6).toFixed(2)} M words, in ${seconds(performance.now() - t0)} (${seconds(performance.now() - started)} so far)`,
    );
  };
  const pump = () => {
    if (failure !== null) return;
    while (running < limit && next < plan.jobs.length) {
      const jobFile = plan.jobs[next++] as string;
      running++;
      make(jobFile).then(
        () => {
          running--;
          pump();
        },
        (error: unknown) => {
          running--;
          failure ??= error;
          fail(error);
        },
      );
    }
    if (running === 0 && next >= plan.jobs.length) finish();
  };
  pump();
  return {
    done,
    widen: (n: number) => {
      if (options.episode) return;
      limit = Math.max(limit, n);
      pump();
    },
  };
}

/**
 * Put the shards into the built site at `outDir` (hard links from the cache)
 * with the downloads and the dictionary, after checking that every passage
 * lands on a paragraph of its built page (`checkPages`, default true). Throws
 * with the problems when one does not: a search that links nowhere is worse
 * than none. `publishedAs` (default `outDir`) names the output for the cache's
 * bookkeeping of which shards to keep.
 */
export function publishSearch(
  plan: ShardPlan,
  outDir: string,
  options: { cacheDir: string; checkPages?: boolean; publishedAs?: string; checked?: CheckedLinks },
): SearchIndexReport {
  const { shards, folders } = plan;
  const reports = folders.map((folder) => JSON.parse(readFileSync(join(folder, 'report.json'), 'utf8')) as ShardReport);
  if (options.checkPages ?? true) {
    const memo = options.checked ? readChecked(options.checked.file) : new Set<string>();
    const passed = new Set<string>();
    const problems = reports.flatMap((r) => missingParagraphs(outDir, r.paragraphs, options.checked?.keys, memo, passed));
    if (problems.length > 0) {
      throw new Error(`search index: ${problems.length} link(s) would not land on a built paragraph, e.g.\n  ${problems.slice(0, 10).join('\n  ')}`);
    }
    if (options.checked) writeFileAtomic(options.checked.file, JSON.stringify([...passed]));
  }
  rmSync(join(outDir, SEARCH_FILES.pagefindDir), { recursive: true, force: true });
  for (const shard of shards) {
    const folder = folders[shard.index] as string;
    linkTree(join(folder, 'index'), join(outDir, shard.path));
    if (existsSync(join(folder, 'exports'))) linkTree(join(folder, 'exports'), outDir);
  }
  forgetOthers(join(options.cacheDir, 'shards'), options.publishedAs ?? outDir, folders);
  forgetOthers(join(options.cacheDir, EPISODE_FILES), options.publishedAs ?? outDir, plan.episodeFiles);

  const vocabulary = mergeVocabulary(reports.map((r) => vocabularyFromJson(r)));
  const sources = { names: new Set(plan.sources.names), proper: new Set(plan.sources.proper), people: new Set(plan.sources.people), topicCounts: new Map(plan.sources.topicCounts) };
  const dictionary = JSON.stringify(assembleDictionary(sources, vocabulary, plan.dictionary));
  const dictionaryPath = join(outDir, SEARCH_FILES.dictionary);
  mkdirSync(dirname(dictionaryPath), { recursive: true });
  writeFileSync(dictionaryPath, dictionary);
  const dictionaryBytes = Buffer.byteLength(dictionary);
  return {
    shards: shards.length,
    indexed: plan.jobs.length,
    passages: sum(reports, (r) => r.passages),
    episodes: sum(reports, (r) => r.episodes),
    topics: sum(reports, (r) => r.topics),
    downloads: sum(reports, (r) => r.downloads),
    files: sum(reports, (r) => r.files) + 1,
    bytes: sum(reports, (r) => r.bytes) + dictionaryBytes,
    dataBytes: sum(reports, (r) => r.dataBytes),
    dictionaryBytes,
  };
}

/** All three steps in this process, for tools and tests (a corpus in memory; pages checked only if asked). */
export async function buildSearchIndex(options: SearchIndexOptions & { outDir: string; checkPages?: boolean }): Promise<SearchIndexReport> {
  const plan = planSearch(options);
  await runShards(plan, { episode: options.corpus.episode, ...(options.log ? { log: options.log } : {}) }).done;
  return publishSearch(plan, options.outDir, { cacheDir: options.cacheDir, checkPages: options.checkPages ?? false });
}

/** A shard's identity: everything its files are made from. */
function shardKey(shard: SearchShard, corpus: Corpus, common: string, records: unknown): string {
  const hash = createHash('sha256');
  hash.update(`${common}\u0000${shard.index}\u0000${shard.path}\u0000${JSON.stringify(records)}`);
  const bySlug = new Map(corpus.summaries.map((s) => [s.slug, s]));
  for (const slug of shard.slugs) {
    const s = bySlug.get(slug);
    hash.update(`\u0000${slug}\u0000${s?.source.digest ?? ''}\u0000${JSON.stringify(s ?? null)}\u0000${JSON.stringify(corpus.topics.byEpisode.get(slug)?.links ?? null)}`);
  }
  return `${shard.index}-${hash.digest('hex').slice(0, 32)}`;
}

/**
 * Episode pages known to hold their search links: a page's key (src/site/page-cache.ts) names its HTML
 * exactly under one site key, so a page and a list of ids checked together once need no second look.
 */
export interface CheckedLinks {
  /** Where the digests of the checked (page key, ids) pairs are kept, in the page cache's folder for the site key. */
  file: string;
  /** Each episode page's key, by slug. */
  keys: Record<string, string>;
}

function readChecked(file: string): Set<string> {
  try {
    return new Set(JSON.parse(readFileSync(file, 'utf8')) as string[]);
  } catch {
    return new Set();
  }
}

/**
 * Paragraph ids a page lacks (or the page itself, when it was not built).
 * Pages whose key and ids are in `memo` are not read again; those found
 * whole are added to `passed`.
 */
function missingParagraphs(
  outDir: string,
  paragraphs: Record<string, string[]>,
  keys: Record<string, string> = {},
  memo: ReadonlySet<string> = new Set(),
  passed: Set<string> = new Set(),
): string[] {
  const problems: string[] = [];
  for (const [slug, ids] of Object.entries(paragraphs)) {
    const key = keys[slug];
    const pair = key === undefined ? undefined : digestOf(`${key}\u0000${ids.join(' ')}`).slice(0, 32);
    if (pair !== undefined && memo.has(pair)) {
      passed.add(pair);
      continue;
    }
    const file = join(outDir, 'episodes', slug, 'index.html');
    if (!existsSync(file)) {
      problems.push(`no page for episode "${slug}"; the search index and the pages disagree on slugs`);
      continue;
    }
    const present = new Set<string>();
    for (const m of readFileSync(file, 'utf8').matchAll(/\sid="([^"]+)"/g)) present.add(m[1] ?? '');
    const lacking = ids.filter((id) => !present.has(id));
    for (const id of lacking) problems.push(`/episodes/${slug}/ has no element with id "${id}"`);
    if (lacking.length === 0 && pair !== undefined) passed.add(pair);
  }
  return problems;
}

/** Run one shard's child process; rejects with its last lines of output when it fails. */
function runShardProcess(jobFile: string, log: (line: string) => void): Promise<void> {
  const script = fileURLToPath(new URL('./shard-process.ts', import.meta.url));
  return new Promise((done, fail) => {
    const child = tracked(spawn(process.execPath, [script, jobFile], { stdio: ['ignore', 'pipe', 'pipe'] }));
    const tail = outputTail(child);
    child.on('error', fail);
    child.on('close', (code, signal) => {
      if (code === 0) done();
      else {
        for (const line of tail) log(`    ${line}`);
        fail(new Error(`making a search shard failed (${signal ?? `exit code ${code}`})`));
      }
    });
  });
}

/** Drop the cache entries (shards, episodes' files) an earlier build of this output used and this one does not. */
function forgetOthers(store: string, published: string, folders: readonly string[]): void {
  mkdirSync(store, { recursive: true });
  const manifest = join(store, `latest-${digestOf(published).slice(0, 16)}.json`);
  let previous: string[] = [];
  try {
    previous = JSON.parse(readFileSync(manifest, 'utf8')) as string[];
  } catch {
    // first build of this output
  }
  const kept = new Set(folders);
  for (const folder of previous) if (!kept.has(folder)) rmSync(folder, { recursive: true, force: true });
  writeFileAtomic(manifest, JSON.stringify(folders));
}

const digestOf = (text: string) => createHash('sha256').update(text).digest('hex');
const sum = <T>(items: readonly T[], f: (item: T) => number) => items.reduce((n, item) => n + f(item), 0);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
