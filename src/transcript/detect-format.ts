/**
 * Format detection by content: every registered format scores the head of
 * the text and the most confident wins. File extensions are never consulted
 * (real exports all arrive as `.txt`).
 */
import { formats } from './formats/index.ts';
import type { TranscriptFormat } from './formats/types.ts';

/** Scores below this mean "not this format". */
const MIN_CONFIDENCE = 0.3;
/** Detection reads at most this much of the text. */
const HEAD_CHARS = 64 * 1024;

export interface Detection {
  format: TranscriptFormat | null;
  /** Every format's score, for `parse --explain` style debugging and tests. */
  scores: Record<string, number>;
}

/** Pick the format of `text`, or null when nothing is confident enough. */
export function detectFormat(text: string): Detection {
  const head = text.length > HEAD_CHARS ? text.slice(0, HEAD_CHARS) : text;
  const scores: Record<string, number> = {};
  let best: TranscriptFormat | null = null;
  let bestScore = MIN_CONFIDENCE;
  for (const format of formats) {
    let score = 0;
    try {
      score = format.detect(head);
    } catch {
      score = 0; // a detector bug must not take the ingest down
    }
    scores[format.id] = score;
    if (score > bestScore) {
      best = format;
      bestScore = score;
    }
  }
  return { format: best, scores };
}
