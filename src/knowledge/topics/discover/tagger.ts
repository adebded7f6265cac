/**
 * Tagging, the slowest part of discovery, on a second thread: paragraphs
 * are tagged here until the corpus is large enough to repay starting a
 * worker (WORKER_AFTER_CHARS), then sent to one worker (tagger-worker.ts)
 * in batches while this thread goes on with the rest of the first pass.
 * The worker tags the paragraphs in the order sent and its table merges
 * after this thread's (phrase-table.ts), so the counts are those of one
 * thread tagging everything: the output never depends on the worker. The
 * index stays synchronous: waiting uses Atomics.wait on shared flags and
 * the answer is read with receiveMessageOnPort. Where no worker can start
 * (a bundle without the worker file, a platform without threads), all
 * tagging stays here.
 */
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { PhraseTable } from './phrase-table.ts';
import type { Phrase } from './phrase-table.ts';

/** Text tagged in this thread before a worker is started (about 40 episodes of an hour). */
export const WORKER_AFTER_CHARS = 4_000_000;
/** Characters sent to the worker at a time. */
const BATCH_CHARS = 200_000;
/** Batches the worker may have waiting before this thread waits for it: memory stays bounded. */
const MAX_BACKLOG = 8;
/** How long a worker may take to load the tagger before tagging stays here. */
const START_MS = 15_000;

export class Tagger {
  readonly #local = new PhraseTable();
  readonly #useWorker: boolean;
  readonly #afterChars: number;
  #worker: Worker | undefined;
  #port: MessagePort | undefined;
  #flags: Int32Array | undefined;
  #failed = false;
  #chars = 0;
  #sent = 0;
  #texts: string[] = [];
  #lowercase: boolean[] = [];
  #batchChars = 0;

  /** `useWorker` false keeps all tagging in this thread; `afterChars` is when the worker starts (tests start it early). */
  constructor(useWorker = true, afterChars = WORKER_AFTER_CHARS) {
    this.#useWorker = useWorker;
    this.#afterChars = afterChars;
  }

  /** True once paragraphs go to the worker. */
  get threaded(): boolean {
    return this.#worker !== undefined;
  }

  /** Tag one paragraph (here or in the worker). */
  add(text: string, lowercase: boolean): void {
    if (!this.#worker && !this.#failed && this.#useWorker && this.#chars >= this.#afterChars) this.#start();
    this.#chars += text.length;
    if (!this.#worker) {
      this.#local.add(text, lowercase);
      return;
    }
    this.#texts.push(text);
    this.#lowercase.push(lowercase);
    this.#batchChars += text.length;
    if (this.#batchChars >= BATCH_CHARS) this.#flush();
  }

  /** Every paragraph's phrases, once all are added. */
  finish(): { phrases: Map<string, Phrase>; adjectives: Map<string, number> } {
    const worker = this.#worker;
    const flags = this.#flags;
    const port = this.#port;
    if (worker && flags && port) {
      this.#flush();
      worker.postMessage({ done: true });
      while (Atomics.load(flags, 2) === 0) Atomics.wait(flags, 2, 0, 1000);
      const answer = receiveMessageOnPort(port)?.message as { phrases?: Map<string, Phrase>; adjectives?: Map<string, number>; error?: string } | undefined;
      void worker.terminate();
      port.close();
      this.#worker = undefined;
      if (!answer || answer.error !== undefined || !answer.phrases || !answer.adjectives) throw new Error(`topic discovery: the tagging worker failed: ${answer?.error ?? 'no answer'}`);
      this.#local.merge({ phrases: answer.phrases, adjectives: answer.adjectives });
    }
    return this.#local;
  }

  #start(): void {
    try {
      const state = new SharedArrayBuffer(12);
      const flags = new Int32Array(state);
      const { port1, port2 } = new MessageChannel();
      const worker = new Worker(new URL('./tagger-worker.ts', import.meta.url), { workerData: { state, port: port2 }, transferList: [port2] });
      worker.unref();
      worker.on('error', () => undefined); // a worker that cannot start is noticed below; nothing was sent to it
      Atomics.wait(flags, 0, 0, START_MS);
      if (Atomics.load(flags, 0) !== 1) {
        void worker.terminate();
        port1.close();
        this.#failed = true;
        return;
      }
      this.#worker = worker;
      this.#port = port1;
      this.#flags = flags;
    } catch {
      this.#failed = true;
    }
  }

  #flush(): void {
    const worker = this.#worker;
    const flags = this.#flags;
    if (!worker || !flags || this.#texts.length === 0) return;
    // Wait while the worker is far behind, so waiting text stays a few batches.
    for (let done = Atomics.load(flags, 1); this.#sent - done >= MAX_BACKLOG && Atomics.load(flags, 2) === 0; done = Atomics.load(flags, 1)) {
      Atomics.wait(flags, 1, done, 1000);
    }
    worker.postMessage({ texts: this.#texts, lowercase: this.#lowercase });
    this.#sent++;
    this.#texts = [];
    this.#lowercase = [];
    this.#batchChars = 0;
  }
}
