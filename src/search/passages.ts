/**
 * What the search index holds, derived from episodes: one record per
 * transcript passage (so a hit lands on the moment, not on a whole
 * episode) and one per episode (title, people, summary, topics).
 *
 * A passage is a run of consecutive speech paragraphs by the same speaker,
 * at most 3 paragraphs and about 120 words: short replies ("Even when it's
 * freezing?") get their neighbours' context, long monologues stay one
 * paragraph each. Sound paragraphs ([laughter]) are not indexed and end a run.
 * The passage links to its first paragraph; `anchors` lets the search page
 * link to the later paragraph a hit actually falls in. Topic pages get a
 * record each (name and aliases), and passages carry the topics they mention
 * as a filter.
 */
import { isAnonymous } from '../knowledge/people.ts';
import type { TopicIndex } from '../knowledge/topics/build-topics.ts';
import type { Routes } from '../site/routes.ts';
import type { Episode, Paragraph } from '../transcript/schema.ts';
import type { Anchor } from './record-fields.ts';
import { tokenCount } from './text.ts';

/** Most paragraphs merged into one passage. */
export const MAX_PASSAGE_PARAGRAPHS = 3;
/** A paragraph joins a passage only if the passage stays within this many words. */
export const MAX_PASSAGE_WORDS = 120;

export interface SearchPassage {
  /** Deep link: episode page + `#` + first paragraph id. */
  url: string;
  slug: string;
  title: string;
  show: string;
  date?: string;
  /** Speaker's display name, null when the transcript does not say. */
  speaker: string | null;
  /** True when the speaker is a named person (not `Speaker 2`), so offered as a filter. */
  speakerIsPerson: boolean;
  /** Paragraph ids, in order; the first is in `url`. */
  paragraphs: string[];
  /** Start of the first paragraph in seconds, null when untimed. */
  start: number | null;
  /** Paragraphs after the first, with their word offsets in `text`. */
  anchors: Anchor[];
  /** Paragraph texts joined by newlines: the record's searchable content. */
  text: string;
  /** Names of the topics mentioned in the passage (see `withTopics`), for the topic filter. */
  topics: string[];
}

export interface SearchEpisode {
  /** Episode page. */
  url: string;
  slug: string;
  title: string;
  show: string;
  date?: string;
  summary?: string;
  /** Hosts, guests and other named voices, in credit order, once each. */
  people: string[];
  /** Topics and tags from the metadata. */
  topics: string[];
}

type Urls = Pick<Routes, 'episode' | 'paragraph'>;

/** Every passage of an episode, in transcript order. */
export function episodePassages(episode: Episode, urls: Urls): SearchPassage[] {
  const speakers = new Map(episode.speakers.map((s) => [s.id, s]));
  const out: SearchPassage[] = [];
  let run: Paragraph[] = [];
  let runWords = 0;

  const flush = () => {
    const first = run[0];
    if (!first) return;
    const speaker = first.speaker === null ? undefined : speakers.get(first.speaker);
    const anchors: Anchor[] = [];
    let offset = tokenCount(first.text);
    for (const p of run.slice(1)) {
      anchors.push({ id: p.id, offset, start: p.start === null ? null : Math.floor(p.start) });
      offset += tokenCount(p.text);
    }
    const passage: SearchPassage = {
      url: urls.paragraph(episode.slug, first.id),
      slug: episode.slug,
      title: episode.title,
      show: episode.show,
      speaker: speaker?.name ?? null,
      speakerIsPerson: speaker !== undefined && !isAnonymous(speaker),
      paragraphs: run.map((p) => p.id),
      start: first.start === null ? null : Math.floor(first.start),
      anchors,
      text: run.map((p) => p.text).join('\n'),
      topics: [],
    };
    if (episode.date) passage.date = episode.date;
    out.push(passage);
    run = [];
    runWords = 0;
  };

  for (const paragraph of episode.paragraphs) {
    if (paragraph.kind !== 'speech') {
      flush();
      continue;
    }
    const words = tokenCount(paragraph.text);
    const previous = run.at(-1);
    const fits =
      previous !== undefined &&
      previous.speaker === paragraph.speaker &&
      run.length < MAX_PASSAGE_PARAGRAPHS &&
      runWords + words <= MAX_PASSAGE_WORDS;
    if (!fits) flush();
    run.push(paragraph);
    runWords += words;
  }
  flush();
  return out;
}

/** The episode-level record: what the episode is, rather than what was said in it. */
export function searchEpisode(episode: Episode, urls: Urls): SearchEpisode {
  const people: string[] = [];
  const add = (name: string) => {
    if (!people.includes(name)) people.push(name);
  };
  episode.hosts.forEach(add);
  episode.guests.forEach(add);
  for (const s of episode.speakers) if (!isAnonymous(s)) add(s.name);
  const out: SearchEpisode = {
    url: urls.episode(episode.slug),
    slug: episode.slug,
    title: episode.title,
    show: episode.show,
    people,
    topics: [...new Set([...episode.topics, ...episode.tags])],
  };
  if (episode.date) out.date = episode.date;
  if (episode.summary) out.summary = episode.summary;
  return out;
}

/** A topic page in the search index: found by its name and every alias (misspellings included). */
export interface SearchTopic {
  url: string;
  name: string;
  /** Other spellings, the name left out. */
  aliases: string[];
  /** The description, or a line saying how often it is mentioned. */
  summary: string;
}

/** The topic records and the passages' topic filter values, from the site's topic index. */
export function withTopics(passages: readonly SearchPassage[], topics: TopicIndex, urls: Pick<Routes, 'topic'>): SearchTopic[] {
  for (const passage of passages) {
    const links = topics.byEpisode.get(passage.slug)?.links;
    if (!links) continue;
    const names = new Set<string>();
    for (const id of passage.paragraphs) for (const link of links[id] ?? []) names.add(topics.bySlug.get(link.topic)?.name ?? link.topic);
    passage.topics = [...names];
  }
  return topics.topics.map((t) => {
    const episodes = t.episodes.filter((e) => e.mentions > 0).length;
    return {
      url: urls.topic(t.slug),
      name: t.name,
      aliases: t.aliases.filter((a) => a.toLowerCase() !== t.name.toLowerCase()),
      summary: t.description ?? `Topic: mentioned ${t.mentions} ${t.mentions === 1 ? 'time' : 'times'} in ${episodes} ${episodes === 1 ? 'episode' : 'episodes'}.`,
    };
  });
}
