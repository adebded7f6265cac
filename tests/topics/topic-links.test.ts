/**
 * The rehype plugin that links topic mentions in transcript text, and the
 * paragraph HTML built with it: ranges become links, text stays escaped
 * data, and ranges that cannot be linked cleanly are left as text.
 */
import type { Root } from 'hast';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import rehypeTopicLinks from '../../src/markdown/rehype-topic-links.ts';
import type { TopicLinksOptions } from '../../src/markdown/rehype-topic-links.ts';
import { linkedText } from '../../src/site/linked-text.ts';

const href = (slug: string) => `/topics/${slug}/`;
const names = new Map([['nvidia', 'Nvidia'], ['grid', 'Grid']]);
const name = (slug: string) => names.get(slug);

function run(tree: Root, links: TopicLinksOptions['links']): string {
  const processor = unified().use(rehypeTopicLinks, { links, href, name }).use(rehypeStringify);
  return processor.stringify(processor.runSync(tree));
}

describe('rehype-topic-links', () => {
  it('links each range, keeping the text around it', () => {
    const text = 'The grid and Navidia chips.';
    expect(linkedText(text, [{ topic: 'grid', start: 4, end: 8 }, { topic: 'nvidia', start: 13, end: 20 }], { href, name })).toBe(
      'The <a href="/topics/grid/" class="topic-link">grid</a> and <a href="/topics/nvidia/" class="topic-link" title="Topic: Nvidia">Navidia</a> chips.',
    );
  });

  it('escapes the text once: markup in a transcript stays text, around and inside a link', () => {
    const text = '<script>alert(1)</script> grid &amp; <b>';
    const html = linkedText(text, [{ topic: 'grid', start: 26, end: 30 }], { href, name });
    expect(html).toBe('&#x3C;script>alert(1)&#x3C;/script> <a href="/topics/grid/" class="topic-link">grid</a> &#x26;amp; &#x3C;b>');
    expect(html).not.toMatch(/<script|<b>/);
  });

  it('skips ranges that overlap an earlier one, are empty, or run past the text', () => {
    const text = 'power grid operator';
    const html = linkedText(
      text,
      [
        { topic: 'grid', start: 0, end: 10 },
        { topic: 'nvidia', start: 6, end: 19 },
        { topic: 'nvidia', start: 11, end: 11 },
        { topic: 'nvidia', start: 15, end: 40 },
      ],
      { href, name },
    );
    expect(html).toBe('<a href="/topics/grid/" class="topic-link" title="Topic: Grid">power grid</a> operator');
  });

  it('counts offsets across elements, and never links inside an existing link or across two text nodes', () => {
    const tree: Root = {
      type: 'root',
      children: [
        { type: 'text', value: 'ab ' },
        { type: 'element', tagName: 'a', properties: { href: '#x' }, children: [{ type: 'text', value: 'grid' }] },
        { type: 'text', value: ' cd ' },
        { type: 'element', tagName: 'em', properties: {}, children: [{ type: 'text', value: 'grid' }] },
        { type: 'text', value: 'x' },
      ],
    };
    // 'ab ' (0–3) 'grid' in a link (3–7) ' cd ' (7–11) 'grid' in em (11–15) 'x' (15–16)
    const html = run(tree, [
      { topic: 'grid', start: 3, end: 7 },
      { topic: 'grid', start: 8, end: 10 },
      { topic: 'nvidia', start: 11, end: 15 },
      { topic: 'nvidia', start: 14, end: 16 },
    ]);
    expect(html).toBe(
      'ab <a href="#x">grid</a> <a href="/topics/grid/" class="topic-link" title="Topic: Grid">cd</a> <em><a href="/topics/nvidia/" class="topic-link" title="Topic: Nvidia">grid</a></em>x',
    );
  });

  it('leaves a tree without ranges untouched', () => {
    expect(linkedText('plain & simple', [], { href, name })).toBe('plain &#x26; simple');
  });
});
