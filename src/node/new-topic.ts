/**
 * `verbatim new topic NAME`: writes `<content>/topics/<slug>.md` for a name,
 * with aliases suggested from the episodes (src/knowledge/topics/new-topic.ts).
 * Never overwrites: an existing file for the slug, or another topic that
 * already has the name as its title or an alias, is reported instead.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { draftTopic, topicDraftText, topicText } from '../knowledge/topics/new-topic.ts';
import type { TopicDraft } from '../knowledge/topics/new-topic.ts';
import { phraseKeys } from '../knowledge/topics/words.ts';
import { diagnostic } from '../transcript/diagnostics.ts';
import type { Diagnostic } from '../transcript/diagnostics.ts';
import { foldWhitespace } from '../transcript/text.ts';
import { slugify } from '../transcript/slug.ts';
import { displayPath, ingestFolder } from './episode-folder.ts';
import { readTopicFolder } from './topic-folder.ts';

export interface NewTopicOptions {
  name: string;
  /** The topics folder (`<content>/topics`); created when missing. */
  topicsDir: string;
  /** The episodes the aliases are looked for in. */
  episodesDir: string;
  cwd?: string;
}

export interface NewTopicResult {
  /** The file written (relative to cwd), or null when nothing was written. */
  file: string | null;
  draft: TopicDraft | null;
  /** Why nothing was written (topic-exists, add-write-failed). */
  diagnostics: Diagnostic[];
}

/** The topic title a name gives (whitespace folded), and its slug; the slug is '' for a name without letters or digits. */
export function topicName(name: string): { title: string; slug: string } {
  const title = foldWhitespace(name);
  return { title, slug: /[\p{L}\p{N}]/u.test(title) ? slugify(title) : '' };
}

/** Write the topic file for `options.name`, or report why not. The name must have a slug (see `topicName`). */
export function writeNewTopic(options: NewTopicOptions): NewTopicResult {
  const cwd = options.cwd ?? process.cwd();
  const { title, slug } = topicName(options.name);
  const path = join(options.topicsDir, `${slug}.md`);
  const file = displayPath(path, cwd);
  const refuse = (d: Diagnostic): NewTopicResult => ({ file: null, draft: null, diagnostics: [d] });

  // Which spellings other topics already have: the name must not be one, and none is suggested.
  const curated = readTopicFolder(options.topicsDir, cwd);
  const owners = new Map<string, { file: string; line: number }>();
  for (const t of curated.topics) {
    for (const spelling of [t.name, ...t.aliases]) {
      const line = (spelling === t.name ? t.lines.title : t.lines.aliases) ?? 1;
      owners.set(phraseKeys(spelling).join(' '), { file: t.file, line });
    }
  }
  // The file itself (even one that does not parse), or another file whose name makes the same slug.
  const existing = existsSync(path) ? file : curated.topics.find((t) => t.slug === slug)?.file;
  if (existing !== undefined) return refuse(diagnostic('topic-exists', existing, 1, 1, { name: title, where: existing }));
  const owner = owners.get(phraseKeys(title).join(' '));
  if (owner) return refuse(diagnostic('topic-exists', owner.file, owner.line, 1, { name: title, where: `the title or an alias of ${owner.file}` }));

  const episodes = ingestFolder(options.episodesDir).episodes;
  const draft = draftTopic(title, topicText(episodes), (keys) => owners.has(keys.join(' ')));
  try {
    mkdirSync(options.topicsDir, { recursive: true });
    // `wx`: a file that appeared meanwhile (or one the folder reader skipped) is never replaced.
    writeFileSync(path, topicDraftText(draft), { flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return refuse(diagnostic('topic-exists', file, 1, 1, { name: title, where: file }));
    return refuse(diagnostic('add-write-failed', file, 1, 1, { path: file, reason: error instanceof Error ? error.message : String(error) }));
  }
  return { file, draft, diagnostics: [] };
}
