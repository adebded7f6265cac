/**
 * Builds one shard of the site's derived files: reads its episodes one at a
 * time, writes each episode's transcript downloads (WebVTT, SRT, text, JSON,
 * Podcasting 2.0), makes the search records (passages, the episode records
 * and, in the main shard, the topic pages), counts the words for the
 * spelling dictionary, and has Pagefind write the shard's index. Runs in a
 * process of its own (shard-process.ts) so that Pagefind's memory is
 * returned when it ends, and alongside `astro build`: it needs no page,
 * only the episodes and what the topic index says of them, all in the job.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as pagefind from 'pagefind';
import { isTimed } from '../exports/cues.ts';
import { transcriptExports } from '../exports/formats.ts';
import type { ExportId } from '../exports/formats.ts';
import type { EpisodeTopics } from '../knowledge/topics/schema.ts';
import { VocabularyCounter, vocabularyFromJson, vocabularyToJson } from '../search/dictionary.ts';
import type { VocabularyJson, VocabularyPart } from '../search/dictionary.ts';
import { episodePassages, searchEpisode } from '../search/passages.ts';
import type { SearchTopic } from '../search/passages.ts';
import { episodeDocument, passageRecord, topicDocument } from '../search/records.ts';
import { makeRoutes } from '../site/routes.ts';
import type { Episode } from '../transcript/schema.ts';
import { linkTree } from './link-tree.ts';
import type { SearchShard } from './shards.ts';

export interface ShardJob {
  shard: SearchShard;
  /** Where to write: `<dir>/index/` the Pagefind files, `<dir>/exports/episodes/<slug>/` the downloads. */
  dir: string;
  /** Base path of record URLs. */
  base: string;
  /** Transcript downloads to write (the site config's `exports`). */
  exports: ExportId[];
  /** Name words the dictionary looks for split spellings of (see dictionary.ts `variantCandidates`). */
  candidates: string[];
  /** The topic index's first mentions per paragraph, for each episode of the shard (the passages' topic filter). */
  links: Record<string, EpisodeTopics['links']>;
  /** Topic names by slug. */
  topicNames: Record<string, string>;
  /** The topic pages' records (the main shard only). */
  topicRecords: SearchTopic[];
  /**
   * Where each episode's downloads and word counts are kept between builds, by slug: taken from there
   * when present, else made and put there. Episodes not named are made in the shard only.
   */
  episodeFiles?: Record<string, string>;
}

/** What a shard's process reports; with the shard's vocabulary (`counts`, `splits`) as arrays for sending between processes. */
export interface ShardReport extends VocabularyJson {
  index: number;
  passages: number;
  episodes: number;
  topics: number;
  downloads: number;
  /** Index files written, their bytes, and the bytes of index data alone (no JS or wasm). */
  files: number;
  bytes: number;
  dataBytes: number;
  /** Paragraph ids each episode's passages link to, by slug: checked against the built pages. */
  paragraphs: Record<string, string[]>;
  /** Milliseconds: the records; Pagefind in all (adding the records, then writing while the downloads are made). */
  timings: { records: number; pagefind: number; adding: number; downloads: number; writing: number };
}

/** Word locations per chunk of the word index (Pagefind's setting, unstable by its name: checked by the scale bench). */
export const INDEX_CHUNK_LOCATIONS = 4000;

/** Requests sent to Pagefind's service before waiting for their answers (it answers in order). */
const PIPELINE_WINDOW = 128;

/** Pagefind's prebuilt UIs: the search page has its own, so these are never published. */
const unusedBundle = /^pagefind-(?:ui|modular-ui|component-ui|highlight)\./;
/** Pagefind's runtime: published once, in the main shard; the other shards hold index data only. */
const runtime = /^(?:pagefind\.js|pagefind-worker\.js|wasm\.[\w-]+\.pagefind)$/;

/**
 * Build the shard; `episode(slug)` reads one episode. Two passes over the
 * episodes: the first makes the search records; the second (the downloads
 * and the word counts, about a third of the work) runs while Pagefind's own
 * process writes the index, which leaves this one idle otherwise.
 */
export async function indexShard(job: ShardJob, episode: (slug: string) => Episode): Promise<ShardReport> {
  const started = performance.now();
  const routes = makeRoutes(job.base);
  const passages: ReturnType<typeof passageRecord>[] = [];
  const documents: { url: string; content: string }[] = [];
  const paragraphs: Record<string, string[]> = {};
  rmSync(job.dir, { recursive: true, force: true });
  for (const slug of job.shard.slugs) {
    const e = episode(slug);
    const own = episodePassages(e, routes);
    const links = job.links[slug];
    for (const passage of own) {
      // The topic filter: the topics first mentioned in one of the passage's paragraphs.
      const names = new Set<string>();
      for (const { id } of passage.anchors) for (const link of links?.[id] ?? []) names.add(job.topicNames[link.topic] ?? link.topic);
      passage.topics = [...names];
      passages.push(passageRecord(passage));
    }
    paragraphs[slug] = own.flatMap((p) => p.anchors.map((a) => a.id));
    documents.push({ url: routes.episode(slug), content: episodeDocument(searchEpisode(e, routes)) });
  }
  for (const t of job.topicRecords) documents.push({ url: t.url, content: topicDocument(t) });
  const recordsDone = performance.now();

  const target = join(job.dir, 'index');
  let added = 0;
  let downloadsDone = 0;
  let rest: { vocabulary: VocabularyCounter; downloads: number } | null = null;
  // Pagefind's allocator returns freed memory page by page (madvise), which on some VMs costs more than the
  // indexing itself; its service lives only as long as this shard, so it keeps what it frees until it exits.
  process.env._RJEM_MALLOC_CONF ??= 'dirty_decay_ms:-1,muzzy_decay_ms:-1';
  // Smaller word-index chunks than Pagefind's default (20,000 locations): a search loads one chunk per
  // word from every shard, so with several shards the default chunks made most of a first search's bytes.
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ??= String(INDEX_CHUNK_LOCATIONS);
  try {
    const created = await pagefind.createIndex({ forceLanguage: 'en' });
    const index = created.index;
    if (!index) throw new Error(`Pagefind could not start: ${created.errors.join('; ')}`);
    const errors: string[] = [];
    errors.push(...(await pipelined(passages, (record) => index.addCustomRecord(record))));
    errors.push(...(await pipelined(documents, (doc) => index.addHTMLFile(doc))));
    added = performance.now();
    // The request is on its way to Pagefind's process when this returns; the second pass runs meanwhile.
    const writing = index.writeFiles({ outputPath: target });
    rest = downloadsAndCounts(job, episode);
    downloadsDone = performance.now();
    const written = await writing;
    errors.push(...written.errors);
    if (errors.length > 0) throw new Error(`Pagefind reported: ${errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }

  const counted = rest.vocabulary.result();
  const report: ShardReport = {
    index: job.shard.index,
    passages: passages.length,
    episodes: job.shard.slugs.length,
    topics: job.topicRecords.length,
    downloads: rest.downloads,
    files: 0,
    bytes: 0,
    dataBytes: 0,
    paragraphs,
    ...vocabularyToJson(counted),
    timings: {
      records: recordsDone - started,
      pagefind: performance.now() - recordsDone,
      adding: added - recordsDone,
      downloads: downloadsDone - added,
      writing: performance.now() - added,
    },
  };
  for (const name of readdirSync(target)) {
    if (unusedBundle.test(name) || (job.shard.index > 0 && runtime.test(name))) rmSync(join(target, name), { force: true });
  }
  tally(target, report);
  return report;
}

/** The second pass: each episode's downloads (written here rather than by astro build) and its words counted for the dictionary. */
function downloadsAndCounts(job: ShardJob, episode: (slug: string) => Episode): { vocabulary: VocabularyCounter; downloads: number } {
  const vocabulary = new VocabularyCounter(job.candidates);
  const exportsDir = join(job.dir, 'exports', 'episodes');
  let downloads = 0;
  for (const slug of job.shard.slugs) {
    const folder = join(exportsDir, slug);
    const kept = job.episodeFiles?.[slug];
    if (kept) {
      let part = readCounts(kept);
      if (!part) {
        // Made in a folder of this process's, then put in place whole: a build that shares the cache sees all or nothing.
        const building = `${kept}.${process.pid}.tmp`;
        rmSync(building, { recursive: true, force: true });
        part = episodeFiles(job, episode(slug), vocabulary, building, true).part;
        try {
          renameSync(building, kept);
        } catch {
          // Another build put the same files there first.
          rmSync(building, { recursive: true, force: true });
        }
      }
      vocabulary.addPart(part);
      downloads += linkTree(kept, folder, new Set([COUNTS_FILE]));
    } else {
      const made = episodeFiles(job, episode(slug), vocabulary, folder, false);
      vocabulary.addPart(made.part);
      downloads += made.downloads;
    }
  }
  return { vocabulary, downloads };
}

/** Name of an episode's word counts beside its downloads in the cache. */
const COUNTS_FILE = 'counts.json';

/** Write one episode's downloads into `folder` (and its word counts, for the cache); returns the counts and how many downloads. */
function episodeFiles(job: ShardJob, e: Episode, counter: VocabularyCounter, folder: string, withCounts: boolean): { part: VocabularyPart; downloads: number } {
  mkdirSync(folder, { recursive: true });
  const timed = isTimed(e);
  let downloads = 0;
  for (const format of transcriptExports) {
    if (!job.exports.includes(format.id) || (format.timedOnly && !timed)) continue;
    writeFileSync(join(folder, format.file), format.write(e));
    downloads++;
  }
  const part = counter.episodePart(e);
  if (withCounts) writeFileSync(join(folder, COUNTS_FILE), JSON.stringify(vocabularyToJson(part)));
  return { part, downloads };
}

/** An episode's word counts as kept in the cache, or undefined when they are not there (or unreadable). */
function readCounts(folder: string): VocabularyPart | undefined {
  try {
    return vocabularyFromJson(JSON.parse(readFileSync(join(folder, COUNTS_FILE), 'utf8')) as VocabularyJson);
  } catch {
    return undefined;
  }
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
