/**
 * A paragraph's text as HTML with its topic mentions linked: the text as a
 * hast tree → rehype-topic-links → rehype-stringify. Text is escaped by the
 * serializer; nothing in it is ever parsed as markup.
 */
import type { Root } from 'hast';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import type { ParagraphTopicLink } from '../knowledge/topics/schema.ts';
import rehypeTopicLinks from '../markdown/rehype-topic-links.ts';
import type { TopicLinksOptions } from '../markdown/rehype-topic-links.ts';

/** `text` with the given ranges linked to topic pages, as HTML. */
export function linkedText(text: string, links: readonly ParagraphTopicLink[], options: Omit<TopicLinksOptions, 'links'>): string {
  const processor = unified()
    .use(rehypeTopicLinks, { ...options, links })
    .use(rehypeStringify);
  const tree: Root = { type: 'root', children: [{ type: 'text', value: text }] };
  return processor.stringify(processor.runSync(tree));
}
