/**
 * The episode's words held once. Segment texts start as slices of the
 * decoded file (so the whole file, timing lines and all, stays in memory as
 * long as any segment does), and paragraphs would copy them again. Instead,
 * every segment's text is copied once into one string, in order, separated
 * by single spaces; segments then point at slices of it, and so do
 * paragraphs, which are runs of it (see paragraphs.ts). The source text can
 * then be freed as soon as ingest ends.
 */
import type { Segment } from '../schema.ts';

export interface SharedText {
  /** Every segment's text, in order, joined by single spaces. */
  text: string;
  /** Where each segment's text starts in `text`. */
  offsets: Uint32Array;
}

/** Join the segments' texts (no change to the segments). */
export function joinSegmentText(segments: readonly Segment[]): SharedText {
  const offsets = new Uint32Array(segments.length);
  const parts: string[] = new Array(segments.length);
  let at = 0;
  for (let i = 0; i < segments.length; i++) {
    const text = (segments[i] as Segment).text;
    offsets[i] = at;
    parts[i] = text;
    at += text.length + 1;
  }
  // Joining two or more parts makes a new string; one part would come back as itself, maybe a slice of the source.
  const text = parts.length === 1 ? structuredClone(parts[0] as string) : parts.join(' ');
  return { text, offsets };
}

/** Join the segments' texts, and point each segment at its slice of the result. */
export function shareSegmentText(segments: Segment[]): SharedText {
  const shared = joinSegmentText(segments);
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as Segment;
    const from = shared.offsets[i] as number;
    segment.text = shared.text.slice(from, from + segment.text.length);
  }
  return shared;
}
