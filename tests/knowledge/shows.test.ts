import { describe, expect, it } from 'vitest';
import { showNeighbours } from '../../src/knowledge/neighbours.ts';
import { buildShows } from '../../src/knowledge/shows.ts';
import { makeEpisode } from './make-episode.ts';
import { summarizeEpisode } from '../../src/corpus/summary.ts';

describe('shows', () => {
  const episodes = [
    makeEpisode({ id: 'b1', show: 'Beta Cast', date: '2024-01-01', hosts: ['Bo'] }),
    makeEpisode({ id: 'a1', show: 'Alpha', date: '2024-01-01', hosts: ['Ann'] }),
    makeEpisode({ id: 'a3', show: 'Alpha', date: '2024-03-01', hosts: ['Ann', 'Cy'] }),
    makeEpisode({ id: 'a2', show: 'Alpha', date: '2024-02-01', hosts: ['Ann'] }),
  ].map(summarizeEpisode);

  it('groups episodes by show name, shows by name, episodes newest first', () => {
    const shows = buildShows(episodes);
    expect(shows.map((s) => [s.slug, s.name, s.episodes.map((e) => e.id)])).toEqual([
      ['alpha', 'Alpha', ['a3', 'a2', 'a1']],
      ['beta-cast', 'Beta Cast', ['b1']],
    ]);
  });

  it('lists hosts most credited first', () => {
    expect(buildShows(episodes)[0]?.hosts).toEqual(['Ann', 'Cy']);
  });

  it('gives shows whose names slug alike distinct slugs', () => {
    const shows = buildShows([makeEpisode({ id: 'x', show: 'Q&A' }), makeEpisode({ id: 'y', show: 'Q A' })].map(summarizeEpisode));
    expect(shows.map((s) => s.slug).sort()).toEqual(['q-a', 'q-a-2']);
  });

  it('links older and newer episodes within a show only', () => {
    const n = showNeighbours(buildShows(episodes));
    expect(n.get('a2')?.older?.id).toBe('a1');
    expect(n.get('a2')?.newer?.id).toBe('a3');
    expect(n.get('a3')?.newer).toBeUndefined();
    expect(n.get('a1')?.older).toBeUndefined();
    expect(n.get('b1')).toEqual({});
  });
});
