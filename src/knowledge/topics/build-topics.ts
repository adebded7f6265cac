/**
 * The topic index: curated topics from topic files plus topics discovered
 * in the transcripts, every mention found by one alias matcher in one pass
 * over all paragraphs, and the views pages need (topic pages, the topics of
 * each episode, the first mention of each topic in each paragraph). Pure:
 * runs the same in tests, the CLI and the site.
 */
import { diagnostic } from '../../transcript/diagnostics.ts';
import type { Diagnostic } from '../../transcript/diagnostics.ts';
import type { Episode, Paragraph } from '../../transcript/schema.ts';
import { slugify } from '../../transcript/slug.ts';
import { AliasMatcher } from './alias-matcher.ts';
import type { AliasCase, AliasEntry } from './alias-matcher.ts';
import { buildCorpus } from './corpus.ts';
import type { CorpusParagraph } from './corpus.ts';
import { discoverTopics, topicScore } from './discover/discover.ts';
import { segmentAt, segmentOffsets } from './paragraph-segments.ts';
import { quoteAround } from './quote.ts';
import { relatedByCooccurrence } from './related.ts';
import type { CuratedTopic, EpisodeTopics, ParagraphTopicLink, Topic, TopicMention, TopicSource, TopicSpeaker } from './schema.ts';
import { isCaps, phraseKeys } from './words.ts';

export interface TopicIndexOptions {
  /** Discover topics beyond the curated ones (default true). */
  discover?: boolean;
  /** Most discovered topics kept (default: see `discoveryRules`). */
  maxDiscovered?: number;
}

export interface TopicIndex {
  /** All topics, most important first (see `Topic.score`). */
  topics: Topic[];
  bySlug: Map<string, Topic>;
  /** The topics of each episode, by episode slug. */
  byEpisode: Map<string, EpisodeTopics>;
  /** Problems with the topic files (conflicting aliases, unknown related topics, unmentioned topics). */
  diagnostics: Diagnostic[];
}

/** A topic while the index is built: what to match, and where it came from. */
interface Draft {
  slug: string;
  name: string;
  aliases: string[];
  source: TopicSource;
  forms: Array<{ keys: string[]; case: AliasCase }>;
  exclude: string[][];
  weight: number;
  curated?: CuratedTopic;
}

/** Matches per topic: the paragraph and the character range. */
interface Found {
  p: CorpusParagraph;
  start: number;
  end: number;
}

/** Build the topic index from all episodes and the curated topic files. */
export function buildTopicIndex(episodes: readonly Episode[], curated: readonly CuratedTopic[], options: TopicIndexOptions = {}): TopicIndex {
  const diagnostics: Diagnostic[] = [];
  const drafts = curatedDrafts(curated, diagnostics);
  const corpus = buildCorpus(episodes);

  if (options.discover !== false) {
    const taken = new Set(drafts.map((d) => d.slug));
    for (const t of discoverTopics(corpus, { reserved: matcherEntries(drafts, 2), ...(options.maxDiscovered === undefined ? {} : { maxTopics: options.maxDiscovered }) })) {
      const slug = uniqueSlug(slugify(t.name) || 'topic', taken);
      drafts.push({ slug, name: t.name, aliases: t.aliases, source: 'discovered', forms: t.forms, exclude: [], weight: t.weight });
    }
  }

  // One matcher, one pass over every paragraph.
  const matcher = new AliasMatcher();
  drafts.forEach((d, topic) => {
    const priority = d.source === 'curated' ? 2 : 1;
    for (const form of d.forms) matcher.add({ keys: form.keys, case: form.case, topic, exclude: false, priority });
    for (const keys of d.exclude) matcher.add({ keys, case: 'any', topic, exclude: true, priority });
  });
  const found: Found[][] = drafts.map(() => []);
  const inParagraph = new Map<CorpusParagraph, Set<number>>();
  for (const p of corpus.paragraphs) {
    for (const m of matcher.scan(p.tokens, p.breaks, p.lowercase)) {
      const first = p.tokens[m.first];
      const last = p.tokens[m.last];
      if (!first || !last) continue;
      found[m.topic]?.push({ p, start: first.start, end: last.end });
      let set = inParagraph.get(p);
      if (!set) inParagraph.set(p, (set = new Set()));
      set.add(m.topic);
    }
  }

  const offsets = new Map<Paragraph, number[]>();
  const topics: Topic[] = [];
  const kept = new Map<number, Topic>();
  drafts.forEach((d, i) => {
    const hits = found[i] ?? [];
    const tagged = taggedEpisodes(episodes, d);
    if (d.source === 'discovered' && hits.length === 0) return; // a curated topic took every mention
    const topic = assemble(d, hits, tagged, episodes, offsets);
    if (d.curated && hits.length === 0) {
      diagnostics.push(diagnostic('topic-unmentioned', d.curated.file, d.curated.lines.title ?? 1, 1, { name: d.name, episodes: episodes.length }));
    }
    topics.push(topic);
    kept.set(i, topic);
  });

  relatedTopics(drafts, kept, corpus.paragraphs, inParagraph, diagnostics);
  topics.sort((a, b) => b.score - a.score || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return {
    topics,
    bySlug: new Map(topics.map((t) => [t.slug, t])),
    byEpisode: episodeViews(episodes, kept, found),
    diagnostics,
  };
}

/** Curated topics as drafts: slug collisions are errors, an alias already taken by an earlier file is a warning. */
function curatedDrafts(curated: readonly CuratedTopic[], diagnostics: Diagnostic[]): Draft[] {
  const drafts: Draft[] = [];
  const bySlug = new Map<string, CuratedTopic>();
  const owner = new Map<string, CuratedTopic>();
  const sorted = [...curated].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  for (const t of sorted) {
    const holder = bySlug.get(t.slug);
    if (holder) {
      diagnostics.push(diagnostic('topic-slug-collision', t.file, 1, 1, { slug: t.slug, other: holder.file }));
      continue;
    }
    bySlug.set(t.slug, t);
    const forms: Draft['forms'] = [];
    for (const alias of [t.name, ...t.aliases]) {
      const keys = phraseKeys(alias);
      const id = keys.join(' ');
      const other = owner.get(id);
      if (other && other !== t) {
        const line = (alias === t.name ? t.lines.title : t.lines.aliases) ?? 1;
        diagnostics.push(diagnostic('topic-alias-conflict', t.file, line, 1, { alias, other: other.name, file: other.file }));
        continue;
      }
      owner.set(id, t);
      // Acronyms written in capitals match only capitals: "COP" is not "cop".
      if (keys.length > 0) forms.push({ keys, case: isCaps(alias.replace(/[^\p{L}]/gu, '')) ? 'caps' : 'any' });
    }
    drafts.push({
      slug: t.slug,
      name: t.name,
      aliases: [t.name, ...t.aliases],
      source: 'curated',
      forms,
      exclude: t.exclude.map(phraseKeys).filter((k) => k.length > 0),
      weight: 1,
      curated: t,
    });
  }
  return drafts;
}

/** The drafts' forms as matcher entries (for discovery: curated aliases claim their words first). */
function matcherEntries(drafts: readonly Draft[], priority: number): AliasEntry[] {
  const out: AliasEntry[] = [];
  drafts.forEach((d, topic) => {
    for (const form of d.forms) out.push({ keys: form.keys, case: form.case, topic, exclude: false, priority });
    for (const keys of d.exclude) out.push({ keys, case: 'any', topic, exclude: true, priority });
  });
  return out;
}

function uniqueSlug(slug: string, taken: Set<string>): string {
  let out = slug;
  for (let n = 2; taken.has(out); n++) out = `${slug}-${n}`;
  taken.add(out);
  return out;
}

/** Episodes whose metadata `topics:` names the topic (by name, alias or slug, ignoring case and plurals). */
function taggedEpisodes(episodes: readonly Episode[], d: Draft): Set<Episode> {
  const names = new Set([d.slug.replace(/-/g, ' '), ...d.aliases].map((a) => phraseKeys(a).join(' ')));
  const out = new Set<Episode>();
  for (const e of episodes) {
    for (const t of e.topics) {
      const keys = phraseKeys(t);
      // "the grid" names a topic called "grid".
      if (names.has(keys.join(' ')) || (keys[0] === 'the' && names.has(keys.slice(1).join(' ')))) out.add(e);
    }
  }
  return out;
}

/** A topic's page data from its matches. */
function assemble(d: Draft, hits: readonly Found[], tagged: ReadonlySet<Episode>, episodes: readonly Episode[], offsets: Map<Paragraph, number[]>): Topic {
  const mentions: TopicMention[] = [];
  const perEpisode = new Map<Episode, number>();
  const perSpeaker = new Map<string, TopicSpeaker>();
  for (const { p, start, end } of hits) {
    const episode = episodes[p.episode];
    if (!episode) continue;
    let off = offsets.get(p.paragraph);
    if (!off) offsets.set(p.paragraph, (off = segmentOffsets(p.paragraph, episode.segments)));
    const segment = segmentAt(p.paragraph, off, start);
    const { quote, highlight } = quoteAround(p.paragraph.text, start, end);
    mentions.push({
      episode: episode.slug,
      paragraph: p.paragraph.id,
      segment,
      start: episode.segments[segment]?.start ?? p.paragraph.start,
      speaker: p.paragraph.speaker,
      quote,
      highlight,
      range: [start, end],
    });
    perEpisode.set(episode, (perEpisode.get(episode) ?? 0) + 1);
    if (p.paragraph.speaker) {
      const id = p.paragraph.speaker;
      const person = perSpeaker.get(id);
      if (person) person.mentions++;
      else perSpeaker.set(id, { id, name: episode.speakers.find((s) => s.id === id)?.name ?? id, mentions: 1 });
    }
  }
  for (const e of tagged) if (!perEpisode.has(e)) perEpisode.set(e, 0);
  const topicEpisodes = [...perEpisode]
    .map(([e, n]) => ({ slug: e.slug, mentions: n, tagged: tagged.has(e) }))
    .sort((a, b) => b.mentions - a.mentions || (a.slug < b.slug ? -1 : 1));
  const topic: Topic = {
    slug: d.slug,
    name: d.name,
    aliases: d.aliases,
    source: d.source,
    html: d.curated?.html ?? '',
    episodes: topicEpisodes,
    mentions,
    related: [],
    speakers: [...perSpeaker.values()].sort((a, b) => b.mentions - a.mentions || (a.name < b.name ? -1 : 1)),
    score: round(topicScore(perEpisode.values(), d.weight)),
  };
  if (d.curated?.description !== undefined) topic.description = d.curated.description;
  if (d.curated) topic.file = d.curated.file;
  return topic;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** Curated `related` entries first (resolved by slug or name), then topics that co-occur. */
function relatedTopics(
  drafts: readonly Draft[],
  kept: ReadonlyMap<number, Topic>,
  paragraphs: readonly CorpusParagraph[],
  inParagraph: ReadonlyMap<CorpusParagraph, Set<number>>,
  diagnostics: Diagnostic[],
): void {
  const byName = new Map<string, Topic>();
  for (const t of kept.values()) {
    byName.set(t.slug, t);
    byName.set(phraseKeys(t.name).join(' '), t);
  }
  const cooccurring = relatedByCooccurrence(paragraphs, inParagraph);
  for (const [i, topic] of kept) {
    const d = drafts[i];
    const seen = new Set<string>([topic.slug]);
    for (const wanted of d?.curated?.related ?? []) {
      const other = byName.get(wanted) ?? byName.get(slugify(wanted)) ?? byName.get(phraseKeys(wanted).join(' '));
      if (!other) {
        if (d?.curated) diagnostics.push(diagnostic('topic-related-unknown', d.curated.file, d.curated.lines.related ?? 1, 1, { related: wanted }));
        continue;
      }
      if (seen.has(other.slug)) continue;
      seen.add(other.slug);
      topic.related.push({ slug: other.slug, name: other.name, reason: 'curated' });
    }
    for (const j of cooccurring.get(i) ?? []) {
      const other = kept.get(j);
      if (!other || seen.has(other.slug) || topic.related.length >= 6) continue;
      seen.add(other.slug);
      topic.related.push({ slug: other.slug, name: other.name, reason: 'co-occurrence' });
    }
  }
}

/** Each episode's topics and, per paragraph, the first mention of each topic. */
function episodeViews(episodes: readonly Episode[], kept: ReadonlyMap<number, Topic>, found: readonly Found[][]): Map<string, EpisodeTopics> {
  const views = new Map<string, EpisodeTopics>();
  for (const e of episodes) views.set(e.slug, { episode: e.slug, topics: [], links: {} });
  for (const [i, topic] of kept) {
    for (const te of topic.episodes) views.get(te.slug)?.topics.push({ slug: topic.slug, name: topic.name, mentions: te.mentions });
    const firstIn = new Set<Paragraph>();
    for (const { p, start, end } of found[i] ?? []) {
      if (firstIn.has(p.paragraph)) continue;
      firstIn.add(p.paragraph);
      const view = views.get(episodes[p.episode]?.slug ?? '');
      if (!view) continue;
      const list: ParagraphTopicLink[] = (view.links[p.paragraph.id] ??= []);
      list.push({ topic: topic.slug, start, end });
    }
  }
  for (const view of views.values()) {
    view.topics.sort((a, b) => b.mentions - a.mentions || (a.name < b.name ? -1 : 1));
    for (const list of Object.values(view.links)) list.sort((a, b) => a.start - b.start);
  }
  return views;
}
