import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/transcript/diagnostics.ts';
import { markdown, markdownInline } from '../../src/transcript/formats/markdown.ts';
import { timestampBullets } from '../../src/transcript/formats/timestamp-bullets.ts';
import { labelled } from './labelled.ts';
import { parseTranscript } from '../../src/transcript/parse-transcript.ts';

function parse(text: string) {
  const diagnostics = new Diagnostics('t.md');
  const raw = markdown.parse(text, diagnostics);
  return { ...raw, segments: labelled(raw), codes: diagnostics.list.map((d) => `${d.line}:${d.column} ${d.code}`) };
}
const texts = (text: string) => parse(text).segments.map((s) => s.text);

describe('markdown', () => {
  it('makes one untimed segment per paragraph, at file lines after the front matter', () => {
    const raw = parse('---\ntitle: Bridges\ndate: 2025-04-02\n---\n\nFirst paragraph\nwraps here.\n\nSecond one.\n');
    expect(raw.codes).toEqual([]);
    expect(raw.frontMatter).toEqual({ title: 'Bridges', date: '2025-04-02' });
    expect(raw.frontMatterLines).toEqual({ title: 2, date: 3 });
    expect(raw.segments).toEqual([
      { start: null, end: null, label: null, text: 'First paragraph wraps here.', kind: 'speech', line: 6, column: 1 },
      { start: null, end: null, label: null, text: 'Second one.', kind: 'speech', line: 9, column: 1 },
    ]);
  });

  it('reads **Ann:** and **Ann**: turns as strong labels', () => {
    const { segments } = parse('**Ann:** Hello there.\n\n**Bo Lee**: Hi, Ann.\n\n__Ann:__ Bye.\n');
    expect(segments.map((s) => [s.label, s.text])).toEqual([
      [{ name: 'Ann', strong: true, raw: '' }, 'Hello there.'],
      [{ name: 'Bo Lee', strong: true, raw: '' }, 'Hi, Ann.'],
      [{ name: 'Ann', strong: true, raw: '' }, 'Bye.'],
    ]);
  });

  it('reads plain "Name:" prefixes as weak labels, and not bold words that are not labels', () => {
    const { segments } = parse('Ann: Hello.\n\n**Really** good: yes.\n\n** Ann:** spaced\n');
    expect(segments[0]).toMatchObject({ label: { name: 'Ann', strong: false, raw: 'Ann:' }, text: 'Hello.' });
    expect(segments[1]).toMatchObject({ label: null, text: 'Really good: yes.' });
    expect(segments[2]?.label).toBeNull();
  });

  it('gives a label alone on its line to the next paragraph', () => {
    const { segments } = parse('**Ann:**\n\nHello there.\n\n**Bo:** Hi.\n');
    expect(segments.map((s) => [s.label?.name, s.text, s.line])).toEqual([
      ['Ann', 'Hello there.', 3],
      ['Bo', 'Hi.', 5],
    ]);
  });

  it('turns headings into chapters pointing at the next segment', () => {
    const raw = parse('Intro words.\n\n## Part one\n\nA.\n\nB.\n\nPart two\n--------\n\nC.\n\n## Trailing\n');
    expect(raw.chapters).toEqual([
      { title: 'Part one', segment: 1 },
      { title: 'Part two', segment: 3 },
    ]);
    expect(raw.segments.map((s) => s.text)).toEqual(['Intro words.', 'A.', 'B.', 'C.']);
  });

  it('takes a # heading at the very top as the title, not a chapter', () => {
    const raw = parse('---\ndate: 2025-01-01\n---\n# The *Title* ##\n\n## Opening\n\nHello.\n');
    expect(raw.title).toBe('The Title');
    expect(raw.chapters).toEqual([{ title: 'Opening', segment: 0 }]);
    // A # heading later on is a chapter.
    const later = parse('Hello.\n\n# Later\n\nMore.\n');
    expect(later.title).toBeUndefined();
    expect(later.chapters).toEqual([{ title: 'Later', segment: 1 }]);
    // Setext level-1 headings count too.
    expect(parse('Title here\n===\n\nText.\n').title).toBe('Title here');
  });

  it('strips links, emphasis, inline code and HTML, keeping their text', () => {
    expect(
      texts(
        'See [the *docs*](https://example.com/a_b "T") and ![a chart](c.png), `x * y`, <b>bold</b> <a href="x">link</a> <!-- note --> <https://e.org> _it_ **b** ***c***\n',
      ),
    ).toEqual(['See the docs and a chart, x * y, bold link https://e.org it b c']);
  });

  it('keeps literal asterisks, underscores and brackets that are not markup', () => {
    expect(texts('2 * 3 * 4 and snake_case_name [Music] [ __ ] a < b\n')).toEqual(['2 * 3 * 4 and snake_case_name [Music] [ __ ] a < b']);
    expect(texts('\\*not emphasis\\* and \\[01:00\\]\n')).toEqual(['*not emphasis* and [01:00]']);
  });

  it('decodes character references exactly once', () => {
    expect(texts('Tom &amp; Jerry &amp;lt; 3 &#x41; \\&amp; `&amp;`\n')).toEqual(['Tom & Jerry &lt; 3 A &amp; &amp;']);
  });

  it('resolves reference links against one-line definitions and drops the definitions', () => {
    const raw = parse('Read [the paper][p] and [Notes].\n\n[p]: https://example.com/p "Paper"\n[notes]: <https://example.com/n>\n');
    expect(raw.segments.map((s) => s.text)).toEqual(['Read the paper and Notes.']);
  });

  it('reads list items and block quotes as paragraphs, with columns of their text', () => {
    const raw = parse('- one\n- two\n  continued\n\n> quoted\n> more\n\n1. first\n   3. not a list\n');
    expect(raw.segments.map((s) => [s.text, s.line, s.column])).toEqual([
      ['one', 1, 3],
      ['two continued', 2, 3],
      ['quoted more', 5, 3],
      ['first 3. not a list', 8, 4],
    ]);
  });

  it('keeps fenced code text and HTML block text, drops comments and scripts', () => {
    const raw = parse('```\ncode *here*\n```\n\n<div>\nInside <i>div</i>\n</div>\n\n<!--\nhidden\n-->\n\n<script>\nalert(1)\n</script>\n\nAfter.\n');
    expect(raw.segments.map((s) => [s.text, s.line])).toEqual([
      ['code *here*', 2],
      ['Inside div', 5],
      ['After.', 17],
    ]);
  });

  it('marks whole-paragraph sound annotations', () => {
    expect(parse('[Laughter]\n\n**Ann:** *[laughs]*\n').segments).toMatchObject([
      { kind: 'sound', text: 'laughter', label: null },
      { kind: 'sound', text: 'laughs', label: { name: 'Ann' } },
    ]);
  });

  it('keeps the body of unclosed front matter and reports it', () => {
    const raw = parse('---\ntitle: x\n\nHello.\n');
    expect(raw.codes).toEqual(['1:1 frontmatter-unclosed']);
    expect(raw.frontMatter).toBeUndefined();
    expect(raw.segments.map((s) => [s.text, s.line])).toEqual([
      ['title: x', 2],
      ['Hello.', 4],
    ]);
  });

  it('stays linear on inputs that make micromark quadratic', () => {
    const hostile = [
      'a\n=\n'.repeat(20000),
      '*a'.repeat(50000),
      '*'.repeat(20000) + 'a' + '*'.repeat(20000),
      '[a]('.repeat(20000),
      'Hello *world* this is a line.\n'.repeat(20000),
      Array.from({ length: 300 }, (_, i) => `${' '.repeat(i * 2)}- x`).join('\n'),
      `${'- '.repeat(50000)}x`,
      '<!--'.repeat(20000),
      '`a``'.repeat(20000),
      '>'.repeat(50000),
      '[!['.repeat(20000) + ']'.repeat(20000),
    ];
    for (const text of hostile) {
      parse(text);
    }
  });
});

describe('markdownInline', () => {
  it('matches emphasis like CommonMark in common cases', () => {
    expect(markdownInline('*a **b** c*')).toBe('a b c');
    expect(markdownInline('**unclosed and *closed*')).toBe('**unclosed and closed');
    expect(markdownInline('a*b*c')).toBe('abc');
    expect(markdownInline('a_b_c')).toBe('a_b_c');
  });
  it('does not form links inside links and keeps failed brackets', () => {
    expect(markdownInline('[a [b](u) c](v)')).toBe('[a b c](v)');
    expect(markdownInline('[a](<unclosed')).toBe('[a](<unclosed');
  });
});

describe('markdown detection', () => {
  const bullets = '---\ntitle: x\ntags:\n  - a\n  - b\n  - c\n  - d\n---\n\n# Transcript: x\n\n- URL: https://e.org\n\n## Text\n\n- [00:01] a\n- [00:02] b\n- [00:03] c\n- [00:04] d\n';
  const transcript = '---\ntitle: Bridges\n---\n\n**Ann:** Hello.\n\n**Bo:** Hi.\n';

  it('scores Markdown structure above plain prose, and prose as a fallback', () => {
    expect(markdown.detect(transcript)).toBeCloseTo(0.6);
    expect(markdown.detect('# Heading\n\nText.')).toBeCloseTo(0.6);
    expect(markdown.detect('Just some words.\nMore words.\n')).toBeCloseTo(0.35);
    expect(markdown.detect('   \n\n')).toBe(0);
  });

  it('lets timestamp bullets win on bullet files and Markdown win on Markdown', () => {
    expect(timestampBullets.detect(bullets)).toBeGreaterThan(markdown.detect(bullets));
    expect(markdown.detect(transcript)).toBeGreaterThan(timestampBullets.detect(transcript));
  });

  it('gives 0 to SRT and WebVTT', () => {
    const srt = '1\n00:00:01,000 --> 00:00:02,000\n**Ann:** hi\n';
    const vtt = 'WEBVTT\n\n00:01.000 --> 00:02.000\n# hi\n';
    for (const f of [markdown, timestampBullets]) {
      expect(f.detect(srt)).toBe(0);
      expect(f.detect(vtt)).toBe(0);
    }
  });

  it('claims a caption-token dump weakly', () => {
    const tokens = 'This\n is\n the\n biggest\n\n\nchange\n in\n human\n history\n';
    expect(markdown.detect(tokens)).toBeLessThanOrEqual(0.35);
  });
});

describe('markdown properties', () => {
  const fragment = fc.oneof(
    fc.constantFrom('---', '...', '- [12:34] word', '**A:** x', '**A**: y', '# h', '## h2', '&amp;', '[', ']', '](', '`', '```', '> q', '- ', '1. x', '<div>', '<!--', '-->', '===', '', '  ', '*', '_', '\\'),
    fc.string({ maxLength: 12 }),
  );
  const text = fc.oneof(
    fc.string(),
    fc.tuple(fc.array(fragment, { maxLength: 25 }), fc.constantFrom('\n', '\n\n', ' ', '')).map(([parts, sep]) => parts.join(sep)),
  );

  it('never throws and yields well-formed segments', () => {
    fc.assert(
      fc.property(text, (t) => {
        const raw = parse(t);
        const lines = t.split('\n').length;
        for (const s of raw.segments) {
          expect(s.text.length).toBeGreaterThan(0);
          expect(s.text).not.toContain('\n');
          expect(s.text).toBe(s.text.trim());
          expect(s.start).toBeNull();
          expect(s.line).toBeGreaterThanOrEqual(1);
          expect(s.line).toBeLessThanOrEqual(lines);
          expect(s.column).toBeGreaterThanOrEqual(1);
        }
        for (const c of raw.chapters) {
          expect(c.title.length).toBeGreaterThan(0);
          expect(c.segment).toBeLessThan(raw.segments.length);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('data that is not prose', () => {
  const ingest = (text: string) => parseTranscript({ file: 'x.txt', bytes: new TextEncoder().encode(text) });
  it('JSON and HTML pages are no transcript, and the error says what they are', () => {
    for (const [text, kind] of [
      ['{"segments": [{"start": 0, "text": "Hello"}]}\n', 'JSON'],
      ['\uFEFF  [\n  {"text": "Hello"}\n]\n', 'JSON'],
      ['["Hello", "there"]', 'JSON'],
      ['<!DOCTYPE html>\n<html><body><p>Hello</p></body></html>\n', 'an HTML page'],
      ['<html lang="en"><p>Hello</p></html>', 'an HTML page'],
    ] as const) {
      const r = ingest(text);
      expect(r.episode, text).toBeNull();
      expect(r.diagnostics.map((d) => `${d.code} ${d.message.split(',')[0]}`), text).toEqual([`not-a-transcript this is ${kind}`]);
    }
  });

  it('prose that opens with a bracket, a brace or a tag is still read as Markdown', () => {
    for (const text of ['[1] A note comes first.\n\nThen prose.\n', '{Laughs} Welcome back.\n', '<b>Ann:</b> Hello there.\n', '[[Wiki link]] and prose.\n']) {
      const r = ingest(text);
      expect(r.episode?.source.format, text).toBe('markdown');
    }
  });
});
