/**
 * Episode → JSON in Verbatim's own episode schema, unchanged: what
 * `verbatim parse --json` prints and schemas/episode.schema.json describes.
 */
import type { Episode } from '../transcript/schema.ts';

/** The episode object as pretty-printed JSON. */
export function episodeToJson(episode: Episode): string {
  return `${JSON.stringify(episode, null, 2)}\n`;
}
