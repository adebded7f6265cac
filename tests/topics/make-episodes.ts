/** Episodes for topic tests, parsed from SRT text so paragraphs and caption boundaries are real. */
import { parseTranscript } from '../../src/transcript/parse-transcript.ts';
import type { Episode } from '../../src/transcript/schema.ts';

/** One caption: its text, and optionally a speaker label to put in front. */
export type Cue = string | [label: string, text: string];

/**
 * An episode from captions, each 3 seconds long starting at `offset`
 * seconds (default 120, past the intro window), with an optional sidecar.
 */
export function episodeFromCues(id: string, cues: readonly Cue[], sidecar = '', offset = 120): Episode {
  const clock = (s: number) => {
    const h = String(Math.floor(s / 3600)).padStart(2, '0');
    const m = String(Math.floor(s / 60) % 60).padStart(2, '0');
    const sec = String(Math.floor(s % 60)).padStart(2, '0');
    return `${h}:${m}:${sec},000`;
  };
  const srt = cues
    .map((cue, i) => {
      const text = typeof cue === 'string' ? cue : `${cue[0]}: ${cue[1]}`;
      return `${i + 1}\n${clock(offset + i * 3)} --> ${clock(offset + i * 3 + 3)}\n${text}\n`;
    })
    .join('\n');
  const input: Parameters<typeof parseTranscript>[0] = { file: `${id}.srt`, relativePath: `${id}.srt`, bytes: new TextEncoder().encode(srt) };
  if (sidecar) input.sidecar = { file: `${id}.yml`, bytes: new TextEncoder().encode(sidecar) };
  const { episode, diagnostics } = parseTranscript(input);
  if (!episode) throw new Error(`test episode ${id} did not parse: ${diagnostics.map((d) => d.message).join('; ')}`);
  return episode;
}
