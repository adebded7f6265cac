/**
 * The timed segments of an episode as caption cues: what the WebVTT, SRT
 * and Podcasting 2.0 writers share. Text is made safe for line-based
 * formats (one line, no controls), speakers are resolved to names, and each
 * cue knows whether it changes speaker, since caption readers (ours
 * included) carry a speaker forward to the cues after it.
 */
import { foldWhitespace } from '../transcript/text.ts';
import type { Episode } from '../transcript/schema.ts';

export interface Cue {
  /** Seconds. */
  start: number;
  /** Seconds, never before `start`; estimated when the source gave none (see `endKnown`). */
  end: number;
  /** False when `end` was estimated. */
  endKnown: boolean;
  /** Speaker name for speech, null for unattributed speech and for sounds. */
  speaker: string | null;
  /** One line of plain text: whitespace folded, control characters dropped. */
  text: string;
  kind: 'speech' | 'sound';
  /**
   * True for speech whose speaker is not the one a reader would carry
   * forward from the previous speech cue, or where the source marked a new
   * turn (`>>`). Sounds never change speaker.
   */
  turnStart: boolean;
}

/** True when the episode has at least one timed segment, so caption formats can be written. */
export function isTimed(episode: Episode): boolean {
  return episode.segments.some((s) => s.start !== null);
}

/** Controls other than whitespace: caption readers drop them, XML forbids them. */
const controls = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g;

/** Text as one clean line: what every cue-based writer starts from. */
export function oneLine(text: string): string {
  return foldWhitespace(text.replace(controls, ''));
}

/** Seconds a cue lasts when neither its end nor a later start is known: a reading-speed guess. */
function estimatedLength(text: string): number {
  const words = text.split(' ').length;
  return Math.min(10, Math.max(1, Math.round(words * 0.4 * 1000) / 1000));
}

/** One cue per timed segment, in segment order; untimed segments are skipped. */
export function timedCues(episode: Episode): Cue[] {
  const names = new Map(episode.speakers.map((s) => [s.id, s.name]));
  const segments = episode.segments;
  // Start of the next timed segment after each index, for segments without an end.
  const nextStart: (number | null)[] = new Array(segments.length);
  let following: number | null = null;
  for (let i = segments.length - 1; i >= 0; i--) {
    nextStart[i] = following;
    const start = segments[i]?.start ?? null;
    if (start !== null) following = start;
  }

  const cues: Cue[] = [];
  let carried: string | null = null;
  segments.forEach((segment, i) => {
    if (segment.start === null) return;
    const text = oneLine(segment.text);
    if (text.length === 0) return;
    const start = segment.start;
    let end = segment.end;
    const endKnown = end !== null && end >= start;
    if (end === null || end < start) {
      const next = nextStart[i] ?? null;
      end = next !== null && next > start ? next : start + estimatedLength(text);
    }
    const speaker = segment.kind === 'speech' && segment.speaker !== null ? (names.get(segment.speaker) ?? null) : null;
    let turnStart = false;
    if (segment.kind === 'speech') {
      turnStart = speaker !== carried || segment.newTurn === true;
      carried = speaker;
    }
    cues.push({ start, end, endKnown, speaker: speaker === null ? null : oneLine(speaker), text, kind: segment.kind, turnStart });
  });
  return cues;
}

/** A sound annotation as captions write it: `[music]` (parentheses when the text holds brackets). */
export function soundText(text: string): string {
  return /[[\]]/.test(text) && !/[()]/.test(text) ? `(${text})` : `[${text}]`;
}
