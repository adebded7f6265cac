/** Small valid episodes for knowledge tests, built from a script of lines. */
import { Episode } from '../../src/transcript/schema.ts';
import type { Paragraph, Speaker } from '../../src/transcript/schema.ts';

export interface Line {
  /** Speaker id, or null for a sound annotation. */
  speaker: string | null;
  text: string;
  start?: number;
  end?: number;
}

export interface EpisodeSpec {
  id: string;
  title?: string;
  show?: string;
  date?: string;
  hosts?: string[];
  guests?: string[];
  speakers?: Array<Partial<Speaker> & { id: string }>;
  lines?: Line[];
}

/** A schema-valid episode: one segment, paragraph and turn per line. */
export function makeEpisode(spec: EpisodeSpec): Episode {
  const lines = spec.lines ?? [];
  const timed = lines.some((l) => l.start !== undefined);
  const paragraphs: Paragraph[] = lines.map((l, i) => ({
    id: `p${i + 1}`,
    speaker: l.speaker,
    start: l.start ?? null,
    end: l.end ?? null,
    text: l.text,
    kind: l.speaker === null ? 'sound' : 'speech',
    firstSegment: i,
    lastSegment: i,
  }));
  const episode = {
    id: spec.id,
    slug: spec.id.replace(/[^a-z0-9]+/g, '-'),
    title: spec.title ?? spec.id,
    show: spec.show ?? 'Show',
    ...(spec.date ? { date: spec.date } : {}),
    hosts: spec.hosts ?? [],
    guests: spec.guests ?? [],
    tags: [],
    topics: [],
    source: { file: `${spec.id}.srt`, format: 'srt', encoding: 'utf-8', digest: '0'.repeat(64) },
    duration: timed ? Math.max(...lines.map((l) => l.end ?? l.start ?? 0)) : null,
    speakers: (spec.speakers ?? []).map((s) => ({ name: s.id, labels: [s.name ?? s.id], ...s })),
    segments: paragraphs.map((p, i) => ({ start: p.start, end: p.end, speaker: p.speaker, text: p.text, kind: p.kind, line: i + 1, column: 1 })),
    chapters: [],
    turns: paragraphs.map((p, i) => ({ speaker: p.speaker, start: p.start, end: p.end, firstSegment: i, lastSegment: i, firstParagraph: i, lastParagraph: i })),
    paragraphs,
  };
  return Episode.parse(episode);
}
