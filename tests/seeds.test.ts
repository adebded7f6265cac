/**
 * The five real transcripts in ../shared/seeds (present in CI, absent in a
 * user's clone): detected format, titles, speaker names from the sidecars,
 * segment counts, and how much of the source's words reach the output in
 * order. Skips with a visible message when the folder is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTranscript } from '../src/transcript/parse-transcript.ts';
import type { Episode } from '../src/transcript/schema.ts';

const seeds = join(import.meta.dirname, '..', '..', 'shared', 'seeds');
const present = existsSync(seeds);
if (!present) console.warn(`\n  ⚠ seeds test skipped: ${seeds} is absent (it is present in CI)\n`);

interface Expectation {
  name: string;
  format: Episode['source']['format'];
  title: string;
  show: string;
  speakers: string[];
  /**
   * One per cue (SRT, WebVTT: the file's `-->` count), per bullet (the
   * `- [MM:SS]` line count) or per caption line (tokens: caption lines plus
   * the splits at a mid-line `>>` or sound annotation).
   */
  segments: number;
  /** Least share of source words found in the output, in order. */
  coverage: number;
}

const expectations: Expectation[] = [
  {
    name: '000_ca2c44fafed5ea50',
    format: 'srt',
    title: 'Paul Kedrosky on what AI is really doing to the economy',
    show: 'Better Offline',
    speakers: ['Ed Zitron', 'Paul Kedrosky'],
    segments: 875,
    coverage: 1,
  },
  {
    name: '001_433794f484b7f4da',
    format: 'caption-tokens',
    title: 'Dylan Patel on Nvidia and Groq, the capex bubble, power and China',
    show: 'The MAD Podcast',
    speakers: ['Matt Turck', 'Dylan Patel'],
    segments: 2575,
    coverage: 1,
  },
  {
    name: '002_968ae2749fd18a5f',
    format: 'webvtt',
    title: 'How DeepSeek Showed That Silicon Valley Is Washed',
    show: 'Better Offline',
    speakers: ['Ed Zitron'],
    segments: 787,
    coverage: 1,
  },
  {
    name: '003_d30b93859025e2dd',
    format: 'timestamp-bullets',
    title: 'Dylan Patel on the AI diffusion rule, open models and giant clusters',
    show: 'Unsupervised Learning',
    speakers: ['Jacob Effron', 'Dylan Patel'],
    segments: 2682,
    coverage: 1,
  },
  {
    name: '004_38efe3aac7eb39c5',
    format: 'webvtt',
    title: 'The AI Model That Tanked the Stock Market',
    show: 'Odd Lots',
    speakers: ['Zvi Mowshowitz', 'Joe Weisenthal', 'Tracy Alloway'],
    segments: 404,
    coverage: 1,
  },
];

/**
 * The words a reader should find: the source minus what is markup in its
 * format (timings, cue numbers, tags, labels, headers, front matter).
 */
function sourceWords(text: string, format: string): string[] {
  let body = text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  if (format === 'timestamp-bullets' || format === 'markdown') {
    body = body.replace(/^---\n[\s\S]*?\n---\n/, '');
    const firstBullet = body.search(/^\s*[-*+]\s+\[\s*\d/m);
    if (format === 'timestamp-bullets' && firstBullet > 0) body = body.slice(firstBullet);
    body = body.replace(/^\s*[-*+]\s+\[[\d: ]+\]/gm, ' ');
  }
  if (format === 'webvtt') body = body.replace(/^WEBVTT.*$/m, ' ').replace(/^(?:NOTE|Kind:|Language:).*$/gm, ' ');
  if (format === 'srt') body = body.replace(/(?:^|\s)\d+\s+\d{1,2}:\d{2}:\d{2}[,.]\d+\s*-->\s*\d{1,2}:\d{2}:\d{2}[,.]\d+/g, ' ');
  body = body
    .replace(/[\d:.,]+\s*-->\s*[\d:.,]+[^\n]*/g, ' ')
    .replace(/<[^>\n]*>/g, ' ')
    .replace(/\bSpeaker \d+:/g, ' ')
    .replace(/>>/g, ' ');
  return words(body);
}

const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu) ?? [];

/** Share of `source` words matched, in order, in `output` (greedy, with a look-ahead window). */
function inOrderCoverage(source: string[], output: string[]): number {
  let at = 0;
  let matched = 0;
  for (const word of source) {
    const limit = Math.min(output.length, at + 40);
    for (let j = at; j < limit; j++) {
      if (output[j] === word) {
        matched++;
        at = j + 1;
        break;
      }
    }
  }
  return source.length === 0 ? 1 : matched / source.length;
}

describe.skipIf(!present)('seeds in ../shared/seeds', () => {
  for (const expected of expectations) {
    it(`${expected.name}: ${expected.format}, "${expected.title}"`, () => {
      const file = join(seeds, `${expected.name}.txt`);
      const sidecar = join(seeds, `${expected.name}.yml`);
      const bytes = readFileSync(file);
      const { episode, diagnostics } = parseTranscript({
        file,
        relativePath: `${expected.name}.txt`,
        bytes,
        sidecar: { file: sidecar, bytes: readFileSync(sidecar) },
      });
      expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(episode).not.toBeNull();
      if (!episode) return;
      expect(episode.source.format).toBe(expected.format);
      expect(episode.title).toBe(expected.title);
      expect(episode.show).toBe(expected.show);
      const names = episode.speakers.map((s) => s.name);
      for (const name of expected.speakers) expect(names).toContain(name);
      if (expected.segments >= 0) expect(episode.segments.length).toBe(expected.segments);
      const source = sourceWords(bytes.toString('utf8'), expected.format);
      const output = words(episode.segments.map((s) => s.text).join(' '));
      const coverage = inOrderCoverage(source, output);
      console.info(
        `${expected.name} ${expected.format}: ${episode.segments.length} segments, ${episode.paragraphs.length} paragraphs, ` +
          `${episode.speakers.length} speakers (${names.join(', ')}), duration ${episode.duration ?? 'untimed'} s, ` +
          `word coverage ${(coverage * 100).toFixed(2)}% of ${source.length} words, ${diagnostics.length} diagnostics`,
      );
      expect(coverage).toBeGreaterThanOrEqual(expected.coverage);
      if (expected.format === 'timestamp-bullets') expect(episode.segments.at(-1)?.start).toBe(5077);
    });
  }
});
