/**
 * Builds the site's search files after the pages: the Pagefind index in
 * shards (shards.ts), each indexed in a child process of its own, at most
 * `concurrency` at a time, and the spelling dictionary, assembled from the
 * names in the corpus and the vocabulary each shard counted. A shard whose
 * inputs are unchanged since an earlier build (same episodes, topic links,
 * base path and code) is taken from the cache instead of being indexed
 * again, so an edit to one transcript re-indexes one shard.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../corpus/atomic-write.ts';
import { codeFingerprint, INGEST_CODE } from '../corpus/code-fingerprint.ts';
import type { Corpus } from '../corpus/load-corpus.ts';
import { assembleDictionary, dictionarySources, mergeVocabulary, variantCandidates } from '../search/dictionary.ts';
import type { DictionaryOptions } from '../search/dictionary.ts';
import { SEARCH_FILES } from '../search/record-fields.ts';
import { indexShard } from './index-shard.ts';
import type { ShardJob, ShardReport } from './index-shard.ts';
import { planShards } from './shards.ts';
import type { SearchShard } from './shards.ts';

export interface SearchIndexOptions {
  /** The corpus, and the snapshot file it was opened from, which shard processes open too; without one, shards are indexed in this process, one at a time (tests, tools). */
  corpus: Corpus;
  snapshot?: string;
  /** Check that every passage lands on a paragraph of a built page (default true; tools that build no pages turn it off). */
  checkPages?: boolean;
  /** The built site. */
  outDir: string;
  /** Base path of the site (record URLs include it). */
  base: string;
  /** Where indexed shards are kept for later builds. */
  cacheDir: string;
  /** The folder the site is published to (`outDir` may be a temporary one): which earlier shards to forget. */
  publishedAs?: string;
  /** Shards indexed at once (each is a process using up to about 650 bytes a word of its transcripts). */
  concurrency?: number;
  dictionary?: DictionaryOptions;
  log?: (line: string) => void;
}

export interface SearchIndexReport {
  shards: number;
  /** Shards indexed this time (the rest came from the cache). */
  indexed: number;
  passages: number;
  episodes: number;
  topics: number;
  files: number;
  /** Bytes of the published search files (index, runtime, dictionary) and of the index data alone. */
  bytes: number;
  dataBytes: number;
  dictionaryBytes: number;
}

/** Code whose change makes every shard stale. */
const SEARCH_CODE = ['../search/', '../search-index/', '../site/routes.ts', ...INGEST_CODE];

/** Pagefind's version: its package exports no package.json, so it is read from the project's node_modules. */
const pagefindVersion = ((): string => {
  try {
    return (JSON.parse(readFileSync(new URL('../../node_modules/pagefind/package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
})();

export async function buildSearchIndex(options: SearchIndexOptions): Promise<SearchIndexReport> {
  const log = options.log ?? (() => {});
  const { corpus } = options;
  const shards = planShards(corpus.summaries);
  const sources = dictionarySources(corpus.summaries, options.dictionary);
  const candidates = variantCandidates(sources);
  const store = join(options.cacheDir, 'search');
  const code = codeFingerprint(SEARCH_CODE);
  const topicNames = digestOf(JSON.stringify(corpus.topics.topics.map((t) => [t.slug, t.name, t.aliases, t.description ?? '', t.mentions, t.episodes.length])));

  const keys = shards.map((shard) => shardKey(shard, corpus, { code, base: options.base, candidates, topicNames }));
  const stale = shards.filter((shard, i) => !existsSync(join(store, keys[i] as string, 'report.json')));
  const reused = shards.length - stale.length;
  log(`  search index: ${shards.length} shard(s) for ${corpus.summaries.length} episodes; indexing ${stale.length}${reused > 0 ? `, ${reused} unchanged` : ''}`);

  const work = join(options.outDir, '.search-shards');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  try {
    const concurrency = options.snapshot ? Math.max(1, options.concurrency ?? 1) : 1;
    let next = 0;
    const started = performance.now();
    const run = async () => {
      while (next < stale.length) {
        const shard = stale[next++] as SearchShard;
        const key = keys[shard.index] as string;
        const job: ShardJob = {
          shard,
          outDir: options.outDir,
          folder: join('.search-shards', String(shard.index)),
          base: options.base,
          candidates,
          checkPages: options.checkPages ?? true,
        };
        const t0 = performance.now();
        let report: ShardReport;
        if (options.snapshot) {
          const jobFile = join(work, `${shard.index}.json`);
          writeFileSync(jobFile, JSON.stringify({ ...job, snapshot: options.snapshot }));
          await runShardProcess(jobFile, log);
          report = JSON.parse(readFileSync(`${jobFile}.result`, 'utf8')) as ShardReport;
        } else {
          report = await indexShard(corpus, job);
        }
        // Keep it for later builds: the shard's files and its report, under its key.
        const kept = join(store, key);
        rmSync(kept, { recursive: true, force: true });
        mkdirSync(dirname(kept), { recursive: true });
        renameSync(join(options.outDir, job.folder), join(kept + '.files'));
        mkdirSync(kept, { recursive: true });
        renameSync(kept + '.files', join(kept, 'files'));
        writeFileAtomic(join(kept, 'report.json'), JSON.stringify(report));
        log(
          `  shard ${shard.index + 1}/${shards.length}: ${report.passages} passages of ${report.episodes} episodes, ` +
            `${(shard.words / 1e6).toFixed(2)} M words, indexed in ${seconds(performance.now() - t0)} (${seconds(performance.now() - started)} so far)`,
        );
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, stale.length) }, run));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }

  // Publish: the main shard is pagefind/, the others folders inside it.
  const reports: ShardReport[] = [];
  const target = join(options.outDir, SEARCH_FILES.pagefindDir);
  rmSync(target, { recursive: true, force: true });
  for (const shard of shards) {
    const kept = join(store, keys[shard.index] as string);
    reports.push(JSON.parse(readFileSync(join(kept, 'report.json'), 'utf8')) as ShardReport);
    linkTree(join(kept, 'files'), join(options.outDir, shard.path));
  }
  forgetOtherShards(store, options.publishedAs ?? options.outDir, keys);

  const problems = reports.flatMap((r) => r.problems);
  if (problems.length > 0) {
    throw new Error(`search index: ${problems.length} link(s) would not land on a built paragraph, e.g.\n  ${problems.slice(0, 10).join('\n  ')}`);
  }

  const vocabulary = mergeVocabulary(
    reports.map((r) => ({ counts: new Map(r.counts), splits: new Map(r.splits.map(([name, list]) => [name, new Set(list)])) })),
  );
  const dictionary = JSON.stringify(assembleDictionary(sources, vocabulary, options.dictionary));
  const dictionaryPath = join(options.outDir, SEARCH_FILES.dictionary);
  mkdirSync(dirname(dictionaryPath), { recursive: true });
  writeFileSync(dictionaryPath, dictionary);

  const dictionaryBytes = Buffer.byteLength(dictionary);
  return {
    shards: shards.length,
    indexed: stale.length,
    passages: sum(reports, (r) => r.passages),
    episodes: sum(reports, (r) => r.episodes),
    topics: sum(reports, (r) => r.topics),
    files: sum(reports, (r) => r.files) + 1,
    bytes: sum(reports, (r) => r.bytes) + dictionaryBytes,
    dataBytes: sum(reports, (r) => r.dataBytes),
    dictionaryBytes,
  };
}

/** A shard's identity: everything its files are made from. */
function shardKey(
  shard: SearchShard,
  corpus: Corpus,
  common: { code: string; base: string; candidates: readonly string[]; topicNames: string },
): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify([pagefindVersion, common.code, common.base, common.candidates, shard.index, shard.path]));
  const bySlug = new Map(corpus.summaries.map((s) => [s.slug, s]));
  for (const slug of shard.slugs) {
    const s = bySlug.get(slug);
    hash.update(`\u0000${slug}\u0000${s?.source.digest ?? ''}\u0000${JSON.stringify(s ?? null)}\u0000${JSON.stringify(corpus.topics.byEpisode.get(slug) ?? null)}`);
  }
  // The main shard holds the topic pages; every shard's passages name topics in their filter.
  hash.update(common.topicNames);
  return `${shard.index}-${hash.digest('hex').slice(0, 32)}`;
}

/** Run one shard's child process; rejects with its last lines of output when it fails. */
function runShardProcess(jobFile: string, log: (line: string) => void): Promise<void> {
  const script = fileURLToPath(new URL('./shard-process.ts', import.meta.url));
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [script, jobFile], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const tail: string[] = [];
    const keep = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) tail.push(line);
      tail.splice(0, Math.max(0, tail.length - 20));
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', fail);
    child.on('close', (code, signal) => {
      if (code === 0) done();
      else {
        for (const line of tail) log(`    ${line}`);
        fail(new Error(`indexing a search shard failed (${signal ?? `exit code ${code}`})`));
      }
    });
  });
}

/** Hard-link every file of `from` into `to` (copy where links cannot cross file systems). */
function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) {
    const source = join(from, name);
    const dest = join(to, name);
    if (statSync(source).isDirectory()) linkTree(source, dest);
    else {
      try {
        linkSync(source, dest);
      } catch {
        cpSync(source, dest);
      }
    }
  }
}

/** Drop cached shards an earlier build of this output used and this one does not. */
function forgetOtherShards(store: string, outDir: string, keys: readonly string[]): void {
  const manifest = join(store, `latest-${digestOf(outDir).slice(0, 16)}.json`);
  let previous: string[] = [];
  try {
    previous = JSON.parse(readFileSync(manifest, 'utf8')) as string[];
  } catch {
    // first build of this output
  }
  for (const key of previous) if (!keys.includes(key)) rmSync(join(store, key), { recursive: true, force: true });
  writeFileAtomic(manifest, JSON.stringify(keys));
}

const digestOf = (text: string) => createHash('sha256').update(text).digest('hex');
const sum = <T>(items: readonly T[], f: (item: T) => number) => items.reduce((n, item) => n + f(item), 0);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
