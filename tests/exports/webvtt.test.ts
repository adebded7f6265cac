import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isTimed, oneLine } from '../../src/exports/cues.ts';
import { escapeVttText, episodeToWebvtt } from '../../src/exports/webvtt.ts';
import { isSoundAnnotation } from '../../src/transcript/text.ts';
import { makeEpisode } from '../knowledge/make-episode.ts';
import { hostileTexts } from './hostile.ts';
import { corpus, cueFacts, reparse, roundTripFacts, withUnattributedSpeech } from './round-trip.ts';

const people = [
  { id: 'ann', name: 'Ann Lee', role: 'host' as const },
  { id: 'bob', name: 'Bob <Stone> & Co', role: 'guest' as const },
];

describe('episodeToWebvtt', () => {
  it('writes a header, one cue per timed segment, voices and sounds', () => {
    const episode = makeEpisode({
      id: 'demo',
      title: 'Q&A <live>',
      speakers: people,
      lines: [
        { speaker: null, text: 'music', start: 0, end: 1.5 },
        { speaker: 'ann', text: 'Welcome & hello <there>.', start: 1.5, end: 4.25 },
        { speaker: 'bob', text: 'Thanks --> glad to be here.', start: 4.25, end: 3723.004 },
      ],
    });
    expect(episodeToWebvtt(episode)).toBe(
      [
        'WEBVTT - Q&A <live>',
        '',
        '00:00:00.000 --> 00:00:01.500',
        '[music]',
        '',
        '00:00:01.500 --> 00:00:04.250',
        '<v Ann Lee>Welcome &amp; hello &lt;there&gt;.',
        '',
        '00:00:04.250 --> 01:02:03.004',
        '<v Bob &lt;Stone&gt; &amp; Co>Thanks --&gt; glad to be here.',
        '',
      ].join('\n'),
    );
  });

  it('escapes &, < and > and nothing else', () => {
    expect(escapeVttText('a & b < c > d "e" \'f\'')).toBe('a &amp; b &lt; c &gt; d "e" \'f\'');
    expect(escapeVttText('&amp;')).toBe('&amp;amp;');
  });

  it('never lets cue text end a cue, open a tag or hold a blank line', () => {
    const episode = makeEpisode({
      id: 'hostile',
      speakers: people,
      lines: hostileTexts.map((text, i) => ({ speaker: i % 2 ? 'ann' : 'bob', text, start: i, end: i + 1 })),
    });
    const vtt = episodeToWebvtt(episode);
    const body = vtt.split('\n\n').slice(1);
    expect(body).toHaveLength(hostileTexts.length);
    for (const block of body) {
      const [timing, text, ...rest] = block.trimEnd().split('\n');
      expect(timing).toMatch(/^\d\d:\d\d:\d\d\.\d{3} --> \d\d:\d\d:\d\d\.\d{3}$/);
      expect(rest).toEqual([]);
      // Only the voice tag opens with `<`; no `-->` after the timing line.
      expect(text?.replace(/^<v [^<>]*>/, '')).not.toMatch(/[<>]|-->/);
    }
    expect(vtt).not.toContain('<script');
  });

  it('leaves out untimed segments and writes just the header for an untimed episode', () => {
    const untimed = makeEpisode({ id: 'untimed', speakers: people, lines: [{ speaker: 'ann', text: 'No times here.' }] });
    expect(isTimed(untimed)).toBe(false);
    expect(episodeToWebvtt(untimed)).toBe('WEBVTT - untimed\n');
  });

  it('drops a title the header cannot hold', () => {
    const episode = makeEpisode({ id: 'x', title: 'A --> B', speakers: people, lines: [{ speaker: 'ann', text: 'Hi.', start: 0, end: 1 }] });
    expect(episodeToWebvtt(episode).split('\n')[0]).toBe('WEBVTT');
  });

  it('ends a cue without an end at the next start, or after a reading-time guess', () => {
    const episode = makeEpisode({
      id: 'open-ends',
      speakers: people,
      lines: [
        { speaker: 'ann', text: 'One two three.', start: 5 },
        { speaker: 'ann', text: 'Four five six seven eight.', start: 9 },
      ],
    });
    const timings = episodeToWebvtt(episode).split('\n').filter((l) => l.includes('-->'));
    expect(timings).toEqual(['00:00:05.000 --> 00:00:09.000', '00:00:09.000 --> 00:00:11.000']);
  });

  it('marks unattributed speech after a named speaker as a new turn, so it is not read as theirs', () => {
    const episode = makeEpisode({
      id: 'unknown-voice',
      speakers: people,
      lines: [
        { speaker: 'ann', text: 'I will ask the room.', start: 0, end: 2 },
        { speaker: 'ann', text: 'From the audience.', start: 2, end: 4 },
      ],
    });
    const second = episode.segments[1];
    if (second) second.speaker = null;
    const vtt = episodeToWebvtt(episode);
    expect(vtt).toContain('\n&gt;&gt; From the audience.\n');
    const { episode: back } = reparse(vtt, 'back.vtt');
    expect(cueFacts(back).map((c) => c.speaker)).toEqual(['Ann Lee', null]);
  });
});

describe('WebVTT round trip through parseTranscript', () => {
  for (const { name, episode } of corpus().filter((c) => isTimed(c.episode))) {
    it(name, () => {
      const { episode: back, errors } = reparse(episodeToWebvtt(episode), `${episode.slug}.vtt`);
      expect(errors).toEqual([]);
      expect(roundTripFacts(episode, back)).toEqual(cueFacts(episode));
      if (!episode.title.includes('-->')) expect(back.title).toBe(oneLine(episode.title));
    });
  }

  it('keeps hostile text as text', () => {
    const unattributed = hostileTexts.map((_, i) => i).filter((i) => i % 3 === 2);
    const lines = hostileTexts.map((text, i) => ({ speaker: unattributed.includes(i) ? null : i % 2 ? 'ann' : 'bob', text, start: i * 2, end: i * 2 + 1.999 }));
    const episode = withUnattributedSpeech(makeEpisode({ id: 'hostile', speakers: people, lines }), unattributed);
    const { episode: back, errors } = reparse(episodeToWebvtt(episode), 'hostile.vtt');
    expect(errors).toEqual([]);
    expect(roundTripFacts(episode, back)).toEqual(cueFacts(episode));
    const texts = cueFacts(back).map((c) => c.text);
    expect(texts).toContain('</script><script>alert(1)</script>');
    expect(texts).toContain('already escaped: &amp; &lt; &#60; &copy and a bare & too');
    expect(texts).toContain('first line second line after a blank line');
  });

  it('keeps any text and any speaker name (property)', () => {
    const tricky = fc.constantFrom('<', '>', '&', '-->', '&amp;', '\n', '\n\n', ' ', ':', '[', ']', 'v ', '</v>', '>>', '\u2028', '\u0000', '\t', ';', '#');
    const text = fc.array(fc.oneof(tricky, fc.string({ unit: 'binary', maxLength: 6 })), { maxLength: 12 }).map((parts) => parts.join(''));
    const usable = (t: string) => oneLine(t).length > 0 && !isSoundAnnotation(oneLine(t));
    fc.assert(
      fc.property(fc.array(text.filter(usable), { minLength: 1, maxLength: 6 }), text.filter(usable), (texts, name) => {
        const episode = makeEpisode({
          id: 'prop',
          speakers: [{ id: 'ann', name }],
          lines: texts.map((t, i) => ({ speaker: 'ann', text: t, start: i, end: i + 0.5 })),
        });
        const { episode: back } = reparse(episodeToWebvtt(episode), 'prop.vtt');
        expect(roundTripFacts(episode, back)).toEqual(cueFacts(episode));
      }),
      { numRuns: 300 },
    );
  });
});
