/**
 * Transcript time against paragraphs: which paragraph is heard at a moment
 * (binary search over start times), which paragraphs a time range covers,
 * and the media offset between transcript and recording. A paragraph holds
 * the floor from its start until the next timed paragraph starts, so every
 * moment after the first word belongs to exactly one paragraph.
 */

/** Timed paragraphs in document order, ready for searching. */
export interface Timeline {
  /** Start times, never decreasing. */
  starts: number[];
  /** Document index of the paragraph behind each start. */
  indices: number[];
  /** The last moment of the transcript (latest end or start). */
  end: number;
}

/**
 * A timeline from paragraph times in document order (null where untimed).
 * A start earlier than the one before (overlapping captions) is raised to
 * it, so the search stays sound.
 */
export function makeTimeline(paragraphs: readonly { start: number | null; end?: number | null }[]): Timeline {
  const timeline: Timeline = { starts: [], indices: [], end: 0 };
  paragraphs.forEach((p, i) => {
    if (p.start === null || !Number.isFinite(p.start)) return;
    const start = Math.max(p.start, timeline.starts.at(-1) ?? 0);
    timeline.starts.push(start);
    timeline.indices.push(i);
    const end = p.end ?? null;
    timeline.end = Math.max(timeline.end, start, end !== null && Number.isFinite(end) ? end : 0);
  });
  return timeline;
}

/**
 * Position in `starts` (ascending) of the last start at or before `time`
 * (strictly before when `strict`); -1 when there is none.
 */
export function lastStartAtOrBefore(starts: readonly number[], time: number, strict = false): number {
  let lo = 0;
  let hi = starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const start = starts[mid] ?? Infinity;
    if (strict ? start < time : start <= time) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/** Document index of the paragraph heard at `time`, or -1 before the first word, after the last or when untimed. */
export function paragraphAt(timeline: Timeline, time: number): number {
  if (!Number.isFinite(time) || time > timeline.end) return -1;
  return timeline.indices[lastStartAtOrBefore(timeline.starts, time)] ?? -1;
}

/**
 * Document indices of the first and last paragraphs a range overlaps (an
 * `end` of null names a single moment); null when it misses the transcript.
 * A range starting before the first word begins with the first paragraph.
 */
export function paragraphsInRange(timeline: Timeline, start: number, end: number | null): { first: number; last: number } | null {
  const { starts, indices } = timeline;
  const firstStart = starts[0];
  if (firstStart === undefined || !Number.isFinite(start) || start > timeline.end) return null;
  if (end !== null && (!Number.isFinite(end) || end <= firstStart)) return null;
  const from = Math.max(0, lastStartAtOrBefore(starts, start));
  // The last paragraph starting strictly before the range ends: touching it at its first instant is not overlap.
  let to = from;
  if (end !== null) to = Math.max(from, lastStartAtOrBefore(starts, end, true));
  const first = indices[from];
  const last = indices[to];
  return first === undefined || last === undefined ? null : { first, last };
}

/** Where a transcript time falls in the published recording: `offset` added, never before 0. */
export const mediaTime = (transcriptTime: number, offset = 0): number => Math.max(0, transcriptTime + offset);

/** The transcript time a recording position corresponds to (the inverse of `mediaTime`). */
export const transcriptTime = (mediaPosition: number, offset = 0): number => mediaPosition - offset;
