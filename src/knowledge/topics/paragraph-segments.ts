/**
 * Where each caption segment sits inside a paragraph's text, so a match
 * found in the paragraph (which reads across caption boundaries) can be
 * mapped back to the segment it starts in, and so to a time.
 *
 * A paragraph's text is its segments' texts joined by single spaces, except
 * that the first may be only the tail of its segment and the last only the
 * head (paragraphs close at sentence ends inside a caption; see
 * src/transcript/normalize/paragraphs.ts). Middle segments sit at known
 * offsets; only the first boundary needs a search, verified on both sides.
 */
import type { Paragraph, Segment } from '../../transcript/schema.ts';

/**
 * Offsets in `paragraph.text` where segments firstSegment..lastSegment
 * begin (the first is always 0). A boundary that cannot be found (text
 * edited after paragraphing) repeats the previous offset, so lookups fall
 * back to the earlier segment rather than fail.
 */
export function segmentOffsets(paragraph: Paragraph, segments: readonly Segment[]): number[] {
  const text = paragraph.text;
  const out = [0];
  let previousEnd = -1; // end of the previous part when known (it was a whole segment)
  for (let k = paragraph.firstSegment + 1; k <= paragraph.lastSegment; k++) {
    const t = segments[k]?.text ?? '';
    const isLast = k === paragraph.lastSegment;
    const fits = (at: number) => (isLast ? t.startsWith(text.slice(at)) && at < text.length : text.startsWith(t, at));
    let found = -1;
    if (previousEnd >= 0 && text.charCodeAt(previousEnd) === 32 && fits(previousEnd + 1)) {
      found = previousEnd + 1;
    } else {
      // The first part is a tail of its segment: try each place the next segment's first word occurs.
      const first = segments[k - 1]?.text ?? '';
      const space = t.indexOf(' ');
      const probe = ` ${space === -1 ? t : t.slice(0, space)}`;
      const from = out[out.length - 1] as number;
      for (let at = text.indexOf(probe, from); at !== -1; at = text.indexOf(probe, at + 1)) {
        const head = text.slice(from, at);
        if (fits(at + 1) && (k - 1 !== paragraph.firstSegment || first.endsWith(head))) {
          found = at + 1;
          break;
        }
      }
    }
    if (found === -1) {
      out.push(out[out.length - 1] as number);
      previousEnd = -1;
      continue;
    }
    out.push(found);
    previousEnd = isLast ? -1 : found + t.length;
  }
  return out;
}

/** Index of the segment holding character `offset` of the paragraph, given its `segmentOffsets`. */
export function segmentAt(paragraph: Paragraph, offsets: readonly number[], offset: number): number {
  let lo = 0;
  let hi = offsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((offsets[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return paragraph.firstSegment + lo;
}
