/**
 * Reads an episodes folder from disk for the CLI and the site loader: finds
 * transcripts (any file that is not a sidecar, hidden or a README), pairs
 * each with `<name>.yml`/`<name>.yaml` beside it, ingests them all and makes
 * slugs unique. Diagnostics from every file are collected, never thrown.
 */
import { closeSync, fstatSync, lstatSync, openSync, readdirSync, readSync, realpathSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { assignUniqueSlugs } from '../knowledge/slugs.ts';
import { diagnostic } from '../transcript/diagnostics.ts';
import type { Diagnostic } from '../transcript/diagnostics.ts';
import { parseTranscript } from '../transcript/parse-transcript.ts';
import type { IngestResult, TranscriptInput } from '../transcript/parse-transcript.ts';
import type { Episode } from '../transcript/schema.ts';
import { MAX_FILE_BYTES } from '../transcript/source-text.ts';

export interface TranscriptFile {
  /** Path for messages (relative to the working directory when inside it). */
  file: string;
  /** Path relative to the episodes folder. */
  relativePath: string;
  absolutePath: string;
  sidecarPath?: string;
}

export interface FolderResult {
  episodes: Episode[];
  diagnostics: Diagnostic[];
  files: number;
}

const sidecarExt = /\.ya?ml$/i;
/** True for a sidecar's name (`.yml`, `.yaml`): never read as a transcript. */
export const isSidecarName = (name: string) => sidecarExt.test(name);
/** True for names the listing skips: hidden files and READMEs. */
export const isIgnoredName = (name: string) => name.startsWith('.') || /^readme(\.[a-z]+)?$/i.test(name);
const ignored = isIgnoredName;

/**
 * Transcript files under `dir`, in stable (sorted) order, each with its
 * sidecar if present (`<stem>.yml`, else `<stem>.yaml`, the extension in
 * any case). Only `dir` itself being unreadable throws; a problem with one
 * entry goes to `problems` and the rest is still listed: a link to nothing
 * or a sub-folder that cannot be read (an error on it), a sidecar no
 * transcript reads (a warning). In each folder, symbolic links are followed
 * after everything else, so a folder also reached through a link (`latest`
 * → `season-2`, or a link back up) is read once, at its own place.
 */
export function listTranscripts(dir: string, cwd = process.cwd(), problems: Diagnostic[] = []): TranscriptFile[] {
  const seen = new Set<string>();
  /** The transcripts under `folder`, in the order of its sorted `names` (each sub-folder's in its place). */
  const walk = (folder: string, names: string[]): TranscriptFile[] => {
    seen.add(realpathSync(folder));
    const sidecars = new Map<string, string[]>();
    for (const name of names) {
      if (ignored(name) || !sidecarExt.test(name)) continue;
      const stem = name.replace(sidecarExt, '');
      sidecars.set(stem, [...(sidecars.get(stem) ?? []), name].sort((x, y) => Number(/\.yaml$/i.test(x)) - Number(/\.yaml$/i.test(y)) || (x < y ? -1 : 1)));
    }
    const paired = new Set<string>();
    const transcriptStems = new Set<string>();
    const found = new Map<string, TranscriptFile[]>();
    const links: string[] = [];
    const visit = (name: string, followLink: boolean) => {
      const absolutePath = join(folder, name);
      let stat;
      try {
        if (!followLink && lstatSync(absolutePath).isSymbolicLink()) {
          links.push(name);
          return;
        }
        stat = statSync(absolutePath);
      } catch (error) {
        // A transcript that cannot be read still owns its sidecar: the error is on the transcript.
        if (!sidecarExt.test(name)) transcriptStems.add(stemOf(name));
        problems.push(diagnostic('file-unreadable', displayPath(absolutePath, cwd), 1, 1, { reason: reason(error) }));
        return;
      }
      if (stat.isDirectory()) {
        let inner: string[];
        try {
          if (seen.has(realpathSync(absolutePath))) return;
          inner = readdirSync(absolutePath).sort();
        } catch (error) {
          problems.push(diagnostic('folder-unreadable', displayPath(absolutePath, cwd), 1, 1, { reason: reason(error) }));
          return;
        }
        found.set(name, walk(absolutePath, inner));
        return;
      }
      if (!stat.isFile() || sidecarExt.test(name)) return;
      const stem = stemOf(name);
      transcriptStems.add(stem);
      const entry: TranscriptFile = {
        file: displayPath(absolutePath, cwd),
        relativePath: relative(dir, absolutePath).split('\\').join('/'),
        absolutePath,
      };
      const sidecar = sidecars.get(stem)?.[0];
      if (sidecar) {
        paired.add(sidecar);
        entry.sidecarPath = join(folder, sidecar);
      }
      found.set(name, [entry]);
    };
    for (const name of names) if (!ignored(name)) visit(name, false);
    for (const name of links) visit(name, true);
    for (const [stem, list] of sidecars) {
      const read = list.find((name) => paired.has(name));
      for (const name of list) {
        if (name === read || (read === undefined && transcriptStems.has(stem))) continue;
        const why = read
          ? `${read} beside it is read instead; move what this one says there and remove it`
          : `none named "${stem}" (with any extension) is beside it; rename it to match its transcript's name, or remove it`;
        problems.push(diagnostic('sidecar-unused', displayPath(join(folder, name), cwd), 1, 1, { reason: why }));
      }
    }
    return names.flatMap((name) => found.get(name) ?? []);
  };
  return walk(dir, readdirSync(dir).sort());
}

/** A file name without its extension: `ep-01.txt` → `ep-01`; a name without one is its own stem. */
export const stemOf = (name: string) => name.replace(/(.)\.[^.]+$/, '$1');

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * A file's bytes, or only its size when that is over `limit`: the size on
 * disk is checked before anything is read, and never more than `limit + 1`
 * bytes are held, even if the file grows while it is read.
 */
export function readAtMost(path: string, limit: number): { bytes: Uint8Array } | { tooLarge: number } {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size > limit) return { tooLarge: size };
    // One byte more than the file's size, to notice a file that grew since the stat.
    let buffer = Buffer.allocUnsafe(size + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > limit) return { tooLarge: length };
        const grown = Buffer.allocUnsafe(Math.min(limit + 1, length * 2));
        buffer.copy(grown, 0, 0, length);
        buffer = grown;
      }
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) return { bytes: buffer.subarray(0, length) };
      length += n;
    }
  } finally {
    closeSync(fd);
  }
}

/** The `file-too-large` error for a file whose size on disk is over the limit (the core reports the same for bytes in memory). */
const tooLarge = (file: string, size: number) => diagnostic('file-too-large', file, 1, 1, { size, limit: MAX_FILE_BYTES });

/**
 * Ingest one listed transcript from disk. A transcript or sidecar over the
 * file size limit is refused from its size, without reading it; a sidecar
 * refused so is left out and the transcript read without it, as the core does.
 */
export function ingestFile(entry: TranscriptFile): IngestResult {
  const sidecarFile = entry.sidecarPath ? displayPath(entry.sidecarPath, process.cwd()) : undefined;
  try {
    const transcript = readAtMost(entry.absolutePath, MAX_FILE_BYTES);
    if ('tooLarge' in transcript) return { episode: null, diagnostics: [tooLarge(entry.file, transcript.tooLarge)] };
    const input: TranscriptInput = { file: entry.file, relativePath: entry.relativePath, bytes: transcript.bytes };
    let refusedSidecar: Diagnostic | undefined;
    if (entry.sidecarPath && sidecarFile) {
      const sidecar = readAtMost(entry.sidecarPath, MAX_FILE_BYTES);
      if ('tooLarge' in sidecar) refusedSidecar = tooLarge(sidecarFile, sidecar.tooLarge);
      else input.sidecar = { file: sidecarFile, bytes: sidecar.bytes };
    }
    const result = parseTranscript(input);
    return refusedSidecar ? { episode: result.episode, diagnostics: [...result.diagnostics, refusedSidecar] } : result;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { episode: null, diagnostics: [diagnostic('file-unreadable', entry.file, 1, 1, { reason })] };
  }
}

/** Ingest every transcript under `dir`. */
export function ingestFolder(dir: string): FolderResult {
  let files: TranscriptFile[];
  const diagnostics: Diagnostic[] = [];
  try {
    files = listTranscripts(dir, process.cwd(), diagnostics);
  } catch (error) {
    return { episodes: [], files: 0, diagnostics: [diagnostic('folder-unreadable', dir, 1, 1, { reason: reason(error) })] };
  }
  const episodes: Episode[] = [];
  for (const entry of files) {
    const result = ingestFile(entry);
    diagnostics.push(...result.diagnostics);
    if (result.episode) episodes.push(result.episode);
  }
  diagnostics.push(...assignUniqueSlugs(episodes));
  return { episodes, diagnostics, files: files.length };
}

/** The path relative to `cwd` (as users type it), with forward slashes. */
export function displayPath(path: string, cwd: string): string {
  return (relative(cwd, path) || path).split('\\').join('/');
}
