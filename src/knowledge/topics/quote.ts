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

/** An excerpt holding one or more mentions, each range relative to the excerpt. */
export interface QuoteWindow {
  quote: string;
  highlights: Array<[number, number]>;
}

/**
 * Excerpts of `text` around every range (sorted, non-overlapping): ranges
 * whose contexts would overlap share one excerpt, so two mentions a few
 * words apart are one quote with two highlights, not two near-copies.
 */
export function quoteWindows(text: string, ranges: ReadonlyArray<readonly [number, number]>): QuoteWindow[] {
  const out: QuoteWindow[] = [];
  let i = 0;
  while (i < ranges.length) {
    const first = ranges[i] as readonly [number, number];
    let last = first;
    let j = i + 1;
    while (j < ranges.length && (ranges[j] as readonly [number, number])[0] - last[1] <= 2 * QUOTE_CONTEXT) last = ranges[j++] as readonly [number, number];
    const { quote, highlight } = quoteAround(text, first[0], last[1]);
    const shift = highlight[0] - first[0];
    out.push({ quote, highlights: ranges.slice(i, j).map(([s, e]) => [s + shift, e + shift] as [number, number]) });
    i = j;
  }
  return out;
}
