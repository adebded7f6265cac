/**
 * Props for the listing pages: home, the episodes index, shows (index and
 * one show) and the people index.
 */
import type { SiteConfig } from '../config/site-config.ts';
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import { personKey } from '../knowledge/people.ts';
import type { Show } from '../knowledge/shows.ts';
import { episodeCard } from './cards.ts';
import type { EpisodeCard } from './cards.ts';
import { count, date, duration, hours, plural } from './format.ts';
import { routes } from './routes.ts';
import { showLook } from './show-look.ts';
import type { ShowLook } from './show-look.ts';
import { initials, toneOf } from './speaker-style.ts';

export interface Stat {
  value: string;
  label: string;
}

export interface ShowSummary {
  name: string;
  href: string;
  episodes: string;
  hosts: string[];
  latest?: string;
  /** Description, colour and artwork from the site config. */
  look: ShowLook;
}

/** The part of the site config these views read. */
type Looks = Pick<SiteConfig, 'shows'>;

export interface PersonSummary {
  name: string;
  href: string;
  initials: string;
  tone: number;
  /** `4 episodes · host`. */
  detail: string;
}

/** Home: headline stats, latest episodes, shows and the most heard people. */
export function homeView(kb: KnowledgeBase, config: Looks, latest = 6, people = 6) {
  const time = hours(kb.stats.seconds);
  const stats: Stat[] = [
    { value: count(kb.stats.episodes), label: kb.stats.episodes === 1 ? 'episode' : 'episodes' },
    { value: count(kb.stats.shows), label: kb.stats.shows === 1 ? 'show' : 'shows' },
    { value: time.value, label: `${time.unit} of audio` },
    { value: count(kb.stats.speakers), label: kb.stats.speakers === 1 ? 'speaker' : 'speakers' },
  ];
  return {
    stats,
    latest: kb.episodes.slice(0, latest).map((e) => episodeCard(e, kb)),
    more: kb.episodes.length > latest,
    shows: kb.shows.map((show) => showSummary(show, config)),
    people: peopleIndexView(kb)
      .map((p, i) => ({ p, n: kb.people.people[i]?.appearances.length ?? 0 }))
      .sort((a, b) => b.n - a.n)
      .slice(0, people)
      .map(({ p }) => p),
    morePeople: kb.people.people.length > people,
  };
}

/** Every episode, newest first. */
export function episodesIndexView(kb: KnowledgeBase): { cards: EpisodeCard[]; total: string } {
  return { cards: kb.episodes.map((e) => episodeCard(e, kb)), total: plural(kb.episodes.length, 'episode') };
}

export function showSummary(show: Show, config: Looks): ShowSummary {
  const summary: ShowSummary = { name: show.name, href: routes.show(show.slug), episodes: plural(show.episodes.length, 'episode'), hosts: show.hosts, look: showLook(show, config) };
  const newest = show.episodes[0]?.date;
  if (newest) summary.latest = date(newest, 'short');
  return summary;
}

/** One show: hosts (linked when in the directory) and its episodes. */
export function showView(show: Show, kb: KnowledgeBase, config: Looks) {
  const bySlugKey = new Map(kb.people.people.map((p) => [personKey(p.name), p]));
  let seconds = 0;
  for (const e of show.episodes) seconds += e.duration ?? 0;
  const facts = [plural(show.episodes.length, 'episode')];
  if (seconds > 0) facts.push(duration(seconds));
  return {
    name: show.name,
    look: showLook(show, config),
    facts,
    hosts: show.hosts.map((name) => {
      const person = bySlugKey.get(personKey(name));
      return person
        ? { name, href: routes.speaker(person.slug), initials: initials(name), tone: toneOf(person.slug) }
        : { name, initials: initials(name), tone: toneOf(name) };
    }),
    cards: show.episodes.map((e) => episodeCard(e, kb, { withShow: false })),
  };
}

/** Everyone in the directory, by name. */
export function peopleIndexView(kb: KnowledgeBase): PersonSummary[] {
  return kb.people.people.map((p) => {
    const roles = new Set(p.appearances.map((a) => a.role).filter((r) => r !== undefined));
    const role = roles.size === 2 ? 'host and guest' : [...roles][0];
    return {
      name: p.name,
      href: routes.speaker(p.slug),
      initials: initials(p.name),
      tone: toneOf(p.slug),
      detail: [plural(p.appearances.length, 'episode'), role].filter(Boolean).join(' · '),
    };
  });
}
