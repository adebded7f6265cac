/**
 * A fingerprint of the transcript core's source code, so that entries cached
 * in Astro's data store (which survives between builds) are re-ingested
 * after the parsers change, not only after the transcripts do.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Folders whose code decides what an episode looks like. */
const coreFolders = ['../transcript/', '../node/'];

/** Digest of every source file of the core; a constant when the sources cannot be read (bundled installs). */
export function coreFingerprint(digest: (text: string) => string): string {
  const parts: string[] = [];
  try {
    for (const folder of coreFolders) collect(fileURLToPath(new URL(folder, import.meta.url)), parts);
  } catch {
    return 'core-unreadable';
  }
  return digest(parts.join('\u0000'));
}

function collect(dir: string, parts: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) collect(path, parts);
    else if (/\.[cm]?[jt]s$/.test(entry.name)) parts.push(entry.name, readFileSync(path, 'utf8'));
  }
}
