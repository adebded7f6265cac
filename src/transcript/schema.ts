/**
 * The episode schema: the one contract between the parsers, the knowledge
 * indexes and the site. Types are inferred from these zod schemas and never
 * declared twice.
 */
import { z } from 'zod';
import { YouTubeId, youTubeIdOf } from './youtube.ts';

/** Identifiers of the transcript formats the core can read. */
export const formatIds = ['srt', 'webvtt', 'caption-tokens', 'markdown', 'timestamp-bullets'] as const;
export const FormatId = z.enum(formatIds);
export type FormatId = z.infer<typeof FormatId>;

/** A time in seconds from the start of the recording, millisecond precision; null where the source has none. */
const Seconds = z.number().nonnegative().finite();

/** An http(s) URL; anything else (javascript:, data:, relative paths) is refused. */
export const HttpUrl = z
  .string()
  .refine((value) => /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(value), { message: 'must be an http:// or https:// URL' });

/** A YouTube video id: 11 characters of [A-Za-z0-9_-]. */
export { YouTubeId };

/** One unit of the source: a cue, a bullet, a caption line or a Markdown paragraph. */
export const Segment = z.object({
  /** Start time in seconds, or null for untimed sources. */
  start: Seconds.nullable(),
  /** End time in seconds, or null where the source gives none. */
  end: Seconds.nullable(),
  /** The id of a speaker in `speakers`, or null when unknown. */
  speaker: z.string().min(1).nullable(),
  /** Plain text: markup stripped under the format's rules, entities decoded once. */
  text: z.string().min(1),
  /** `speech` for words said, `sound` for annotations such as [music] or [laughter]. */
  kind: z.enum(['speech', 'sound']),
  /** True where the source marks a change of speaker it cannot name (a `>>` marker). */
  newTurn: z.boolean().optional(),
  /** 1-based line of the source where the segment starts. */
  line: z.int().positive(),
  /** 1-based column of the source where the segment starts. */
  column: z.int().positive(),
});
export type Segment = z.infer<typeof Segment>;

/** A person heard in (or credited on) an episode. */
export const Speaker = z.object({
  /** URL-safe id, unique within the episode; stable across episodes for the same name. */
  id: z.string().min(1),
  /** Display name: from the sidecar mapping, else the raw label. */
  name: z.string().min(1),
  /** Role from the sidecar's hosts/guests lists. */
  role: z.enum(['host', 'guest']).optional(),
  /** Raw labels in the source that map to this speaker (`Speaker 2`). */
  labels: z.array(z.string()),
});
export type Speaker = z.infer<typeof Speaker>;

/** A run of consecutive segments by one speaker. */
export const Turn = z.object({
  speaker: z.string().min(1).nullable(),
  start: Seconds.nullable(),
  end: Seconds.nullable(),
  /** Index of the first segment of the turn. */
  firstSegment: z.int().nonnegative(),
  /** Index of the last segment of the turn (inclusive). */
  lastSegment: z.int().nonnegative(),
  /** Index of the first paragraph of the turn. */
  firstParagraph: z.int().nonnegative(),
  /** Index of the last paragraph of the turn (inclusive). */
  lastParagraph: z.int().nonnegative(),
});
export type Turn = z.infer<typeof Turn>;

/** A readable paragraph: a few sentences of one turn, pointing back to its segments. */
export const Paragraph = z.object({
  /** Anchor id, unique within the episode (`p12`). */
  id: z.string().regex(/^p\d+$/),
  speaker: z.string().min(1).nullable(),
  /** Start time of the segment the paragraph's first word belongs to. */
  start: Seconds.nullable(),
  end: Seconds.nullable(),
  text: z.string().min(1),
  kind: z.enum(['speech', 'sound']),
  /** Index of the segment holding the paragraph's first word. */
  firstSegment: z.int().nonnegative(),
  /** Index of the segment holding the paragraph's last word (inclusive). */
  lastSegment: z.int().nonnegative(),
});
export type Paragraph = z.infer<typeof Paragraph>;

/** A heading in the source, kept as a chapter mark before the segment it precedes. */
export const Chapter = z.object({
  title: z.string().min(1),
  /** Index of the first segment after the heading. */
  segment: z.int().nonnegative(),
  start: Seconds.nullable(),
});
export type Chapter = z.infer<typeof Chapter>;

/** Where the recording can be heard or watched. */
export const Media = z.object({
  youtubeId: YouTubeId.optional(),
  /** Link to the video or episode page. */
  url: HttpUrl.optional(),
  /** Direct audio file for the interactive player. */
  audioUrl: HttpUrl.optional(),
  /** Seconds to add to transcript times to reach the published media's times. */
  offset: z.number().finite().optional(),
});
export type Media = z.infer<typeof Media>;

/** A normalized episode: what every page and index is built from. */
export const Episode = z.object({
  /** Stable id: the source path relative to the episodes folder, without extension. */
  id: z.string().min(1),
  /** URL-safe slug (may hold non-Latin letters and their combining marks; never `/`, `.` segments or spaces). */
  slug: z.string().regex(/^[\p{L}\p{N}][\p{L}\p{M}\p{N}-]*$/u),
  title: z.string().min(1),
  show: z.string().min(1),
  /** Publication date as YYYY-MM-DD. */
  date: z.iso.date().optional(),
  hosts: z.array(z.string().min(1)),
  guests: z.array(z.string().min(1)),
  summary: z.string().optional(),
  tags: z.array(z.string().min(1)),
  /** Topics named by the source's metadata (front matter or sidecar). */
  topics: z.array(z.string().min(1)),
  source: z.object({
    /** Path of the transcript as given to the parser. */
    file: z.string().min(1),
    format: FormatId,
    /** How the bytes were decoded. */
    encoding: z.enum(['utf-8', 'utf-16le', 'utf-16be', 'windows-1252']),
    /** sha256 of the transcript bytes and the sidecar bytes, hex. */
    digest: z.string().regex(/^[0-9a-f]{64}$/),
  }),
  media: Media.optional(),
  /** Length in seconds: the latest end (or start) time, null when untimed. */
  duration: Seconds.nullable(),
  speakers: z.array(Speaker),
  segments: z.array(Segment),
  chapters: z.array(Chapter),
  turns: z.array(Turn),
  paragraphs: z.array(Paragraph),
});
export type Episode = z.infer<typeof Episode>;

/** The metadata sidecar: `<name>.yml` beside a transcript. */
export const Sidecar = z
  .object({
    /** Episode title; wins over front matter and file headers. */
    title: z.string().min(1).optional(),
    /** URL slug to use instead of one made from the title. */
    slug: z.string().min(1).optional(),
    /** Show (podcast, channel, series) the episode belongs to. */
    show: z.string().min(1).optional(),
    /** Publication date, YYYY-MM-DD. */
    date: z.union([z.iso.date(), z.date().transform((d) => d.toISOString().slice(0, 10))]).optional(),
    /** Names of the hosts. */
    hosts: z.array(z.string().min(1)).optional(),
    /** Names of the guests. */
    guests: z.array(z.string().min(1)).optional(),
    /** Raw speaker label in the transcript → person's name; several labels may name one person. */
    speakers: z.record(z.string(), z.string().min(1)).optional(),
    /** YouTube (or other) page of the episode. */
    url: HttpUrl.optional(),
    /** YouTube video id or URL. */
    youtube: z
      .string()
      .min(1)
      .refine((value) => youTubeIdOf(value) !== undefined, 'expected a YouTube video id (11 characters) or the address of a video on YouTube')
      .optional(),
    /** Direct audio URL for the player. */
    audio: HttpUrl.optional(),
    /** Seconds to add to transcript times to reach the published media's times. */
    offset: z.number().finite().optional(),
    /** One-paragraph summary shown on the episode page. */
    summary: z.string().optional(),
    /** Free tags. */
    tags: z.array(z.string().min(1)).optional(),
    /** Topics discussed (names of topic pages). */
    topics: z.array(z.string().min(1)).optional(),
  })
  .strict();
export type Sidecar = z.infer<typeof Sidecar>;

/** Keys a sidecar may hold, for unknown-key warnings. */
export const sidecarKeys: readonly string[] = Object.keys(Sidecar.shape);
