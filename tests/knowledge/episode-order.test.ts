import { describe, expect, it } from 'vitest';
import { compareEpisodes, sortEpisodes } from '../../src/knowledge/episode-order.ts';
import { makeEpisode } from './make-episode.ts';

describe('episode order', () => {
  it('puts newer dates first, undated last, then sorts by title and id', () => {
    const episodes = [
      makeEpisode({ id: 'undated', title: 'A' }),
      makeEpisode({ id: 'old', title: 'Z', date: '2023-01-01' }),
      makeEpisode({ id: 'new-b', title: 'Episode 10', date: '2024-05-01' }),
      makeEpisode({ id: 'new-a', title: 'Episode 9', date: '2024-05-01' }),
    ];
    expect(sortEpisodes(episodes).map((e) => e.id)).toEqual(['new-a', 'new-b', 'old', 'undated']);
  });

  it('is total: equal titles fall back to the id', () => {
    const a = makeEpisode({ id: 'a', title: 'Same' });
    const b = makeEpisode({ id: 'b', title: 'same' });
    expect(compareEpisodes(a, b)).toBeLessThan(0);
    expect(compareEpisodes(b, a)).toBeGreaterThan(0);
    expect(compareEpisodes(a, a)).toBe(0);
  });
});
