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
import { siteCorpus } from '../site/knowledge.ts';
import type { DictionaryOptions } from '../search/dictionary.ts';
import { checkRecordUrls, searchRecords, writeSearchIndex } from './search-index.ts';

export interface SearchIntegrationOptions {
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
        // The corpus the pages were built from: same episodes, same slugs, same topic index.
        const corpus = siteCorpus();
        const episodes = corpus.summaries.map((s) => corpus.episode(s.slug));
        const topics = corpus.topics;
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
