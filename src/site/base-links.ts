/**
 * Root-relative links and images in HTML that the Markdown renderer wrote
 * (src/markdown/render-markdown.ts, for topic bodies), put under the site's
 * base path: an editor writes `/topics/heat-pumps/` for a page of the site,
 * which under base `/kb/` is served at `/kb/topics/heat-pumps/`. Relative,
 * absolute and scheme-relative (`//host/…`) addresses are left as they are.
 *
 * The HTML is hast-util-to-html's output: text holds no raw `<`, and
 * attribute values are double-quoted with every `"` in them escaped (a `>`
 * or a `href="` may still be inside one, or in text), so the pattern reads
 * a tag's attributes one whole `name="value"` at a time up to its `href` or
 * `src`, and never matches inside a value or the text.
 */
const ROOT_RELATIVE = /(<(?:a|img)(?:\s[\w:-]+(?:="[^"]*")?)*?\s(?:href|src)=")\/(?![/\\])/g;

/** `html` with its root-relative `a href` and `img src` under `base` ('/' or '/kb/'). */
export function underBase(html: string, base: string): string {
  const root = base.replace(/\/+$/, '');
  return root === '' ? html : html.replace(ROOT_RELATIVE, `$1${root}/`);
}
