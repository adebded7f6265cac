/**
 * The corpus: every episode of an episodes folder, the curated topics and
 * the topic index, read once and shared by everything a build makes: the
 * diagnostics, the pages and the search index (through a snapshot file, see
 * snapshot.ts). Unchanged files are not parsed again: each transcript's
 * episode is cached on disk by a digest of its bytes, its sidecar's bytes,
 * its path and the code that parses it (episode-codec.ts), with its
 * summary and diagnostics in the folder's cache index; the topic index is
 * cached by a digest of what it is built from, and each episode's parts of
 * it by the episode's digest (topic-parts.ts), so that an edit rebuilds it
 * from the edited episode's text and the others' parts. Episodes are read
 * from the cache one at a time when a page or an index needs the whole
 * transcript.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sortEpisodes } from '../knowledge/episode-order.ts';
import { assignUniqueSlugs } from '../knowledge/slugs.ts';
import { buildTopicIndex } from '../knowledge/topics/build-topics.ts';
import type { TopicIndex, TopicIndexOptions } from '../knowledge/topics/build-topics.ts';
import type { CuratedTopic } from '../knowledge/topics/schema.ts';
import { displayPath, listTranscripts, readAtMost } from '../node/episode-folder.ts';
import type { TranscriptFile } from '../node/episode-folder.ts';
import { readTopicFolder } from '../node/topic-folder.ts';
import { diagnostic } from '../transcript/diagnostics.ts';
import type { Diagnostic } from '../transcript/diagnostics.ts';
import { parseTranscript } from '../transcript/parse-transcript.ts';
import type { IngestResult, TranscriptInput } from '../transcript/parse-transcript.ts';
import type { Episode } from '../transcript/schema.ts';
import { MAX_FILE_BYTES } from '../transcript/source-text.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { codeFingerprint, INGEST_CODE, TOPIC_CODE } from './code-fingerprint.ts';
import { decodeEpisode, encodeEpisode } from './episode-codec.ts';
import { summarizeEpisode } from './summary.ts';
import type { EpisodeSummary } from './summary.ts';
import { readTopicIndex, topicIndexKey, writeTopicIndex } from './topic-index-cache.ts';
import { TopicPartStore } from './topic-parts.ts';

export interface CorpusOptions {
  /** Episodes folder. */
  episodes: string;
  /** Curated topics folder (`<content>/topics`); null or absent for none. */
  topics?: string | null;
  /** Cache folder; null keeps everything in memory (nothing is reused between runs). Default `defaultCacheDir()`. */
  cacheDir?: string | null;
  /** Discover topics in the transcripts (default true). */
  discoverTopics?: boolean;
  /** Build the topic index at all (default true; `check` needs only the transcripts). */
  indexTopics?: boolean;
  /** Most discovered topics (default: see src/knowledge/topics/build-topics.ts). */
  maxDiscoveredTopics?: number;
  /** Words and phrases no topic is discovered for (the site config's `topics.exclude`). */
  excludeTopics?: readonly string[];
  /** Progress lines for long loads (a few a second at most). */
  log?: (line: string) => void;
  /** Work that can wait until the corpus is handed on (deleting the topic index an earlier build wrote): given here, or done at once. */
  later?: (task: () => void) => void;
}

/** The corpus options that come from the site config's `topics` settings. */
export type DiscoverySettings = Pick<CorpusOptions, 'discoverTopics' | 'maxDiscoveredTopics' | 'excludeTopics'>;

/** The site config's `topics` settings as corpus options (what every caller that reads the config passes). */
export function discoverySettings(topics: { discover: boolean; max?: number | undefined; exclude: readonly string[] }): DiscoverySettings {
  return {
    discoverTopics: topics.discover,
    ...(topics.max === undefined ? {} : { maxDiscoveredTopics: topics.max }),
    ...(topics.exclude.length === 0 ? {} : { excludeTopics: topics.exclude }),
  };
}

export interface CorpusTimings {
  /** Listing, reading, hashing and parsing the transcripts. */
  read: number;
  topics: number;
}

export interface Corpus {
  episodesDir: string;
  /** Transcript files found. */
  files: number;
  /** One per episode, in file path order, slugs unique. */
  summaries: EpisodeSummary[];
  /** The whole episode (read from the cache), with its unique slug. */
  episode(slug: string): Episode;
  curatedTopics: CuratedTopic[];
  /** Curated and discovered topics over the episodes in listing order. */
  topics: TopicIndex;
  /** Transcripts', topic files' and the topic index's problems, in that order. */
  diagnostics: Diagnostic[];
  /** Transcripts parsed this time, and read from the cache. */
  parsed: number;
  reused: number;
  timings: CorpusTimings;
  /** Where each episode's cached form is (by slug), for snapshots; empty when the cache is in memory. */
  blobs: Map<string, string>;
  /** The topic index's folder, when the cache is on disk, and the key it is stored under. */
  topicsFile: string | null;
  topicsKey: string;
  cacheDir: string | null;
}

/** The default cache folder: inside node_modules, so a fresh install starts cold and git never sees it. */
export function defaultCacheDir(cwd = process.cwd()): string {
  return join(cwd, 'node_modules', '.cache', 'verbatim');
}

/** What the cache index remembers of one transcript file. */
interface CachedFile {
  digest: string;
  /** Null when the file yielded no episode. */
  summary: EpisodeSummary | null;
  diagnostics: Diagnostic[];
}

interface CacheIndex {
  version: number;
  files: Record<string, CachedFile>;
  /** The topic index file written last, removed when a newer one replaces it. */
  topicsFile?: string;
  /** The topic index's cached parts the last build used (topic-parts.ts), removed when no longer used. */
  topicParts?: string[];
}

const CACHE_VERSION = 1;

/** Read the corpus; never throws for bad content (every problem is a diagnostic). */
export function loadCorpus(options: CorpusOptions): Corpus {
  const started = performance.now();
  const episodesDir = resolve(options.episodes);
  const cacheDir = options.cacheDir === undefined ? defaultCacheDir() : options.cacheDir;
  const log = options.log ?? (() => {});
  const ingestCode = codeFingerprint(INGEST_CODE);
  const indexFile = cacheDir ? join(cacheDir, 'corpora', `${sha256(episodesDir).slice(0, 24)}.json`) : null;
  const previous = indexFile ? readIndex(indexFile) : { version: CACHE_VERSION, files: {} };
  const next: CacheIndex = { version: CACHE_VERSION, files: {} };
  const memory = new Map<string, Uint8Array>();
  const blobPath = (digest: string) => (cacheDir ? join(cacheDir, 'episodes', digest.slice(0, 2), `${digest}.vbe`) : digest);

  const diagnostics: Diagnostic[] = [];
  let files: TranscriptFile[] = [];
  try {
    files = listTranscripts(episodesDir, process.cwd(), diagnostics);
  } catch (error) {
    diagnostics.push(diagnostic('folder-unreadable', displayPath(episodesDir, process.cwd()), 1, 1, { reason: reason(error) }));
  }

  const summaries: EpisodeSummary[] = [];
  const digestOf = new Map<EpisodeSummary, string>();
  const holder = new Map<string, TranscriptFile>();
  let parsed = 0;
  let reused = 0;
  let lastLog = performance.now();
  files.forEach((file, i) => {
    const read = readFile(file);
    const digest = read.bytes ? fileDigest(ingestCode, file, read.bytes, read.sidecar) : null;
    let entry = digest ? previous.files[file.relativePath] : undefined;
    if (entry && (entry.digest !== digest || (entry.summary && cacheDir && !existsSync(blobPath(entry.digest))))) entry = undefined;
    if (entry) {
      reused++;
    } else {
      parsed++;
      const result = read.result ?? ingest(file, read);
      entry = { digest: digest ?? '', summary: result.episode ? summarizeEpisode(result.episode) : null, diagnostics: result.diagnostics };
      if (result.episode && digest) {
        const bytes = encodeEpisode(result.episode);
        if (cacheDir) writeFileAtomic(blobPath(digest), bytes);
        else memory.set(digest, bytes);
      }
    }
    diagnostics.push(...entry.diagnostics);
    if (digest) next.files[file.relativePath] = entry;
    const summary = entry.summary ? structuredClone(entry.summary) : null;
    if (summary && digest) {
      const first = holder.get(summary.id);
      if (first) {
        // `a.txt` and `a.srt` share the id `a`; publishing both would overwrite one page with the other.
        diagnostics.push(diagnostic('episode-duplicate-id', file.file, 1, 1, { id: summary.id, other: first.file }));
      } else {
        holder.set(summary.id, file);
        summaries.push(summary);
        digestOf.set(summary, digest);
      }
    }
    if (performance.now() - lastLog > 2000) {
      lastLog = performance.now();
      log(`  read ${i + 1} of ${files.length} transcripts (${parsed} parsed, ${reused} unchanged) in ${seconds(lastLog - started)}`);
    }
  });
  diagnostics.push(...assignUniqueSlugs(summaries));
  const blobs = new Map<string, string>();
  for (const s of summaries) blobs.set(s.slug, blobPath(digestOf.get(s) ?? ''));
  if (indexFile) {
    removeSuperseded(previous, next, blobPath);
    next.topicsFile = previous.topicsFile;
    if (previous.topicParts) next.topicParts = previous.topicParts;
    writeFileAtomic(indexFile, JSON.stringify(next));
  }
  const readDone = performance.now();

  const episode = (slug: string): Episode => {
    const where = blobs.get(slug);
    if (where === undefined) throw new Error(`no episode with slug "${slug}"`);
    const e = decodeEpisode(cacheDir ? readFileSync(where) : (memory.get(where) ?? new Uint8Array()));
    e.slug = slug;
    return e;
  };

  // Topics: curated files, then the index over every episode in listing order.
  const topicFolder = options.topics ? readTopicFolder(options.topics) : { topics: [], diagnostics: [] };
  diagnostics.push(...topicFolder.diagnostics);
  const sorted = sortEpisodes(summaries);
  const topicOptions: TopicIndexOptions = { discover: options.discoverTopics !== false };
  if (options.maxDiscoveredTopics !== undefined) topicOptions.maxDiscovered = options.maxDiscoveredTopics;
  if (options.excludeTopics !== undefined && options.excludeTopics.length > 0) topicOptions.exclude = options.excludeTopics;
  const key = `${codeFingerprint(TOPIC_CODE)}:${topicIndexKey(sorted, topicFolder.topics, topicOptions)}`;
  const topicsFile = cacheDir ? join(cacheDir, 'topics', sha256(key).slice(0, 32)) : null;
  let topics = options.indexTopics === false ? emptyIndex() : topicsFile ? readTopicIndex(topicsFile, key) : undefined;
  if (!topics) {
    log(`  indexing topics over ${sorted.length} episodes`);
    // Read from the cache one episode at a time, on each of the index's passes.
    const episodes: Iterable<Episode> = {
      *[Symbol.iterator]() {
        for (const s of sorted) yield episode(s.slug);
      },
    };
    // Each episode's parts of the index are cached too, by what the episode is made from (its file digest), so
    // that after an edit only the edited episode is read again (and the other passes only if their topics changed).
    const parts = cacheDir ? new TopicPartStore(cacheDir, codeFingerprint(TOPIC_CODE)) : undefined;
    const contentKey = (_: Episode, position: number) => digestOf.get(sorted[position] as EpisodeSummary) ?? '';
    topics = buildTopicIndex(episodes, topicFolder.topics, { ...topicOptions, ...(parts ? { cache: parts, contentKey } : {}) });
    if (topics.reused) log(`  topic index: ${topics.reused.read} of ${sorted.length} episodes' counts reused, ${topics.reused.count} possible mentions, ${topics.reused.mentions} mentions`);
    if (topicsFile && indexFile) {
      writeTopicIndex(topicsFile, key, topics);
      // The last build's topic index goes once the corpus is handed on.
      const previousIndex = next.topicsFile;
      if (previousIndex && previousIndex !== topicsFile) (options.later ?? ((task) => task()))(() => rmSync(previousIndex, { recursive: true, force: true }));
      next.topicsFile = topicsFile;
      if (parts) {
        parts.prune(next.topicParts ?? []);
        next.topicParts = [...parts.used];
      }
      writeFileAtomic(indexFile, JSON.stringify(next));
    }
  }
  diagnostics.push(...topics.diagnostics);

  return {
    episodesDir,
    files: files.length,
    summaries,
    episode,
    curatedTopics: topicFolder.topics,
    topics,
    diagnostics,
    parsed,
    reused,
    timings: { read: readDone - started, topics: performance.now() - readDone },
    blobs: cacheDir ? blobs : new Map(),
    topicsFile,
    topicsKey: key,
    cacheDir,
  };
}

interface FileRead {
  bytes: Uint8Array | null;
  sidecar: Uint8Array | null;
  /** Set when the file cannot be ingested at all (too large, unreadable): the result to report. */
  result?: IngestResult;
}

/** A transcript's bytes and its sidecar's; a file over the size limit is refused from its size, without reading it. */
function readFile(file: TranscriptFile): FileRead {
  try {
    const transcript = readAtMost(file.absolutePath, MAX_FILE_BYTES);
    if ('tooLarge' in transcript) {
      return { bytes: null, sidecar: null, result: { episode: null, diagnostics: [diagnostic('file-too-large', file.file, 1, 1, { size: transcript.tooLarge, limit: MAX_FILE_BYTES })] } };
    }
    if (!file.sidecarPath) return { bytes: transcript.bytes, sidecar: null };
    const sidecar = readAtMost(file.sidecarPath, MAX_FILE_BYTES);
    if ('tooLarge' in sidecar) {
      // The transcript is read without it, as the core does; the refusal is reported with its result.
      const refused = diagnostic('file-too-large', displayPath(file.sidecarPath, process.cwd()), 1, 1, { size: sidecar.tooLarge, limit: MAX_FILE_BYTES });
      const result = parseTranscript({ file: file.file, relativePath: file.relativePath, bytes: transcript.bytes });
      return { bytes: transcript.bytes, sidecar: null, result: { episode: result.episode, diagnostics: [...result.diagnostics, refused] } };
    }
    return { bytes: transcript.bytes, sidecar: sidecar.bytes };
  } catch (error) {
    return { bytes: null, sidecar: null, result: { episode: null, diagnostics: [diagnostic('file-unreadable', file.file, 1, 1, { reason: reason(error) })] } };
  }
}

function ingest(file: TranscriptFile, read: FileRead): IngestResult {
  const input: TranscriptInput = { file: file.file, relativePath: file.relativePath, bytes: read.bytes ?? new Uint8Array() };
  if (file.sidecarPath && read.sidecar) input.sidecar = { file: displayPath(file.sidecarPath, process.cwd()), bytes: read.sidecar };
  return parseTranscript(input);
}

/** Digest of everything the cached result depends on: the code, the paths as reported, and both files' bytes. */
function fileDigest(code: string, file: TranscriptFile, bytes: Uint8Array, sidecar: Uint8Array | null): string {
  const hash = createHash('sha256');
  hash.update(`${code}\u0000${file.file}\u0000${file.relativePath}\u0000${file.sidecarPath ? displayPath(file.sidecarPath, process.cwd()) : ''}\u0000`);
  hash.update(bytes);
  hash.update(sidecar === null ? '\u0001none' : '\u0001sidecar\u0000');
  if (sidecar) hash.update(sidecar);
  return hash.digest('hex');
}

function readIndex(file: string): CacheIndex {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<CacheIndex>;
    if (data.version !== CACHE_VERSION || !data.files || typeof data.files !== 'object') return { version: CACHE_VERSION, files: {} };
    return data as CacheIndex;
  } catch {
    return { version: CACHE_VERSION, files: {} }; // missing or damaged: it only costs a full read
  }
}

/** Delete cached episodes this folder used before and no longer does (other folders' entries are left alone). */
function removeSuperseded(previous: CacheIndex, next: CacheIndex, blobPath: (digest: string) => string): void {
  const kept = new Set(Object.values(next.files).map((f) => f.digest));
  for (const entry of Object.values(previous.files)) {
    if (entry.summary && !kept.has(entry.digest)) rmSync(blobPath(entry.digest), { force: true });
  }
}

function emptyIndex(): TopicIndex {
  return { topics: [], bySlug: new Map(), byEpisode: new Map(), diagnostics: [] };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * Every episode of a folder, as the site has them (path order, duplicate ids
 * dropped, slugs unique), held in memory: for tools and tests over small
 * folders. Diagnostics are not reported here; `loadCorpus` has them.
 */
export function loadEpisodes(dir: string): Episode[] {
  const corpus = loadCorpus({ episodes: dir, cacheDir: null, indexTopics: false });
  return corpus.summaries.map((s) => corpus.episode(s.slug));
}
