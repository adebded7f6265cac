/**
 * The SRT fast path (srt-fast-path.ts) is an optimisation, not a second
 * parser: with it and without it, every input gives the same segments and
 * the same diagnostics. Checked on the fixture corpus, on generated SRT that
 * mixes well-formed cues with every quirk the general parser handles, and on
 * those documents cut and mutated at random.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/transcript/diagnostics.ts';
import { clockRead } from '../../src/transcript/formats/clock.ts';
import { readWellFormedCues } from '../../src/transcript/formats/srt-fast-path.ts';
import { parseSrt } from '../../src/transcript/formats/srt.ts';
import { RawSegments } from '../../src/transcript/formats/raw-segments.ts';
import { decodeSource } from '../../src/transcript/source-text.ts';
import { loadCorpus } from '../fuzz/mutations.ts';

const seed = Number(process.env.FUZZ_SEED ?? 20261123);

function run(text: string, fastPath: boolean) {
  const diagnostics = new Diagnostics('t.srt');
  const raw = parseSrt(text, diagnostics, { fastPath });
  return { segments: raw.segments, labels: raw.labels, diagnostics: diagnostics.list };
}

function expectSame(text: string): void {
  expect(run(text, true), JSON.stringify(text.slice(0, 400))).toEqual(run(text, false));
}

/** How much of `text` the fast path reads before it hands over. */
function fastShare(text: string): number {
  const segments = new RawSegments();
  return readWellFormedCues(text, segments, clockRead()).offset / Math.max(1, text.length);
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const clock = (ms: number, sep = ',') =>
  `${pad(Math.floor(ms / 3600000), 2)}:${pad(Math.floor(ms / 60000) % 60, 2)}:${pad(Math.floor(ms / 1000) % 60, 2)}${sep}${pad(ms % 1000, 3)}`;

/** A cue's index line: usually a number, sometimes missing, zero, padded or glued to the timing. */
const indexLine = (q: number) => fc.oneof(
  { weight: 8 * q, arbitrary: fc.nat({ max: 99999 }).map((n) => `${n}\n`) },
  { weight: 1, arbitrary: fc.constantFrom('', '0\n', ' 7\n', '7 \n', '7 ', 'x\n', '\n', '12345678901\n') },
);

/** A timing line around `ms`: mostly well-formed, with every variant the general parser reads or reports. */
const timingLine = (ms: number, q: number) =>
  fc.oneof(
    { weight: 10 * q, arbitrary: fc.nat({ max: 5000 }).map((d) => `${clock(ms)} --> ${clock(ms + d)}\n`) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        `${clock(ms, '.')} --> ${clock(ms + 900, '.')}\n`,
        `${clock(ms)}-->${clock(ms + 900)}\n`,
        `${clock(ms)}  -->  ${clock(ms + 900)}\n`,
        `${clock(ms)} --> ${clock(ms + 900)} X1:40 X2:600\n`,
        `${clock(ms + 900)} --> ${clock(ms)}\n`,
        `${clock(0)} --> ${clock(1)}\n`,
        `0:0:1 --> 0:0:2\n`,
        `00:61:00,000 --> 00:62:00,000\n`,
        `00:00:01,0000 --> 00:00:02,000\n`,
        `-00:00:01,000 --> 00:00:02,000\n`,
        `00:00:01,000 --> -00:00:02,000\n`,
        `00:00:01,000 --> \n`,
        `${clock(ms)} --> ${clock(ms + 900)}`,
        ` ${clock(ms)} --> ${clock(ms + 900)}\n`,
        `${clock(ms)} --> ${clock(ms + 900)} \n`,
        `1088:43:01,350 --> 1088:43:03,000\n`,
        `0001088:43:01,350 --> 0001088:43:03,000\n`,
        `1000000:00:00,000 --> 1000000:00:01,000\n`,
      ),
    },
  );

/** One line of cue text: mostly plain words, often labelled, sometimes with markup or traps. */
const word = fc.constantFrom('power', 'grid', 'Grid,', 'rates.', 'we', '3', '2019', 'U.S.', 'well?', 'data-centre', 'naïve', '日本', 'ok!');
const plainText = fc.array(word, { minLength: 1, maxLength: 9 }).map((ws) => ws.join(' '));
const textLine = (q: number) => fc.oneof(
  { weight: 6 * q, arbitrary: plainText },
  { weight: 4 * q, arbitrary: fc.tuple(fc.constantFrom('Speaker 1: ', 'Speaker 2: ', 'SPEAKER_03: ', 'Ann Lee: ', 'Note: ', 'Speaker 1:', '>> Ann: '), plainText).map(([l, t]) => l + t) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '[music]',
      '(laughter)',
      '♪ ♪',
      '[ __ ]',
      '<i>Speaker 1: italic</i>',
      '{\\an8}top line',
      'Tom &amp; Jerry',
      'a --> b',
      'a > b',
      '1 00:00:09,000 --> 00:00:10,000 glued',
      '00:00:09,000 --> 00:00:10,000',
      'two  spaces',
      ' leading',
      'trailing ',
      'tab\there',
      'nbsp\u00a0here',
      'zero\u200bwidth',
      '\u3000ideographic',
      '42',
      '   ',
      '<b></b>',
      'http://example.com: link',
      '10:30 start',
      'Speaker 1:',
      'Ann Lee:',
      '>> Ann:',
      'SPEAKER_03: ',
    ),
  },
);

/** Between cues: usually one blank line, sometimes none, several, or spaces. */
const separator = (q: number) => fc.oneof({ weight: 8 * q, arbitrary: fc.constant('\n') }, { weight: 2, arbitrary: fc.constantFrom('', '\n\n', '\n\n\n', '  \n', '\n \n') });

/** A cue; one part in about `q` × 10 is a quirk. */
const cue = (q: number) =>
  fc.record({
    index: indexLine(q),
    gap: fc.nat({ max: 4000 }),
    back: fc.nat({ max: 4 * q }).map((n) => n === 0),
    lines: fc.array(textLine(q), { minLength: q > 1 ? 1 : 0, maxLength: 3 }),
    after: separator(q),
  });

/**
 * A whole SRT document: a run of cues, with an optional preamble and ending.
 * Quirks are dense in some documents and rare in others, so the fast path
 * hands over at the first cue in some and after many cues in others.
 */
const document = fc
  .constantFrom(1, 4, 16)
  .chain((q) =>
    fc.record({
      q: fc.constant(q),
      before: q > 1 ? fc.constant('') : fc.constantFrom('', '', '\n', '\n\n', 'stray text\n\n', ' \n'),
      cues: fc.array(cue(q), { minLength: 0, maxLength: 12 * q }),
      end: fc.constantFrom('', '\n', '\n\n', ' '),
    }),
  )
  .chain(({ q, before, cues, end }) => {
    let ms = 1000;
    const parts = cues.map((c) => {
      ms = c.back ? Math.max(0, ms - c.gap) : ms + c.gap;
      return timingLine(ms, q).map((timing) => `${c.index}${timing}${c.lines.map((l) => `${l}\n`).join('')}${c.after}`);
    });
    return fc.tuple(...parts).map((cs) => `${before}${cs.join('')}${end}`);
  });

/** A document cut short, or with a few characters changed, inserted or removed. */
const damaged = fc
  .tuple(document, fc.array(fc.tuple(fc.nat(), fc.constantFrom('insert', 'delete', 'replace', 'cut')), { maxLength: 3 }), fc.constantFrom('\n', ' ', '>', '-->', ':', '0', '<', '&', '\n\n', 'x'))
  .map(([text, edits, token]) => {
    let out = text;
    for (const [at, kind] of edits) {
      const i = out.length === 0 ? 0 : at % out.length;
      if (kind === 'insert') out = out.slice(0, i) + token + out.slice(i);
      else if (kind === 'delete') out = out.slice(0, i) + out.slice(i + 1);
      else if (kind === 'replace') out = out.slice(0, i) + token + out.slice(i + token.length);
      else out = out.slice(0, i);
    }
    return out;
  });

describe('SRT fast path', () => {
  it('gives the general parser’s result on every fixture', () => {
    const { transcripts } = loadCorpus();
    expect(transcripts.length).toBeGreaterThan(50);
    for (const t of transcripts) {
      const source = decodeSource(t.bytes, new Diagnostics(t.file));
      if (source.usable) expectSame(source.text);
    }
  });

  it('gives the general parser’s result on generated SRT with every quirk', () => {
    fc.assert(fc.property(document, (text) => expectSame(text)), { seed, numRuns: 3000 });
  });

  it('gives the general parser’s result on damaged SRT', () => {
    fc.assert(fc.property(damaged, (text) => expectSame(text)), { seed, numRuns: 3000 });
  });

  it('reads the whole of a well-formed file, so the comparisons above exercise it', () => {
    const cues = Array.from({ length: 50 }, (_, i) => `${i + 1}\n${clock(i * 2000)} --> ${clock(i * 2000 + 1500)}\nSpeaker ${(i % 3) + 1}: Line ${i} of the talk.\n`);
    const text = cues.join('\n');
    expect(fastShare(text)).toBe(1);
    expectSame(text);
    // Well-formed documents from the generator: the fast path carries most of them a long way.
    const samples = fc.sample(document, { seed, numRuns: 300 });
    const read = samples.filter((t) => t.length > 0 && fastShare(t) > 0.5).length;
    expect(read).toBeGreaterThan(30);
  });
});
