/**
 * Topic files: front matter validated by the schema, every problem at the
 * line of the key (or Markdown node) it concerns, the body rendered with
 * raw HTML off and unsafe links removed.
 */
import { describe, expect, it } from 'vitest';
import { MAX_MARKDOWN_BYTES } from '../../src/markdown/render-markdown.ts';
import { parseTopicFile } from '../../src/knowledge/topics/topic-file.ts';

const parse = (text: string, name = 'heat-pumps.md') => {
  const { topic, diagnostics } = parseTopicFile({ file: `content/topics/${name}`, name, text });
  return { topic, codes: diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.code}`), messages: diagnostics.map((d) => d.message) };
};

describe('topic files', () => {
  it('reads front matter and renders the body', () => {
    const { topic, codes } = parse(
      ['---', 'title: Heat pumps', 'aliases: [heatpump, "heat pomp"]', 'description: Moving heat.', 'related: [district-heating]', 'exclude: [heat pump jeans]', '---', 'A *heat pump* moves heat. See [the grid](/topics/grid/) and [IEA](https://www.iea.org/).', ''].join('\n'),
    );
    expect(codes).toEqual([]);
    expect(topic).toEqual({
      slug: 'heat-pumps',
      file: 'content/topics/heat-pumps.md',
      name: 'Heat pumps',
      aliases: ['heatpump', 'heat pomp'],
      description: 'Moving heat.',
      related: ['district-heating'],
      exclude: ['heat pump jeans'],
      html: '<p>A <em>heat pump</em> moves heat. See <a href="/topics/grid/">the grid</a> and <a href="https://www.iea.org/" rel="noopener noreferrer">IEA</a>.</p>',
      lines: { title: 2, aliases: 3, description: 4, related: 5, exclude: 6 },
    });
  });

  it('makes the slug from the file name', () => {
    expect(parse('---\ntitle: X\n---\n', 'Gotthard Base Tunnel.md').topic?.slug).toBe('gotthard-base-tunnel');
  });

  it('BAD: no front matter', () => {
    expect(parse('# Heat pumps\n\nText.\n')).toMatchObject({ topic: null, codes: ['1:1 error topic-no-front-matter'] });
  });

  it('BAD: missing title, at line 1', () => {
    const r = parse('---\naliases: [a]\n---\n');
    expect(r.topic).toBeNull();
    expect(r.codes).toEqual(['1:1 error topic-invalid']);
    expect(r.messages[0]).toBe('topic field "title": is required; add it');
  });

  it('BAD: invalid fields are reported at their key lines (list items at theirs), the rest still applies', () => {
    const r = parse(['---', 'title: Heat pumps', 'colour: red', 'aliases: heatpump', 'related:', '  - 3', 'exclude: ["!!"]', 'description: ""', '---', ''].join('\n'));
    expect(r.codes).toEqual(['3:1 warning topic-unknown-key', '4:1 error topic-invalid', '6:1 error topic-invalid', '7:1 error topic-invalid', '8:1 error topic-invalid']);
    expect(r.messages).toEqual([
      'unknown key "colour" in topic front matter; known keys: title, aliases, description, related, exclude',
      'topic field "aliases": expected a list, found string "heatpump"; write a list: aliases: [heatpump]',
      'topic field "related": expected a string, found number "3" (item 1); quote it to make it text: - "3"',
      'topic field "exclude": must contain a letter or digit, found string "!!" (item 1)',
      'topic field "description": must not be empty; give a value or remove the key',
    ]);
    expect(r.topic).toMatchObject({ name: 'Heat pumps', aliases: [], related: [], exclude: [] });
  });

  it('BAD: YAML errors keep their file lines', () => {
    expect(parse('---\ntitle: a\ntitle: b\n---\n').codes).toEqual(['3:1 error yaml-duplicate-key']);
    expect(parse('---\ntitle: [unclosed\n---\n').codes[0]).toMatch(/^\d+:\d+ error yaml-syntax$/);
    expect(parse('---\ntitle: x\n').codes).toEqual(['1:1 error frontmatter-unclosed']);
  });

  it('BAD: raw HTML is not rendered, unsafe links are removed, each reported at its line', () => {
    const r = parse(['---', 'title: T', '---', 'Fine <b>bold</b>.', '', '<script>alert(1)</script>', '', '[click](javascript:alert(1)) ![x](data:image/png;base64,AAAA)', ''].join('\n'));
    expect(r.codes).toEqual(['4:6 warning topic-raw-html', '4:13 warning topic-raw-html', '6:1 warning topic-raw-html', '8:1 warning topic-unsafe-link', '8:30 warning topic-unsafe-link']);
    expect(r.topic?.html).toBe('<p>Fine bold.</p>\n<p><a>click</a> <img alt="x"></p>');
  });

  it('BAD: a body over the size limit is refused before parsing', () => {
    const r = parse(`---\ntitle: T\n---\n${'*a '.repeat(MAX_MARKDOWN_BYTES / 2)}`);
    expect(r.codes).toEqual(['4:1 error topic-body-too-large']);
    expect(r.topic?.html).toBe('');
  });
});
