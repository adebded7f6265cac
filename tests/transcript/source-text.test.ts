/**
 * Decoding edge cases that the fixtures cannot pin down one by one: the
 * control-character check runs on the bytes four at a time, so a control at
 * any position, in any alignment of the bytes, in short and long inputs,
 * must be found exactly as a regex over the decoded text finds it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/transcript/diagnostics.ts';
import { decodeSource } from '../../src/transcript/source-text.ts';

const controls = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/** What decodeSource should make of UTF-8 text: line ends normalized, controls removed (and how many). */
function reference(text: string): { text: string; removed: number } {
  const normalized = text.replace(/\r\n?/g, '\n');
  const removed = normalized.match(controls)?.length ?? 0;
  return { text: normalized.replace(controls, ''), removed };
}

const piece = fc.oneof(
  { weight: 20, arbitrary: fc.constantFrom('a', 'b', 'Speaker 1: ', ' ', '\n', '\t', '00:00:01,000 --> ') },
  { weight: 4, arbitrary: fc.constantFrom('é', '東京', '🎙️', '\u0085', '\u00a0', '\u2028', '\r\n', '\r') },
  { weight: 1, arbitrary: fc.constantFrom('\u0000', '\u0001', '\u0008', '\u000b', '\u000c', '\u000e', '\u001b', '\u001f', '\u007f') },
);

describe('decodeSource', () => {
  it('finds a control character wherever it sits, at any alignment of the bytes', () => {
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 80 }), fc.nat({ max: 7 }), (pieces, offset) => {
        const text = `x${pieces.join('')}`; // a leading letter keeps the file from being blank
        const encoded = new TextEncoder().encode(text);
        const buffer = new Uint8Array(encoded.length + offset);
        buffer.set(encoded, offset);
        const d = new Diagnostics('t.txt');
        const source = decodeSource(buffer.subarray(offset), d);
        if (!source.usable) return; // too many controls for a transcript: refused as binary
        const expected = reference(text);
        expect(source.text).toBe(expected.text);
        const reported = d.list.filter((x) => x.code === 'control-characters');
        expect(reported.length).toBe(expected.removed > 0 ? 1 : 0);
        if (expected.removed > 0) expect(reported[0]?.message).toContain(`removed ${expected.removed} control`);
      }),
      { seed: 20260101, numRuns: 3000 },
    );
  });

  it('finds a single control byte at every position of a longer ASCII text, at every alignment', () => {
    const base = 'Speaker 1: hello there.\n'.repeat(12);
    for (let offset = 0; offset < 4; offset++) {
      for (let i = 0; i < base.length; i++) {
        for (const c of ['\u0001', '\u007f']) {
          const encoded = new TextEncoder().encode(base.slice(0, i) + c + base.slice(i));
          const buffer = new Uint8Array(encoded.length + offset);
          buffer.set(encoded, offset);
          const d = new Diagnostics('t.txt');
          const source = decodeSource(buffer.subarray(offset), d);
          expect(source.text, `${offset}:${i}`).toBe(base);
          expect(d.list.map((x) => x.code)).toEqual(['control-characters']);
        }
      }
    }
  });
});

describe('decodeSource: NUL in WebVTT', () => {
  const decode = (text: string | Uint8Array) => {
    const d = new Diagnostics('t.vtt');
    const source = decodeSource(typeof text === 'string' ? new TextEncoder().encode(text) : text, d);
    return { source, diagnostics: d.list.map((x) => `${x.line}:${x.column} ${x.code} ${x.message}`) };
  };

  it('replaces NUL with U+FFFD in a WebVTT file, as the WebVTT rules do, and warns on the line of the first', () => {
    // Short: one NUL is over 1% of it, which reads as binary in other files.
    const { source, diagnostics } = decode('WEBVTT\n\n00:01.000 --> 00:02.000\nHel\u0000lo\u0000.\r\n');
    expect(source.usable).toBe(true);
    expect(source.text).toBe('WEBVTT\n\n00:01.000 --> 00:02.000\nHel\ufffdlo\ufffd.\n');
    expect(diagnostics).toEqual([expect.stringMatching(/^4:4 vtt-nul-replaced replaced 2 NUL character\(s\) with U\+FFFD/)]);
  });

  it('does the same after a BOM, in UTF-16, and keeps removing other controls', () => {
    const utf8 = decode(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('WEBVTT - T\n\n00:01.000 --> 00:02.000\nA\u0000b\u0001c\n')]));
    expect(utf8.source.text).toBe('WEBVTT - T\n\n00:01.000 --> 00:02.000\nA\ufffdbc\n');
    expect(utf8.diagnostics.map((d) => d.split(' ').slice(0, 2).join(' '))).toEqual(['4:2 vtt-nul-replaced', '4:4 control-characters']);
    const text = 'WEBVTT\n\n00:01.000 --> 00:02.000\nNo\u0000pe\n';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) bytes[2 + i * 2] = text.charCodeAt(i);
    expect(decode(bytes).source.text).toBe('WEBVTT\n\n00:01.000 --> 00:02.000\nNo\ufffdpe\n');
  });

  it('still refuses binary data: NULs without the signature, or a signature over mostly NULs', () => {
    expect(decode('00:01.000 --> 00:02.000\nHel\u0000lo\n').diagnostics).toEqual([expect.stringMatching(/^1:1 binary-file /)]);
    expect(decode(`WEBVTT\n\n${'\u0000\u0001\u0002'.repeat(50)}`).diagnostics).toEqual([expect.stringMatching(/^1:1 binary-file /)]);
    expect(decode(`WEBVTT\n\n00:01.000 --> 00:02.000\n${'ab\u0000'.repeat(60)}\n`).diagnostics).toEqual([expect.stringMatching(/^1:1 binary-file /)]);
    expect(decode('xWEBVTT\n\nHel\u0000lo\n').source.usable).toBe(false);
  });
});
