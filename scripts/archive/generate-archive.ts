/**
 * Generates a realistic transcript archive of any size for the scale
 * benchmark: many shows in mixed formats, most transcripts with a sidecar,
 * recurring hosts and guests, a vocabulary that grows with the archive
 * (names, rare words, companies, misheard spellings). Deterministic: the same
 * size and seed give byte-identical files.
 *
 *   node scripts/archive/generate-archive.ts --episodes N --out DIR [--seed S]
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeSidecar, writeTranscript } from './formats.ts';
import { planArchive } from './plan.ts';
import type { ArchiveFormat, ArchivePlan, EpisodePlan } from './plan.ts';
import { converse } from './speech.ts';

export interface ArchiveSummary {
  episodes: number;
  shows: number;
  files: number;
  bytes: number;
  words: number;
  formats: Partial<Record<ArchiveFormat, number>>;
}

/** The transcript and sidecar text of one episode (`edited`: with the benchmark's one-sentence edit). */
export function episodeFiles(plan: ArchivePlan, episode: EpisodePlan, { edited = false } = {}): { transcript: string; sidecar: string | null; words: number } {
  const conversation = converse(plan, episode, { edited });
  let words = 0;
  for (const turn of conversation.turns) for (const s of turn.sentences) words += s.split(' ').length;
  return { transcript: writeTranscript(episode, conversation), sidecar: writeSidecar(episode, conversation), words };
}

/** Write the whole archive into `dir` (emptied first). */
export function writeArchive(dir: string, count: number, seed = 1): ArchiveSummary {
  const plan = planArchive(count, seed);
  rmSync(dir, { recursive: true, force: true });
  const summary: ArchiveSummary = { episodes: count, shows: plan.shows.length, files: 0, bytes: 0, words: 0, formats: {} };
  for (const episode of plan.episodes) {
    const files = episodeFiles(plan, episode);
    const path = join(dir, episode.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, files.transcript);
    summary.files++;
    summary.bytes += Buffer.byteLength(files.transcript);
    summary.words += files.words;
    summary.formats[episode.format] = (summary.formats[episode.format] ?? 0) + 1;
    if (files.sidecar !== null) {
      writeFileSync(sidecarPath(path), files.sidecar);
      summary.files++;
      summary.bytes += Buffer.byteLength(files.sidecar);
    }
  }
  return summary;
}

/** Rewrite one episode's transcript with the one-sentence edit; returns its path. */
export function editEpisode(dir: string, count: number, index: number, seed = 1): string {
  const plan = planArchive(count, seed);
  const episode = plan.episodes[index];
  if (!episode) throw new Error(`no episode ${index} in an archive of ${count}`);
  const path = join(dir, episode.path);
  writeFileSync(path, episodeFiles(plan, episode, { edited: true }).transcript);
  return path;
}

const sidecarPath = (path: string) => path.replace(/\.[^./]+$/, '.yml');

if (import.meta.main) {
  const { values } = parseArgs({
    options: { episodes: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string', default: '1' } },
  });
  const count = Number(values.episodes);
  if (!Number.isInteger(count) || count < 1 || !values.out) {
    process.stderr.write('usage: node scripts/archive/generate-archive.ts --episodes N --out DIR [--seed S]\n');
    process.exit(2);
  }
  const started = performance.now();
  const summary = writeArchive(values.out, count, Number(values.seed));
  process.stderr.write(
    `${summary.episodes} episodes in ${summary.shows} shows: ${summary.files} files, ${(summary.bytes / 1e6).toFixed(1)} MB, ` +
      `${(summary.words / 1e6).toFixed(2)} M words, formats ${JSON.stringify(summary.formats)} (${((performance.now() - started) / 1000).toFixed(1)} s)\n`,
  );
}
