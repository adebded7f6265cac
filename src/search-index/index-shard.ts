/**
 * Builds one search shard: reads its episodes from the corpus one at a
 * time, makes their records (passages, the episode records and, in the main
 * shard, the topic pages), checks that every passage's paragraphs exist on
 * the built page, counts the words for the spelling dictionary, and has
 * Pagefind write the shard's files. Runs in a process of its own
 * (shard-process.ts), so Pagefind's memory is returned when it ends.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as pagefind from 'pagefind';
import type { Corpus } from '../corpus/load-corpus.ts';
import { VocabularyCounter } from '../search/dictionary.ts';
import { attachTopics, episodePassages, searchEpisode, topicRecords } from '../search/passages.ts';
import { episodeDocument, passageRecord, topicDocument } from '../search/records.ts';
import { makeRoutes } from '../site/routes.ts';
import type { SearchShard } from './shards.ts';

export interface ShardJob {
  shard: SearchShard;
  /** The built site: pages are checked here, and the shard is written to `<outDir>/<folder>`. */
  outDir: string;
  /** Folder (relative to `outDir`) to write the shard's files into; the caller moves it into place. */
  folder: string;
  /** Base path of record URLs. */
  base: string;
  /** Name words the dictionary looks for split spellings of (see dictionary.ts `variantCandidates`). */
  candidates: string[];
  /** Check every passage's paragraphs against the built page (off for tools that build no pages). */
  checkPages: boolean;
}

export interface ShardReport {
  index: number;
  passages: number;
  episodes: number;
  topics: number;
  /** Files written, their bytes, and the bytes of index data alone (no JS or wasm). */
  files: number;
  bytes: number;
  dataBytes: number;
  /** Links that would not land on a built paragraph (the build fails on any). */
  problems: string[];
  /** The shard's vocabulary, as arrays for sending between processes. */
  counts: [string, number][];
  splits: [string, string[]][];
  timings: { records: number; pagefind: number };
}

/** Requests sent to Pagefind's service before waiting for their answers (it answers in order). */
const PIPELINE_WINDOW = 128;

/** Pagefind's prebuilt UIs: the search page has its own, so these are never published. */
const unusedBundle = /^pagefind-(?:ui|modular-ui|component-ui|highlight)\./;
/** Pagefind's runtime: published once, in the main shard; the other shards hold index data only. */
const runtime = /^(?:pagefind\.js|pagefind-worker\.js|wasm\.[\w-]+\.pagefind)$/;

export async function indexShard(corpus: Corpus, job: ShardJob): Promise<ShardReport> {
  const started = performance.now();
  const routes = makeRoutes(job.base);
  const vocabulary = new VocabularyCounter(job.candidates);
  const passages: ReturnType<typeof passageRecord>[] = [];
  const documents: { url: string; content: string }[] = [];
  const problems: string[] = [];
  for (const slug of job.shard.slugs) {
    const episode = corpus.episode(slug);
    const own = episodePassages(episode, routes);
    attachTopics(own, corpus.topics);
    if (job.checkPages) problems.push(...missingParagraphs(job.outDir, slug, routes.episode(slug), own.flatMap((p) => p.anchors.map((a) => a.id))));
    for (const p of own) passages.push(passageRecord(p));
    documents.push({ url: routes.episode(slug), content: episodeDocument(searchEpisode(episode, routes)) });
    vocabulary.add(episode);
  }
  const topics = job.shard.index === 0 ? topicRecords(corpus.topics, routes) : [];
  for (const t of topics) documents.push({ url: t.url, content: topicDocument(t) });
  const recordsDone = performance.now();

  const target = join(job.outDir, job.folder);
  rmSync(target, { recursive: true, force: true });
  // Pagefind's allocator returns freed memory page by page (madvise), which on some VMs costs more than the
  // indexing itself; its service lives only as long as this shard, so it keeps what it frees until it exits.
  process.env._RJEM_MALLOC_CONF ??= 'dirty_decay_ms:-1,muzzy_decay_ms:-1';
  try {
    const created = await pagefind.createIndex({ forceLanguage: 'en' });
    const index = created.index;
    if (!index) throw new Error(`Pagefind could not start: ${created.errors.join('; ')}`);
    const errors: string[] = [];
    errors.push(...(await pipelined(passages, (record) => index.addCustomRecord(record))));
    errors.push(...(await pipelined(documents, (doc) => index.addHTMLFile(doc))));
    const written = await index.writeFiles({ outputPath: target });
    errors.push(...written.errors);
    if (errors.length > 0) throw new Error(`Pagefind reported: ${errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }

  const report: ShardReport = {
    index: job.shard.index,
    passages: passages.length,
    episodes: job.shard.slugs.length,
    topics: topics.length,
    files: 0,
    bytes: 0,
    dataBytes: 0,
    problems,
    counts: [...vocabulary.result().counts],
    splits: [...vocabulary.result().splits].map(([name, set]) => [name, [...set]]),
    timings: { records: recordsDone - started, pagefind: performance.now() - recordsDone },
  };
  for (const name of readdirSync(target)) {
    if (unusedBundle.test(name) || (job.shard.index > 0 && runtime.test(name))) rmSync(join(target, name), { force: true });
  }
  tally(target, report);
  return report;
}

/** Paragraph ids a page lacks (or the page itself, when it was not built). */
function missingParagraphs(outDir: string, slug: string, href: string, ids: readonly string[]): string[] {
  const file = join(outDir, 'episodes', slug, 'index.html');
  if (!existsSync(file)) return [`no page for episode "${slug}" at ${href}; the search index and the pages disagree on slugs`];
  const present = new Set<string>();
  for (const m of readFileSync(file, 'utf8').matchAll(/\sid="([^"]+)"/g)) present.add(m[1] ?? '');
  return ids.filter((id) => !present.has(id)).map((id) => `${href} has no element with id "${id}"`);
}

/**
 * Send one Pagefind request per item, `PIPELINE_WINDOW` at a time, and
 * collect the errors in item order. Pagefind's service answers its requests
 * one by one, in the order they were sent, so the index is the same as with
 * one request at a time, without waiting a round trip per record.
 */
async function pipelined<T>(items: readonly T[], send: (item: T) => Promise<{ errors: string[] }>): Promise<string[]> {
  const errors: string[] = [];
  for (let i = 0; i < items.length; i += PIPELINE_WINDOW) {
    const answers = await Promise.all(items.slice(i, i + PIPELINE_WINDOW).map(send));
    for (const answer of answers) errors.push(...answer.errors);
  }
  return errors;
}

function tally(dir: string, report: ShardReport): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = statSync(path);
    if (stat.isDirectory()) tally(path, report);
    else {
      report.files++;
      report.bytes += stat.size;
      if (/\.pf_(?:meta|index|fragment|filter)$/.test(name)) report.dataBytes += stat.size;
    }
  }
}
