/**
 * WebVTT conformance: each `<case>.vtt` here comes with `<case>.json`, whose
 * `cues` were written by hand from the W3C WebVTT parsing rules
 * (https://www.w3.org/TR/webvtt1/#parsing: signature, blocks, cue timings,
 * timestamps, the cue text tokenizer) and whose `spec` field cites the step.
 * The file is decoded as the ingest does (source-text.ts) and parsed by
 * formats/webvtt.ts; the result must equal the spec's cues, unless the case
 * records a deliberate deviation: then `verbatim.cues` is what we produce
 * and `verbatim.why` says why (each one is also listed at the top of
 * src/transcript/formats/webvtt.ts). `diagnostics` lists the codes we report.
 *
 * How spec cues are compared with our segments:
 * - one entry per voice run: a cue with two voice spans is two entries with
 *   the cue's times (we make one segment per span);
 * - `voice` is the voice annotation, null without one (or an empty one);
 * - `text` is the text content of the cue's node tree, whitespace-folded as a
 *   transcript shows it; cues with no text are left out (nothing to show);
 * - cue identifiers and settings are not compared (a transcript keeps neither).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../../src/transcript/diagnostics.ts';
import { webvtt } from '../../../src/transcript/formats/webvtt.ts';
import { decodeSource } from '../../../src/transcript/source-text.ts';
import { foldWhitespace } from '../../../src/transcript/text.ts';

interface Cue {
  start: number;
  end: number;
  voice: string | null;
  text: string;
}

interface Expected {
  about: string;
  spec: string;
  cues: Cue[];
  verbatim?: { cues: Cue[]; why: string };
  diagnostics: string[];
}

const dir = 'tests/conformance/webvtt';
const cases = readdirSync(dir)
  .filter((n) => n.endsWith('.vtt'))
  .map((n) => n.slice(0, -4))
  .sort();

/** Our reading of a file: decoded like the ingest, then the WebVTT parser, as comparable cues. */
function read(bytes: Uint8Array): { cues: Cue[]; codes: string[] } {
  const diagnostics = new Diagnostics('case.vtt');
  const source = decodeSource(bytes, diagnostics);
  const raw = webvtt.parse(source.text, diagnostics);
  return {
    cues: raw.segments.map((s, i) => ({ start: s.start ?? -1, end: s.end ?? -1, voice: raw.labels[i]?.name ?? null, text: s.text })),
    codes: diagnostics.list.map((d) => d.code),
  };
}

const shown = (cues: Cue[]) => cues.map((c) => ({ ...c, text: foldWhitespace(c.text) })).filter((c) => c.text.length > 0);

describe('WebVTT conformance', () => {
  it('has cases for signatures, headers, timings, blocks and cue text', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    for (const prefix of ['signature-', 'header-', 'timing-', 'block-', 'text-']) expect(cases.some((c) => c.startsWith(prefix)), prefix).toBe(true);
  });

  for (const name of cases) {
    it(name, () => {
      const expected = JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as Expected;
      expect(expected.spec).toMatch(/^https:\/\/www\.w3\.org\/TR\/webvtt1\/#/);
      if (expected.verbatim) {
        expect(expected.verbatim.why.length).toBeGreaterThan(20);
        // A recorded deviation must really differ from the spec, or it is not a deviation.
        expect(shown(expected.verbatim.cues)).not.toEqual(shown(expected.cues));
      }
      const ours = read(readFileSync(join(dir, `${name}.vtt`)));
      expect(shown(ours.cues)).toEqual(shown(expected.verbatim?.cues ?? expected.cues));
      expect(ours.codes).toEqual(expected.diagnostics);
    });
  }

  it('lists every deviation in the parser’s header comment', () => {
    const header = readFileSync('src/transcript/formats/webvtt.ts', 'utf8').split('*/')[0] ?? '';
    const deviating = cases.filter((name) => (JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as Expected).verbatim);
    expect(deviating.length).toBeGreaterThan(0);
    // Each kind of deviation the cases show is named there.
    const phrases = ['WEBVTT', 'comma fraction', '1–2 fraction digits', 'MAX_CLOCK_HOURS', 'ends before it starts', '</v>', 'Ruby text', 'stays text', '`>>`', 'speaker label', '[Music]', 'U+FFFD'];
    for (const phrase of phrases) {
      expect(header, phrase).toContain(phrase);
    }
  });
});
