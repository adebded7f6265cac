/**
 * The `verbatim` command line: `npm run -s verbatim -- <command>`.
 * Diagnostics go to stderr as `file:line:col severity code message`;
 * exit 0 when there are no errors, 1 when there are, 2 for usage errors.
 * This interface is a contract other tools rely on: keep it stable.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { addTranscripts } from '../src/node/add-transcripts.ts';
import { topicName, writeNewTopic } from '../src/node/new-topic.ts';
import { displayPath, stemOf } from '../src/node/episode-folder.ts';
import { formatDiagnostic } from '../src/transcript/diagnostics.ts';
import type { Diagnostic } from '../src/transcript/diagnostics.ts';
import { formats } from '../src/transcript/formats/index.ts';
import { parseTranscript } from '../src/transcript/parse-transcript.ts';
import type { TranscriptInput } from '../src/transcript/parse-transcript.ts';
import type { Episode } from '../src/transcript/schema.ts';
import { formatShortClock } from '../src/transcript/formats/clock.ts';
import { buildSite, formatDuration, OutputFolderError } from '../src/node/site-build.ts';
import type { SiteBuildOptions } from '../src/node/site-build.ts';
import { readTopicFolder } from '../src/node/topic-folder.ts';
import { loadSiteConfig, unknownShows } from '../src/node/site-config-file.ts';
import { BasePath, Origin } from '../src/config/site-config.ts';
import { topicFileText } from '../src/knowledge/topics/index.ts';
import { discoverySettings, loadCorpus } from '../src/corpus/load-corpus.ts';
import type { TopicSummary } from '../src/knowledge/topics/index.ts';
import { slugify } from '../src/transcript/slug.ts';

const usage = `Usage: npm run -s verbatim -- <command> [options]

Commands:
  parse FILE... [--json]     Parse transcripts and print the normalized episodes
  check [DIR] [--content DIR] [--json]
                             Check every transcript under DIR (default <content>/episodes)
                             and, unless only DIR is given, <content>/site.yml (content
                             default content)
  build [--content DIR] [--episodes DIR] [--out DIR] [--base PATH] [--site URL]
        [--cache DIR] [--report FILE]
                             Build the site and its search index into --out (default dist),
                             a folder of its own that each build replaces whole (it must be
                             new, empty or an earlier build), configured by <content>/site.yml
                             (--base and --site override it); Ctrl-C keeps the previous site;
                             with --episodes alone, no topic files are read (add --content);
                             --cache: where parsed transcripts and index shards are kept
                             (default node_modules/.cache/verbatim); --report: write the
                             build's counts and phase times as JSON
  formats                    List the supported transcript formats
  add FILE... [--show NAME] [--content DIR]
                             Copy transcripts into DIR/episodes (in a folder for the show),
                             each with a sidecar pre-filled with what was found; never overwrites
  topics [--content DIR] [--episodes DIR] [--json]
                             List the topics the site would have, most important first
                             (with --episodes alone, no topic files are read)
  topics suggest [--content DIR] [--episodes DIR]
                             Print topic files for discovered topics that have none yet
  new topic NAME [--content DIR] [--episodes DIR]
                             Write DIR/topics/<slug>.md for NAME, with other spellings of it
                             found in the episodes as aliases; never overwrites

Each option is given at most once; --help after any command prints this.
Diagnostics are printed to stderr as "file:line:col severity code message".
Exit status: 0 no errors, 1 errors found, 2 usage error.`;

class UsageError extends Error {}

/** `--help` or `-h` given to a command: print the usage and exit 0. */
class HelpRequest extends Error {}

/**
 * parseArgs with `strict` on, each option at most once (`--out a --out b`
 * is a usage error, not the last one winning), and `--help`/`-h` anywhere
 * before `--` asking for the usage.
 */
function parseOptions<T extends ParseArgsConfig & { args: string[] }>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    const { tokens } = parseArgs({ ...config, options: { ...config.options, help: { type: 'boolean', short: 'h' } }, strict: true, tokens: true });
    const seen = new Set<string>();
    for (const token of tokens ?? []) {
      if (token.kind !== 'option') continue;
      if (token.name === 'help') throw new HelpRequest();
      if (seen.has(token.name)) throw new UsageError(`${token.rawName.startsWith('--') ? `--${token.name}` : token.rawName} is given twice; give it once`);
      seen.add(token.name);
    }
    return parseArgs(config);
  } catch (error) {
    if (error instanceof UsageError || error instanceof HelpRequest) throw error;
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function main(argv: string[]): number | Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'parse':
      return parseCommand(rest);
    case 'check':
      return checkCommand(rest);
    case 'formats':
      return formatsCommand(rest);
    case 'build':
      return buildCommand(rest);
    case 'topics':
      return topicsCommand(rest);
    case 'add':
      return addCommand(rest);
    case 'new':
      return newCommand(rest);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(`${usage}\n`);
      return command === undefined ? 2 : 0;
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

/** A command's FILE or DIR arguments and its `--json` flag. */
function withJson(args: string[]) {
  return parseOptions({ args, allowPositionals: true, strict: true, options: { json: { type: 'boolean', default: false } } });
}

function printDiagnostics(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    process.stderr.write(`${formatDiagnostic(d)}\n`);
    if (d.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings };
}

function parseCommand(args: string[]): number {
  const { values, positionals } = withJson(args);
  if (positionals.length === 0) throw new UsageError('parse needs at least one FILE');
  const episodes: Episode[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const path of positionals) {
    const file = displayPath(resolve(path), process.cwd());
    if (!existsSync(path) || !statSync(path).isFile()) throw new UsageError(`no such file: ${path}`);
    const input: TranscriptInput = { file, bytes: readFileSync(path) };
    // As an episodes folder pairs them: `<name without extension>.yml`, else `.yaml` (a file with no extension too).
    const stem = join(dirname(path), stemOf(basename(path)));
    const sidecar = [`${stem}.yml`, `${stem}.yaml`].find((p) => p !== path && existsSync(p));
    if (sidecar) input.sidecar = { file: displayPath(resolve(sidecar), process.cwd()), bytes: readFileSync(sidecar) };
    const result = parseTranscript(input);
    diagnostics.push(...result.diagnostics);
    if (result.episode) episodes.push(result.episode);
  }
  const { errors } = printDiagnostics(diagnostics);
  if (values.json) {
    const out = positionals.length === 1 ? (episodes[0] ?? null) : episodes;
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    for (const episode of episodes) process.stdout.write(`${describeEpisode(episode)}\n`);
  }
  return errors > 0 ? 1 : 0;
}

/** A readable summary and transcript of an episode, for terminals. */
function describeEpisode(e: Episode): string {
  const names = new Map(e.speakers.map((s) => [s.id, s.name]));
  const head = [
    `# ${e.title}`,
    `show: ${e.show}${e.date ? `  date: ${e.date}` : ''}  format: ${e.source.format}  slug: ${e.slug}`,
    `speakers: ${e.speakers.map((s) => `${s.name}${s.role ? ` (${s.role})` : ''}`).join(', ') || '—'}`,
    `segments: ${e.segments.length}  paragraphs: ${e.paragraphs.length}  turns: ${e.turns.length}  duration: ${e.duration === null ? 'untimed' : formatShortClock(e.duration)}`,
    '',
  ];
  const body = e.paragraphs.map((p) => {
    const time = p.start === null ? '' : `[${formatShortClock(p.start)}] `;
    const who = p.kind === 'sound' ? '' : `${p.speaker ? names.get(p.speaker) : '—'}: `;
    return `${time}${who}${p.kind === 'sound' ? `(${p.text})` : p.text}`;
  });
  return [...head, ...body, ''].join('\n');
}

function checkCommand(args: string[]): number {
  const { values, positionals } = parseOptions({
    args,
    allowPositionals: true,
    strict: true,
    options: { json: { type: 'boolean', default: false }, content: { type: 'string' } },
  });
  if (positionals.length > 1) throw new UsageError('check takes at most one DIR');
  const content = values.content ?? 'content';
  const dir = positionals[0] ?? `${content}/episodes`;
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`no such folder: ${dir}`);
  // The build's own read of the transcripts (and its cache): the same diagnostics a build reports.
  const corpus = loadCorpus({ episodes: dir, indexTopics: false });
  const diagnostics = [...corpus.diagnostics];
  // The content folder's own episodes (no DIR, or --content): its config is checked too, as a build would.
  if (positionals[0] === undefined || values.content !== undefined) {
    const config = loadSiteConfig(content);
    diagnostics.unshift(...config.diagnostics, ...unknownShows(config, [...new Set(corpus.summaries.map((e) => e.show))]));
  }
  const { errors, warnings } = printDiagnostics(diagnostics);
  const segments = corpus.summaries.reduce((n, e) => n + e.counts.segments, 0);
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ diagnostics, episodes: corpus.summaries.length }, null, 2)}\n`);
  } else {
    process.stdout.write(
      `${corpus.files} files, ${corpus.summaries.length} episodes, ${segments} segments, ${errors} errors, ${warnings} warnings\n`,
    );
  }
  return errors > 0 ? 1 : 0;
}

async function buildCommand(args: string[]): Promise<number> {
  const parsed = parseOptions({
    args,
    allowPositionals: false,
    strict: true,
    options: {
      content: { type: 'string' },
      episodes: { type: 'string' },
      out: { type: 'string', default: 'dist' },
      base: { type: 'string' },
      site: { type: 'string' },
      cache: { type: 'string' },
      report: { type: 'string' },
    },
  });
  const { values } = parsed;
  const content = values.content ?? 'content';
  const episodes = values.episodes ?? `${content}/episodes`;
  if (!existsSync(episodes) || !statSync(episodes).isDirectory()) throw new UsageError(`no such folder: ${episodes}`);
  if (values.site !== undefined && !Origin.safeParse(values.site).success) throw new UsageError('--site must be the origin the site is published at, like https://example.org (no path: give a sub-path with --base)');
  if (values.base !== undefined && !BasePath.safeParse(values.base).success) throw new UsageError('--base must be a path like /kb/ (letters, digits, - . _ ~ and slashes)');
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const options: SiteBuildOptions = { content, episodes, out: values.out, log, report: (d) => void printDiagnostics(d) };
  // Another episodes folder does not take the bundled sample's topic files unless --content says so.
  options.topics = curatedTopicsDir(values.content, values.episodes);
  if (values.base !== undefined) options.base = values.base;
  if (values.site !== undefined) options.site = values.site;
  if (values.cache !== undefined) options.cacheDir = values.cache;
  let result;
  try {
    result = await buildSite(options);
  } catch (error) {
    if (!(error instanceof OutputFolderError)) throw error;
    // Refused (a folder the build must not replace) is a usage error; unwritable, an error of this run.
    process.stderr.write(`verbatim: ${error.message}\n`);
    return error.refused ? 2 : 1;
  }
  if (values.report !== undefined) writeFileSync(values.report, `${JSON.stringify(result, null, 2)}\n`);
  if (result.ok) {
    log(
      `Built ${result.pages} pages for ${result.episodes} episodes, search index ${result.searchFiles} files, into ${values.out} ` +
        `(ingest ${formatDuration(result.timings.ingest)}, render ${formatDuration(result.timings.render)}, total ${formatDuration(result.timings.total)})`,
    );
  }
  return result.ok ? 0 : 1;
}

/** The sidecar JSON Schema shipped with Verbatim, named in drafted sidecars for editors. */
const sidecarSchema = fileURLToPath(new URL('../schemas/sidecar.schema.json', import.meta.url));

/** `add FILE... [--show NAME] [--content DIR]`: copy transcripts in, each with a sidecar; all or nothing. */
function addCommand(args: string[]): number {
  const parsed = parseOptions({
    args,
    allowPositionals: true,
    strict: true,
    options: { show: { type: 'string' }, content: { type: 'string', default: 'content' } },
  });
  const { values, positionals } = parsed;
  if (positionals.length === 0) throw new UsageError('add needs at least one FILE');
  const show = values.show?.trim();
  if (show !== undefined && slugify(show) === '') throw new UsageError('--show needs a name with letters or digits, like --show "Allotment Hour"');
  if (existsSync(values.content) && !statSync(values.content).isDirectory()) throw new UsageError(`--content ${values.content} is a file, not a folder`);
  // A new content folder is a new site: said, so that a mistyped --content is seen.
  const newContent = !existsSync(values.content);
  const episodesDir = `${values.content}/episodes`;
  const result = addTranscripts({
    files: positionals,
    episodesDir,
    ...(show !== undefined ? { show } : {}),
    ...(existsSync(sidecarSchema) ? { schemaFile: sidecarSchema } : {}),
  });
  const { errors } = printDiagnostics(result.diagnostics);
  for (const a of result.added) {
    process.stdout.write(`added ${a.transcript} (${a.format}) and ${a.sidecarCopied ? 'its sidecar' : 'a new sidecar'} ${a.sidecar}\n`);
  }
  if (result.added.some((a) => !a.sidecarCopied)) {
    process.stdout.write(`Check the new sidecars (title, show, speaker names), then run: npm run -s verbatim -- check ${episodesDir}\n`);
  }
  if (errors > 0) process.stderr.write('nothing was added\n');
  else if (newContent && result.added.length > 0) {
    process.stdout.write(`${values.content} did not exist: it is a new content folder, a site of its own (build it with --content ${values.content})\n`);
  }
  return errors > 0 ? 1 : 0;
}

/** `new topic NAME [--content DIR] [--episodes DIR]`: a topic file with aliases suggested from the episodes. */
function newCommand(args: string[]): number {
  const parsed = parseOptions({
    args,
    allowPositionals: true,
    strict: true,
    options: { content: { type: 'string', default: 'content' }, episodes: { type: 'string' } },
  });
  const { values, positionals } = parsed;
  const [kind, name, ...extra] = positionals;
  if (kind !== 'topic') throw new UsageError(kind === undefined ? 'new needs what to make: new topic NAME' : `cannot make a new "${kind}"; did you mean "new topic NAME"?`);
  if (name === undefined) throw new UsageError('new topic needs a NAME, like: new topic "Heat pumps"');
  if (extra.length > 0) throw new UsageError(`new topic takes one NAME; quote a name of several words: new topic "${[name, ...extra].join(' ')}"`);
  if (topicName(name).slug === '') throw new UsageError(`topic name "${name}" needs letters or digits`);
  const episodesDir = values.episodes ?? `${values.content}/episodes`;
  if (!existsSync(episodesDir) || !statSync(episodesDir).isDirectory()) throw new UsageError(`no such folder: ${episodesDir}`);
  const result = writeNewTopic({ name, topicsDir: `${values.content}/topics`, episodesDir });
  const { errors } = printDiagnostics(result.diagnostics);
  if (result.file !== null && result.draft !== null) {
    const { draft } = result;
    process.stdout.write(
      `wrote ${result.file}: "${draft.title}" has ${draft.name.mentions} mention(s) in ${draft.name.episodes} of ${draft.episodes} episode(s); ` +
        `${draft.aliases.length} other spelling(s) suggested as aliases. Check them and write a description.\n`,
    );
  }
  return errors > 0 ? 1 : 0;
}

/**
 * The curated topics folder a command reads: `<content>/topics`, but none when
 * only `--episodes` names another folder (the bundled sample's topics are not
 * that folder's topics).
 */
function curatedTopicsDir(content: string | undefined, episodes: string | undefined): string | null {
  if (content !== undefined) return `${content}/topics`;
  return episodes === undefined ? 'content/topics' : null;
}

/** `topics [suggest]`: curated and discovered topics of the episodes, as the site would have them. */
function topicsCommand(args: string[]): number {
  const parsed = parseOptions({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      content: { type: 'string' },
      episodes: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const { values, positionals } = parsed;
  const suggest = positionals[0] === 'suggest';
  if (positionals.length > (suggest ? 1 : 0)) {
    const extra = positionals[suggest ? 1 : 0];
    throw new UsageError(suggest ? `topics suggest takes no argument, not "${extra}"` : `topics takes no argument "${extra}"; did you mean "topics suggest"?`);
  }
  if (suggest && values.json) throw new UsageError('topics suggest prints topic files; it has no --json');
  const content = values.content ?? 'content';
  const episodesDir = values.episodes ?? `${content}/episodes`;
  if (!existsSync(episodesDir) || !statSync(episodesDir).isDirectory()) throw new UsageError(`no such folder: ${episodesDir}`);
  const topicsDir = curatedTopicsDir(values.content, values.episodes);

  // The same corpus load as the site build (and its cache), with the site config's discovery settings: the topics listed are the site's.
  const config = topicsDir === null ? null : loadSiteConfig(content);
  const discovery = config?.config.topics;
  const corpus = loadCorpus({
    episodes: episodesDir,
    topics: topicsDir,
    ...(discovery ? discoverySettings(discovery) : {}),
  });
  const index = corpus.topics;
  const { errors } = printDiagnostics([...(config?.diagnostics ?? []), ...corpus.diagnostics]);

  if (suggest) {
    const fresh = index.topics.filter((t) => t.source === 'discovered');
    for (const t of fresh) process.stdout.write(`==> ${content}/topics/${t.slug}.md <==\n${topicFileText(t)}\n`);
    if (fresh.length === 0) process.stderr.write('no discovered topics without a topic file\n');
  } else if (values.json) {
    const out: TopicSummary[] = index.topics.map((t) => ({
      slug: t.slug,
      name: t.name,
      aliases: t.aliases,
      source: t.source,
      episodes: t.episodes.filter((e) => e.mentions > 0).map((e) => ({ slug: e.slug, mentions: e.mentions })),
    }));
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    const rows = index.topics.map((t) => [t.name, t.source, String(t.episodes.filter((e) => e.mentions > 0).length), String(t.mentions)]);
    process.stdout.write(table(['topic', 'source', 'episodes', 'mentions'], rows));
  }
  return errors > 0 ? 1 : 0;
}

/** A plain-text table: columns padded to their widest cell, numbers right-aligned. */
function table(head: string[], rows: string[][]): string {
  const all = [head, ...rows];
  const widths = head.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const numeric = head.map((_, i) => rows.length > 0 && rows.every((r) => /^\d+$/.test(r[i] ?? '')));
  return all.map((r) => r.map((cell, i) => (numeric[i] ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0))).join('  ').trimEnd()).join('\n') + '\n';
}

function formatsCommand(args: string[]): number {
  const { positionals } = parseOptions({ args, allowPositionals: true, strict: true, options: {} });
  if (positionals.length > 0) throw new UsageError('formats takes no arguments');
  for (const f of formats) {
    process.stdout.write(`${f.id}  ${f.name}\n  ${f.description}\n  Example:\n${indent(f.example, '    | ')}\n\n`);
  }
  return 0;
}

const indent = (text: string, prefix: string) =>
  text
    .replace(/\n$/, '')
    .split('\n')
    .map((l) => prefix + l)
    .join('\n');

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof HelpRequest) {
    process.stdout.write(`${usage}\n`);
    process.exitCode = 0;
  } else if (error instanceof UsageError) {
    process.stderr.write(`verbatim: ${error.message}\n\n${usage}\n`);
    process.exitCode = 2;
  } else {
    throw error;
  }
}
