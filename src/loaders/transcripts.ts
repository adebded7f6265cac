/**
 * The content-layer loader for episodes: the one bridge between Astro and
 * the transcript core. Each sync lists the episodes folder, reuses stored
 * entries whose bytes (transcript + sidecar) are unchanged, ingests the rest,
 * makes slugs unique across all episodes, updates entries by id and deletes
 * entries whose files are gone. Every diagnostic is printed; any error fails
 * `astro build` after all of them are shown. In dev, watcher events under
 * the folder run the same sync.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { assignUniqueSlugs } from '../knowledge/slugs.ts';
import { ingestFile, listTranscripts, readAtMost } from '../node/episode-folder.ts';
import type { TranscriptFile } from '../node/episode-folder.ts';
import { diagnostic, formatDiagnostic } from '../transcript/diagnostics.ts';
import type { Diagnostic } from '../transcript/diagnostics.ts';
import { Episode } from '../transcript/schema.ts';
import { MAX_FILE_BYTES } from '../transcript/source-text.ts';
import { coreFingerprint } from './core-fingerprint.ts';

export interface TranscriptsLoaderOptions {
  /** Episodes folder; relative paths resolve against the working directory. */
  dir: string;
}

/** What the loader remembers about one transcript file between runs (kept in the meta store). */
interface CachedFile {
  /** Digest of the core's source, the transcript bytes and the sidecar bytes. */
  digest: string;
  /** Episode id, or null when the file yielded no episode. */
  id: string | null;
  /** Slug the episode asked for, before collisions were resolved. */
  slug: string | null;
  /** Diagnostics of the ingest, re-reported while the file stays unchanged. */
  diagnostics: Diagnostic[];
}

interface Cache {
  files: Record<string, CachedFile>;
}

interface SyncReport {
  episodes: number;
  files: number;
  reused: number;
  errors: number;
  warnings: number;
}

const CACHE_KEY = 'verbatim-transcripts';
const WATCH_DEBOUNCE_MS = 80;

/** An object loader reading every transcript under `options.dir` into the collection. */
export function transcriptsLoader(options: TranscriptsLoaderOptions): Loader {
  return {
    name: 'verbatim-transcripts',
    schema: Episode,
    load: async (context) => {
      const dir = resolve(options.dir);
      const core = coreFingerprint(context.generateDigest);
      const report = await syncEpisodes(dir, core, context, { printAll: true });
      if (report.errors > 0 && !context.watcher) {
        throw new Error(
          `${report.errors} error(s) in the transcripts under ${dir} (see the messages above); fix them and build again`,
        );
      }
      if (context.watcher) watchFolder(dir, core, context);
    },
  };
}

/** One pass over the folder; resolves with counts, never throws for bad content. */
async function syncEpisodes(
  dir: string,
  core: string,
  { store, meta, logger, parseData, generateDigest, config }: LoaderContext,
  { printAll }: { printAll: boolean },
): Promise<SyncReport> {
  const previous = readCache(meta.get(CACHE_KEY));
  const next: Cache = { files: {} };
  const diagnostics: Diagnostic[] = [];
  const fresh = new Set<Diagnostic>();
  const episodes: Episode[] = [];
  const reusedIds = new Set<string>();
  /** Source file of each episode, by episode id. */
  const fileOf = new Map<string, TranscriptFile>();
  let duplicates = 0;
  const keep = (episode: Episode, file: TranscriptFile): boolean => {
    const holder = fileOf.get(episode.id);
    if (holder) {
      // `a.txt` and `a.srt` share the id `a`; publishing both would overwrite one page with the other.
      logger.error(`${file.file}:1:1 error duplicate-id this file and ${holder.file} are both episode "${episode.id}"; rename one of them`);
      duplicates++;
      return false;
    }
    fileOf.set(episode.id, file);
    episodes.push(episode);
    return true;
  };

  let files: TranscriptFile[] = [];
  try {
    files = listTranscripts(dir);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const d = diagnostic('folder-unreadable', dir, 1, 1, { reason });
    diagnostics.push(d);
    fresh.add(d);
  }

  for (const file of files) {
    const digest = fileDigest(file, core, generateDigest);
    const cached = previous.files[file.relativePath];
    const stored = cached?.id ? store.get<Episode>(cached.id) : undefined;
    if (digest && cached && cached.digest === digest && (cached.id === null || stored)) {
      // Unchanged since the last run: keep the stored episode, asking again for its own slug.
      if (stored && cached.slug && keep({ ...stored.data, slug: cached.slug }, file)) reusedIds.add(stored.id);
      diagnostics.push(...cached.diagnostics);
      next.files[file.relativePath] = cached;
      continue;
    }
    const result = ingestFile(file);
    for (const d of result.diagnostics) fresh.add(d);
    diagnostics.push(...result.diagnostics);
    if (result.episode) keep(result.episode, file);
    if (digest) {
      next.files[file.relativePath] = {
        digest,
        id: result.episode?.id ?? null,
        slug: result.episode?.slug ?? null,
        diagnostics: result.diagnostics,
      };
    }
  }

  for (const d of assignUniqueSlugs(episodes)) {
    diagnostics.push(d);
    fresh.add(d);
  }

  const seen = new Set<string>();
  const root = fileURLToPath(config.root);
  for (const episode of episodes) {
    seen.add(episode.id);
    const file = fileOf.get(episode.id);
    const entryDigest = generateDigest(`${(file && next.files[file.relativePath]?.digest) || episode.source.digest}\u0000${episode.slug}`);
    if (reusedIds.has(episode.id) && store.get(episode.id)?.digest === entryDigest) continue;
    const data = await parseData({ id: episode.id, data: episode });
    store.set({
      id: episode.id,
      data,
      digest: entryDigest,
      ...(file ? { filePath: relative(root, file.absolutePath).split(sep).join('/') } : {}),
    });
  }
  for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
  meta.set(CACHE_KEY, JSON.stringify(next));

  let errors = duplicates;
  let warnings = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') errors++;
    else warnings++;
    if (!printAll && !fresh.has(d)) continue;
    if (d.severity === 'error') logger.error(formatDiagnostic(d));
    else logger.warn(formatDiagnostic(d));
  }
  const report: SyncReport = { episodes: episodes.length, files: files.length, reused: reusedIds.size, errors, warnings };
  logger.info(
    `${report.episodes} episode(s) from ${report.files} file(s) in ${dir} (${report.reused} unchanged); ` +
      `${errors} error(s), ${warnings} warning(s)`,
  );
  return report;
}

/** In dev: re-sync (debounced, one at a time) when a file under the folder is added, changed or removed. */
function watchFolder(dir: string, core: string, context: LoaderContext): void {
  const watcher = context.watcher;
  if (!watcher) return;
  watcher.add(dir);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const inside = (path: string) => {
    const rel = relative(dir, path);
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  };
  const schedule = (path: string) => {
    if (!inside(path)) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running
        .then(() => syncEpisodes(dir, core, context, { printAll: false }))
        .then((report) => {
          if (report.errors > 0) context.logger.error(`${report.errors} error(s) in the transcripts; the site shows what could be read`);
        })
        .catch((error: unknown) => context.logger.error(`reloading episodes failed: ${error instanceof Error ? error.message : String(error)}`));
    }, WATCH_DEBOUNCE_MS);
  };
  for (const event of ['add', 'change', 'unlink'] as const) watcher.on(event, schedule);
}

/**
 * Digest over the core fingerprint and the raw bytes of the transcript and
 * its sidecar; '' when unreadable or over the size limit (checked before
 * reading: ingestFile then reports it, and nothing is cached).
 */
function fileDigest(file: TranscriptFile, core: string, generateDigest: LoaderContext['generateDigest']): string {
  try {
    const transcript = readAtMost(file.absolutePath, MAX_FILE_BYTES);
    const sidecar = file.sidecarPath ? readAtMost(file.sidecarPath, MAX_FILE_BYTES) : { bytes: new Uint8Array() };
    if ('tooLarge' in transcript || 'tooLarge' in sidecar) return '';
    // latin1 maps bytes 1:1 to code units, so the digest sees the exact bytes whatever the encoding.
    const latin1 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    return generateDigest(`${core}\u0000${file.sidecarPath ? 'sidecar' : 'alone'}\u0000${latin1(transcript.bytes)}\u0000${latin1(sidecar.bytes)}`);
  } catch {
    return ''; // ingestFile reports the unreadable file
  }
}

function readCache(raw: string | undefined): Cache {
  if (!raw) return { files: {} };
  try {
    const parsed = JSON.parse(raw) as Partial<Cache>;
    return { files: parsed.files && typeof parsed.files === 'object' ? parsed.files : {} };
  } catch {
    return { files: {} }; // a damaged cache only costs a full re-ingest
  }
}
