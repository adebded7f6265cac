/**
 * The Astro integration for search: after `astro build` has written the
 * pages, re-read the episodes (the same files, the same slugs as the content
 * loader), check that every passage's deep link lands on a built paragraph,
 * and write the Pagefind index and the spelling dictionary into the output
 * folder. A mismatch fails the build: a search that links nowhere is worse
 * than no search. In `astro dev` nothing is indexed (the search page says so).
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildSiteTopics } from '../knowledge/knowledge-base.ts';
import { episodesDir, topicsDir } from '../node/content-dirs.ts';
import { cachedTopicIndex } from '../node/topic-cache.ts';
import { readTopicFolder } from '../node/topic-folder.ts';
import type { DictionaryOptions } from '../search/dictionary.ts';
import { checkRecordUrls, readEpisodesLikeTheSite, searchRecords, writeSearchIndex } from './search-index.ts';

export interface SearchIntegrationOptions {
  /**
   * Episodes folder; defaults to the one src/content.config.ts reads
   * (VERBATIM_EPISODES, else `<VERBATIM_CONTENT or content>/episodes`).
   */
  episodesDir?: string;
  /** Curated topics folder; defaults to `<VERBATIM_CONTENT or content>/topics`. */
  topicsDir?: string;
  dictionary?: DictionaryOptions;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Build the search index after the site is built. */
export default function searchIntegration(options: SearchIntegrationOptions = {}): AstroIntegration {
  let base = '/';
  return {
    name: 'verbatim-search',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const outDir = fileURLToPath(dir);
        const episodes = readEpisodesLikeTheSite(options.episodesDir ?? episodesDir());
        // The same topic index the pages were built with: same episodes, same topic files, same order.
        const topics = buildSiteTopics(episodes, {
          curatedTopics: readTopicFolder(options.topicsDir ?? topicsDir()).topics,
          topicIndex: cachedTopicIndex(process.env.VERBATIM_TOPIC_CACHE),
        });
        const records = searchRecords(episodes, base, topics);
        const problems = checkRecordUrls(records.passages, outDir, base);
        if (problems.length > 0) {
          for (const p of problems.slice(0, 20)) logger.error(p);
          throw new Error(`search index: ${problems.length} link(s) would not land on a built paragraph (see above)`);
        }
        const report = await writeSearchIndex(episodes, { outDir, base, topics, records, ...(options.dictionary ? { dictionary: options.dictionary } : {}) });
        logger.info(
          `${report.passages} passages, ${report.episodes} episodes and ${report.topics} topics indexed in ${Math.round(performance.now() - started)} ms; ` +
            `index ${kb(report.indexDataBytes)} data + ${kb(report.indexBytes - report.indexDataBytes)} runtime in ${report.files} files, ` +
            `dictionary ${kb(report.dictionaryBytes)}`,
        );
      },
    },
  };
}
