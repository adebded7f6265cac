/**
 * A corpus over episodes already in memory, for tests and tools that make
 * episodes without files (the fuzzer, the search quality script's fixtures):
 * the same shape `loadCorpus` returns, nothing cached.
 */
import { assignUniqueSlugs } from '../knowledge/slugs.ts';
import { sortEpisodes } from '../knowledge/episode-order.ts';
import { buildTopicIndex } from '../knowledge/topics/build-topics.ts';
import type { CuratedTopic } from '../knowledge/topics/schema.ts';
import type { Episode } from '../transcript/schema.ts';
import type { Corpus } from './load-corpus.ts';
import { summarizeEpisode } from './summary.ts';

export function corpusFromEpisodes(input: readonly Episode[], options: { curatedTopics?: readonly CuratedTopic[]; discoverTopics?: boolean } = {}): Corpus {
  const episodes = input.map((e) => structuredClone(e));
  const diagnostics = assignUniqueSlugs(episodes);
  const bySlug = new Map(episodes.map((e) => [e.slug, e]));
  const topics = buildTopicIndex(sortEpisodes(episodes), options.curatedTopics ?? [], { discover: options.discoverTopics !== false });
  return {
    episodesDir: '',
    files: episodes.length,
    summaries: episodes.map(summarizeEpisode),
    episode: (slug) => {
      const e = bySlug.get(slug);
      if (!e) throw new Error(`no episode with slug "${slug}"`);
      return e;
    },
    curatedTopics: [...(options.curatedTopics ?? [])],
    topics,
    diagnostics: [...diagnostics, ...topics.diagnostics],
    parsed: episodes.length,
    reused: 0,
    timings: { read: 0, topics: 0 },
    blobs: new Map(),
    topicsFile: null,
    topicsKey: '',
    cacheDir: null,
  };
}
