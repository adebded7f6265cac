/**
 * Hard links between the build's caches and the site: a cached file is
 * published without being copied, and stays valid when the cache entry it
 * came from is removed.
 */
import { cpSync, linkSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Hard-link every file of `from` into `to`, except the names `skip` holds (copy where links cannot cross file systems); returns how many. */
export function linkTree(from: string, to: string, skip: ReadonlySet<string> = new Set()): number {
  mkdirSync(to, { recursive: true });
  let linked = 0;
  for (const name of readdirSync(from)) {
    if (skip.has(name)) continue;
    const source = join(from, name);
    const dest = join(to, name);
    if (statSync(source).isDirectory()) linked += linkTree(source, dest, skip);
    else {
      try {
        linkSync(source, dest);
      } catch {
        cpSync(source, dest);
      }
      linked++;
    }
  }
  return linked;
}
