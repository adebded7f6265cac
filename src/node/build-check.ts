/**
 * The first phase of a site build: load the corpus (transcripts, topic
 * files, topic index; unchanged files come from the cache), write its
 * snapshot for the rest of the build, plan the search shards and downloads,
 * and collect every diagnostic.
 * site-build.ts runs it in a child process (build-check-process.ts): the
 * episodes and the topic index can take gigabytes for a large archive, and a
 * process's memory is all returned when it ends. Only counts, timings,
 * diagnostics and the search plan come back.
 */
import { loadCorpus } from '../corpus/load-corpus.ts';
import type { CorpusTimings, DiscoverySettings } from '../corpus/load-corpus.ts';
import { writeSnapshot } from '../corpus/snapshot.ts';
import { planSearch } from '../search-index/build-search-index.ts';
import type { ShardPlan } from '../search-index/build-search-index.ts';
import type { ExportId } from '../exports/formats.ts';
import type { DictionaryOptions } from '../search/dictionary.ts';
import type { Diagnostic } from '../transcript/diagnostics.ts';

export interface BuildCheckInput {
  episodes: string;
  /** Curated topics folder, or null for none. */
  topics: string | null;
  cacheDir: string;
  /** Where to write the corpus snapshot for the rest of the build. */
  snapshot: string;
  /** Base path of the site: search records link under it. */
  base: string;
  /** Topic discovery, from the site config. */
  discovery?: DiscoverySettings;
  /** The dictionary's size and suggestions (the site config's `search`). */
  dictionary?: DictionaryOptions;
  /** Transcript downloads to publish (the site config's `exports`). */
  exports?: ExportId[];
}

export interface BuildCheck {
  files: number;
  episodes: number;
  topics: number;
  parsed: number;
  reused: number;
  timings: CorpusTimings;
  /** Transcripts', topic files' and the whole index's problems, in that order. */
  diagnostics: Diagnostic[];
  /** The search shards and downloads to make and publish (null when there are errors: nothing is built). */
  search: ShardPlan | null;
  /** The episodes' show names, for the site config's show settings. */
  shows: string[];
}

/** The build's first phase; `later` gets work that can wait until its result is handed on (see `CorpusOptions.later`). */
export function checkForBuild(input: BuildCheckInput, log: (line: string) => void = () => {}, later?: (task: () => void) => void): BuildCheck {
  const corpus = loadCorpus({
    episodes: input.episodes,
    topics: input.topics,
    cacheDir: input.cacheDir,
    log,
    ...input.discovery,
    ...(later ? { later } : {}),
  });
  writeSnapshot(corpus, input.snapshot);
  const errors = corpus.diagnostics.some((d) => d.severity === 'error');
  return {
    search: errors
      ? null
      : planSearch({
          corpus,
          base: input.base,
          cacheDir: input.cacheDir,
          ...(input.dictionary ? { dictionary: input.dictionary } : {}),
          ...(input.exports ? { exports: input.exports } : {}),
        }),
    files: corpus.files,
    episodes: corpus.summaries.length,
    topics: corpus.topics.topics.length,
    parsed: corpus.parsed,
    reused: corpus.reused,
    timings: corpus.timings,
    diagnostics: corpus.diagnostics,
    shows: [...new Set(corpus.summaries.map((s) => s.show))],
  };
}
