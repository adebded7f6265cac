/**
 * The corpus, knowledge base and site config for pages. In a build started
 * by `verbatim build`, the corpus is the snapshot the build loaded
 * (VERBATIM_CORPUS, see src/corpus/snapshot.ts) and the config the one it
 * resolved (VERBATIM_CONFIG), so pages, diagnostics and the search index
 * come from one read of the content. Otherwise (`astro dev`, a bare `astro
 * build`) both are loaded here, the corpus through the same digest cache; in
 * dev they are loaded again when a file under the content folders or the
 * config changes (names, sizes and modification times are compared on each
 * request, which costs a few milliseconds), only the changed transcripts
 * are parsed, and problems new since the last load are printed to the
 * terminal as a build prints them (the pages show them too: DevDiagnostics).
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { SiteConfig } from '../config/site-config.ts';
import { assembleKnowledgeBase } from '../knowledge/knowledge-base.ts';
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import { discoverySettings, loadCorpus } from '../corpus/load-corpus.ts';
import type { Corpus } from '../corpus/load-corpus.ts';
import { openSnapshot, waitForCorpus } from '../corpus/snapshot.ts';
import { contentDir, episodesDir, topicsDir } from '../node/content-dirs.ts';
import { currentSiteConfig, loadSiteConfig, SITE_CONFIG_FILE, unknownShows } from '../node/site-config-file.ts';
import { formatDiagnostic } from '../transcript/diagnostics.ts';
import type { Diagnostic } from '../transcript/diagnostics.ts';

interface State {
  key: string;
  corpus: Corpus;
  kb: KnowledgeBase;
  config: SiteConfig;
  /** Every problem of this load: config first, then transcripts, topic files and the topic index. */
  diagnostics: Diagnostic[];
  /** The config file as its diagnostics name it. */
  configFile: string;
}

let current: State | undefined;

/** The corpus this build or dev server renders. */
export function siteCorpus(): Corpus {
  return state().corpus;
}

/** All indexes over all episodes. */
export async function loadKnowledge(): Promise<KnowledgeBase> {
  return state().kb;
}

/** A digest-named file of the episode's parsed form in the corpus cache (it changes when the episode does), if cached. */
export function episodeSource(slug: string): string | undefined {
  return state().corpus.blobs.get(slug);
}

/** The site config this build or dev server renders with (src/config/site-config.ts). */
export function siteConfig(): SiteConfig {
  return state().config;
}

/** The problems of the content as last loaded: shown on pages in dev only (empty in a CLI build, which stops on errors). */
export function contentDiagnostics(): readonly Diagnostic[] {
  return state().diagnostics;
}

/** The site config file as diagnostics name it. */
export function siteConfigFile(): string {
  return state().configFile;
}

function state(): State {
  const snapshot = process.env.VERBATIM_CORPUS;
  if (snapshot) {
    if (!current) {
      // Started before the corpus was ready (src/node/site-build.ts): wait for the build's word.
      const ready = process.env.VERBATIM_CORPUS_READY;
      if (ready) waitForCorpus(ready, Number(process.env.VERBATIM_BUILD_PID));
      const corpus = openSnapshot(snapshot);
      const loaded = currentSiteConfig();
      current = { key: '', corpus, kb: knowledgeOf(corpus), config: loaded.config, diagnostics: [], configFile: loaded.file };
    }
    return current;
  }
  // Outside a CLI build: watch for edits (in dev), else load once.
  const configPath = join(contentDir(), SITE_CONFIG_FILE);
  const key = import.meta.env.DEV ? `${folderKey(episodesDir())}#${folderKey(topicsDir())}#${fileKey(configPath)}` : '';
  if (!current || current.key !== key) {
    const loaded = loadSiteConfig(contentDir());
    const config = loaded.config;
    const corpus = loadCorpus({
      episodes: episodesDir(),
      topics: topicsDir(),
      ...discoverySettings(config.topics),
    });
    const diagnostics = [...loaded.diagnostics, ...unknownShows(loaded, [...new Set(corpus.summaries.map((s) => s.show))]), ...corpus.diagnostics];
    if (import.meta.env.DEV) printNew(diagnostics, current?.diagnostics ?? []);
    current = { key, corpus, kb: knowledgeOf(corpus), config, diagnostics, configFile: loaded.file };
  }
  return current;
}

function knowledgeOf(corpus: Corpus): KnowledgeBase {
  return assembleKnowledgeBase({ summaries: corpus.summaries, topics: corpus.topics, episode: corpus.episode });
}

/** Print the problems not printed at the last load, in the CLI's form, and a count of all. */
function printNew(diagnostics: readonly Diagnostic[], previous: readonly Diagnostic[]): void {
  const before = new Set(previous.map(formatDiagnostic));
  const lines = diagnostics.map(formatDiagnostic);
  const fresh = lines.filter((line) => !before.has(line));
  if (fresh.length === 0 && lines.length === before.size) return;
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const out = [...fresh, `[verbatim] content: ${errors} error(s), ${diagnostics.length - errors} warning(s)${errors > 0 ? '; a build stops until the errors are fixed' : ''}`];
  process.stderr.write(`${out.join('\n')}\n`);
}

/** Size and modification time of one file, or nothing when it is absent. */
function fileKey(path: string): string {
  try {
    const stat = statSync(path);
    return `${stat.size}:${stat.mtimeMs}`;
  } catch {
    return '';
  }
}

/** Names, sizes and modification times of every file under `dir`: changes when any is edited, added or removed. */
function folderKey(dir: string): string {
  const parts: string[] = [];
  const walk = (folder: string) => {
    let names: string[];
    try {
      names = readdirSync(folder).sort();
    } catch {
      return;
    }
    for (const name of names) {
      const path = join(folder, name);
      try {
        const stat = statSync(path);
        if (stat.isDirectory()) walk(path);
        else parts.push(`${path}:${stat.size}:${stat.mtimeMs}`);
      } catch {
        // removed while listed
      }
    }
  };
  walk(dir);
  return parts.join('|');
}
