import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lastStartAtOrBefore, makeTimeline, mediaTime, paragraphAt, paragraphsInRange, transcriptTime } from '../../src/site/timeline.ts';

// Paragraph 2 is untimed; paragraph 4 overlaps the one before it.
const paragraphs = [
  { start: 0.8, end: 10 },
  { start: 10.1, end: 30 },
  { start: null, end: null },
  { start: 30, end: 59.5 },
  { start: 58, end: 75 },
  { start: 80, end: 95 },
];
const timeline = makeTimeline(paragraphs);

describe('makeTimeline', () => {
  it('skips untimed paragraphs and keeps starts ascending', () => {
    expect(timeline).toEqual({ starts: [0.8, 10.1, 30, 59.5 - 1.5, 80], indices: [0, 1, 3, 4, 5], end: 95 });
    expect(makeTimeline([{ start: 10 }, { start: 5 }]).starts).toEqual([10, 10]);
    expect(makeTimeline([{ start: null }])).toEqual({ starts: [], indices: [], end: 0 });
  });
});

describe('paragraphAt', () => {
  it.each([
    [0, -1],
    [0.8, 0],
    [10.09, 0],
    [10.1, 1],
    [45, 3],
    [58, 4],
    [77, 4], // in the gap after paragraph 4: it still holds the floor
    [95, 5],
    [95.1, -1],
    [Number.NaN, -1],
  ])('at %s s → paragraph %i', (time, index) => {
    expect(paragraphAt(timeline, time)).toBe(index);
  });

  it('agrees with a linear scan', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 500 }), { maxLength: 60 }), fc.integer({ min: -5, max: 505 }), (raw, time) => {
        const starts = [...raw].sort((a, b) => a - b);
        let expected = -1;
        starts.forEach((s, i) => {
          if (s <= time) expected = i;
        });
        expect(lastStartAtOrBefore(starts, time)).toBe(expected);
      }),
    );
  });
});

describe('paragraphsInRange', () => {
  it.each<[number, number | null, { first: number; last: number } | null]>([
    [0, 10, { first: 0, last: 0 }],
    [0, 10.1, { first: 0, last: 0 }], // touching paragraph 1 at its first instant is not overlap
    [0, 10.2, { first: 0, last: 1 }],
    [12, 31, { first: 1, last: 3 }],
    [60, 120, { first: 4, last: 5 }],
    [45, null, { first: 3, last: 3 }],
    [0, null, { first: 0, last: 0 }],
    [0, 0.5, null], // ends before the first word
    [96, 120, null], // starts after the last
    [Number.POSITIVE_INFINITY, null, null],
  ])('%s–%s s', (start, end, expected) => {
    expect(paragraphsInRange(timeline, start, end)).toEqual(expected);
  });

  it('finds nothing in an untimed transcript', () => {
    expect(paragraphsInRange(makeTimeline([{ start: null }, { start: null }]), 0, 100)).toBeNull();
  });
});

describe('media offset', () => {
  it('adds the offset and clamps at the start of the recording', () => {
    expect(mediaTime(75, 12.5)).toBe(87.5);
    expect(mediaTime(75)).toBe(75);
    expect(mediaTime(3, -5)).toBe(0);
    expect(transcriptTime(87.5, 12.5)).toBe(75);
    expect(transcriptTime(0, -5)).toBe(5);
  });
});
