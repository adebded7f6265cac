/**
 * How the search index is split. Pagefind holds every indexed word of an
 * index in memory until it writes it (about 650 bytes a word here), and the
 * time to add a record grows with the records already added, so one index
 * for a large archive would need tens of gigabytes. The index is built as
 * shards instead, each in its own process and of bounded size, which the
 * search page merges (Pagefind's `mergeIndex`). An episode's shard follows
 * from a hash of its id, so shards are alike in what they hold (Pagefind
 * scores by term frequencies within each shard) and an edit changes one
 * shard. The first shard is Pagefind's main bundle (`pagefind/`, with the
 * runtime); the others are folders inside it holding only index data.
 */
import type { EpisodeSummary } from '../corpus/summary.ts';

/** Most words of transcript in one shard: bounds each indexing process's memory (about 650 bytes a word). */
export const SHARD_WORDS = 1_500_000;

export interface SearchShard {
  /** 0 for the main bundle. */
  index: number;
  /** The shard's folder, relative to the site root, with a trailing slash: `pagefind/`, `pagefind/s1/`. */
  path: string;
  /** Slugs of the episodes it indexes, in corpus order. */
  slugs: string[];
  /** Words of transcript it holds. */
  words: number;
}

/** Folder of shard `index`, relative to the site root. */
export const shardPath = (index: number): string => (index === 0 ? 'pagefind/' : `pagefind/s${index}/`);

/** How many shards an archive of `words` words of transcript needs. */
export function shardCount(words: number, perShard = SHARD_WORDS): number {
  return Math.max(1, Math.ceil(words / perShard));
}

/** Split the episodes into shards; the same corpus always gives the same shards. */
export function planShards(summaries: readonly Pick<EpisodeSummary, 'id' | 'slug' | 'counts'>[], perShard = SHARD_WORDS): SearchShard[] {
  const total = summaries.reduce((sum, s) => sum + s.counts.words, 0);
  const count = shardCount(total, perShard);
  const shards: SearchShard[] = Array.from({ length: count }, (_, index) => ({ index, path: shardPath(index), slugs: [], words: 0 }));
  for (const s of summaries) {
    const shard = shards[fnv1a(s.id) % count] as SearchShard;
    shard.slugs.push(s.slug);
    shard.words += s.counts.words;
  }
  return shards;
}

/** 32-bit FNV-1a of a string's UTF-16 code units: small, fast and the same everywhere. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
