/**
 * Absolute URLs for files other sites and apps read (feed, sitemap, index,
 * structured data): the configured `site` origin joined with the base-aware
 * paths of routes.ts, and the links to an episode's transcript downloads.
 */
import type { Routes } from '../site/routes.ts';
import { exportsOf } from './formats.ts';
import type { Exportable } from './formats.ts';
import type { ExportId, TranscriptExport } from './formats.ts';

export interface SiteLinks {
  routes: Routes;
  /** The deployed origin (Astro's `site`, without the base path). */
  site: URL;
  /** The transcript downloads the site publishes (the site config's `exports`; default all). */
  published?: readonly ExportId[];
}

/** `path` (already under the base, e.g. from `routes`) as an absolute URL. */
export function absolute(links: SiteLinks, path: string): string {
  return new URL(path, links.site).href;
}

/** Path of an episode's export: `/episodes/<slug>/transcript.vtt`. */
export function exportPath(routes: Routes, episode: Pick<Exportable, 'slug'>, format: TranscriptExport): string {
  return `${routes.episode(episode.slug)}${format.file}`;
}

export interface ExportLink {
  id: ExportId;
  label: string;
  description: string;
  href: string;
  /** Suggested file name for the `download` attribute: `<slug>.vtt`. */
  download: string;
}

/** The download links an episode offers, with site-relative hrefs. */
export function exportLinks(routes: Routes, episode: Exportable, published?: readonly ExportId[]): ExportLink[] {
  return exportsOf(episode, published).map((format) => ({
    id: format.id,
    label: format.label,
    description: format.description,
    href: exportPath(routes, episode, format),
    download: `${episode.slug}${format.extension}`,
  }));
}

/** Links for this build: `site` from the Astro config, else the origin the page was rendered for. */
export function siteLinks(routes: Routes, site: URL | undefined, requestUrl: URL, published?: readonly ExportId[]): SiteLinks {
  return { routes, site: site ?? new URL(requestUrl.origin), ...(published ? { published } : {}) };
}
