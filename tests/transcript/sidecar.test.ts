/**
 * Sidecar fields of the wrong shape are errors (the field is dropped), and
 * the message says what was found, where (a list item at its own line) and
 * how to write it instead.
 */
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/transcript/diagnostics.ts';
import { readSidecar } from '../../src/transcript/sidecar.ts';

function read(text: string) {
  const diagnostics = new Diagnostics('ep.yml');
  const { sidecar } = readSidecar(text, diagnostics);
  return { sidecar, messages: diagnostics.list.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`) };
}

describe('sidecar fields of the wrong shape', () => {
  it('says to quote a number given as text, and to write text given for a list as a list', () => {
    const r = read('title: 2024\ntags: "beans, onions"\nshow: Allotment Hour\n');
    expect(r.sidecar).toEqual({ show: 'Allotment Hour' });
    expect(r.messages).toEqual([
      '1:1 sidecar-invalid sidecar field "title": expected a string, found number "2024"; quote it to make it text: title: "2024"',
      '2:1 sidecar-invalid sidecar field "tags": expected a list, found string "beans, onions"; write a list: tags: [beans, onions]',
    ]);
  });

  it('refuses a youtube value that is no video id or YouTube address, as it refuses a url that is not http(s)', () => {
    const r = read('show: A\nyoutube: not a video\n');
    expect(r.sidecar).toEqual({ show: 'A' });
    expect(r.messages).toEqual(['2:1 sidecar-invalid sidecar field "youtube": expected a YouTube video id (11 characters) or the address of a video on YouTube, found string "not a video"']);
    expect(read('youtube: https://evil.example/watch?v=dQw4w9WgXcQ\n').messages).toHaveLength(1);
    for (const ok of ['dQw4w9WgXcQ', 'https://youtu.be/dQw4w9WgXcQ', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=3']) expect(read(`youtube: "${ok}"\n`).messages, ok).toEqual([]);
  });

  it('reports a list item at its own line, naming the item', () => {
    const r = read('topics:\n  - Compost\n  - {name: Heat pumps}\nguests: [1, Ann]\n');
    expect(r.messages).toEqual([
      '4:1 sidecar-invalid sidecar field "guests": expected a string, found number "1" (item 1); quote it to make it text: - "1"',
      '3:1 sidecar-invalid sidecar field "topics": expected a string, found a map (item 2); write it as text: - Heat pumps',
    ]);
  });
});
