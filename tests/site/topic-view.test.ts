/**
 * What the topic pages and the episode page's topic parts show, from a small
 * knowledge base: related episodes by shared topics, the topic page (quotes,
 * timeline positions, speakers merged across episodes, related and
 * backlinks), the index in both orders, and the search records for topics.
 */
import { describe, expect, it } from 'vitest';
import { buildKnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import { relatedEpisodes } from '../../src/knowledge/related-episodes.ts';
import { parseTopicFile } from '../../src/knowledge/topics/topic-file.ts';
import type { CuratedTopic } from '../../src/knowledge/topics/schema.ts';
import { episodePassages, withTopics } from '../../src/search/passages.ts';
import { passageRecord, topicDocument } from '../../src/search/records.ts';
import { episodeView } from '../../src/site/episode-view.ts';
import { makeRoutes } from '../../src/site/routes.ts';
import { LISTED_EPISODES, QUOTED_EPISODES, QUOTES_PER_EPISODE, topicView, topicsIndexView } from '../../src/site/topic-view.ts';
import { episodeFromCues } from '../topics/make-episodes.ts';

const topic = (name: string, text: string): CuratedTopic => {
  const { topic: t, diagnostics } = parseTopicFile({ file: `topics/${name}`, name, text });
  if (!t || diagnostics.length > 0) throw new Error(`bad test topic ${name}: ${diagnostics.map((d) => d.message)}`);
  return t;
};

const curated = [
  topic('heat-pumps.md', '---\ntitle: Heat pumps\naliases: [heat pomp]\n---\nSee [the grid](/topics/grid/).\n'),
  topic('grid.md', '---\ntitle: Grid\ndescription: The wires.\n---\n'),
  topic('tunnels.md', '---\ntitle: Tunnels\n---\n'),
  topic('<script>.md', '---\ntitle: "<img src=x onerror=alert(1)>"\naliases: [onerror]\n---\n'),
];
const sidecar = (title: string, date: string) => `title: ${title}\ndate: ${date}\nshow: Test Show\nspeakers:\n  Speaker 1: Ada Lovelace\n  Speaker 2: Bo Diddley\n`;
const a = episodeFromCues(
  'a',
  [['Speaker 1', 'A heat pump and the grid.'], 'The heat pomp again, then the grid and the grid.', ['Speaker 2', 'Tunnels, onerror and heat pumps.']],
  sidecar('Alpha', '2024-01-01'),
);
const b = episodeFromCues('b', [['Speaker 1', 'Heat pumps need a grid.'], ['Speaker 2', 'A heat pump, yes.']], sidecar('Beta', '2024-02-01'));
const c = episodeFromCues('c', [['Speaker 2', 'Only tunnels here, long tunnels.']], sidecar('Gamma', '2024-03-01'));
const kb = buildKnowledgeBase([a, b, c], { curatedTopics: curated, discoverTopics: false });
const routes = makeRoutes('/');

describe('related episodes', () => {
  it('relates episodes that share topics, strongest first, naming the shared topics', () => {
    expect(kb.related.get(a.slug)?.map((r) => r.slug)).toEqual([b.slug, c.slug]);
    expect(kb.related.get(a.slug)?.[0]?.shared).toEqual(['Heat pumps', 'Grid']);
    expect(kb.related.get(c.slug)?.map((r) => r.slug)).toEqual([a.slug]);
  });

  it('gives a topic found in every episode less weight than a rarer one, and needs a shared topic', () => {
    const t = (slug: string, episodes: Array<[string, number]>) =>
      ({ slug, name: slug, episodes: episodes.map(([s, mentions]) => ({ slug: s, mentions, tagged: false })) }) as never;
    const related = relatedEpisodes([t('everywhere', [['x', 3], ['y', 3], ['z', 3]]), t('rare', [['x', 1], ['z', 1]])], 3);
    expect(related.get('x')?.map((r) => r.slug)).toEqual(['z', 'y']);
    expect(relatedEpisodes([t('alone', [['x', 5]])], 3).size).toBe(0);
  });
});

describe('episode page topics', () => {
  it('lists the topics with counts and links the first mention of each topic in each paragraph', () => {
    const view = episodeView(a, kb);
    expect(view.topics.map((t) => `${t.name} ${t.mentions}`)).toEqual(['Grid 3', 'Heat pumps 3', '<img src=x onerror=alert(1)> 1', 'Tunnels 1']);
    const html = view.turns.flatMap((t) => t.paragraphs).map((p) => p.html ?? '');
    const links = html.join('').match(/<a [^>]*>/g) ?? [];
    // Paragraph one: heat pump, grid; paragraph two (same speaker, may merge) and three: first mention of each topic per paragraph only.
    for (const p of view.turns.flatMap((t) => t.paragraphs)) {
      const hrefs = [...(p.html ?? '').matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
      expect(new Set(hrefs).size).toBe(hrefs.length);
    }
    expect(links.length).toBeGreaterThan(0);
    // Names and text are data: no element from them (a `<` inside a quoted attribute value is text to the parser).
    expect(html.join('').replace(/"[^"]*"/g, '""')).not.toMatch(/<img/);
    expect(html.join('')).toContain('title="Topic: <img src=x onerror=alert(1)>"');
    expect(view.related.map((r) => r.title)).toEqual(['Beta', 'Gamma']);
  });
});

describe('topic page', () => {
  const heat = kb.topics.bySlug.get('heat-pumps');
  if (!heat) throw new Error('no heat pumps topic');
  const view = topicView(heat, kb);

  it('quotes every mention with a highlight, merging mentions close together in one paragraph', () => {
    const marks = view.groups.flatMap((g) => g.mentions.flatMap((m) => m.quote.filter((q) => q.mark).map((q) => q.text.toLowerCase())));
    expect(marks).toHaveLength(heat.mentions);
    expect(new Set(marks)).toEqual(new Set(['heat pump', 'heat pomp', 'heat pumps']));
    const quotes = view.groups.reduce((n, g) => n + g.mentions.length, 0);
    expect(quotes).toBeLessThan(heat.mentions);
    for (const g of view.groups) for (const m of g.mentions) expect(m.href).toMatch(new RegExp(`^${g.href}#p\\d+$`));
  });

  it('places timeline marks by time within each episode, oldest episode first', () => {
    expect(view.timeline.map((r) => r.title)).toEqual(['Alpha', 'Beta']);
    for (const row of view.timeline) {
      const xs = row.ticks.map((t) => t.x);
      expect(xs).toEqual([...xs].sort((p, q) => p - q));
      for (const x of xs) expect(x).toBeGreaterThanOrEqual(0), expect(x).toBeLessThanOrEqual(1000);
    }
    expect(view.timeline.reduce((n, r) => n + r.ticks.reduce((k, t) => k + t.mentions, 0), 0)).toBe(heat.mentions);
  });

  it('merges speakers across episodes through the people directory', () => {
    expect(view.speakers.map((s) => `${s.name} ${s.mentions}`)).toEqual(['Ada Lovelace 3', 'Bo Diddley 2']);
    expect(view.speakers[0]?.href).toBe(routes.speaker('ada-lovelace'));
  });

  it('shows the aliases, and backlinks from topics whose text links here', () => {
    expect(view.aliases).toEqual(['heat pomp']);
    const grid = kb.topics.bySlug.get('grid');
    if (!grid) throw new Error('no grid');
    const gridView = topicView(grid, kb);
    expect(gridView.description).toBe('The wires.');
    expect([...gridView.related, ...gridView.backlinks].map((l) => l.name)).toContain('Heat pumps');
  });
});

describe('topics index', () => {
  it('orders by mentions or by name', () => {
    const byMentions = topicsIndexView(kb, 'mentions').rows.map((r) => r.mentions);
    expect(byMentions).toEqual([...byMentions].sort((p, q) => q - p));
    const byName = topicsIndexView(kb, 'name').rows.map((r) => r.name);
    expect(byName).toEqual([...byName].sort((p, q) => p.localeCompare(q, 'en', { sensitivity: 'base' })));
    expect(topicsIndexView(kb, 'name').facts).toEqual(['4 topics', '4 curated', '0 discovered']);
  });
});

describe('search records for topics', () => {
  it('indexes topic pages with aliases and gives passages a topic filter', () => {
    const passages = [a, b, c].flatMap((e) => episodePassages(e, routes));
    const topics = withTopics(passages, kb.topics, routes);
    expect(topics.find((t) => t.name === 'Heat pumps')).toMatchObject({ url: '/topics/heat-pumps/', aliases: ['heat pomp'] });
    const first = passages.find((p) => p.slug === a.slug);
    expect(first?.topics).toEqual(expect.arrayContaining(['Heat pumps', 'Grid']));
    expect(passageRecord(first as never).filters?.topic).toEqual(first?.topics);
    const gamma = passages.find((p) => p.slug === c.slug);
    expect(gamma?.topics).toEqual(['Tunnels']);
  });

  it('escapes topic names in the indexed document', () => {
    const passages = [a].flatMap((e) => episodePassages(e, routes));
    const hostile = withTopics(passages, kb.topics, routes).find((t) => t.name.startsWith('<img'));
    const html = topicDocument(hostile as never);
    expect(html).not.toMatch(/<img/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('topic page of a topic said everywhere', () => {
  // More episodes than are quoted and listed, each saying "heat pump" in more paragraphs than are quoted.
  const count = QUOTED_EPISODES + LISTED_EPISODES + 3;
  const episodes = Array.from({ length: count }, (_, i) =>
    episodeFromCues(
      `ep${i}`,
      Array.from({ length: QUOTES_PER_EPISODE + 2 + (i % 3) }, (_, j): [string, string] => [`Speaker ${1 + (j % 2)}`, `Point ${j}: the heat pump works. Next one.`]),
      sidecar(`Episode ${i}`, `2024-01-${String(1 + (i % 28)).padStart(2, '0')}`),
    ),
  );
  const big = buildKnowledgeBase(episodes, { curatedTopics: [curated[0] as CuratedTopic], discoverTopics: false });
  const heat = big.topics.bySlug.get('heat-pumps');
  if (!heat) throw new Error('no heat pumps topic');
  const view = topicView(heat, big);

  it('quotes only the episodes that mention it most, a few quotes each, and says how many more each has', () => {
    expect(view.groups).toHaveLength(QUOTED_EPISODES);
    expect(view.groups.map((g) => g.title)).toEqual(heat.episodes.slice(0, QUOTED_EPISODES).map((e) => big.episodeBySlug.get(e.slug)?.title));
    for (const [i, g] of view.groups.entries()) {
      const said = heat.episodes[i]?.mentions ?? 0;
      expect(g.mentions).toHaveLength(QUOTES_PER_EPISODE);
      const marked = g.mentions.reduce((n, m) => n + m.quote.filter((q) => q.mark).length, 0);
      expect(g.more).toBe(said - marked);
      expect(g.more).toBeGreaterThan(0);
    }
  });

  it('lists the next episodes by name, counts the rest and links to a search for them all', () => {
    expect(view.listed).toHaveLength(LISTED_EPISODES);
    expect(view.listed[0]?.title).toBe(big.episodeBySlug.get(heat.episodes[QUOTED_EPISODES]?.slug ?? '')?.title);
    expect(view.unlisted).toBe(count - QUOTED_EPISODES - LISTED_EPISODES);
    expect(view.searchHref).toBe('/search/?q=Heat+pumps&topic=Heat+pumps');
  });

  it('gives timeline rows to the quoted episodes only, oldest first', () => {
    expect(view.timeline).toHaveLength(QUOTED_EPISODES);
    expect(new Set(view.timeline.map((r) => r.href))).toEqual(new Set(view.groups.map((g) => `#${g.id}`)));
  });
});
