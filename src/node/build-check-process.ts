/**
 * Child process entry for the build's first phase (build-check.ts): takes
 * its input as the first message, sends progress lines and then its result.
 * A process of its own rather than a worker thread: when a process ends, all
 * of its memory (a gigabyte or more for a large archive) is back at once,
 * while a worker's stayed with the build's process for seconds after it
 * ended, beside astro build and the search shards.
 */
import { checkForBuild } from './build-check.ts';
import type { BuildCheckInput } from './build-check.ts';

// The build is gone (killed): nobody to report to.
process.once('disconnect', () => process.exit(1));
process.once('message', (input: BuildCheckInput) => {
  const send = (message: unknown) => new Promise<void>((done) => process.send?.(message, undefined, {}, () => done()));
  let message: unknown;
  // Tidying up (the last build's topic index) waits until the result is sent: the build goes on meanwhile.
  const later: Array<() => void> = [];
  try {
    message = { result: checkForBuild(input, (line) => void send({ log: line }), (task) => later.push(task)) };
  } catch (error) {
    message = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  void send(message).then(() => {
    for (const task of later) {
      try {
        task();
      } catch {
        // A folder left behind takes space; nothing reads it.
      }
    }
    process.disconnect();
  });
});
