/**
 * Fingerprints of the code that decides what is cached, so a cache written
 * by other code is never read: an upgrade that changes a parser re-reads
 * every transcript, one that changes topic discovery rebuilds the topics.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Code that turns a transcript file into a cached episode and its summary. */
export const INGEST_CODE = ['../transcript/', '../corpus/', '../node/episode-folder.ts', '../knowledge/talk-time.ts', '../knowledge/words.ts', '../search/text.ts'];
/** Code that turns episodes into the topic index. */
export const TOPIC_CODE = ['../knowledge/topics/', '../markdown/'];

const memo = new Map<string, string>();

/** Digest of every source file under `paths` (relative to this folder); a constant when the sources cannot be read (bundled installs). */
export function codeFingerprint(paths: readonly string[]): string {
  const id = paths.join('\u0000');
  const known = memo.get(id);
  if (known !== undefined) return known;
  const hash = createHash('sha256');
  // Paths are relative to src/corpus/. Bundled into a build (astro build), this module is not there: then
  // the project's sources are looked for from the working directory, which is the project root for Astro.
  const here = fileURLToPath(new URL('.', import.meta.url));
  const base = existsSync(join(here, 'code-fingerprint.ts')) ? here : join(process.cwd(), 'src', 'corpus');
  try {
    for (const path of paths) collect(join(base, path), hash);
  } catch {
    return 'code-unreadable';
  }
  const digest = hash.digest('hex');
  memo.set(id, digest);
  return digest;
}

function collect(path: string, hash: ReturnType<typeof createHash>): void {
  if (!statSync(path).isDirectory()) {
    hash.update(`${path.split(/[\\/]/).slice(-2).join('/')}\u0000`).update(readFileSync(path));
    return;
  }
  for (const name of readdirSync(path).sort()) {
    const child = join(path, name);
    if (statSync(child).isDirectory()) collect(child, hash);
    else if (/\.[cm]?[jt]s$/.test(name)) collect(child, hash);
  }
}
