/**
 * The topic schemas: the front matter of a curated topic file
 * (content/topics/<slug>.md), and the topic index built from all episodes,
 * which pages render without further work. Types come from these schemas.
 */
import { z } from 'zod';

/** A spelling to match: must hold at least one letter or digit. */
export const Phrase = z
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

/** A quote on a topic page: an excerpt of one paragraph holding one or more mentions said close together. */
export const TopicQuote = z.object({
  /** Paragraph anchor id (`p12`). */
  paragraph: z.string(),
  /** Start time of the caption the first mention starts in, in seconds; null for untimed transcripts. */
  start: z.number().nullable(),
  /** Speaker id within the episode, null when unknown. */
  speaker: z.string().nullable(),
  /** A short excerpt around the mentions, cut at word boundaries, with … where cut. */
  quote: z.string(),
  /** The mentions' character ranges within `quote`, for highlighting. */
  highlights: z.array(z.tuple([z.int().nonnegative(), z.int().nonnegative()])),
});
export type TopicQuote = z.infer<typeof TopicQuote>;

/** A mark on a topic page's timeline: one mention, or several closer together than a mark is wide. */
export const TimelineMark = z.object({
  /** Position along the episode, 0–1000: by time when the episode is timed, else by paragraph. */
  x: z.int().min(0).max(1000),
  /** Paragraph anchor id of the first mention. */
  paragraph: z.string(),
  /** Position of that paragraph in the episode's paragraphs (0-based), for a label where there is no time. */
  index: z.int().nonnegative(),
  /** Start time of the first mention's caption, null for untimed transcripts. */
  start: z.number().nullable(),
  /** Mentions the mark stands for. */
  mentions: z.int().positive(),
});
export type TimelineMark = z.infer<typeof TimelineMark>;

/** What a topic page shows of one of the episodes that mention the topic most (see page-caps.ts). */
export const QuotedEpisode = z.object({
  /** Slug of the episode. */
  episode: z.string(),
  /** The first mentions as quotes, at most QUOTES_PER_EPISODE. */
  quotes: z.array(TopicQuote),
  /** Mentions the quotes hold (the rest are "more mentions" on the episode page). */
  held: z.int().nonnegative(),
  /** Every mention on the episode's timeline, marks closer than TIMELINE_TICK_WIDTH merged. */
  marks: z.array(TimelineMark),
  /** Start times of the first and last mention, null where untimed. */
  first: z.number().nullable(),
  last: z.number().nullable(),
});
export type QuotedEpisode = z.infer<typeof QuotedEpisode>;

/** Mentions of a topic by one speaker in one episode. */
export const SpeakerMentions = z.object({
  episode: z.string(),
  /** Speaker id within the episode. */
  speaker: z.string(),
  mentions: z.int().positive(),
});
export type SpeakerMentions = z.infer<typeof SpeakerMentions>;

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
  /** Episodes that mention or are tagged with the topic, most mentions first (then by slug). */
  episodes: z.array(TopicEpisode),
  /** Mentions in all episodes. */
  mentions: z.int().nonnegative(),
  /** Quotes and timeline marks for the QUOTED_EPISODES episodes that mention it most, in the order of `episodes`. */
  quoted: z.array(QuotedEpisode),
  related: z.array(RelatedTopic),
  /** Speakers who mention it most, most first (merged by speaker id). */
  speakers: z.array(TopicSpeaker),
  /** Mentions per speaker per episode, in episode order, for pages that merge people across episodes. */
  voices: z.array(SpeakerMentions),
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
