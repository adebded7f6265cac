/**
 * The format registry. Adding a format is one new file and one line here;
 * detection asks every entry and takes the most confident.
 */
import type { FormatId } from '../schema.ts';
import type { TranscriptFormat } from './types.ts';
import { srt } from './srt.ts';
import { webvtt } from './webvtt.ts';
import { captionTokens } from './caption-tokens.ts';
import { markdown } from './markdown.ts';
import { timestampBullets } from './timestamp-bullets.ts';

/** Every supported format, in the order `verbatim formats` lists them. */
export const formats: readonly TranscriptFormat[] = [srt, webvtt, captionTokens, markdown, timestampBullets];

/** The registry entry for an id. */
export function formatById(id: FormatId): TranscriptFormat {
  const found = formats.find((f) => f.id === id);
  if (!found) throw new Error(`no format registered as ${id}`); // programming error, not input
  return found;
}

export type { TranscriptFormat, RawSegment, RawTranscript, RawLabel, RawChapter } from './types.ts';
