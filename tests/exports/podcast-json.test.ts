import { describe, expect, it } from 'vitest';
import { episodeToJson } from '../../src/exports/episode-json.ts';
import { episodeToPodcastJson, episodeToPodcastTranscript } from '../../src/exports/podcast-json.ts';
import { Episode } from '../../src/transcript/schema.ts';
import { makeEpisode } from '../knowledge/make-episode.ts';
import { hostileTexts } from './hostile.ts';
import { corpus } from './round-trip.ts';

const people = [{ id: 'ann', name: 'Ann Lee' }];

describe('episodeToPodcastJson', () => {
  it('follows the Podcasting 2.0 shape: version, then segments of speaker, startTime, endTime, body', () => {
    const episode = makeEpisode({
      id: 'demo',
      speakers: people,
      lines: [
        { speaker: null, text: 'music', start: 0, end: 1.5 },
        { speaker: 'ann', text: 'Hello\nthere.', start: 1.5, end: 4.25 },
        { speaker: 'ann', text: 'No end known.', start: 4.25 },
        { speaker: 'ann', text: 'Untimed, left out.' },
      ],
    });
    const text = episodeToPodcastJson(episode);
    expect(JSON.parse(text)).toEqual({
      version: '1.0.0',
      segments: [
        { startTime: 0, endTime: 1.5, body: '[music]' },
        { speaker: 'Ann Lee', startTime: 1.5, endTime: 4.25, body: 'Hello there.' },
        { speaker: 'Ann Lee', startTime: 4.25, body: 'No end known.' },
      ],
    });
    expect(Object.keys(JSON.parse(text).segments[1])).toEqual(['speaker', 'startTime', 'endTime', 'body']);
  });

  it('keeps hostile text verbatim as JSON strings', () => {
    const episode = makeEpisode({ id: 'h', speakers: people, lines: hostileTexts.map((text, i) => ({ speaker: 'ann', text: text.replace(/\s+/g, ' ').trim(), start: i, end: i + 1 })) });
    const bodies = episodeToPodcastTranscript(episode).segments.map((s) => s.body);
    expect(bodies).toContain('</script><script>alert(1)</script>');
    expect(bodies).toContain('an arrow --> inside the text');
  });

  it('writes valid times for every timed episode in the corpus', () => {
    for (const { episode } of corpus()) {
      for (const s of episodeToPodcastTranscript(episode).segments) {
        expect(Number.isFinite(s.startTime)).toBe(true);
        if (s.endTime !== undefined) expect(s.endTime).toBeGreaterThanOrEqual(s.startTime);
        expect(s.body.length).toBeGreaterThan(0);
      }
    }
  });
});

describe('episodeToJson', () => {
  it('is the episode schema as-is', () => {
    for (const { episode } of corpus()) expect(Episode.parse(JSON.parse(episodeToJson(episode)))).toEqual(episode);
  });
});
