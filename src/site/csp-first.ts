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
 * holds no raw `<`, and attribute values no raw `"`).
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
