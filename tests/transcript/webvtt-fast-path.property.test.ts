/**
 * Property: the WebVTT fast path changes nothing. Every generated file
 * (common cues mixed with every quirk, truncated and mutated; see
 * webvtt-inputs.ts) parses to the same segments, title, chapters and
 * diagnostics with the fast path on and off, and the fast path does read
 * a good share of the cues, so the comparison is not vacuous.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/transcript/diagnostics.ts';
import { parseWebvtt } from '../../src/transcript/formats/webvtt.ts';
import { syntheticVtt } from '../../scripts/corpus.ts';
import { webvttLike } from './webvtt-inputs.ts';

const seed = Number(process.env.FUZZ_SEED ?? 20260107);
const scale = Number(process.env.FUZZ_SCALE ?? 1);

/** The parse with the fast path on or off: the transcript and the diagnostics reported. */
function read(text: string, fastPath: boolean, stats?: { fastCues: number }) {
  const diagnostics = new Diagnostics('x.vtt');
  const raw = stats ? parseWebvtt(text, diagnostics, { fastPath, stats }) : parseWebvtt(text, diagnostics, { fastPath });
  return { raw, diagnostics: diagnostics.list };
}

describe('WebVTT fast path', () => {
  it('gives what the general reader gives, on generated files', () => {
    const stats = { fastCues: 0 };
    let segments = 0;
    fc.assert(
      fc.property(webvttLike, (text) => {
        const fast = read(text, true, stats);
        expect(fast).toEqual(read(text, false));
        segments += fast.raw.segments.length;
      }),
      { seed, numRuns: Math.round(3000 * scale) },
    );
    // Most generated cues are in the common shape; the fast path must have read many of them.
    expect(stats.fastCues).toBeGreaterThan(segments / 4);
  });

  it('reads every cue of the synthetic benchmark file', () => {
    const text = syntheticVtt(200_000);
    const stats = { fastCues: 0 };
    const fast = read(text, true, stats);
    expect(fast).toEqual(read(text, false));
    expect(stats.fastCues).toBe(fast.raw.segments.length);
  });

  it('hands over at each quirk and takes up again after it', () => {
    const text = [
      'WEBVTT - Quirks',
      '',
      '00:00:01.000 --> 00:00:02.000',
      '<v Ann>Plain words.',
      '',
      'NOTE a comment',
      '',
      '1',
      '00:00:02.000 --> 00:00:03.000 align:start',
      '<v.loud Bo>Two lines',
      'of text.</v>',
      '',
      '00:00:03.000 --> 00:00:04.000',
      'Fish &amp; chips <i>now</i>',
      '',
      '00:00:02.500 --> 00:00:05.000',
      'Out of order.',
      '',
      '00:00:05.000 --> 00:00:06.000',
      '<v Ann>Hi <v Bo>both',
      '',
      '00:00:06.000 --> 00:00:07.000',
      'Speaker 1: labelled',
      '',
      '00:00:07.000 --> 00:00:08.000',
      '<v Ann>[Music]',
      '',
      '00:00:08.000 --> 00:00:07.000',
      'Reversed.',
      '00:00:09.000 --> 00:00:10.000',
      'Straight after.',
      '',
      '00:00:10.000 --> 00:00:11.000',
      '<v Ann -->an arrow in a voice',
    ].join('\n');
    const stats = { fastCues: 0 };
    const fast = read(text, true, stats);
    expect(fast).toEqual(read(text, false));
    expect(fast.diagnostics.map((d) => d.code)).toEqual(['time-out-of-order', 'time-end-before-start', 'vtt-empty-cue', 'vtt-bad-timing']);
    // Plain, id + two lines, [Music], straight after; `Speaker 1:` falls in the rest after two misses in a row.
    expect(stats.fastCues).toBe(4);
  });
});
