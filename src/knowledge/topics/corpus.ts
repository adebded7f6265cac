/**
 * The text that topics are found in: the speech paragraphs of one episode,
 * tokenized (words.ts) one at a time as they are read, so the index never
 * holds more than one episode's text, nor more than one paragraph's words. Sound annotations
 * ([music], [laughter]) are not text.
 */
import type { Episode, Paragraph } from '../../transcript/schema.ts';
import { tokenize } from './words.ts';
import type { WordToken } from './words.ts';

/** Seconds at each end of a timed episode treated as intro and outro. */
export const EDGE_SECONDS = 60;
/** Share of paragraphs at each end of an untimed episode treated as intro and outro. */
export const EDGE_SHARE = 0.04;

/** One tokenized speech paragraph. */
export interface CorpusParagraph {
  /** Position of the episode in the episodes read (0-based). */
  episode: number;
  paragraph: Paragraph;
  tokens: WordToken[];
  /** Token indexes that follow punctuation: no phrase runs across them. */
  breaks: Set<number>;
  /** True for paragraphs in the intro or outro (see EDGE_SECONDS), where show boilerplate lives. */
  edge: boolean;
  /** True when the paragraph has no capital letter at all (all-lowercase captions). */
  lowercase: boolean;
}

/** An episode's speech paragraphs as plain data, what the passes of the index need of them (and can send to a worker). */
export interface SpeechText {
  texts: string[];
  /** True for paragraphs in the intro or outro (see EDGE_SECONDS), where show boilerplate lives. */
  edge: boolean[];
  /** True for paragraphs without a capital letter (all-lowercase captions). */
  lowercase: boolean[];
}

/** The texts of `episode`'s speech paragraphs, with where each stands and whether it has capitals. */
export function speechText(episode: Episode): SpeechText {
  const speech = episode.paragraphs.filter((p) => p.kind === 'speech');
  const duration = episode.duration;
  const share = Math.ceil(speech.length * EDGE_SHARE);
  const out: SpeechText = { texts: [], edge: [], lowercase: [] };
  speech.forEach((paragraph, i) => {
    out.texts.push(paragraph.text);
    out.edge.push(
      duration !== null && paragraph.start !== null
        ? paragraph.start < EDGE_SECONDS || (paragraph.end ?? paragraph.start) > duration - EDGE_SECONDS
        : i < share || i >= speech.length - share,
    );
    out.lowercase.push(!/\p{Lu}/u.test(paragraph.text));
  });
  return out;
}

/**
 * The speech paragraphs of `episode`, the `index`-th episode read, each
 * tokenized as it is asked for (so a paragraph's words are let go once the
 * next is read).
 */
export function* speechParagraphs(episode: Episode, index: number): Generator<CorpusParagraph> {
  const speech = episode.paragraphs.filter((p) => p.kind === 'speech');
  const { edge, lowercase } = speechText(episode);
  for (let i = 0; i < speech.length; i++) {
    const paragraph = speech[i] as Paragraph;
    const { tokens, breaks } = tokenize(paragraph.text);
    yield { episode: index, paragraph, tokens, breaks, edge: edge[i] ?? false, lowercase: lowercase[i] ?? false };
  }
}
