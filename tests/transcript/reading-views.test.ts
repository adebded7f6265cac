/**
 * Paragraphs: built by slicing one shared string (paragraphs.ts,
 * shared-text.ts), they are what the straightforward join of each
 * paragraph's pieces gives (reading-views.reference.ts), on generated
 * segments rich in sentence ends, abbreviations, odd whitespace, sound
 * annotations, speaker changes and pauses, and on every fixture episode.
 * Segments pointed at the shared string keep their texts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UNPUNCTUATED_MAX_CHARS, buildReadingViews, isPunctuated } from '../../src/transcript/normalize/paragraphs.ts';
import { joinSegmentText, shareSegmentText } from '../../src/transcript/normalize/shared-text.ts';
import { parseTranscript } from '../../src/transcript/parse-transcript.ts';
import type { Segment } from '../../src/transcript/schema.ts';
import { loadCorpus } from '../fuzz/mutations.ts';
import { referenceParagraphs } from './reading-views.reference.ts';

const seed = Number(process.env.FUZZ_SEED ?? 20261123);

const word = fc.constantFrom(
  'grid',
  'Power',
  'rates.',
  'U.S.',
  'Dr.',
  'J.',
  'end!',
  'why?',
  'so…',
  'quote."',
  '(aside).',
  'done.)',
  'it’s',
  '日本。',
  'naïve',
  '3.5',
  'e.g.',
  'vs.',
  'Mr.',
  '...',
  '?!',
);
const space = fc.constantFrom(' ', ' ', ' ', ' ', '  ', '\u00a0', '\t', '\u2009', ' \u00a0 ');
/** Segment text: words joined by (mostly single) spaces; long ones cross the paragraph targets. */
const text = fc
  .tuple(fc.array(fc.tuple(word, space), { minLength: 1, maxLength: 90, size: 'max' }), word)
  .map(([pairs, last]) => pairs.map(([w, s]) => w + s).join('') + last);

const segment = fc.record({
  text,
  sound: fc.nat({ max: 12 }).map((n) => n === 0),
  speaker: fc.constantFrom(null, 'ann', 'ann', 'bo'),
  timed: fc.nat({ max: 8 }).map((n) => n > 0),
  gap: fc.constantFrom(0, 0.5, 2, 6, 7, -3),
  length: fc.constantFrom(0, 1, 2.5, 4),
  noEnd: fc.nat({ max: 10 }).map((n) => n === 0),
  newTurn: fc.nat({ max: 15 }).map((n) => n === 0),
});

const segments = fc.array(segment, { maxLength: 40, size: 'max' }).map((specs) => {
  let t = 0;
  return specs.map((spec, i): Segment => {
    t = Math.max(0, t + spec.gap);
    const start = spec.timed ? t : null;
    const end = spec.timed && !spec.noEnd ? t + spec.length : null;
    t += spec.length;
    const s: Segment = { start, end, speaker: spec.sound ? null : spec.speaker, text: spec.text, kind: spec.sound ? 'sound' : 'speech', line: i + 1, column: 1 };
    if (spec.newTurn) s.newTurn = true;
    return s;
  });
});

function expectSameViews(input: readonly Segment[]): void {
  const views = buildReadingViews(input);
  expect(views.paragraphs).toEqual(referenceParagraphs(input, views.turns));
  // Every paragraph belongs to the turn that lists it.
  for (const turn of views.turns) {
    for (let p = turn.firstParagraph; p <= turn.lastParagraph; p++) {
      const paragraph = views.paragraphs[p];
      expect(paragraph && paragraph.firstSegment >= turn.firstSegment && paragraph.lastSegment <= turn.lastSegment).toBe(true);
    }
  }
  // Pointing the segments at the shared string changes none of their texts, nor the views.
  const copies = input.map((s) => ({ ...s }));
  const shared = shareSegmentText(copies);
  expect(copies.map((s) => s.text)).toEqual(input.map((s) => s.text));
  expect(buildReadingViews(copies, shared)).toEqual(views);
}

describe('reading views', () => {
  it('slice the shared text exactly where joining the pieces would put them', () => {
    let cuts = 0;
    fc.assert(
      fc.property(segments, (input) => {
        expectSameViews(input);
        // Paragraphs that end inside a segment: the sentence-end cut was exercised.
        const views = buildReadingViews(input);
        cuts += views.paragraphs.filter((p, i) => p.kind === 'speech' && views.paragraphs[i + 1]?.firstSegment === p.lastSegment).length;
      }),
      { seed, numRuns: 600 },
    );
    expect(cuts).toBeGreaterThan(1000);
  });

  it('match the reference on every fixture episode', () => {
    let paragraphs = 0;
    for (const t of loadCorpus().transcripts) {
      const episode = parseTranscript({ file: t.file, bytes: t.bytes }).episode;
      if (!episode) continue;
      expectSameViews(episode.segments);
      paragraphs += episode.paragraphs.length;
    }
    expect(paragraphs).toBeGreaterThan(100);
  });

  it('cut captions without sentence punctuation into paragraphs of about 25 s, and leave punctuated ones whole to 900 characters', () => {
    const cue = (text: string, i: number): Segment => ({ start: i * 2, end: i * 2 + 2, speaker: null, text, kind: 'speech', line: i + 1, column: 1 });
    // Automatic captions: 200 cues of lower-case words, no sentence end.
    const captions = Array.from({ length: 200 }, (_, i) => cue(`and so the grid would need ${i} more lines`, i));
    const plain = buildReadingViews(captions).paragraphs;
    expect(plain.length).toBeGreaterThan(10);
    for (const p of plain) expect(p.text.length).toBeLessThan(UNPUNCTUATED_MAX_CHARS + 40);
    expect(Math.max(...plain.map((p) => (p.end ?? 0) - (p.start ?? 0)))).toBeLessThanOrEqual(30);
    // The same words in punctuated sentences of 700 characters: no sentence end in reach of 480, so the paragraph runs on.
    const punctuated = captions.map((s, i) => ({ ...s, text: i % 20 === 19 ? `${s.text}. Then` : s.text }));
    const long = buildReadingViews(punctuated).paragraphs;
    expect(Math.max(...long.map((p) => p.text.length))).toBeGreaterThan(UNPUNCTUATED_MAX_CHARS + 100);
    expect(isPunctuated(plain.map((p) => p.text).join(' '))).toBe(false);
  });

  it('holds the segments’ texts in order, one space apart', () => {
    const input: Segment[] = ['a b', 'cd.', 'e'].map((text, i) => ({ start: i, end: i + 1, speaker: null, text, kind: 'speech', line: 1, column: 1 }));
    const shared = joinSegmentText(input);
    expect(shared.text).toBe('a b cd. e');
    expect([...shared.offsets]).toEqual([0, 4, 8]);
  });
});
