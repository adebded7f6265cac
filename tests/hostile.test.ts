/**
 * Hostile input: every `tests/fixtures/hostile/<case>/input.*` (with an
 * optional `input.yml` sidecar) is ingested and compared with the checked-in
 * `episode.json` and `diagnostics.json`, and every result must satisfy the
 * invariants in tests/fuzz/invariants.ts (no internal error, times in order,
 * no empty text, speakers resolve, no control characters, bounded messages).
 * Regenerate after an intended change with
 * `UPDATE_FIXTURES=1 npx vitest run tests/hostile.test.ts` and read the diff.
 *
 * Inputs too large to check in (megabyte lines, 20,000 nested tags, files
 * over the size limit) are generated here from small seeds. Policies and
 * limits are described in docs/robustness.md.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestFolder, readAtMost } from '../src/node/episode-folder.ts';
import { Diagnostics } from '../src/transcript/diagnostics.ts';
import { formats } from '../src/transcript/formats/index.ts';
import { MAX_SEGMENT_CHARS, parseTranscript } from '../src/transcript/parse-transcript.ts';
import type { IngestResult, TranscriptInput } from '../src/transcript/parse-transcript.ts';
import { slugify } from '../src/transcript/slug.ts';
import { decodeSource, MAX_FILE_BYTES } from '../src/transcript/source-text.ts';
import { MAX_YAML_CHARS, MAX_YAML_DEPTH } from '../src/transcript/yaml-map.ts';
import { expectFixtureOutput, fixtureInput, fixtureInputName } from './fixture-harness.ts';
import { bidiControls, resultProblems } from './fuzz/invariants.ts';

const root = 'tests/fixtures/hostile';
const encode = (text: string) => new TextEncoder().encode(text);

/** Ingest and check the invariants; the decoded length bounds the text the episode may hold. */
function ingest(input: TranscriptInput): IngestResult {
  const result = parseTranscript(input);
  const source = decodeSource(input.bytes, new Diagnostics(input.file));
  expect(resultProblems(result, source.text.length)).toEqual([]);
  return result;
}

const codes = (r: IngestResult) => r.diagnostics.map((d) => d.code);

/** Each fixture's result, for the targeted assertions below. */
const results = new Map<string, IngestResult>();
const fixture = (name: string): IngestResult => {
  const r = results.get(name) ?? runFixture(name);
  results.set(name, r);
  return r;
};

function runFixture(kase: string): IngestResult {
  const dir = join(root, kase);
  const inputName = fixtureInputName(dir);
  if (!inputName) throw new Error(`${dir} has no input file`);
  const input = fixtureInput(dir, inputName);
  return ingest(input);
}

describe('hostile fixtures', () => {
  const cases = readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();

  it('has at least 40 cases, each input under 100 KB', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    for (const kase of cases) {
      for (const name of readdirSync(join(root, kase))) expect(readFileSync(join(root, kase, name)).length, `${kase}/${name}`).toBeLessThan(100_000);
    }
  });

  for (const kase of cases) {
    it(kase, () => {
      const { episode, diagnostics } = fixture(kase);
      expectFixtureOutput(join(root, kase), { episode, diagnostics });
    });
  }
});

describe('hostile fixtures: policies', () => {
  it('refuses empty, whitespace-only, binary and undecodable files with one error and no episode', () => {
    const refused: Record<string, string[]> = {
      'empty-file': ['empty-file'],
      'whitespace-only': ['empty-file'],
      'binary-png': ['binary-file'],
      'binary-zip': ['binary-file'],
      'binary-random': ['binary-file'],
      'binary-random-high-bytes': ['encoding-unknown'],
      'nul-bytes-dense': ['binary-file'],
      'header-only-webvtt': ['no-segments'],
      'header-only-front-matter': ['no-segments'],
      'caption-tokens-only-markers': ['tokens-no-words'],
    };
    for (const [kase, expected] of Object.entries(refused)) {
      const r = fixture(kase);
      expect(r.episode, kase).toBeNull();
      expect(codes(r), kase).toEqual(expected);
    }
  });

  it('reads a lone SRT index as a one-word Markdown episode (prose is the fallback format)', () => {
    const r = fixture('header-only-srt-index');
    expect(codes(r)).toEqual([]);
    expect(r.episode?.segments.map((s) => s.text)).toEqual(['1']);
  });

  it('strips stray NUL bytes with a warning and keeps the text around them', () => {
    const r = fixture('nul-bytes-stray');
    expect(codes(r)).toEqual(['control-characters', 'speaker-unmapped', 'speaker-unmapped']);
    expect(r.diagnostics[0]).toMatchObject({ line: 3, column: 15 });
    expect(r.episode?.segments[0]?.text).toBe('Hello, and welcome back to the show about allotments.');
  });

  it('replaces NUL with U+FFFD in a short WebVTT file instead of refusing it as binary', () => {
    const r = fixture('nul-bytes-webvtt');
    expect(codes(r)).toEqual(['vtt-nul-replaced', 'speaker-unmapped', 'speaker-unmapped']);
    expect(r.diagnostics[0]).toMatchObject({ line: 4, column: 17 });
    expect(r.episode?.segments.map((s) => s.text)).toEqual(['Hel\ufffdlo and welcome.', 'Thanks\ufffd.']);
  });

  it('reads every UTF-16 variant to the same text, warning only without a BOM', () => {
    const text = fixture('utf16le-bom').episode?.segments.map((s) => s.text);
    for (const kase of ['utf16be-bom', 'utf16le-no-bom', 'utf16be-no-bom']) expect(fixture(kase).episode?.segments.map((s) => s.text)).toEqual(text);
    expect(codes(fixture('utf16le-no-bom'))).toEqual(['encoding-utf16-no-bom']);
    expect(codes(fixture('utf16le-bom'))).toEqual([]);
  });

  it('reads invalid UTF-8 as Windows-1252 with a warning at the first bad byte, never as U+FFFD', () => {
    for (const kase of ['utf8-overlong', 'utf8-cesu-surrogates', 'utf8-truncated-at-end', 'windows-1252']) {
      const r = fixture(kase);
      expect(r.episode?.source.encoding, kase).toBe('windows-1252');
      expect(codes(r)[0], kase).toBe('encoding-fallback');
      expect(JSON.stringify(r.episode), kase).not.toContain('\ufffd');
    }
    expect(fixture('utf8-overlong').diagnostics[0]).toMatchObject({ line: 3, column: 20 });
    // 0x81 is undefined in Windows-1252: it decodes to the C1 control U+0081, kept (see docs/robustness.md).
    expect(fixture('windows-1252').episode?.segments.map((s) => s.text)).toEqual(['Café au lait, “quoted” and €5.', 'An undefined byte \u0081 here, naïve.']);
  });

  it('drops cues with unreadable times (errors) and keeps out-of-order cues (warning)', () => {
    expect(codes(fixture('time-minutes-99'))).toEqual(['time-out-of-range']);
    expect(codes(fixture('time-seconds-60'))).toEqual(['time-out-of-range']);
    expect(codes(fixture('time-negative'))).toEqual(['time-invalid', 'time-invalid']);
    expect(codes(fixture('time-end-before-start'))).toEqual(['time-end-before-start']);
    // Any number of hour digits is read (leading zeros too); only a value over MAX_CLOCK_HOURS is refused.
    expect(codes(fixture('time-unbounded-hours'))).toEqual(['time-out-of-range']);
    expect(fixture('time-unbounded-hours').episode?.segments.map((s) => s.start)).toEqual([1, 3]);
    expect(codes(fixture('time-unbounded-hours-webvtt'))).toEqual(['time-out-of-range']);
    const reversed = fixture('time-reversed-order');
    expect(codes(reversed)).toEqual(['time-out-of-order', 'time-out-of-order']);
    expect(reversed.episode?.segments.map((s) => s.start)).toEqual([9, 5, 1]);
    expect(fixture('time-three-digit-hours').episode?.segments.map((s) => s.start)).toEqual([360000, 3599999]);
  });

  it('accepts dot fractions in SRT and comma fractions in WebVTT without a word', () => {
    expect(fixture('srt-dot-fractions').episode?.segments.map((s) => [s.start, s.end])).toEqual([
      [1.5, 2.25],
      [3.5, 4.75],
    ]);
    expect(fixture('webvtt-comma-fractions').episode?.segments.map((s) => [s.start, s.end])).toEqual([
      [1.5, 2.25],
      [3.5, 4.75],
    ]);
    expect(codes(fixture('srt-dot-fractions'))).toEqual([]);
    expect(codes(fixture('webvtt-comma-fractions'))).toEqual([]);
  });

  it('skips cues whose text is only whitespace, NBSP, zero-width spaces or empty tags, with a warning each', () => {
    expect(codes(fixture('srt-empty-cues'))).toEqual(['srt-empty-cue', 'srt-empty-cue', 'srt-empty-cue', 'srt-empty-cue']);
    expect(codes(fixture('webvtt-empty-cues'))).toEqual(['vtt-empty-cue', 'vtt-empty-cue', 'vtt-empty-cue', 'vtt-empty-cue']);
    expect(fixture('srt-empty-cues').episode?.segments.map((s) => s.text)).toEqual(['Real text.']);
  });

  it('keeps unmatched < as text and never swallows the rest of a cue', () => {
    expect(fixture('srt-unclosed-tags').episode?.segments.map((s) => s.text)).toContain('I <3 trains and a < b > c');
    expect(fixture('webvtt-unclosed-tags').episode?.segments.map((s) => s.text)).toContain('I <3 trains');
  });

  it('keeps tag-like text that is not formatting as text for the site to escape', () => {
    const srt = fixture('html-injection-srt').episode?.segments.map((s) => s.text);
    expect(srt).toContain('<script>alert(1)</script>');
    expect(srt).toContain('a <script> entity');
    // WebVTT drops unknown tags (as a browser does) and keeps their content; entities decode to text.
    const vtt = fixture('html-injection-webvtt').episode?.segments.map((s) => s.text);
    expect(vtt).toContain('alert(1)');
    expect(vtt).toContain('<script>alert(2)</script>');
    // Markdown drops HTML blocks and inline tags; a `javascript:` link keeps its text only.
    const md = fixture('html-injection-markdown').episode;
    expect(md?.title).toBe('<script>alert(1)</script>');
    expect(JSON.stringify(md?.segments)).not.toContain('javascript:');
  });

  it('reads names in any script to distinct, non-empty, URL-safe speaker ids', () => {
    const speakers = fixture('speaker-names-scripts').episode?.speakers ?? [];
    expect(speakers.map((s) => s.id)).toEqual(['山田太郎', 'مريم', 'שָׁלוֹם', 'नमस्ते', 'speaker', 'speaker-2', 'speaker-3', 'speaker-4', 'speaker-2-2']);
    const paths = fixture('speaker-names-paths').episode?.speakers ?? [];
    for (const s of paths) expect(s.id).not.toMatch(/[./\\%]/);
  });

  it('keeps bidi override and isolate characters as text (the site must isolate them)', () => {
    const e = fixture('bidi-overrides').episode;
    expect(e?.title).toMatch(bidiControls);
    expect(e?.speakers[0]?.name).toMatch(bidiControls);
    expect(e?.segments[0]?.text).toContain('\u202eevil\u202c');
  });

  it('does not take Note:, times, URLs or PS: for speaker labels, however often they recur', () => {
    const e = fixture('not-speaker-labels').episode;
    expect(e?.speakers).toEqual([]);
    expect(e?.segments.map((s) => s.text)).toContain('Note: this is a note.');
  });

  it('keeps dialogue dashes as text, joined within the cue', () => {
    expect(fixture('dialogue-dashes').episode?.segments[0]?.text).toBe('- Hello there. - Hi!');
  });

  it('reports every YAML attack in front matter and sidecars, and still reads the transcript', () => {
    const cases: Record<string, string> = {
      'yaml-alias-bomb': 'yaml-alias-limit',
      'yaml-alias-bomb-sidecar': 'yaml-alias-limit',
      'yaml-duplicate-keys': 'yaml-duplicate-key',
      'yaml-duplicate-keys-sidecar': 'yaml-duplicate-key',
      'yaml-deep-nesting': 'yaml-too-deep',
      'yaml-deep-nesting-sidecar': 'yaml-too-deep',
      'markdown-unclosed-front-matter': 'frontmatter-unclosed',
      'front-matter-not-a-map': 'frontmatter-not-a-map',
    };
    for (const [kase, code] of Object.entries(cases)) {
      const r = fixture(kase);
      expect(codes(r).filter((c) => c !== 'speaker-unmapped'), kase).toEqual([code]);
      expect(r.episode?.segments.length, kase).toBeGreaterThan(0);
    }
  });
});

describe('generated hostile input', () => {
  /** A few cues of the one-line SRT variant, repeated to `bytes` with rising times. */
  function oneLineSrt(bytes: number): { text: string; cues: number } {
    const parts: string[] = [];
    let size = 0;
    let n = 0;
    while (size < bytes) {
      n++;
      const t = (s: number) => `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')},000`;
      const cue = `${n} ${t(n)} --> ${t(n)} Speaker ${(n % 3) + 1}: cue ${n} says 1 2 3 --> and more. `;
      parts.push(cue);
      size += cue.length;
    }
    return { text: parts.join(''), cues: n };
  }

  it('parses a one-line SRT of several megabytes into its cues, keeping arrows inside text', () => {
    const { text, cues } = oneLineSrt(4 * 1024 * 1024);
    expect(text.indexOf('\n')).toBe(-1);
    const r = ingest({ file: 'one-line.srt', bytes: encode(text) });
    expect(codes(r)).toEqual(['speaker-unmapped', 'speaker-unmapped', 'speaker-unmapped']);
    expect(r.episode?.segments.length).toBe(cues);
    expect(r.episode?.segments[9]?.text).toBe('cue 10 says 1 2 3 --> and more.');
  });

  const N = 20_000;
  /** Each input holds the word "deep" as text, except the links, where it is the innermost destination. */
  const nested: Record<string, string> = {
    'WebVTT <c>': `WEBVTT\n\n00:01.000 --> 00:02.000\n${'<c>'.repeat(N)}deep${'</c>'.repeat(N)}\n`,
    'WebVTT <v>': `WEBVTT\n\n00:01.000 --> 00:02.000\n${'<v Ann>'.repeat(N)}deep${'</v>'.repeat(N)}\n`,
    'WebVTT unclosed <b><i>': `WEBVTT\n\n00:01.000 --> 00:02.000\n${'<b><i>'.repeat(N)}deep\n`,
    'WebVTT ruby': `WEBVTT\n\n00:01.000 --> 00:02.000\n${'<ruby>'.repeat(N)}deep${'<rt>x</rt></ruby>'.repeat(N)}\n`,
    'SRT <i>': `1\n00:00:01,000 --> 00:00:02,000\n${'<i>'.repeat(N)}deep${'</i>'.repeat(N)}\n`,
    'SRT unclosed <font>': `1\n00:00:01,000 --> 00:00:02,000\n${'<font color="red">'.repeat(N)}deep\n`,
    'Markdown emphasis': `${'*'.repeat(N)}deep${'*'.repeat(N)}\n`,
    'Markdown mixed emphasis': `${'*_'.repeat(N)}deep${'_*'.repeat(N)}\n`,
    'Markdown brackets': `${'['.repeat(N)}deep${']'.repeat(N)}\n`,
    'Markdown links': `${'[a]('.repeat(N)}deep${')'.repeat(N)}\n`,
    'Markdown inline HTML': `${'<span>'.repeat(N)}deep${'</span>'.repeat(N)}\n`,
    'Markdown block quotes': `${'> '.repeat(N)}deep\n`,
    'Markdown lists': `${'- '.repeat(N)}deep\n`,
    'Markdown list lines': Array.from({ length: 2000 }, (_, i) => `${'  '.repeat(i)}- deep`).join('\n'),
    'timestamp bullets emphasis': `- [00:01] ${'**'.repeat(N)}deep\n- [00:02] two\n- [00:03] three\n`,
  };
  for (const [name, text] of Object.entries(nested)) {
    it(`survives ${N.toLocaleString('en')} nested tags: ${name}`, () => {
      const r = ingest({ file: 'nested.txt', bytes: encode(text) });
      expect(r.episode).not.toBeNull();
      expect(r.episode?.segments.some((s) => s.text.includes(name === 'Markdown links' ? 'a' : 'deep'))).toBe(true);
    });
  }

  it('runs every parser on 20,000 nested tags of every kind without throwing', () => {
    const all = Object.values(nested).join('\n\n');
    for (const format of formats) {
      expect(() => format.parse(all, new Diagnostics('x'))).not.toThrow();
      expect(() => format.detect(all.slice(0, 65536))).not.toThrow();
    }
  });

  it('refuses a file over the size limit before decoding it', () => {
    const r = ingest({ file: 'huge.txt', bytes: new Uint8Array(MAX_FILE_BYTES + 1) });
    expect(r.episode).toBeNull();
    expect(r.diagnostics).toMatchObject([{ code: 'file-too-large', line: 1, column: 1 }]);
  });

  it('drops a segment over the length limit with an error, keeping the rest and the chapters in place', () => {
    const blob = 'A'.repeat(MAX_SEGMENT_CHARS + 1);
    const text = `# Title\n\nBefore.\n\n![x](data:image/png;base64,${blob}\n\n## Chapter\n\nAfter.\n`;
    const r = ingest({ file: 'blob.md', bytes: encode(text) });
    expect(r.diagnostics).toMatchObject([{ code: 'segment-too-long', severity: 'error', line: 5, column: 1 }]);
    expect(r.episode?.segments.map((s) => s.text)).toEqual(['Before.', 'After.']);
    expect(r.episode?.chapters).toEqual([{ title: 'Chapter', segment: 1, start: null }]);
    // Just under the limit is kept.
    const fits = ingest({ file: 'fits.md', bytes: encode(`Before.\n\n${'a'.repeat(MAX_SEGMENT_CHARS)}\n`) });
    expect(fits.episode?.segments.length).toBe(2);
  });
});

describe('folders', () => {
  const dirs: string[] = [];
  const folder = (files: Record<string, string>) => {
    const dir = mkdtempSync(join(tmpdir(), 'verbatim-hostile-'));
    dirs.push(dir);
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    return dir;
  };
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('gives two episodes with the same title distinct slugs and a warning naming both files', () => {
    const cue = '1\n00:00:01,000 --> 00:00:02,000\nHello.\n';
    const dir = folder({ 'a.srt': cue, 'a.yml': 'title: Same Title\n', 'b.srt': cue, 'b.yml': 'title: Same Title\n', 'sub/c.srt': cue, 'sub/c.yml': 'title: "Same  title!"\n' });
    const r = ingestFolder(dir);
    expect(r.episodes.map((e) => e.slug).sort()).toEqual(['same-title', 'same-title-2', 'same-title-3']);
    const warnings = r.diagnostics.filter((d) => d.code === 'slug-collision');
    expect(warnings).toHaveLength(2);
    expect(warnings[0]?.file).toMatch(/b\.srt$/);
    expect(warnings[0]?.message).toMatch(/a\.srt/);
    expect(warnings[0]?.message).toContain('same-title-2');
    expect(warnings[1]?.file).toMatch(/sub\/c\.srt$/);
  });

  it('keeps slugs distinct when titles differ only in case, accents or punctuation', () => {
    const cue = '1\n00:00:01,000 --> 00:00:02,000\nHello.\n';
    const dir = folder({ '1.srt': cue, '1.yml': 'title: Café\n', '2.srt': cue, '2.yml': 'title: CAFE\n', '3.srt': cue, '3.yml': 'title: "café?"\n' });
    const slugs = ingestFolder(dir).episodes.map((e) => e.slug);
    expect(new Set(slugs).size).toBe(3);
  });

  it('refuses a sparse file over the size limit, and odd file and folder names still make a usable episode', () => {
    const cue = '1\n00:00:01,000 --> 00:00:02,000\nHello.\n';
    const dir = folder({ 'small.srt': cue, '___/-.srt': cue, 'bell\u0007name.srt': cue });
    writeFileSync(join(dir, 'huge.srt'), '');
    truncateSync(join(dir, 'huge.srt'), MAX_FILE_BYTES + 1);
    const r = ingestFolder(dir);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['file-too-large']);
    expect(r.episodes).toHaveLength(3);
    for (const e of r.episodes) expect(resultProblems({ episode: e, diagnostics: [] })).toEqual([]);
    expect(r.episodes.map((e) => [e.title, e.show]).sort()).toEqual([
      ['-', 'Unsorted'],
      ['bellname', 'Unsorted'],
      ['small', 'Unsorted'],
    ]);
  });
});

describe('size before read', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  // Over 2 GiB: had the file been read, Node's readFileSync would have thrown (file-unreadable) instead.
  const HUGE = 3 * 1024 ** 3;

  it('refuses a transcript or sidecar over the limit from its size on disk, without reading it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'verbatim-size-'));
    dirs.push(dir);
    const cue = '1\n00:00:01,000 --> 00:00:02,000\nHello.\n';
    writeFileSync(join(dir, 'huge.srt'), '');
    truncateSync(join(dir, 'huge.srt'), HUGE);
    writeFileSync(join(dir, 'small.srt'), cue);
    writeFileSync(join(dir, 'small.yml'), '');
    truncateSync(join(dir, 'small.yml'), HUGE);
    const r = ingestFolder(dir);
    expect(r.diagnostics).toMatchObject([
      { code: 'file-too-large', severity: 'error', file: expect.stringMatching(/huge\.srt$/), message: expect.stringContaining(`${HUGE} bytes`) },
      { code: 'file-too-large', severity: 'error', file: expect.stringMatching(/small\.yml$/), message: expect.stringContaining(`${HUGE} bytes`) },
    ]);
    // The transcript beside the refused sidecar is still read, as the core does with a sidecar over the limit.
    expect(r.episodes.map((e) => e.title)).toEqual(['small']);
  });

  it('reads at most one byte over the limit, whatever the size', () => {
    const dir = mkdtempSync(join(tmpdir(), 'verbatim-size-'));
    dirs.push(dir);
    const path = join(dir, 'f.txt');
    writeFileSync(path, 'abcdef');
    const text = (r: ReturnType<typeof readAtMost>) => ('bytes' in r ? Buffer.from(r.bytes).toString() : r);
    expect(text(readAtMost(path, 6))).toBe('abcdef');
    expect(readAtMost(path, 5)).toEqual({ tooLarge: 6 });
    writeFileSync(path, '');
    expect(text(readAtMost(path, 5))).toBe('');
  });
});

describe('fixed bugs', () => {
  const srtCue = (text: string) => `1\n00:00:01,000 --> 00:00:02,000\n${text}\n`;

  it('character references cannot bring control characters back (text.ts, markdown.ts)', () => {
    const r = ingest({ file: 'x.srt', bytes: encode(srtCue('a&#1;b&#x1b;c&#127;d&#x9b;e')) });
    // &#x9b; is read as Windows-1252 0x9B (›), as HTML does for C1 references.
    expect(r.episode?.segments[0]?.text).toBe('abcd›e');
    const md = ingest({ file: 'x.md', bytes: encode('# T&#7;itle\n\nx&#2;y\n') });
    expect([md.episode?.title, md.episode?.segments[0]?.text]).toEqual(['Title', 'xy']);
  });

  it('YAML escapes cannot put controls, line breaks or lone surrogates into metadata (yaml-map.ts)', () => {
    const r = ingest({
      file: 'x.srt',
      bytes: encode(srtCue('Speaker 1: hi')),
      sidecar: { file: 'x.yml', bytes: encode('title: "A\\0B\\x1b"\nsummary: "x\\uD800y\\n\\nz"\nspeakers:\n  Speaker 1: "Ann\\a"\n') },
    });
    expect(r.episode?.title).toBe('AB');
    expect(r.episode?.summary).toBe('x\ufffdy z');
    expect(r.episode?.speakers[0]?.name).toBe('Ann');
    expect(r.diagnostics).toMatchObject([{ code: 'control-characters', file: 'x.yml', line: 1 }]);
  });

  it('deeply nested YAML is one error, not a stack overflow per frame (yaml-map.ts)', () => {
    const fm = `---\nx: ${'['.repeat(MAX_YAML_DEPTH + 1)}${']'.repeat(MAX_YAML_DEPTH + 1)}\n---\n\nHello.\n`;
    expect(codes(ingest({ file: 'x.md', bytes: encode(fm) }))).toEqual(['yaml-too-deep']);
    const ok = `---\nx: ${'['.repeat(MAX_YAML_DEPTH - 2)}${']'.repeat(MAX_YAML_DEPTH - 2)}\n---\n\nHello.\n`;
    expect(codes(ingest({ file: 'x.md', bytes: encode(ok) }))).toEqual([]);
  });

  it('YAML over the size limit is refused in one step, and every duplicate key is reported (yaml-map.ts)', () => {
    const big = `---\n${Array.from({ length: 30_000 }, (_, i) => `k${i}: v`).join('\n')}\n---\n\nHello.\n`;
    expect(big.length).toBeGreaterThan(MAX_YAML_CHARS);
    const r = ingest({ file: 'x.md', bytes: encode(big) });
    expect(r.diagnostics).toMatchObject([{ code: 'yaml-too-large', line: 2 }]);
    expect(r.episode?.segments.map((s) => s.text)).toEqual(['Hello.']);
    // The yaml package's own duplicate check compares every pair of keys; ours is one pass.
    const dupes = `${Array.from({ length: 5000 }, () => 'k: v').join('\n')}\n`;
    const d = ingest({ file: 'x.srt', bytes: encode(srtCue('hi')), sidecar: { file: 'x.yml', bytes: encode(dupes) } });
    expect(d.diagnostics.filter((x) => x.code === 'yaml-duplicate-key')).toHaveLength(4999);
    expect(d.diagnostics[1]).toMatchObject({ code: 'yaml-duplicate-key', line: 3, column: 1 });
  });

  it('a `__proto__` key is reported at its own line (yaml-map.ts)', () => {
    const r = ingest({ file: 'x.srt', bytes: encode(srtCue('hi')), sidecar: { file: 'x.yml', bytes: encode('title: T\n__proto__:\n  title: Evil\n') } });
    expect(r.diagnostics).toMatchObject([{ code: 'sidecar-unknown-key', line: 2 }]);
    expect(r.episode?.title).toBe('T');
  });

  it('an impossible front matter date is ignored with a warning, not an internal error (metadata.ts)', () => {
    const r = ingest({ file: 'x.md', bytes: encode('---\ndate: 2025-02-30\n---\n\nHello.\n') });
    expect(codes(r)).toEqual(['frontmatter-field-ignored']);
    expect(r.episode?.date).toBeUndefined();
  });

  it('a speaker label the transcript never uses is reported at its own line and column in the sidecar (parse-transcript.ts)', () => {
    const bytes = encode('1\n00:00:01,000 --> 00:00:02,000\nSpeaker 1: Hello.\n');
    const r = ingest({ file: 'x.srt', bytes, sidecar: { file: 'x.yml', bytes: encode('title: T\nspeakers:\n  Speaker 1: Ann\n  Speaker 9: Zed\n') } });
    expect(r.diagnostics).toMatchObject([{ code: 'sidecar-label-unused', file: 'x.yml', line: 4, column: 3 }]);
  });

  it('a front matter video_id that is no YouTube id is ignored with a warning at its line (metadata.ts)', () => {
    const r = ingest({ file: 'x.md', bytes: encode('---\ntitle: T\nvideo_id: not a video\n---\n\nHello.\n') });
    expect(r.diagnostics).toMatchObject([{ code: 'frontmatter-field-ignored', line: 3 }]);
    expect(r.episode?.media).toBeUndefined();
  });

  it('a folder name without letters still names a show, and `.srt` alone still has an id (metadata.ts, parse-transcript.ts)', () => {
    const bytes = encode(srtCue('hi'));
    expect(ingest({ file: '---/ep.srt', relativePath: '---/ep.srt', bytes }).episode?.show).toBe('Unsorted');
    expect(ingest({ file: '.srt', relativePath: '.srt', bytes }).episode?.id).toBe('.srt');
  });

  it('slugs never end in half a surrogate pair and keep combining marks with their letters (slug.ts)', () => {
    const long = `${'a'.repeat(79)}\u{20000}\u{20001}`;
    expect(slugify(long)).toBe('a'.repeat(79));
    expect(slugify(`${'a'.repeat(78)}\u{20000}`)).toBe(`${'a'.repeat(78)}\u{20000}`);
    expect(slugify('नमस्ते दुनिया')).toBe('नमस्ते-दुनिया');
    expect(slugify('कमला')).not.toBe(slugify('कमल'));
    expect(slugify('a🎙️b')).toBe('a-b');
    expect(slugify('\u0301x')).toBe('x');
  });

  it('invalid UTF-8 that is mostly high bytes is refused, not published as Windows-1252 mojibake (source-text.ts)', () => {
    // KOI8-R Russian: every letter is a high byte.
    const koi8 = Uint8Array.from([...'1\n00:00:01,000 --> 00:00:02,000\n'].map((c) => c.charCodeAt(0)).concat(Array.from({ length: 60 }, (_, i) => (i % 7 === 6 ? 0x20 : 0xc0 + (i % 32)))));
    const r = ingest({ file: 'ru.srt', bytes: koi8 });
    expect(codes(r)).toEqual(['encoding-unknown']);
    expect(r.episode).toBeNull();
  });

  it('an image with a long data: URI keeps its alt text, not its base64 (markdown.ts)', () => {
    const e = fixture('markdown-data-uri-image').episode;
    expect(e?.segments.map((s) => s.text)).toEqual(['Before the image.', 'diagram', 'After the image.']);
  });

  it('a paragraph over cues kept out of time order never ends before it starts (paragraphs.ts)', () => {
    const vtt = `WEBVTT\n\n00:09.000 --> 00:10.000\n${'word '.repeat(70)}\n\n00:01.000 --> 00:02.000\nEnds here. And more.\n`;
    const r = ingest({ file: 'x.vtt', bytes: encode(vtt) });
    expect(codes(r)).toEqual(['time-out-of-order']);
    expect(r.episode?.paragraphs.map((p) => [p.start, p.end])).toEqual([
      [9, 10],
      [1, 2],
    ]);
  });

  it('weak labels that are editorial words never become speakers (speaker-label.ts)', () => {
    expect(fixture('not-speaker-labels').episode?.speakers).toEqual([]);
  });
});
