/**
 * `verbatim add`: copies transcripts into the episodes folder (under a
 * folder for the show when one is given), each with a sidecar: the one
 * beside it when it has one, else a draft pre-filled with what the
 * transcript holds (src/transcript/sidecar-draft.ts).
 *
 * All or nothing: every file is read, parsed and given a place first; if
 * any of them cannot be added (unreadable, binary, unknown format, errors
 * in the transcript, a name already taken), nothing is written and every
 * problem is reported. Nothing is ever overwritten: files are created
 * exclusively, and a failed write removes what this run wrote.
 */
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { diagnostic, Diagnostics } from '../transcript/diagnostics.ts';
import { readSidecar } from '../transcript/sidecar.ts';
import type { Diagnostic } from '../transcript/diagnostics.ts';
import { titleFromFile } from '../transcript/normalize/metadata.ts';
import { parseTranscript } from '../transcript/parse-transcript.ts';
import type { TranscriptInput } from '../transcript/parse-transcript.ts';
import { Episode } from '../transcript/schema.ts';
import type { FormatId } from '../transcript/schema.ts';
import { sidecarDraft } from '../transcript/sidecar-draft.ts';
import type { SidecarDraftInput } from '../transcript/sidecar-draft.ts';
import { slugify } from '../transcript/slug.ts';
import { decodeTextFile, MAX_FILE_BYTES } from '../transcript/source-text.ts';
import { displayPath, isIgnoredName, isSidecarName, readAtMost } from './episode-folder.ts';

export interface AddOptions {
  /** Transcript files to add. */
  files: readonly string[];
  /** The episodes folder (`<content>/episodes`); created when missing. */
  episodesDir: string;
  /** Show name: the files go to `<episodes>/<slug of the name>/` and their drafts name the show. */
  show?: string;
  /** schemas/sidecar.schema.json, named in each draft for editors; left out when not given. */
  schemaFile?: string;
  /** Base for relative paths and for paths in messages (default: the working directory). */
  cwd?: string;
}

/** One transcript added. */
export interface AddedFile {
  /** The file given, as the user typed it (relative to cwd). */
  source: string;
  /** Where the transcript and its sidecar now are (relative to cwd). */
  transcript: string;
  sidecar: string;
  /** True when the sidecar beside the source was copied rather than drafted. */
  sidecarCopied: boolean;
  format: FormatId;
  /** Speaker labels found, which the drafted sidecar asks to name. */
  labels: string[];
}

export interface AddResult {
  /** The files added: empty when anything was wrong. */
  added: AddedFile[];
  /** Every problem found (and the warnings of the files added). */
  diagnostics: Diagnostic[];
}

/** What to write for one file, once everything is known to be fine. */
interface Plan {
  added: AddedFile;
  transcriptPath: string;
  bytes: Uint8Array;
  sidecarPath: string;
  sidecarBytes: Uint8Array | string;
}

/** Add `options.files` to the episodes folder, or nothing at all. */
export function addTranscripts(options: AddOptions): AddResult {
  const cwd = options.cwd ?? process.cwd();
  const episodes = resolve(cwd, options.episodesDir);
  const folder = options.show === undefined ? episodes : join(episodes, slugify(options.show));
  const diagnostics: Diagnostic[] = [];
  const plans: Plan[] = [];
  /** Stems given a place in this run (`<folder>/<stem>`), by the file that took each. */
  const taken = new Map<string, string>();
  for (const path of options.files) {
    const plan = planFile(resolve(cwd, path), folder, episodes, options, cwd, taken, diagnostics);
    if (plan) plans.push(plan);
  }
  if (diagnostics.some((d) => d.severity === 'error')) return { added: [], diagnostics };
  const failure = writeAll(plans, folder, cwd);
  if (failure) return { added: [], diagnostics: [...diagnostics, failure] };
  return { added: plans.map((p) => p.added), diagnostics };
}

/** Read, parse and place one file; null (with diagnostics) when it cannot be added. */
function planFile(
  source: string,
  folder: string,
  episodes: string,
  options: AddOptions,
  cwd: string,
  taken: Map<string, string>,
  diagnostics: Diagnostic[],
): Plan | null {
  const file = displayPath(source, cwd);
  const name = basename(source);
  const refuse = (d: Diagnostic) => {
    diagnostics.push(d);
    return null;
  };
  if (isSidecarName(name)) return refuse(diagnostic('add-not-transcript', file, 1, 1, { kind: 'a sidecar (.yml, .yaml)' }));
  if (isIgnoredName(name)) return refuse(diagnostic('add-not-transcript', file, 1, 1, { kind: name.startsWith('.') ? 'a hidden file' : 'a README' }));

  let bytes: Uint8Array;
  let sidecarSource: string | undefined;
  let sidecarBytes: Uint8Array | undefined;
  try {
    if (!statSync(source).isFile()) return refuse(diagnostic('file-unreadable', file, 1, 1, { reason: 'not a file' }));
    const read = readAtMost(source, MAX_FILE_BYTES);
    if ('tooLarge' in read) return refuse(diagnostic('file-too-large', file, 1, 1, { size: read.tooLarge, limit: MAX_FILE_BYTES }));
    bytes = read.bytes;
    sidecarSource = sidecarBeside(source);
    if (sidecarSource !== undefined) {
      const sidecar = readAtMost(sidecarSource, MAX_FILE_BYTES);
      if ('tooLarge' in sidecar) return refuse(diagnostic('file-too-large', displayPath(sidecarSource, cwd), 1, 1, { size: sidecar.tooLarge, limit: MAX_FILE_BYTES }));
      sidecarBytes = sidecar.bytes;
    }
  } catch (error) {
    return refuse(diagnostic('file-unreadable', file, 1, 1, { reason: error instanceof Error ? error.message : String(error) }));
  }

  const stem = name.slice(0, name.length - extname(name).length) || name;
  const transcriptPath = join(folder, name);
  const sidecarPath = join(folder, `${stem}${sidecarSource !== undefined ? extname(sidecarSource) : '.yml'}`);
  // Parsed as if already in place, so the title and show come out as they will on the site.
  const relativePath = relative(episodes, transcriptPath).split('\\').join('/');
  const input: TranscriptInput = { file, relativePath, bytes };
  if (sidecarSource !== undefined && sidecarBytes !== undefined) input.sidecar = { file: displayPath(sidecarSource, cwd), bytes: sidecarBytes };
  const result = parseTranscript(input);
  const episode = result.episode;
  if (episode === null) {
    diagnostics.push(...result.diagnostics); // unusable: binary, empty, unknown format, no text
    return null;
  }

  // The episodes folder pairs a sidecar by stem, and an episode's id is its stem: one file per stem.
  for (const existing of sameStem(folder, stem)) diagnostics.push(diagnostic('add-exists', file, 1, 1, { path: displayPath(existing, cwd) }));
  const key = join(folder, stem);
  const other = taken.get(key);
  if (other !== undefined) diagnostics.push(diagnostic('add-same-destination', file, 1, 1, { other, path: displayPath(transcriptPath, cwd) }));
  else taken.set(key, file);

  let draft: Uint8Array | string;
  if (sidecarBytes !== undefined) {
    draft = sidecarBytes;
    diagnostics.push(...result.diagnostics);
    if (options.show !== undefined && episode.show !== options.show) {
      // The show comes from the sidecar's `show:` when it has one, else from the folder's name ("bbc-radio" reads "Bbc Radio").
      const own = readSidecar(decodeTextFile(sidecarBytes, new Diagnostics(file)) ?? '', new Diagnostics(file)).sidecar.show;
      diagnostics.push(own !== undefined ? diagnostic('add-show-from-sidecar', file, 1, 1, { show: own, given: options.show }) : diagnostic('add-show-from-folder', file, 1, 1, { show: episode.show, given: options.show }));
    }
  } else {
    const found: SidecarDraftInput = { episode, fileName: name, titleFromFileName: episode.title === titleFromFile(relativePath) };
    if (options.show !== undefined) found.show = options.show;
    const date = dateIn(name);
    if (date !== undefined) found.dateFromFileName = date;
    if (options.schemaFile !== undefined) found.schemaPath = relative(dirname(sidecarPath), resolve(cwd, options.schemaFile)).split('\\').join('/');
    draft = sidecarDraft(found);
    // Report what `check` will say once the file is in place with its draft (which maps every label, so
    // speaker-unmapped goes); a problem with the draft itself would show here as a sidecar diagnostic.
    diagnostics.push(...parseTranscript({ ...input, sidecar: { file: displayPath(sidecarPath, cwd), bytes: new TextEncoder().encode(draft) } }).diagnostics);
  }
  return {
    added: {
      source: file,
      transcript: displayPath(transcriptPath, cwd),
      sidecar: displayPath(sidecarPath, cwd),
      sidecarCopied: sidecarBytes !== undefined,
      format: episode.source.format,
      labels: episode.speakers.flatMap((s) => s.labels),
    },
    transcriptPath,
    bytes,
    sidecarPath,
    sidecarBytes: draft,
  };
}

/** The sidecar beside a transcript (`<stem>.yml`, then `<stem>.yaml`), as the episodes folder pairs them. */
function sidecarBeside(source: string): string | undefined {
  const stem = source.slice(0, source.length - extname(source).length);
  return [`${stem}.yml`, `${stem}.yaml`].find((p) => p !== source && existsSync(p));
}

/** Files in `folder` (if it exists) with this stem: transcripts and sidecars that would share the new file's id or sidecar. */
function sameStem(folder: string, stem: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((n) => n === stem || n.slice(0, n.length - extname(n).length) === stem)
    .map((n) => join(folder, n));
}

/** A `YYYY-MM-DD` date in a file name (`2024-03-05-beans.txt`) that is a real date, or undefined. */
function dateIn(name: string): string | undefined {
  const m = /(?:^|\D)(\d{4}-\d{2}-\d{2})(?!\d)/.exec(name);
  return m?.[1] !== undefined && Episode.shape.date.safeParse(m[1]).success ? m[1] : undefined;
}

/**
 * Write every plan, creating files exclusively (an existing file is never
 * replaced, even one that appeared since the check). On any failure the
 * files written so far, and the folders made for them, are removed.
 */
function writeAll(plans: readonly Plan[], folder: string, cwd: string): Diagnostic | null {
  const written: string[] = [];
  // The folders this run makes, deepest first, to remove again on failure.
  const made: string[] = [];
  for (let dir = folder; !existsSync(dir) && dirname(dir) !== dir; dir = dirname(dir)) made.push(dir);
  let current = folder;
  try {
    mkdirSync(folder, { recursive: true });
    for (const plan of plans) {
      current = plan.transcriptPath;
      writeFileSync(plan.transcriptPath, plan.bytes, { flag: 'wx' });
      written.push(plan.transcriptPath);
      current = plan.sidecarPath;
      writeFileSync(plan.sidecarPath, plan.sidecarBytes, { flag: 'wx' });
      written.push(plan.sidecarPath);
    }
    return null;
  } catch (error) {
    for (const path of written.reverse()) {
      try {
        unlinkSync(path);
      } catch {
        // Best effort: the diagnostic below still says the run failed.
      }
    }
    for (const dir of made) {
      try {
        rmdirSync(dir);
      } catch {
        // Not empty (someone else wrote there meanwhile): leave it.
      }
    }
    const plan = plans.find((p) => p.transcriptPath === current || p.sidecarPath === current);
    return diagnostic('add-write-failed', plan?.added.source ?? displayPath(folder, cwd), 1, 1, {
      path: displayPath(current, cwd),
      reason: error instanceof Error ? error.message : String(error),
    });
  }
}
