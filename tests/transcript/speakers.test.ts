/**
 * Plain-name labels (`Ann:`) are weak: they count when they recur, are
 * mapped or credited, or (src/transcript/normalize/speakers.ts) when the
 * transcript labels its turns with plain names, most of them known.
 */
import { describe, expect, it } from 'vitest';
import { parseTranscript } from '../../src/transcript/parse-transcript.ts';

const turns = (text: string) => {
  const { episode } = parseTranscript({ file: 'x.md', bytes: new TextEncoder().encode(text) });
  const names = new Map(episode?.speakers.map((s) => [s.id, s.name]));
  return episode?.turns.map((t) => `${t.speaker === null ? '—' : names.get(t.speaker)}: ${episode.paragraphs.slice(t.firstParagraph, t.lastParagraph + 1).map((p) => p.text).join(' ')}`);
};

describe('weak speaker labels', () => {
  it('a name said once among recurring plain labels is a speaker, not words of the speaker before', () => {
    expect(turns('- [00:02] Ann: Welcome back.\n- [00:05] Bo: Thanks for having me.\n- [00:09] Ann: So, beans.\n')).toEqual([
      'Ann: Welcome back.',
      'Bo: Thanks for having me.',
      'Ann: So, beans.',
    ]);
  });

  it('beside bold labels, a lone plain "Remember:" stays prose', () => {
    expect(turns('**Ann:** Hello there.\n\nRemember: the beans.\n\n**Bo:** Yes.\n\n**Ann:** Good.\n')).toEqual(['Ann: Hello there. Remember: the beans.', 'Bo: Yes.', 'Ann: Good.']);
  });

  it('plain labels said once each, none known, stay text', () => {
    expect(turns('- [00:02] Host Name: Welcome back.\n- [00:05] And that is all.\n')).toEqual(['—: Host Name: Welcome back. And that is all.']);
    expect(turns('Ann: One.\n\nBo: Two.\n\nCy: Three.\n')).toEqual(['—: Ann: One. Bo: Two. Cy: Three.']);
  });
});
