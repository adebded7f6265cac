/**
 * Parser output as the tests read it: each raw segment with the label found
 * at its start beside it (`label`), and without the `speaker` the
 * normalizer fills in later.
 */
import type { RawLabel, RawTranscript } from '../../src/transcript/formats/types.ts';
import type { Segment } from '../../src/transcript/schema.ts';

export type LabelledSegment = Omit<Segment, 'speaker'> & { label: RawLabel | null };

export function labelled(raw: Pick<RawTranscript, 'segments' | 'labels'>): LabelledSegment[] {
  return raw.segments.map((segment, i) => {
    const { speaker: _speaker, ...rest } = segment;
    const out: LabelledSegment = { start: rest.start, end: rest.end, label: raw.labels[i] ?? null, text: rest.text, kind: rest.kind, line: rest.line, column: rest.column };
    if (rest.newTurn) out.newTurn = true;
    return out;
  });
}
