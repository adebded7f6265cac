/**
 * Markdown to HTML for text the site shows as written (topic pages): the
 * unified pipeline remark-parse → our remark plugins → remark-rehype (raw
 * HTML off) → our rehype plugins → rehype-stringify. Problems come back as
 * messages with file lines, never as exceptions.
 *
 * remark-parse is super-linear on some hostile inputs (deeply nested
 * emphasis and brackets), so text over `MAX_MARKDOWN_BYTES` is refused
 * before parsing.
 */
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import rehypeSafeLinks from './rehype-safe-links.ts';
import remarkNoRawHtml from './remark-no-raw-html.ts';

/** Largest Markdown text rendered, in UTF-8 bytes. */
export const MAX_MARKDOWN_BYTES = 64 * 1024;

/** A problem found while rendering: what kind, where (file line), and the text concerned. */
export interface MarkdownMessage {
  rule: 'raw-html' | 'unsafe-link';
  line: number;
  column: number;
  found: string;
}

export interface RenderedMarkdown {
  /** The HTML; '' when the text was refused. */
  html: string;
  messages: MarkdownMessage[];
  /** Set when the text was over the size limit and not rendered: its size in bytes. */
  refusedSize?: number;
}

const processor = unified().use(remarkParse).use(remarkNoRawHtml).use(remarkRehype).use(rehypeSafeLinks).use(rehypeStringify).freeze();

/**
 * Render `markdown`; `lineOffset` is added to every message's line (the
 * number of file lines before the text, e.g. front matter).
 */
export function renderMarkdown(markdown: string, lineOffset = 0): RenderedMarkdown {
  // A UTF-16 unit is at most 3 UTF-8 bytes: encode only when the text might be over.
  if (markdown.length * 3 > MAX_MARKDOWN_BYTES) {
    const size = new TextEncoder().encode(markdown).length;
    if (size > MAX_MARKDOWN_BYTES) return { html: '', messages: [], refusedSize: size };
  }
  if (markdown.trim() === '') return { html: '', messages: [] };
  const file = new VFile({ value: markdown });
  const html = String(processor.processSync(file)).trim();
  const messages: MarkdownMessage[] = file.messages.map((m) => ({
    rule: m.ruleId === 'unsafe-link' ? 'unsafe-link' : 'raw-html',
    line: (m.line ?? 1) + lineOffset,
    column: m.column ?? 1,
    found: m.actual ?? '',
  }));
  return { html, messages };
}
