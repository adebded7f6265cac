import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isTimed, oneLine, timedCues } from '../../src/exports/cues.ts';
import { episodeToSrt, escapeSrtText } from '../../src/exports/srt.ts';
import type { Episode } from '../../src/transcript/schema.ts';
import { splitSpeakerLabel } from '../../src/transcript/speaker-label.ts';
import { isSoundAnnotation } from '../../src/transcript/text.ts';
import { makeEpisode } from '../knowledge/make-episode.ts';
import { hostileTexts } from './hostile.ts';
import { corpus, cueFacts, reparse, roundTripFacts } from './round-trip.ts';

const people = [
  { id: 'ann', name: 'Ann Lee', role: 'host' as const },
  { id: 'bob', name: 'Bob Stone', role: 'guest' as const },
];

/**
 * Whether an SRT reader can recover every speaker: SRT names a speaker only
 * by a `Name:` prefix, and a plain name (not `Speaker 2`) counts as a label
 * only when it recurs, so each named speaker needs two turns; and nothing
 * in SRT says "unknown speaker" after a named one.
 */
function srtKeepsSpeakers(episode: Episode): boolean {
  const turns = new Map<string, number>();
  let previous: string | null = null;
  for (const cue of timedCues(episode)) {
    if (cue.kind !== 'speech') continue;
    if (cue.speaker === null && previous !== null) return false;
    if (cue.speaker !== null && cue.turnStart) turns.set(cue.speaker, (turns.get(cue.speaker) ?? 0) + 1);
    previous = cue.speaker;
  }
  return [...turns].every(([name, n]) => {
    const label = splitSpeakerLabel(`${name}: x`)?.label;
    return label?.name === name && (label.strong || n >= 2);
  });
}

describe('episodeToSrt', () => {
  it('numbers cues and names the speaker where it changes', () => {
    const episode = makeEpisode({
      id: 'demo',
      speakers: people,
      lines: [
        { speaker: null, text: 'music', start: 0, end: 1.5 },
        { speaker: 'ann', text: 'Welcome to <i>the show</i> & hello.', start: 1.5, end: 4.25 },
        { speaker: 'ann', text: 'Speaker 2: is not a label here.', start: 4.25, end: 5 },
        { speaker: 'ann', text: 'Still me.', start: 5, end: 6 },
        { speaker: 'bob', text: 'Thanks --> glad &amp; here.', start: 6, end: 3723.004 },
      ],
    });
    expect(episodeToSrt(episode)).toBe(
      [
        '1',
        '00:00:00,000 --> 00:00:01,500',
        '[music]',
        '',
        '2',
        '00:00:01,500 --> 00:00:04,250',
        'Ann Lee: Welcome to &lt;i>the show&lt;/i> & hello.',
        '',
        '3',
        '00:00:04,250 --> 00:00:05,000',
        'Ann Lee: Speaker 2: is not a label here.',
        '',
        '4',
        '00:00:05,000 --> 00:00:06,000',
        'Still me.',
        '',
        '5',
        '00:00:06,000 --> 01:02:03,004',
        'Bob Stone: Thanks --&gt; glad &amp;amp; here.',
        '',
      ].join('\n'),
    );
  });

  it('escapes only what an SRT reader would misread', () => {
    expect(escapeSrtText('Tom & Jerry <3 a<b {not ASS}')).toBe('Tom & Jerry <3 a<b {not ASS}');
    expect(escapeSrtText('&amp; &#60; &copy')).toBe('&amp;amp; &amp;#60; &amp;copy');
    expect(escapeSrtText('<i>x</i> <FONT color="red">y</font> <b>')).toBe('&lt;i>x&lt;/i> &lt;FONT color="red">y&lt;/font> &lt;b>');
    expect(escapeSrtText('<b and no end, <script>')).toBe('<b and no end, <script>');
    expect(escapeSrtText('{\\an8}top')).toBe('&#123;\\an8}top');
    expect(escapeSrtText('1 00:00:01,000 --> 00:00:02,000')).toBe('1 00:00:01,000 --&gt; 00:00:02,000');
  });

  it('writes nothing for an untimed episode', () => {
    const untimed = makeEpisode({ id: 'untimed', speakers: people, lines: [{ speaker: 'ann', text: 'No times here.' }] });
    expect(episodeToSrt(untimed)).toBe('');
  });

  it('puts every hostile text on one line of its cue', () => {
    const episode = makeEpisode({ id: 'hostile', speakers: people, lines: hostileTexts.map((text, i) => ({ speaker: 'ann', text, start: i, end: i + 1 })) });
    const blocks = episodeToSrt(episode).trimEnd().split('\n\n');
    expect(blocks).toHaveLength(hostileTexts.length);
    blocks.forEach((block, i) => {
      const lines = block.split('\n');
      expect(lines).toHaveLength(3);
      expect(lines[0]).toBe(String(i + 1));
      expect(lines[2]).not.toContain('-->');
    });
  });
});

describe('SRT round trip through parseTranscript', () => {
  for (const { name, episode } of corpus().filter((c) => isTimed(c.episode))) {
    it(name, () => {
      const { episode: back, errors } = reparse(episodeToSrt(episode), `${episode.slug}.srt`);
      expect(errors).toEqual([]);
      const before = cueFacts(episode);
      const after = roundTripFacts(episode, back);
      if (srtKeepsSpeakers(episode)) {
        expect(after).toEqual(before);
        return;
      }
      // Times, kinds and words survive; a name the reader did not take as a label stays in the text.
      expect(after.map(({ startMs, endMs, kind }) => ({ startMs, endMs, kind }))).toEqual(before.map(({ startMs, endMs, kind }) => ({ startMs, endMs, kind })));
      after.forEach((cue, i) => {
        const original = before[i];
        expect([original?.text, `${original?.speaker}: ${original?.text}`]).toContain(cue.text);
      });
    });
  }

  it('keeps hostile text as text', () => {
    const lines = hostileTexts.map((text, i) => ({ speaker: i % 2 ? 'ann' : 'bob', text, start: i * 2, end: i * 2 + 1.999 }));
    const episode = makeEpisode({ id: 'hostile', speakers: people, lines });
    expect(srtKeepsSpeakers(episode)).toBe(true);
    const { episode: back, errors } = reparse(episodeToSrt(episode), 'hostile.srt');
    expect(errors).toEqual([]);
    expect(roundTripFacts(episode, back)).toEqual(cueFacts(episode));
    const texts = cueFacts(back).map((c) => c.text);
    expect(texts).toContain('</script><script>alert(1)</script>');
    expect(texts).toContain('<i>not italic</i> <b>not bold</b> <c.yellow>not a class</c>');
    expect(texts).toContain('1 00:00:01,000 --> 00:00:02,000 a fake SRT cue');
  });

  it('keeps any text between recurring speakers (property)', () => {
    const tricky = fc.constantFrom('<', '>', '&', '-->', '&amp;', '<i>', '</b>', '{\\an8}', '\n', '\n\n', ' ', ':', '12 ', '00:00:01,000', '>>', '\u2028', '\u0000', '#', ';');
    const text = fc.array(fc.oneof(tricky, fc.string({ unit: 'binary', maxLength: 6 })), { maxLength: 12 }).map((parts) => parts.join(''));
    const usable = (t: string) => oneLine(t).length > 0 && !isSoundAnnotation(oneLine(t));
    const names = fc.constantFrom('Ann Lee', 'Zoë Lindqvist', 'Speaker 3', 'Seán O’Brien', 'DR. NO');
    fc.assert(
      fc.property(fc.array(text.filter(usable), { minLength: 6, maxLength: 10 }), names, (texts, name) => {
        const speakers = [{ id: 'a', name }, { id: 'b', name: 'Bob Stone' }];
        // Each speaker starts at least two turns (a plain name must recur to count), and some cues continue a turn unlabelled.
        const order = ['a', 'a', 'b', 'b', 'a', 'b'];
        const lines = texts.map((t, i) => ({ speaker: order[i % order.length] ?? 'a', text: t, start: i, end: i + 0.5 }));
        const episode = makeEpisode({ id: 'prop', speakers, lines });
        const { episode: back } = reparse(episodeToSrt(episode), 'prop.srt');
        expect(roundTripFacts(episode, back)).toEqual(cueFacts(episode));
      }),
      { numRuns: 300 },
    );
  });
});
