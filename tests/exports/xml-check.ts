/**
 * A small XML well-formedness check for tests (no XML parser is installed):
 * tags balance, attributes are quoted, every `&` starts a predefined or
 * numeric reference, no `<` or `>` stands in text, and no character falls
 * outside XML 1.0's Char production. Returns the problems found.
 */
export function xmlProblems(doc: string): string[] {
  const problems: string[] = [];
  if (/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u.test(doc)) problems.push('character outside XML 1.0 Char');
  const body = doc.replace(/^<\?xml[^?]*\?>\s*/, '');
  const stack: string[] = [];
  const token = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/gy;
  for (let m = token.exec(body); m; m = token.exec(body)) {
    const [, close, name, , selfClose, text, stray] = m;
    if (stray) {
      problems.push(`stray '<' at ${m.index}: ${body.slice(m.index, m.index + 40)}`);
      break;
    }
    if (text !== undefined) {
      if (text.includes('>')) problems.push(`'>' in text: ${text.slice(0, 40)}`);
      for (const ref of text.matchAll(/&([^;\s]*);?/g)) {
        if (!/^(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+)$/.test(ref[1] ?? '') || !ref[0].endsWith(';')) problems.push(`bad reference ${ref[0]}`);
      }
      if (stack.length === 0 && text.trim()) problems.push(`text outside the root: ${text.slice(0, 40)}`);
      continue;
    }
    if (close) {
      if (stack.pop() !== name) problems.push(`unbalanced </${name}>`);
    } else if (!selfClose) {
      stack.push(name ?? '');
    }
  }
  if (stack.length > 0) problems.push(`unclosed ${stack.join(', ')}`);
  // Attribute values: references checked like text.
  for (const attr of doc.matchAll(/="([^"]*)"/g)) {
    for (const ref of (attr[1] ?? '').matchAll(/&([^;\s]*);?/g)) {
      if (!/^(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+)$/.test(ref[1] ?? '') || !ref[0].endsWith(';')) problems.push(`bad reference in attribute ${ref[0]}`);
    }
  }
  return problems;
}

/** Undo the five predefined references (numeric ones are not used by our writers). */
export function xmlUnescape(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[name] ?? '');
}
