/**
 * The tagging worker (see tagger.ts): fills a phrase table from the
 * paragraphs it is sent, in order, and answers `done` on its port with the
 * table (or an error). Shared flags: [0] set to 1 when the tagger is
 * loaded, [1] counts the batches tagged, [2] set to 1 when the answer is
 * on the port.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { PhraseTable } from './phrase-table.ts';

const { state, port } = workerData as { state: SharedArrayBuffer; port: MessagePort };
const flags = new Int32Array(state);
const table = new PhraseTable();
let failed = false;

function answer(message: unknown): void {
  port.postMessage(message);
  Atomics.store(flags, 2, 1);
  Atomics.notify(flags, 2);
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

parentPort?.on('message', (message: { texts?: string[]; lowercase?: boolean[]; done?: boolean }) => {
  if (failed) return;
  try {
    if (message.texts) {
      message.texts.forEach((text, i) => table.add(text, message.lowercase?.[i] ?? false));
      Atomics.add(flags, 1, 1);
      Atomics.notify(flags, 1);
    }
    if (message.done) answer({ phrases: table.phrases, adjectives: table.adjectives });
  } catch (error) {
    failed = true;
    answer({ error: error instanceof Error ? error.message : String(error) });
  }
});
