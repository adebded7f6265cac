/**
 * The topic index, computed once per build. `verbatim build` builds it to
 * report topic problems before rendering; the pages and the search index
 * (in the `astro build` child process) need the same index. Discovery is
 * the slow part (seconds on a large corpus), so the CLI writes the index to
 * a file named by `VERBATIM_TOPIC_CACHE` and the child reads it back when
 * its key matches: the same episodes (slug and content digest, which covers
 * transcript and sidecar), the same topic files, the same options. Anything
 * else (no file, another key, a file that does not validate) builds afresh.
 * The file lives for one build, so the code that made it is the code that
 * reads it.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { buildTopicIndex } from '../knowledge/topics/build-topics.ts';
import type { TopicIndex, TopicIndexOptions } from '../knowledge/topics/build-topics.ts';
import { CuratedTopic, EpisodeTopics, Topic } from '../knowledge/topics/schema.ts';
import { diagnosticCodes } from '../transcript/diagnostics.ts';
import type { Diagnostic } from '../transcript/diagnostics.ts';
import type { Episode } from '../transcript/schema.ts';

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

/** What the index is built from, as a digest. */
export function topicIndexKey(episodes: readonly Episode[], curated: readonly CuratedTopic[], options: TopicIndexOptions): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(options));
  for (const e of episodes) hash.update(`\u0000${e.slug}\u0000${e.source.digest}`);
  hash.update(JSON.stringify(curated));
  return hash.digest('hex');
}

/** `buildTopicIndex`, answered from `file` when it holds the index for these inputs, else built (and written when `write`). */
export function cachedTopicIndex(file: string | undefined, { write = false } = {}) {
  return (episodes: readonly Episode[], curated: readonly CuratedTopic[], options: TopicIndexOptions = {}): TopicIndex => {
    if (!file) return buildTopicIndex(episodes, curated, options);
    const key = topicIndexKey(episodes, curated, options);
    const cached = read(file, key);
    if (cached) return cached;
    const index = buildTopicIndex(episodes, curated, options);
    if (write) {
      const data: z.infer<typeof CacheFile> = { key, topics: index.topics, byEpisode: [...index.byEpisode.values()], diagnostics: index.diagnostics };
      writeFileSync(file, JSON.stringify(data));
    }
    return index;
  };
}

function read(file: string, key: string): TopicIndex | undefined {
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
