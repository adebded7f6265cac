/**
 * XML 1.0 escaping for the feed and the sitemap. Text is escaped, never
 * wrapped in CDATA (a `]]>` inside would end the section), and characters
 * XML 1.0 forbids even as references (most C0 controls, lone surrogates,
 * U+FFFE/U+FFFF) are dropped: one of them makes the whole document
 * unparseable for a strict reader.
 */

/** Everything outside XML 1.0's `Char` production (https://www.w3.org/TR/xml/#charsets). */
const forbidden = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const references: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * Text safe as element content or as a quoted attribute value. `>` is
 * escaped too, so `]]>` never appears, and both quotes, so one helper
 * serves text and attributes alike.
 */
export function xmlEscape(text: string): string {
  return text.replace(forbidden, '').replace(/[&<>"']/g, (c) => references[c] ?? c);
}

/** Attributes as ` name="value"`, in the given order; undefined values are left out. */
export function xmlAttributes(attributes: Record<string, string | undefined>): string {
  let out = '';
  for (const [name, value] of Object.entries(attributes)) if (value !== undefined) out += ` ${name}="${xmlEscape(value)}"`;
  return out;
}

/** `<name attrs>text</name>`, with the text escaped; self-closing when `text` is undefined. */
export function xmlElement(name: string, text?: string, attributes: Record<string, string | undefined> = {}): string {
  const attrs = xmlAttributes(attributes);
  return text === undefined ? `<${name}${attrs}/>` : `<${name}${attrs}>${xmlEscape(text)}</${name}>`;
}
