/**
 * WebVTT-like text for the fast-path equivalence test: files mixing the
 * common cue shape the fast path reads with every quirk it must hand over
 * (voices with classes, unclosed, several or empty voices, NOTE/STYLE/REGION
 * blocks, entities, inline timestamps, cue ids, settings, bad and
 * out-of-order timings, rolling captions, odd whitespace and controls), then
 * truncated or mutated at random. Text is as decoding leaves it: LF line
 * ends (a stray CR or control can still appear, as after `&#13;`-free
 * mutations, to exercise the hand-over).
 */
import fc from 'fast-check';

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** A clock in the common shape (`HH:MM:SS.mmm`, sometimes `MM:SS.mmm` or one-digit hours). */
const goodClock = (ms: number, style: number) => {
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor(ms / 60_000) % 60;
  const s = Math.floor(ms / 1000) % 60;
  const f = pad(ms % 1000, 3);
  if (style === 1 && h === 0) return `${pad(m, 2)}:${pad(s, 2)}.${f}`;
  if (style === 2) return `${h}:${pad(m, 2)}:${pad(s, 2)}.${f}`;
  return `${pad(h, 2)}:${pad(m, 2)}:${pad(s, 2)}.${f}`;
};

/** Clocks off the common shape: out of range, short fractions, commas, too many digits, long hour fields, junk. */
const oddClock = fc.constantFrom(
  '00:00:61.000', '00:61:00.000', '0:00:01.0', '00:00:01.00', '00:00:01', '00:00:01,000', '000:00:01.000', '0000:00:01.000',
  '1:2:3.456', '00:00:01.0000', '00:01.000', '99:59:59.999', '00:00:01.', '00:00:1.000', '00:0:01.000', 'ab:cd:ef.ghi', '', '00:00:02.500',
  '123:00:00.000', '00:00:00.000', '01:00.5', '1088:43:01.350', '0001088:43:01.350', '999999:59:59.999', '1000000:00:00.000',
);

/** Pieces of cue text: plain words, and every markup or whitespace quirk. */
const plainWord = fc.constantFrom('the', 'grid', 'Heat', 'pumps', 'café', '3', '2019', 'naïve', '北京', 'שלום', '—', 'ok.', 'why?', 'a-b', '--', '🎙️', 'x:y');
const quirk = fc.constantFrom(
  '<v Ann>', '<v.loud Bo Chen>', '<v.a.b Speaker 2>', '<v>', '<v   >', '<v\tAnn>', '<v &amp; Co>', '</v>', '<vid>', '<v Ann', '<c>', '</c>', '<i>', '</i>',
  '<c.yellow>', '<00:00:01.500>', '<ruby>', '<rt>', '</rt>', '</ruby>', '<lang en>', '&amp;', '&lt;', '&gt;&gt;', '&#1;', '&nbsp;', '&', '<', '>', '>>', '>> ',
  '-->', ' --> ', '[Music]', '(laughs)', '♪', '♫ la ♫', '[ __ ]', 'Speaker 1:', 'Ann:', 'Note:', '  ', ' ', '\t', '\u00a0', '\u200b', '\u3000', '\u0085',
  '\u0001', '\u007f', '\r', '\f', '\u2028', '\ufeff', 'NOTE', 'STYLE', 'WEBVTT',
);
const textLine = fc
  .array(fc.oneof({ weight: 6, arbitrary: plainWord }, { weight: 1, arbitrary: quirk }), { minLength: 0, maxLength: 6 })
  .chain((words) =>
    fc.record({
      voice: fc.constantFrom('', '', '', '<v Ann>', '<v Speaker 2>', '<v.loud Bo Chen>', '<v Ann Lee>', '<v.x Speaker 2>', '<v>', '<c>', '<v Ann -->', '<v.a-->'),
      close: fc.constantFrom('', '', '', '</v>', ' </v>', '</v> x'),
      sound: fc.constantFrom('', '', '', '', '[Music]', '(applause)', '♪ ♪', 'Ann: ', 'Speaker 3: '),
      words: fc.constant(words),
    }),
  )
  .map(({ voice, close, sound, words }) => voice + (words.length === 0 || sound.endsWith(' ') ? sound : '') + words.join(' ') + close);

interface CueSpec {
  id: string;
  gap: number;
  length: number;
  style: number;
  space1: string;
  space2: string;
  settings: string;
  odd: string | null;
  oddEnd: boolean;
  lines: string[];
}

const cueSpec: fc.Arbitrary<CueSpec> = fc.record({
  id: fc.constantFrom('', '', '', '1', '42', 'intro', 'a-->b', 'NOTE', 'NOTE x', 'STYLE', '00:00:01.000', 'x > y', ' ', '-- >'),
  gap: fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 0, max: 4000 }) }, { weight: 1, arbitrary: fc.integer({ min: -3000, max: 0 }) }),
  length: fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 0, max: 5000 }) }, { weight: 1, arbitrary: fc.integer({ min: -2000, max: 0 }) }),
  style: fc.constantFrom(0, 0, 0, 1, 2),
  space1: fc.constantFrom(' ', ' ', ' ', '', '\t', '  ', '\f'),
  space2: fc.constantFrom(' ', ' ', ' ', '', '\t', '  '),
  settings: fc.constantFrom('', '', '', ' align:start position:0%', ' line:90%', '\t', ' ', 'x', '5', ' -->'),
  odd: fc.option(oddClock, { freq: 8 }),
  oddEnd: fc.boolean(),
  lines: fc.array(textLine, { minLength: 0, maxLength: 3 }),
});

/** A cue in the common shape: optional id, tidy timing, plain lines under at most one leading voice. */
const cleanCue: fc.Arbitrary<CueSpec> = fc
  .record({
    id: fc.constantFrom('', '', '', '7', 'intro'),
    gap: fc.integer({ min: 0, max: 4000 }),
    length: fc.integer({ min: 1, max: 5000 }),
    style: fc.constantFrom(0, 0, 0, 1, 2),
    settings: fc.constantFrom('', '', '', ' align:start position:0%'),
    voice: fc.constantFrom('', '<v Ann>', '<v Speaker 2>', '<v.loud Bo Chen>', '<v Speaker 2>', '<v Speaker 2>', '<v Bo -->'),
    close: fc.constantFrom('', '', '</v>'),
    lines: fc.array(fc.array(plainWord, { minLength: 1, maxLength: 8 }).map((w) => w.join(' ')), { minLength: 1, maxLength: 3 }),
    first: fc.constantFrom('', '', '', '', '', '[Music]', '(laughs)', '♪ la', 'Ann: ', 'Speaker 1: ', 'Note: '),
  })
  .map(({ voice, close, lines, first, ...rest }) => {
    const shown = [...lines];
    if (first.endsWith(' ')) shown[0] = first + (shown[0] ?? '');
    else if (first !== '') shown.splice(0, shown.length, first);
    shown[0] = voice + (shown[0] ?? '');
    shown[shown.length - 1] += voice === '' ? '' : close;
    return { ...rest, space1: ' ', space2: ' ', odd: null, oddEnd: false, lines: shown };
  });

/** A block of a file other than a cue. */
const otherBlock = fc.constantFrom(
  'NOTE a comment', 'NOTE\nspanning\nlines', 'NOTE with 00:00:01.000 --> 00:00:02.000 inside', 'NOTE x\n00:00:01.000 --> 00:00:02.000\nafter note',
  'STYLE\n::cue { color: red }', 'REGION\nid:r1 width:40%', 'just some text', 'orphan\ntext\nlines', 'Kind: captions\nLanguage: en', '-->', '1\n2',
);

/**
 * Rolling captions: each cue shows a window of the last one to three lines
 * (mostly two: the previous line on top, the new one below), sometimes
 * followed by a short transition cue showing the new line alone; the new
 * line may carry YouTube's inline word timestamps.
 */
const rolling = fc
  .record({
    lines: fc.array(fc.array(plainWord, { minLength: 1, maxLength: 4 }).map((w) => w.join(' ')), { minLength: 2, maxLength: 10 }),
    windows: fc.array(fc.constantFrom(1, 2, 2, 2, 2, 3), { minLength: 10, maxLength: 10 }),
    transitions: fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }),
    timestamps: fc.boolean(),
    at: fc.integer({ min: 0, max: 50_000 }),
  })
  .map(({ lines, windows, transitions, timestamps, at }) => {
    const cues: string[] = [];
    let t = at;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] ?? '';
      const shown = lines.slice(Math.max(0, i - (windows[i] ?? 2) + 1), i);
      shown.push(timestamps ? line.replace(' ', `<${goodClock(t + 100, 0)}><c> `) + '</c>' : line);
      cues.push(`${goodClock(t, 0)} --> ${goodClock(t + 1000, 0)} align:start position:0%\n${shown.join('\n')}`);
      if (transitions[i]) cues.push(`${goodClock(t + 1000, 0)} --> ${goodClock(t + 1010, 0)} align:start position:0%\n${line}`);
      t += 1010;
    }
    return cues;
  });

const header = fc.constantFrom(
  'WEBVTT', 'WEBVTT', 'WEBVTT - Title', 'WEBVTT\tTabbed title', 'WEBVTT\nKind: captions\nLanguage: en', '', '\n  WEBVTT', 'webvtt', 'WEBVTT:', 'WEBVTTX',
  'WEBVTT 00:00:01.000 --> 00:00:02.000', 'WEBVTT - &amp; co',
);
const separator = fc.constantFrom('\n\n', '\n\n', '\n\n', '\n\n\n', '\n', '\n \n');
const ending = fc.constantFrom('', '\n', '\n', '\n\n', '\n\n\n');

type Block = { kind: 'cue'; cue: CueSpec } | { kind: 'other'; text: string } | { kind: 'rolling'; cues: string[] };
const block: fc.Arbitrary<Block> = fc.oneof(
  { weight: 12, arbitrary: cleanCue.map((cue) => ({ kind: 'cue' as const, cue })) },
  { weight: 8, arbitrary: cueSpec.map((cue) => ({ kind: 'cue' as const, cue })) },
  { weight: 1, arbitrary: otherBlock.map((text) => ({ kind: 'other' as const, text })) },
  { weight: 1, arbitrary: rolling.map((cues) => ({ kind: 'rolling' as const, cues })) },
);

/** A whole file: header, blocks with their separators, an ending. */
const file = fc.record({ header, blocks: fc.array(fc.tuple(block, separator), { minLength: 0, maxLength: 12 }), ending }).map(({ header, blocks, ending }) => {
  let t = 0;
  const parts: string[] = [header];
  for (const [b, sep] of blocks) {
    parts.push(sep);
    if (b.kind === 'other') parts.push(b.text);
    else if (b.kind === 'rolling') parts.push(b.cues.join('\n\n'));
    else {
      const c = b.cue;
      t = Math.max(0, t + c.gap);
      const end = Math.max(0, t + c.length);
      let start = goodClock(t, c.style);
      let stop = goodClock(end, c.style);
      if (c.odd !== null) {
        if (c.oddEnd) stop = c.odd;
        else start = c.odd;
      }
      const timing = `${start}${c.space1}-->${c.space2}${stop}${c.settings}`;
      parts.push([...(c.id === '' ? [] : [c.id]), timing, ...c.lines].join('\n'));
    }
  }
  parts.push(ending);
  return parts.join('');
});

/** Characters a mutation inserts. */
const insertion = fc.constantFrom('\n', '\n\n', ' ', '<', '>', '&', ':', '.', '0', '9', '-->', '<v A>', '</v>', '\t', '\r', '\u00a0', 'é', 'NOTE ', '-');

/** Small edits: truncate, delete, insert or duplicate a range. */
const edit = fc.record({ op: fc.constantFrom('truncate', 'delete', 'insert', 'duplicate'), at: fc.nat(), size: fc.integer({ min: 1, max: 12 }), text: insertion });

function applyEdit(s: string, e: { op: string; at: number; size: number; text: string }): string {
  const at = s.length === 0 ? 0 : e.at % (s.length + 1);
  if (e.op === 'truncate') return s.slice(0, at);
  if (e.op === 'delete') return s.slice(0, at) + s.slice(at + e.size);
  if (e.op === 'insert') return s.slice(0, at) + e.text + s.slice(at);
  return s.slice(0, at + e.size) + s.slice(at, at + e.size) + s.slice(at + e.size);
}

/** A file that is mostly rolling captions, so that de-duplication applies. */
const rollingFile = fc
  .record({ header, cues: rolling, extra: fc.array(fc.tuple(block, separator), { maxLength: 2 }), ending })
  .map(({ header, cues, extra, ending }) => `${header}\n\n${cues.join('\n\n')}${extra.length > 0 ? '\n\n' : ''}${extra.map(([b, sep]) => (b.kind === 'cue' ? '' : b.kind === 'other' ? b.text : b.cues.join('\n\n')) + sep).join('')}${ending}`);

/** WebVTT-like text: mostly well-formed files, a third of them edited at random. */
export const webvttLike: fc.Arbitrary<string> = fc
  .tuple(fc.oneof({ weight: 4, arbitrary: file }, { weight: 1, arbitrary: rollingFile }), fc.oneof({ weight: 2, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.array(edit, { minLength: 1, maxLength: 4 }) }))
  .map(([text, edits]) => edits.reduce(applyEdit, text));
