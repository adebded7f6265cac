/**
 * rehype plugin: links and images may only point to http(s), mailto or
 * relative addresses. Anything else (`javascript:`, `data:`, `vbscript:`…)
 * loses its `href`/`src` and is reported as an `unsafe-link` message at the
 * source position. Links to other sites, absolute http(s) or
 * scheme-relative (`//host/…`, another site in the page's own scheme), get
 * `rel="noopener noreferrer"`.
 */
import type { Element, Root } from 'hast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import { excerpt } from '../transcript/diagnostics.ts';

/** A URL scheme, if the value has one: letters, digits, + - . before a colon, ignoring blanks and controls browsers skip. */
function scheme(url: string): string | undefined {
  const cleaned = url.replace(/[\u0000-\u0020\u007f]+/g, '');
  const m = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned);
  return m?.[1]?.toLowerCase();
}

const allowed = new Set(['http', 'https', 'mailto']);

/** True for a scheme-relative address (`//host/…`): another site, reached in the page's own scheme. Browsers read `\` as `/` there. */
const schemeRelative = (url: string) => /^[/\\]{2}/.test(url.replace(/[\u0000-\u0020\u007f]+/g, ''));

/** Remove unsafe link and image targets, with a message for each. */
const rehypeSafeLinks: Plugin<[], Root> = () => (tree, file) => {
  visit(tree, 'element', (node: Element) => {
    const attribute = node.tagName === 'a' ? 'href' : node.tagName === 'img' ? 'src' : undefined;
    if (!attribute) return;
    const value = node.properties[attribute];
    if (typeof value !== 'string') return;
    const s = scheme(value);
    if (s !== undefined && !allowed.has(s)) {
      delete node.properties[attribute];
      const message = file.message('unsafe link removed', { place: node.position, ruleId: 'unsafe-link', source: 'verbatim' });
      message.actual = excerpt(value, 40);
      return;
    }
    if (node.tagName === 'a' && (s === 'http' || s === 'https' || (s === undefined && schemeRelative(value)))) node.properties.rel = ['noopener', 'noreferrer'];
  });
};

export default rehypeSafeLinks;
