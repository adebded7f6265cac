/**
 * rehype plugin: turns character ranges of a tree's text into links to
 * topic pages. Ranges are offsets into the tree's text content (all text
 * nodes in document order), as the topic index records the first mention of
 * each topic in each paragraph. A range is linked only when it lies within
 * one text node outside any existing link; ranges that overlap an earlier
 * one are skipped. The text is split into nodes, never re-parsed, so
 * transcript text stays data (hast-util-to-html escapes it once).
 */
import type { Element, ElementContent, Root, Text } from 'hast';
import type { Plugin } from 'unified';
import type { ParagraphTopicLink } from '../knowledge/topics/schema.ts';

export interface TopicLinksOptions {
  /** Ranges to link, in any order. */
  links: readonly ParagraphTopicLink[];
  /** URL of a topic page, from its slug. */
  href: (topic: string) => string;
  /** Display name of a topic, for the link's title (shown where the transcript misspells it). */
  name?: (topic: string) => string | undefined;
}

/** Class of the links, for styling. */
export const TOPIC_LINK_CLASS = 'topic-link';

const rehypeTopicLinks: Plugin<[TopicLinksOptions], Root> = (options) => (tree) => {
  const ranges = [...options.links].filter((l) => l.end > l.start).sort((a, b) => a.start - b.start || b.end - a.end);
  if (ranges.length === 0) return;
  let offset = 0;
  let next = 0;
  let lastEnd = -1;

  const walk = (parent: Root | Element, insideLink: boolean) => {
    const out: ElementContent[] = [];
    for (const child of parent.children) {
      if (child.type === 'text') {
        out.push(...split(child, insideLink));
        continue;
      }
      if (child.type === 'element') walk(child, insideLink || child.tagName === 'a');
      out.push(child as ElementContent);
    }
    parent.children = out as typeof parent.children;
  };

  const split = (node: Text, insideLink: boolean): ElementContent[] => {
    const from = offset;
    const to = offset + node.value.length;
    offset = to;
    const pieces: ElementContent[] = [];
    let cursor = from;
    while (next < ranges.length) {
      const range = ranges[next] as ParagraphTopicLink;
      if (range.start >= to) break;
      next++;
      // Overlapping an earlier link, starting in an earlier node, crossing into the next, or inside a link: leave as text.
      if (range.start < lastEnd || range.start < from || range.end > to || insideLink) continue;
      if (range.start > cursor) pieces.push({ type: 'text', value: node.value.slice(cursor - from, range.start - from) });
      const properties: Element['properties'] = { href: options.href(range.topic), className: [TOPIC_LINK_CLASS] };
      const name = options.name?.(range.topic);
      const text = node.value.slice(range.start - from, range.end - from);
      if (name && name.toLowerCase() !== text.toLowerCase()) properties.title = `Topic: ${name}`;
      pieces.push({ type: 'element', tagName: 'a', properties, children: [{ type: 'text', value: text }] });
      cursor = range.end;
      lastEnd = range.end;
    }
    if (cursor === from) return [node];
    if (cursor < to) pieces.push({ type: 'text', value: node.value.slice(cursor - from) });
    return pieces;
  };

  walk(tree, false);
};

export default rehypeTopicLinks;
