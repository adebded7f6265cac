/**
 * The tagging worker (see tagger.ts): tags each episode it is sent, in
 * order, and answers on its port with the episode's part (or an error).
 * Shared counters: [0] set to 1 when the tagger is loaded, [1] counts the
 * answers posted.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { PhraseTable } from './phrase-table.ts';
import { tagEpisode } from './tagger.ts';

const { state, port } = workerData as { state: SharedArrayBuffer; port: MessagePort };
const flags = new Int32Array(state);
let failed = false;

function answer(message: unknown): void {
  port.postMessage(message);
  Atomics.add(flags, 1, 1);
  Atomics.notify(flags, 1);
}

try {
  // Load the tagger's model before saying ready.
  new PhraseTable().add('A word.', false);
  Atomics.store(flags, 0, 1);
  Atomics.notify(flags, 0);
} catch (error) {
  failed = true;
  answer({ error: error instanceof Error ? error.message : String(error) });
}

parentPort?.on('message', (message: { index: number; texts: string[]; lowercase: boolean[] }) => {
  if (failed) return;
  try {
    answer({ index: message.index, part: tagEpisode(message.texts, message.lowercase) });
  } catch (error) {
    failed = true;
    answer({ error: error instanceof Error ? error.message : String(error) });
  }
});
