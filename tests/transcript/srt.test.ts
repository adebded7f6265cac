import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/transcript/diagnostics.ts';
import { srt } from '../../src/transcript/formats/srt.ts';
import { labelled } from './labelled.ts';

function parse(text: string) {
  const diagnostics = new Diagnostics('t.srt');
  const raw = srt.parse(text, diagnostics);
  return { segments: labelled(raw), codes: diagnostics.list.map((d) => `${d.line}:${d.column} ${d.code}`) };
}
const texts = (text: string) => parse(text).segments.map((s) => s.text);

describe('srt', () => {
  it('reads numbered cues with labels', () => {
    const { segments, codes } = parse('1\n00:00:02,440 --> 00:00:03,520\nSpeaker 1: Hello there.\n\n2\n00:00:03,520 --> 00:00:05,000\nSpeaker 2: Hi.\n');
    expect(codes).toEqual([]);
    expect(segments).toMatchObject([
      { start: 2.44, end: 3.52, label: { name: 'Speaker 1', strong: true }, text: 'Hello there.', line: 1, column: 1 },
      { start: 3.52, end: 5, label: { name: 'Speaker 2' }, text: 'Hi.', line: 5 },
    ]);
  });

  it('re-splits the one-line variant and keeps numbers and arrows inside text', () => {
    const line =
      '1 00:00:01,000 --> 00:00:02,000 Speaker 1: It cost 3 dollars in 2019 and 12 00:00 was the time 2 00:00:02,000 --> 00:00:04,000 A --> B is an arrow 3 00:00:04,000 --> 00:00:05,000 Done.';
    const { segments, codes } = parse(line);
    expect(codes).toEqual([]);
    expect(segments.map((s) => [s.start, s.text])).toEqual([
      [1, 'It cost 3 dollars in 2019 and 12 00:00 was the time'],
      [2, 'A --> B is an arrow'],
      [4, 'Done.'],
    ]);
    expect(segments.map((s) => s.column)).toEqual([1, line.indexOf('2 00:00:02') + 1, line.indexOf('3 00:00:04') + 1]);
  });

  it('accepts clock variants: dot, short fractions, single-digit fields, no spaces around the arrow', () => {
    const { segments, codes } = parse('1\n0:0:1.5-->0:0:2\nA\n\n2\n00:00:03,04 --> 00:00:04,000\nB\n');
    expect(codes).toEqual([]);
    expect(segments.map((s) => [s.start, s.end])).toEqual([
      [1.5, 2],
      [3.04, 4],
    ]);
  });

  it('accepts missing and zero cue numbers and missing blank lines', () => {
    expect(texts('00:00:01,000 --> 00:00:02,000\nA\n00:00:02,000 --> 00:00:03,000\nB\n0\n00:00:03,000 --> 00:00:04,000\nC')).toEqual(['A', 'B', 'C']);
  });

  it('keeps extra blank lines and multi-line text as one cue', () => {
    expect(texts('\n\n1\n00:00:01,000 --> 00:00:02,000\nline one\nline two\n\n\n\n2\n00:00:02,000 --> 00:00:03,000\nB\n\n')).toEqual(['line one line two', 'B']);
  });

  it('strips formatting tags and overrides, decodes entities once, keeps other angle text', () => {
    expect(texts('1\n00:00:01,000 --> 00:00:02,000\n{\\an8}<i>Tom</i> &amp; <font color="red">Jerry</font> &amp;lt; 3 <x>\n')).toEqual(['Tom & Jerry &lt; 3 <x>']);
  });

  it('marks whole-cue sound annotations', () => {
    expect(parse('1\n00:00:01,000 --> 00:00:02,000\n[Music]\n').segments[0]).toMatchObject({ kind: 'sound', text: 'music' });
  });

  it('does not take times, URLs or notes as speaker labels', () => {
    const { segments } = parse('1\n00:00:01,000 --> 00:00:02,000\n10:30: meet at http://x.org\n\n2\n00:00:02,000 --> 00:00:03,000\nhttp://example.org is good\n');
    expect(segments.map((s) => s.label)).toEqual([null, null]);
  });

  it('reports bad times with line numbers and keeps the good cues', () => {
    const text = [
      '1', '00:00:06,000 --> 00:00:07,000', 'Good.', '',
      '2', '00:00:05,000 --> 00:00:04,000', 'Backwards.', '',
      '3', '00:99:00,000 --> 01:00:00,000', 'Range.', '',
      '4', '00:00:03,000 --> 00:00:04,000', 'Earlier.', '',
      '5', '-00:00:01,000 --> 00:00:02,000', 'Negative.', '',
      '6', '00:00:09,000 --> 00:00:10,000', '', '',
      '7', '1000000:00:01,000 --> 1000000:00:02,000', 'Too many hours.',
      '', '8', '0000:00:11,000 --> 0000:00:12,000', 'Long hours.',
    ].join('\n');
    const { segments, codes } = parse(text);
    expect(segments.map((s) => s.text)).toEqual(['Good.', 'Earlier.', 'Long hours.']);
    // Timing problems point at the timing line, not at the cue number above it.
    expect(codes).toEqual([
      '6:1 time-end-before-start',
      '10:1 time-out-of-range',
      '14:1 time-out-of-order',
      '18:1 time-invalid',
      '22:1 srt-empty-cue',
      '26:1 time-out-of-range',
    ]);
  });

  it('points a bad end time at its clock, and one-line cues at their timing', () => {
    expect(parse('1\n00:00:01,000 --> 00:00:61,000\nToo many seconds.\n').codes).toEqual(['2:18 time-out-of-range']);
    expect(parse('00:00:01,000 --> 00:00:02,0000\nNo index line.\n').codes).toEqual(['1:18 time-invalid']);
    const oneLine = '1 00:00:01,000 --> 00:00:02,000 Fine. 2 00:00:03,000 --> 00:00:02,500 Backwards. 3 00:00:04,000 --> 00:00:61,000 Bad end.';
    expect(parse(oneLine).codes).toEqual([
      `1:${oneLine.indexOf('00:00:03,000') + 1} time-end-before-start`,
      `1:${oneLine.indexOf('00:00:61,000') + 1} time-out-of-range`,
    ]);
  });

  it('gives the label of a cue that holds only a label to the next cue, which has none of its own', () => {
    const cue = (n: number, text: string) => `${n}\n00:00:0${n},000 --> 00:00:0${n},900\n${text}\n`;
    const r = parse([cue(1, 'Speaker 1:'), cue(2, 'Welcome back.'), cue(3, 'Speaker 2:'), cue(4, '[music]'), cue(5, 'Thanks.'), cue(6, 'Ann Lee:'), cue(7, 'Hi.')].join('\n'));
    expect(r.codes).toEqual([]);
    expect(r.segments.map((s) => `${s.start} ${s.label?.name ?? '-'}: ${s.text}`)).toEqual([
      '2 Speaker 1: Welcome back.',
      // A sound is nobody's words: the label waits for the next speech.
      '4 -: music',
      '5 Speaker 2: Thanks.',
      '7 Ann Lee: Hi.',
    ]);
    expect(r.segments[0]).toMatchObject({ line: 5, column: 1 });
  });

  it('drops a label-only cue with a warning when the next cue has its own label, or none follows', () => {
    const r = parse('1\n00:00:01,000 --> 00:00:02,000\nSpeaker 1:\n\n2\n00:00:02,000 --> 00:00:03,000\nSpeaker 2: Hello.\n\n3\n00:00:03,000 --> 00:00:04,000\n  Speaker 2:  \n');
    expect(r.segments.map((s) => `${s.label?.name ?? '-'}: ${s.text}`)).toEqual(['Speaker 2: Hello.']);
    expect(r.codes).toEqual(['3:1 srt-label-only-cue', '11:3 srt-label-only-cue']);
    const one = parse('1 00:00:01,000 --> 00:00:02,000 Speaker 1: 2 00:00:02,000 --> 00:00:03,000 Welcome.');
    expect(one.segments.map((s) => `${s.label?.name ?? '-'}: ${s.text}`)).toEqual(['Speaker 1: Welcome.']);
  });

  it('reports text outside any cue', () => {
    expect(parse('stray words\n\n1\n00:00:01,000 --> 00:00:02,000\nA\n').codes).toEqual(['1:1 srt-cue-without-timing']);
  });

  it('detects SRT by content, not WebVTT', () => {
    expect(srt.detect('1\n00:00:01,000 --> 00:00:02,000\nA\n')).toBeGreaterThan(0.9);
    expect(srt.detect('1 00:00:01,000 --> 00:00:02,000 A 2 00:00:02,000 --> 00:00:03,000 B')).toBeGreaterThan(0.9);
    expect(srt.detect('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nA\n')).toBe(0);
    expect(srt.detect('Just some prose: 10:30 is a time.')).toBe(0);
  });

  it('parses a multi-megabyte one-line file in linear time', () => {
    const cue = (i: number) => `${i} 00:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')},000 --> 00:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')},500 Speaker 1: some words 42 and --> more `;
    const parts: string[] = [];
    for (let i = 1; i <= 3600; i++) parts.push(cue(i));
    const big = parts.join('').repeat(20); // ~5 MB
    const { segments } = parse(big);
    expect(big.length).toBeGreaterThan(5_000_000);
    expect(segments.length).toBe(3600 * 20);
  });

  it('never throws and keeps segment invariants on arbitrary input', () => {
    const piece = fc.constantFrom('1', '\n', ' ', '00:00:01,000', ' --> ', '-->', '00:00:02,5', 'Speaker 1:', 'word', '<i>', '&amp;', '-', '99:99:99,999', '');
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.array(piece, { maxLength: 80 }).map((a) => a.join(''))), (text) => {
        const { segments } = parse(text);
        for (const s of segments) {
          expect(s.text.length).toBeGreaterThan(0);
          expect(s.text).not.toMatch(/[\n\r\0]/);
          if (s.start !== null && s.end !== null) expect(s.start).toBeLessThanOrEqual(s.end);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
