import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPassage, parsePassage } from '../../src/site/passage-fragment.ts';
import type { Passage } from '../../src/site/passage-fragment.ts';

describe('parsePassage', () => {
  it.each<[string, Passage]>([
    ['#t=75,140', { kind: 'time', start: 75, end: 140 }],
    ['#t=1:15,2:20', { kind: 'time', start: 75, end: 140 }],
    ['t=1:15,2:20', { kind: 'time', start: 75, end: 140 }],
    ['#t=npt:75.25,140.5', { kind: 'time', start: 75.25, end: 140.5 }],
    ['#t=1:02:03,1:02:04.5', { kind: 'time', start: 3723, end: 3724.5 }],
    ['#t=75:30,80:00', { kind: 'time', start: 4530, end: 4800 }],
    ['#t=1m15s,2m20s', { kind: 'time', start: 75, end: 140 }],
    ['#t=1h2m3s', { kind: 'time', start: 3723, end: null }],
    ['#t=75', { kind: 'time', start: 75, end: null }],
    ['#t=,20', { kind: 'time', start: 0, end: 20 }],
    ['#t=140,75', { kind: 'time', start: 75, end: 140 }],
    ['#t=75,75', { kind: 'time', start: 75, end: null }],
    ['#t=1%3A15%2C2%3A20', { kind: 'time', start: 75, end: 140 }],
    ['#xywh=1,2,3,4&t=10,20', { kind: 'time', start: 10, end: 20 }],
    ['#p12-p15', { kind: 'paragraphs', from: 'p12', to: 'p15' }],
    ['#p12-15', { kind: 'paragraphs', from: 'p12', to: 'p15' }],
    ['#p15-p12', { kind: 'paragraphs', from: 'p12', to: 'p15' }],
    ['#p007-p9', { kind: 'paragraphs', from: 'p7', to: 'p9' }],
    ['#p4-p4', { kind: 'paragraphs', from: 'p4', to: 'p4' }],
  ])('%s', (fragment, expected) => {
    expect(parsePassage(fragment)).toEqual(expected);
  });

  it.each([
    '',
    '#',
    '#p12',
    '#c3',
    '#main',
    '#t=',
    '#t=,',
    '#t=abc',
    '#t=1,2,3',
    '#t=-5,10',
    '#t=1:75',
    '#t=1:60:00',
    '#t=1.23456',
    '#t=1e3',
    '#t=Infinity',
    '#t=0x10',
    '#t=1234567890123',
    '#t=%E0%A4%A',
    '#p1-q2',
    '#p-1-p3',
    '#p1-p2-p3',
    '#t=10,20'.padEnd(300, '0'),
    '#t=' + '9'.repeat(10_000),
  ])('BAD: %j is not a passage', (fragment) => {
    expect(parsePassage(fragment)).toBeNull();
  });

  it('never throws, whatever the fragment', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 250 }), (s) => {
        const passage = parsePassage(s);
        if (passage?.kind === 'time') {
          expect(Number.isFinite(passage.start)).toBe(true);
          expect(passage.start).toBeGreaterThanOrEqual(0);
          if (passage.end !== null) expect(passage.end).toBeGreaterThan(passage.start);
        }
      }),
    );
    fc.assert(fc.property(fc.string({ maxLength: 40 }), (s) => void parsePassage(`#t=${s}`)));
  });
});

describe('formatPassage', () => {
  it('writes seconds to a tenth and paragraph ranges by id', () => {
    expect(formatPassage({ kind: 'time', start: 75, end: 140 })).toBe('#t=75,140');
    expect(formatPassage({ kind: 'time', start: 75.04, end: 140.26 })).toBe('#t=75,140.3');
    expect(formatPassage({ kind: 'time', start: 12.5, end: null })).toBe('#t=12.5');
    expect(formatPassage({ kind: 'paragraphs', from: 'p3', to: 'p9' })).toBe('#p3-p9');
  });

  it('round-trips through parsePassage', () => {
    const tenths = fc.integer({ min: 0, max: 100_000_000 }).map((n) => n / 10);
    fc.assert(
      fc.property(tenths, fc.option(tenths), (a, b) => {
        const passage: Passage = b === null || b === a ? { kind: 'time', start: a, end: null } : { kind: 'time', start: Math.min(a, b), end: Math.max(a, b) };
        expect(parsePassage(formatPassage(passage))).toEqual(passage);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999 }), fc.integer({ min: 1, max: 99_999 }), (a, b) => {
        const passage: Passage = { kind: 'paragraphs', from: `p${Math.min(a, b)}`, to: `p${Math.max(a, b)}` };
        expect(parsePassage(formatPassage(passage))).toEqual(passage);
      }),
    );
  });
});
