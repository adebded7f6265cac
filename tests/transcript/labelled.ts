/**
 * Parser output as the tests read it: each raw segment with the label found
 * at its start beside it (`label`), and without the `speaker` the
 * normalizer fills in later.
 */
import type { RawLabel, RawTranscript } from '../../src/transcript/formats/types.ts';
import type { Segment } from '../../src/transcript/schema.ts';

export type LabelledSegment = Omit<Segment, 'speaker'> & { label: RawLabel | null };

export function labelled(raw: Pick<RawTranscript, 'segments' | 'labels'>): LabelledSegment[] {
  return raw.segments.map((s, i) => {
    const out: LabelledSegment = { start: s.start, end: s.end, label: raw.labels[i] ?? null, text: s.text, kind: s.kind, line: s.line, column: s.column };
    if (s.newTurn) out.newTurn = true;
    return out;
  });
}
