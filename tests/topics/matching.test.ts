/**
 * Alias matching: whole words, case, plurals and possessives, phrases
 * across caption boundaries, longest match first, exclude phrases, and the
 * mapping of a match back to its segment and time.
 */
import { describe, expect, it } from 'vitest';
import { AliasMatcher } from '../../src/knowledge/topics/alias-matcher.ts';
import type { AliasCase } from '../../src/knowledge/topics/alias-matcher.ts';
import { buildTopicIndex } from '../../src/knowledge/topics/build-topics.ts';
import type { CuratedTopic } from '../../src/knowledge/topics/schema.ts';
import { phraseKeys, tokenize, wordKey } from '../../src/knowledge/topics/words.ts';
import { episodeFromCues } from './make-episodes.ts';

/** The matched texts of `text` for aliases given as [topic, alias, case?]. */
function matches(text: string, aliases: Array<[number, string, AliasCase?]>, excludes: Array<[number, string]> = []): string[] {
  const matcher = new AliasMatcher();
  for (const [topic, alias, rule] of aliases) matcher.add({ keys: phraseKeys(alias), case: rule ?? 'any', topic, exclude: false, priority: 1 });
  for (const [topic, phrase] of excludes) matcher.add({ keys: phraseKeys(phrase), case: 'any', topic, exclude: true, priority: 1 });
  const { tokens, breaks } = tokenize(text);
  return matcher.scan(tokens, breaks, !/\p{Lu}/u.test(text)).map((m) => `${m.topic}:${text.slice(tokens[m.first]?.start, tokens[m.last]?.end)}`);
}

const topic = (slug: string, name: string, aliases: string[] = [], extra: Partial<CuratedTopic> = {}): CuratedTopic => ({
  slug,
  file: `content/topics/${slug}.md`,
  name,
  aliases,
  related: [],
  exclude: [],
  html: '',
  lines: { title: 2, aliases: 3, related: 4 },
  ...extra,
});

describe('word keys', () => {
  it('fold case, accents, possessives and regular plurals', () => {
    expect(['Nvidia’s', "NVIDIA's", 'nvidia'].map(wordKey)).toEqual(['nvidia', 'nvidia', 'nvidia']);
    expect(['pumps', 'batteries', 'taxes', 'churches', 'GPUs', 'København'].map(wordKey)).toEqual(['pump', 'battery', 'tax', 'church', 'gpu', 'kobenhavn']);
    // Kept as they are: short words and -ss, -us, -is, -ics endings.
    expect(['gas', 'class', 'virus', 'analysis', 'economics', 'us'].map(wordKey)).toEqual(['gas', 'class', 'virus', 'analysis', 'economics', 'us']);
  });

  it('split at hyphens, so "kilowatt-hour" and "kilowatt hour" are the same phrase', () => {
    expect(phraseKeys('kilowatt-hour')).toEqual(phraseKeys('Kilowatt hours'));
  });
});

describe('alias matching', () => {
  it('matches whole words only, never inside another word', () => {
    expect(matches('A pumpkin, a heatpump and a sump pump.', [[0, 'pump']])).toEqual(['0:pump']);
    expect(matches('Copenhageners love Copenhagen.', [[0, 'Copenhagen']])).toEqual(['0:Copenhagen']);
    expect(matches('the unicorn in Vidia', [[0, 'corn'], [1, 'Nvidia']])).toEqual([]);
  });

  it('is case-insensitive and folds plurals and possessives', () => {
    expect(matches('HEAT PUMPS, heat pump, Heat-pump’s efficiency', [[0, 'heat pumps']])).toEqual(['0:HEAT PUMPS', '0:heat pump', '0:Heat-pump’s']);
    expect(matches("Nvidia's chips and NVIDIA", [[0, 'Nvidia']])).toEqual(["0:Nvidia's", '0:NVIDIA']);
  });

  it('matches an alias written in capitals only in capitals, and a capitalised name only capitalised', () => {
    expect(matches('The COP is three; the cop was not.', [[0, 'COP', 'caps']])).toEqual(['0:COP']);
    expect(matches('Apple sells an apple.', [[0, 'Apple', 'capitalized']])).toEqual(['0:Apple']);
    // All-lowercase captions carry no case, so a capitalised name matches there.
    expect(matches('apple sells phones', [[0, 'Apple', 'capitalized']])).toEqual(['0:apple']);
  });

  it('lets the longest alias win where aliases overlap', () => {
    expect(matches('the Gotthard Base Tunnel and the old Gotthard line', [[0, 'Gotthard'], [1, 'Gotthard Base Tunnel'], [2, 'base tunnel']])).toEqual([
      '1:Gotthard Base Tunnel',
      '0:Gotthard',
    ]);
    expect(matches('a heat pump network', [[0, 'heat pump'], [1, 'pump network']])).toEqual(['0:heat pump']);
  });

  it('never runs a phrase across a sentence end, a comma or caption markup', () => {
    expect(matches('It was hot. Pumps were off, heat [music] pump', [[0, 'hot pumps'], [1, 'off heat'], [2, 'heat pump']])).toEqual([]);
    expect(matches('the U.S. economy', [[0, 'U.S. economy']])).toEqual([]);
    expect(matches('the U.S. market', [[0, 'U.S.']])).toEqual(['0:U.S']);
  });

  it('skips words inside caption markup', () => {
    expect(matches('[music] and [__] then music', [[0, 'music']])).toEqual(['0:music']);
  });

  it('counts nothing for an excluded phrase, which consumes its words', () => {
    expect(matches('the Copenhagen interpretation, not Copenhagen itself', [[0, 'Copenhagen']], [[0, 'Copenhagen interpretation']])).toEqual([
      '0:Copenhagen',
    ]);
  });
});

describe('mentions in episodes', () => {
  const episode = episodeFromCues('grid', [
    ['Speaker 1', 'Welcome back. Today we talk about the heat'],
    'pumps in Copenhagen, and why a heat pump needs the grid.',
    ['Speaker 2', "Copenhagen's district heating is a battery."],
  ]);

  it('finds a multi-word alias split across captions and maps it to the caption it starts in', () => {
    const index = buildTopicIndex([episode], [topic('heat-pumps', 'Heat pumps')], { discover: false });
    const heat = index.bySlug.get('heat-pumps');
    const quoted = heat?.quoted[0];
    expect(quoted?.marks.map((m) => m.start)).toEqual([120, 123]);
    expect(quoted?.quotes.flatMap((q) => q.highlights.map(([from, to]) => q.quote.slice(from, to)))).toEqual(['heat pumps', 'heat pump']);
    expect(quoted?.quotes[0]?.start).toBe(120);
    expect(heat?.episodes).toEqual([{ slug: episode.slug, mentions: 2, tagged: false }]);
  });

  it('records speakers, the first mention per paragraph and per-episode counts', () => {
    const index = buildTopicIndex([episode], [topic('copenhagen', 'Copenhagen', ['København'])], { discover: false });
    const cph = index.bySlug.get('copenhagen');
    expect(cph?.speakers.map((s) => [s.name, s.mentions])).toEqual([
      ['Speaker 1', 1],
      ['Speaker 2', 1],
    ]);
    const view = index.byEpisode.get(episode.slug);
    expect(view?.topics).toEqual([{ slug: 'copenhagen', name: 'Copenhagen', mentions: 2 }]);
    const [p1, p2] = episode.paragraphs;
    expect(view?.links[p1?.id ?? '']?.map((l) => p1?.text.slice(l.start, l.end))).toEqual(['Copenhagen']);
    expect(view?.links[p2?.id ?? '']?.map((l) => p2?.text.slice(l.start, l.end))).toEqual(["Copenhagen's"]);
  });
});
