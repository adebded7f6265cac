/**
 * One curated topic file: `content/topics/<slug>.md`, YAML front matter
 * (title, aliases, description, related, exclude) and a Markdown body.
 * Text in, `{ topic, diagnostics }` out; never throws. Every problem names
 * the file and line: zod issues are reported at the line of the key they
 * concern, Markdown problems at their line in the body.
 */
import { Diagnostics } from '../../transcript/diagnostics.ts';
import type { Diagnostic } from '../../transcript/diagnostics.ts';
import { splitFrontMatter } from '../../transcript/formats/front-matter.ts';
import { slugify } from '../../transcript/slug.ts';
import { describeIssue } from '../../transcript/zod-messages.ts';
import { MAX_MARKDOWN_BYTES, renderMarkdown } from '../../markdown/render-markdown.ts';
import { TopicFrontMatter, topicKeys } from './schema.ts';
import type { CuratedTopic } from './schema.ts';

export interface TopicFileInput {
  /** Path for messages. */
  file: string;
  /** The file's name, from which the slug is made (`heat-pumps.md`). */
  name: string;
  text: string;
}

export interface TopicFileResult {
  /** Null when the file cannot be used (no front matter, no valid title, no slug). */
  topic: CuratedTopic | null;
  diagnostics: Diagnostic[];
}

/** Parse and validate a topic file. */
export function parseTopicFile(input: TopicFileInput): TopicFileResult {
  const diagnostics = new Diagnostics(input.file);
  // Problems in file order, whatever order the checks ran in.
  const done = (topic: CuratedTopic | null): TopicFileResult => ({
    topic,
    diagnostics: [...diagnostics.list].sort((a, b) => a.line - b.line || a.column - b.column),
  });
  const slug = slugify(input.name.replace(/\.md$/i, ''));
  if (slug === '') {
    diagnostics.report('topic-bad-slug', 1, 1, { name: input.name });
    return done(null);
  }
  const fm = splitFrontMatter(input.text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'), diagnostics);
  if (!fm.present) {
    diagnostics.report('topic-no-front-matter', 1, 1);
    return done(null);
  }
  if (!fm.data) return done(null); // unusable YAML, already reported
  const lineOf = (key: string) => fm.lines[key] ?? 1;

  const known: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fm.data)) {
    if (topicKeys.includes(key)) known[key] = value;
    else diagnostics.report('topic-unknown-key', lineOf(key), 1, { key, known: topicKeys.join(', ') });
  }
  // Drop invalid fields one by one so every problem is reported and the rest still applies.
  let parsed: TopicFrontMatter | undefined;
  for (let attempt = 0; attempt <= topicKeys.length && !parsed; attempt++) {
    const result = TopicFrontMatter.safeParse(known);
    if (result.success) {
      parsed = result.data;
      break;
    }
    const dropped = new Set<string>();
    for (const issue of result.error.issues) {
      const key = String(issue.path[0] ?? '');
      if (dropped.has(key)) continue;
      dropped.add(key);
      const index = issue.path[1];
      const line = key in known ? ((typeof index === 'number' ? fm.itemLines[key]?.[index] : undefined) ?? lineOf(key)) : 1;
      diagnostics.report('topic-invalid', line, 1, { key, detail: key in known ? describeIssue(issue, known[key]) : 'is required; add it' });
    }
    if (dropped.has('title')) return done(null);
    for (const key of dropped) delete known[key];
    if (dropped.size === 0) break;
  }
  if (!parsed) return done(null);

  const rendered = renderMarkdown(fm.body, fm.bodyLineOffset);
  if (rendered.refusedSize !== undefined) {
    diagnostics.report('topic-body-too-large', fm.bodyLineOffset + 1, 1, { size: rendered.refusedSize, limit: MAX_MARKDOWN_BYTES });
  }
  for (const m of rendered.messages) {
    diagnostics.report(m.rule === 'unsafe-link' ? 'topic-unsafe-link' : 'topic-raw-html', m.line, m.column, { found: m.found });
  }
  const topic: CuratedTopic = {
    slug,
    file: input.file,
    name: parsed.title,
    aliases: parsed.aliases,
    related: parsed.related,
    exclude: parsed.exclude,
    html: rendered.html,
    lines: fm.lines,
  };
  if (parsed.description !== undefined) topic.description = parsed.description;
  return done(topic);
}
