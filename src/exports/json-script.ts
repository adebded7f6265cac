/**
 * JSON for an inline `<script type="application/ld+json">`: the only text
 * the site injects unescaped into HTML (`set:html`). The HTML tokenizer ends
 * a script at `</script` whatever the JSON means, and `<!--` changes how it
 * looks for that end, so every `<`, `>` and `&` becomes a `\u` escape, which
 * JSON reads back as the same character. U+2028 and U+2029 are escaped too:
 * valid in JSON, but line terminators to older JavaScript parsers.
 */

const unsafe = /[<>&\u2028\u2029]/g;

/** `JSON.stringify(value)` with HTML-significant characters as `\uXXXX` escapes. */
export function jsonForScript(value: unknown): string {
  const json = JSON.stringify(value);
  // undefined, functions and symbols have no JSON form; `null` keeps the script valid JSON.
  if (json === undefined) return 'null';
  return json.replace(unsafe, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
