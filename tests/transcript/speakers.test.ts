/**
 * Plain-name labels (`Ann:`) are weak: they count when they recur, are
 * mapped or credited (src/transcript/normalize/speakers.ts). In a
 * transcript labelled turn by turn with plain names, one said once starts
 * a turn whose speaker is unknown, never the speaker before.
 */
import { describe, expect, it } from 'vitest';
import { parseTranscript } from '../../src/transcript/parse-transcript.ts';

const turns = (text: string) => {
  const { episode } = parseTranscript({ file: 'x.md', bytes: new TextEncoder().encode(text) });
  const names = new Map(episode?.speakers.map((s) => [s.id, s.name]));
  return episode?.turns.map((t) => `${t.speaker === null ? '—' : names.get(t.speaker)}: ${episode.paragraphs.slice(t.firstParagraph, t.lastParagraph + 1).map((p) => p.text).join(' ')}`);
};

describe('weak speaker labels', () => {
  it('a name said once among recurring plain labels starts a turn of no known speaker, not more words of the one before', () => {
    expect(turns('- [00:02] Ann: Welcome back.\n- [00:05] Bo: Thanks for having me.\n- [00:09] Ann: So, beans.\n')).toEqual([
      'Ann: Welcome back.',
      '—: Bo: Thanks for having me.',
      'Ann: So, beans.',
    ]);
    // Never a speaker called "Remember" or "Tip"; a sidecar that maps the label makes it one.
    expect(turns('Ann: Hi.\n\nBo: Hello.\n\nAnn: Well.\n\nRemember: never water at noon.\n\nBo: Quite.\n')).toEqual([
      'Ann: Hi.',
      'Bo: Hello.',
      'Ann: Well.',
      '—: Remember: never water at noon.',
      'Bo: Quite.',
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
