/**
 * The topic schemas: the front matter of a curated topic file
 * (content/topics/<slug>.md), and the topic index built from all episodes,
 * which pages render without further work. Types come from these schemas.
 */
import { z } from 'zod';

/** A spelling to match: must hold at least one letter or digit. */
const Phrase = z
  .string()
  .trim()
  .min(1)
  .refine((value) => /[\p{L}\p{N}]/u.test(value), { message: 'must contain a letter or digit' });

/** Front matter of a curated topic file. The body below it is the topic's Markdown text. */
export const TopicFrontMatter = z.object({
  /** Display name; also matched in transcripts, like an alias. */
  title: Phrase,
  /** Other spellings as they occur in transcripts, speech-recognition misspellings included. */
  aliases: z.array(Phrase).default([]),
  /** One sentence for lists and the page's meta description. */
  description: z.string().trim().min(1).optional(),
  /** Slugs or titles of related topics, listed before the ones found by co-occurrence. */
  related: z.array(z.string().trim().min(1)).default([]),
  /** Phrases that contain an alias but are not about the topic ("Copenhagen interpretation"); never counted. */
  exclude: z.array(Phrase).default([]),
});
export type TopicFrontMatter = z.infer<typeof TopicFrontMatter>;

/** Keys a topic's front matter may hold, for unknown-key warnings. */
export const topicKeys: readonly string[] = Object.keys(TopicFrontMatter.shape);

/** A curated topic as read from its file. */
export const CuratedTopic = z.object({
  /** From the file name: `heat-pumps.md` → `heat-pumps`. */
  slug: z.string().min(1),
  /** The file, for messages. */
  file: z.string().min(1),
  name: z.string().min(1),
  aliases: z.array(z.string()),
  description: z.string().optional(),
  related: z.array(z.string()),
  exclude: z.array(z.string()),
  /** The Markdown body rendered to HTML ('' when there is none or it was refused). */
  html: z.string(),
  /** 1-based file line of each front matter key, for later diagnostics. */
  lines: z.record(z.string(), z.number()),
});
export type CuratedTopic = z.infer<typeof CuratedTopic>;

/** Where a topic came from. */
export const TopicSource = z.enum(['curated', 'discovered']);
export type TopicSource = z.infer<typeof TopicSource>;

/** One mention of a topic in a transcript. */
export const TopicMention = z.object({
  /** Slug of the episode. */
  episode: z.string(),
  /** Paragraph anchor id (`p12`). */
  paragraph: z.string(),
  /** Index of the segment the mention starts in (captions split sentences; this is the one to seek to). */
  segment: z.int().nonnegative(),
  /** Start time of that segment in seconds, null for untimed transcripts. */
  start: z.number().nullable(),
  /** Speaker id within the episode, null when unknown. */
  speaker: z.string().nullable(),
  /** A short excerpt around the mention, cut at word boundaries, with … where cut. */
  quote: z.string(),
  /** The mention's character range within `quote`, for highlighting. */
  highlight: z.tuple([z.int().nonnegative(), z.int().nonnegative()]),
  /** The mention's character range within the paragraph's text. */
  range: z.tuple([z.int().nonnegative(), z.int().nonnegative()]),
});
export type TopicMention = z.infer<typeof TopicMention>;

/** An episode that mentions a topic. */
export const TopicEpisode = z.object({
  slug: z.string(),
  mentions: z.int().nonnegative(),
  /** True when the episode's own metadata (`topics:` in a sidecar or front matter) names the topic. */
  tagged: z.boolean(),
});
export type TopicEpisode = z.infer<typeof TopicEpisode>;

/** A person who mentions a topic, across episodes. */
export const TopicSpeaker = z.object({
  id: z.string(),
  name: z.string(),
  mentions: z.int().positive(),
});
export type TopicSpeaker = z.infer<typeof TopicSpeaker>;

/** A related topic. */
export const RelatedTopic = z.object({
  slug: z.string(),
  name: z.string(),
  /** `curated` when the topic file lists it, else `co-occurrence`. */
  reason: z.enum(['curated', 'co-occurrence']),
});
export type RelatedTopic = z.infer<typeof RelatedTopic>;

/** A topic with everything its page shows. */
export const Topic = z.object({
  slug: z.string(),
  name: z.string(),
  /** Every spelling that was matched, the name first. */
  aliases: z.array(z.string()),
  source: TopicSource,
  description: z.string().optional(),
  /** Rendered Markdown body of a curated topic ('' for discovered ones). */
  html: z.string(),
  /** The topic file, for curated topics. */
  file: z.string().optional(),
  /** Episodes that mention or are tagged with the topic, most mentions first. */
  episodes: z.array(TopicEpisode),
  /** Every mention, in episode order then transcript order. */
  mentions: z.array(TopicMention),
  related: z.array(RelatedTopic),
  /** Speakers who mention it most, most first. */
  speakers: z.array(TopicSpeaker),
  /** Importance used for ordering: Σ over episodes of log2(1 + mentions there), times a specificity weight (1 for curated topics). */
  score: z.number(),
});
export type Topic = z.infer<typeof Topic>;

/** The topic list as `verbatim topics --json` prints it. */
export const TopicSummary = Topic.pick({ slug: true, name: true, aliases: true, source: true }).extend({
  episodes: z.array(TopicEpisode.pick({ slug: true, mentions: true })),
});
export type TopicSummary = z.infer<typeof TopicSummary>;

/** The first mention of one topic in one paragraph: a character range of the paragraph's text. */
export const ParagraphTopicLink = z.object({
  topic: z.string(),
  start: z.int().nonnegative(),
  end: z.int().nonnegative(),
});
export type ParagraphTopicLink = z.infer<typeof ParagraphTopicLink>;

/** The topics of one episode, for its page. */
export const EpisodeTopics = z.object({
  episode: z.string(),
  /** Topics mentioned or tagged, most mentions first. */
  topics: z.array(z.object({ slug: z.string(), name: z.string(), mentions: z.int().nonnegative() })),
  /** By paragraph id: the first mention of each topic in that paragraph, in text order. */
  links: z.record(z.string(), z.array(ParagraphTopicLink)),
});
export type EpisodeTopics = z.infer<typeof EpisodeTopics>;
