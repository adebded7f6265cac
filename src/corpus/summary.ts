/**
 * What the site knows of an episode without its transcript: the metadata,
 * counts, talk time per speaker, the longest paragraphs each speaker says
 * (quoted on people pages) and the opening words (descriptions). Every index
 * over all episodes (shows, people, stats, listings, feeds) is built from
 * summaries, so a build holds a few kilobytes per episode in memory and reads
 * a whole transcript only for the pages that show it.
 */
import { z } from 'zod';
import { Episode, Paragraph } from '../transcript/schema.ts';
import { talkTimeBySpeaker } from '../knowledge/talk-time.ts';
import { tokenCount } from '../search/text.ts';

/** Speech per speaker: seconds (null when the episode has no times) and words (see knowledge/talk-time.ts). */
export const TalkTime = z.object({
  seconds: z.number().nonnegative().nullable(),
  words: z.int().nonnegative(),
});
export type TalkTime = z.infer<typeof TalkTime>;

/** How many longest paragraphs each speaker keeps for quoting. */
export const LONGEST_PER_SPEAKER = 3;

/** An episode's metadata without its transcript: what both an episode and its summary hold. */
export const EpisodeMeta = Episode.omit({ segments: true, paragraphs: true, turns: true, chapters: true });
export type EpisodeMeta = z.infer<typeof EpisodeMeta>;

export const EpisodeSummary = EpisodeMeta.extend({
  counts: z.object({
    segments: z.int().nonnegative(),
    paragraphs: z.int().nonnegative(),
    turns: z.int().nonnegative(),
    chapters: z.int().nonnegative(),
    /** Whitespace-separated words of the speech paragraphs: what the search index holds. */
    words: z.int().nonnegative(),
  }),
  /** True when at least one segment has a start time (caption downloads need times). */
  timed: z.boolean(),
  /** Talk time by speaker id; speakers who never speak are absent. */
  talk: z.record(z.string(), TalkTime),
  /** Each speaker's longest speech paragraphs, longest first (earlier wins ties). */
  longest: z.record(z.string(), z.array(Paragraph)),
  /** Text of the first speech paragraph: the description when there is no summary. */
  opening: z.string().optional(),
});
export type EpisodeSummary = z.infer<typeof EpisodeSummary>;

/** The summary of a parsed episode. */
export function summarizeEpisode(episode: Episode): EpisodeSummary {
  const { segments, paragraphs, turns, chapters, ...envelope } = episode;
  const longest: Record<string, Paragraph[]> = {};
  let opening: string | undefined;
  let words = 0;
  for (const p of paragraphs) {
    if (p.kind !== 'speech') continue;
    opening ??= p.text;
    words += tokenCount(p.text);
    if (p.speaker !== null) keepLongest((longest[p.speaker] ??= []), p);
  }
  const summary: EpisodeSummary = {
    ...structuredClone(envelope),
    counts: { segments: segments.length, paragraphs: paragraphs.length, turns: turns.length, chapters: chapters.length, words },
    timed: segments.some((s) => s.start !== null),
    talk: Object.fromEntries(talkTimeBySpeaker(episode)),
    // Copies, so a summary kept for the whole build holds no slice of the episode's text.
    longest: structuredClone(longest),
  };
  if (opening !== undefined) summary.opening = structuredClone(opening);
  return summary;
}

/** Insert into a list kept to the longest LONGEST_PER_SPEAKER paragraphs (earlier wins ties). */
function keepLongest(list: Paragraph[], paragraph: Paragraph): void {
  const length = paragraph.text.length;
  if (list.length === LONGEST_PER_SPEAKER && length <= (list.at(-1)?.text.length ?? 0)) return;
  let i = list.length;
  while (i > 0 && (list[i - 1]?.text.length ?? 0) < length) i--;
  list.splice(i, 0, paragraph);
  if (list.length > LONGEST_PER_SPEAKER) list.length = LONGEST_PER_SPEAKER;
}
