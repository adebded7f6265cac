/**
 * The topic index: curated topics win over discovered ones, conflicts in
 * topic files are reported at their lines, tagged episodes and related
 * topics, and the order of the list.
 */
import { describe, expect, it } from 'vitest';
import { buildTopicIndex } from '../../src/knowledge/topics/build-topics.ts';
import { quoteWindows } from '../../src/knowledge/topics/quote.ts';
import { parseTopicFile } from '../../src/knowledge/topics/topic-file.ts';
import type { CuratedTopic } from '../../src/knowledge/topics/schema.ts';
import { phraseKeys } from '../../src/knowledge/topics/words.ts';
import { episodeFromCues } from './make-episodes.ts';
import type { Cue } from './make-episodes.ts';

const file = (name: string, text: string): CuratedTopic => {
  const { topic, diagnostics } = parseTopicFile({ file: `topics/${name}`, name, text });
  if (!topic || diagnostics.length > 0) throw new Error(`bad test topic ${name}`);
  return topic;
};

const heat = file('heat-pumps.md', '---\ntitle: Heat pumps\naliases: [heat pump, heatpump]\nrelated: [grid, nowhere]\n---\n');
const grid = file('grid.md', '---\ntitle: The grid\naliases:\n  - grid\n  - power grid\n  - heatpump\n---\n');
const unused = file('tunnels.md', '---\ntitle: Tunnels\n---\n');

const one = episodeFromCues(
  'one',
  [['Speaker 1', 'A heat pump and the power grid. Heat pumps strain the grid.'], 'More heat pumps, more grid upgrades, says the grid operator.', ['Speaker 2', 'So a heat pump needs a grid.']],
  'title: One\ntopics: [heat pumps, the grid]\n',
);
const two = episodeFromCues('two', [['Speaker 1', 'Nothing about that here, only the grid and a heatpump.']], 'title: Two\ntopics: [Tunnels]\n');

describe('topic index', () => {
  const index = buildTopicIndex([one, two], [heat, grid, unused], { discover: false });

  it('reports alias conflicts, unknown related topics and unmentioned topics at their lines', () => {
    expect(index.diagnostics.map((d) => `${d.file}:${d.line} ${d.severity} ${d.code}`)).toEqual([
      'topics/heat-pumps.md:3 warning topic-alias-conflict',
      'topics/tunnels.md:2 warning topic-unmentioned',
      'topics/heat-pumps.md:4 warning topic-related-unknown',
    ]);
    expect(index.diagnostics[0]?.message).toBe('alias "heatpump" also names topic "The grid" (topics/grid.md); it stays with that topic, remove it from one of them');
  });

  it('counts mentions per episode and marks episodes whose metadata names the topic', () => {
    expect(index.bySlug.get('heat-pumps')?.episodes).toEqual([{ slug: 'one', mentions: 4, tagged: true }]);
    expect(index.bySlug.get('grid')?.episodes).toEqual([
      { slug: 'one', mentions: 5, tagged: true },
      { slug: 'two', mentions: 2, tagged: false },
    ]);
    expect(index.bySlug.get('tunnels')?.episodes).toEqual([{ slug: 'two', mentions: 0, tagged: true }]);
  });

  it('lists curated related topics first, then co-occurring ones', () => {
    expect(index.bySlug.get('heat-pumps')?.related).toEqual([{ slug: 'grid', name: 'The grid', reason: 'curated' }]);
    expect(index.bySlug.get('grid')?.related).toEqual([{ slug: 'heat-pumps', name: 'Heat pumps', reason: 'co-occurrence' }]);
  });

  it('orders topics by importance: spread over episodes, then depth', () => {
    expect(index.topics.map((t) => t.slug)).toEqual(['grid', 'heat-pumps', 'tunnels']);
  });

  it('reports a second file with the same slug as an error and keeps the first', () => {
    const copy = { ...heat, file: 'topics/zz-heat-pumps.md' };
    const r = buildTopicIndex([one], [heat, copy], { discover: false });
    expect(r.diagnostics.map((d) => `${d.file} ${d.code}`)).toContain('topics/zz-heat-pumps.md topic-slug-collision');
    expect(r.topics.filter((t) => t.slug === 'heat-pumps')).toHaveLength(1);
  });

  it('gives a discovered topic no words a curated alias claims', () => {
    const many = ['grid', 'grid', 'grid'].map((_, i) =>
      episodeFromCues(`e${i}`, [['Speaker 1', 'The Zorblax grid, the Zorblax grid and Zorblax again.'], 'Zorblax makes grid things. Zorblax.']),
    );
    const r = buildTopicIndex(many, [file('zorblax.md', '---\ntitle: Zorblax company\naliases: [Zorblax]\n---\n')]);
    expect(r.topics.filter((t) => t.source === 'discovered').map((t) => t.name)).not.toContain('Zorblax');
    expect(r.bySlug.get('zorblax')?.mentions).toBe(15);
  });

  it('discovers no topic the site excludes, by name or by spelling, and counts their words for no other', () => {
    const said = ['The Zorblax grid, the Zorblax grid and Zorblax again.', 'Zorblax makes grid things. Zorblax. The Quillfen deal, the Quilfen deal.', 'Quillfen again, and Quillfen once more, Quillfen.'];
    // Past the last minute, so the mentions count as inside the episode.
    const filler = ['We talked for a while about the weather.', 'It was a long drive home that night.', 'Everyone had an opinion about it.'];
    const cues: Cue[] = [...said, ...Array.from({ length: 30 }, (_, i) => filler[i % 3] as string)].map((text): Cue => ['Speaker 1', text]);
    const many = [0, 1, 2].map((i) => episodeFromCues(`x${i}`, cues));
    const discovered = (exclude?: string[]) =>
      buildTopicIndex(many, [], exclude ? { exclude } : {}).topics.filter((t) => t.source === 'discovered');
    const before = discovered();
    const quillfen = before.find((t) => t.name === 'Quillfen');
    expect(before.map((t) => t.name)).toContain('Zorblax');
    expect(quillfen?.aliases).toContain('Quilfen');
    // Excluded by its name, and by a spelling that is not its name.
    const after = discovered(['zorblax', 'Quilfen']);
    expect(after.map((t) => t.name)).not.toContain('Zorblax');
    expect(after.map((t) => t.name)).not.toContain('Quillfen');
    // The words are nobody's: no topic quotes or links them.
    expect(after.flatMap((t) => t.aliases.map((a) => a.toLowerCase()))).not.toContain('zorblax');
  });

  it('leaves out a word excluded in capitals only where it is in capitals', () => {
    const game = episodeFromCues('g', [['Speaker 1', 'He built an RTS game, a whole RTS, and rts fans loved it.']]);
    const rts = file('rts.md', '---\ntitle: Real-time strategy\naliases: [rts]\n---\n');
    const mentions = (exclude: string[]) => buildTopicIndex([game], [rts], { discover: false, exclude }).bySlug.get('rts')?.mentions;
    expect(mentions([])).toBe(3);
    expect(mentions(['RTS'])).toBe(1);
    expect(mentions(['rts'])).toBe(0);
  });

  it('drops a shorter candidate that a longer, as often mentioned one starts or ends with', () => {
    // "Varnow" is mostly said as part of "Ilsa Varnow": what is left of it alone is the same topic.
    const said = [
      'I asked Ilsa Varnow about the drought last week.',
      'Ilsa Varnow told me the wells are running dry.',
      'According to Ilsa Varnow the aquifer is shrinking.',
      'Varnow thinks farmers pump twice as deep now.',
      'Then Ilsa Varnow showed us the old maps.',
    ];
    // Past the last minute, so the mentions count as inside the episode.
    const filler = ['We talked for a while about the weather.', 'It was a long drive home that night.', 'Everyone had an opinion about it.'];
    const cues = [...said, ...said, ...Array.from({ length: 30 }, (_, i) => filler[i % 3] as string)];
    const many = [0, 1, 2, 3].map((i) => episodeFromCues(`v${i}`, cues.map((text): [string, string] => ['Speaker 1', text])));
    const names = buildTopicIndex(many, []).topics.filter((t) => t.source === 'discovered').map((t) => t.name);
    expect(names).toContain('Ilsa Varnow');
    expect(names).not.toContain('Varnow');
  });

  it('reads episodes from any iterable, in at most three passes and one episode at a time, as it reads an array', () => {
    const said = ['Ilsa Varnow mapped the Tessaly aquifer.', 'The Tessaly aquifer is shrinking, says Ilsa Varnow.', 'A heat pump and the grid.'];
    const filler = Array.from({ length: 30 }, (_, i) => ['We talked about the weather.', 'It was a long drive home.', 'Everyone had an opinion.'][i % 3] as string);
    const episodes = [one, two, ...[0, 1, 2].map((i) => episodeFromCues(`v${i}`, [...said, ...said, ...filler].map((text): [string, string] => ['Speaker 1', text])))];
    let passes = 0;
    let open = 0;
    const lazy: Iterable<(typeof episodes)[number]> = {
      *[Symbol.iterator]() {
        passes++;
        for (const e of episodes) {
          open++;
          expect(open).toBe(1);
          // A copy, as a loader reading each episode from disk would give.
          yield structuredClone(e);
          open--;
        }
      },
    };
    const fromArray = buildTopicIndex(episodes, [heat, grid]);
    const fromIterable = buildTopicIndex(lazy, [heat, grid]);
    expect(passes).toBeLessThanOrEqual(3);
    expect(fromIterable.topics).toEqual(fromArray.topics);
    expect([...fromIterable.byEpisode]).toEqual([...fromArray.byEpisode]);
    expect(fromIterable.topics.filter((t) => t.source === 'discovered').map((t) => t.name)).toContain('Ilsa Varnow');
  });
});

describe('quote windows', () => {
  it('gives mentions close together one quote with a highlight each, and far ones their own', () => {
    const filler = 'word '.repeat(60);
    const text = `Start grid and grid again. ${filler}then the grid at the end.`;
    const a = text.indexOf('grid');
    const b = text.indexOf('grid', a + 1);
    const c = text.lastIndexOf('grid');
    const windows = quoteWindows(text, [[a, a + 4], [b, b + 4], [c, c + 4]]);
    expect(windows).toHaveLength(2);
    expect(windows[0]?.highlights).toHaveLength(2);
    for (const w of windows) for (const [s, e] of w.highlights) expect(w.quote.slice(s, e)).toBe('grid');
    expect(windows[1]?.quote.startsWith('…')).toBe(true);
  });

  it('quotes mentions from their paragraphs, with the topic\'s words highlighted', () => {
    const index = buildTopicIndex([one, two], [heat, grid, unused], { discover: false });
    let quotes = 0;
    for (const t of index.topics) {
      const spellings = t.aliases.map((a) => phraseKeys(a).join(' '));
      for (const q of t.quoted) {
        const episode = [one, two].find((e) => e.slug === q.episode);
        for (const quote of q.quotes) {
          quotes++;
          expect(episode?.paragraphs.find((p) => p.id === quote.paragraph)?.text).toContain(quote.quote.replace(/^…|…$/g, ''));
          for (const [from, to] of quote.highlights) expect(spellings).toContain(phraseKeys(quote.quote.slice(from, to)).join(' '));
        }
      }
    }
    expect(quotes).toBeGreaterThan(0);
  });
});
