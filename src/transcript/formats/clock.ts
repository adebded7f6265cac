/**
 * Timestamp reading shared by the timed formats. Each reader is a small
 * hand-written scanner over char codes (no regex, no allocation on success):
 * the timing line of a caption file is the hottest path of the ingest.
 */

/** Result of reading a timestamp: seconds, or why it failed. */
export type ClockResult =
  | { ok: true; seconds: number; end: number }
  | { ok: false; reason: 'syntax' | 'range'; field?: 'hours' | 'minutes' | 'seconds'; end: number };

const fail = (reason: 'syntax' | 'range', end: number, field?: 'hours' | 'minutes' | 'seconds'): ClockResult =>
  field ? { ok: false, reason, field, end } : { ok: false, reason, end };

const isDigit = (c: number) => c >= 48 && c <= 57;

/** Longest hour field accepted; longer is a syntax error (issue: unbounded hour fields). */
const MAX_HOUR_DIGITS = 3;

/**
 * Read a caption clock `[H…:]M…:S…[(,|.)f…]` starting at `from` in `s`.
 * Options decide the strictness per format:
 * - `minuteOverflow`: the first field may exceed 59 when there are only two fields (`84:37`).
 * - `fraction`: 'required' | 'optional' | 'none'. Fractions of 1–3 digits are scaled to ms.
 * Returns where the timestamp ends so callers can scan on.
 */
export function readClock(
  s: string,
  from: number,
  opts: { fraction: 'required' | 'optional' | 'none'; minuteOverflow?: boolean; minFieldDigits?: 1 | 2 } = { fraction: 'optional' },
): ClockResult {
  const fields = [0, 0, 0];
  const digits = [0, 0, 0];
  let n = 0;
  let i = from;
  const len = s.length;
  for (;;) {
    let v = 0;
    let d = 0;
    while (i < len && isDigit(s.charCodeAt(i))) {
      if (d < 9) v = v * 10 + (s.charCodeAt(i) - 48);
      d++;
      i++;
    }
    if (d === 0) return fail('syntax', i);
    if (n >= 3) return fail('syntax', i);
    fields[n] = v;
    digits[n] = d;
    n++;
    if (i < len && s.charCodeAt(i) === 58 /* : */ && i + 1 < len && isDigit(s.charCodeAt(i + 1))) {
      i++;
      continue;
    }
    break;
  }
  if (n < 2) return fail('syntax', i);
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
    if (d > 3) return fail('syntax', i);
    ms = d === 1 ? v * 100 : d === 2 ? v * 10 : v;
  } else if (opts.fraction === 'required') {
    return fail('syntax', i);
  }
  const minDigits = opts.minFieldDigits ?? 1;
  let h = 0;
  let m: number;
  let sec: number;
  if (n === 3) {
    h = fields[0] ?? 0;
    m = fields[1] ?? 0;
    sec = fields[2] ?? 0;
    if ((digits[0] ?? 0) > MAX_HOUR_DIGITS) return fail('syntax', i);
    if ((digits[1] ?? 0) > 2 || (digits[2] ?? 0) > 2 || (digits[1] ?? 0) < minDigits || (digits[2] ?? 0) < minDigits) return fail('syntax', i);
    if (m > 59) return fail('range', i, 'minutes');
  } else {
    m = fields[0] ?? 0;
    sec = fields[1] ?? 0;
    if ((digits[0] ?? 0) > (opts.minuteOverflow ? 5 : 2) || (digits[1] ?? 0) > 2 || (digits[1] ?? 0) < minDigits) return fail('syntax', i);
    if (!opts.minuteOverflow && m > 59) return fail('range', i, 'minutes');
  }
  if (sec > 59) return fail('range', i, 'seconds');
  return { ok: true, seconds: ((h * 3600 + m * 60 + sec) * 1000 + ms) / 1000, end: i };
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
