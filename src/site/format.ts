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
