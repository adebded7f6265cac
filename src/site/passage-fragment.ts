/**
 * URL fragments that name a passage of a transcript, read and written: a
 * paragraph range `#p12-p15` and a time range `#t=75,140`, after the
 * temporal dimension of W3C Media Fragments (https://www.w3.org/TR/media-frags/#naming-time).
 * Reading is total: any string in, a passage or null out, never a throw.
 * A single paragraph (`#p12`) is not a passage: the browser's `:target` handles it.
 */

/** A passage named by a URL fragment. */
export type Passage =
  /** Paragraphs `from` to `to` (ids such as `p12`), inclusive, in the order given. */
  | { kind: 'paragraphs'; from: string; to: string }
  /** Seconds of transcript time; `end` null names one moment. */
  | { kind: 'time'; start: number; end: number | null };

/** Longer fragments are not ours (and not worth scanning). */
const MAX_FRAGMENT = 200;
/** Digits per number: enough for any recording, small enough to stay exact. */
const N = '\\d{1,9}';
const FRACTION = '(?:\\.\\d{1,3})?';

const paragraphRange = /^p(\d{1,9})-p?(\d{1,9})$/;
// One bound of a time range: `75`, `75.5`, `1:15`, `1:02:15.5`, `1h2m15s`, `2m`, `15s`.
const seconds = new RegExp(`^(${N}${FRACTION})$`);
const clock = new RegExp(`^(?:(${N}):)?(${N}):([0-5]?\\d${FRACTION})$`);
const units = new RegExp(`^(?:(${N})h)?(?:(${N})m)?(?:(${N}${FRACTION})s)?$`);

/**
 * The passage a fragment names (`#t=1:15,2:20`, `t=npt:75,140`, `#p3-p9`),
 * or null. Bounds given in reverse are swapped; `t=,20` starts at 0.
 */
export function parsePassage(fragment: string): Passage | null {
  if (typeof fragment !== 'string' || fragment.length > MAX_FRAGMENT) return null;
  let text = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  try {
    text = decodeURIComponent(text);
  } catch {
    return null; // a malformed %-escape
  }

  const range = paragraphRange.exec(text);
  if (range) {
    const a = Number(range[1]);
    const b = Number(range[2]);
    return { kind: 'paragraphs', from: `p${Math.min(a, b)}`, to: `p${Math.max(a, b)}` };
  }

  // Media Fragments allow several `name=value` pairs joined by `&`; the first `t` counts.
  const pair = text.split('&').find((p) => p.startsWith('t='));
  return pair === undefined ? null : parseTimeRange(pair.slice(2));
}

function parseTimeRange(value: string): Passage | null {
  const body = value.startsWith('npt:') ? value.slice(4) : value;
  const parts = body.split(',');
  if (parts.length > 2) return null;
  const [first = '', second] = parts;
  const start = first === '' ? 0 : readSeconds(first);
  if (start === null) return null;
  if (second === undefined) return first === '' ? null : { kind: 'time', start, end: null };
  const end = readSeconds(second);
  if (end === null) return null;
  if (end === start) return { kind: 'time', start, end: null };
  return { kind: 'time', start: Math.min(start, end), end: Math.max(start, end) };
}

/** Seconds from one bound, or null when it is not one of the accepted spellings. */
function readSeconds(text: string): number | null {
  let m = seconds.exec(text);
  if (m) return Number(m[1]);
  m = clock.exec(text);
  if (m) {
    const [, h = '0', min = '0', s = '0'] = m;
    // With hours, minutes are a clock field (< 60); without, `75:30` is 75 minutes.
    if (m[1] !== undefined && Number(min) > 59) return null;
    return finite(Number(h) * 3600 + Number(min) * 60 + Number(s));
  }
  m = units.exec(text);
  if (m && (m[1] ?? m[2] ?? m[3]) !== undefined) {
    const [, h = '0', min = '0', s = '0'] = m;
    return finite(Number(h) * 3600 + Number(min) * 60 + Number(s));
  }
  return null;
}

const finite = (n: number): number | null => (Number.isFinite(n) ? Math.round(n * 1000) / 1000 : null);

/** The fragment (with `#`) for a passage: `#p12-p15`, `#t=75,140`, `#t=75.5`. */
export function formatPassage(passage: Passage): string {
  if (passage.kind === 'paragraphs') return `#${passage.from}-${passage.to}`;
  const start = secondsText(passage.start);
  return passage.end === null ? `#t=${start}` : `#t=${start},${secondsText(passage.end)}`;
}

/** Seconds to a tenth, without trailing zeros: `75`, `75.5`. */
const secondsText = (s: number): string => String(Math.round(Math.max(0, s) * 10) / 10);
