/**
 * Hard links between the build's caches and the site: a cached file is
 * published without being copied, and stays valid when the cache entry it
 * came from is removed.
 */
import { copyFileSync, linkSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Hard-link every file of `from` into `to`, except the names `skip` holds; returns how many. */
export function linkTree(from: string, to: string, skip: ReadonlySet<string> = new Set()): number {
  mkdirSync(to, { recursive: true });
  let linked = 0;
  for (const name of readdirSync(from)) {
    if (skip.has(name)) continue;
    const source = join(from, name);
    const dest = join(to, name);
    if (statSync(source).isDirectory()) linked += linkTree(source, dest, skip);
    else {
      linkFile(source, dest);
      linked++;
    }
  }
  return linked;
}

/** Hard-link `source` as `dest`, replacing a file of that name; a copy where links cannot cross file systems. */
function linkFile(source: string, dest: string): void {
  try {
    linkSync(source, dest);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return copyFileSync(source, dest);
    rmSync(dest, { force: true });
    try {
      linkSync(source, dest);
    } catch {
      copyFileSync(source, dest);
    }
  }
}
