/**
 * The knowledge base for pages: every episode from the content layer and
 * the curated topic files (`<content>/topics/`), indexed once per build. In
 * dev, where content changes under the server, it is rebuilt when an
 * episode's digest or a topic file changes, and reused otherwise (topic
 * discovery takes a second or two on a large corpus).
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { getCollection } from 'astro:content';
import { buildKnowledgeBase } from '../knowledge/knowledge-base.ts';
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import { topicsDir } from '../node/content-dirs.ts';
import { cachedTopicIndex } from '../node/topic-cache.ts';
import { readTopicFolder } from '../node/topic-folder.ts';


let built: { key: string; kb: Promise<KnowledgeBase> } | undefined;

/** All indexes over all episodes. */
export async function loadKnowledge(): Promise<KnowledgeBase> {
  if (built && !import.meta.env.DEV) return built.kb;
  const entries = await getCollection('episodes');
  const dir = topicsDir();
  const key = import.meta.env.DEV ? `${entries.map((e) => `${e.id}:${e.digest ?? ''}`).join('|')}#${topicFilesKey(dir)}` : '';
  if (!built || built.key !== key) {
    const episodes = entries.map((entry) => entry.data);
    const options = { curatedTopics: readTopicFolder(dir).topics, topicIndex: cachedTopicIndex(process.env.VERBATIM_TOPIC_CACHE) };
    built = { key, kb: Promise.resolve().then(() => buildKnowledgeBase(episodes, options)) };
  }
  return built.kb;
}

/** Names, sizes and modification times of the topic files: changes when any is edited, added or removed. */
function topicFilesKey(dir: string): string {
  try {
    return readdirSync(dir)
      .sort()
      .map((name) => {
        const stat = statSync(join(dir, name));
        return `${name}:${stat.size}:${stat.mtimeMs}`;
      })
      .join('|');
  } catch {
    return '';
  }
}
