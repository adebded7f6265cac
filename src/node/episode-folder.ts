/**
 * Reads an episodes folder from disk for the CLI and the site loader: finds
 * transcripts (any file that is not a sidecar, hidden or a README), pairs
 * each with `<name>.yml`/`<name>.yaml` beside it, ingests them all and makes
 * slugs unique. Diagnostics from every file are collected, never thrown.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { assignUniqueSlugs } from '../knowledge/slugs.ts';
import { diagnostic } from '../transcript/diagnostics.ts';
import type { Diagnostic } from '../transcript/diagnostics.ts';
import { parseTranscript } from '../transcript/parse-transcript.ts';
import type { IngestResult, TranscriptInput } from '../transcript/parse-transcript.ts';
import type { Episode } from '../transcript/schema.ts';

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
const ignored = (name: string) => name.startsWith('.') || /^readme(\.[a-z]+)?$/i.test(name);

/** Transcript files under `dir`, in stable (sorted) order, each with its sidecar if present. */
export function listTranscripts(dir: string, cwd = process.cwd()): TranscriptFile[] {
  const out: TranscriptFile[] = [];
  const walk = (folder: string) => {
    const names = readdirSync(folder).sort();
    const present = new Set(names);
    for (const name of names) {
      if (ignored(name)) continue;
      const absolutePath = join(folder, name);
      const stat = statSync(absolutePath);
      if (stat.isDirectory()) {
        walk(absolutePath);
        continue;
      }
      if (!stat.isFile() || sidecarExt.test(name)) continue;
      const stem = name.replace(/\.[^.]+$/, '');
      const sidecarName = [`${stem}.yml`, `${stem}.yaml`].find((n) => present.has(n));
      const entry: TranscriptFile = {
        file: displayPath(absolutePath, cwd),
        relativePath: relative(dir, absolutePath).split('\\').join('/'),
        absolutePath,
      };
      if (sidecarName) entry.sidecarPath = join(folder, sidecarName);
      out.push(entry);
    }
  };
  walk(dir);
  return out;
}

/** Ingest one listed transcript from disk. */
export function ingestFile(entry: TranscriptFile): IngestResult {
  const sidecarFile = entry.sidecarPath ? displayPath(entry.sidecarPath, process.cwd()) : undefined;
  try {
    const input: TranscriptInput = { file: entry.file, relativePath: entry.relativePath, bytes: readFileSync(entry.absolutePath) };
    if (entry.sidecarPath && sidecarFile) input.sidecar = { file: sidecarFile, bytes: readFileSync(entry.sidecarPath) };
    return parseTranscript(input);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { episode: null, diagnostics: [diagnostic('file-unreadable', entry.file, 1, 1, { reason })] };
  }
}

/** Ingest every transcript under `dir`. */
export function ingestFolder(dir: string): FolderResult {
  let files: TranscriptFile[];
  try {
    files = listTranscripts(dir);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { episodes: [], files: 0, diagnostics: [diagnostic('folder-unreadable', dir, 1, 1, { reason })] };
  }
  const episodes: Episode[] = [];
  const diagnostics: Diagnostic[] = [];
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
