/**
 * The topic index's second thread (see second-thread.ts): works each episode
 * it is sent, in order, with the matcher last set up, and answers on its
 * port with the episode's part (or an error). Shared counters: [0] set to 1
 * once ready (the tagger loaded, for a worker that tags), [1] counts the
 * answers posted.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { PhraseTable } from './discover/phrase-table.ts';
import { passMatcher, workEpisode } from './second-thread.ts';
import type { PassMatcher, WorkerMessage } from './second-thread.ts';

const { state, port, tagger } = workerData as { state: SharedArrayBuffer; port: MessagePort; tagger: boolean };
const flags = new Int32Array(state);
let failed = false;
let matcher: PassMatcher | undefined;

function answer(message: unknown): void {
  port.postMessage(message);
  Atomics.add(flags, 1, 1);
  Atomics.notify(flags, 1);
}

try {
  // A worker that tags loads the tagger's model before saying ready.
  if (tagger) new PhraseTable().add('A word.', false);
  Atomics.store(flags, 0, 1);
  Atomics.notify(flags, 0);
} catch (error) {
  failed = true;
  answer({ error: error instanceof Error ? error.message : String(error) });
}

parentPort?.on('message', (message: WorkerMessage) => {
  if (failed) return;
  try {
    if (message.kind === 'matcher') matcher = passMatcher(message.spec);
    else answer({ index: message.index, part: workEpisode(message.pass, message.speech, matcher) });
  } catch (error) {
    failed = true;
    answer({ error: error instanceof Error ? error.message : String(error) });
  }
});
