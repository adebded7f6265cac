/**
 * Mapping paragraph text back to caption segments: on every paragraph of
 * the sample content (all five formats, captions split mid-sentence), each
 * segment's text is found where `segmentOffsets` says it starts.
 */
import { describe, expect, it } from 'vitest';
import { segmentAt, segmentOffsets } from '../../src/knowledge/topics/paragraph-segments.ts';
import { ingestFolder } from '../../src/node/episode-folder.ts';

describe('segment offsets', () => {
  const { episodes } = ingestFolder('content/episodes');

  it('locate every segment of every paragraph of the sample content', () => {
    let checked = 0;
    for (const e of episodes) {
      for (const p of e.paragraphs) {
        const offsets = segmentOffsets(p, e.segments);
        expect(offsets).toHaveLength(p.lastSegment - p.firstSegment + 1);
        offsets.forEach((at, i) => {
          const text = e.segments[p.firstSegment + i]?.text ?? '';
          // The first part may be a segment's tail and the last its head; all others are whole.
          const part = p.text.slice(at, offsets[i + 1] === undefined ? undefined : (offsets[i + 1] as number) - 1);
          if (i === 0) expect(text.endsWith(part) || p.text.length < text.length).toBe(true);
          else if (i === offsets.length - 1) expect(text.startsWith(part)).toBe(true);
          else expect(part).toBe(text);
          if (i > 0) expect(at).toBeGreaterThan(offsets[i - 1] as number);
          checked++;
        });
      }
    }
    expect(checked).toBeGreaterThan(500);
  });

  it('map a character to the segment holding it', () => {
    const e = episodes.find((x) => x.segments.length > x.paragraphs.length);
    const p = e?.paragraphs.find((x) => x.lastSegment > x.firstSegment);
    if (!e || !p) throw new Error('sample content has no multi-segment paragraph');
    const offsets = segmentOffsets(p, e.segments);
    expect(segmentAt(p, offsets, 0)).toBe(p.firstSegment);
    expect(segmentAt(p, offsets, p.text.length - 1)).toBe(p.lastSegment);
    expect(segmentAt(p, offsets, (offsets[1] as number) - 1)).toBe(p.firstSegment);
    expect(segmentAt(p, offsets, offsets[1] as number)).toBe(p.firstSegment + 1);
  });
});
