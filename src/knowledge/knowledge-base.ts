/**
 * Every derived index the site needs, built once from all episodes: the
 * listing order, shows, neighbours within a show, the people directory,
 * headline stats, the topic index and related episodes. Built from episode
 * summaries (src/corpus/summary.ts); a page that shows a transcript asks
 * `episode(slug)` for it. Pure: runs the same in tests, the CLI and the site.
 */
import { summarizeEpisode } from '../corpus/summary.ts';
import type { EpisodeSummary } from '../corpus/summary.ts';
import type { Episode } from '../transcript/schema.ts';
import { sortEpisodes } from './episode-order.ts';
import { showNeighbours } from './neighbours.ts';
import type { Neighbours } from './neighbours.ts';
import { buildPeople } from './people.ts';
import type { PeopleDirectory } from './people.ts';
import { buildShows } from './shows.ts';
import type { Show } from './shows.ts';
import { relatedEpisodes } from './related-episodes.ts';
import type { RelatedEpisode } from './related-episodes.ts';
import { siteStats } from './stats.ts';
import type { SiteStats } from './stats.ts';
import { buildTopicIndex } from './topics/build-topics.ts';
import type { TopicIndex, TopicIndexOptions } from './topics/build-topics.ts';
import type { CuratedTopic } from './topics/schema.ts';

export interface KnowledgeBase {
  /** All episodes, newest first. */
  episodes: EpisodeSummary[];
  /** Episodes by slug. */
  episodeBySlug: Map<string, EpisodeSummary>;
  /** The whole episode, transcript included (read from the corpus cache in a build). */
  episode: (slug: string) => Episode;
  shows: Show[];
  /** The show of each episode, by episode id. */
  showOf: Map<string, Show>;
  /** Older/newer episode within the same show, by episode id. */
  neighbours: Map<string, Neighbours>;
  people: PeopleDirectory;
  stats: SiteStats;
  /** Curated and discovered topics, built over the episodes in listing order. */
  topics: TopicIndex;
  /** Episodes that share topics, by episode slug. */
  related: Map<string, RelatedEpisode[]>;
}

export interface KnowledgeBaseOptions {
  /** Curated topic files (content/topics). */
  curatedTopics?: readonly CuratedTopic[];
  /** Discover topics in the transcripts (default true). */
  discoverTopics?: boolean;
  /** Builds the topic index (default `buildTopicIndex`; the site passes a cached one, src/node/topic-cache.ts). */
  topicIndex?: (episodes: readonly Episode[], curated: readonly CuratedTopic[], options: TopicIndexOptions) => TopicIndex;
}

/** What the site's knowledge base is assembled from: the corpus (src/corpus/load-corpus.ts) provides each part. */
export interface KnowledgeSources {
  summaries: readonly EpisodeSummary[];
  /** The topic index over the same episodes in listing order (`buildSiteTopics`). */
  topics: TopicIndex;
  episode: (slug: string) => Episode;
}

/** All indexes over episode summaries and a topic index built elsewhere. */
export function assembleKnowledgeBase({ summaries, topics, episode }: KnowledgeSources): KnowledgeBase {
  const episodes = sortEpisodes(summaries);
  const shows = buildShows(episodes);
  const showOf = new Map<string, Show>();
  for (const show of shows) for (const e of show.episodes) showOf.set(e.id, show);
  const people = buildPeople(episodes);
  return {
    episodeBySlug: new Map(episodes.map((e) => [e.slug, e])),
    episode,
    topics,
    related: relatedEpisodes(topics.topics, episodes.length),
    episodes,
    shows,
    showOf,
    neighbours: showNeighbours(shows),
    people,
    stats: siteStats(episodes, shows.length, people.people.length),
  };
}

/** All indexes over episodes held in memory (tests, small tools): summaries and topics made here. */
export function buildKnowledgeBase(input: readonly Episode[], options: KnowledgeBaseOptions = {}): KnowledgeBase {
  const bySlug = new Map(input.map((e) => [e.slug, e]));
  return assembleKnowledgeBase({
    summaries: input.map(summarizeEpisode),
    topics: buildSiteTopics(input, options),
    episode: (slug) => {
      const e = bySlug.get(slug);
      if (!e) throw new Error(`no episode "${slug}"`);
      return e;
    },
  });
}

/**
 * The site's topic index alone, for callers that need nothing else (the
 * build's diagnostics, the search index): the same episodes in the same
 * listing order as `buildKnowledgeBase`, so the same topics and slugs.
 */
export function buildSiteTopics(input: readonly Episode[], options: KnowledgeBaseOptions = {}): TopicIndex {
  return topicIndexOf(sortEpisodes(input), options);
}

/** Topics over episodes already in listing order. */
function topicIndexOf(sorted: readonly Episode[], options: KnowledgeBaseOptions): TopicIndex {
  return (options.topicIndex ?? buildTopicIndex)(sorted, options.curatedTopics ?? [], { discover: options.discoverTopics !== false });
}
