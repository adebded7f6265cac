/** Props for the small repeated pieces: episode cards and person chips. */
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import type { EpisodeMeta as Episode } from '../corpus/summary.ts';
import type { Speaker } from '../transcript/schema.ts';
import { date, duration, excerpt } from './format.ts';
import { routes } from './routes.ts';
import { initials, toneOf } from './speaker-style.ts';

export interface EpisodeCard {
  title: string;
  href: string;
  show: { name: string; href: string } | null;
  date?: { iso: string; label: string };
  duration?: string;
  summary?: string;
  /** Credited names, hosts first. */
  people: string[];
}

export interface PersonChip {
  name: string;
  /** Link to the person's page; absent for unnamed voices. */
  href?: string;
  role?: 'host' | 'guest';
  tone: number;
  initials: string;
}

/** A card for an episode list. */
export function episodeCard(episode: Episode, kb: KnowledgeBase, { withShow = true } = {}): EpisodeCard {
  const show = kb.showOf.get(episode.id);
  const card: EpisodeCard = {
    title: episode.title,
    href: routes.episode(episode.slug),
    show: withShow && show ? { name: show.name, href: routes.show(show.slug) } : null,
    people: [...episode.hosts, ...episode.guests],
  };
  if (episode.date) card.date = { iso: episode.date, label: date(episode.date, 'short') };
  if (episode.duration !== null) card.duration = duration(episode.duration);
  if (episode.summary) card.summary = excerpt(episode.summary, 220);
  return card;
}

/** A chip for a speaker of an episode, linked when the directory lists them. */
export function speakerChip(episode: Episode, speaker: Speaker, kb: KnowledgeBase, tone = toneOf(speaker.id)): PersonChip {
  const person = kb.people.personOf(episode.id, speaker.id);
  const chip: PersonChip = { name: speaker.name, tone, initials: initials(speaker.name) };
  if (person) chip.href = routes.speaker(person.slug);
  if (speaker.role) chip.role = speaker.role;
  return chip;
}
