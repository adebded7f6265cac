import { describe, expect, it } from 'vitest';
import { episodeToText, longClock } from '../../src/exports/plain-text.ts';
import { Episode } from '../../src/transcript/schema.ts';
import { makeEpisode } from '../knowledge/make-episode.ts';

const people = [
  { id: 'ann', name: 'Ann Lee', role: 'host' as const },
  { id: 'bob', name: 'Bob Stone', role: 'guest' as const },
];

describe('episodeToText', () => {
  it('writes a header, then stamped paragraphs with speaker names and chapter headings', () => {
    const base = makeEpisode({
      id: 'demo',
      title: 'Bread\nand Butter',
      show: 'The Long Table',
      date: '2025-05-06',
      hosts: ['Ann Lee'],
      guests: ['Bob Stone'],
      speakers: people,
      lines: [
        { speaker: null, text: 'music', start: 0, end: 3 },
        { speaker: 'ann', text: 'Welcome <b>back</b> & hello.', start: 3, end: 65 },
        { speaker: 'bob', text: 'Thanks.\nGlad to be here.', start: 3725.9, end: 3730 },
      ],
    });
    const episode = Episode.parse({ ...base, summary: 'A talk about bread.', chapters: [{ title: 'Opening', segment: 1, start: 3 }] });
    expect(episodeToText(episode)).toBe(
      [
        'Bread and Butter',
        'The Long Table · 2025-05-06 · 1:02:10',
        'Hosts: Ann Lee',
        'Guests: Bob Stone',
        '',
        'A talk about bread.',
        '',
        '[0:00:00] [music]',
        '',
        '## Opening',
        '',
        '[0:00:03] Ann Lee: Welcome <b>back</b> & hello.',
        '',
        '[1:02:05] Bob Stone: Thanks. Glad to be here.',
        '',
      ].join('\n'),
    );
  });

  it('leaves out stamps and length for an untimed episode', () => {
    const episode = makeEpisode({ id: 'untimed', title: 'Untimed', show: 'Show', speakers: people, lines: [{ speaker: 'ann', text: 'No times.' }] });
    expect(episodeToText(episode)).toBe('Untimed\nShow\n\nAnn Lee: No times.\n');
  });
});

describe('longClock', () => {
  it('always shows hours', () => {
    expect(longClock(0)).toBe('0:00:00');
    expect(longClock(245.9)).toBe('0:04:05');
    expect(longClock(36000)).toBe('10:00:00');
  });
});
