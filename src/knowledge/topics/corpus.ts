/**
 * The text that topics are found in: every speech paragraph of every
 * episode, tokenized once (words.ts) and shared by discovery and mention
 * finding. Sound annotations ([music], [laughter]) are not text.
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
  /** Index of the episode in `Corpus.episodes`. */
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

export interface Corpus {
  episodes: readonly Episode[];
  paragraphs: CorpusParagraph[];
  /** Words in all paragraphs. */
  words: number;
}

/** Tokenize the speech paragraphs of `episodes`. */
export function buildCorpus(episodes: readonly Episode[]): Corpus {
  const paragraphs: CorpusParagraph[] = [];
  let words = 0;
  episodes.forEach((episode, e) => {
    const speech = episode.paragraphs.filter((p) => p.kind === 'speech');
    const duration = episode.duration;
    speech.forEach((paragraph, i) => {
      const { tokens, breaks } = tokenize(paragraph.text);
      words += tokens.length;
      const edge =
        duration !== null && paragraph.start !== null
          ? paragraph.start < EDGE_SECONDS || (paragraph.end ?? paragraph.start) > duration - EDGE_SECONDS
          : i < Math.ceil(speech.length * EDGE_SHARE) || i >= speech.length - Math.ceil(speech.length * EDGE_SHARE);
      paragraphs.push({ episode: e, paragraph, tokens, breaks, edge, lowercase: !/\p{Lu}/u.test(paragraph.text) });
    });
  });
  return { episodes, paragraphs, words };
}
