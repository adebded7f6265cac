/**
 * Where a parser collects its segments: schema segments with no speaker
 * yet, and beside each the label found at its start (resolved later by
 * normalize/speakers.ts, which fills in `speaker` in place).
 */
import type { RawLabel, RawSegment, RawTranscript } from './types.ts';

export class RawSegments {
  readonly segments: RawSegment[] = [];
  readonly labels: (RawLabel | null)[] = [];

  get length(): number {
    return this.segments.length;
  }

  push(start: number | null, end: number | null, label: RawLabel | null, text: string, kind: 'speech' | 'sound', line: number, column: number, newTurn = false): void {
    const segment: RawSegment = { start, end, speaker: null, text, kind, line, column };
    if (newTurn) segment.newTurn = true;
    this.segments.push(segment);
    this.labels.push(label);
  }

  /** The parse result: these segments, plus the rest of `fields`. */
  transcript(fields: Omit<RawTranscript, 'segments' | 'labels'>): RawTranscript {
    return { ...fields, segments: this.segments, labels: this.labels };
  }
}
