/**
 * The topic index built incrementally, from parts cached by an earlier
 * build (parts.ts), is exactly the index built from scratch: after
 * episodes are edited, added, removed or reordered, and whether or not the
 * edit changes the candidates and the topics found. Random corpora of
 * made-up episodes (names, misspellings, phrases, headlines) and random
 * edits; every step compares the whole output (topics with quotes, voices
 * and relations, each episode's topics and links, diagnostics). A damaged
 * cache entry is read as missing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTopicIndex } from '../../src/knowledge/topics/build-topics.ts';
import type { TopicIndex } from '../../src/knowledge/topics/build-topics.ts';
import type { TopicPartCache } from '../../src/knowledge/topics/parts.ts';
import type { CuratedTopic } from '../../src/knowledge/topics/schema.ts';
import type { Episode } from '../../src/transcript/schema.ts';
import { episodeFromCues } from './make-episodes.ts';

const things = ['Quorbex Labs', 'Korbex Labs', 'Ilsa Varnow', 'Varnow', 'Nvidia', 'Navidia', 'DeepSeek', 'deep seek', 'heat pumps', 'heat pump', 'data centers', 'district heating', 'the capex bubble', 'large language models', 'LLMs', 'supply chain', 'grid operators', 'Copenhagen'];
const templates = [
  'We talked about {0} for a while.',
  'Then {0} came up again, and {1} too.',
  'Honestly, {0} is the story here.',
  'I think {0} and {1} are linked.',
  'Nobody expected {0}.',
  'So, {0}? Yes, {0}.',
  'It was a long drive home.',
  'Everyone had an opinion.',
];
/** An episode: mostly about a few of the things (its subjects), so that discovery finds topics. */
const content = fc
  .record({
    subjects: fc.uniqueArray(fc.nat(things.length - 1), { minLength: 2, maxLength: 4 }),
    cues: fc.array(fc.tuple(fc.nat(templates.length - 1), fc.nat(7), fc.nat(7), fc.boolean()), { minLength: 10, maxLength: 40 }),
    title: fc.option(fc.nat(things.length - 1), { nil: undefined }),
    tag: fc.option(fc.nat(things.length - 1), { nil: undefined }),
  })
  .map(({ subjects, cues, title, tag }) => ({
    cues: cues.map(([t, a, b, second]): [string, string] => {
      // Six in eight words are the episode's subjects, the rest anything.
      const thing = (k: number) => (k < 6 ? (things[subjects[k % subjects.length] as number] as string) : (things[(k * 7 + t) % things.length] as string));
      return [second ? 'Speaker 2' : 'Speaker 1', (templates[t] as string).replaceAll('{0}', thing(a)).replaceAll('{1}', thing(b))];
    }),
    title,
    tag,
  }));
type Content = typeof content extends fc.Arbitrary<infer T> ? T : never;

function episode(id: string, c: Content): Episode {
  const sidecar = [
    `title: Episode ${id}${c.title === undefined ? '' : ` on ${things[c.title]}`}`,
    'speakers:',
    '  Speaker 1: Maya Okafor',
    '  Speaker 2: Tom Reyes',
    ...(c.tag === undefined ? [] : [`topics: [${things[c.tag]}]`]),
    '',
  ].join('\n');
  return episodeFromCues(id, c.cues, sidecar);
}

const curated: CuratedTopic[] = [
  { slug: 'heat-pumps', file: 'content/topics/heat-pumps.md', name: 'Heat pumps', aliases: ['heatpump'], related: ['district-heating'], exclude: [], html: '', lines: { title: 2, aliases: 3, related: 4 } },
];

/** The whole index as text. */
const dump = (index: TopicIndex) => JSON.stringify({ topics: index.topics, byEpisode: [...index.byEpisode], diagnostics: index.diagnostics });

class MemoryCache implements TopicPartCache {
  readonly entries = new Map<string, Uint8Array>();
  /** Keys asked for, in order. */
  readonly asked: string[] = [];
  get(key: string) {
    this.asked.push(key);
    return this.entries.get(key);
  }
  set(key: string, bytes: Uint8Array) {
    this.entries.set(key, bytes);
  }
}

type Step = { kind: 'edit'; at: number; content: Content } | { kind: 'add'; at: number; content: Content } | { kind: 'remove'; at: number } | { kind: 'swap'; at: number };
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('edit' as const), at: fc.nat(), content }),
  fc.record({ kind: fc.constant('add' as const), at: fc.nat(), content }),
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat() }),
);

function apply(list: Episode[], s: Step, serial: () => string): Episode[] {
  const out = [...list];
  const at = out.length === 0 ? 0 : s.at % out.length;
  if (s.kind === 'edit' && out[at]) out[at] = episode((out[at] as Episode).id, s.content);
  if (s.kind === 'add') out.splice(at, 0, episode(serial(), s.content));
  if (s.kind === 'remove' && out.length > 1) out.splice(at, 1);
  if (s.kind === 'swap' && out.length > 1) out.splice(at, 2, ...out.slice(at, at + 2).reverse());
  return out;
}

describe('topic index from cached parts', () => {
  it('is the index built from scratch, after random edits, additions, removals and reorderings', () => {
    let reusedSome = false;
    fc.assert(
      fc.property(fc.array(content, { minLength: 3, maxLength: 7 }), fc.array(step, { minLength: 1, maxLength: 3 }), (initial, steps) => {
        let n = 0;
        const serial = () => `e${n++}`;
        let list = initial.map((c) => episode(serial(), c));
        const cache = new MemoryCache();
        const warm = buildTopicIndex(list, curated, { cache });
        expect(dump(warm)).toBe(dump(buildTopicIndex(list, curated)));
        for (const s of steps) {
          list = apply(list, s, serial);
          const incremental = buildTopicIndex(list, curated, { cache });
          expect(dump(incremental)).toBe(dump(buildTopicIndex(list, curated)));
          if ((incremental.reused?.read ?? 0) > 0 && (incremental.reused?.mentions ?? 0) > 0) reusedSome = true;
        }
      }),
      { numRuns: 40 },
    );
    expect(reusedSome).toBe(true);
  });

  it('reads only the edited episode when the edit changes no topic, and every part again when nothing changed', () => {
    const base = Array.from({ length: 4 }, (_, i) =>
      episode(`s${i}`, {
        cues: Array.from({ length: 12 }, (_, k): [string, string] => ['Speaker 1', (templates[k % 6] as string).replaceAll('{0}', things[(i + k) % 8] as string).replaceAll('{1}', things[(k * 3) % 8] as string)]),
        title: i,
        tag: undefined,
      }),
    );
    const cache = new MemoryCache();
    buildTopicIndex(base, curated, { cache });
    const again = buildTopicIndex(base, curated, { cache });
    expect(again.reused).toEqual({ read: 4, count: 4, mentions: 4 });
    // One sentence added to one episode, of words no topic is made of.
    const edited = [...base];
    const first = base[0] as Episode;
    edited[0] = episodeFromCues(first.id, [...first.paragraphs.map((p): [string, string] => ['Speaker 1', p.text]), ['Speaker 1', 'It was a long drive home.']], 'title: Episode s0 on Quorbex Labs\nspeakers:\n  Speaker 1: Maya Okafor\n');
    const incremental = buildTopicIndex(edited, curated, { cache });
    expect(dump(incremental)).toBe(dump(buildTopicIndex(edited, curated)));
    expect(incremental.reused?.read).toBe(3);
  });

  it('starts from the last build\'s first-pass counts: after an edit, reads the first-pass parts of the edited episode only', () => {
    const list = Array.from({ length: 6 }, (_, i) =>
      episode(`f${i}`, { cues: Array.from({ length: 12 }, (_, k): [string, string] => ['Speaker 1', (templates[k % 6] as string).replaceAll('{0}', things[(i + k) % 9] as string).replaceAll('{1}', things[(k * 5) % 9] as string)]), title: i, tag: undefined }),
    );
    const cache = new MemoryCache();
    buildTopicIndex(list, curated, { cache });
    const edited = [...list];
    edited[2] = episode('f2', { cues: [['Speaker 1', 'Quorbex Labs and the supply chain.'], ['Speaker 2', 'The supply chain of Quorbex Labs, again.']], title: 2, tag: undefined });
    cache.asked.length = 0;
    const incremental = buildTopicIndex(edited, curated, { cache });
    expect(dump(incremental)).toBe(dump(buildTopicIndex(edited, curated)));
    // The snapshot, the edited episode's new part (not cached yet) and its old one (taken away): not the other five.
    expect(cache.asked.filter((k) => k.startsWith('read')).length).toBe(3);
  });

  it('counts from the parts when the last build\'s counts cannot be undone (a part they hold is lost)', () => {
    const list = [0, 1, 2, 3].map((i) => episode(`m${i}`, { cues: [['Speaker 1', `Quorbex Labs builds heat pumps, says ${things[i]}.`], ['Speaker 2', 'Quorbex Labs, again.'], ['Speaker 1', 'Nvidia and Quorbex Labs.']], title: i, tag: undefined }));
    const cache = new MemoryCache();
    buildTopicIndex(list, curated, { cache });
    const firstPass = [...cache.entries.keys()].filter((k) => k.startsWith('read') && k !== 'read-snapshot');
    // Episode 1 removed, and its cached part lost: the snapshot still holds it, and nothing can take it away.
    const shorter = list.filter((_, i) => i !== 1);
    for (const key of firstPass) {
      const kept = new Map(cache.entries);
      kept.delete(key);
      const partial = new MemoryCache();
      for (const [k, v] of kept) partial.set(k, v);
      expect(dump(buildTopicIndex(shorter, curated, { cache: partial }))).toBe(dump(buildTopicIndex(shorter, curated)));
    }
  });

  it('reads a damaged or foreign part as missing', () => {
    const list = [0, 1, 2].map((i) => episode(`d${i}`, { cues: [['Speaker 1', 'Quorbex Labs builds heat pumps.'], ['Speaker 2', 'Quorbex Labs, again.'], ['Speaker 1', 'Nvidia and Quorbex Labs.']], title: i, tag: undefined }));
    const cache = new MemoryCache();
    const cold = dump(buildTopicIndex(list, curated));
    buildTopicIndex(list, curated, { cache });
    let k = 0;
    for (const key of cache.entries.keys()) cache.entries.set(key, k++ % 2 === 0 ? new Uint8Array([1, 2, 3]) : new Uint8Array(0));
    expect(dump(buildTopicIndex(list, curated, { cache }))).toBe(cold);
  });
});
