/**
 * Episode → JSON in Verbatim's own episode schema, unchanged: what
 * `verbatim parse --json` prints and schemas/episode.schema.json describes.
 */
import type { Episode } from '../transcript/schema.ts';

/** The episode object as JSON, compact: a download for programs (a long episode is half the size of the pretty-printed form). */
export function episodeToJson(episode: Episode): string {
  return `${JSON.stringify(episode)}\n`;
}
