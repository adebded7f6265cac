/**
 * The site's search files for episodes held in memory, without pages: for
 * tests, the fuzzer and the search quality script, which need the index a
 * build would write (same records, shards and dictionary) but no site.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpusFromEpisodes } from '../corpus/episodes-corpus.ts';
import type { TopicIndex } from '../knowledge/topics/build-topics.ts';
import type { CuratedTopic } from '../knowledge/topics/schema.ts';
import type { DictionaryOptions } from '../search/dictionary.ts';
import type { Episode } from '../transcript/schema.ts';
import { buildSearchIndex } from './build-search-index.ts';
import type { SearchIndexReport } from './build-search-index.ts';

export interface WriteSearchIndexOptions {
  /** Where `pagefind/` and `search/dictionary.json` are written. */
  outDir: string;
  /** Base path of record URLs. */
  base: string;
  curatedTopics?: readonly CuratedTopic[];
  /** A topic index to use instead of building one (it must be over these episodes). */
  topics?: TopicIndex;
  dictionary?: DictionaryOptions;
}

export async function writeSearchIndex(episodes: readonly Episode[], options: WriteSearchIndexOptions): Promise<SearchIndexReport> {
  const corpus = corpusFromEpisodes(episodes, options.curatedTopics ? { curatedTopics: options.curatedTopics } : {});
  if (options.topics) corpus.topics = options.topics;
  const cacheDir = mkdtempSync(join(tmpdir(), 'verbatim-search-cache-'));
  try {
    return await buildSearchIndex({
      corpus,
      outDir: options.outDir,
      base: options.base,
      cacheDir,
      ...(options.dictionary ? { dictionary: options.dictionary } : {}),
    });
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}
