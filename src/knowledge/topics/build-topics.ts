/**
 * The topic index: curated topics from topic files plus topics discovered
 * in the transcripts, every mention found by one alias matcher, and the
 * views pages need (topic pages, the topics of each episode, the first
 * mention of each topic in each paragraph). Episodes are read one at a
 * time, in at most three passes over the same episodes in the same order:
 * two for discovery (discover/discover.ts) and one to find every mention;
 * between episodes only counts, candidates and per-episode link data are
 * kept, never text. Pure: runs the same in tests, the CLI and the site.
 */
import { diagnostic } from '../../transcript/diagnostics.ts';
import type { Diagnostic } from '../../transcript/diagnostics.ts';
import type { Episode } from '../../transcript/schema.ts';
import { slugify } from '../../transcript/slug.ts';
import type { Paragraph } from '../../transcript/schema.ts';
import type { AliasCase, AliasEntry } from './alias-matcher.ts';
import { speechText } from './corpus.ts';
import { Discovery, SnapshotMismatch } from './discover/discover.ts';
import { QUOTED_EPISODES } from './page-caps.ts';
import { isMentionsPart } from './mentions.ts';
import type { MentionsPart } from './mentions.ts';
import { canonicalOrder, contentDigest, decodePart, encodePart, matcherDigest, partKey } from './parts.ts';
import type { TopicPartCache } from './parts.ts';
import { EpisodePlaces, quotedEpisode } from './quoted-episode.ts';
import type { Hit } from './quoted-episode.ts';
import { Cooccurrence } from './related.ts';
import { SecondThread } from './second-thread.ts';
import type { CuratedTopic, EpisodeTopics, ParagraphTopicLink, QuotedEpisode, SpeakerMentions, Topic, TopicEpisode, TopicSource, TopicSpeaker } from './schema.ts';
import { isCaps, phraseKeys } from './words.ts';

export interface TopicIndexOptions {
  /** Discover topics beyond the curated ones (default true). */
  discover?: boolean;
  /** Most discovered topics kept (default: see `discoveryRules`). */
  maxDiscovered?: number;
  /** Words and phrases no topic is discovered for (the site config's `topics.exclude`): their words count for no discovered topic. */
  exclude?: readonly string[];
  /** Share each pass's work on each episode with a worker thread once the corpus is large (default true; the index is the same either way). */
  worker?: boolean;
  /** Characters of speech worked in this thread before the worker starts (default WORKER_AFTER_CHARS; tests start it early). */
  workerAfterChars?: number;
  /**
   * Where what each episode contributes to each pass is kept between builds
   * (parts.ts), so that only episodes that changed are read again, and the
   * other passes too only when the topics they match changed. The index is
   * the same with or without it.
   */
  cache?: TopicPartCache;
  /**
   * A digest of everything an episode is made from (a caller that caches
   * parsed episodes has one), used in the cache's keys instead of hashing
   * the episode's speech (parts.ts `contentDigest`); `position` is the
   * episode's place in `episodes`.
   */
  contentKey?: (episode: Episode, position: number) => string;
}

export interface TopicIndex {
  /** All topics, most important first (see `Topic.score`). */
  topics: Topic[];
  bySlug: Map<string, Topic>;
  /** The topics of each episode, by episode slug (read from disk when asked, for an index the corpus cached). */
  byEpisode: ReadonlyMap<string, EpisodeTopics>;
  /** Problems with the topic files (conflicting aliases, unknown related topics, unmentioned topics). */
  diagnostics: Diagnostic[];
  /** Episodes whose parts came from the cache, by pass (absent without a cache). */
  reused?: { read: number; count: number; mentions: number };
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

/** What is kept of a topic between episodes while mentions are found. */
interface Tally {
  episodes: TopicEpisode[];
  mentions: number;
  /** Running sum of log2(1 + mentions) over episodes, in episode order (the score before its weight). */
  depth: number;
  /** The episodes that mention it most so far, best first, with their quotes. */
  quoted: Array<{ mentions: number; slug: string; data: QuotedEpisode }>;
  speakers: Map<string, TopicSpeaker>;
  voices: SpeakerMentions[];
}

/**
 * Build the topic index from the episodes and the curated topic files.
 * `episodes` may be any iterable that yields the same episodes in the same
 * order each time it is iterated (a lazy one that loads each episode from
 * disk and lets it go is fine): it is iterated three times with discovery,
 * once without, and only one episode is held at a time.
 */
export function buildTopicIndex(episodes: Iterable<Episode>, curated: readonly CuratedTopic[], options: TopicIndexOptions = {}): TopicIndex {
  // Each pass's work on each episode is shared with a worker thread once the corpus is large (second-thread.ts).
  const build = (snapshot: boolean) => {
    const thread = new SecondThread(options.worker !== false, options.workerAfterChars);
    try {
      return indexWith(thread, episodes, curated, options, snapshot);
    } finally {
      thread.close();
    }
  };
  try {
    return build(true);
  } catch (error) {
    // The last build's first-pass counts did not fit the parts cached beside them (one lost or damaged): counted from the parts.
    if (error instanceof SnapshotMismatch) return build(false);
    throw error;
  }
}

/** `buildTopicIndex` with the second thread its passes share their work with (`snapshot`: see `DiscoveryOptions`). */
function indexWith(thread: SecondThread, episodes: Iterable<Episode>, curated: readonly CuratedTopic[], options: TopicIndexOptions, snapshot: boolean): TopicIndex {
  const diagnostics: Diagnostic[] = [];
  const drafts = curatedDrafts(curated, diagnostics);
  // The site's excluded phrases claim their words like a topic file's exclude phrases, for no topic.
  const excluded: AliasEntry[] = (options.exclude ?? []).flatMap((phrase) => {
    const keys = phraseKeys(phrase);
    return keys.length === 0 ? [] : [{ keys, case: aliasCase(phrase), topic: -1, exclude: true, priority: 2 }];
  });
  const cache = options.cache;
  const reused = { read: 0, count: 0, mentions: 0 };
  // Each episode's content digest (parts.ts), worked out in the first pass and checked against its source digest after.
  const contents: Array<{ source: string; content: string }> = [];
  const contentOf = (e: Episode, i: number): string | undefined => {
    if (!cache) return undefined;
    if (options.contentKey) return options.contentKey(e, i);
    const known = contents[i];
    if (known && known.source === e.source.digest) return known.content;
    const content = contentDigest(e);
    contents[i] = { source: e.source.digest, content };
    return content;
  };

  if (options.discover !== false) {
    const discovery = new Discovery({
      reserved: [...matcherEntries(drafts, 2), ...excluded],
      ...(options.maxDiscovered === undefined ? {} : { maxTopics: options.maxDiscovered }),
      ...(cache ? { cache } : {}),
      snapshot,
      thread,
    });
    let i = 0;
    for (const e of episodes) discovery.read(e, contentOf(e, i++));
    i = 0;
    if (discovery.needsCounting) for (const e of episodes) discovery.count(e, contentOf(e, i++));
    reused.read = discovery.reused.read;
    reused.count = discovery.reused.count;
    const taken = new Set(drafts.map((d) => d.slug));
    for (const t of discovery.topics()) {
      const slug = uniqueSlug(slugify(t.name) || 'topic', taken);
      drafts.push({ slug, name: t.name, aliases: t.aliases, source: 'discovered', forms: t.forms, exclude: [], weight: t.weight });
    }
  }

  // One matcher, one pass over every paragraph of every episode. Its topics are numbered canonically (by what
  // it matches of each), so that its digest, and the cached parts of this pass, survive a reordering of the topics.
  const rank = canonicalOrder(drafts.map((d) => JSON.stringify([d.source === 'curated' ? 2 : 1, d.forms.map((f) => [f.keys, f.case]), d.exclude])));
  const draftOf = new Int32Array(drafts.length);
  rank.forEach((r, i) => {
    draftOf[r] = i;
  });
  const entries: AliasEntry[] = [];
  drafts.forEach((d, i) => {
    const topic = rank[i] as number;
    const priority = d.source === 'curated' ? 2 : 1;
    for (const form of d.forms) entries.push({ keys: form.keys, case: form.case, topic, exclude: false, priority });
    for (const keys of d.exclude) entries.push({ keys, case: 'any', topic, exclude: true, priority });
  });
  entries.push(...excluded);
  const digest = cache ? matcherDigest(entries) : '';
  const tagNames = tagLookup(drafts);
  const tallies: Tally[] = drafts.map(() => ({ episodes: [], mentions: 0, depth: 0, quoted: [], speakers: new Map(), voices: [] }));
  const byEpisode = new Map<string, EpisodeTopics>();
  const cooccurrence = new Cooccurrence();
  let count = 0;
  // Episodes waiting for their part (made here or in the worker, handed on in order), with the part's cache key when it is made.
  const waiting = new Map<number, { episode: Episode; speech: Paragraph[]; key: string | undefined }>();
  thread.begin('mentions', (index, part) => {
    const { episode, speech, key } = waiting.get(index) as { episode: Episode; speech: Paragraph[]; key: string | undefined };
    waiting.delete(index);
    if (key !== undefined) cache?.set(key, encodePart(part));
    addEpisode(episode, speech, part);
  }, { entries });
  for (const episode of episodes) {
    const content = contentOf(episode, count);
    const index = count++;
    const speech = episode.paragraphs.filter((p) => p.kind === 'speech');
    const key = content === undefined ? undefined : partKey('mentions', content, digest);
    const part = key === undefined ? undefined : decodePart(cache?.get(key), isMentionsPart);
    if (part && part.paragraphs === speech.length) {
      reused.mentions++;
      waiting.set(index, { episode, speech, key: undefined });
      thread.put(index, part);
    } else {
      waiting.set(index, { episode, speech, key });
      thread.work(index, speechText(episode));
    }
  }
  thread.drain();

  /** The third pass's part of one episode, in episode order: its topics, links, quotes and speakers. */
  function addEpisode(episode: Episode, speech: readonly Paragraph[], part: MentionsPart): void {
    const view: EpisodeTopics = { episode: episode.slug, topics: [], links: {} };
    byEpisode.set(episode.slug, view);
    const hits = new Map<number, Hit[]>();
    const voices = new Map<number, Map<string, number>>();
    const sets: Array<Set<number> | undefined> = new Array(speech.length).fill(undefined);
    for (let k = 0; k < part.at.length; k++) {
      const paragraph = speech[part.at[k] as number] as Paragraph;
      const topic = draftOf[part.topic[k] as number] as number;
      const start = part.start[k] as number;
      const end = part.end[k] as number;
      let list = hits.get(topic);
      if (!list) hits.set(topic, (list = []));
      list.push({ paragraph, start, end });
      if (paragraph.speaker) {
        let bySpeaker = voices.get(topic);
        if (!bySpeaker) voices.set(topic, (bySpeaker = new Map()));
        bySpeaker.set(paragraph.speaker, (bySpeaker.get(paragraph.speaker) ?? 0) + 1);
      }
      const set = (sets[part.at[k] as number] ??= new Set());
      if (!set.has(topic)) {
        set.add(topic);
        // The first mention of each topic in the paragraph links to the topic's page.
        (view.links[paragraph.id] ??= []).push({ topic: drafts[topic]?.slug ?? '', start, end } satisfies ParagraphTopicLink);
      }
    }
    cooccurrence.addEpisode(sets);

    const tagged = taggedDrafts(episode, tagNames);
    const places = new EpisodePlaces(episode);
    // The topics it mentions or is tagged with, in the order of the list of topics.
    const present = [...new Set([...hits.keys(), ...tagged])].sort((a, b) => a - b);
    for (const i of present) {
      const d = drafts[i] as Draft;
      const list = hits.get(i);
      const isTagged = tagged.has(i);
      const n = list?.length ?? 0;
      const tally = tallies[i] as Tally;
      tally.episodes.push({ slug: episode.slug, mentions: n, tagged: isTagged });
      view.topics.push({ slug: d.slug, name: d.name, mentions: n });
      if (!list) continue;
      tally.mentions += n;
      tally.depth += Math.log2(1 + n);
      keepQuoted(tally, n, episode, () => quotedEpisode(episode, list, places));
      for (const [id, k] of voices.get(i) ?? []) {
        tally.voices.push({ episode: episode.slug, speaker: id, mentions: k });
        const person = tally.speakers.get(id);
        if (person) person.mentions += k;
        else tally.speakers.set(id, { id, name: episode.speakers.find((s) => s.id === id)?.name ?? id, mentions: k });
      }
    }
    view.topics.sort((a, b) => b.mentions - a.mentions || (a.name < b.name ? -1 : 1));
    for (const list of Object.values(view.links)) list.sort((a, b) => a.start - b.start);
  }

  const topics: Topic[] = [];
  const kept = new Map<number, Topic>();
  drafts.forEach((d, i) => {
    const tally = tallies[i] as Tally;
    if (d.source === 'discovered' && tally.mentions === 0) return; // a curated topic took every mention
    const topic: Topic = {
      slug: d.slug,
      name: d.name,
      aliases: d.aliases,
      source: d.source,
      html: d.curated?.html ?? '',
      episodes: tally.episodes.sort((a, b) => b.mentions - a.mentions || (a.slug < b.slug ? -1 : 1)),
      mentions: tally.mentions,
      quoted: tally.quoted.map((q) => q.data),
      related: [],
      speakers: [...tally.speakers.values()].sort((a, b) => b.mentions - a.mentions || (a.name < b.name ? -1 : 1)),
      voices: tally.voices,
      score: round(tally.depth * d.weight),
    };
    if (d.curated?.description !== undefined) topic.description = d.curated.description;
    if (d.curated) topic.file = d.curated.file;
    if (d.curated && tally.mentions === 0) {
      diagnostics.push(diagnostic('topic-unmentioned', d.curated.file, d.curated.lines.title ?? 1, 1, { name: d.name, episodes: count }));
    }
    topics.push(topic);
    kept.set(i, topic);
  });

  if (kept.size < drafts.length) {
    // A discovered topic that a curated one took every mention from is gone: so are the episodes' mentions of it (tags only).
    const gone = new Set(drafts.filter((_, i) => !kept.has(i)).map((d) => d.slug));
    for (const view of byEpisode.values()) view.topics = view.topics.filter((t) => !gone.has(t.slug));
  }
  relatedTopics(drafts, kept, cooccurrence, diagnostics);
  topics.sort((a, b) => b.score - a.score || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const index: TopicIndex = { topics, bySlug: new Map(topics.map((t) => [t.slug, t])), byEpisode, diagnostics };
  if (cache) index.reused = reused;
  return index;
}

/**
 * Keep the episode's quotes when it is among the QUOTED_EPISODES that
 * mention the topic most so far (most mentions first, then by slug, as
 * `Topic.episodes` is sorted); `make` runs only then.
 */
function keepQuoted(tally: Tally, mentions: number, episode: Episode, make: () => QuotedEpisode): void {
  const list = tally.quoted;
  const before = (a: { mentions: number; slug: string }, b: { mentions: number; slug: string }) => a.mentions > b.mentions || (a.mentions === b.mentions && a.slug < b.slug);
  const entry = { mentions, slug: episode.slug };
  const worst = list.at(-1);
  if (list.length >= QUOTED_EPISODES && worst && !before(entry, worst)) return;
  let at = list.length;
  while (at > 0 && before(entry, list[at - 1] as { mentions: number; slug: string })) at--;
  list.splice(at, 0, { ...entry, data: make() });
  if (list.length > QUOTED_EPISODES) list.pop();
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
      if (keys.length > 0) forms.push({ keys, case: aliasCase(alias) });
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

/** How a written alias matches: in capitals only when written in capitals ("COP" is not "cop"), else in any case. */
function aliasCase(alias: string): AliasCase {
  return isCaps(alias.replace(/[^\p{L}]/gu, '')) ? 'caps' : 'any';
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

/** Each draft's names (title, aliases, slug), folded as keys, for matching episodes' `topics:`. */
function tagLookup(drafts: readonly Draft[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  drafts.forEach((d, i) => {
    for (const name of new Set([d.slug.replace(/-/g, ' '), ...d.aliases].map((a) => phraseKeys(a).join(' ')))) {
      const list = out.get(name);
      if (list) list.push(i);
      else out.set(name, [i]);
    }
  });
  return out;
}

/** Drafts whose name, alias or slug the episode's metadata `topics:` names (ignoring case and plurals; "the grid" names "grid"). */
function taggedDrafts(episode: Episode, lookup: ReadonlyMap<string, number[]>): Set<number> {
  const out = new Set<number>();
  for (const t of episode.topics) {
    const keys = phraseKeys(t);
    for (const i of lookup.get(keys.join(' ')) ?? []) out.add(i);
    if (keys[0] === 'the') for (const i of lookup.get(keys.slice(1).join(' ')) ?? []) out.add(i);
  }
  return out;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** Curated `related` entries first (resolved by slug or name), then topics that co-occur. */
function relatedTopics(drafts: readonly Draft[], kept: ReadonlyMap<number, Topic>, cooccurrence: Cooccurrence, diagnostics: Diagnostic[]): void {
  const byName = new Map<string, Topic>();
  for (const t of kept.values()) {
    byName.set(t.slug, t);
    byName.set(phraseKeys(t.name).join(' '), t);
  }
  const cooccurring = cooccurrence.related();
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
