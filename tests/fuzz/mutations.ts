/**
 * Fuzzing material shared by tests/fuzz/*.test.ts and scripts/fuzz.ts: the
 * fixture corpus as bytes, byte-level mutations as fast-check arbitraries
 * (flip, insert, delete, duplicate a range, splice two files, truncate,
 * insert a token some parser cares about), and truncation offsets at every
 * kind of boundary a parser might trip over.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';

/** One transcript of the corpus, with its sidecar when it has one. */
export interface Sample {
  file: string;
  bytes: Uint8Array;
  sidecar?: Uint8Array;
}

/** Every `input.*` under `root` (transcripts), and every `input.yml` (sidecars), in stable order. */
export function loadCorpus(root = 'tests/fixtures'): { transcripts: Sample[]; sidecars: Uint8Array[] } {
  const transcripts: Sample[] = [];
  const sidecars: Uint8Array[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name === 'input.yml') sidecars.push(readFileSync(path));
      else if (entry.name.startsWith('input.')) {
        const sample: Sample = { file: path, bytes: readFileSync(path) };
        const sidecar = join(dir, 'input.yml');
        if (existsSync(sidecar)) sample.sidecar = readFileSync(sidecar);
        transcripts.push(sample);
      }
    }
  };
  walk(root);
  return { transcripts, sidecars };
}

const utf8 = (s: string) => new TextEncoder().encode(s);

/** Byte strings that mean something to some parser or decoder. */
export const tokens: readonly Uint8Array[] = [
  ...[
    '-->', ' --> ', 'WEBVTT', 'WEBVTT\n\n', 'WEBVTT - T\n', '\n', '\n\n', '\r\n', '\r', ' ', '\t', ':', ',', '.', '0', '1\n',
    '00:00:01,000 --> 00:00:02,000\n', '00:01.000 --> 00:02.000\n', '99:99:99,999', '-00:00:01.000', '123456789:00:00,000', '00:00:60.000',
    '<v Ann>', '<v.loud Speaker 2>', '</v>', '<c.x>', '<i>', '</i>', '<ruby>', '<rt>', '</rt>', '<00:00:01.000>', '<', '>', '</', '<b',
    '&', '&amp;', '&lt;', '&#1;', '&#0;', '&#x202e;', '&#xD800;', '&nbsp;', 'NOTE ', 'NOTE\n', 'STYLE\n', 'REGION\n',
    '---\n', '...\n', 'title: x\n', 'a: &a [1,2]\nb: *a\n', '[[[[', '{a: ', 'date: 2025-02-30\n',
    '- [00:01] ', '- [64:80] ', '[0:8]', '\\[01:00\\]', '# ', '## ', '**Ann:** ', '**', '*', '_', '`', '```\n', '[', ']', '](', ')', '![x](data:',
    '<!--', '-->', '<script>', '>>', '>> ', '[music]', '[ __ ]', 'Speaker 1: ', 'SPEAKER_02: ', 'Note: ', '- Ann: ', 'http://x.y/',
    '\u00a0', '\u200b', '\u202e', '\u2066', '\ufeff', '\u0000', '\u0007', '\u001b', '\u0085', '\u2028', 'é', '東京', '🎙️', 'נ', 'न्',
  ].map(utf8),
  Uint8Array.of(0xef, 0xbb, 0xbf),
  Uint8Array.of(0xff, 0xfe),
  Uint8Array.of(0xfe, 0xff),
  Uint8Array.of(0xc0, 0x80),
  Uint8Array.of(0xed, 0xa0, 0x80),
  Uint8Array.of(0xf0, 0x9f),
  Uint8Array.of(0x80),
  Uint8Array.of(0xff),
  Uint8Array.of(0x00, 0x00),
  Uint8Array.of(0x41, 0x00),
];

/** A byte-level edit; offsets are taken modulo the current length so any edit applies to any input. */
export type Mutation =
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'token'; at: number; token: number; times: number }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'duplicate'; at: number; length: number; times: number }
  | { kind: 'splice'; at: number; other: number; from: number }
  | { kind: 'truncate'; at: number };

const at = fc.nat({ max: 1 << 20 });

/** Arbitrary mutations, weighted toward the structural ones. */
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('flip' as const), at, bit: fc.integer({ min: 0, max: 7 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('insert' as const), at, bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('token' as const), at, token: fc.nat({ max: tokens.length - 1 }), times: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), at, length: fc.integer({ min: 1, max: 200 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('duplicate' as const), at, length: fc.integer({ min: 1, max: 300 }), times: fc.integer({ min: 1, max: 8 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('splice' as const), at, other: fc.nat(), from: at }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at }) },
);

function concat(...parts: Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let k = 0;
  for (const p of parts) {
    out.set(p, k);
    k += p.length;
  }
  return out;
}

/** Apply `mutations` in order to `base`; `others` supplies the second file of a splice. */
export function mutate(base: Uint8Array, mutations: readonly Mutation[], others: readonly Uint8Array[]): Uint8Array {
  let b = base;
  for (const m of mutations) {
    const i = b.length === 0 ? 0 : m.at % (b.length + 1);
    switch (m.kind) {
      case 'flip': {
        if (b.length === 0) break;
        const copy = b.slice();
        const j = i % b.length;
        copy[j] = (copy[j] ?? 0) ^ (1 << m.bit);
        b = copy;
        break;
      }
      case 'insert':
        b = concat(b.subarray(0, i), m.bytes, b.subarray(i));
        break;
      case 'token': {
        const token = tokens[m.token] ?? new Uint8Array();
        b = concat(b.subarray(0, i), ...Array.from({ length: m.times }, () => token), b.subarray(i));
        break;
      }
      case 'delete':
        b = concat(b.subarray(0, i), b.subarray(Math.min(b.length, i + m.length)));
        break;
      case 'duplicate': {
        const range = b.subarray(i, Math.min(b.length, i + m.length));
        b = concat(b.subarray(0, i), ...Array.from({ length: m.times + 1 }, () => range), b.subarray(i + range.length));
        break;
      }
      case 'splice': {
        const other = others.length > 0 ? (others[m.other % others.length] ?? new Uint8Array()) : new Uint8Array();
        b = concat(b.subarray(0, i), other.subarray(other.length === 0 ? 0 : m.from % (other.length + 1)));
        break;
      }
      case 'truncate':
        b = b.subarray(0, i);
        break;
    }
  }
  return b;
}

/**
 * Offsets worth cutting a file at: around every line end, inside every
 * `-->`, tag, entity, timestamp, front matter fence and multi-byte UTF-8
 * sequence, and odd offsets (half a UTF-16 unit). At most `max`, spread evenly.
 */
export function boundaryOffsets(bytes: Uint8Array, max = 24): number[] {
  const found = new Set<number>([0, 1, bytes.length - 1]);
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i] ?? 0;
    if (c === 0x0a || c === 0x0d) found.add(i).add(i + 1);
    else if (c === 0x2d && bytes[i + 1] === 0x2d) found.add(i + 1).add(i + 2); // inside `-->` and `---`
    else if (c === 0x3c || c === 0x26 || c === 0x5b || c === 0x2a) found.add(i + 1); // after `<`, `&`, `[`, `*`
    else if (c === 0x3a || c === 0x2c || c === 0x2e) found.add(i).add(i + 2); // around clock separators
    else if (c >= 0xc0) found.add(i + 1); // inside a multi-byte sequence
  }
  const all = [...found].filter((o) => o >= 0 && o < bytes.length).sort((a, b) => a - b);
  if (bytes.length > 2) all.push(bytes.length - (bytes.length % 2 === 0 ? 1 : 2)); // half a UTF-16 unit at the end
  if (all.length <= max) return all;
  return Array.from({ length: max }, (_, k) => all[Math.floor((k * all.length) / max)] ?? 0);
}
