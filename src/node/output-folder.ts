/**
 * Where a build may put the site. A build replaces its output folder whole
 * (src/node/site-build.ts swaps the new site in and deletes the old one), so
 * the folder must be one the site owns: not the project, the content, the
 * cache or Verbatim itself, nor a folder holding any of them; not inside the
 * episodes or topics folders, which the next build would read, nor the
 * cache, which builds prune; and, when it already exists, either empty or a
 * site an earlier build wrote. A symbolic link is followed: the folder it
 * points to is checked and replaced, and the link kept.
 */
import { existsSync, lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** Folders a build must never replace, each with what it is (for the message). */
export interface KeptFolders {
  content: string;
  episodes: string;
  topics: string | null;
  cache: string;
  /** The working directory the build runs in (the project). */
  project: string;
  /** Where Verbatim's own code is installed. */
  install: string;
}

/** A folder an earlier build wrote: its home page and its search index. */
export function isBuiltSite(dir: string): boolean {
  return existsSync(join(dir, 'index.html')) && existsSync(join(dir, 'pagefind', 'pagefind-entry.json'));
}

/**
 * The folder a build writes for `out`: where a symbolic link points (the
 * build replaces that folder, and the link goes on pointing at the new
 * site), else `out` itself. Absolute.
 */
export function outputFolder(out: string): string {
  return real(out);
}

/** Why `out` may not be a build's output folder, or undefined when it may. */
export function outputProblem(out: string, kept: KeptFolders): string | undefined {
  if (isLink(out) && !existsSync(out)) return `--out ${out} is a symbolic link to nothing: point it at a folder, or remove it`;
  const target = real(out);
  const named: [string, string | null][] = [
    ['the project folder', kept.project],
    ["Verbatim's own folder", kept.install],
    ['the content folder', kept.content],
    ['the episodes folder', kept.episodes],
    ['the topics folder', kept.topics],
    ['the cache folder', kept.cache],
  ];
  for (const [what, folder] of named) {
    if (folder === null) continue;
    const kept = real(folder);
    if (within(kept, target)) return `--out ${out} would replace ${kept === target ? what : `${what} inside it`} (${folder}): choose a folder of its own, like dist`;
  }
  for (const [what, folder, why] of [
    ['the episodes folder', kept.episodes, 'whose files the next build would read'],
    ['the topics folder', kept.topics, 'whose files the next build would read'],
    ['the cache folder', kept.cache, 'which builds prune'],
  ] as const) {
    if (folder !== null && within(target, real(folder))) return `--out ${out} is inside ${what} (${folder}), ${why}: choose a folder outside it, like dist`;
  }
  if (!existsSync(target)) return undefined;
  if (!statSync(target).isDirectory()) return `--out ${out} is a file, not a folder: choose a folder for the site, like dist`;
  if (readdirSync(target).length > 0 && !isBuiltSite(target)) {
    return `--out ${out} is a folder that holds other files, not a site an earlier build wrote: the build replaces it whole, so empty it, remove it or choose another folder`;
  }
  return undefined;
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** True when `inner` is `outer` or inside it. */
function within(inner: string, outer: string): boolean {
  const path = relative(outer, inner);
  return path === '' || (path !== '..' && !path.startsWith(`..${sep}`) && !isAbsolute(path));
}

/** The real path of `path`, through symbolic links, for a path that may not exist yet (its nearest existing folder's real path, then the rest). */
function real(path: string): string {
  const absolute = resolve(path);
  const rest: string[] = [];
  let at = absolute;
  for (;;) {
    try {
      return join(realpathSync(at), ...rest.reverse());
    } catch {
      const up = dirname(at);
      if (up === at) return absolute;
      rest.push(basename(at));
      at = up;
    }
  }
}
