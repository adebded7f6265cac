/**
 * The topic index on disk, keyed by what it is built from: the episodes
 * (slug and content digest, which covers transcript and sidecar), the topic
 * files and the options. Discovery is the slow part of a build, so an
 * unchanged corpus reuses the index of the last build. A file that is
 * missing, has another key or does not validate is simply not used.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { TopicIndex, TopicIndexOptions } from '../knowledge/topics/build-topics.ts';
import { CuratedTopic, EpisodeTopics, Topic } from '../knowledge/topics/schema.ts';
import { diagnosticCodes } from '../transcript/diagnostics.ts';
import type { Diagnostic } from '../transcript/diagnostics.ts';
import { writeFileAtomic } from './atomic-write.ts';

const CachedDiagnostic: z.ZodType<Diagnostic> = z.object({
  code: z.enum(diagnosticCodes as [Diagnostic['code'], ...Diagnostic['code'][]]),
  severity: z.enum(['error', 'warning']),
  file: z.string(),
  line: z.number(),
  column: z.number(),
  message: z.string(),
});

const CacheFile = z.object({
  key: z.string(),
  topics: z.array(Topic),
  byEpisode: z.array(EpisodeTopics),
  diagnostics: z.array(CachedDiagnostic),
});

/** What the index is built from, as a digest: episodes in listing order, the topic files, the options. */
export function topicIndexKey(
  episodes: readonly { slug: string; source: { digest: string } }[],
  curated: readonly CuratedTopic[],
  options: TopicIndexOptions,
): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(options));
  for (const e of episodes) hash.update(`\u0000${e.slug}\u0000${e.source.digest}`);
  hash.update(JSON.stringify(curated));
  return hash.digest('hex');
}

/** The index stored in `file` under `key`, or undefined. */
export function readTopicIndex(file: string, key: string): TopicIndex | undefined {
  let data: z.infer<typeof CacheFile>;
  try {
    const parsed = CacheFile.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success || parsed.data.key !== key) return undefined;
    data = parsed.data;
  } catch {
    return undefined;
  }
  return {
    topics: data.topics,
    bySlug: new Map(data.topics.map((t) => [t.slug, t])),
    byEpisode: new Map(data.byEpisode.map((v) => [v.episode, v])),
    diagnostics: data.diagnostics,
  };
}

/** Store `index` in `file` under `key`. */
export function writeTopicIndex(file: string, key: string, index: TopicIndex): void {
  const data: z.infer<typeof CacheFile> = { key, topics: index.topics, byEpisode: [...index.byEpisode.values()], diagnostics: index.diagnostics };
  writeFileAtomic(file, JSON.stringify(data));
}
