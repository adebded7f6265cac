import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/transcript/diagnostics.ts';
import { timestampBullets } from '../../src/transcript/formats/timestamp-bullets.ts';
import { labelled } from './labelled.ts';

function parse(text: string) {
  const diagnostics = new Diagnostics('t.md');
  const raw = timestampBullets.parse(text, diagnostics);
  return { ...raw, segments: labelled(raw), codes: diagnostics.list.map((d) => `${d.line}:${d.column} ${d.code}`), messages: diagnostics.list.map((d) => d.message) };
}
const times = (text: string) => parse(text).segments.map((s) => [s.start, s.end, s.text]);

describe('timestamp bullets', () => {
  it('reads a front matter file with a preamble, skipping the preamble silently', () => {
    const text = [
      '---',
      'title: "Video: abc"',
      'date: ""',
      '---',
      '',
      '# Transcript: abc',
      '',
      '- URL: https://example.com/watch?v=abc',
      '- Retrieved at: 2025-01-01T00:00:00Z',
      '',
      '## Text',
      '',
      '- [00:00] well hello',
      '- [00:03] and welcome',
      '- [84:37] [Music]',
    ].join('\n');
    const raw = parse(text);
    expect(raw.codes).toEqual([]);
    expect(raw.title).toBeUndefined(); // "Transcript: abc" is an exporter label
    expect(raw.frontMatter).toEqual({ title: 'Video: abc', date: '' });
    expect(raw.frontMatterLines).toEqual({ title: 2, date: 3 });
    expect(raw.chapters).toEqual([]);
    expect(raw.segments).toEqual([
      { start: 0, end: 3, label: null, text: 'well hello', kind: 'speech', line: 13, column: 1 },
      { start: 3, end: 5077, label: null, text: 'and welcome', kind: 'speech', line: 14, column: 1 },
      { start: 5077, end: 5077, label: null, text: 'music', kind: 'sound', line: 15, column: 1 },
    ]);
  });

  it('takes a real # heading in the preamble as the title', () => {
    expect(parse('# Bridges, briefly\n\n- [00:01] hi\n').title).toBe('Bridges, briefly');
  });

  it('reads [H:MM:SS], [HH:MM:SS], spaces inside brackets and * / + bullets', () => {
    expect(times('- [59:59] a\n* [1:02:03] b\n+ [ 01:02:04 ] c\n  - [  62:05] d\n')).toEqual([
      [3599, 3723, 'a'],
      [3723, 3724, 'b'],
      [3724, 3725, 'c'],
      [3725, 3725, 'd'],
    ]);
  });

  it('strips inline Markdown and decodes entities once', () => {
    expect(times('- [00:01] **bold** and [a link](https://e.org/x_y) `code` _it_ &amp;lt; <i>x</i>\n')).toEqual([
      [1, 1, 'bold and a link code it &lt; x'],
    ]);
  });

  it('reads speaker labels, bold or plain', () => {
    const { segments } = parse('- [00:01] **Ann:** Hello.\n- [00:02] Bo: Hi.\n');
    expect(segments.map((s) => [s.label, s.text])).toEqual([
      [{ name: 'Ann', strong: true, raw: '' }, 'Hello.'],
      [{ name: 'Bo', strong: false, raw: 'Bo:' }, 'Hi.'],
    ]);
  });

  it('treats an escaped \\[01:00\\] as text', () => {
    const raw = parse('- [00:01] a\n- \\[01:00\\] literal\n');
    expect(raw.segments.map((s) => [s.start, s.text])).toEqual([
      [1, 'a'],
      [null, '[01:00] literal'],
    ]);
    expect(raw.codes).toEqual(['2:1 bullets-untimed']);
  });

  it('reports look-alike times ([64:80], [0:8]) and keeps the bullets as untimed text', () => {
    const raw = parse('- [00:01] a\n- [64:80] b\n- [0:8] c\n- [00:09] d\n');
    expect(raw.segments.map((s) => [s.start, s.end, s.text])).toEqual([
      [1, 9, 'a'],
      [null, null, '[64:80] b'],
      [null, null, '[0:8] c'],
      [9, 9, 'd'],
    ]);
    expect(raw.codes).toEqual(['2:3 bullets-bad-timestamp', '3:3 bullets-bad-timestamp']);
    expect(raw.messages[0]).toBe('"[64:80]" looks like a timestamp but is not a valid time (seconds past 59); kept as text without a time. Write [MM:SS] or [H:MM:SS]');
  });

  it('lets a look-alike end the preamble, so its text is not dropped silently', () => {
    const raw = parse('- URL: x\n- [0:8] first words\n- [00:10] more\n');
    expect(raw.segments.map((s) => s.text)).toEqual(['[0:8] first words', 'more']);
    expect(raw.codes).toEqual(['2:3 bullets-bad-timestamp']);
  });

  it('keeps untimed bullets and stray text after the first timed bullet, with a warning', () => {
    const raw = parse('- [00:01] a\n- no time here\n\nstray line\n- [00:05] b\n- \n');
    expect(raw.segments.map((s) => [s.start, s.text, s.line])).toEqual([
      [1, 'a', 1],
      [null, 'no time here', 2],
      [null, 'stray line', 4],
      [5, 'b', 5],
    ]);
    expect(raw.codes).toEqual(['2:1 bullets-untimed', '4:1 bullets-untimed']);
  });

  it('joins lazy continuation lines to their bullet', () => {
    const raw = parse('- [00:01] first part\n  second part\nthird part\n\n- [00:04] next\n');
    expect(raw.codes).toEqual([]);
    expect(times('- [00:01] first part\n  second part\nthird part\n\n- [00:04] next\n')).toEqual([
      [1, 4, 'first part second part third part'],
      [4, 4, 'next'],
    ]);
  });

  it('warns when times go backwards and never lets an end precede its start', () => {
    const raw = parse('- [00:10] a\n- [00:05] b\n- [00:20] c\n');
    expect(raw.codes).toEqual(['2:3 time-out-of-order']);
    expect(raw.segments.map((s) => [s.start, s.end])).toEqual([
      [10, 10],
      [5, 20],
      [20, 20],
    ]);
  });

  it('uses empty timed bullets as boundaries only', () => {
    expect(times('- [00:01] a\n- [00:04]\n- [00:09] b\n')).toEqual([
      [1, 4, 'a'],
      [9, 9, 'b'],
    ]);
  });

  it('turns headings after the first timed bullet into chapters', () => {
    const raw = parse('## Text\n\n- [00:01] a\n\n## Part two\n\n- [00:05] b\n\n## Trailing\n');
    expect(raw.chapters).toEqual([{ title: 'Part two', segment: 1 }]);
  });

  it('keeps front matter problems in file lines', () => {
    expect(parse('---\ntitle: a\ntitle: b\n---\n- [00:01] x\n').codes).toEqual(['3:1 yaml-duplicate-key']);
    const unclosed = parse('---\ntitle: a\n- [00:01] x\n');
    expect(unclosed.codes).toEqual(['1:1 frontmatter-unclosed']);
    expect(unclosed.segments.map((s) => [s.text, s.line])).toEqual([['x', 3]]);
  });

  it('parses a long file in linear time', () => {
    const text = Array.from({ length: 100_000 }, (_, i) => `- [${Math.floor(i / 60)}:${String(i % 60).padStart(2, '0')}] word ${i}`).join('\n');
    const raw = parse(text);
    expect(raw.segments).toHaveLength(100_000);
    expect(raw.segments.at(-1)?.start).toBe(99_999);
  });
});

describe('timestamp bullets detection', () => {
  it('is sure when timed bullets are most list items, unsure for a few, 0 otherwise', () => {
    expect(timestampBullets.detect('- [00:01] a\n- [00:02] b\n- [1:00:03] c\n- URL: x\n')).toBeCloseTo(0.9);
    expect(timestampBullets.detect('- [00:01] a\n- b\n- c\n- d\n')).toBeCloseTo(0.5);
    expect(timestampBullets.detect('Just prose.\n')).toBe(0);
    expect(timestampBullets.detect('- \\[00:01\\] a\n- \\[00:02\\] b\n- \\[00:03\\] c\n')).toBe(0);
  });
});

describe('timestamp bullets properties', () => {
  const fragment = fc.oneof(
    fc.constantFrom('---', '...', '- [12:34] word', '* [1:02:03] **A:** x', '+ [ 00:01 ] y', '- [64:80] z', '- [0:8] q', '- \\[01:00\\] e', '**A:** x', '# h', '## h2', '&amp;', '[', '- ', '- [Music]', '- URL: u', ''),
    fc.string({ maxLength: 12 }),
    fc.tuple(fc.nat(200), fc.nat(99)).map(([m, s]) => `- [${m}:${String(s).padStart(2, '0')}] w`),
  );
  const text = fc.oneof(fc.string(), fc.array(fragment, { maxLength: 30 }).map((parts) => parts.join('\n')));

  it('never throws and yields well-formed segments', () => {
    fc.assert(
      fc.property(text, (t) => {
        const raw = parse(t);
        const lines = t.split('\n').length;
        for (const s of raw.segments) {
          expect(s.text.length).toBeGreaterThan(0);
          expect(s.text).not.toContain('\n');
          expect((s.start === null) === (s.end === null)).toBe(true);
          if (s.start !== null && s.end !== null) expect(s.start).toBeLessThanOrEqual(s.end);
          expect(s.line).toBeGreaterThanOrEqual(1);
          expect(s.line).toBeLessThanOrEqual(lines);
          expect(s.column).toBeGreaterThanOrEqual(1);
        }
        for (const c of raw.chapters) expect(c.segment).toBeLessThan(raw.segments.length);
      }),
      { numRuns: 500 },
    );
  });
});
