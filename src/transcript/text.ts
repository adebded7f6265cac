/**
 * Plain-text helpers shared by the parsers: entity decoding (once), markup
 * stripping for SRT-style tags, whitespace folding.
 */
import { decodeHTML } from 'entities';

/** Decode HTML character references exactly once (`&amp;lt;` stays `&lt;`); references to control characters are dropped. */
export function decodeEntities(text: string): string {
  return text.indexOf('&') === -1 ? text : dropControls(decodeHTML(text));
}

/** C0 controls and DEL that are not whitespace (tab, LF, VT, FF and CR fold to spaces instead). */
const nonSpaceControls = /[\u0000-\u0008\u000e-\u001f\u007f]/g;

/**
 * Remove the controls a decoded character reference (`&#1;`, `&#x1b;`) can
 * put back into text whose source was already cleaned (see source-text.ts).
 */
export function dropControls(text: string): string {
  return text.replace(nonSpaceControls, '');
}

/** Whitespace as `\s` knows it, plus the zero-width space: char code test, no regex. */
export function isSpaceCode(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return c === 0x85;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** The whitespace `String.prototype.trim` removes (WhiteSpace and LineTerminator). */
export function isTrimSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * Fold runs of whitespace (including NBSP, zero-width space and line breaks)
 * to one space and trim. One pass over char codes; text that is already tidy
 * (the common case for a caption cue) is returned as is, without allocating.
 */
export function foldWhitespace(text: string): string {
  const n = text.length;
  let out = '';
  let runStart = 0; // start of the pending non-space run
  let tidy = true;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c > 32 && c < 0x85) {
      i++;
      continue;
    }
    if (!isSpaceCode(c)) {
      i++;
      continue;
    }
    // A whitespace run [i, j).
    let j = i + 1;
    while (j < n && isSpaceCode(text.charCodeAt(j))) j++;
    const single = c === 32 && j === i + 1 && i > 0 && j < n;
    if (!single) {
      if (tidy) {
        tidy = false;
        out = text.slice(0, i);
      } else out += text.slice(runStart, i);
      if (out.length > 0 && j < n) out += ' ';
      runStart = j;
    }
    i = j;
  }
  if (tidy) return text;
  return runStart < n ? out + text.slice(runStart) : out;
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

/**
 * Text that `srtCueText` returns unchanged: words (no whitespace, which
 * includes NEL and the zero-width space here, and no `<`, `{` or `&`)
 * separated by single spaces. One regex test is cheaper than the folding scan.
 */
const tidyCueText = /^[^\s\u0085\u200b<{&]+(?: [^\s\u0085\u200b<{&]+)*$/;

/** `srtCueText(s.slice(from, to))`: the common tidy cue is sliced once and returned as is. */
export function srtCueTextAt(s: string, from: number, to: number): string {
  const raw = s.slice(from, to);
  return raw.length === 0 || tidyCueText.test(raw) ? raw : srtCueText(raw);
}

/** Sound annotations written in brackets: `[music]`, `(laughter)`, `♪`. */
const soundOnly = /^(?:\[[^\[\]]{1,40}\]|\([^()]{1,40}\)|[♪♫\s]+)$/u;

/** Only `[`, `(`, a musical note or whitespace can open a sound annotation. */
export function mayOpenSoundAnnotation(c: number): boolean {
  return c === 91 || c === 40 || c === 0x266a || c === 0x266b || isSpaceCode(c);
}

/** True when a whole cue is a sound annotation rather than speech. */
export function isSoundAnnotation(text: string): boolean {
  // Most cues are speech: a cheap look at the first character settles them.
  if (!mayOpenSoundAnnotation(text.charCodeAt(0))) return false;
  return soundOnly.test(text) && !/^\[\s*_+\s*\]$/.test(text);
}

/** The annotation without its brackets: `[Music]` → `music`. */
export function soundLabel(text: string): string {
  return text.replace(/^[\[(]\s*|\s*[\])]$/g, '').trim().toLowerCase() || text;
}
