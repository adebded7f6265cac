/**
 * One SRT cue's text to a raw segment: a sound annotation (`[music]`), or
 * speech with the `Speaker N:` label at its start split off. Shared by the
 * general SRT parser and its fast path, so both build identical segments.
 */
import { labelAt } from '../speaker-label.ts';
import type { LabelSplit } from '../speaker-label.ts';
import { isSoundAnnotation, soundLabel } from '../text.ts';
import type { ClockOptions } from './clock.ts';
import type { RawSegments } from './raw-segments.ts';

/** SRT clocks: the fraction optional, one-digit fields accepted. */
export const srtClock: ClockOptions = { fraction: 'optional', minFieldDigits: 1 };

/** Push the segment for a cue whose plain text is `text`. */
export function pushCueText(out: RawSegments, start: number, end: number, text: string, line: number, column: number): void {
  if (isSoundAnnotation(text)) {
    out.push(start, end, null, soundLabel(text), 'sound', line, column);
    return;
  }
  const split = labelAt(text, 0, text.length, scratch);
  if (split && split.restTo > split.restFrom) {
    out.push(start, end, split.label, text.slice(split.restFrom, split.restTo), 'speech', line, column);
  } else {
    out.push(start, end, null, text, 'speech', line, column);
  }
}

const scratch: LabelSplit = { label: { name: '', strong: false, raw: '' }, restFrom: 0, restTo: 0 };

/**
 * `pushCueText(…, s.slice(from, to), …)` for a cue whose source text is
 * already plain (`srtCueTextAt` would return it unchanged): the label is read
 * in place, so only the text after it is sliced.
 */
export function pushPlainCue(out: RawSegments, start: number, end: number, s: string, from: number, to: number, line: number, column: number): void {
  const c = s.charCodeAt(from);
  // Only `[`, `(` or a note can open a sound annotation in plain text (it has no leading space).
  if (c === 91 || c === 40 || c === 0x266a || c === 0x266b) {
    pushCueText(out, start, end, s.slice(from, to), line, column);
    return;
  }
  const split = labelAt(s, from, to, scratch);
  if (split && split.restTo > split.restFrom) {
    out.push(start, end, split.label, s.slice(split.restFrom, split.restTo), 'speech', line, column);
  } else {
    out.push(start, end, null, s.slice(from, to), 'speech', line, column);
  }
}
