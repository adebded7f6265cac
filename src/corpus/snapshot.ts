/**
 * A loaded corpus written to one file, so that the processes of a build
 * (`astro build` rendering pages, the search index workers) all see the
 * corpus the build started from, without listing, hashing or parsing the
 * transcripts again, even if files change meanwhile: the snapshot names
 * each episode's cached form, which never changes under its digest.
 */
import { existsSync, readFileSync } from 'node:fs';
import { CuratedTopic } from '../knowledge/topics/schema.ts';
import type { Diagnostic } from '../transcript/diagnostics.ts';
import type { Episode } from '../transcript/schema.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { decodeEpisode } from './episode-codec.ts';
import type { Corpus } from './load-corpus.ts';
import type { EpisodeSummary } from './summary.ts';
import { readTopicIndex } from './topic-index-cache.ts';

interface SnapshotFile {
  version: 1;
  episodesDir: string;
  cacheDir: string;
  files: number;
  summaries: EpisodeSummary[];
  /** [slug, cached episode file]. */
  blobs: [string, string][];
  curatedTopics: CuratedTopic[];
  topicsFile: string;
  topicsKey: string;
  diagnostics: Diagnostic[];
}

/** Write `corpus` (loaded with a cache folder on disk) to `file`. */
export function writeSnapshot(corpus: Corpus, file: string): void {
  if (!corpus.cacheDir || !corpus.topicsFile) throw new Error('a corpus snapshot needs the cache on disk');
  const data: SnapshotFile = {
    version: 1,
    episodesDir: corpus.episodesDir,
    cacheDir: corpus.cacheDir,
    files: corpus.files,
    summaries: corpus.summaries,
    blobs: [...corpus.blobs],
    curatedTopics: corpus.curatedTopics,
    topicsFile: corpus.topicsFile,
    topicsKey: corpus.topicsKey,
    diagnostics: corpus.diagnostics,
  };
  writeFileAtomic(file, JSON.stringify(data));
}

/**
 * Block until the build says the snapshot is ready to render (`file`
 * exists): `verbatim build` starts astro build while it still reads the
 * transcripts, so astro's own start-up overlaps that phase. Throws when
 * the build that started this process (`parent`) is gone without saying so.
 */
export function waitForCorpus(file: string, parent: number): void {
  const nap = new Int32Array(new SharedArrayBuffer(4));
  while (!existsSync(file)) {
    if (process.ppid !== parent) throw new Error(`the build that started this one (process ${parent}) ended before its corpus was ready`);
    Atomics.wait(nap, 0, 0, 20);
  }
}

/** The corpus a snapshot describes; throws when the snapshot or its topic index cannot be read (a build bug, not bad content). */
export function openSnapshot(file: string): Corpus {
  const data = JSON.parse(readFileSync(file, 'utf8')) as SnapshotFile;
  if (data.version !== 1) throw new Error(`${file} is not a corpus snapshot`);
  const topics = readTopicIndex(data.topicsFile, data.topicsKey);
  if (!topics) throw new Error(`the topic index ${data.topicsFile} of the corpus snapshot ${file} is missing or out of date`);
  const blobs = new Map(data.blobs);
  return {
    episodesDir: data.episodesDir,
    files: data.files,
    summaries: data.summaries,
    episode: (slug: string): Episode => {
      const where = blobs.get(slug);
      if (where === undefined) throw new Error(`no episode with slug "${slug}"`);
      const e = decodeEpisode(readFileSync(where));
      e.slug = slug;
      return e;
    },
    curatedTopics: data.curatedTopics.map((t) => CuratedTopic.parse(t)),
    topics,
    diagnostics: data.diagnostics,
    parsed: 0,
    reused: data.summaries.length,
    timings: { read: 0, topics: 0 },
    blobs,
    topicsFile: data.topicsFile,
    topicsKey: data.topicsKey,
    cacheDir: data.cacheDir,
  };
}
