import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/markdown/render-markdown.ts';
import { underBase } from '../../src/site/base-links.ts';

const rendered = (markdown: string) => renderMarkdown(markdown).html;

describe('underBase', () => {
  it('puts root-relative links and images under the base path, and nothing else', () => {
    const html = rendered('[a](/topics/a/) [b](/topics/b/#x) [r](topics/c/) [s](//example.net/x) [m](mailto:a@b.c) [w](https://e.org/)\n\n![i](/favicon.svg)');
    expect(underBase(html, '/kb/')).toBe(
      '<p><a href="/kb/topics/a/">a</a> <a href="/kb/topics/b/#x">b</a> <a href="topics/c/">r</a> <a href="//example.net/x" rel="noopener noreferrer">s</a> <a href="mailto:a@b.c">m</a> <a href="https://e.org/" rel="noopener noreferrer">w</a></p>\n<p><img src="/kb/favicon.svg" alt="i"></p>',
    );
  });

  it('leaves the HTML as it is at the root', () => {
    const html = rendered('[a](/topics/a/)');
    expect(underBase(html, '/')).toBe(html);
  });

  it('never rewrites text or attribute values that look like a link', () => {
    const html = rendered('[x>y href="/q"](/topics/a/ "t>i href=\\"/w") and href="/no"\n\n![a>b src="/z"](/i.png "t>i")\n\n[href="/in"](https://e.x)');
    expect(underBase(html, '/kb/')).toBe(
      '<p><a href="/kb/topics/a/" title="t>i href=&#x22;/w">x>y href="/q"</a> and href="/no"</p>\n<p><img src="/kb/i.png" alt="a>b src=&#x22;/z&#x22;" title="t>i"></p>\n<p><a href="https://e.x" rel="noopener noreferrer">href="/in"</a></p>',
    );
  });
});
