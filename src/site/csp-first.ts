/**
 * Moves the page's Content-Security-Policy `<meta>` to the top of `<head>`,
 * right after `<meta charset>`. Astro writes it near the end of the head,
 * after the title, description, OpenGraph tags and JSON-LD, and a policy in
 * a `<meta>` only covers what the browser parses after it: on a host that
 * cannot send the policy as a header (GitHub Pages), everything before it
 * would be unguarded. Those fields are escaped content, so this is a second
 * line of defence, not the first.
 *
 * The page is Astro's output: the policy element is the one `<meta
 * http-equiv="content-security-policy" …>` before `</head>` (content text
 * holds no raw `<`, and attribute values no raw `"`). Only the head is
 * read: `cspFirstStream` holds back the bytes of a page being written
 * until its `</head>`, and lets the rest through untouched, so a build of
 * thousands of pages does not decode and encode each one again.
 */
const CSP_META = /<meta http-equiv="content-security-policy" content="[^"]*">/;
const CHARSET = /^(\s*<!doctype html>\s*<html[^>]*>\s*<head>\s*<meta charset="utf-8">)/i;

/** `html` with its CSP `<meta>` moved to just after `<meta charset>`; unchanged when it has none or no charset at the top. */
export function cspFirst(html: string): string {
  const end = html.indexOf('</head>');
  if (end < 0) return html;
  const meta = CSP_META.exec(html.slice(0, end));
  const top = CHARSET.exec(html);
  if (!meta || !top) return html;
  const [tag] = meta;
  const at = top[1]?.length ?? 0;
  if (meta.index < at) return html;
  return html.slice(0, at) + tag + html.slice(at, meta.index) + html.slice(meta.index + tag.length);
}

const HEAD_END = new TextEncoder().encode('</head>');
/** Bytes held back at most while looking for `</head>`; a page with a longer head goes through unchanged. */
const MAX_HEAD_BYTES = 256 * 1024;

/** A page's bytes with `cspFirst` applied to its head (see above); everything after `</head>` passes through as it comes. */
export function cspFirstStream(): TransformStream<Uint8Array, Uint8Array> {
  let held: Uint8Array | null = new Uint8Array(0);
  return new TransformStream({
    transform(chunk, controller) {
      if (held === null) {
        controller.enqueue(chunk);
        return;
      }
      const from = Math.max(0, held.length - HEAD_END.length + 1);
      held = held.length === 0 ? chunk : concat(held, chunk);
      const end = indexOf(held, HEAD_END, from);
      if (end >= 0) {
        // `</head>` is ASCII, so the bytes up to its end end on a character boundary and decode whole.
        const headEnd = end + HEAD_END.length;
        controller.enqueue(new TextEncoder().encode(cspFirst(new TextDecoder().decode(held.subarray(0, headEnd)))));
        controller.enqueue(held.subarray(headEnd));
        held = null;
      } else if (held.length > MAX_HEAD_BYTES) {
        controller.enqueue(held);
        held = null;
      }
    },
    flush(controller) {
      if (held !== null && held.length > 0) controller.enqueue(held);
    },
  });
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/** Index of `needle` in `bytes` from `from`, or -1. */
function indexOf(bytes: Uint8Array, needle: Uint8Array, from: number): number {
  const first = needle[0] as number;
  outer: for (let i = bytes.indexOf(first, from); i >= 0 && i + needle.length <= bytes.length; i = bytes.indexOf(first, i + 1)) {
    for (let k = 1; k < needle.length; k++) if (bytes[i + k] !== needle[k]) continue outer;
    return i;
  }
  return -1;
}
