/**
 * Display formatting shared by the page helpers: clock stamps, durations,
 * dates and counts. English UI text lives here and in the components.
 */
import { formatShortClock } from '../transcript/formats/clock.ts';

/** `4:05` or `1:02:09`. */
export const clock = (seconds: number): string => formatShortClock(Math.max(0, seconds));

/** `1 h 12 min`, `45 min`, `50 s`. */
export function duration(seconds: number): string {
  const total = Math.round(seconds);
  if (total < 60) return `${total} s`;
  const minutes = Math.round(total / 60);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** Total listening time for headline stats: `12.5` hours or `40` minutes. */
export function hours(seconds: number): { value: string; unit: string } {
  if (seconds < 3600) {
    const minutes = Math.round(seconds / 60);
    return { value: String(minutes), unit: minutes === 1 ? 'minute' : 'minutes' };
  }
  const h = seconds / 3600;
  return { value: h < 10 ? h.toFixed(1).replace(/\.0$/, '') : String(Math.round(h)), unit: 'hours' };
}

const longDate = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' });
const shortDate = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' });

/** `March 12, 2024` (or `Mar 12, 2024` when short) for a YYYY-MM-DD date. */
export function date(iso: string, style: 'long' | 'short' = 'long'): string {
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  return (style === 'long' ? longDate : shortDate).format(d);
}

const integer = new Intl.NumberFormat('en');

/** `1,204`. */
export const count = (n: number): string => integer.format(n);

/** `3 episodes`, `1 episode`. */
export const plural = (n: number, one: string, many = `${one}s`): string => `${count(n)} ${n === 1 ? one : many}`;

/** The first `max` characters of `text`, cut at a word boundary, with an ellipsis. */
export function excerpt(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}

/** Explicit bidirectional formatting characters: embeddings and overrides (U+202A–U+202E), isolates (U+2066–U+2069). */
const bidiControls = /[\u202a-\u202e\u2066-\u2069]/;

/**
 * Text for a plain-text place no element can isolate (`<title>`, a meta
 * description, a copied citation): when it holds bidirectional controls, it
 * is wrapped in FSI…PDI so an override in a name cannot reorder the text
 * after it. Unclosed isolates are closed first and unmatched PDIs dropped
 * (they do nothing where they stand, but here would close the wrapper), so
 * the final PDI ends every embedding and override inside (UAX #9, rule X6a).
 * Text without such controls is returned as it is.
 */
export function isolate(text: string): string {
  if (!bidiControls.test(text)) return text;
  let open = 0;
  let out = '';
  for (const c of text) {
    if (c === '\u2066' || c === '\u2067' || c === '\u2068') open++;
    else if (c === '\u2069') {
      if (open === 0) continue;
      open--;
    }
    out += c;
  }
  return `\u2068${out}${'\u2069'.repeat(open)}\u2069`;
}
