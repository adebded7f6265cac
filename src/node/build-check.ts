/**
 * The first phase of a site build: ingest every transcript and topic file,
 * build the topic index, write it to the topic cache for the pages and the
 * search index, and collect every diagnostic. site-build.ts runs it in a
 * worker thread (build-check-worker.ts): the episodes and the topic index
 * take gigabytes for a large archive, and a worker's heap is freed when it
 * ends, before `astro build` starts. Only counts and diagnostics come back.
 */
import { join } from 'node:path';
import { buildSiteTopics } from '../knowledge/knowledge-base.ts';
import type { Diagnostic } from '../transcript/diagnostics.ts';
import { ingestFolder } from './episode-folder.ts';
import { cachedTopicIndex } from './topic-cache.ts';
import { readTopicFolder } from './topic-folder.ts';

export interface BuildCheckInput {
  /** Content folder (its `topics/` holds the curated topics). */
  content: string;
  /** Episodes folder. */
  episodes: string;
  /** Where to write the topic index for the rest of the build. */
  topicCache: string;
}

export interface BuildCheck {
  files: number;
  episodes: number;
  topics: number;
  /** Transcripts', topic files' and the whole index's problems, in that order. */
  diagnostics: Diagnostic[];
}

export function checkForBuild(input: BuildCheckInput): BuildCheck {
  const ingest = ingestFolder(input.episodes);
  // Topic files, and problems only the whole index shows (slug collisions, alias conflicts, unknown related topics).
  const topicFolder = readTopicFolder(join(input.content, 'topics'));
  const topicIndex = buildSiteTopics(ingest.episodes, { curatedTopics: topicFolder.topics, topicIndex: cachedTopicIndex(input.topicCache, { write: true }) });
  return {
    files: ingest.files,
    episodes: ingest.episodes.length,
    topics: topicIndex.topics.length,
    diagnostics: [...ingest.diagnostics, ...topicFolder.diagnostics, ...topicIndex.diagnostics],
  };
}
