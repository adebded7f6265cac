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

/** SRT clocks: the fraction optional, one-digit fields accepted. */
export const srtClock: ClockOptions = { fraction: 'optional', minFieldDigits: 1 };

const scratch: LabelSplit = { label: { name: '', strong: false, raw: '' }, restFrom: 0, restTo: 0 };

/**
 * Push the segment for a cue whose plain text is `s[from, to)` (the whole of
 * `s`, or a range of the source the fast path knows needs no cleaning). The
 * label is read in place, so only the text after it is sliced.
 */
export function pushCue(out: RawSegments, start: number, end: number, s: string, from: number, to: number, line: number, column: number): void {
  if (mayOpenSoundAnnotation(s.charCodeAt(from))) {
    const text = s.slice(from, to);
    if (isSoundAnnotation(text)) {
      out.push(start, end, null, soundLabel(text), 'sound', line, column);
      return;
    }
  }
  const split = labelAt(s, from, to, scratch);
  if (split && split.restTo > split.restFrom) out.push(start, end, split.label, s.slice(split.restFrom, split.restTo), 'speech', line, column);
  else out.push(start, end, null, s.slice(from, to), 'speech', line, column);
}
