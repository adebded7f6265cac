import { describe, expect, it } from 'vitest';
import { buildKnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import { makeEpisode } from './make-episode.ts';

describe('knowledge base', () => {
  it('builds every index and the headline stats', () => {
    const kb = buildKnowledgeBase([
      makeEpisode({ id: 'a', show: 'Alpha', date: '2024-01-01', speakers: [{ id: 'ann', name: 'Ann' }], lines: [{ speaker: 'ann', text: 'Hi.', start: 0, end: 1800 }] }),
      makeEpisode({ id: 'b', show: 'Alpha', date: '2024-02-01', speakers: [{ id: 'ann', name: 'Ann' }], lines: [{ speaker: 'ann', text: 'Hi.', start: 0, end: 5400 }] }),
      makeEpisode({ id: 'c', show: 'Beta', speakers: [{ id: 'bo', name: 'Bo' }], lines: [{ speaker: 'bo', text: 'Untimed.' }] }),
    ]);
    expect(kb.episodes.map((e) => e.id)).toEqual(['b', 'a', 'c']);
    expect(kb.showOf.get('c')?.name).toBe('Beta');
    expect(kb.neighbours.get('a')?.newer?.id).toBe('b');
    expect(kb.stats).toEqual({ shows: 2, episodes: 3, seconds: 7200, untimedEpisodes: 1, speakers: 2 });
  });

  it('handles an empty corpus', () => {
    const kb = buildKnowledgeBase([]);
    expect(kb.stats).toEqual({ shows: 0, episodes: 0, seconds: 0, untimedEpisodes: 0, speakers: 0 });
    expect(kb.people.people).toEqual([]);
  });
});
