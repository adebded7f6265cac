/**
 * The site config on disk: `<content>/site.yml` read and validated
 * (src/config/read-site-config.ts), local show artwork checked, the command
 * line's `--base` and `--site` applied over the file. A missing file is the
 * default site. A build resolves it once and hands the result to `astro
 * build` as a JSON file (`VERBATIM_CONFIG`); `astro dev` reads the YAML.
 */
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { extname, isAbsolute, join, relative, resolve } from 'node:path';
import { keyName, readSiteConfig } from '../config/read-site-config.ts';
import type { SiteConfigRead } from '../config/read-site-config.ts';
import { defaultSiteConfig } from '../config/site-config.ts';
import type { ResolvedShow, SiteConfig } from '../config/site-config.ts';
import { normalizeBase } from '../site/base-path.ts';
import { diagnostic, Diagnostics } from '../transcript/diagnostics.ts';
import { decodeTextFile } from '../transcript/source-text.ts';
import type { Diagnostic } from '../transcript/diagnostics.ts';
import { contentDir } from './content-dirs.ts';
import { displayPath } from './episode-folder.ts';

/** The config file's name in the content folder. */
export const SITE_CONFIG_FILE = 'site.yml';
/** Largest config file read: a config is a few dozen lines. */
const MAX_CONFIG_BYTES = 1024 * 1024;
/** Largest artwork file published. */
export const MAX_ARTWORK_BYTES = 5 * 1024 * 1024;

/** What the command line may set over the file. */
export interface SiteConfigOverrides {
  base?: string;
  site?: string;
}

export interface LoadedSiteConfig {
  config: SiteConfig;
  /** The file's problems, in file order; empty when the file is absent. */
  diagnostics: Diagnostic[];
  /** The file as named in diagnostics. */
  file: string;
  /** The validated text, when the file was read: to place later problems (`unknownShows`). */
  read: SiteConfigRead | null;
}

/** Read `<content>/site.yml`; never throws (an unreadable file is a diagnostic, and the defaults apply). */
export function loadSiteConfig(content: string, overrides: SiteConfigOverrides = {}, cwd = process.cwd()): LoadedSiteConfig {
  const path = join(content, SITE_CONFIG_FILE);
  const file = displayPath(resolve(path), cwd);
  const diagnostics: Diagnostic[] = [];
  let read: SiteConfigRead | null = null;
  let config = defaultSiteConfig();
  let text: string | undefined;
  try {
    const size = statSync(path).size;
    if (size > MAX_CONFIG_BYTES) diagnostics.push(diagnostic('file-too-large', file, 1, 1, { size, limit: MAX_CONFIG_BYTES }));
    else {
      const decoding = new Diagnostics(file);
      text = decodeTextFile(readFileSync(path), decoding);
      diagnostics.push(...decoding.list);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') diagnostics.push(diagnostic('file-unreadable', file, 1, 1, { reason: reason(error) }));
  }
  if (text !== undefined) {
    read = readSiteConfig({ file, text });
    diagnostics.push(...read.diagnostics);
    const shows: Record<string, ResolvedShow> = {};
    for (const [name, show] of Object.entries(read.config.shows)) {
      const resolved: ResolvedShow = {};
      if (show.description !== undefined) resolved.description = show.description;
      if (show.colour !== undefined) resolved.colour = show.colour.toLowerCase();
      if (show.artwork !== undefined) {
        const artwork = resolveArtwork(show.artwork, resolve(content));
        if ('problem' in artwork) {
          const at = read.locate(['shows', name, 'artwork']);
          diagnostics.push(diagnostic('config-invalid', file, at.line, at.column, { key: keyName(['shows', name, 'artwork']), detail: artwork.problem }));
        } else {
          resolved.artwork = artwork;
        }
      }
      shows[name] = resolved;
    }
    config = { ...read.config, site: read.config.site ?? null, base: normalizeBase(read.config.base), shows };
    if (config.site) config.site = config.site.replace(/\/+$/, '');
  }
  if (overrides.base !== undefined) config.base = normalizeBase(overrides.base);
  if (overrides.site !== undefined) config.site = overrides.site;
  diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  return { config, diagnostics, file, read };
}

/** `config-show-unknown` for each show the config describes that no episode has. */
export function unknownShows(loaded: LoadedSiteConfig, showNames: readonly string[]): Diagnostic[] {
  if (!loaded.read) return [];
  const known = new Set(showNames);
  const list = [...known].slice(0, 6).map((n) => `"${n}"`).join(', ') + (known.size > 6 ? ', …' : '');
  return Object.keys(loaded.config.shows)
    .filter((name) => !known.has(name))
    .map((name) => {
      const at = loaded.read?.locate(['shows', name]) ?? { line: 1, column: 1 };
      return diagnostic('config-show-unknown', loaded.file, at.line, at.column, { name, known: list || 'there are no episodes yet' });
    });
}

/** Image files artwork may be, by extension, with the bytes each starts with. */
const imageTypes: Record<string, (head: Buffer) => boolean> = {
  '.png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  '.jpg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  '.jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  '.gif': (b) => b.subarray(0, 4).toString('latin1') === 'GIF8',
  '.webp': (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  '.avif': (b) => b.subarray(4, 8).toString('latin1') === 'ftyp' && /^avi[fs]$/.test(b.subarray(8, 12).toString('latin1')),
};

/**
 * An https URL (its host checked so its origin is safe to name in a CSP), or
 * an image file inside the content folder whose bytes match its extension.
 * SVG is refused: opened on its own, an SVG file runs its scripts.
 */
function resolveArtwork(value: string, content: string): { url: string } | { file: string; extension: string } | { problem: string } {
  if (/^[a-z][a-z0-9+.-]*:/i.test(value)) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return { problem: `cannot read "${value}" as a URL` };
    }
    if (url.protocol !== 'https:') return { problem: `only https:// URLs are allowed (found ${url.protocol}); use an https:// URL or a file in the content folder` };
    if (!/^[a-z0-9.-]+$/i.test(url.hostname)) return { problem: `the host "${url.hostname}" has characters a host name cannot have` };
    return { url: url.href };
  }
  const path = resolve(content, value);
  const inside = relative(content, path);
  if (inside.startsWith('..') || isAbsolute(inside)) return { problem: `"${value}" is outside the content folder; put the image in it and give its path from there` };
  const extension = extname(path).toLowerCase();
  const matches = imageTypes[extension];
  if (!matches) return { problem: `"${value}" is not a PNG, JPEG, GIF, WebP or AVIF file (by its extension)${extension === '.svg' ? '; SVG is not published, because an SVG opened on its own can run scripts' : ''}` };
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return { problem: `"${value}" is not a file` };
    size = stat.size;
  } catch {
    return { problem: `no file "${value}" in the content folder` };
  }
  if (size > MAX_ARTWORK_BYTES) return { problem: `"${value}" is ${size} bytes, over the limit of ${MAX_ARTWORK_BYTES}; make it smaller` };
  const head = Buffer.alloc(16);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (!matches(head)) return { problem: `"${value}" does not hold ${extension.slice(1).toUpperCase()} image data; save it as an image of the type its extension names` };
  return { file: path, extension: extension === '.jpeg' ? '.jpg' : extension };
}

/**
 * The config of the site being rendered: the resolved file a build hands to
 * `astro build` (`VERBATIM_CONFIG`), else `<content>/site.yml` read now.
 */
export function currentSiteConfig(env: NodeJS.ProcessEnv = process.env): LoadedSiteConfig {
  const resolved = env.VERBATIM_CONFIG;
  if (resolved) return { config: JSON.parse(readFileSync(resolved, 'utf8')) as SiteConfig, diagnostics: [], file: resolved, read: null };
  return loadSiteConfig(contentDir(env));
}

/** What astro.config.mjs takes from the config. */
export interface AstroSiteSettings {
  /** Astro's `site`: the origin, or the dev server's when none is configured. */
  site: string;
  base: string;
  /** Origins of artwork URLs, for the CSP's `img-src`. */
  imageOrigins: string[];
}

export function astroSettings(config: SiteConfig): AstroSiteSettings {
  const origins = new Set<string>();
  for (const show of Object.values(config.shows)) if (show.artwork && 'url' in show.artwork) origins.add(new URL(show.artwork.url).origin);
  return { site: config.site ?? 'http://localhost:4321', base: config.base, imageOrigins: [...origins].sort() };
}

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));
