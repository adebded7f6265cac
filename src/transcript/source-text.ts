/**
 * Bytes to text: BOM sniffing (UTF-8, UTF-16 LE/BE), UTF-16 without BOM by
 * its zero-byte pattern, strict UTF-8 with a Windows-1252 fallback that is
 * always reported (never a silent U+FFFD) and refused when the bytes are
 * mostly non-ASCII (another encoding), binary refusal, and line-end
 * normalization to LF so parsers see one kind of line end.
 *
 * NUL is the one control the text's format decides on: the WebVTT rules
 * replace it with U+FFFD and go on, so in a file that opens with the WebVTT
 * signature a NUL is text, not a sign of binary data (the same file without
 * the signature would be refused when NULs pass 1% of it).
 */
import { Buffer, isAscii } from 'node:buffer';
import { Diagnostics } from './diagnostics.ts';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface SourceText {
  /** Decoded text: no BOM, LF line ends, no NUL (U+FFFD in WebVTT) or other C0 controls but tab. */
  text: string;
  encoding: Encoding;
  /** False when the bytes cannot be a transcript (binary, empty); `text` is then ''. */
  usable: boolean;
}

/** Largest transcript accepted, in bytes (documented in docs/robustness.md). */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf16le = new TextDecoder('utf-16le', { ignoreBOM: true });
const utf16be = new TextDecoder('utf-16be', { ignoreBOM: true });
const cp1252 = new TextDecoder('windows-1252');

/**
 * Decode a metadata file (the site config, a topic file) the way transcripts
 * are decoded, with the same reports (a Windows-1252 or UTF-16 file is read
 * and said so, never garbled in silence). An empty or blank file is empty
 * text, not an error: every key of those files is optional. Undefined when the bytes
 * are no text (binary), which `diagnostics` then says.
 */
export function decodeTextFile(bytes: Uint8Array, diagnostics: Diagnostics): string | undefined {
  const decoding = new Diagnostics(diagnostics.file);
  const source = decodeSource(bytes, decoding);
  // Blank (nothing, a line end, a byte-order mark: what editors save for an empty file) is empty text, with nothing to report.
  if (decoding.list.some((d) => d.code === 'empty-file')) return '';
  diagnostics.list.push(...decoding.list);
  return source.usable ? source.text : undefined;
}

/** Decode transcript bytes, reporting what was guessed or repaired. */
export function decodeSource(bytes: Uint8Array, diagnostics: Diagnostics): SourceText {
  if (bytes.length === 0) {
    diagnostics.report('empty-file', 1, 1);
    return { text: '', encoding: 'utf-8', usable: false };
  }
  if (bytes.length > MAX_FILE_BYTES) {
    diagnostics.report('file-too-large', 1, 1, { size: bytes.length, limit: MAX_FILE_BYTES });
    return { text: '', encoding: 'utf-8', usable: false };
  }
  let encoding: Encoding;
  let text: string;
  // What to report about the encoding, once the bytes are known not to be binary.
  let note: (() => void) | null = null;
  let refuse = false;
  let decodeBytes = bytes;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) decodeBytes = bytes.subarray(3);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    text = utf16le.decode(bytes.subarray(2));
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be';
    text = utf16be.decode(bytes.subarray(2));
  } else {
    const order = decodeBytes === bytes ? sniffUtf16(bytes) : null;
    if (order) {
      note = () => diagnostics.report('encoding-utf16-no-bom', 1, 1, { order: order === 'utf-16le' ? 'little-endian' : 'big-endian' });
      encoding = order;
      text = (order === 'utf-16le' ? utf16le : utf16be).decode(bytes);
    } else {
      try {
        // ASCII (most transcripts) is UTF-8 that Node's ascii decoder reads several times faster than a UTF-8 decoder.
        text = isAscii(decodeBytes) ? asciiText(decodeBytes) : utf8.decode(decodeBytes);
        encoding = 'utf-8';
      } catch {
        // Invalid UTF-8 (overlong forms, lone surrogates, truncated sequences): the
        // common real cause is a Windows-1252 export. Say so rather than guess silently.
        const { line, column } = firstInvalidUtf8(decodeBytes);
        text = cp1252.decode(decodeBytes);
        encoding = 'windows-1252';
        const high = highByteShare(decodeBytes);
        // Windows-1252 prose is mostly ASCII; this is another encoding (Shift-JIS, KOI8-R…) or binary.
        if (high !== null) {
          note = () => diagnostics.report('encoding-unknown', line, column, { share: high });
          refuse = true;
        } else note = () => diagnostics.report('encoding-fallback', line, column);
      }
    }
  }
  const webvtt = webvttSignature.test(text);
  const binary = binaryReason(text, webvtt);
  if (binary) {
    diagnostics.report('binary-file', 1, 1, { reason: binary });
    return { text: '', encoding, usable: false };
  }
  note?.();
  if (refuse) return { text: '', encoding, usable: false };
  if (text.indexOf('\r') !== -1) text = text.replace(/\r\n?/g, '\n');
  if (webvtt && text.indexOf('\u0000') !== -1) text = replaceNul(text, diagnostics);
  // From single-byte and UTF-8 bytes, a control character is a control byte: scanning the bytes is cheaper.
  const singleByte = encoding === 'utf-8' || encoding === 'windows-1252';
  if (!singleByte || hasControlBytes(decodeBytes)) text = stripControls(text, diagnostics);
  if (!/[^\s\u200b]/.test(text)) {
    // Only whitespace, including what trim() keeps: zero-width spaces.
    diagnostics.report('empty-file', 1, 1);
    return { text: '', encoding, usable: false };
  }
  return { text, encoding, usable: true };
}

/** Bytes of 0x80 and above make up more than this share of Windows-1252 text only in binary data or another encoding. */
const MAX_HIGH_BYTE_SHARE = 0.3;

/** The share of bytes ≥ 0x80 in the first 8 KiB, as a percentage text, when it is too high for Windows-1252; else null. */
function highByteShare(bytes: Uint8Array): string | null {
  const n = Math.min(bytes.length, 8192);
  let high = 0;
  for (let i = 0; i < n; i++) if ((bytes[i] ?? 0) >= 0x80) high++;
  // A handful of accented letters in a short file is still plausible Windows-1252.
  if (high < 16 || high <= n * MAX_HIGH_BYTE_SHARE) return null;
  return `${Math.round((high / n) * 100)}%`;
}

/** Position (line, column in bytes) of the first byte that is not valid UTF-8. */
function firstInvalidUtf8(bytes: Uint8Array): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    if (b === 0x0a) {
      line++;
      lineStart = i + 1;
      i++;
      continue;
    }
    if (b < 0x80) {
      i++;
      continue;
    }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    let ok = need > 0 && i + need < bytes.length + 0;
    for (let k = 1; ok && k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) ok = false;
    }
    // Overlong 3-byte forms and surrogates, overlong/out-of-range 4-byte forms.
    const b1 = bytes[i + 1] ?? 0;
    if (ok && b === 0xe0 && b1 < 0xa0) ok = false;
    if (ok && b === 0xed && b1 > 0x9f) ok = false;
    if (ok && b === 0xf0 && b1 < 0x90) ok = false;
    if (ok && b === 0xf4 && b1 > 0x8f) ok = false;
    if (!ok) return { line, column: i - lineStart + 1 };
    i += need + 1;
  }
  return { line, column: 1 };
}

/** UTF-16 without BOM: text in Latin scripts has a zero in every other byte. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 8) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

/**
 * The WebVTT signature opening decoded text (BOM already gone): `WEBVTT` then
 * a space, tab, line end or nothing. Blank lines before it are allowed, as
 * the WebVTT parser allows them (formats/webvtt.ts).
 */
const webvttSignature = /^\s*WEBVTT(?:[ \t\r\n]|$)/;

/**
 * Why decoded text is binary rather than a transcript, or null. In WebVTT
 * (`nulIsText`) a NUL becomes U+FFFD, so it counts as an undecodable
 * character, not as binary evidence on its own.
 */
function binaryReason(text: string, nulIsText: boolean): string | null {
  const n = Math.min(text.length, 8192);
  let controls = 0;
  let nul = 0;
  let replacement = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) nul++;
    else if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0x7f) controls++;
    else if (c === 0xfffd) replacement++;
  }
  if (nulIsText) {
    replacement += nul;
    nul = 0;
  }
  if (nul > 0 && nul + controls > n * 0.01) return `${nul} NUL byte(s) in the first ${n} characters`;
  if (controls > n * 0.1) return 'mostly control characters';
  if (replacement > n * 0.1) return 'mostly undecodable characters';
  return null;
}

/**
 * The controls removed after line ends are normalized: C0 but tab and LF, and
 * DEL. (CR is among them, but by then every CR has become LF.)
 */
const isControlByte = new Uint8Array(256);
for (let c = 0; c < 32; c++) if (c !== 9 && c !== 10 && c !== 13) isControlByte[c] = 1;
isControlByte[0x7f] = 1;

/**
 * True when single-byte or UTF-8 `bytes` hold a control (a byte below 128 is
 * that character in either encoding; a multi-byte UTF-8 sequence has none).
 * No regex, and four bytes at a time: a word with no byte below 0x20 and no
 * 0x7f (the bit tests below, exact for "any byte" questions) holds no
 * control; only words that may, such as those holding a line end, are
 * looked at byte by byte. About twice as fast as a regex over the text.
 */
function hasControlBytes(bytes: Uint8Array): boolean {
  // Bytes before the first 4-byte boundary, then whole words, then the tail.
  const head = Math.min(bytes.length, (4 - (bytes.byteOffset & 3)) & 3);
  const count = (bytes.length - head) >> 2;
  const words = count > 0 ? new Uint32Array(bytes.buffer, bytes.byteOffset + head, count) : new Uint32Array(0);
  for (let w = 0; w < count; w++) {
    const x = words[w] as number;
    const y = x ^ 0x7f7f7f7f; // a 0x7f byte becomes 0
    if ((((x - 0x20202020) & ~x) | ((y - 0x01010101) & ~y)) & 0x80808080) {
      const i = head + w * 4;
      if ((isControlByte[bytes[i] as number] as number) | (isControlByte[bytes[i + 1] as number] as number) | (isControlByte[bytes[i + 2] as number] as number) | (isControlByte[bytes[i + 3] as number] as number)) return true;
    }
  }
  for (let i = 0; i < head; i++) if (isControlByte[bytes[i] as number] === 1) return true;
  for (let i = head + count * 4; i < bytes.length; i++) if (isControlByte[bytes[i] as number] === 1) return true;
  return false;
}

/**
 * ASCII bytes as a string, without copying them first. (Node's `ascii`
 * decoder is about four times faster here than its `latin1` one, and both
 * are exact on bytes below 0x80.)
 */
function asciiText(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('ascii');
}

const controlChars = /[\u0000-\u0008\u000b-\u001f\u007f]/;
const controlCharsGlobal = /[\u0000-\u0008\u000b-\u001f\u007f]+/g;

/** WebVTT: every NUL becomes U+FFFD (https://www.w3.org/TR/webvtt1/#file-parsing), reported at the first. */
function replaceNul(text: string, diagnostics: Diagnostics): string {
  const at = text.indexOf('\u0000');
  const before = text.slice(0, at);
  let count = 0;
  const replaced = text.replace(/\u0000/g, () => {
    count++;
    return '\ufffd';
  });
  diagnostics.report('vtt-nul-replaced', countLines(before), at - (before.lastIndexOf('\n') + 1) + 1, { count });
  return replaced;
}

/** Remove stray C0 controls (a NUL here and there), reporting the first. */
function stripControls(text: string, diagnostics: Diagnostics): string {
  const m = controlChars.exec(text);
  if (!m) return text;
  const before = text.slice(0, m.index);
  const line = countLines(before);
  const column = m.index - (before.lastIndexOf('\n') + 1) + 1;
  let count = 0;
  const cleaned = text.replace(controlCharsGlobal, (run) => {
    count += run.length;
    return '';
  });
  diagnostics.report('control-characters', line, column, { count });
  return cleaned;
}

function countLines(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
