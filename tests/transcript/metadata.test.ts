/**
 * Front matter values of the wrong shape are never taken silently: a number
 * where text belongs is read as text, text where a list belongs is read as a
 * list, and a list item that is no name is ignored, each with a warning
 * naming the line (the item's own line for list items) and what to write.
 */
import { describe, expect, it } from 'vitest';
import { parseTranscript } from '../../src/transcript/parse-transcript.ts';

function ingest(frontMatter: string) {
  const text = `---\n${frontMatter}\n---\n\n**Ann Lee:** Hello there.\n`;
  const result = parseTranscript({ file: 'ep.md', bytes: new TextEncoder().encode(text) });
  return {
    episode: result.episode,
    warnings: result.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`),
  };
}

describe('front matter of the wrong shape', () => {
  it('reads a number as the title, and says to quote it', () => {
    const r = ingest('title: 2024');
    expect(r.episode?.title).toBe('2024');
    expect(r.warnings).toEqual([
      '2:1 warning frontmatter-field-coerced front matter field "title" is a number (2024); it was read as the text "2024". Write title: "2024" to say so',
    ]);
  });

  it('reads text as a list split at commas, and shows the list to write', () => {
    const r = ingest('tags: "x"\nhosts: Ann Lee, Bo Chen');
    expect(r.episode?.tags).toEqual(['x']);
    expect(r.episode?.hosts).toEqual(['Ann Lee', 'Bo Chen']);
    expect(r.warnings).toEqual([
      '3:1 warning frontmatter-field-coerced front matter field "hosts" is text, not a list ("Ann Lee, Bo Chen"); it was read as the list [Ann Lee, Bo Chen]. Write hosts: [Ann Lee, Bo Chen] to say so',
      '2:1 warning frontmatter-field-coerced front matter field "tags" is text, not a list ("x"); it was read as the list [x]. Write tags: [x] to say so',
    ]);
  });

  it('ignores a list item that is a map, a list or empty, at the item\'s line; reads a number item as text', () => {
    const r = ingest('topics:\n  - Compost\n  - {name: Heat pumps}\n  - 2025\n  - [a, b]\n  -\n  - unknown');
    expect(r.episode?.topics).toEqual(['Compost', '2025']);
    expect(r.warnings).toEqual([
      '4:1 warning frontmatter-item-ignored item 2 of front matter field "topics" is a map, not a name; it was ignored. Write it as text: - Heat pumps',
      '5:1 warning frontmatter-field-coerced front matter item 3 of field "topics" is a number (2025); it was read as the text "2025". Write - "2025" to say so',
      '6:1 warning frontmatter-item-ignored item 4 of front matter field "topics" is a list, not a name; it was ignored. Write it as text: - Name',
      '7:1 warning frontmatter-item-ignored item 5 of front matter field "topics" is empty, not a name; it was ignored. Write it as text: - Name',
    ]);
  });

  it('says nothing about values of the right shape', () => {
    expect(ingest('title: "2024"\ntags: [x]\ntopics:\n  - Compost\n  - "2025"').warnings).toEqual([]);
  });
});
