/**
 * Props for the episode page: header facts, media links, the chapter list,
 * the turn outline and the transcript as turns of paragraphs, each
 * paragraph with its anchor, start time and (for YouTube) a timed link.
 */
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import { isAnonymous } from '../knowledge/people.ts';
import type { EpisodeMeta } from '../corpus/summary.ts';
import type { Episode, Paragraph, Speaker } from '../transcript/schema.ts';
import { speakerChip } from './cards.ts';
import type { PersonChip } from './cards.ts';
import { clock, count, date, duration, excerpt } from './format.ts';
import { linkedText } from './linked-text.ts';
import { routes } from './routes.ts';
import { assignTones } from './speaker-style.ts';
import { mediaTime } from './timeline.ts';

export interface ParagraphView {
  /** Anchor id (`p12`). */
  id: string;
  /** Start in seconds, for `data-start`; absent when untimed. */
  start?: number;
  /** End in seconds, for `data-end`; absent when the source gives none. */
  end?: number;
  /** `4:05`, shown as a link to the paragraph. */
  stamp?: string;
  /** The same moment on YouTube. */
  youtube?: string;
  text: string;
  /** The text as HTML with the first mention of each topic linked; absent when nothing is linked. */
  html?: string;
  kind: 'speech' | 'sound';
  /** Chapter headings that open before this paragraph. */
  chapters: ChapterView[];
}

export interface TurnView {
  /** Chapter headings that open with this turn (shown before its speaker). */
  chapters: ChapterView[];
  /** Null for unattributed text and sound-only turns. */
  speaker: PersonChip | null;
  /** Anchor of the first paragraph. */
  first: string;
  stamp?: string;
  paragraphs: ParagraphView[];
}

export interface ChapterView {
  /** Anchor id of the heading (`c3`). */
  id: string;
  /** 1-based position, shown in place of a time for untimed episodes. */
  number: number;
  title: string;
  stamp?: string;
}

export interface OutlineItem {
  href: string;
  speaker: PersonChip | null;
  stamp?: string;
  /** The opening words of the turn. */
  preview: string;
}

/** One turn on the proportional timeline strip. */
export interface TimelineItem {
  href: string;
  /** Speaker tone, null for unattributed turns and sounds. */
  tone: number | null;
  /** Seconds the turn lasts (until the next turn starts): its width. */
  grow: number;
}

/** A topic the episode discusses, for the list near the top. */
export interface EpisodeTopicLink {
  name: string;
  href: string;
  /** Times it is mentioned here (0 when only tagged in the metadata). */
  mentions: number;
}

/** Another episode that shares topics with this one. */
export interface RelatedEpisodeView {
  title: string;
  href: string;
  show?: string;
  date?: { iso: string; label: string };
  /** Names of the topics both discuss, strongest first (a few). */
  shared: string[];
}

export interface NeighbourLink {
  title: string;
  href: string;
  date?: string;
}

export interface EpisodeView {
  title: string;
  description: string;
  summary?: string;
  show: { name: string; href: string } | null;
  date?: { iso: string; label: string };
  duration?: string;
  /** Hosts, then guests, then other voices. */
  people: PersonChip[];
  media: { watch?: { href: string; label: string }; audio?: { src: string; offset: number } };
  /** What a citation of a passage names besides speakers and times (read by the page script). */
  cite: { title: string; show?: string; date?: string };
  chapters: ChapterView[];
  /** One entry per turn, or per run of turns when there are more than OUTLINE_ENTRIES. */
  outline: OutlineItem[];
  /** Turns the outline covers. */
  outlineTurns: number;
  /** Who speaks when, drawn to scale; empty for untimed episodes. */
  timeline: TimelineItem[];
  /** Open the outline by default when it is short. */
  outlineOpen: boolean;
  turns: TurnView[];
  older?: NeighbourLink;
  newer?: NeighbourLink;
  /** Topics discussed, most mentions first. */
  topics: EpisodeTopicLink[];
  related: RelatedEpisodeView[];
  /** `123 paragraphs`-style facts for the transcript heading. */
  facts: string[];
}

/** Turns up to this many show their outline open. */
const OPEN_OUTLINE_TURNS = 8;
/** Most outline entries: a long conversation's turns are grouped into runs, so the page stays small. */
export const OUTLINE_ENTRIES = 60;
/** Most marks on the timeline strip: a long conversation's turns are drawn in as many equal slices of time. */
export const TIMELINE_SLICES = 120;
const PREVIEW_CHARS = 90;

/**
 * Prepare everything the episode page renders. With `transcript: false` the
 * turns, outline and chapters (which follow from the episode, its topic
 * links and the people's chips) are left empty: the page cache's key takes
 * those from the episode's digest instead of building them.
 */
export function episodeView(episode: Episode, kb: KnowledgeBase, options: { transcript?: boolean } = {}): EpisodeView {
  const speakersById = new Map(episode.speakers.map((s) => [s.id, s]));
  const tones = assignTones(speakingOrder(episode));
  const chipFor = (id: string | null): PersonChip | null => {
    const speaker = id === null ? undefined : speakersById.get(id);
    return speaker ? speakerChip(episode, speaker, kb, tones.get(speaker.id)) : null;
  };

  const youtubeId = episode.media?.youtubeId;
  const offset = episode.media?.offset ?? 0;
  const chaptersAt = chaptersByParagraph(episode);
  const chapters: ChapterView[] = [];
  const topics = kb.topics.byEpisode.get(episode.slug);
  const topicName = (slug: string) => kb.topics.bySlug.get(slug)?.name;
  const paragraphView = (p: Paragraph): ParagraphView => {
    const view: ParagraphView = { id: p.id, text: p.text, kind: p.kind, chapters: chaptersAt.get(p.id) ?? [] };
    const links = topics?.links[p.id];
    if (links && links.length > 0) view.html = linkedText(p.text, links, { href: routes.topic, name: topicName });
    chapters.push(...view.chapters);
    if (p.start !== null) {
      view.start = p.start;
      view.stamp = clock(p.start);
      if (p.end !== null) view.end = p.end;
      if (youtubeId) view.youtube = `https://www.youtube.com/watch?v=${youtubeId}&t=${Math.floor(mediaTime(p.start, offset))}s`;
    }
    return view;
  };

  const turns: TurnView[] = [];
  const outline: OutlineItem[] = [];
  for (const turn of options.transcript === false ? [] : episode.turns) {
    const paragraphs = episode.paragraphs.slice(turn.firstParagraph, turn.lastParagraph + 1).map(paragraphView);
    const first = paragraphs[0];
    if (!first) continue;
    // A chapter that opens with the turn goes above the speaker, not between speaker and words.
    const view: TurnView = { chapters: first.chapters, speaker: chipFor(turn.speaker), first: first.id, paragraphs };
    first.chapters = [];
    if (first.stamp) view.stamp = first.stamp;
    turns.push(view);
    // Each entry links to the turn's start; the preview skips a leading [music] for the first words said.
    const opening = paragraphs.find((p) => p.kind === 'speech');
    if (opening) {
      const item: OutlineItem = { href: `#${first.id}`, speaker: view.speaker, preview: excerpt(opening.text, PREVIEW_CHARS) };
      if (first.stamp) item.stamp = first.stamp;
      outline.push(item);
    }
  }

  const show = kb.showOf.get(episode.id);
  const neighbours = kb.neighbours.get(episode.id) ?? {};
  const view: EpisodeView = {
    title: episode.title,
    description: excerpt(episode.summary ?? episode.paragraphs.find((p) => p.kind === 'speech')?.text ?? episode.title, 160),
    show: show ? { name: show.name, href: routes.show(show.slug) } : null,
    people: creditOrder(episode.speakers).map((s) => speakerChip(episode, s, kb, tones.get(s.id))),
    media: mediaLinks(episode),
    cite: { title: episode.title },
    chapters,
    outline: everyNth(outline, Math.ceil(outline.length / OUTLINE_ENTRIES)),
    outlineTurns: outline.length,
    timeline: timeline(episode, tones),
    outlineOpen: outline.length <= OPEN_OUTLINE_TURNS,
    turns,
    topics: (topics?.topics ?? []).map((t) => ({ name: t.name, href: routes.topic(t.slug), mentions: t.mentions })),
    related: relatedViews(episode, kb),
    facts: transcriptFacts(episode, outline.length),
  };
  if (episode.summary) view.summary = episode.summary;
  if (show) view.cite.show = show.name;
  if (episode.date) {
    view.date = { iso: episode.date, label: date(episode.date) };
    view.cite.date = view.date.label;
  }
  if (episode.duration !== null) view.duration = duration(episode.duration);
  if (neighbours.older) view.older = neighbourLink(neighbours.older);
  if (neighbours.newer) view.newer = neighbourLink(neighbours.newer);
  return view;
}

/** Items 0, n, 2n…: the first of each run of `n`. */
function everyNth<T>(items: readonly T[], n: number): T[] {
  return n <= 1 ? [...items] : items.filter((_, i) => i % n === 0);
}

/**
 * Turns to scale: each lasts until the next one starts. Empty unless every
 * turn is timed. With more than TIMELINE_SLICES turns, time is cut into that
 * many equal slices, each drawn in the voice heard longest in it and linked
 * to the first turn that starts in it.
 */
function timeline(episode: Episode, tones: Map<string, number>): TimelineItem[] {
  const turns = episode.turns;
  if (turns.length < 2 || turns.some((t) => t.start === null)) return [];
  const spans = turns.map((turn, i) => {
    const start = turn.start ?? 0;
    const end = turns[i + 1]?.start ?? turn.end ?? start;
    return { start, end: Math.max(start, end), href: `#${episode.paragraphs[turn.firstParagraph]?.id ?? 'p1'}`, tone: turn.speaker === null ? null : (tones.get(turn.speaker) ?? null) };
  });
  const grow = (seconds: number) => Math.max(0.5, Math.round(seconds * 10) / 10);
  if (spans.length <= TIMELINE_SLICES) return spans.map((s) => ({ href: s.href, tone: s.tone, grow: grow(s.end - s.start) }));
  const from = spans[0]?.start ?? 0;
  const width = ((spans.at(-1)?.end ?? from) - from) / TIMELINE_SLICES;
  if (width <= 0) return [];
  const slices: TimelineItem[] = [];
  let k = 0;
  for (let i = 0; i < TIMELINE_SLICES; i++) {
    const lo = from + i * width;
    const hi = lo + width;
    const heard = new Map<number | null, number>();
    let href: string | undefined;
    while (k < spans.length && (spans[k]?.end ?? 0) <= lo) k++;
    for (let j = k; j < spans.length && (spans[j]?.start ?? Infinity) < hi; j++) {
      const s = spans[j];
      if (!s) break;
      heard.set(s.tone, (heard.get(s.tone) ?? 0) + Math.min(hi, s.end) - Math.max(lo, s.start));
      if (href === undefined && s.start >= lo) href = s.href;
    }
    const tone = [...heard].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
    slices.push({ href: href ?? spans[Math.min(k, spans.length - 1)]?.href ?? '#p1', tone, grow: grow(width) });
  }
  return slices;
}

/** Speaker ids in order of first speech, then the silent credited ones: tones go to voices first. */
function speakingOrder(episode: Episode): string[] {
  const ids = new Set<string>();
  for (const t of episode.turns) if (t.speaker !== null) ids.add(t.speaker);
  for (const s of episode.speakers) ids.add(s.id);
  return [...ids];
}

/** Hosts, then guests, then named voices, then unnamed ones; speaking order within each. */
function creditOrder(speakers: readonly Speaker[]): Speaker[] {
  const rank = (s: Speaker) => (s.role === 'host' ? 0 : s.role === 'guest' ? 1 : isAnonymous(s) ? 3 : 2);
  return speakers.map((s, i) => ({ s, i })).sort((a, b) => rank(a.s) - rank(b.s) || a.i - b.i).map(({ s }) => s);
}

/** Chapters keyed by the paragraph holding their first segment. */
function chaptersByParagraph(episode: Episode): Map<string, ChapterView[]> {
  const out = new Map<string, ChapterView[]>();
  let p = 0;
  const chapters = [...episode.chapters].sort((a, b) => a.segment - b.segment);
  chapters.forEach((chapter, i) => {
    while (p < episode.paragraphs.length - 1 && (episode.paragraphs[p]?.lastSegment ?? Infinity) < chapter.segment) p++;
    const paragraph = episode.paragraphs[p];
    if (!paragraph) return;
    const view: ChapterView = { id: `c${i + 1}`, number: i + 1, title: chapter.title };
    if (chapter.start !== null) view.stamp = clock(chapter.start);
    const list = out.get(paragraph.id);
    if (list) list.push(view);
    else out.set(paragraph.id, [view]);
  });
  return out;
}

function mediaLinks(episode: Episode): EpisodeView['media'] {
  const media: EpisodeView['media'] = {};
  const m = episode.media;
  if (m?.url) media.watch = { href: m.url, label: m.youtubeId ? 'Watch on YouTube' : 'Open the recording' };
  if (m?.audioUrl) media.audio = { src: m.audioUrl, offset: m.offset ?? 0 };
  return media;
}

/** Shared topics named per related episode. */
const SHARED_TOPICS_SHOWN = 3;

function relatedViews(episode: Episode, kb: KnowledgeBase): RelatedEpisodeView[] {
  const out: RelatedEpisodeView[] = [];
  for (const r of kb.related.get(episode.slug) ?? []) {
    const other = kb.episodeBySlug.get(r.slug);
    if (!other) continue;
    const view: RelatedEpisodeView = { title: other.title, href: routes.episode(other.slug), shared: r.shared.slice(0, SHARED_TOPICS_SHOWN) };
    const show = kb.showOf.get(other.id);
    if (show) view.show = show.name;
    if (other.date) view.date = { iso: other.date, label: date(other.date, 'short') };
    out.push(view);
  }
  return out;
}

function neighbourLink(episode: EpisodeMeta): NeighbourLink {
  const link: NeighbourLink = { title: episode.title, href: routes.episode(episode.slug) };
  if (episode.date) link.date = date(episode.date, 'short');
  return link;
}

function transcriptFacts(episode: Episode, turns: number): string[] {
  const facts = [`${count(turns)} ${turns === 1 ? 'turn' : 'turns'}`, `${count(episode.paragraphs.length)} paragraphs`];
  if (episode.duration === null) facts.push('untimed');
  return facts;
}
