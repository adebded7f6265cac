/**
 * An ingested episode keeps nothing of its source text alive. In V8 one
 * string sliced from the decoded file (a title from a WebVTT header, a
 * segment's text) keeps the whole file in memory. Each case below is a
 * large file whose episode is tiny: two short cues beside a 6 MB NOTE block,
 * comment, or run of cues that say nothing. A child process measures the memory the episode holds
 * after full garbage collections: under half the file's size when nothing
 * is pinned, at least the file's size when something is.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'verbatim-detached-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Lines of filler text, about `bytes` long. */
const filler = (bytes: number) => 'lorem ipsum dolor sit amet\n'.repeat(Math.ceil(bytes / 27)).slice(0, bytes).trim();
const MB = 1024 * 1024;

/** About 6 MB of SRT: cues whose text is only markup (dropped, with a warning each), then two labelled cues. */
function srtAmongEmpty(speaker: string): string {
  const empty = Array.from({ length: 120_000 }, (_, i) => `${i + 1}\n00:00:00,000 --> 00:00:00,500\n<i></i>\n`).join('\n');
  return `${empty}\n1\n00:00:01,000 --> 00:00:02,000\n${speaker}: First words here, long enough.\n\n2\n00:00:02,000 --> 00:00:03,000\n${speaker}: Second words, also long enough.\n`;
}

/** Memory held by the episode of `file` (heap and external), in bytes, measured in a fresh process. */
function heldBy(file: string, pin: boolean): number {
  const core = resolve('src/transcript/parse-transcript.ts');
  const script = `
    const { readFileSync } = await import('node:fs');
    const { parseTranscript } = await import(${JSON.stringify(core)});
    const bytes = readFileSync(${JSON.stringify(file)});
    const held = () => { gc(); gc(); const m = process.memoryUsage(); return m.heapUsed + m.external; };
    const before = held();
    const { episode } = parseTranscript({ file: ${JSON.stringify(file)}, bytes });
    if (!episode || episode.segments.length < 1) throw new Error('no episode');
    if (!episode.segments.some((s) => s.text.includes('First words here'))) throw new Error('the cue was not read');
    // The control: an episode that does hold a slice of its source.
    if (${pin}) episode.summary = new TextDecoder().decode(bytes).slice(1, 40);
    globalThis.keep = episode;
    process.stdout.write(String(held() - before));
  `;
  return Number(execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], { encoding: 'utf8' }));
}

const cases: Array<[string, string]> = [
  ['WebVTT title beside a long NOTE', `WEBVTT - A title long enough to be sliced, not copied\n\nNOTE ${filler(6 * MB)}\n\n00:00:01.000 --> 00:00:02.000\n<v Annabel Longname-Smith>First words here, long enough.\n\n00:00:02.000 --> 00:00:03.000\n<v Annabel Longname-Smith>Second words, also long enough.\n`],
  ['SRT cues among many that say nothing', srtAmongEmpty('Speaker 1')],
  ['SRT with long speaker names (labels are cached across files)', srtAmongEmpty('Annabel Longname-Smith')],
  ['Markdown front matter before a long comment', `---\ntitle: A title long enough to be sliced, not copied\nshow: A show name long enough too\n---\n\n<!-- ${filler(6 * MB)} -->\n\n**Ann Longname-Speaker:** First words here, long enough.\n`],
];

describe('an ingested episode does not hold its source text', () => {
  for (const [name, text] of cases) {
    it(name, () => {
      const file = join(dir, `${name.replace(/\W+/g, '-')}.txt`);
      writeFileSync(file, text);
      expect(heldBy(file, false)).toBeLessThan(3 * MB);
    });
  }

  it('the measure sees a pinned source (control)', () => {
    const file = join(dir, 'control.txt');
    writeFileSync(file, cases[0]?.[1] ?? '');
    expect(heldBy(file, true)).toBeGreaterThan(5 * MB);
  });
});
