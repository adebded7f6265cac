/**
 * The topic index on disk, keyed by what it is built from: the episodes
 * (slug and content digest, which covers transcript and sidecar), the topic
 * files, the options and the code. Discovery is the slow part of a build, so
 * an unchanged corpus reuses the index of the last build.
 *
 * A large archive's index is large (127 MB of JSON at 1,000 episodes), and
 * most of it is read by one page each: a topic's quotes and voices by its
 * topic page, an episode's topic links by its episode page and its search
 * shard. So it is stored in parts: `index.json` with the topics' lists and
 * counts (validated when read), one file per topic for its quotes and
 * voices, and one per episode for its topics and links, read only when a
 * page asks for them and never kept. A folder that is missing or has another
 * key is simply not used.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { TopicIndex, TopicIndexOptions } from '../knowledge/topics/build-topics.ts';
import { CuratedTopic, EpisodeTopics, Topic } from '../knowledge/topics/schema.ts';
import type { QuotedEpisode, SpeakerMentions } from '../knowledge/topics/schema.ts';
import { diagnosticCodes } from '../transcript/diagnostics.ts';
import type { Diagnostic } from '../transcript/diagnostics.ts';
import { writeFileAtomic } from './atomic-write.ts';

const CachedDiagnostic: z.ZodType<Diagnostic> = z.object({
  code: z.enum(diagnosticCodes as [Diagnostic['code'], ...Diagnostic['code'][]]),
  severity: z.enum(['error', 'warning']),
  file: z.string(),
  line: z.number(),
  column: z.number(),
  message: z.string(),
});

/** `index.json`: every topic without its quotes and voices, and which episodes have a file of topics. */
const IndexFile = z.object({
  key: z.string(),
  topics: z.array(Topic.omit({ quoted: true, voices: true })),
  /** Slugs of the episodes with topics, in index order: episode i's file is `episodes/<i>.json`. */
  episodes: z.array(z.string()),
  diagnostics: z.array(CachedDiagnostic),
});

/** What the index is built from, as a digest: episodes in listing order, the topic files, the options. */
export function topicIndexKey(
  episodes: readonly { slug: string; source: { digest: string } }[],
  curated: readonly CuratedTopic[],
  options: TopicIndexOptions,
): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(options));
  for (const e of episodes) hash.update(`\u0000${e.slug}\u0000${e.source.digest}`);
  hash.update(JSON.stringify(curated));
  return hash.digest('hex');
}

/** The index stored in folder `dir` under `key`, or undefined; topics' quotes and voices and episodes' topics are read when asked for. */
export function readTopicIndex(dir: string, key: string): TopicIndex | undefined {
  let data: z.infer<typeof IndexFile>;
  try {
    const parsed = IndexFile.safeParse(JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')));
    if (!parsed.success || parsed.data.key !== key) return undefined;
    data = parsed.data;
  } catch {
    return undefined;
  }
  // The last part read: a topic page asks for a topic's quotes and then its voices, which share one file.
  let last: { file: string; value: unknown } | undefined;
  const part = <T>(file: string): T => {
    if (last?.file === file) return last.value as T;
    try {
      const value = JSON.parse(readFileSync(join(dir, file), 'utf8')) as T;
      last = { file, value };
      return value;
    } catch (error) {
      throw new Error(`the topic index in ${dir} lost a part (${file}); delete the folder to rebuild it (${error instanceof Error ? error.message : String(error)})`);
    }
  };
  const topics = data.topics.map((light, i) => {
    const topic = { ...light } as Topic;
    // Read for the page that shows them, and not kept: a large archive has thousands of topics.
    Object.defineProperty(topic, 'quoted', { enumerable: true, get: () => part<{ quoted: QuotedEpisode[] }>(`topics/${i}.json`).quoted });
    Object.defineProperty(topic, 'voices', { enumerable: true, get: () => part<{ voices: SpeakerMentions[] }>(`topics/${i}.json`).voices });
    return topic;
  });
  const episodeFile = new Map(data.episodes.map((slug, i) => [slug, `episodes/${i}.json`]));
  return {
    topics,
    bySlug: new Map(topics.map((t) => [t.slug, t])),
    byEpisode: new LazyMap(episodeFile, (file) => part<EpisodeTopics>(file)),
    diagnostics: data.diagnostics,
  };
}

/** Store `index` in folder `dir` under `key` (replacing what was there), the parts first and `index.json` last. */
export function writeTopicIndex(dir: string, key: string, index: TopicIndex): void {
  const building = `${dir}.${process.pid}.tmp`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(join(building, 'topics'), { recursive: true });
  mkdirSync(join(building, 'episodes'), { recursive: true });
  index.topics.forEach((t, i) => writeFileSync(join(building, 'topics', `${i}.json`), JSON.stringify({ quoted: t.quoted, voices: t.voices })));
  const episodes = [...index.byEpisode.keys()];
  episodes.forEach((slug, i) => writeFileSync(join(building, 'episodes', `${i}.json`), JSON.stringify(index.byEpisode.get(slug))));
  const light = index.topics.map(({ quoted: _q, voices: _v, ...rest }) => rest);
  writeFileAtomic(join(building, 'index.json'), JSON.stringify({ key, topics: light, episodes, diagnostics: index.diagnostics } satisfies z.infer<typeof IndexFile>));
  rmSync(dir, { recursive: true, force: true });
  renameSync(building, dir);
}

/** A read-only map whose values are read from files when asked for, and not kept. */
class LazyMap<V> implements ReadonlyMap<string, V> {
  readonly #files: ReadonlyMap<string, string>;
  readonly #read: (file: string) => V;

  constructor(files: ReadonlyMap<string, string>, read: (file: string) => V) {
    this.#files = files;
    this.#read = read;
  }

  get size(): number {
    return this.#files.size;
  }

  get(key: string): V | undefined {
    const file = this.#files.get(key);
    return file === undefined ? undefined : this.#read(file);
  }

  has(key: string): boolean {
    return this.#files.has(key);
  }

  keys(): MapIterator<string> {
    return this.#files.keys();
  }

  *values(): MapIterator<V> {
    for (const file of this.#files.values()) yield this.#read(file);
  }

  *entries(): MapIterator<[string, V]> {
    for (const [key, file] of this.#files) yield [key, this.#read(file)];
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }

  forEach(callback: (value: V, key: string, map: ReadonlyMap<string, V>) => void): void {
    for (const [key, value] of this.entries()) callback(value, key, this);
  }
}
