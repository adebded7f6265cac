/**
 * How much each speaker says in an episode: seconds of speech (the sum of
 * their paragraphs' spans) when the transcript is timed, and words always,
 * so untimed transcripts can still be compared.
 */
import type { Episode } from '../transcript/schema.ts';
import { countWords } from './words.ts';

export type { TalkTime } from '../corpus/summary.ts';
import type { TalkTime } from '../corpus/summary.ts';

/** Talk time per speaker id (speakers who never speak are absent). */
export function talkTimeBySpeaker(episode: Episode): Map<string, TalkTime> {
  const timed = episode.duration !== null;
  const out = new Map<string, TalkTime>();
  for (const p of episode.paragraphs) {
    if (p.kind !== 'speech' || p.speaker === null) continue;
    let t = out.get(p.speaker);
    if (!t) {
      t = { seconds: timed ? 0 : null, words: 0 };
      out.set(p.speaker, t);
    }
    t.words += countWords(p.text);
    if (t.seconds !== null && p.start !== null && p.end !== null && p.end > p.start) t.seconds += p.end - p.start;
  }
  for (const t of out.values()) if (t.seconds !== null) t.seconds = Math.round(t.seconds * 1000) / 1000;
  return out;
}
