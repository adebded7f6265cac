import { describe, expect, it } from 'vitest';
import { PASSAGES_PER_PERSON, buildPeople, isAnonymous, personKey } from '../../src/knowledge/people.ts';
import { makeEpisode } from './make-episode.ts';
import { summarizeEpisode } from '../../src/corpus/summary.ts';

const ep1 = makeEpisode({
  id: 'one',
  show: 'Alpha',
  date: '2024-01-01',
  speakers: [
    { id: 'ann-lee', name: 'Ann Lee', role: 'host' },
    { id: 'speaker-2', name: 'Speaker 2', labels: ['Speaker 2'] },
  ],
  lines: [
    { speaker: 'ann-lee', text: 'Short.', start: 0, end: 2 },
    { speaker: 'speaker-2', text: 'Who am I?', start: 2, end: 3 },
    { speaker: 'ann-lee', text: 'A much longer paragraph than the first one.', start: 3, end: 9 },
  ],
});
const ep2 = makeEpisode({
  id: 'two',
  show: 'Beta',
  date: '2024-02-01',
  speakers: [
    { id: 'ann-lee', name: 'ann  lee', role: 'guest' },
    { id: 'bo', name: 'Bo', role: 'host' },
  ],
  lines: [
    { speaker: 'ann-lee', text: 'The longest paragraph Ann says anywhere in the corpus.', start: 0, end: 5 },
    { speaker: 'ann-lee', text: 'Middling words here.', start: 5, end: 6 },
    { speaker: 'ann-lee', text: 'Tiny.', start: 6, end: 7 },
  ],
});

describe('people directory', () => {
  const dir = buildPeople([ep1, ep2].map(summarizeEpisode));

  it('merges speakers by normalized name and leaves out unnamed labels', () => {
    expect(dir.people.map((p) => [p.slug, p.name, p.appearances.length])).toEqual([
      ['ann-lee', 'ann  lee', 2],
      ['bo', 'Bo', 1],
    ]);
    expect(dir.personOf('one', 'speaker-2')).toBeUndefined();
    expect(dir.personOf('one', 'ann-lee')?.slug).toBe('ann-lee');
  });

  it('records role and talk time per appearance, newest episode first', () => {
    const ann = dir.personOf('two', 'ann-lee');
    expect(ann?.appearances.map((a) => [a.episode.id, a.role, a.talk])).toEqual([
      ['two', 'guest', { seconds: 7, words: 13 }],
      ['one', 'host', { seconds: 8, words: 9 }],
    ]);
    expect(dir.personOf('two', 'bo')?.appearances[0]?.talk).toBeNull();
    expect(dir.personOf('two', 'bo')?.appearances[0]?.share).toBe(0);
  });

  it('gives each appearance its share of the talk, unnamed voices included in the total', () => {
    const ann = dir.personOf('one', 'ann-lee');
    expect(ann?.appearances.map((a) => a.share)).toEqual([1, 8 / 9]);
  });

  it('keeps the longest paragraphs as notable passages', () => {
    const ann = dir.personOf('one', 'ann-lee');
    expect(ann?.passages.length).toBe(PASSAGES_PER_PERSON);
    expect(ann?.passages.map((p) => `${p.episode.id}#${p.paragraph.id}`)).toEqual(['two#p1', 'one#p3', 'two#p2']);
  });

  it('recognises generic labels only when unmapped and uncredited', () => {
    expect(isAnonymous({ id: 's', name: 'SPEAKER_01', labels: ['SPEAKER_01'] })).toBe(true);
    expect(isAnonymous({ id: 's', name: 'Speaker B', labels: ['Speaker B'] })).toBe(true);
    expect(isAnonymous({ id: 's', name: 'Speaker B', role: 'guest', labels: ['Speaker B'] })).toBe(false);
    expect(isAnonymous({ id: 's', name: 'Ann', labels: ['Speaker 1'] })).toBe(false);
    expect(isAnonymous({ id: 's', name: 'Spencer', labels: ['Spencer'] })).toBe(false);
    expect(personKey(' Ann_Lee ')).toBe(personKey('ann lee'));
  });
});
