/**
 * The topic index's work on each episode, shared with a second thread. Each
 * of the index's three passes makes a part per episode from its speech
 * paragraphs alone: its noun phrases tagged (`tag`, discover/phrase-table.ts),
 * where the candidates could be mentioned (`lattice`, discover/lattice.ts),
 * every mention of the topics (`mentions`, mentions.ts); the last two with an
 * alias matcher set up for the pass. Once the text sent is large enough to
 * repay starting the worker (WORKER_AFTER_CHARS), episodes go to it while it
 * has fewer than MAX_IN_FLIGHT waiting, and are worked here otherwise, so
 * both threads stay busy and memory stays bounded. Within a pass, parts are
 * handed on strictly in episode order, whoever made them (or when they came
 * from a cache), so the index is the one a single thread makes: the output
 * never depends on the worker. The index stays synchronous: waiting uses
 * Atomics.wait on a shared counter and answers are read with
 * receiveMessageOnPort. Where no worker can start (a bundle without the
 * worker file, a platform without threads), all work stays here.
 */
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { AliasMatcher } from './alias-matcher.ts';
import type { AliasEntry } from './alias-matcher.ts';
import type { SpeechText } from './corpus.ts';
import { EpisodeLattice } from './discover/lattice.ts';
import type { LatticePart } from './discover/lattice.ts';
import { PhraseTable } from './discover/phrase-table.ts';
import type { PhrasePart } from './discover/phrase-table.ts';
import { findMentions } from './mentions.ts';
import type { MentionsPart } from './mentions.ts';
import { tokenize } from './words.ts';

/** Text worked in this thread before a worker is started (about 40 episodes of an hour). */
export const WORKER_AFTER_CHARS = 4_000_000;
/**
 * Episodes the worker may have waiting; past that, this thread works the
 * next one itself. This thread also reads and merges every episode, so the
 * worker should rarely run dry: at 1,000 episodes, 4 took the index from
 * 31.3 to 29.6 s against 2 (medians of three, taken in turns), and 8 did no
 * better.
 */
const MAX_IN_FLIGHT = 4;
/** How long a worker may take to start (and load the tagger, for tagging) before the work stays here. */
const START_MS = 15_000;

/** The part each pass makes of an episode. */
export interface Parts {
  tag: PhrasePart;
  lattice: LatticePart;
  mentions: MentionsPart;
}
export type PassKind = keyof Parts;

/**
 * The matcher of a pass: its entries, in the order they are added, and for
 * the `lattice` pass, each entry's number among the two-word forms whose
 * spellings are heard (-1 for none; see `EpisodeLattice.addParagraph`).
 */
export interface MatcherSpec {
  entries: AliasEntry[];
  spelled?: Int32Array;
}

/** A pass's matcher, made from its spec the same way in either thread. */
export interface PassMatcher {
  matcher: AliasMatcher;
  spelling: (entry: AliasEntry) => number | undefined;
}

export function passMatcher(spec: MatcherSpec): PassMatcher {
  const matcher = new AliasMatcher();
  const spelled = new Map<AliasEntry, number>();
  spec.entries.forEach((entry, i) => {
    matcher.add(entry);
    const ref = spec.spelled?.[i] ?? -1;
    if (ref >= 0) spelled.set(entry, ref);
  });
  return { matcher, spelling: (entry) => spelled.get(entry) };
}

/** The part of one episode for pass `kind` (`matcher` for `lattice` and `mentions`). */
export function workEpisode<K extends PassKind>(kind: K, speech: SpeechText, matcher: PassMatcher | undefined): Parts[K] {
  if (kind === 'tag') {
    const table = new PhraseTable();
    speech.texts.forEach((text, i) => table.add(text, speech.lowercase[i] ?? false));
    return table.part() as Parts[K];
  }
  if (!matcher) throw new Error(`topic index: the ${kind} pass has no matcher`);
  if (kind === 'mentions') return findMentions(speech.texts, speech.lowercase, matcher.matcher) as Parts[K];
  const lattice = new EpisodeLattice();
  speech.texts.forEach((text, i) => {
    const { tokens, breaks } = tokenize(text);
    lattice.addParagraph({ tokens, breaks, edge: speech.edge[i] ?? false, lowercase: speech.lowercase[i] ?? false, paragraph: { text } }, matcher.matcher, matcher.spelling);
  });
  return lattice.part() as Parts[K];
}

/** Messages to the worker. */
export type WorkerMessage = { kind: 'matcher'; spec: MatcherSpec } | { kind: 'work'; pass: PassKind; index: number; speech: SpeechText };

export class SecondThread {
  readonly #useWorker: boolean;
  readonly #afterChars: number;
  #worker: Worker | undefined;
  #port: MessagePort | undefined;
  /** Shared counters: [0] 1 once the worker is ready, [1] answers posted. */
  #flags: Int32Array | undefined;
  #failed = false;
  #chars = 0;
  /** Episodes sent to the worker, and answers read. */
  #sent = 0;
  #received = 0;
  /** The pass under way: its kind, matcher, where its parts go, the next episode to hand on, parts waiting for an earlier one. */
  #pass: PassKind | undefined;
  #spec: MatcherSpec | undefined;
  #matcher: PassMatcher | undefined;
  #deliver: ((index: number, part: never) => void) | undefined;
  #next = 0;
  readonly #ready = new Map<number, unknown>();
  /** Episodes worked, here and in the worker, over all passes. */
  worked = { here: 0, worker: 0 };

  /** `useWorker` false keeps all work in this thread; `afterChars` is when the worker starts (tests start it early). */
  constructor(useWorker = true, afterChars = WORKER_AFTER_CHARS) {
    this.#useWorker = useWorker;
    this.#afterChars = afterChars;
  }

  /** True once episodes go to the worker. */
  get threaded(): boolean {
    return this.#worker !== undefined;
  }

  /**
   * Start a pass (the last one ends first, see `drain`): `deliver` gets every
   * episode's part in episode order, from 0; `matcher` for the `lattice` and
   * `mentions` passes, and `here` the same matcher already made in this
   * thread, if the caller has it. A worker that tagged is stopped after
   * the tagging pass, and its memory (the tagger's model, the garbage of
   * tagging) with it; the next pass starts one that never loads the model.
   */
  begin<K extends PassKind>(kind: K, deliver: (index: number, part: Parts[K]) => void, matcher?: MatcherSpec, here?: PassMatcher): void {
    this.drain();
    if (this.#pass === 'tag' && kind !== 'tag') this.#stop();
    this.#pass = kind;
    this.#deliver = deliver as (index: number, part: never) => void;
    this.#next = 0;
    this.#spec = matcher;
    this.#matcher = here ?? (matcher ? passMatcher(matcher) : undefined);
    if (matcher && this.#worker) this.#post({ kind: 'matcher', spec: matcher });
  }

  /** Work episode `index` of the pass (episodes are given in order, each once, by `work` or `put`). */
  work(index: number, speech: SpeechText): void {
    const pass = this.#pass;
    if (!pass) throw new Error('SecondThread.work before begin');
    if (!this.#worker && !this.#failed && this.#useWorker && this.#chars >= this.#afterChars) this.#start();
    for (const t of speech.texts) this.#chars += t.length;
    this.#poll();
    if (this.#worker && this.#sent - this.#received < MAX_IN_FLIGHT) {
      this.#post({ kind: 'work', pass, index, speech });
      this.#sent++;
      this.worked.worker++;
      return;
    }
    this.worked.here++;
    this.put(index, workEpisode(pass, speech, this.#matcher));
  }

  /** The part of episode `index`, made elsewhere (a cache). */
  put(index: number, part: unknown): void {
    this.#ready.set(index, part);
    this.#hand();
  }

  /** Wait for every part of the pass still being worked, and hand them on. */
  drain(): void {
    const flags = this.#flags;
    while (this.#worker && flags && this.#received < this.#sent) {
      const posted = Atomics.load(flags, 1);
      this.#poll();
      if (this.#received < this.#sent && posted === Atomics.load(flags, 1)) Atomics.wait(flags, 1, posted, 1000);
    }
    this.#hand();
    if (this.#ready.size > 0) throw new Error(`topic index: episode ${this.#next} of the ${this.#pass} pass was never worked`);
  }

  /** Stop the worker (call `drain` first to hand on what it was making: anything not handed on is dropped). */
  close(): void {
    this.#stop();
  }

  /** Stop the worker (after `drain`: nothing is waiting for it). */
  #stop(): void {
    if (!this.#worker) return;
    void this.#worker.terminate();
    this.#port?.close();
    this.#worker = undefined;
    this.#port = undefined;
    this.#flags = undefined;
    this.#sent = 0;
    this.#received = 0;
  }

  #post(message: WorkerMessage): void {
    this.#worker?.postMessage(message);
  }

  /** Read the worker's answers that are in. */
  #poll(): void {
    const port = this.#port;
    if (!port) return;
    for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) {
      const answer = m.message as { index?: number; part?: unknown; error?: string };
      if (answer.error !== undefined || answer.index === undefined || !answer.part) throw new Error(`topic index: the second thread failed: ${answer.error ?? 'no answer'}`);
      this.#received++;
      this.#ready.set(answer.index, answer.part);
    }
    this.#hand();
  }

  /** Hand on the parts that are next in order. */
  #hand(): void {
    const deliver = this.#deliver;
    if (!deliver) return;
    for (let part = this.#ready.get(this.#next); part !== undefined; part = this.#ready.get(this.#next)) {
      this.#ready.delete(this.#next);
      deliver(this.#next++, part as never);
    }
  }

  #start(): void {
    try {
      const state = new SharedArrayBuffer(8);
      const flags = new Int32Array(state);
      const { port1, port2 } = new MessageChannel();
      const worker = new Worker(new URL('./second-thread-worker.ts', import.meta.url), { workerData: { state, port: port2, tagger: this.#pass === 'tag' }, transferList: [port2] });
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
      if (this.#spec) this.#post({ kind: 'matcher', spec: this.#spec });
    } catch {
      this.#failed = true;
    }
  }
}
