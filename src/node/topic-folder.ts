/**
 * Reads the curated topics folder (`content/topics/*.md`) from disk for the
 * CLI and the site: lists the Markdown files in stable order, reads each
 * and parses it with the pure `parseTopicFile`. A missing folder means no
 * curated topics; every other problem is a diagnostic, never a throw.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseTopicFile } from '../knowledge/topics/topic-file.ts';
import type { CuratedTopic } from '../knowledge/topics/schema.ts';
import { diagnostic, Diagnostics } from '../transcript/diagnostics.ts';
import { decodeTextFile } from '../transcript/source-text.ts';
import type { Diagnostic } from '../transcript/diagnostics.ts';
import { displayPath } from './episode-folder.ts';

/** Largest topic file read, in bytes; the body limit (64 KB) is checked again after the front matter. */
const MAX_TOPIC_FILE_BYTES = 1024 * 1024;

export interface TopicFolderResult {
  topics: CuratedTopic[];
  diagnostics: Diagnostic[];
}

/** Read every `*.md` file directly in `dir` (README.md excepted). */
export function readTopicFolder(dir: string, cwd = process.cwd()): TopicFolderResult {
  const topics: CuratedTopic[] = [];
  const diagnostics: Diagnostic[] = [];
  if (!existsSync(dir)) return { topics, diagnostics };
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (error) {
    return { topics, diagnostics: [diagnostic('folder-unreadable', displayPath(dir, cwd), 1, 1, { reason: reason(error) })] };
  }
  for (const name of names) {
    if (!/\.md$/i.test(name) || name.startsWith('.') || /^readme\.md$/i.test(name)) continue;
    const path = join(dir, name);
    const file = displayPath(path, cwd);
    try {
      const stat = statSync(path);
      if (!stat.isFile()) continue;
      if (stat.size > MAX_TOPIC_FILE_BYTES) {
        diagnostics.push(diagnostic('file-too-large', file, 1, 1, { size: stat.size, limit: MAX_TOPIC_FILE_BYTES }));
        continue;
      }
      const decoding = new Diagnostics(file);
      const text = decodeTextFile(readFileSync(path), decoding);
      diagnostics.push(...decoding.list);
      if (text === undefined) continue;
      const result = parseTopicFile({ file, name, text });
      diagnostics.push(...result.diagnostics);
      if (result.topic) topics.push(result.topic);
    } catch (error) {
      diagnostics.push(diagnostic('file-unreadable', file, 1, 1, { reason: reason(error) }));
    }
  }
  return { topics, diagnostics };
}

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));
