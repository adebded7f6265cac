/**
 * The knowledge base for pages: every episode from the content layer,
 * indexed once per build (rebuilt on each request in dev, where content
 * changes under the server).
 */
import { getCollection } from 'astro:content';
import { buildKnowledgeBase } from '../knowledge/knowledge-base.ts';
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';

let built: Promise<KnowledgeBase> | undefined;

/** All indexes over all episodes. */
export function loadKnowledge(): Promise<KnowledgeBase> {
  if (import.meta.env.DEV) return build();
  built ??= build();
  return built;
}

async function build(): Promise<KnowledgeBase> {
  const entries = await getCollection('episodes');
  return buildKnowledgeBase(entries.map((entry) => entry.data));
}
