/**
 * A compact binary form of an episode for the on-disk corpus cache. The
 * episode's words are stored once (the segments' texts joined by spaces, as
 * the ingest holds them, normalize/shared-text.ts); segments, paragraphs and
 * turns are columns of numbers pointing into that text; the small envelope
 * (metadata, speakers, chapters) is JSON. Decoding rebuilds the same objects,
 * with the same keys in the same order, as the ingest made, and points every
 * segment and paragraph text at a slice of one string, so a decoded episode
 * is as lean as a freshly parsed one. A build reads each cached episode
 * several times (pages, exports, search records); this form is less than
 * half the size of the episode's JSON and no slower to read.
 *
 * Layout: "VBE1", u32 header length, header JSON, text (UTF-8), then the
 * number columns, each 8-byte aligned.
 */
import type { Episode, Paragraph, Segment, Turn } from '../transcript/schema.ts';
import { joinSegmentText } from '../transcript/normalize/shared-text.ts';

const MAGIC = 0x31454256; // "VBE1", little-endian
const NONE = 0xffffffff;

/** Everything but the per-cue arrays, plus what the columns refer to. */
interface Header {
  envelope: Omit<Episode, 'segments' | 'paragraphs' | 'turns'>;
  /** The episode's keys in the ingest's order (JSON exports print in this order). */
  keys: string[];
  /** Speaker ids the columns refer to by index (-1 is null). */
  speakerIds: string[];
  segments: number;
  paragraphs: number;
  turns: number;
  /** Byte length of the UTF-8 text. */
  textBytes: number;
  /** Paragraph ids that are not `p<n>` with n as written (by paragraph index). */
  ids?: Record<number, string>;
  /** Paragraph texts that are not a slice of the segments' text (by paragraph index). */
  texts?: Record<number, string>;
}

const F64 = 8;
const U32 = 4;

/** Serialize an episode. */
export function encodeEpisode(episode: Episode): Uint8Array {
  const { segments, paragraphs, turns, ...envelope } = episode;
  const shared = joinSegmentText(segments);
  const speakerIds: string[] = [];
  const speakerIndex = new Map<string, number>();
  const speakerOf = (id: string | null): number => {
    if (id === null) return -1;
    let i = speakerIndex.get(id);
    if (i === undefined) {
      i = speakerIds.length;
      speakerIds.push(id);
      speakerIndex.set(id, i);
    }
    return i;
  };

  const ns = segments.length;
  const segStart = new Float64Array(ns);
  const segEnd = new Float64Array(ns);
  const segSpeaker = new Int32Array(ns);
  const segLength = new Uint32Array(ns);
  const segLine = new Uint32Array(ns);
  const segColumn = new Uint32Array(ns);
  const segFlags = new Uint8Array(ns);
  for (let i = 0; i < ns; i++) {
    const s = segments[i] as Segment;
    segStart[i] = s.start ?? Number.NaN;
    segEnd[i] = s.end ?? Number.NaN;
    segSpeaker[i] = speakerOf(s.speaker);
    segLength[i] = s.text.length;
    segLine[i] = s.line;
    segColumn[i] = s.column;
    segFlags[i] = (s.kind === 'sound' ? 1 : 0) | (s.newTurn === undefined ? 0 : 2) | (s.newTurn ? 4 : 0);
  }

  const np = paragraphs.length;
  const ids: Record<number, string> = {};
  const texts: Record<number, string> = {};
  const parNumber = new Uint32Array(np);
  const parSpeaker = new Int32Array(np);
  const parStart = new Float64Array(np);
  const parEnd = new Float64Array(np);
  const parFirst = new Uint32Array(np);
  const parLast = new Uint32Array(np);
  const parFrom = new Uint32Array(np);
  const parLength = new Uint32Array(np);
  const parFlags = new Uint8Array(np);
  for (let i = 0; i < np; i++) {
    const p = paragraphs[i] as Paragraph;
    const n = Number(p.id.slice(1));
    if (`p${n}` === p.id && n < NONE) parNumber[i] = n;
    else {
      parNumber[i] = NONE;
      ids[i] = p.id;
    }
    parSpeaker[i] = speakerOf(p.speaker);
    parStart[i] = p.start ?? Number.NaN;
    parEnd[i] = p.end ?? Number.NaN;
    parFirst[i] = p.firstSegment;
    parLast[i] = p.lastSegment;
    parFlags[i] = p.kind === 'sound' ? 1 : 0;
    const from = shared.offsets[p.firstSegment];
    if (from !== undefined && shared.text.startsWith(p.text, from)) {
      parFrom[i] = from;
      parLength[i] = p.text.length;
    } else {
      // Not where the ingest puts it: keep the text itself rather than guess.
      parFrom[i] = NONE;
      parLength[i] = NONE;
      texts[i] = p.text;
    }
  }

  const nt = turns.length;
  const turnSpeaker = new Int32Array(nt);
  const turnStart = new Float64Array(nt);
  const turnEnd = new Float64Array(nt);
  const turnIndexes = new Uint32Array(nt * 4);
  for (let i = 0; i < nt; i++) {
    const t = turns[i] as Turn;
    turnSpeaker[i] = speakerOf(t.speaker);
    turnStart[i] = t.start ?? Number.NaN;
    turnEnd[i] = t.end ?? Number.NaN;
    turnIndexes.set([t.firstSegment, t.lastSegment, t.firstParagraph, t.lastParagraph], i * 4);
  }

  const text = Buffer.from(shared.text, 'utf8');
  const header: Header = { envelope, keys: Object.keys(episode), speakerIds, segments: ns, paragraphs: np, turns: nt, textBytes: text.length };
  if (Object.keys(ids).length > 0) header.ids = ids;
  if (Object.keys(texts).length > 0) header.texts = texts;
  const head = Buffer.from(JSON.stringify(header), 'utf8');

  const columns: ArrayBufferView[] = [
    segStart, segEnd, parStart, parEnd, turnStart, turnEnd,
    segSpeaker, segLength, segLine, segColumn, parNumber, parSpeaker, parFirst, parLast, parFrom, parLength, turnSpeaker, turnIndexes,
    segFlags, parFlags,
  ];
  let size = align(8 + head.length + text.length);
  for (const c of columns) size = align(size + c.byteLength);
  const out = Buffer.alloc(size);
  out.writeUInt32LE(MAGIC, 0);
  out.writeUInt32LE(head.length, 4);
  head.copy(out, 8);
  text.copy(out, 8 + head.length);
  let at = align(8 + head.length + text.length);
  for (const c of columns) {
    out.set(new Uint8Array(c.buffer, c.byteOffset, c.byteLength), at);
    at = align(at + c.byteLength);
  }
  return out;
}

/** Read what `encodeEpisode` wrote; throws on anything else (the cache then reads the transcript again). */
export function decodeEpisode(bytes: Uint8Array): Episode {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length < 8 || buffer.readUInt32LE(0) !== MAGIC) throw new Error('not a cached episode');
  const headLength = buffer.readUInt32LE(4);
  const header = JSON.parse(buffer.toString('utf8', 8, 8 + headLength)) as Header;
  const textStart = 8 + headLength;
  const text = buffer.toString('utf8', textStart, textStart + header.textBytes);
  const { segments: ns, paragraphs: np, turns: nt } = header;

  // Copy the columns into one aligned buffer: the file's bytes may start at any offset.
  const columnsStart = align(textStart + header.textBytes);
  const store = new ArrayBuffer(buffer.length - columnsStart);
  new Uint8Array(store).set(buffer.subarray(columnsStart));
  let at = 0;
  const take = <T>(make: (b: ArrayBuffer, offset: number, length: number) => T, count: number, width: number): T => {
    const view = make(store, at, count);
    at = align(at + count * width);
    if (at > store.byteLength + 8) throw new Error('cached episode is truncated');
    return view;
  };
  const f64 = (n: number) => take((b, o, l) => new Float64Array(b, o, l), n, F64);
  const i32 = (n: number) => take((b, o, l) => new Int32Array(b, o, l), n, U32);
  const u32 = (n: number) => take((b, o, l) => new Uint32Array(b, o, l), n, U32);
  const u8 = (n: number) => take((b, o, l) => new Uint8Array(b, o, l), n, 1);
  const segStart = f64(ns), segEnd = f64(ns), parStart = f64(np), parEnd = f64(np), turnStart = f64(nt), turnEnd = f64(nt);
  const segSpeaker = i32(ns), segLength = u32(ns), segLine = u32(ns), segColumn = u32(ns);
  const parNumber = u32(np), parSpeaker = i32(np), parFirst = u32(np), parLast = u32(np), parFrom = u32(np), parLength = u32(np);
  const turnSpeaker = i32(nt), turnIndexes = u32(nt * 4);
  const segFlags = u8(ns), parFlags = u8(np);

  const ids = header.speakerIds;
  const who = (i: number): string | null => (i < 0 ? null : (ids[i] ?? null));
  const time = (x: number): number | null => (Number.isNaN(x) ? null : x);

  const segments: Segment[] = new Array(ns);
  let offset = 0;
  for (let i = 0; i < ns; i++) {
    const length = segLength[i] as number;
    const flags = segFlags[i] as number;
    const segment: Segment = {
      start: time(segStart[i] as number),
      end: time(segEnd[i] as number),
      speaker: who(segSpeaker[i] as number),
      text: text.slice(offset, offset + length),
      kind: flags & 1 ? 'sound' : 'speech',
      line: segLine[i] as number,
      column: segColumn[i] as number,
    };
    if (flags & 2) segment.newTurn = (flags & 4) !== 0;
    segments[i] = segment;
    offset += length + 1;
  }

  const paragraphs: Paragraph[] = new Array(np);
  for (let i = 0; i < np; i++) {
    const n = parNumber[i] as number;
    const from = parFrom[i] as number;
    paragraphs[i] = {
      id: n === NONE ? (header.ids?.[i] ?? `p${i + 1}`) : `p${n}`,
      speaker: who(parSpeaker[i] as number),
      start: time(parStart[i] as number),
      end: time(parEnd[i] as number),
      text: from === NONE ? (header.texts?.[i] ?? '') : text.slice(from, from + (parLength[i] as number)),
      kind: (parFlags[i] as number) & 1 ? 'sound' : 'speech',
      firstSegment: parFirst[i] as number,
      lastSegment: parLast[i] as number,
    };
  }

  const turns: Turn[] = new Array(nt);
  for (let i = 0; i < nt; i++) {
    turns[i] = {
      speaker: who(turnSpeaker[i] as number),
      start: time(turnStart[i] as number),
      end: time(turnEnd[i] as number),
      firstSegment: turnIndexes[i * 4] as number,
      lastSegment: turnIndexes[i * 4 + 1] as number,
      firstParagraph: turnIndexes[i * 4 + 2] as number,
      lastParagraph: turnIndexes[i * 4 + 3] as number,
    };
  }

  const parts: Record<string, unknown> = { ...header.envelope, segments, paragraphs, turns };
  const episode: Record<string, unknown> = {};
  for (const key of header.keys) episode[key] = parts[key];
  return episode as Episode;
}

const align = (n: number) => (n + 7) & ~7;
