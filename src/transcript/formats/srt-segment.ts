/**
 * One SRT cue's text to a raw segment: a sound annotation (`[music]`), or
 * speech with the `Speaker N:` label at its start split off. Shared by the
 * general SRT parser and its fast path, so both build identical segments.
 */
import { labelAt } from '../speaker-label.ts';
import type { LabelSplit } from '../speaker-label.ts';
import { isSoundAnnotation, mayOpenSoundAnnotation, soundLabel } from '../text.ts';
import type { ClockOptions } from './clock.ts';
import type { RawSegments } from './raw-segments.ts';
import type { RawLabel } from './types.ts';

/** SRT clocks: the fraction optional, one-digit fields accepted. */
export const srtClock: ClockOptions = { fraction: 'optional', minFieldDigits: 1 };

const scratch: LabelSplit = { label: { name: '', strong: false, raw: '' }, restFrom: 0, restTo: 0 };

/**
 * What `pushCue` made of a cue: a sound, speech with or without a label of
 * its own, or, for a cue that holds nothing but a speaker label
 * (`Speaker 1:`), that label, with nothing pushed.
 */
export type CueRead = 'sound' | 'labelled' | 'unlabelled' | RawLabel;

/**
 * Push the segment for a cue whose plain text is `s[from, to)` (the whole of
 * `s`, or a range of the source the fast path knows needs no cleaning). The
 * label is read in place, so only the text after it is sliced.
 *
 * A cue holding only a label pushes nothing: the label is returned, and the
 * SRT parser gives it to the next cue with words and no label of its own,
 * as if it had been written in front of them (an export that puts the
 * label in a cue of its own means that). The text "Speaker 1:" is never a
 * segment.
 */
export function pushCue(out: RawSegments, start: number, end: number, s: string, from: number, to: number, line: number, column: number): CueRead {
  if (mayOpenSoundAnnotation(s.charCodeAt(from))) {
    const text = s.slice(from, to);
    if (isSoundAnnotation(text)) {
      out.push(start, end, null, soundLabel(text), 'sound', line, column);
      return 'sound';
    }
  }
  const split = labelAt(s, from, to, scratch);
  if (split === null) {
    out.push(start, end, null, s.slice(from, to), 'speech', line, column);
    return 'unlabelled';
  }
  if (split.restTo === split.restFrom) return split.label;
  out.push(start, end, split.label, s.slice(split.restFrom, split.restTo), 'speech', line, column);
  return 'labelled';
}
