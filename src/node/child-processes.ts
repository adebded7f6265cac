/**
 * The child processes a build has running (astro build, the corpus phase,
 * search shards), so that an interrupted build can end them all: a child
 * busy with synchronous work does not notice its parent is gone until it
 * has finished, and a SIGTERM sent to the build alone (a cancelled CI job)
 * reaches no child.
 */
import type { ChildProcess } from 'node:child_process';

const running = new Set<ChildProcess>();

/** Keep `child` until it exits; returns it. */
export function tracked<T extends ChildProcess>(child: T): T {
  running.add(child);
  child.once('exit', () => running.delete(child));
  child.once('error', () => running.delete(child));
  return child;
}

/** Ask every tracked child that is still running to end (SIGTERM). */
export function endChildren(): void {
  for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill();
}
