/**
 * Writes the site's search files for a set of episodes: the Pagefind index
 * (`<out>/pagefind/`, one record per passage, per episode and per topic page, through
 * Pagefind's Node API) and the spelling dictionary (`<out>/search/dictionary.json`).
 * Also reads episodes the way the content loader does and checks every
 * record's URL against the built pages, so a search hit can never point at a
 * page or paragraph that does not exist.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as pagefind from 'pagefind';
import { assignUniqueSlugs } from '../knowledge/slugs.ts';
import { ingestFile, listTranscripts } from '../node/episode-folder.ts';
import { buildDictionary } from '../search/dictionary.ts';
import type { DictionaryOptions } from '../search/dictionary.ts';
import type { TopicIndex } from '../knowledge/topics/build-topics.ts';
import { episodePassages, searchEpisode, withTopics } from '../search/passages.ts';
import type { SearchEpisode, SearchPassage, SearchTopic } from '../search/passages.ts';
import { SEARCH_FILES } from '../search/record-fields.ts';
import { episodeDocument, passageRecord, topicDocument } from '../search/records.ts';
import { makeRoutes } from '../site/routes.ts';
import type { Episode } from '../transcript/schema.ts';


/** Pagefind's prebuilt UIs: the search page has its own, so these are not published. */
const unusedBundle = /^pagefind-(?:ui|modular-ui|component-ui|highlight)\./;

export interface SearchIndexOptions {
  /** Output folder of the site build. */
  outDir: string;
  /** Base path the site is served under (`/`, `/kb/`): record URLs include it. */
  base: string;
  dictionary?: DictionaryOptions;
  /** The site's topic index: topic pages get records, passages a topic filter. */
  topics?: TopicIndex;
  /** The records, when the caller has already made them with `searchRecords(episodes, base, topics)`. */
  records?: SearchRecords;
}

export interface SearchIndexReport {
  passages: number;
  episodes: number;
  topics: number;
  /** Bytes of the published Pagefind files (index, fragments, filters, wasm, JS). */
  indexBytes: number;
  /** Bytes of the index data alone (no wasm or JS): what grows with the corpus. */
  indexDataBytes: number;
  dictionaryBytes: number;
  files: number;
}

/** The records of every episode (passages and episode entries) and of every topic page, with URLs under `base`. */
export interface SearchRecords {
  passages: SearchPassage[];
  episodes: SearchEpisode[];
  topics: SearchTopic[];
}

export function searchRecords(episodes: readonly Episode[], base: string, topics?: TopicIndex): SearchRecords {
  const routes = makeRoutes(base);
  const passages = episodes.flatMap((e) => episodePassages(e, routes));
  return {
    passages,
    episodes: episodes.map((e) => searchEpisode(e, routes)),
    topics: topics ? withTopics(passages, topics, routes) : [],
  };
}

/** Requests sent to Pagefind before waiting for their answers. */
const PIPELINE_WINDOW = 128;

/**
 * Send one Pagefind request per item, `PIPELINE_WINDOW` at a time, and
 * collect the errors in item order. Pagefind's service answers its requests
 * one by one, in the order they were sent, so the index is the same as with
 * one request at a time; awaiting each answer before the next request left
 * both processes idle for most of a round trip per record, about 1 ms here,
 * which made the search index most of a large build.
 */
async function pipelined<T>(items: readonly T[], send: (item: T) => Promise<{ errors: string[] }>): Promise<string[]> {
  const errors: string[] = [];
  for (let i = 0; i < items.length; i += PIPELINE_WINDOW) {
    const answers = await Promise.all(items.slice(i, i + PIPELINE_WINDOW).map(send));
    for (const answer of answers) errors.push(...answer.errors);
  }
  return errors;
}

/** Build the Pagefind index and the dictionary and write them under `outDir`. */
export async function writeSearchIndex(episodes: readonly Episode[], options: SearchIndexOptions): Promise<SearchIndexReport> {
  const records = options.records ?? searchRecords(episodes, options.base, options.topics);
  const report: SearchIndexReport = {
    passages: records.passages.length,
    episodes: records.episodes.length,
    topics: records.topics.length,
    indexBytes: 0,
    indexDataBytes: 0,
    dictionaryBytes: 0,
    files: 0,
  };
  try {
    const created = await pagefind.createIndex({ forceLanguage: 'en' });
    const index = created.index;
    if (!index) throw new Error(`Pagefind could not start: ${created.errors.join('; ')}`);
    const errors: string[] = [];
    errors.push(...(await pipelined(records.passages, (passage) => index.addCustomRecord(passageRecord(passage)))));
    errors.push(...(await pipelined(records.episodes, (episode) => index.addHTMLFile({ url: episode.url, content: episodeDocument(episode) }))));
    errors.push(...(await pipelined(records.topics, (topic) => index.addHTMLFile({ url: topic.url, content: topicDocument(topic) }))));
    const { files, errors: fileErrors } = await index.getFiles();
    errors.push(...fileErrors);
    if (errors.length > 0) throw new Error(`Pagefind reported: ${errors.join('; ')}`);

    const target = join(options.outDir, SEARCH_FILES.pagefindDir);
    rmSync(target, { recursive: true, force: true });
    for (const file of files) {
      if (unusedBundle.test(file.path)) continue;
      const path = join(target, file.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.content);
      report.files++;
      report.indexBytes += file.content.byteLength;
      if (/\.pf_(?:meta|index|fragment|filter)$/.test(file.path)) report.indexDataBytes += file.content.byteLength;
    }
  } finally {
    await pagefind.close();
  }

  const dictionary = JSON.stringify(buildDictionary(episodes, options.dictionary));
  const dictionaryPath = join(options.outDir, SEARCH_FILES.dictionary);
  mkdirSync(dirname(dictionaryPath), { recursive: true });
  writeFileSync(dictionaryPath, dictionary);
  report.dictionaryBytes = Buffer.byteLength(dictionary);
  return report;
}

/**
 * Episodes exactly as the content loader makes them (src/loaders/transcripts.ts):
 * every transcript in path order, the first of two files with one id kept,
 * then slugs made unique. Diagnostics are the loader's to report.
 */
export function readEpisodesLikeTheSite(dir: string): Episode[] {
  const episodes: Episode[] = [];
  const ids = new Set<string>();
  for (const file of listTranscripts(dir)) {
    const { episode } = ingestFile(file);
    if (!episode || ids.has(episode.id)) continue;
    ids.add(episode.id);
    episodes.push(episode);
  }
  assignUniqueSlugs(episodes);
  return episodes;
}

/**
 * Problems with record URLs against the built site: a missing episode page,
 * or a paragraph id the page does not have. Empty when every link lands.
 */
export function checkRecordUrls(passages: readonly SearchPassage[], outDir: string, base: string): string[] {
  const problems: string[] = [];
  const idsBySlug = new Map<string, Set<string> | null>();
  const pageIds = (slug: string): Set<string> | null => {
    if (idsBySlug.has(slug)) return idsBySlug.get(slug) ?? null;
    const file = join(outDir, 'episodes', slug, 'index.html');
    let ids: Set<string> | null = null;
    if (existsSync(file)) ids = new Set([...readFileSync(file, 'utf8').matchAll(/\sid="([^"]+)"/g)].map((m) => m[1] ?? ''));
    idsBySlug.set(slug, ids);
    return ids;
  };
  const routes = makeRoutes(base);
  for (const p of passages) {
    const ids = pageIds(p.slug);
    if (!ids) {
      if (!problems.some((x) => x.startsWith(`no page for episode "${p.slug}"`))) {
        problems.push(`no page for episode "${p.slug}" at ${routes.episode(p.slug)}; the search index and the pages disagree on slugs`);
      }
      continue;
    }
    for (const { id } of p.anchors) if (!ids.has(id)) problems.push(`${p.url.split('#')[0]} has no element with id "${id}"`);
  }
  return problems;
}
