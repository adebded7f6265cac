/**
 * Episode → the Podcasting 2.0 JSON transcript
 * (https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/examples/transcripts/transcripts.md):
 * `{"version":"1.0.0","segments":[{speaker, startTime, endTime, body}]}`,
 * one segment per timed segment, times in seconds. `speaker` is left out
 * where unknown and for sounds, `endTime` where the source had none (the
 * spec makes it optional; no estimate is written).
 */
import type { Episode } from '../transcript/schema.ts';
import { soundText, timedCues } from './cues.ts';

/** One segment of the Podcasting 2.0 JSON format. */
export interface PodcastSegment {
  speaker?: string;
  startTime: number;
  endTime?: number;
  body: string;
}

/** The Podcasting 2.0 JSON transcript document. */
export interface PodcastTranscript {
  version: '1.0.0';
  segments: PodcastSegment[];
}

/** The transcript as a Podcasting 2.0 object. */
export function episodeToPodcastTranscript(episode: Episode): PodcastTranscript {
  const segments = timedCues(episode).map((cue): PodcastSegment => {
    const body = cue.kind === 'sound' ? soundText(cue.text) : cue.text;
    // Key order as in the spec's example: speaker, startTime, endTime, body.
    return {
      ...(cue.speaker !== null ? { speaker: cue.speaker } : {}),
      startTime: cue.start,
      ...(cue.endKnown ? { endTime: cue.end } : {}),
      body,
    };
  });
  return { version: '1.0.0', segments };
}

/** The Podcasting 2.0 JSON transcript as text. */
export function episodeToPodcastJson(episode: Episode): string {
  return `${JSON.stringify(episodeToPodcastTranscript(episode))}\n`;
}
