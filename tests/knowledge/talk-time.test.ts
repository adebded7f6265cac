import { describe, expect, it } from 'vitest';
import { talkTimeBySpeaker } from '../../src/knowledge/talk-time.ts';
import { countWords } from '../../src/knowledge/words.ts';
import { makeEpisode } from './make-episode.ts';

describe('talk time', () => {
  it('sums paragraph spans per speaker in timed episodes and ignores sounds', () => {
    const episode = makeEpisode({
      id: 'e',
      speakers: [{ id: 'ann' }, { id: 'bo' }],
      lines: [
        { speaker: 'ann', text: 'Hello there.', start: 0, end: 4.5 },
        { speaker: null, text: 'music', start: 4.5, end: 10 },
        { speaker: 'bo', text: 'Hi.', start: 10, end: 11.25 },
        { speaker: 'ann', text: 'So, three more words.', start: 11.25, end: 20 },
      ],
    });
    const talk = talkTimeBySpeaker(episode);
    expect(talk.get('ann')).toEqual({ seconds: 13.25, words: 6 });
    expect(talk.get('bo')).toEqual({ seconds: 1.25, words: 1 });
    expect(talk.size).toBe(2);
  });

  it('counts words only when the episode is untimed', () => {
    const episode = makeEpisode({ id: 'e', speakers: [{ id: 'ann' }], lines: [{ speaker: 'ann', text: 'one two — three' }] });
    expect(talkTimeBySpeaker(episode).get('ann')).toEqual({ seconds: null, words: 3 });
  });

  it('counts words in scripts without spaces', () => {
    expect(countWords('')).toBe(0);
    expect(countWords("it's a well-known fact")).toBe(4);
    expect(countWords('東京の夜市に行きました')).toBeGreaterThan(2);
  });
});
