/**
 * The short excerpt shown with a mention: about `QUOTE_CONTEXT` characters
 * either side of the match, cut at word boundaries, with "…" where text was
 * cut, and the match's range within the excerpt for highlighting.
 */

/** Characters of context kept on each side of a mention. */
export const QUOTE_CONTEXT = 80;

/** An excerpt of `text` around [start, end). */
export function quoteAround(text: string, start: number, end: number): { quote: string; highlight: [number, number] } {
  let from = Math.max(0, start - QUOTE_CONTEXT);
  let to = Math.min(text.length, end + QUOTE_CONTEXT);
  if (from > 0) {
    const space = text.indexOf(' ', from);
    from = space === -1 || space >= start ? from : space + 1;
  }
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    to = space === -1 || space < end ? to : space;
  }
  const head = from > 0 ? '…' : '';
  const tail = to < text.length ? '…' : '';
  const quote = `${head}${text.slice(from, to).trim()}${tail}`;
  const lead = text.slice(from, to).length - text.slice(from, to).trimStart().length;
  const offset = head.length - from - lead;
  return { quote, highlight: [start + offset, end + offset] };
}
