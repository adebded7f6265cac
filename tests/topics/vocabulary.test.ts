/**
 * The vocabulary of discovery: counting episodes one at a time and merging
 * their parts gives the counts (and first-seen orders) of counting all the
 * text at once; near-spelling lookups through the deletion index find
 * exactly the keys the definition says (a shared string when each loses at
 * most one letter, or the same sound, within the edits allowed).
 */
import { doubleMetaphone } from 'double-metaphone';
import fc from 'fast-check';
import { distance } from 'fastest-levenshtein';
import { describe, expect, it } from 'vitest';
import type { CorpusParagraph } from '../../src/knowledge/topics/corpus.ts';
import { EpisodeVocabulary, Vocabulary } from '../../src/knowledge/topics/discover/vocabulary.ts';
import { tokenize } from '../../src/knowledge/topics/words.ts';
import type { Paragraph } from '../../src/transcript/schema.ts';

function paragraph(text: string): CorpusParagraph {
  const { tokens, breaks } = tokenize(text);
  return { episode: 0, paragraph: { text } as Paragraph, tokens, breaks, edge: false, lowercase: text === text.toLowerCase() };
}

function vocabularyOf(episodes: string[][]): Vocabulary {
  const vocabulary = new Vocabulary();
  for (const texts of episodes) {
    const counter = new EpisodeVocabulary();
    for (const t of texts) counter.addParagraph(paragraph(t));
    vocabulary.merge(counter.part());
  }
  return vocabulary;
}

const word = fc.array(fc.constantFrom('a', 'b', 'c', 'e', 'o'), { minLength: 2, maxLength: 7 }).map((l) => l.join(''));
const spelled = fc.tuple(word, fc.constantFrom('', 's', "'s", 'S')).map(([w, end]) => (end === 'S' ? w.toUpperCase() : w + end));
const text = fc.array(fc.tuple(spelled, fc.constantFrom(' ', ' ', ', ', '. ')), { minLength: 1, maxLength: 12 }).map((l) => l.map(([w, sep]) => w + sep).join(''));
const corpus = fc.array(fc.array(text, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 });

describe('vocabulary', () => {
  it('counts episodes merged in order as it counts all the text at once', () => {
    fc.assert(
      fc.property(corpus, (episodes) => {
        const parts = vocabularyOf(episodes);
        const whole = vocabularyOf([episodes.flat()]);
        expect(parts.total).toBe(whole.total);
        const keys = new Set(episodes.flat().flatMap((t) => tokenize(t).tokens.map((k) => k.key)));
        for (const a of keys) {
          expect([...(parts.word(a)?.surfaces ?? [])]).toEqual([...(whole.word(a)?.surfaces ?? [])]);
          for (const b of keys) expect(parts.pairCount(a, b)).toBe(whole.pairCount(a, b));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('finds near spellings exactly as the definition says', () => {
    const shared = (a: string, b: string) => {
      const dels = (s: string) => new Set([s, ...[...s].map((_, i) => s.slice(0, i) + s.slice(i + 1))]);
      const x = dels(a);
      return [...dels(b)].some((s) => x.has(s));
    };
    fc.assert(
      fc.property(corpus, fc.array(word, { minLength: 1, maxLength: 6 }), (episodes, queries) => {
        const vocabulary = vocabularyOf(episodes);
        vocabulary.index(new Set(), () => true);
        // Every key the index holds: words, and pairs of adjacent words (all "unusual" here).
        const joined = new Set<string>();
        for (const t of episodes.flat()) {
          const { tokens, breaks } = tokenize(t);
          tokens.forEach((k, i) => {
            joined.add(k.key);
            if (i > 0 && !breaks.has(i)) joined.add((tokens[i - 1]?.key ?? '') + k.key);
          });
        }
        const indexed = [...joined].filter((j) => j.length >= 4 && vocabulary.count(j) < 40);
        for (const q of [...queries, ...indexed.slice(0, 5)]) {
          for (const edits of [1, 2] as const) {
            const expected =
              q.length < 5
                ? []
                : indexed
                    .filter((k) => k !== q && (shared(k, q) || (edits === 2 && doubleMetaphone(q).some((c) => doubleMetaphone(k).includes(c)))))
                    .filter((k) => distance(k, q) <= edits)
                    .sort();
            expect(vocabulary.near(q, edits)).toEqual(expected);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
