import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/transcript/diagnostics.ts';
import { captionTokens } from '../../src/transcript/formats/caption-tokens.ts';
import { labelled } from './labelled.ts';

function parse(text: string) {
  const diagnostics = new Diagnostics('t.txt');
  const raw = captionTokens.parse(text, diagnostics);
  return { segments: labelled(raw), chapters: raw.chapters, codes: diagnostics.list.map((d) => `${d.line}:${d.column} ${d.code}`) };
}
const texts = (text: string) => parse(text).segments.map((s) => s.text);
/** Caption lines (arrays of tokens) in the YouTube layout: leading spaces after the first token, two blank lines between. */
const dump = (...captions: string[][]) => captions.map((c) => c.map((t, i) => (i === 0 ? t : ` ${t}`)).join('\n')).join('\n\n\n');
const NBSP = '\u00a0';

describe('caption tokens', () => {
  it('makes one untimed, unlabelled segment per caption line, trimming leading spaces', () => {
    const { segments, chapters, codes } = parse(dump(['so', 'how', 'long'], ['does', 'the', 'dough', 'rest?']));
    expect(codes).toEqual([]);
    expect(chapters).toEqual([]);
    expect(segments).toEqual([
      { start: null, end: null, label: null, text: 'so how long', kind: 'speech', line: 1, column: 1 },
      { start: null, end: null, label: null, text: 'does the dough rest?', kind: 'speech', line: 6, column: 1 },
    ]);
  });

  it('takes any run of blank or whitespace-only lines as a caption break', () => {
    expect(texts('a\n b\n\nc\n d\n \t\u00a0\n\n\n\ne\n\n')).toEqual(['a b', 'c d', 'e']);
  });

  it('keeps tokens that hold two words and folds odd spacing', () => {
    expect(texts('G GPUs\n or\n  going   to\n\n\nnext')).toEqual(['G GPUs or going to', 'next']);
  });

  it('points each segment at its first token, column of the first non-space character', () => {
    const { segments } = parse('\n\n  crumb\n shape\n\n\n>>   oven\n spring');
    expect(segments.map((s) => [s.line, s.column])).toEqual([
      [3, 3],
      [7, 6],
    ]);
  });

  it('starts a new turn after ">>" alone on a line, ">> word" and ">>word"', () => {
    const { segments } = parse(dump(['>>'], ['hello', 'there']) + '\n\n\n' + dump(['>> I', 'bake'], ['on', 'sundays']) + '\n\n\n>>me\n too');
    expect(segments.map((s) => [s.text, s.newTurn ?? false])).toEqual([
      ['hello there', true],
      ['I bake', true],
      ['on sundays', false],
      ['me too', true],
    ]);
    expect(segments[1]).toMatchObject({ line: 8, column: 4 });
    expect(segments[3]).toMatchObject({ line: 16, column: 3 });
  });

  it('splits a caption line at a ">>" in its middle, and at ">>" inside a token line', () => {
    expect(parse(dump(['right', 'yeah', '>>', 'so', 'the', 'starter'])).segments.map((s) => [s.text, s.newTurn ?? false])).toEqual([
      ['right yeah', false],
      ['so the starter', true],
    ]);
    const { segments } = parse('it rises >> does it\n really');
    expect(segments.map((s) => [s.text, s.newTurn ?? false, s.column])).toEqual([
      ['it rises', false, 1],
      ['does it really', true, 13],
    ]);
  });

  it('treats ">>>" and repeated markers as one turn change and ignores a trailing marker', () => {
    expect(parse('>>\n>>>\n word\n\n\n>>').segments.map((s) => [s.text, s.newTurn])).toEqual([['word', true]]);
  });

  it('makes a sound segment of an annotation alone on a caption line', () => {
    const { segments } = parse(dump(['flour'], ['[Music]'], ['water']));
    expect(segments.map((s) => [s.kind, s.text])).toEqual([
      ['speech', 'flour'],
      ['sound', 'music'],
      ['speech', 'water'],
    ]);
  });

  it('splits an annotation inside a caption line out as its own sound segment', () => {
    const { segments } = parse(dump(['still', '[laughter]', 'pretty', 'good.'], ['[applause]', 'thanks']));
    expect(segments.map((s) => [s.kind, s.text, s.line, s.column])).toEqual([
      ['speech', 'still', 1, 1],
      ['sound', 'laughter', 2, 2],
      ['speech', 'pretty good.', 3, 2],
      ['sound', 'applause', 7, 1],
      ['speech', 'thanks', 8, 2],
    ]);
  });

  it('gives the turn change to a sound segment that follows ">>"', () => {
    expect(parse(dump(['>> [gasps]'], ['>> I', 'tweeted'])).segments.map((s) => [s.kind, s.text, s.newTurn])).toEqual([
      ['sound', 'gasps', true],
      ['speech', 'I tweeted', true],
    ]);
  });

  it('joins a multi-token annotation split over lines', () => {
    expect(parse('[upbeat\n music]\n\n\nhi').segments.map((s) => [s.kind, s.text])).toEqual([
      ['sound', 'upbeat music'],
      ['speech', 'hi'],
    ]);
  });

  it('keeps a censored word as the speech word [__], with NBSP, ASCII or no spaces', () => {
    expect(texts(dump(['the', `[${NBSP}__${NBSP}]`, 'oven', 'broke']))).toEqual(['the [__] oven broke']);
    expect(texts(dump([`[${NBSP}__${NBSP}]`]))).toEqual(['[__]']);
    expect(texts('what\n [ __ ]\n [__]\n is\n this')).toEqual(['what [__] [__] is this']);
    expect(parse(`[${NBSP}__${NBSP}]`).segments[0]?.kind).toBe('speech');
  });

  it('keeps stray brackets as text', () => {
    expect(texts('a\n [\n b\n\n\n]\n [[x]]\n [y]z')).toEqual(['a [ b', '] [[x]] [y]z']);
  });

  it('glues punctuation and contraction tokens to the word before, within a segment', () => {
    expect(texts('I\n do\n n\'t\n know\n ,\n really\n .\n\n\n,\n ok')).toEqual(["I don't know, really.", ', ok']);
    expect(texts('it\n \'s\n fine\n !')).toEqual(["it's fine!"]);
  });

  it('keeps words exactly: no capitals, punctuation or entity decoding added', () => {
    expect(texts('r&amp;d\n <i>\n naïve\n café')).toEqual(['r&amp;d <i> naïve café']);
  });

  it('falls back on leading spaces when the dump has no blank lines', () => {
    expect(texts('so\n how\n long\ndoes\n it\n take\n>> about\n an\n hour')).toEqual(['so how long', 'does it take', 'about an hour']);
    expect(parse('one\ntwo').segments.map((s) => s.text)).toEqual(['one', 'two']);
  });

  it('reports tokens-no-words for a file with only >> markers', () => {
    const { segments, codes } = parse('>>\n\n\n>>\n\n\n >>\n');
    expect(segments).toEqual([]);
    expect(codes).toEqual(['1:1 tokens-no-words']);
    expect(parse('>>\n[music]\n>>').codes).toEqual(['1:1 tokens-no-words']);
  });

  it('returns no segments and no diagnostics for whitespace-only input', () => {
    for (const text of ['', '\n\n', ' \t\n\u00a0\n']) expect(parse(text)).toEqual({ segments: [], chapters: [], codes: [] });
  });

  describe('detection', () => {
    const tokens = (n: number) => {
      const caption = ['so', 'what', 'got', 'you', 'into', 'bread'];
      const lines: string[] = [];
      for (let i = 0; i < n; i++) lines.push(dump(caption), i % 3 === 1 ? '>> yeah' : '[music]');
      return lines.join('\n\n\n');
    };

    it('recognises a token dump strongly', () => {
      expect(captionTokens.detect(tokens(10))).toBeGreaterThanOrEqual(0.8);
      expect(captionTokens.detect(dump(...Array.from({ length: 8 }, () => ['plain', 'words', 'only'])))).toBeGreaterThanOrEqual(0.8);
    });

    it('recognises small dumps and marker-only files above the detection threshold', () => {
      expect(captionTokens.detect(captionTokens.example)).toBeGreaterThan(0.3);
      expect(captionTokens.detect('>>\n\n\n>>\n')).toBeGreaterThan(0.3);
    });

    it('does not claim SRT, WebVTT, Markdown, bullets or prose', () => {
      const srt = '1\n00:00:01,000 --> 00:00:02,000\nHello\n\n2\n00:00:02,000 --> 00:00:03,000\nthere\n\n'.repeat(10);
      const vtt = 'WEBVTT\n\n' + tokens(5);
      const markdown = '# Bread\n\n' + tokens(10);
      const frontMatter = '---\ntitle: Bread\n---\n\n' + tokens(10);
      const bullets = Array.from({ length: 30 }, (_, i) => `- [00:${String(i).padStart(2, '0')}] Ann: hello`).join('\n');
      const shortMarkdown = Array.from({ length: 30 }, () => '- dough\n- salt\n\n').join('');
      const prose = 'Bread is flour, water, salt and time. The long ferment builds flavour and the crust sets in a hot oven.\n\nMost bakers start with a simple loaf before moving on to sourdough.\n';
      for (const text of [srt, vtt, markdown, frontMatter, bullets, shortMarkdown, prose, '', '\n\n\n']) expect([text.slice(0, 20), captionTokens.detect(text)]).toEqual([text.slice(0, 20), 0]);
    });

    it('reads only the lines it is given, in linear time', () => {
      const head = tokens(2000).slice(0, 64 * 1024);
      expect(captionTokens.detect(head)).toBeGreaterThanOrEqual(0.8);
    });
  });

  it('parses 10 MB of tokens in linear time', () => {
    const caption = `${dump(['we', 'proof', 'it', 'overnight', 'in', 'the', 'fridge'])}\n\n\n>> [laughter]\n\n\n>> really\n [${NBSP}__${NBSP}]\n\n\n`;
    const big = caption.repeat(Math.ceil(10_000_000 / caption.length));
    const { segments, codes } = parse(big);
    expect(codes).toEqual([]);
    expect(segments.length).toBe((big.length / caption.length) * 3);
  });

  it('never throws, keeps every word in order, and makes clean segments on arbitrary token streams', () => {
    const token = fc.constantFrom('crust', 'dough', 'salt', ' rye', ' yeast', '>>', '>> oven', '[music]', ' [laughter]', `[${NBSP}__${NBSP}]`, '', ' ', '  ');
    fc.assert(
      fc.property(fc.array(token, { maxLength: 60 }), (tokens) => {
        const { segments, codes } = parse(tokens.join('\n'));
        const expected: string[] = [];
        for (const t of tokens) {
          if (t === `[${NBSP}__${NBSP}]`) expected.push('[__]');
          else for (const w of t.trim().split(' ')) if (w !== '' && w !== '>>' && !/^\[[a-z]+\]$/.test(w)) expected.push(w);
        }
        for (const s of segments) {
          expect(s.text.length).toBeGreaterThan(0);
          expect(s.text).not.toMatch(/\n/);
          expect(s.text).toBe(s.text.trim());
          expect(s.start).toBeNull();
          expect(s.label).toBeNull();
          if (s.kind === 'sound') expect(['music', 'laughter']).toContain(s.text);
        }
        const words = segments.filter((s) => s.kind === 'speech').flatMap((s) => s.text.split(' '));
        expect(words).toEqual(expected);
        const onlyMarkers = expected.length === 0 && tokens.some((t) => t.includes('>>'));
        expect(codes).toEqual(onlyMarkers ? ['1:1 tokens-no-words'] : []);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300, unit: 'grapheme' }), (text) => {
        const { segments } = parse(text);
        for (const s of segments) {
          expect(s.text.length).toBeGreaterThan(0);
          expect(s.text).not.toMatch(/\n/);
        }
        const score = captionTokens.detect(text);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1);
      }),
      { numRuns: 1000 },
    );
  });
});
