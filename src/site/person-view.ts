/**
 * Props for a person's page: who they are across shows, their appearances
 * grouped by show with talk time per episode, and notable passages with
 * deep links into the transcripts.
 */
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import type { Appearance, Person } from '../knowledge/people.ts';
import type { TalkTime } from '../knowledge/talk-time.ts';
import { clock, count, date, duration, excerpt, isolate, plural } from './format.ts';
import { routes } from './routes.ts';
import { initials, toneOf } from './speaker-style.ts';

export interface AppearanceView {
  title: string;
  href: string;
  date?: { iso: string; label: string };
  role?: 'host' | 'guest';
  /** `12 min` or `1,204 words`; absent when credited but not heard. */
  talk?: string;
  /** Share of the episode's talk, as a whole percentage. */
  percent: number;
}

export interface ShowGroup {
  name: string;
  href: string | null;
  /** `Host`, `Guest` or `Host and guest` on this show, if credited. */
  role?: string;
  appearances: AppearanceView[];
}

export interface PassageView {
  text: string;
  href: string;
  episode: string;
  stamp?: string;
}

export interface PersonView {
  name: string;
  initials: string;
  tone: number;
  /** One line: `Host of Alpha · Guest on Beta`. */
  tagline: string;
  facts: string[];
  shows: ShowGroup[];
  passages: PassageView[];
}

/** Longest passage shown, in characters. */
const PASSAGE_CHARS = 420;

/** Prepare a person's page. */
export function personView(person: Person, kb: KnowledgeBase): PersonView {
  const groups = new Map<string, { appearances: Appearance[] }>();
  for (const a of person.appearances) {
    const key = a.episode.show;
    const group = groups.get(key);
    if (group) group.appearances.push(a);
    else groups.set(key, { appearances: [a] });
  }
  const shows: ShowGroup[] = [];
  const byRole = new Map<string, string[]>();
  for (const [name, group] of groups) {
    const show = kb.showOf.get(group.appearances[0]?.episode.id ?? '');
    const roles = new Set(group.appearances.map((a) => a.role).filter((r) => r !== undefined));
    const role = roles.size === 2 ? 'Host and guest' : roles.has('host') ? 'Host' : roles.has('guest') ? 'Guest' : undefined;
    // Repeat the role per episode only where it varies within the show.
    const entry: ShowGroup = { name, href: show ? routes.show(show.slug) : null, appearances: group.appearances.map((a) => appearanceView(a, roles.size === 2)) };
    if (role) entry.role = role;
    shows.push(entry);
    const phrase = role === 'Guest' ? 'Guest on' : role ? `${role} of` : 'Heard on';
    byRole.set(phrase, [...(byRole.get(phrase) ?? []), name]);
  }
  // Show names in a plain-text line: isolated, so an override in one cannot reorder the rest.
  const tagline = [...byRole].map(([phrase, names]) => `${phrase} ${list.format(names.map(isolate))}`);

  const talk = totalTalk(person.appearances);
  const facts = [plural(person.appearances.length, 'episode')];
  if (shows.length > 1) facts.push(plural(shows.length, 'show'));
  if (talk.seconds > 0) facts.push(`${duration(talk.seconds)} of talk`);
  else if (talk.words > 0) facts.push(`${count(talk.words)} words`);

  return {
    name: person.name,
    initials: initials(person.name),
    tone: toneOf(person.slug),
    tagline: tagline.join(' · '),
    facts,
    shows,
    passages: person.passages.map(({ episode, paragraph }) => {
      const view: PassageView = {
        text: excerpt(paragraph.text, PASSAGE_CHARS),
        href: routes.paragraph(episode.slug, paragraph.id),
        episode: episode.title,
      };
      if (paragraph.start !== null) view.stamp = clock(paragraph.start);
      return view;
    }),
  };
}

const list = new Intl.ListFormat('en', { type: 'conjunction' });

function appearanceView(a: Appearance, withRole: boolean): AppearanceView {
  const view: AppearanceView = { title: a.episode.title, href: routes.episode(a.episode.slug), percent: Math.round(a.share * 100) };
  if (a.episode.date) view.date = { iso: a.episode.date, label: date(a.episode.date, 'short') };
  if (a.role && withRole) view.role = a.role;
  if (a.talk) view.talk = talkLabel(a.talk);
  return view;
}

/** `12 min` for timed episodes, `1,204 words` for untimed ones. */
export function talkLabel(talk: TalkTime): string {
  return talk.seconds !== null ? duration(talk.seconds) : plural(talk.words, 'word');
}

function totalTalk(appearances: readonly Appearance[]): { seconds: number; words: number } {
  let seconds = 0;
  let words = 0;
  for (const a of appearances) {
    if (a.talk?.seconds) seconds += a.talk.seconds;
    else if (a.talk) words += a.talk.words;
  }
  return { seconds, words };
}
