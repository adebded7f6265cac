/**
 * The topic index's parts on disk (`<cacheDir>/topic-parts/`): what each
 * episode contributed to each pass of the last build (see
 * knowledge/topics/parts.ts), so that after one transcript changes only
 * that episode is read again. File names add the topic code's fingerprint
 * to the index's keys, so parts written by other code are never read. The
 * store remembers the names it used; `prune` deletes those the corpus used
 * last time and no longer does.
 */
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TopicPartCache } from '../knowledge/topics/parts.ts';
import { writeFileAtomic } from './atomic-write.ts';

export class TopicPartStore implements TopicPartCache {
  readonly #dir: string;
  readonly #code: string;
  /** File names read or written in this run. */
  readonly used = new Set<string>();

  constructor(cacheDir: string, code: string) {
    this.#dir = join(cacheDir, 'topic-parts');
    this.#code = code;
  }

  get(key: string): Uint8Array | undefined {
    const name = this.#name(key);
    try {
      const bytes = readFileSync(join(this.#dir, name));
      this.used.add(name);
      return bytes;
    } catch {
      return undefined; // not there (or unreadable): the part is made again
    }
  }

  set(key: string, bytes: Uint8Array): void {
    const name = this.#name(key);
    writeFileAtomic(join(this.#dir, name), bytes);
    this.used.add(name);
  }

  keep(key: string): void {
    this.used.add(this.#name(key));
  }

  forget(key: string): void {
    this.used.delete(this.#name(key));
  }

  /** Delete the parts of `previous` (names from an earlier run) not used in this one. */
  prune(previous: readonly string[]): void {
    for (const name of previous) if (!this.used.has(name)) rmSync(join(this.#dir, name), { force: true });
  }

  #name(key: string): string {
    const pass = /^[a-z]+/.exec(key)?.[0] ?? 'part';
    return `${pass}-${createHash('sha256').update(`${this.#code}\u0000${key}`).digest('hex').slice(0, 40)}.vtp`;
  }
}
