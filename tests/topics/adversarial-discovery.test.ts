/**
 * Topic discovery on adversarial transcripts: random captions drawn from
 * words that stress each rule (acronyms spelled like stop words, everyday
 * phrases before a rare verb, hyphens, apostrophes, capitals for emphasis,
 * caption markup, scripts other than Latin, combining marks, emoji, very
 * long words) and from arbitrary strings, with arbitrary titles. Whatever
 * the text, the index is built without throwing, its topics and episodes
 * validate against their schemas, slugs are unique, counts add up, and
 * every link is a non-empty range of its paragraph's text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTopicIndex } from '../../src/knowledge/topics/build-topics.ts';
import { EpisodeTopics, Topic } from '../../src/knowledge/topics/schema.ts';
import { episodeFromCues } from './make-episodes.ts';

const pool = [
  'the', 'US', 'us', 'IT', 'it', 'test', 'time', 'compute', 'test time', 'test-time', 'supply', 'chain', 'domestic',
  'Core', 'Weave', 'CoreWeave', 'cor', 'weave', 'Market', 'Hall', 'Markthal', 'open', 'source', 'AI', 'a', 'I', "it's",
  "Nvidia's", 'NVIDIA', 'Navidia', 'GPU', 'GPUs', 'general', 'purpose', 'NOT', 'SO', 'THE', 'um', 'uh', 'like', 'twenty',
  '-', '—', '...', '?', '!', ',', '.', '"', "'", '<b>', '</b>', '<i>bold</i>', '&amp;', '♪', '[music]', '>>', '--',
  'café', 'e\u0301', 'مرحبا', '東京', '🙂', '\u200b', 'x'.repeat(300), 'Ωmega', 'İstanbul', 'ǅemal',
];
const word = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...pool) }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) });
const cue = fc.array(word, { minLength: 1, maxLength: 14 }).map((words) => words.join(' ').replace(/\r|\n/g, ' ').trim() || 'uh');
const episode = fc.record({
  cues: fc.array(cue, { minLength: 1, maxLength: 30 }),
  title: fc.option(fc.array(word, { minLength: 1, maxLength: 6 }).map((w) => w.join(' ')), { nil: undefined }),
});

describe('topic discovery on adversarial transcripts', () => {
  it('builds a valid index whatever the text says', () => {
    let found = 0;
    let linked = 0;
    fc.assert(
      fc.property(fc.array(episode, { minLength: 1, maxLength: 3 }), (specs) => {
        const episodes = specs.map((spec, i) =>
          // Each cue said three times, so that phrases pass the thresholds and the later rules run.
          episodeFromCues(`e${i}`, [...spec.cues, ...spec.cues, ...spec.cues], spec.title === undefined ? '' : `title: ${JSON.stringify(spec.title)}\n`),
        );
        const index = buildTopicIndex(episodes, []);
        found += index.topics.length;
        const slugs = new Set<string>();
        for (const topic of index.topics) {
          expect(Topic.safeParse(topic).success).toBe(true);
          expect(topic.name.trim()).not.toBe('');
          expect(slugs.has(topic.slug)).toBe(false);
          slugs.add(topic.slug);
          expect(topic.episodes.reduce((n, e) => n + e.mentions, 0)).toBe(topic.mentions);
        }
        for (const e of episodes) {
          const topics = index.byEpisode.get(e.slug);
          if (!topics) continue;
          expect(EpisodeTopics.safeParse(topics).success).toBe(true);
          for (const [id, links] of Object.entries(topics.links)) {
            const paragraph = e.paragraphs.find((p) => p.id === id);
            expect(paragraph).toBeDefined();
            for (const link of links) {
              linked++;
              expect(slugs.has(link.topic)).toBe(true);
              expect(link.start).toBeLessThan(link.end);
              expect(link.end).toBeLessThanOrEqual(paragraph?.text.length ?? 0);
            }
          }
        }
      }),
      { numRuns: 60, seed: 20261207 },
    );
    // The words repeat enough for topics to be found and linked: the invariants were put to work.
    expect(found).toBeGreaterThan(60);
    expect(linked).toBeGreaterThan(100);
  });
});
