/**
 * Props for the topic pages: the topics index (in two orders, with the most
 * connected topics), and one topic's page: what it is, which episodes
 * discuss it, where in each episode (the timeline), its mentions as
 * quotes linked to their moments (mentions a few words apart share one
 * quote), who talks about it most, related topics and the topics that link
 * to it. A topic said in every episode of a large archive would make a page
 * of tens of megabytes, so quotes and timeline rows are capped (see the
 * constants below) and the rest of the episodes are listed or left to search.
 */
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import { LISTED_EPISODES, QUOTED_EPISODES, QUOTES_PER_EPISODE, TIMELINE_TICK_WIDTH } from '../knowledge/topics/page-caps.ts';
import type { QuotedEpisode, Topic, TopicQuote, TopicSource } from '../knowledge/topics/schema.ts';
import type { EpisodeMeta as Episode } from '../corpus/summary.ts';
import { clock, count, date, plural } from './format.ts';
import { routes } from './routes.ts';
import { underBase } from './base-links.ts';

export type TopicOrder = 'mentions' | 'name';

export interface TopicRow {
  name: string;
  href: string;
  source: TopicSource;
  description?: string;
  mentions: number;
  episodes: number;
  /** Mentions relative to the most mentioned topic, 0–100, for the bar. */
  percent: number;
}

export interface ConnectedTopic {
  name: string;
  href: string;
  /** Topics it is related to, either way. */
  connections: number;
  percent: number;
  /** The strongest few, by name. */
  neighbours: Array<{ name: string; href: string }>;
}

export interface TopicsIndexView {
  rows: TopicRow[];
  connected: ConnectedTopic[];
  facts: string[];
}

/** Topics listed under "most connected". */
const CONNECTED_SHOWN = 8;
const NEIGHBOURS_SHOWN = 4;

const nameCollator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** The topics index in the given order. */
export function topicsIndexView(kb: KnowledgeBase, order: TopicOrder): TopicsIndexView {
  const topics = kb.topics.topics;
  const most = Math.max(1, ...topics.map((t) => t.mentions));
  const rows = topics.map((t): TopicRow => {
    const row: TopicRow = {
      name: t.name,
      href: routes.topic(t.slug),
      source: t.source,
      mentions: t.mentions,
      episodes: t.episodes.length,
      percent: Math.round((t.mentions / most) * 100),
    };
    if (t.description) row.description = t.description;
    return row;
  });
  if (order === 'name') rows.sort((a, b) => nameCollator.compare(a.name, b.name));
  else rows.sort((a, b) => b.mentions - a.mentions || b.episodes - a.episodes || nameCollator.compare(a.name, b.name));

  const links = topicLinks(topics);
  const ranked = topics
    .map((t) => ({ topic: t, neighbours: links.get(t.slug) ?? [] }))
    .filter((x) => x.neighbours.length > 0)
    .sort((a, b) => b.neighbours.length - a.neighbours.length || b.topic.score - a.topic.score)
    .slice(0, CONNECTED_SHOWN);
  const widest = Math.max(1, ...ranked.map((x) => x.neighbours.length));
  const connected = ranked.map(({ topic, neighbours }) => ({
    name: topic.name,
    href: routes.topic(topic.slug),
    connections: neighbours.length,
    percent: Math.round((neighbours.length / widest) * 100),
    neighbours: neighbours.slice(0, NEIGHBOURS_SHOWN).map((n) => ({ name: n.name, href: routes.topic(n.slug) })),
  }));

  const curated = topics.filter((t) => t.source === 'curated').length;
  const facts = [plural(topics.length, 'topic'), `${count(curated)} curated`, `${count(topics.length - curated)} discovered`];
  return { rows, connected, facts };
}

/** Every topic's related topics in both directions: its own list first, then topics that list it. */
function topicLinks(topics: readonly Topic[]): Map<string, Topic[]> {
  const bySlug = new Map(topics.map((t) => [t.slug, t]));
  const out = new Map<string, Topic[]>();
  const add = (from: Topic | undefined, to: Topic | undefined) => {
    if (!from || !to || to === from) return;
    let list = out.get(from.slug);
    if (!list) out.set(from.slug, (list = []));
    if (!list.includes(to)) list.push(to);
  };
  for (const t of topics) for (const r of t.related) add(t, bySlug.get(r.slug));
  for (const t of topics) for (const r of t.related) add(bySlug.get(r.slug), t);
  return out;
}

export interface QuotePart {
  text: string;
  mark: boolean;
}

export interface MentionView {
  href: string;
  stamp?: string;
  speaker?: { name: string; href?: string };
  quote: QuotePart[];
}

export interface MentionGroup {
  /** Anchor on the topic page (`e-3`), so the timeline rows can point at their group. */
  id: string;
  title: string;
  href: string;
  show?: string;
  date?: { iso: string; label: string };
  mentions: MentionView[];
  /** `12 mentions` or `tagged in the metadata`. */
  label: string;
  /** Mentions in this episode that the quotes shown do not hold. */
  more: number;
}

/** An episode past the quoted ones, listed by name. */
export interface ListedEpisode {
  title: string;
  href: string;
  label: string;
}

export interface TimelineTick {
  /** Position along the episode, 0–1000 (SVG user units). */
  x: number;
  href: string;
  label: string;
  /** Mentions the mark stands for: those closer together than a mark is wide share one. */
  mentions: number;
}

export { LISTED_EPISODES, QUOTED_EPISODES, QUOTES_PER_EPISODE, TIMELINE_TICK_WIDTH };

export interface TimelineRow {
  title: string;
  /** The row's mention group on this page. */
  href: string;
  date?: string;
  ticks: TimelineTick[];
  /** `3 mentions`, and where they fall (`, from 1:02 to 40:10`, or ''), for assistive technology. */
  mentions: string;
  span: string;
  /** True when positions are by paragraph (the episode has no times). */
  untimed: boolean;
}

export interface SpeakerShare {
  name: string;
  href: string;
  mentions: number;
  percent: number;
}

export interface TopicLink {
  name: string;
  href: string;
}

export interface TopicView {
  name: string;
  source: TopicSource;
  /** Meta description and lede. */
  description: string;
  /** Curated Markdown body ('' when none). */
  html: string;
  /** Other spellings matched (the name itself left out). */
  aliases: string[];
  facts: string[];
  /** The episodes that mention it most, with quotes (at most QUOTED_EPISODES). */
  groups: MentionGroup[];
  /** The next episodes, by name only (at most LISTED_EPISODES). */
  listed: ListedEpisode[];
  /** Episodes neither quoted nor listed. */
  unlisted: number;
  /** The search page, filtered to passages that mention the topic. */
  searchHref: string;
  /** One row per quoted episode, oldest first. */
  timeline: TimelineRow[];
  speakers: SpeakerShare[];
  related: TopicLink[];
  backlinks: TopicLink[];
}

/** Speakers listed on a topic page. */
const SPEAKERS_SHOWN = 8;

/** Prepare one topic's page. */
export function topicView(topic: Topic, kb: KnowledgeBase): TopicView {
  const episodes = kb.episodeBySlug;
  const quotedBy = new Map(topic.quoted.map((q) => [q.episode, q]));

  // Episodes in the topic's order (most mentions first) for the quotes; oldest first for the timeline.
  const groups: MentionGroup[] = [];
  const listed: ListedEpisode[] = [];
  let unlisted = 0;
  const groupId = new Map<string, string>();
  for (const te of topic.episodes) {
    const episode = episodes.get(te.slug);
    if (!episode) continue;
    const label = te.mentions > 0 ? plural(te.mentions, 'mention') : 'tagged in the metadata';
    const href = routes.episode(episode.slug);
    if (groups.length >= QUOTED_EPISODES) {
      if (listed.length < LISTED_EPISODES) listed.push({ title: episode.title, href, label });
      else unlisted++;
      continue;
    }
    const id = `e${groups.length + 1}`;
    groupId.set(te.slug, id);
    const quoted = quotedBy.get(te.slug);
    const views = (quoted?.quotes ?? []).map((q) => mentionView(q, episode, kb));
    const group: MentionGroup = { id, title: episode.title, href, mentions: views, label, more: te.mentions - (quoted?.held ?? 0) };
    const show = kb.showOf.get(episode.id);
    if (show) group.show = show.name;
    if (episode.date) group.date = { iso: episode.date, label: date(episode.date, 'short') };
    groups.push(group);
  }

  const mentionsOf = new Map(topic.episodes.map((e) => [e.slug, e.mentions]));
  const timeline = kb.episodes
    .filter((e) => groupId.has(e.slug) && quotedBy.has(e.slug))
    .reverse()
    .map((e) => timelineRow(e, quotedBy.get(e.slug) as QuotedEpisode, mentionsOf.get(e.slug) ?? 0, `#${groupId.get(e.slug) ?? ''}`));

  const speakers = speakerShares(topic, episodes, kb);
  const mentioned = topic.episodes.filter((e) => e.mentions > 0).length;
  const facts = [plural(topic.mentions, 'mention'), plural(mentioned, 'episode')];
  if (speakers.length > 0) facts.push(plural(speakers.length, 'speaker'));

  const related = topic.related.map((r) => ({ name: r.name, href: routes.topic(r.slug) }));
  return {
    name: topic.name,
    source: topic.source,
    description:
      topic.description ??
      `${topic.source === 'discovered' ? 'Found in the transcripts' : 'A topic'}: mentioned ${plural(topic.mentions, 'time')} in ${plural(mentioned, 'episode')}.`,
    html: underBase(topic.html, routes.home),
    aliases: topic.aliases.filter((a) => a.toLowerCase() !== topic.name.toLowerCase()),
    facts,
    groups,
    listed,
    unlisted,
    searchHref: `${routes.search}?${new URLSearchParams({ q: topic.name, topic: topic.name })}`,
    timeline,
    speakers,
    related,
    backlinks: backlinks(topic, kb.topics.topics).filter((b) => !related.some((r) => r.href === b.href)),
  };
}

function quoteParts(quote: string, highlights: ReadonlyArray<readonly [number, number]>): QuotePart[] {
  const parts: QuotePart[] = [];
  let at = 0;
  for (const [from, to] of highlights) {
    if (from > at) parts.push({ text: quote.slice(at, from), mark: false });
    parts.push({ text: quote.slice(from, to), mark: true });
    at = to;
  }
  if (at < quote.length) parts.push({ text: quote.slice(at), mark: false });
  return parts.filter((p) => p.text !== '');
}

function mentionView(q: TopicQuote, episode: Episode, kb: KnowledgeBase): MentionView {
  const view: MentionView = { href: routes.paragraph(episode.slug, q.paragraph), quote: quoteParts(q.quote, q.highlights) };
  if (q.start !== null) view.stamp = clock(q.start);
  const speaker = q.speaker === null ? undefined : episode.speakers.find((s) => s.id === q.speaker);
  if (speaker) {
    const person = kb.people.personOf(episode.id, speaker.id);
    view.speaker = person ? { name: person.name, href: routes.speaker(person.slug) } : { name: speaker.name };
  }
  return view;
}

/** Where in the episode each mention falls (marks made by the topic index, see quoted-episode.ts). */
function timelineRow(episode: Episode, quoted: QuotedEpisode, mentions: number, href: string): TimelineRow {
  const untimed = episode.duration === null || episode.duration <= 0;
  const ticks: TimelineTick[] = quoted.marks.map((m) => {
    const label = m.start !== null ? clock(m.start) : `paragraph ${m.index + 1}`;
    return { x: m.x, href: routes.paragraph(episode.slug, m.paragraph), label: m.mentions > 1 ? `${label}, ${plural(m.mentions, 'mention')}` : label, mentions: m.mentions };
  });
  const span = !untimed && quoted.first !== null && quoted.last !== null ? `, from ${clock(quoted.first)} to ${clock(quoted.last)}` : '';
  const row: TimelineRow = { title: episode.title, href, ticks, untimed, mentions: plural(mentions, 'mention'), span };
  if (episode.date) row.date = date(episode.date, 'short');
  return row;
}

/** People who mention the topic, merged across episodes through the people directory. Unnamed voices are left out. */
function speakerShares(topic: Topic, episodes: ReadonlyMap<string, Episode>, kb: KnowledgeBase): SpeakerShare[] {
  const counts = new Map<string, { name: string; href: string; mentions: number }>();
  for (const v of topic.voices) {
    const episode = episodes.get(v.episode);
    if (!episode) continue;
    const person = kb.people.personOf(episode.id, v.speaker);
    if (!person) continue;
    const entry = counts.get(person.slug);
    if (entry) entry.mentions += v.mentions;
    else counts.set(person.slug, { name: person.name, href: routes.speaker(person.slug), mentions: v.mentions });
  }
  const list = [...counts.values()].sort((a, b) => b.mentions - a.mentions || nameCollator.compare(a.name, b.name)).slice(0, SPEAKERS_SHOWN);
  const most = Math.max(1, ...list.map((s) => s.mentions));
  return list.map((s) => ({ ...s, percent: Math.round((s.mentions / most) * 100) }));
}

/**
 * For every topic, the topics that point to it: they list it as related, or
 * their text links to its page. Worked out once per topic list (every topic
 * page asks), in the list's order.
 */
const backlinksByList = new WeakMap<readonly Topic[], Map<string, TopicLink[]>>();

function backlinks(topic: Topic, topics: readonly Topic[]): TopicLink[] {
  let all = backlinksByList.get(topics);
  if (!all) {
    all = new Map();
    const byPage = new Map(topics.map((t) => [encodeURIComponent(t.slug), t.slug]));
    for (const t of topics) {
      const targets = new Set(t.related.map((r) => r.slug));
      for (const [, href] of t.html.matchAll(/\shref="([^"]*)"/g)) {
        const page = /^[a-z][a-z0-9+.-]*:/i.test(href ?? '') ? undefined : /\/topics\/([^/]+)\/$/.exec(href ?? '')?.[1];
        const slug = page === undefined ? undefined : byPage.get(page);
        if (slug) targets.add(slug);
      }
      targets.delete(t.slug);
      for (const slug of targets) {
        let list = all.get(slug);
        if (!list) all.set(slug, (list = []));
        list.push({ name: t.name, href: routes.topic(t.slug) });
      }
    }
    backlinksByList.set(topics, all);
  }
  return all.get(topic.slug) ?? [];
}
