/**
 * The index's last pass over one episode: every mention of a topic,
 * leftmost-longest, in text order, as a part (cached under the episode's
 * content digest and the matcher's, see parts.ts). Pure, so either thread
 * can make it (second-thread.ts).
 */
import type { AliasMatcher } from './alias-matcher.ts';
import { isInt32 } from './parts.ts';
import { tokenize } from './words.ts';

/**
 * The mentions found in one episode: for each, in text order, the speech
 * paragraph (by position among the episode's speech paragraphs), the topic
 * (by its canonical number in the matcher) and the character range in the
 * paragraph's text.
 */
export interface MentionsPart {
  paragraphs: number;
  at: Int32Array;
  topic: Int32Array;
  start: Int32Array;
  end: Int32Array;
}

/** Every mention in the speech paragraphs `texts` (`lowercase[i]`: paragraph i has no capitals). */
export function findMentions(texts: readonly string[], lowercase: readonly boolean[], matcher: AliasMatcher): MentionsPart {
  const at: number[] = [];
  const topic: number[] = [];
  const start: number[] = [];
  const end: number[] = [];
  texts.forEach((text, paragraph) => {
    const { tokens, breaks } = tokenize(text);
    for (const m of matcher.scan(tokens, breaks, lowercase[paragraph] ?? false)) {
      const first = tokens[m.first];
      const last = tokens[m.last];
      if (!first || !last) continue;
      at.push(paragraph);
      topic.push(m.topic);
      start.push(first.start);
      end.push(last.end);
    }
  });
  return { paragraphs: texts.length, at: Int32Array.from(at), topic: Int32Array.from(topic), start: Int32Array.from(start), end: Int32Array.from(end) };
}

/** Shape of a cached part. */
export function isMentionsPart(x: unknown): x is MentionsPart {
  const m = x as Partial<MentionsPart> | null;
  if (!m || typeof m.paragraphs !== 'number' || !isInt32(m.at) || !isInt32(m.topic) || !isInt32(m.start) || !isInt32(m.end)) return false;
  const n = m.at.length;
  return m.topic.length === n && m.start.length === n && m.end.length === n;
}
