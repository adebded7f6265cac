/**
 * Plain-text helpers shared by the parsers: entity decoding (once), markup
 * stripping for SRT-style tags, whitespace folding.
 */
import { decodeHTML } from 'entities';

/** Decode HTML character references exactly once (`&amp;lt;` stays `&lt;`). */
export function decodeEntities(text: string): string {
  return text.indexOf('&') === -1 ? text : decodeHTML(text);
}

/** Fold runs of whitespace (including NBSP and line breaks) to one space and trim. */
export function foldWhitespace(text: string): string {
  return text.replace(/[\s\u00a0\u200b\u2028\u2029\ufeff]+/g, ' ').trim();
}

const srtTag = /<\/?(?:i|b|u|s|font|span|em|strong|c|ruby|rt)(?:\s[^<>]*)?>|\{\\[^{}]*\}/gi;

/**
 * SRT cue text to plain text: drop the formatting tags players honour
 * (`<i>`, `<b>`, `<u>`, `<font …>`) and ASS overrides (`{\an8}`), decode
 * entities once, fold whitespace. Other angle-bracket text is kept as text.
 */
export function srtCueText(raw: string): string {
  let text = raw;
  if (text.indexOf('<') !== -1 || text.indexOf('{') !== -1) text = text.replace(srtTag, '');
  return foldWhitespace(decodeEntities(text));
}

/** Sound annotations written in brackets: `[music]`, `(laughter)`, `♪`. */
const soundOnly = /^(?:\[[^\[\]]{1,40}\]|\([^()]{1,40}\)|[♪♫\s]+)$/u;

/** True when a whole cue is a sound annotation rather than speech. */
export function isSoundAnnotation(text: string): boolean {
  return soundOnly.test(text) && !/^\[\s*_+\s*\]$/.test(text);
}

/** The annotation without its brackets: `[Music]` → `music`. */
export function soundLabel(text: string): string {
  return text.replace(/^[\[(]\s*|\s*[\])]$/g, '').trim().toLowerCase() || text;
}
