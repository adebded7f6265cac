/**
 * The people directory: speakers merged across episodes by normalized name,
 * each with a unique slug, their appearances (role and talk time per
 * episode) and a few notable passages (their longest paragraphs) to quote.
 * Unnamed diarization labels (`Speaker 2`, `SPEAKER_01`) are different
 * people in every episode, so they are left out rather than merged.
 */
import { LONGEST_PER_SPEAKER } from '../corpus/summary.ts';
import type { EpisodeSummary as Episode, TalkTime } from '../corpus/summary.ts';
import type { Paragraph, Speaker } from '../transcript/schema.ts';
import { compareEpisodes } from './episode-order.ts';
import { SlugAllocator } from './unique-slugs.ts';

/** One episode a person is heard or credited in. */
export interface Appearance {
  episode: Episode;
  /** The person's speaker id within that episode. */
  speakerId: string;
  role?: 'host' | 'guest';
  /** Null when credited but never heard under a label. */
  talk: TalkTime | null;
  /** Their part of everything said in the episode, 0–1 (by seconds when timed, else words); 0 when not heard. */
  share: number;
}

/** A paragraph worth quoting on the person's page. */
export interface Passage {
  episode: Episode;
  paragraph: Paragraph;
}

export interface Person {
  slug: string;
  /** Display name: the spelling of their first appearance in listing order. */
  name: string;
  /** Newest episode first. */
  appearances: Appearance[];
  /** Longest paragraphs first. */
  passages: Passage[];
}

export interface PeopleDirectory {
  /** Ordered by name. */
  people: Person[];
  /** The person a speaker of an episode is, if listed. */
  personOf(episodeId: string, speakerId: string): Person | undefined;
}

/** How many passages each person keeps. */
export const PASSAGES_PER_PERSON = LONGEST_PER_SPEAKER;

const anonymousName = /^(?:(?:speaker|spk|voice|unknown|person|participant)[\s_#-]*[a-z0-9]{0,3}|\d{1,3})$/i;

/** True for a speaker known only by a generic label the sidecar did not name. */
export function isAnonymous(speaker: Speaker): boolean {
  return speaker.role === undefined && speaker.labels.includes(speaker.name) && anonymousName.test(speaker.name.trim());
}

/** Merge key for names: case, width, spacing and punctuation between words do not matter. */
export function personKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/[\s_.-]+/g, ' ').trim();
}

const nameCollator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Build the directory from every episode. */
export function buildPeople(episodes: readonly Episode[]): PeopleDirectory {
  const byKey = new Map<string, { name: string; appearances: Appearance[]; passages: Passage[] }>();
  const keyOf = new Map<string, string>(); // `${episode.id}\u0000${speaker.id}` → person key

  for (const episode of [...episodes].sort(compareEpisodes)) {
    const talk = episode.talk;
    const total = { seconds: 0, words: 0 };
    for (const t of Object.values(talk)) {
      total.seconds += t.seconds ?? 0;
      total.words += t.words;
    }
    for (const speaker of episode.speakers) {
      if (isAnonymous(speaker)) continue;
      const key = personKey(speaker.name);
      let person = byKey.get(key);
      if (!person) {
        person = { name: speaker.name, appearances: [], passages: [] };
        byKey.set(key, person);
      }
      const own = talk[speaker.id] ?? null;
      const appearance: Appearance = { episode, speakerId: speaker.id, talk: own, share: shareOf(own, total) };
      if (speaker.role) appearance.role = speaker.role;
      person.appearances.push(appearance);
      keyOf.set(`${episode.id}\u0000${speaker.id}`, key);
    }
    // Each speaker's longest paragraphs of this episode (the summary keeps as many as a person does).
    for (const [speakerId, paragraphs] of Object.entries(episode.longest)) {
      const key = keyOf.get(`${episode.id}\u0000${speakerId}`);
      const person = key === undefined ? undefined : byKey.get(key);
      if (person) for (const paragraph of paragraphs) keepLongest(person.passages, { episode, paragraph });
    }
  }

  const keys = [...byKey.keys()].sort((a, b) => nameCollator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0));
  const slugs = new SlugAllocator('person');
  const people = new Map<string, Person>();
  for (const key of keys) {
    const p = byKey.get(key);
    if (p) people.set(key, { slug: slugs.claim(p.name), name: p.name, appearances: p.appearances, passages: p.passages });
  }
  return {
    people: [...people.values()],
    personOf: (episodeId, speakerId) => {
      const key = keyOf.get(`${episodeId}\u0000${speakerId}`);
      return key === undefined ? undefined : people.get(key);
    },
  };
}

/** `own` as a fraction of `total`: seconds when the episode is timed, words otherwise. */
function shareOf(own: TalkTime | null, total: { seconds: number; words: number }): number {
  if (!own) return 0;
  if (own.seconds !== null && total.seconds > 0) return own.seconds / total.seconds;
  return total.words > 0 ? own.words / total.words : 0;
}

/** Insert into a list kept to the longest PASSAGES_PER_PERSON paragraphs (earlier wins ties). */
function keepLongest(list: Passage[], passage: Passage): void {
  const length = passage.paragraph.text.length;
  if (list.length === PASSAGES_PER_PERSON && length <= (list.at(-1)?.paragraph.text.length ?? 0)) return;
  let i = list.length;
  while (i > 0 && (list[i - 1]?.paragraph.text.length ?? 0) < length) i--;
  list.splice(i, 0, passage);
  if (list.length > PASSAGES_PER_PERSON) list.length = PASSAGES_PER_PERSON;
}
