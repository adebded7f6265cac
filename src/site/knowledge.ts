/**
 * The corpus and knowledge base for pages. In a build started by `verbatim
 * build`, the corpus is the snapshot the build loaded (VERBATIM_CORPUS, see
 * src/corpus/snapshot.ts), so pages, diagnostics and the search index come
 * from one read of the content. Otherwise (`astro dev`, a bare `astro
 * build`) the corpus is loaded here, through the same digest cache; in dev
 * it is loaded again when a file under the content folders changes (names,
 * sizes and modification times are compared on each request, which costs
 * a few milliseconds), and only the changed transcripts are parsed.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { assembleKnowledgeBase } from '../knowledge/knowledge-base.ts';
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import { loadCorpus } from '../corpus/load-corpus.ts';
import type { Corpus } from '../corpus/load-corpus.ts';
import { openSnapshot } from '../corpus/snapshot.ts';
import { episodesDir, topicsDir } from '../node/content-dirs.ts';

let current: { key: string; corpus: Corpus; kb: KnowledgeBase } | undefined;

/** The corpus this build or dev server renders. */
export function siteCorpus(): Corpus {
  return state().corpus;
}

/** All indexes over all episodes. */
export async function loadKnowledge(): Promise<KnowledgeBase> {
  return state().kb;
}

function state(): { corpus: Corpus; kb: KnowledgeBase } {
  const snapshot = process.env.VERBATIM_CORPUS;
  if (snapshot) {
    if (!current) current = withKnowledge('', openSnapshot(snapshot));
    return current;
  }
  // Outside a CLI build: watch for edits (in dev), else load once.
  const key = import.meta.env.DEV ? `${folderKey(episodesDir())}#${folderKey(topicsDir())}` : '';
  if (!current || current.key !== key) current = withKnowledge(key, loadCorpus({ episodes: episodesDir(), topics: topicsDir() }));
  return current;
}

function withKnowledge(key: string, corpus: Corpus) {
  return { key, corpus, kb: assembleKnowledgeBase({ summaries: corpus.summaries, topics: corpus.topics, episode: corpus.episode }) };
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
