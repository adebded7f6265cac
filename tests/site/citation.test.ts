import { describe, expect, it } from 'vitest';
import { extentLabel, formatCitation, nameList, timeRangeLabel } from '../../src/site/citation.ts';
import type { CitationParts } from '../../src/site/citation.ts';

const base: CitationParts = {
  speakers: ['Maya Okafor', 'Jürgen Ahlberg', 'Maya Okafor'],
  title: 'Rails Across the Alps',
  show: 'Signal & Noise',
  date: 'September 17, 2025',
  time: { start: 75, end: 140 },
  paragraphs: { first: 5, last: 9 },
  url: 'https://example.org/episodes/rails-across-the-alps/#t=75,140',
};

describe('formatCitation', () => {
  it('names speakers, title, show, date, time range and URL', () => {
    expect(formatCitation(base)).toBe(
      'Maya Okafor and Jürgen Ahlberg, “Rails Across the Alps,” Signal & Noise, September 17, 2025, 1:15–2:20. https://example.org/episodes/rails-across-the-alps/#t=75,140',
    );
  });

  it('names paragraphs when the transcript is untimed, and leaves out what is missing', () => {
    const { show: _show, date: _date, ...rest } = base;
    expect(formatCitation({ ...rest, speakers: [], time: null, url: 'https://x.test/e/#p5-p9' })).toBe('“Rails Across the Alps,” paragraphs 5–9. https://x.test/e/#p5-p9');
  });

  it('isolates names, title and show that hold bidirectional controls, so an override cannot reorder the rest', () => {
    const citation = formatCitation({ ...base, speakers: ['Eve \u202eevil', 'Bob'], title: 'Why\u202e?', show: '\u2066Show' });
    expect(citation).toBe(
      '\u2068Eve \u202eevil\u2069 and Bob, “\u2068Why\u202e?\u2069” \u2068\u2066Show\u2069\u2069, September 17, 2025, 1:15–2:20. https://example.org/episodes/rails-across-the-alps/#t=75,140',
    );
  });

  it('keeps a title’s own question mark and turns its double quotes single', () => {
    expect(formatCitation({ ...base, speakers: ['A'], title: 'Why “Slow” Trains?' })).toMatch(/^A, “Why ‘Slow’ Trains\?” Signal & Noise,/);
    expect(formatCitation({ ...base, title: 'The "Kilowatt"' })).toContain('“The ‘Kilowatt’,”');
  });
});

describe('labels', () => {
  it('shows one stamp for a moment or a range within one second', () => {
    expect(timeRangeLabel(75, null)).toBe('1:15');
    expect(timeRangeLabel(75.2, 75.9)).toBe('1:15');
    expect(timeRangeLabel(3599, 3725)).toBe('59:59–1:02:05');
    expect(extentLabel({ time: null, paragraphs: { first: 3, last: 3 } })).toBe('paragraph 3');
  });

  it('lists names the way prose does', () => {
    expect(nameList([])).toBe('');
    expect(nameList(['A', ' A '])).toBe('A');
    expect(nameList(['A', 'B'])).toBe('A and B');
    expect(nameList(['A', 'B', 'C'])).toBe('A, B, and C');
    expect(nameList(['A', 'B', 'C', 'D'])).toBe('A, B, C, and others');
  });
});
