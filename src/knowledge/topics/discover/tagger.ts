/**
 * Tagging, the slowest part of discovery, shared with a second thread: each
 * episode's paragraphs are tagged into a part of their own (a phrase
 * table, phrase-table.ts), here or in one worker (tagger-worker.ts). Once
 * the text to tag is large enough to repay starting the worker
 * (WORKER_AFTER_CHARS), episodes go to it while it has fewer than
 * MAX_IN_FLIGHT waiting, and are tagged here otherwise, so both threads
 * stay busy and memory stays bounded. Parts are handed on strictly in
 * episode order, whoever tagged them (or when they came from a cache), so
 * the counts are those of one thread tagging everything: the output never
 * depends on the worker. The index stays synchronous: waiting uses
 * Atomics.wait on a shared counter and answers are read with
 * receiveMessageOnPort. Where no worker can start (a bundle without the
 * worker file, a platform without threads), all tagging stays here.
 */
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { PhraseTable } from './phrase-table.ts';
import type { PhrasePart } from './phrase-table.ts';

/** Text tagged in this thread before a worker is started (about 40 episodes of an hour). */
export const WORKER_AFTER_CHARS = 4_000_000;
/**
 * Episodes the worker may have waiting; past that, this thread tags the next
 * one itself. This thread also reads and counts every episode, so the worker
 * should rarely run dry: at 1,000 episodes, 4 took the index from 31.3 to
 * 29.6 s against 2 (medians of three, taken in turns), and 8 did no better.
 */
const MAX_IN_FLIGHT = 4;
/** How long a worker may take to load the tagger before tagging stays here. */
const START_MS = 15_000;

/** Tag one episode's paragraphs into a part. */
export function tagEpisode(texts: readonly string[], lowercase: readonly boolean[]): PhrasePart {
  const table = new PhraseTable();
  texts.forEach((text, i) => table.add(text, lowercase[i] ?? false));
  return table.part();
}

export class Tagger {
  readonly #useWorker: boolean;
  readonly #afterChars: number;
  /** Receives each episode's part, in episode order. */
  readonly #deliver: (index: number, part: PhrasePart) => void;
  #worker: Worker | undefined;
  #port: MessagePort | undefined;
  /** Shared counters: [0] 1 once the worker is ready, [1] answers posted. */
  #flags: Int32Array | undefined;
  #failed = false;
  #chars = 0;
  /** Episodes sent to the worker, and answers read. */
  #sent = 0;
  #received = 0;
  /** The next episode to deliver, and parts waiting for an earlier one. */
  #next = 0;
  readonly #ready = new Map<number, PhrasePart>();
  /** Episodes tagged, here and in the worker. */
  tagged = { here: 0, worker: 0 };

  /**
   * `deliver` gets every episode's part in episode order; `useWorker` false
   * keeps all tagging in this thread; `afterChars` is when the worker
   * starts (tests start it early).
   */
  constructor(deliver: (index: number, part: PhrasePart) => void, useWorker = true, afterChars = WORKER_AFTER_CHARS) {
    this.#deliver = deliver;
    this.#useWorker = useWorker;
    this.#afterChars = afterChars;
  }

  /** True once episodes go to the worker. */
  get threaded(): boolean {
    return this.#worker !== undefined;
  }

  /** Tag episode `index` (episodes are given in order, each once, by `tag` or `put`). */
  tag(index: number, texts: string[], lowercase: boolean[]): void {
    if (!this.#worker && !this.#failed && this.#useWorker && this.#chars >= this.#afterChars) this.#start();
    for (const t of texts) this.#chars += t.length;
    this.#poll();
    if (this.#worker && this.#sent - this.#received < MAX_IN_FLIGHT) {
      this.#worker.postMessage({ index, texts, lowercase });
      this.#sent++;
      this.tagged.worker++;
      return;
    }
    this.tagged.here++;
    this.put(index, tagEpisode(texts, lowercase));
  }

  /** The part of episode `index`, made elsewhere (a cache). */
  put(index: number, part: PhrasePart): void {
    this.#ready.set(index, part);
    this.#hand();
  }

  /** Wait for every part still being tagged; afterwards no worker is running. */
  finish(): void {
    const flags = this.#flags;
    while (this.#worker && flags && this.#received < this.#sent) {
      const posted = Atomics.load(flags, 1);
      this.#poll();
      if (this.#received < this.#sent && posted === Atomics.load(flags, 1)) Atomics.wait(flags, 1, posted, 1000);
    }
    if (this.#worker) {
      void this.#worker.terminate();
      this.#port?.close();
      this.#worker = undefined;
    }
    this.#hand();
  }

  /** Read the worker's answers that are in. */
  #poll(): void {
    const port = this.#port;
    if (!port) return;
    for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) {
      const answer = m.message as { index?: number; part?: PhrasePart; error?: string };
      if (answer.error !== undefined || answer.index === undefined || !answer.part) throw new Error(`topic discovery: the tagging worker failed: ${answer.error ?? 'no answer'}`);
      this.#received++;
      this.#ready.set(answer.index, answer.part);
    }
    this.#hand();
  }

  /** Deliver the parts that are next in order. */
  #hand(): void {
    for (let part = this.#ready.get(this.#next); part; part = this.#ready.get(this.#next)) {
      this.#ready.delete(this.#next);
      this.#deliver(this.#next++, part);
    }
  }

  #start(): void {
    try {
      const state = new SharedArrayBuffer(8);
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
}
