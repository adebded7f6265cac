/**
 * remark plugin: raw HTML in Markdown is never rendered. Each `html` node
 * is removed and reported as a `raw-html` message at its position, so the
 * author learns why it vanished (remark-rehype would drop it silently).
 */
import type { Html, Root } from 'mdast';
import type { Plugin } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { excerpt } from '../transcript/diagnostics.ts';

/** Remove raw HTML nodes, with a message for each. */
const remarkNoRawHtml: Plugin<[], Root> = () => (tree, file) => {
  visit(tree, 'html', (node: Html, index, parent) => {
    const message = file.message(`raw HTML is not rendered`, { place: node.position, ruleId: 'raw-html', source: 'verbatim' });
    message.actual = excerpt(node.value, 40);
    if (parent && index !== undefined) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    return undefined;
  });
};

export default remarkNoRawHtml;
