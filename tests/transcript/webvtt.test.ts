import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Diagnostics } from '../../src/transcript/diagnostics.ts';
import { srt } from '../../src/transcript/formats/srt.ts';
import { webvtt } from '../../src/transcript/formats/webvtt.ts';
import { labelled } from './labelled.ts';

function parse(text: string) {
  const diagnostics = new Diagnostics('t.vtt');
  const result = webvtt.parse(text, diagnostics);
  return { ...result, segments: labelled(result), diagnostics: diagnostics.list, codes: diagnostics.list.map((d) => d.code) };
}

/** Segment texts only. */
const texts = (text: string) => parse(text).segments.map((s) => s.text);
/** `label: text` per segment, `-: text` when unlabelled. */
const lines = (text: string) => parse(text).segments.map((s) => `${s.label?.name ?? '-'}: ${s.text}`);

const vtt = (...cues: string[]) => `WEBVTT\n\n${cues.join('\n\n')}\n`;

describe('webvtt header', () => {
  it('takes the title from the signature line', () => {
    expect(parse('WEBVTT - How Trains Changed Cities\n\n00:01.000 --> 00:02.000\nHi.\n').title).toBe('How Trains Changed Cities');
    expect(parse('WEBVTT Allotment notes\n\n00:01.000 --> 00:02.000\nHi.\n').title).toBe('Allotment notes');
    expect(parse('WEBVTT\t-Tabbed\n\n00:01.000 --> 00:02.000\nHi.\n').title).toBe('Tabbed');
    expect(parse('WEBVTT\n\n00:01.000 --> 00:02.000\nHi.\n').title).toBeUndefined();
    expect(parse('WEBVTT -  \n\n00:01.000 --> 00:02.000\nHi.\n').title).toBeUndefined();
  });

  it('ignores header lines such as YouTube Kind and Language', () => {
    const r = parse('WEBVTT\nKind: captions\nLanguage: en\n\n00:01.000 --> 00:02.000\nHello.\n');
    expect(r.segments.map((s) => s.text)).toEqual(['Hello.']);
    expect(r.diagnostics).toEqual([]);
  });

  it('reads a cue that follows the header without a blank line, as the spec does', () => {
    expect(texts('WEBVTT\nKind: captions\n00:01.000 --> 00:02.000\nHello.\n')).toEqual(['Hello.']);
  });

  it('accepts blank lines before the signature silently', () => {
    const r = parse('\n\nWEBVTT - Late start\n\n00:01.000 --> 00:02.000\nHi.\n');
    expect(r.title).toBe('Late start');
    expect(r.diagnostics).toEqual([]);
    expect(r.segments[0]?.line).toBe(5);
  });

  it('reports a bad signature at 1:1 and still reads the cues', () => {
    const r = parse('00:01.000 --> 00:02.000\nNo signature here.\n');
    expect(r.diagnostics).toMatchObject([{ code: 'vtt-bad-signature', severity: 'error', line: 1, column: 1 }]);
    expect(r.segments.map((s) => s.text)).toEqual(['No signature here.']);
    const misspelt = parse('WEBVTTX\nKind: captions\n\n00:01.000 --> 00:02.000\nStill read.\n');
    expect(misspelt.codes).toEqual(['vtt-bad-signature']);
    expect(misspelt.segments.map((s) => s.text)).toEqual(['Still read.']);
    expect(misspelt.title).toBeUndefined();
  });
});

describe('webvtt timings', () => {
  it('reads one-digit hours, no hours, three-digit and longer hours', () => {
    const r = parse(
      vtt('0:00:02.800 --> 0:00:03.960\nOne.', '01:05.250 --> 01:07.000\nTwo.', '100:00:00.000 --> 100:00:01.000\nThree.', '1088:43:01.350 --> 1088:43:03.000\nFour.'),
    );
    expect(r.segments.map((s) => [s.start, s.end])).toEqual([
      [2.8, 3.96],
      [65.25, 67],
      [360000, 360001],
      [3919381.35, 3919383],
    ]);
    expect(r.diagnostics).toEqual([]);
  });

  it('reports timing problems on the timing line, not on the cue identifier above it', () => {
    const r = parse(vtt('intro\n00:00:05.000 --> 00:00:04.000\nBackwards.', 'two\n00:00:06.000 --> 00:00:61.000\nBad end.'));
    expect(r.diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual(['4:1 time-end-before-start', '8:18 time-out-of-range']);
  });

  it('reads cue identifiers, settings and arrows without spaces', () => {
    const r = parse(
      vtt(
        'intro\n00:00:01.000 --> 00:00:02.000 align:start position:10% line:0\nFirst.',
        '2\n00:00:02.000-->00:00:03.000\tsize:50%\nSecond.',
        '   00:00:03.000   -->   00:00:04.000\nThird.',
      ),
    );
    expect(r.segments.map((s) => [s.start, s.end, s.text, s.line, s.column])).toEqual([
      [1, 2, 'First.', 4, 1],
      [2, 3, 'Second.', 8, 1],
      [3, 4, 'Third.', 11, 1],
    ]);
    expect(r.diagnostics).toEqual([]);
  });

  it('accepts comma and short fractions leniently', () => {
    const r = parse(vtt('00:00:01,5 --> 00:00:02.25\nLenient.', '00:03 --> 00:04\nNo fraction.'));
    expect(r.segments.map((s) => [s.start, s.end])).toEqual([
      [1.5, 2.25],
      [3, 4],
    ]);
    expect(r.diagnostics).toEqual([]);
  });

  it('reports a timing it cannot read and drops the cue', () => {
    const r = parse(vtt('00:00:01.000 --> 00:00:02.000\nKept.', '00:00:0x.000 --> 00:00:03.000\nDropped.', 'intro --> outro\nDropped too.'));
    expect(r.segments.map((s) => s.text)).toEqual(['Kept.']);
    expect(r.diagnostics).toMatchObject([
      { code: 'vtt-bad-timing', severity: 'error', line: 6, column: 1, message: expect.stringContaining('00:00:0x.000 --> 00:00:03.000') },
      { code: 'vtt-bad-timing', line: 9 },
    ]);
  });

  it('reports minutes or seconds over 59 as out of range, pointing at the clock', () => {
    const r = parse(vtt('00:00:01.000 --> 00:61:00.000\nDropped.', '75:00.000 --> 75:01.000\nDropped.'));
    expect(r.segments).toEqual([]);
    expect(r.diagnostics).toMatchObject([
      { code: 'time-out-of-range', line: 3, column: 18, message: expect.stringContaining('"00:61:00.000" has minutes') },
      { code: 'time-out-of-range', line: 6, column: 1 },
    ]);
  });

  it('drops a cue that ends before it starts', () => {
    const r = parse(vtt('00:00:05.000 --> 00:00:04.000\nBackwards.', '00:00:06.000 --> 00:00:07.000\nFine.'));
    expect(r.segments.map((s) => s.text)).toEqual(['Fine.']);
    expect(r.diagnostics).toMatchObject([
      { code: 'time-end-before-start', severity: 'error', line: 3, message: expect.stringContaining('(00:00:04.000) before it starts (00:00:05.000)') },
    ]);
  });

  it('warns about a cue out of order and keeps it; overlaps are legal', () => {
    const r = parse(vtt('00:00:05.000 --> 00:00:08.000\nA.', '00:00:06.000 --> 00:00:07.000\nOverlap.', '00:00:02.000 --> 00:00:03.000\nEarlier.'));
    expect(r.segments.map((s) => s.text)).toEqual(['A.', 'Overlap.', 'Earlier.']);
    expect(r.diagnostics).toMatchObject([{ code: 'time-out-of-order', severity: 'warning', line: 9 }]);
  });

  it('ends a cue at a line containing --> and starts a new cue there, as the spec does', () => {
    const r = parse(vtt('00:00:01.000 --> 00:00:02.000\nFirst line\n00:00:02.000 --> 00:00:03.000\nSecond cue'));
    expect(r.segments.map((s) => [s.start, s.text, s.line])).toEqual([
      [1, 'First line', 3],
      [2, 'Second cue', 5],
    ]);
    // An arrow in prose becomes a (broken) cue timing: reported, and its text is lost.
    const prose = parse(vtt('00:00:01.000 --> 00:00:02.000\nLondon --> Paris\nin two hours'));
    expect(prose.segments).toEqual([]);
    expect(prose.diagnostics).toMatchObject([
      { code: 'vtt-empty-cue', line: 3 },
      { code: 'vtt-bad-timing', line: 4 },
    ]);
  });
});

describe('webvtt blocks', () => {
  it('skips NOTE, STYLE and REGION blocks silently, before and after cues', () => {
    const r = parse(
      [
        'WEBVTT',
        '',
        'STYLE',
        '::cue { color: lime; }',
        '',
        'REGION',
        'id:left width:40%',
        '',
        'NOTE a comment',
        'that runs on --> with an arrow',
        '',
        'NOTE',
        '',
        '00:00:01.000 --> 00:00:02.000',
        'Cue.',
        '',
        'STYLE',
        '::cue { color: red; }',
        '',
        'NOTE\tlast',
        '',
      ].join('\n'),
    );
    expect(r.segments.map((s) => s.text)).toEqual(['Cue.']);
    expect(r.diagnostics).toEqual([]);
  });

  it('ends a comment at a real timing line, keeping the cue a browser would show', () => {
    expect(texts(vtt('NOTE\n00:00:01.000 --> 00:00:02.000\nShown.'))).toEqual(['Shown.']);
  });

  it('warns about a block that is not a cue and skips it', () => {
    const r = parse(vtt('Stray text\nspanning lines', '00:00:01.000 --> 00:00:02.000\nCue.'));
    expect(r.segments.map((s) => s.text)).toEqual(['Cue.']);
    expect(r.diagnostics).toMatchObject([{ code: 'vtt-unknown-block', severity: 'warning', line: 3, column: 1, message: expect.stringContaining('"Stray text"') }]);
  });

  it('warns about empty cues, including whitespace, NBSP and zero-width text', () => {
    const r = parse(vtt('00:00:01.000 --> 00:00:02.000', '00:00:02.000 --> 00:00:03.000\n \u00a0\u200b ', '00:00:03.000 --> 00:00:04.000\n&nbsp;<i></i>', '00:00:04.000 --> 00:00:05.000\nText.'));
    expect(r.segments.map((s) => s.text)).toEqual(['Text.']);
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.line])).toEqual([
      ['vtt-empty-cue', 'warning', 3],
      ['vtt-empty-cue', 'warning', 5],
      ['vtt-empty-cue', 'warning', 8],
    ]);
  });
});

describe('webvtt cue text', () => {
  it('turns an unclosed voice into a strong label', () => {
    const r = parse(vtt('00:00:01.000 --> 00:00:02.000\n<v Speaker 1>Zone media.'));
    expect(r.segments).toEqual([{ start: 1, end: 2, label: { name: 'Speaker 1', strong: true, raw: '' }, text: 'Zone media.', kind: 'speech', line: 3, column: 1 }]);
  });

  it('reads voices with classes and normalises generic names', () => {
    expect(lines(vtt('00:01.000 --> 00:02.000\n<v.loud.red Ann Lee>Hey!</v>', '00:02.000 --> 00:03.000\n<v SPEAKER_02>Hi.', '00:03.000 --> 00:04.000\n<v speaker 3>Yo.'))).toEqual([
      'Ann Lee: Hey!',
      'Speaker 2: Hi.',
      'Speaker 3: Yo.',
    ]);
  });

  it('splits a cue with several voices into one segment per voice, with the cue times', () => {
    const r = parse(vtt('00:00:01.000 --> 00:00:03.000\n<v Ann>Hi.</v><v Bob>Hello.</v>', '00:00:03.000 --> 00:00:05.000\n<v Ann>Tea?\n<v Bob>Please.'));
    expect(r.segments.map((s) => [s.label?.name, s.text, s.start, s.end, s.line])).toEqual([
      ['Ann', 'Hi.', 1, 3, 3],
      ['Bob', 'Hello.', 1, 3, 3],
      ['Ann', 'Tea?', 3, 5, 6],
      ['Bob', 'Please.', 3, 5, 6],
    ]);
  });

  it('returns to the outer voice after a nested one closes; text outside voices is unlabelled', () => {
    expect(lines(vtt('00:01.000 --> 00:02.000\n<v Bob>Sugar, <v Ann>no,</v> a pinch.</v> Right.'))).toEqual(['Bob: Sugar,', 'Ann: no,', 'Bob: a pinch.', '-: Right.']);
  });

  it('strips formatting, class, language, ruby and unknown tags', () => {
    expect(
      texts(
        vtt(
          '00:01.000 --> 00:02.000\n<i>Slow</i> <b>cooked</b> <u>beans</u>, <c.yellow.bg_blue>smoked</c> <lang fr>à la</lang> <ruby>ragù<rt>ra-GOO</rt></ruby> <blink>now</blink>.',
        ),
      ),
    ).toEqual(['Slow cooked beans, smoked à la ragù now.']);
  });

  it('removes inline timestamps', () => {
    expect(texts(vtt('00:01.000 --> 00:03.000\nso<00:00:01.240><c> the</c><00:00:01.600><c> train</c>'))).toEqual(['so the train']);
  });

  it('decodes entities once, after removing tags', () => {
    expect(texts(vtt('00:01.000 --> 00:02.000\nFish &amp; chips &lt;v Ann&gt; &amp;lt;b&amp;gt; &#x263A;&nbsp;ok'))).toEqual(['Fish & chips <v Ann> &lt;b&gt; ☺ ok']);
  });

  it('keeps a < that never closes as text, as a reader would expect', () => {
    expect(texts(vtt('00:01.000 --> 00:02.000\nI <3 trains'))).toEqual(['I <3 trains']);
    // With a `>` later, the spec tokenizer makes it a tag.
    expect(texts(vtt('00:01.000 --> 00:02.000\n3 < 5 and 6 > 4'))).toEqual(['3 4']);
  });

  it('marks >> as a new turn, also at the start of a later line in the cue', () => {
    const r = parse(vtt('00:01.000 --> 00:03.000\n>> Good morning.', '00:03.000 --> 00:05.000\nDelays after\n>> Thanks.', '00:05.000 --> 00:06.000\n&gt;&gt; Encoded.'));
    expect(r.segments.map((s) => [s.text, s.newTurn ?? false, s.line])).toEqual([
      ['Good morning.', true, 3],
      ['Delays after', false, 6],
      ['Thanks.', true, 6],
      ['Encoded.', true, 10],
    ]);
  });

  it('reads Speaker N: prefixes when there is no voice tag', () => {
    const r = parse(vtt('00:01.000 --> 00:02.000\nSpeaker 1: Rain again.', '00:02.000 --> 00:03.000\n>> Ann: Umbrellas out.', '00:03.000 --> 00:04.000\nAt 10:30 sharp.'));
    expect(r.segments.map((s) => [s.label, s.text, s.newTurn ?? false])).toEqual([
      [{ name: 'Speaker 1', strong: true, raw: 'Speaker 1:' }, 'Rain again.', false],
      [{ name: 'Ann', strong: false, raw: 'Ann:' }, 'Umbrellas out.', true],
      [null, 'At 10:30 sharp.', false],
    ]);
  });

  it('turns whole-cue sound annotations into sound segments', () => {
    const r = parse(vtt('00:01.000 --> 00:02.000\n[Music]', '00:02.000 --> 00:03.000\n(laughter)', '00:03.000 --> 00:04.000\n♪ ♪', '00:04.000 --> 00:05.000\n<i>[Applause]</i>', '00:05.000 --> 00:06.000\nIt was [inaudible] fine.'));
    expect(r.segments.map((s) => [s.kind, s.text])).toEqual([
      ['sound', 'music'],
      ['sound', 'laughter'],
      ['sound', '♪ ♪'],
      ['sound', 'applause'],
      ['speech', 'It was [inaudible] fine.'],
    ]);
  });
});

describe('webvtt rolling captions', () => {
  const youtube = [
    'WEBVTT',
    'Kind: captions',
    'Language: en',
    '',
    '00:00:00.000 --> 00:00:02.000 align:start position:0%',
    ' ',
    'the<00:00:00.300><c> kettle</c><00:00:00.600><c> is</c><00:00:00.900><c> on</c>',
    '',
    '00:00:02.000 --> 00:00:02.010 align:start position:0%',
    'the kettle is on',
    ' ',
    '',
    '00:00:02.010 --> 00:00:04.000 align:start position:0%',
    'the kettle is on',
    'so<00:00:02.300><c> we</c><00:00:02.600><c> can</c><00:00:02.900><c> talk</c>',
    '',
    '00:00:04.000 --> 00:00:04.010 align:start position:0%',
    'so we can talk',
    ' ',
    '',
    '00:00:04.010 --> 00:00:06.000 align:start position:0%',
    'so we can talk',
    'about<00:00:04.300><c> scones</c>',
    '',
    '00:00:06.000 --> 00:00:06.010 align:start position:0%',
    'about scones',
    ' ',
    '',
    '00:00:06.010 --> 00:00:08.000 align:start position:0%',
    'about scones',
    'no',
    '',
    '00:00:08.000 --> 00:00:08.010 align:start position:0%',
    'no',
    ' ',
    '',
    '00:00:08.010 --> 00:00:10.000 align:start position:0%',
    'no',
    'really<00:00:08.300><c> scones</c>',
    '',
  ].join('\n');

  it('shows every line once, in order, with the times of the cue that introduced it', () => {
    const r = parse(youtube);
    expect(r.segments.map((s) => [s.text, s.start, s.end, s.line])).toEqual([
      ['the kettle is on', 0, 2, 5],
      ['so we can talk', 2.01, 4, 13],
      ['about scones', 4.01, 6, 21],
      ['no', 6.01, 8, 29],
      ['really scones', 8.01, 10, 37],
    ]);
    expect(r.diagnostics).toEqual([]);
    const words = r.segments.flatMap((s) => s.text.split(' '));
    expect(words).toEqual(['the', 'kettle', 'is', 'on', 'so', 'we', 'can', 'talk', 'about', 'scones', 'no', 'really', 'scones']);
  });

  it('also de-duplicates rolling captions without inline timestamps', () => {
    const cues = ['A train left at dawn', 'heading for the coast', 'with forty sleepers', 'and one dining car', 'serving kippers'];
    const rolled: string[] = [];
    for (let k = 1; k < cues.length; k++) rolled.push(`00:00:0${k}.000 --> 00:00:0${k + 1}.000\n${cues[k - 1]}\n${cues[k]}`);
    // The first cue shows two new lines at once; each later cue adds one.
    expect(texts(vtt(...rolled))).toEqual(['A train left at dawn heading for the coast', ...cues.slice(2)]);
  });

  it('keeps legitimately repeated lines in an ordinary file', () => {
    const r = parse(
      vtt(
        '00:01.000 --> 00:02.000\n<v Ann>Are you sure?',
        '00:02.000 --> 00:03.000\n<v Bob>No.',
        '00:03.000 --> 00:04.000\n<v Bob>No.',
        '00:04.000 --> 00:05.000\nNo.\nReally no.',
        '00:05.000 --> 00:06.000\nReally no.\nFine.',
        '00:06.000 --> 00:07.000\nFine.',
        '00:07.000 --> 00:08.000\nA different line.',
        '00:08.000 --> 00:09.000\nAnd another.',
      ),
    );
    expect(r.segments.map((s) => s.text)).toEqual(['Are you sure?', 'No.', 'No.', 'No. Really no.', 'Really no. Fine.', 'Fine.', 'A different line.', 'And another.']);
  });
});

describe('webvtt robustness', () => {
  it('parses 20,000 nested tags quickly and correctly', () => {
    const depth = 20_000;
    const text = vtt(`00:01.000 --> 00:02.000\n${'<i>'.repeat(depth)}deep${'</i>'.repeat(depth)} <v Ann>${'<b><c.x>'.repeat(depth)}voice`);
    const r = parse(text);
    expect(r.segments.map((s) => [s.label?.name ?? null, s.text])).toEqual([
      [null, 'deep'],
      ['Ann', 'voice'],
    ]);
  });

  it('parses a 2 MB single line without trouble', () => {
    const big = 'trains and '.repeat(200_000);
    expect(parse(vtt(`00:01.000 --> 00:02.000\n${big}`)).segments[0]?.text.length).toBe(big.trim().length);
    const r = parse(`WEBVTT\n\n${'<'.repeat(1_000_000)}${'-->'.repeat(300_000)}`);
    expect(r.codes).toEqual(['vtt-bad-timing']);
    expect(parse('x'.repeat(2_000_000)).codes).toEqual(['vtt-bad-signature', 'vtt-unknown-block']);
  });

  it('never throws on nasty input', () => {
    for (const s of ['', 'WEBVTT', 'WEBVTT\n', '-->', 'WEBVTT\n\n-->', '<<<<', 'WEBVTT\n\n00:01.000 --> 00:02.000\n<<<<', 'WEBVTT\n\n00:01.000 --> 00:02.000\n<v', 'WEBVTT\n\n00:01.000 --> 00:02.000\n<v Ann', '\n\n\n', 'NOTE', 'WEBVTT\n\n00:01.000 --> 00:02.000\n</v></v><v>']) {
      expect(() => parse(s)).not.toThrow();
    }
    expect(parse('WEBVTT').segments).toEqual([]);
    expect(parse('WEBVTT').diagnostics).toEqual([]);
    expect(parse('').codes).toEqual(['vtt-bad-signature']);
  });

  it('property: never throws; segments have text, ordered times and no CR or NUL', () => {
    const check = (text: string) => {
      const r = parse(text);
      for (const s of r.segments) {
        expect(s.text.length).toBeGreaterThan(0);
        if (s.start !== null && s.end !== null) expect(s.start).toBeLessThanOrEqual(s.end);
        expect(s.text).not.toMatch(/[\r\0]/);
        if (s.label) expect(s.label.name).not.toMatch(/[\r\0]/);
        expect(s.line).toBeGreaterThanOrEqual(1);
      }
    };
    const piece = fc.constantFrom('WEBVTT', '\n', '\n\n', '-->', ' --> ', '00:01.000', '00:00:02.500', '0:00:03.000', '<v Ann>', '</v>', '<i>', '<', '>', '&amp;', '&#0;', '\r', '\0', 'NOTE', '>>', 'Speaker 1:', '[Music]', ' ', 'text');
    fc.assert(fc.property(fc.string(), check), { numRuns: 300 });
    fc.assert(fc.property(fc.string(), (s) => check(`WEBVTT\n\n${s}`)), { numRuns: 300 });
    fc.assert(fc.property(fc.array(piece, { maxLength: 40 }), (parts) => check(`WEBVTT\n\n${parts.join('')}`)), { numRuns: 500 });
  });
});

describe('webvtt detection', () => {
  it('is certain with the signature, unsure without it, and stays below SRT on SRT files', () => {
    expect(webvtt.detect('WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n')).toBe(1);
    expect(webvtt.detect('  WEBVTT - Title\n')).toBe(1);
    expect(webvtt.detect('WEBVTTX\n')).toBe(0);
    expect(webvtt.detect('00:00:01.000 --> 00:00:02.000\nHi\n')).toBe(0.5);
    expect(webvtt.detect('Just some prose about --> arrows.\n')).toBe(0);
    for (const srtFile of ['1\n00:00:01,000 --> 00:00:02,000\nHi\n', '1\n00:00:01.000 --> 00:00:02.000\nHi\n', '00:00:01,000 --> 00:00:02,000\nHi\n']) {
      expect(webvtt.detect(srtFile)).toBeLessThan(srt.detect(srtFile));
    }
    expect(srt.detect(webvtt.example)).toBe(0);
  });

  it('detects and parses its own example', () => {
    expect(webvtt.detect(webvtt.example)).toBe(1);
    const r = parse(webvtt.example);
    expect(r.title).toBe('Allotment Diaries');
    expect(r.segments.length).toBe(2);
    expect(r.diagnostics).toEqual([]);
  });

  it('is quick on hostile heads', () => {
    webvtt.detect(' '.repeat(65_536));
    webvtt.detect('\n'.repeat(65_536));
    webvtt.detect(`${'1'.repeat(65_536)}`);
    webvtt.detect('00:00:01.000 '.repeat(5000));
  });
});
