/** The last lines a child process printed, kept to explain its failure. */
import type { ChildProcess } from 'node:child_process';

/** Collect the last `max` non-blank lines of `child`'s stdout and stderr (piped) into the returned array, as they come. */
export function outputTail(child: ChildProcess, max = 20): string[] {
  const tail: string[] = [];
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) tail.push(line);
    tail.splice(0, Math.max(0, tail.length - max));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return tail;
}
