/**
 * Which content problems the dev server's banners show (DevDiagnostics):
 * on an episode page, those of its transcript and sidecar; on every page,
 * the site config's and any error elsewhere, since one error anywhere stops
 * a build.
 */
import type { EpisodeMeta } from '../corpus/summary.ts';
import type { Diagnostic } from '../transcript/diagnostics.ts';
import { contentDiagnostics, siteConfigFile } from './knowledge.ts';

/** Most problems a site-wide banner lists; the rest are counted. */
export const SITE_WIDE_LIMIT = 12;

/** Problems of the files an episode is read from: the transcript and its `.yml`/`.yaml` sidecar. */
export function episodeProblems(episode: Pick<EpisodeMeta, 'source'>): Diagnostic[] {
  const transcript = episode.source.file;
  const stem = transcript.replace(/\.[^./\\]*$/, '');
  return contentDiagnostics().filter((d) => d.file === transcript || (/\.ya?ml$/i.test(d.file) && d.file.replace(/\.ya?ml$/i, '') === stem));
}

/** The site config's problems and every error, leaving out those the page lists itself. */
export function siteWideProblems(onPage: readonly Diagnostic[]): { shown: Diagnostic[]; more: number } {
  const config = siteConfigFile();
  const own = new Set(onPage);
  const all = contentDiagnostics().filter((d) => !own.has(d) && (d.file === config || d.severity === 'error'));
  return { shown: all.slice(0, SITE_WIDE_LIMIT), more: Math.max(0, all.length - SITE_WIDE_LIMIT) };
}
