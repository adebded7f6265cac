/**
 * What a topic page shows of one episode, made while the episode is read
 * (pages then need no transcript text): the first mentions as quotes
 * (mentions a few words apart in one paragraph share a quote, see
 * quote.ts), at most QUOTES_PER_EPISODE, and a timeline mark per mention,
 * placed by time when the episode is timed and by paragraph when not,
 * marks closer than a mark is wide merged into one.
 */
import type { Episode, Paragraph } from '../../transcript/schema.ts';
import { QUOTES_PER_EPISODE, TIMELINE_TICK_WIDTH } from './page-caps.ts';
import { segmentAt, segmentOffsets } from './paragraph-segments.ts';
import { quoteWindows } from './quote.ts';
import type { QuotedEpisode, TimelineMark, TopicQuote } from './schema.ts';

/** One mention: its paragraph and character range there. */
export interface Hit {
  paragraph: Paragraph;
  start: number;
  end: number;
}

/** Caches per episode: where each paragraph sits, and its captions' offsets. */
export class EpisodePlaces {
  readonly #episode: Episode;
  readonly #index = new Map<Paragraph, number>();
  readonly #offsets = new Map<Paragraph, number[]>();

  constructor(episode: Episode) {
    this.#episode = episode;
    episode.paragraphs.forEach((p, i) => this.#index.set(p, i));
  }

  /** Position of the paragraph in the episode's paragraphs. */
  indexOf(p: Paragraph): number {
    return this.#index.get(p) ?? 0;
  }

  /** Start time of the caption that holds character `offset` of the paragraph. */
  startAt(p: Paragraph, offset: number): number | null {
    let off = this.#offsets.get(p);
    if (!off) this.#offsets.set(p, (off = segmentOffsets(p, this.#episode.segments)));
    return this.#episode.segments[segmentAt(p, off, offset)]?.start ?? p.start;
  }
}

/** The quotes and timeline of `hits` (one topic's mentions in `episode`, in transcript order). */
export function quotedEpisode(episode: Episode, hits: readonly Hit[], places: EpisodePlaces): QuotedEpisode {
  const quotes: TopicQuote[] = [];
  let held = 0;
  for (let i = 0; i < hits.length && quotes.length < QUOTES_PER_EPISODE; ) {
    const first = hits[i] as Hit;
    let j = i + 1;
    while (j < hits.length && hits[j]?.paragraph === first.paragraph) j++;
    const run = hits.slice(i, j);
    i = j;
    let k = 0;
    for (const w of quoteWindows(first.paragraph.text, run.map((h) => [h.start, h.end] as const))) {
      if (quotes.length === QUOTES_PER_EPISODE) break;
      const h = run[k] as Hit;
      k += w.highlights.length;
      quotes.push({ paragraph: h.paragraph.id, start: places.startAt(h.paragraph, h.start), speaker: h.paragraph.speaker, quote: w.quote, highlights: w.highlights });
    }
    held += k;
  }

  const untimed = episode.duration === null || episode.duration <= 0;
  const last = Math.max(1, episode.paragraphs.length - 1);
  const marks: TimelineMark[] = [];
  let firstStart: number | null = null;
  let lastStart: number | null = null;
  hits.forEach((h, i) => {
    const start = places.startAt(h.paragraph, h.start);
    if (i === 0) firstStart = start;
    lastStart = start;
    const index = places.indexOf(h.paragraph);
    const position = !untimed && start !== null ? start / (episode.duration as number) : index / last;
    const x = Math.round(Math.min(1, Math.max(0, position)) * 1000);
    const previous = marks.at(-1);
    // Marks that would overlap are one mark, linking to the first of its mentions.
    if (previous && x - previous.x < TIMELINE_TICK_WIDTH && x >= previous.x) {
      previous.mentions++;
      return;
    }
    marks.push({ x, paragraph: h.paragraph.id, index, start, mentions: 1 });
  });
  return { episode: episode.slug, quotes, held, marks, first: firstStart, last: lastStart };
}
