/**
 * Discovery reads each episode's title, tags and topics as an editor's
 * words: a phrase the title names is a theme with only two mentions, a name
 * spelled there is spelled that way ("Groq" where the captions heard
 * "Grock"; "DeepSeek" where they wrote "Deepseek"); a single everyday word
 * in a title, and anything only the summary names, are not themes for that.
 */
import { describe, expect, it } from 'vitest';
import { buildTopicIndex } from '../../src/knowledge/topics/build-topics.ts';
import { episodeFromCues } from './make-episodes.ts';
import type { Cue } from './make-episodes.ts';

const filler: Cue[] = [
  'We spent the morning on budgets, hiring and the usual planning questions.',
  'Then the weather came up, and the traffic on the way in.',
  'Nobody had strong views about the cafeteria menu this week.',
];

/** Cues saying each phrase the given number of times, between filler, past the intro minute. */
function talk(phrases: Array<[string, number]>): Cue[] {
  const cues: Cue[] = [...filler];
  for (const [phrase, times] of phrases) {
    for (let i = 0; i < times; i++) cues.push(['Speaker 1', `Let me say more about ${phrase} and why it matters here.`], ...filler);
  }
  return cues;
}

const groq = episodeFromCues(
  'chips',
  talk([['the diffusion rule', 2], ['the zanzibar protocol', 2], ['Grock', 9], ['Deepseek', 7]]),
  'title: Inside Groq and the diffusion rule\ntags: [DeepSeek]\n',
);
const excerpt = episodeFromCues(
  'excerpt',
  talk([['the quillfeather treaty', 2], ['the harbour', 3]]),
  'title: The harbour at night\nsummary: A long talk about the quillfeather treaty.\n',
);

describe('headlines in discovery', () => {
  const index = buildTopicIndex([groq, excerpt], []);
  const names = index.topics.map((t) => t.name);

  it('spells a name as the title does, keeping the heard spelling as an alias', () => {
    const topic = index.topics.find((t) => t.name === 'Groq');
    expect(topic?.aliases).toContain('Grock');
    expect(topic?.mentions).toBe(9);
    expect(names).toContain('DeepSeek');
    expect(names).not.toContain('Grock');
  });

  it('keeps a phrase the title names with two mentions, and not an unnamed one said as often', () => {
    expect(names.map((n) => n.toLowerCase())).toContain('diffusion rule');
    expect(names.join(' ').toLowerCase()).not.toContain('zanzibar');
  });

  it('does not take the summary, or a single everyday word of the title, as naming a theme', () => {
    expect(names.join(' ').toLowerCase()).not.toContain('quillfeather');
    expect(names.join(' ').toLowerCase()).not.toContain('harbour');
  });
});
