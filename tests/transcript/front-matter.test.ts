import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/transcript/diagnostics.ts';
import { findFrontMatter, splitFrontMatter } from '../../src/transcript/formats/front-matter.ts';

function split(text: string) {
  const diagnostics = new Diagnostics('t.md');
  const fm = splitFrontMatter(text, diagnostics);
  return { ...fm, codes: diagnostics.list.map((d) => `${d.line}:${d.column} ${d.code}`) };
}

describe('front matter', () => {
  it('splits a closed block, with key lines and the body offset in file lines', () => {
    const fm = split('---\ntitle: Bridges\ntags:\n  - a\n  - b\n---\nBody line\n');
    expect(fm.codes).toEqual([]);
    expect(fm.present).toBe(true);
    expect(fm.data).toEqual({ title: 'Bridges', tags: ['a', 'b'] });
    expect(fm.lines).toEqual({ title: 2, tags: 3 });
    expect(fm.body).toBe('Body line\n');
    expect(fm.bodyLineOffset).toBe(6);
  });

  it('accepts "..." as the closing line and trailing blanks on fences', () => {
    const fm = split('---  \ntitle: x\n...\t\nrest');
    expect(fm.codes).toEqual([]);
    expect(fm.data).toEqual({ title: 'x' });
    expect(fm.body).toBe('rest');
    expect(fm.bodyLineOffset).toBe(3);
  });

  it('does not open on "..." or on a fence that is not the first line', () => {
    expect(split('...\ntitle: x\n...\n').present).toBe(false);
    expect(split('\n---\ntitle: x\n---\n').present).toBe(false);
    expect(split('----\ntitle: x\n---\n').present).toBe(false);
  });

  it('reports an unclosed block and keeps everything after the opening line as body', () => {
    const fm = split('---\ntitle: x\nSome words.\n');
    expect(fm.codes).toEqual(['1:1 frontmatter-unclosed']);
    expect(fm.data).toBeUndefined();
    expect(fm.body).toBe('title: x\nSome words.\n');
    expect(fm.bodyLineOffset).toBe(1);
  });

  it('reads an empty block as an empty map, also at the end of the text', () => {
    expect(split('---\n---\nbody')).toMatchObject({ data: {}, body: 'body', bodyLineOffset: 2, codes: [] });
    expect(split('---\n---')).toMatchObject({ data: {}, body: '', codes: [] });
  });

  it('reports duplicate keys at their file line', () => {
    const fm = split('---\ntitle: a\ndate: 2025-01-01\ntitle: b\n---\n');
    expect(fm.data).toBeUndefined();
    expect(fm.codes).toEqual(['4:1 yaml-duplicate-key']);
  });

  it('stops an alias bomb (billion laughs) at the alias limit', () => {
    const yaml = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
      'e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]',
      'f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]',
      'g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]',
    ].join('\n');
    const fm = split(`---\n${yaml}\n---\nbody\n`);
    expect(fm.data).toBeUndefined();
    expect(fm.codes).toEqual(['2:1 yaml-alias-limit']);
    expect(fm.body).toBe('body\n');
  });

  it('refuses a list or a scalar as front matter', () => {
    expect(split('---\n- a\n- b\n---\n').codes).toEqual(['2:1 frontmatter-not-a-map']);
    expect(split('---\njust words\n---\n').codes).toEqual(['2:1 frontmatter-not-a-map']);
  });

  it('reports YAML syntax errors on file lines', () => {
    const fm = split('---\ntitle: x\n  bad: [\n---\n');
    expect(fm.data).toBeUndefined();
    expect(fm.codes.length).toBeGreaterThan(0);
    expect(fm.codes.every((c) => / yaml-syntax$/.test(c))).toBe(true);
    expect(fm.codes.every((c) => Number(c.split(':')[0]) >= 2)).toBe(true);
  });

  it('finds blocks without parsing them (detection)', () => {
    expect(findFrontMatter('---\na: 1\n---\nx')).toEqual({ yamlStart: 4, yamlEnd: 9, bodyStart: 13, bodyLineOffset: 3, closed: true });
    expect(findFrontMatter('---\na: 1\n')).toMatchObject({ closed: false, bodyLineOffset: 1 });
    expect(findFrontMatter('plain')).toBeNull();
  });

  it('never throws, and the body is always a suffix of the text', () => {
    const fragment = fc.constantFrom('---', '...', 'a: 1', 'a: &a [1]', 'b: *a', '- x', '  - y', ':', '"', '', 'title: "x', '\t');
    const text = fc.oneof(fc.string(), fc.array(fragment, { maxLength: 12 }).map((lines) => lines.join('\n')));
    fc.assert(
      fc.property(text, (t) => {
        const fm = split(t);
        expect(t.endsWith(fm.body)).toBe(true);
        // Body line n is file line n + bodyLineOffset (meaningful when there is a body).
        const cut = t.slice(0, t.length - fm.body.length);
        if (fm.body.length > 0) expect(fm.bodyLineOffset).toBe(cut.split('\n').length - 1);
      }),
    );
  });
});
