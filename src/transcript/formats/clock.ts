/**
 * Timestamp reading shared by the timed formats. The reader is a small
 * hand-written scanner over char codes (no regex), and `readClockInto`
 * allocates nothing: the timing line of a caption file is the hottest path
 * of the ingest, so parsers reuse one `ClockRead` for every clock.
 */

/** Result of reading a timestamp: seconds, or why it failed. */
export type ClockResult =
  | { ok: true; seconds: number; end: number }
  | { ok: false; reason: 'syntax' | 'range'; field?: 'hours' | 'minutes' | 'seconds'; end: number };

/** A reusable, mutable result for `readClockInto`: valid until the next read into it. */
export interface ClockRead {
  /** Seconds read (0 on failure). */
  seconds: number;
  /** Where the timestamp (or the failed attempt) ends. */
  end: number;
  /** Why the read failed, or null on success. */
  reason: 'syntax' | 'range' | null;
  /** The out-of-range field, for `reason: 'range'`. */
  field: 'hours' | 'minutes' | 'seconds' | null;
}

/** A fresh `ClockRead` for a parser to reuse. */
export const clockRead = (): ClockRead => ({ seconds: 0, end: 0, reason: null, field: null });

/** Per-format strictness of a clock. */
export interface ClockOptions {
  /** Fractions of 1–3 digits are scaled to ms; 'none' leaves a `.5` unread. */
  fraction: 'required' | 'optional' | 'none';
  /** The first field may exceed 59 when there are only two fields (`84:37`). */
  minuteOverflow?: boolean;
  /** Fewest digits in the minutes and seconds fields. */
  minFieldDigits?: 1 | 2;
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * Largest hour value read (about 114 years). The WebVTT rules allow an hour
 * field of any number of digits, and HLS streams that run for weeks write
 * `1088:43:01.350`; leading zeros are allowed too. Only the value is bounded,
 * so that nine-digit garbage is reported rather than read as a time, and
 * every time read stays exact in milliseconds.
 */
export const MAX_CLOCK_HOURS = 999_999;
/** Digits of MAX_CLOCK_HOURS: the fast reader's widest hour field. */
const MAX_COMMON_HOUR_DIGITS = 6;

/** The range of a clock field, for `time-out-of-range` messages. */
export const clockFieldLimit = (field: 'hours' | 'minutes' | 'seconds' | null): string => (field === 'hours' ? `0–${MAX_CLOCK_HOURS}` : '0–59');

function fail(out: ClockRead, reason: 'syntax' | 'range', end: number, field: 'hours' | 'minutes' | 'seconds' | null = null): false {
  out.seconds = 0;
  out.end = end;
  out.reason = reason;
  out.field = field;
  return false;
}

/**
 * Read a caption clock `[H…:]M…:S…[(,|.)f…]` starting at `from` in `s` into
 * `out`; true on success. `out.end` is where the timestamp ends, so callers
 * can scan on. Allocates nothing.
 */
export function readClockInto(out: ClockRead, s: string, from: number, opts: ClockOptions): boolean {
  // Up to three fields and their digit counts, in locals rather than arrays.
  let f0 = 0;
  let f1 = 0;
  let f2 = 0;
  let d0 = 0;
  let d1 = 0;
  let d2 = 0;
  let n = 0;
  let i = from;
  const len = s.length;
  for (;;) {
    let v = 0;
    let d = 0;
    let c = i < len ? s.charCodeAt(i) : -1;
    while (isDigit(c)) {
      // Exact up to 10 significant digits, then only known to be too large: an hour field may be any length.
      if (v < 1e10) v = v * 10 + (c - 48);
      d++;
      i++;
      c = i < len ? s.charCodeAt(i) : -1;
    }
    if (d === 0) return fail(out, 'syntax', i);
    if (n >= 3) return fail(out, 'syntax', i);
    if (n === 0) {
      f0 = v;
      d0 = d;
    } else if (n === 1) {
      f1 = v;
      d1 = d;
    } else {
      f2 = v;
      d2 = d;
    }
    n++;
    if (c === 58 /* : */ && i + 1 < len && isDigit(s.charCodeAt(i + 1))) {
      i++;
      continue;
    }
    break;
  }
  if (n < 2) return fail(out, 'syntax', i);
  let ms = 0;
  const sep = i < len ? s.charCodeAt(i) : -1;
  if ((sep === 44 /* , */ || sep === 46) /* . */ && i + 1 < len && isDigit(s.charCodeAt(i + 1)) && opts.fraction !== 'none') {
    i++;
    let d = 0;
    let v = 0;
    while (i < len && isDigit(s.charCodeAt(i))) {
      if (d < 3) v = v * 10 + (s.charCodeAt(i) - 48);
      d++;
      i++;
    }
    if (d > 3) return fail(out, 'syntax', i);
    ms = d === 1 ? v * 100 : d === 2 ? v * 10 : v;
  } else if (opts.fraction === 'required') {
    return fail(out, 'syntax', i);
  }
  const minDigits = opts.minFieldDigits ?? 1;
  let h = 0;
  let m: number;
  let sec: number;
  if (n === 3) {
    h = f0;
    m = f1;
    sec = f2;
    if (d1 > 2 || d2 > 2 || d1 < minDigits || d2 < minDigits) return fail(out, 'syntax', i);
    if (h > MAX_CLOCK_HOURS) return fail(out, 'range', i, 'hours');
    if (m > 59) return fail(out, 'range', i, 'minutes');
  } else {
    m = f0;
    sec = f1;
    if (d0 > (opts.minuteOverflow ? 5 : 2) || d1 > 2 || d1 < minDigits) return fail(out, 'syntax', i);
    if (!opts.minuteOverflow && m > 59) return fail(out, 'range', i, 'minutes');
  }
  if (sec > 59) return fail(out, 'range', i, 'seconds');
  out.seconds = ((h * 3600 + m * 60 + sec) * 1000 + ms) / 1000;
  out.end = i;
  out.reason = null;
  out.field = null;
  return true;
}

/**
 * The common clock shapes, `[H…:]MM:SS.mmm` with one to six hour digits (and `,mmm` when `comma`),
 * read fast into `out` for the fast paths of the caption parsers: minutes
 * and seconds in range, exactly three fraction digits, no digit after them.
 * Where it returns true, `readClockInto` with either format's options reads
 * the same seconds (the same arithmetic) and the same end. Anything else
 * returns false and leaves `out` alone, so the caller asks `readClockInto`,
 * which reads or reports it. Reads past the end give NaN char codes, which
 * fail every test.
 */
export function readCommonClock(out: ClockRead, s: string, from: number, comma: boolean): boolean {
  let i = from;
  let c = s.charCodeAt(i);
  let a = 0;
  let digits = 0;
  while (isDigit(c)) {
    a = a * 10 + (c - 48);
    digits++;
    c = s.charCodeAt(++i);
  }
  if (digits === 0 || digits > MAX_COMMON_HOUR_DIGITS || c !== 58 /* : */) return false;
  const b = digit2(s, i + 1);
  if (b < 0) return false;
  i += 3;
  c = s.charCodeAt(i);
  let h = 0;
  let m = a;
  let sec = b;
  if (c === 58 /* : */) {
    const third = digit2(s, i + 1);
    if (third < 0) return false;
    h = a;
    m = b;
    sec = third;
    i += 3;
    c = s.charCodeAt(i);
  } else if (digits > 2) return false;
  if (!(c === 46 /* . */ || (comma && c === 44)) /* , */ || m > 59 || sec > 59) return false;
  const f1 = s.charCodeAt(i + 1);
  const f2 = s.charCodeAt(i + 2);
  const f3 = s.charCodeAt(i + 3);
  if (!isDigit(f1) || !isDigit(f2) || !isDigit(f3) || isDigit(s.charCodeAt(i + 4))) return false;
  out.seconds = ((h * 3600 + m * 60 + sec) * 1000 + ((f1 - 48) * 100 + (f2 - 48) * 10 + (f3 - 48))) / 1000;
  out.end = i + 4;
  out.reason = null;
  out.field = null;
  return true;
}

/** Two decimal digits at `at` as a number, or -1. */
function digit2(s: string, at: number): number {
  const a = s.charCodeAt(at) - 48;
  const b = s.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** `readClockInto` returning a fresh result object: for cold paths and tests. */
export function readClock(s: string, from: number, opts: ClockOptions = { fraction: 'optional' }): ClockResult {
  const out = clockRead();
  if (readClockInto(out, s, from, opts)) return { ok: true, seconds: out.seconds, end: out.end };
  const reason = out.reason ?? 'syntax';
  return out.field ? { ok: false, reason, field: out.field, end: out.end } : { ok: false, reason, end: out.end };
}

/** Seconds as `HH:MM:SS,mmm` (SRT) or `HH:MM:SS.mmm` (WebVTT). */
export function formatClock(seconds: number, separator: ',' | '.' = '.'): string {
  const totalMs = Math.round(seconds * 1000);
  const ms = totalMs % 1000;
  const totalS = (totalMs - ms) / 1000;
  const s = totalS % 60;
  const m = ((totalS - s) / 60) % 60;
  const h = Math.floor(totalS / 3600);
  return `${pad(h, 2)}:${pad(m, 2)}:${pad(s, 2)}${separator}${pad(ms, 3)}`;
}

/** Seconds as a short human clock: `4:05`, `1:02:03`. */
export function formatShortClock(seconds: number): string {
  const total = Math.floor(seconds);
  const s = total % 60;
  const m = Math.floor(total / 60) % 60;
  const h = Math.floor(total / 3600);
  return h > 0 ? `${h}:${pad(m, 2)}:${pad(s, 2)}` : `${m}:${pad(s, 2)}`;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Round to milliseconds, avoiding binary fraction noise (2.44 not 2.4399999). */
export const roundMs = (seconds: number) => Math.round(seconds * 1000) / 1000;
