/**
 * Round-trip helpers: write an episode with an exporter, read the file back
 * with the project's own parser, and compare what a caption file can carry
 * (text, times in ms, speaker names, kind) segment by segment.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingestFolder } from '../../src/node/episode-folder.ts';
import { parseTranscript } from '../../src/transcript/parse-transcript.ts';
import { Episode } from '../../src/transcript/schema.ts';
import { oneLine } from '../../src/exports/cues.ts';

/** What a caption cue carries, in comparable form (text and names as one clean line, as the writers emit them). */
export interface CueFacts {
  text: string;
  kind: 'speech' | 'sound';
  speaker: string | null;
  startMs: number;
  /** Null when the source had no end (the writer then estimates one). */
  endMs: number | null;
}

const ms = (seconds: number) => Math.round(seconds * 1000);

/** The timed segments of an episode as cue facts. */
export function cueFacts(episode: Episode): CueFacts[] {
  const names = new Map(episode.speakers.map((s) => [s.id, s.name]));
  return episode.segments
    .filter((s) => s.start !== null)
    .map((s) => ({
      text: oneLine(s.text),
      kind: s.kind,
      speaker: s.speaker === null ? null : oneLine(names.get(s.speaker) ?? ''),
      startMs: ms(s.start ?? 0),
      endMs: s.end === null ? null : ms(s.end),
    }));
}

/** Parse exported text as a file named `file`; throws when no episode comes back. */
export function reparse(text: string, file: string): { episode: Episode; errors: string[] } {
  const { episode, diagnostics } = parseTranscript({ file, bytes: new TextEncoder().encode(text) });
  if (!episode) throw new Error(`no episode from ${file}: ${diagnostics.map((d) => d.message).join('; ')}`);
  return { episode, errors: diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code}: ${d.message}`) };
}

/** Cue facts after a round trip, with the source's unknown ends carried over (the estimate is not data). */
export function roundTripFacts(original: Episode, reparsed: Episode): CueFacts[] {
  const before = cueFacts(original);
  return cueFacts(reparsed).map((cue, i) => (before[i]?.endMs === null ? { ...cue, endMs: null } : cue));
}

/** Every parsed episode the repository holds: the sample content and the fixtures' expected episodes. */
export function corpus(): { name: string; episode: Episode }[] {
  const out: { name: string; episode: Episode }[] = [];
  for (const episode of ingestFolder('content/episodes').episodes) out.push({ name: `content/${episode.id}`, episode });
  const root = 'tests/fixtures';
  for (const group of readdirSync(root).sort()) {
    const groupDir = join(root, group);
    if (!existsSync(groupDir) || !readdirSync(groupDir).length) continue;
    for (const kase of readdirSync(groupDir).sort()) {
      const path = join(groupDir, kase, 'episode.json');
      if (!existsSync(path)) continue;
      const data: unknown = JSON.parse(readFileSync(path, 'utf8'));
      const parsed = Episode.safeParse(data);
      if (parsed.success) out.push({ name: `${group}/${kase}`, episode: parsed.data });
    }
  }
  return out;
}

/** An episode with `lines` where a null speaker means unattributed speech (makeEpisode reads it as a sound). */
export function withUnattributedSpeech(episode: Episode, indexes: readonly number[]): Episode {
  const copy = structuredClone(episode);
  for (const i of indexes) {
    const segment = copy.segments[i];
    const paragraph = copy.paragraphs[i];
    if (segment) segment.kind = 'speech';
    if (paragraph) paragraph.kind = 'speech';
  }
  return Episode.parse(copy);
}
