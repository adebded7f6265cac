/**
 * What the search index holds, derived from episodes: one record per
 * passage of a transcript (so a hit lands on a moment, not on a whole
 * episode) and one per episode (title, people, summary, topics).
 *
 * A passage is a window of consecutive speech paragraphs, whoever speaks
 * them, of up to `PASSAGE_WORDS` words (a longer paragraph is a passage of
 * its own). Records this size keep the index small for large archives
 * (Pagefind's page list, its per-record work and the number of fragment
 * files all grow with the number of records), while the search page still
 * lands on the paragraph, and the time, where the query's words cluster:
 * every paragraph's id, word offset, start and speaker ride along as
 * `anchors`. Sound paragraphs ([laughter]) are not indexed. Topic pages get a
 * record each (name and aliases), and passages carry the topics they mention
 * as a filter.
 */
import { isAnonymous } from '../knowledge/people.ts';
import type { TopicIndex } from '../knowledge/topics/build-topics.ts';
import type { Routes } from '../site/routes.ts';
import type { Episode } from '../transcript/schema.ts';
import type { Anchor } from './record-fields.ts';
import { tokenCount } from './text.ts';

export { PASSAGE_WORDS } from './record-fields.ts';
import { PASSAGE_WORDS } from './record-fields.ts';

export interface SearchPassage {
  /** Deep link: episode page + `#` + first paragraph id. */
  url: string;
  slug: string;
  title: string;
  show: string;
  date?: string;
  /** Display names of the voices in the passage, in order of first words; anchors point into it. */
  speakers: string[];
  /** Named people among them (not `Speaker 2`), offered as a filter. */
  people: string[];
  /** Every paragraph, the first at offset 0. */
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
export function episodePassages(episode: Episode, urls: Urls, maxWords = PASSAGE_WORDS): SearchPassage[] {
  const speakers = new Map(episode.speakers.map((s) => [s.id, s]));
  const out: SearchPassage[] = [];
  let texts: string[] = [];
  let anchors: Anchor[] = [];
  let names: string[] = [];
  let people: string[] = [];
  let words = 0;

  const flush = () => {
    const first = anchors[0];
    if (!first) return;
    const passage: SearchPassage = {
      url: urls.paragraph(episode.slug, first.id),
      slug: episode.slug,
      title: episode.title,
      show: episode.show,
      speakers: names,
      people,
      anchors,
      text: texts.join('\n'),
      topics: [],
    };
    if (episode.date) passage.date = episode.date;
    out.push(passage);
    texts = [];
    anchors = [];
    names = [];
    people = [];
    words = 0;
  };

  for (const paragraph of episode.paragraphs) {
    if (paragraph.kind !== 'speech') continue;
    const count = tokenCount(paragraph.text);
    if (anchors.length > 0 && words + count > maxWords) flush();
    const speaker = paragraph.speaker === null ? undefined : speakers.get(paragraph.speaker);
    let index: number | null = null;
    if (speaker) {
      index = names.indexOf(speaker.name);
      if (index < 0) index = names.push(speaker.name) - 1;
      if (!isAnonymous(speaker) && !people.includes(speaker.name)) people.push(speaker.name);
    }
    anchors.push({ id: paragraph.id, offset: words, start: paragraph.start === null ? null : Math.floor(paragraph.start), speaker: index });
    texts.push(paragraph.text);
    words += count;
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

/** Set each passage's topic filter values: the topics whose first mention in a paragraph falls inside it. */
export function attachTopics(passages: readonly SearchPassage[], topics: TopicIndex): void {
  for (const passage of passages) {
    const links = topics.byEpisode.get(passage.slug)?.links;
    if (!links) continue;
    const names = new Set<string>();
    for (const { id } of passage.anchors) for (const link of links[id] ?? []) names.add(topics.bySlug.get(link.topic)?.name ?? link.topic);
    passage.topics = [...names];
  }
}

/** One record per topic page. */
export function topicRecords(topics: TopicIndex, urls: Pick<Routes, 'topic'>): SearchTopic[] {
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

/** The topic records and the passages' topic filter values, from the site's topic index. */
export function withTopics(passages: readonly SearchPassage[], topics: TopicIndex, urls: Pick<Routes, 'topic'>): SearchTopic[] {
  attachTopics(passages, topics);
  return topicRecords(topics, urls);
}
