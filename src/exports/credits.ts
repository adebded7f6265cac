/**
 * The people an episode credits, for the feed, the episode index and
 * structured data: hosts, then guests, then other named voices, each with
 * their speaker page when the directory lists them. Unnamed diarization
 * labels (`Speaker 2`) are nobody to credit and are left out.
 */
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import { isAnonymous } from '../knowledge/people.ts';
import type { EpisodeMeta as Episode } from '../corpus/summary.ts';
import { absolute } from './site-links.ts';
import type { SiteLinks } from './site-links.ts';

export interface Credit {
  name: string;
  role?: 'host' | 'guest';
  /** Absolute URL of the person's page. */
  url?: string;
}

const rank = (role: 'host' | 'guest' | undefined) => (role === 'host' ? 0 : role === 'guest' ? 1 : 2);

/** Named speakers of the episode, hosts first, then guests, then the rest, in speaking order within each. */
export function episodeCredits(episode: Episode, kb: KnowledgeBase, links: SiteLinks): Credit[] {
  return episode.speakers
    .filter((speaker) => !isAnonymous(speaker))
    .map((speaker, index) => ({ speaker, index }))
    .sort((a, b) => rank(a.speaker.role) - rank(b.speaker.role) || a.index - b.index)
    .map(({ speaker }) => {
      const credit: Credit = { name: speaker.name };
      if (speaker.role) credit.role = speaker.role;
      const person = kb.people.personOf(episode.id, speaker.id);
      if (person) credit.url = absolute(links, links.routes.speaker(person.slug));
      return credit;
    });
}
