/**
 * Turns ranked results into what the search page shows, a page at a time:
 * loads each result's data (one Pagefind fragment) in rank order, makes its
 * card, and sorts the cards into moments (passages: the result list) and
 * pages (episodes and topics: a compact strip above the list), so short
 * topic and episode records never push the moments down. Loading stops at
 * a page of moments, or after a bounded number of fragments.
 */
import { resultView } from './result-view.ts';
import type { ResultView } from './result-view.ts';
import type { RankedHit, SearchOutcome } from './run-search.ts';

/** A result with its card. */
export interface LoadedResult {
  hit: RankedHit;
  view: ResultView;
}

export interface ResultBatch {
  /** Passages, in rank order. */
  moments: LoadedResult[];
  /** Episode and topic results met on the way, in rank order. */
  pages: LoadedResult[];
}

/** Fragments loaded per batch of `size` moments at most: `size` times this. */
export const MAX_LOADS_PER_MOMENT = 3;

/** The results of one outcome, loaded batch by batch. */
export class ResultPages {
  readonly #outcome: SearchOutcome;
  readonly #terms: readonly string[];
  #next = 0;
  #buffer: LoadedResult[] = [];
  /** Links of the moments already buffered or shown. */
  readonly #shown = new Set<string>();

  /** `terms` highlight the summaries of episode and topic results. */
  constructor(outcome: SearchOutcome, terms: readonly string[]) {
    this.#outcome = outcome;
    this.#terms = terms;
  }

  /** Results not shown yet (a few may turn out to be pages). */
  get remaining(): number {
    return this.#outcome.hits.length - this.#next + this.#buffer.length;
  }

  /** The next `size` moments, and the pages ranked among them. */
  async next(size: number): Promise<ResultBatch> {
    const batch: ResultBatch = { moments: [], pages: [] };
    const take = () => {
      while (batch.moments.length < size && this.#buffer.length > 0) {
        const moment = this.#buffer.shift();
        if (moment) batch.moments.push(moment);
      }
    };
    take();
    let budget = size * MAX_LOADS_PER_MOMENT;
    const hits = this.#outcome.hits;
    while (batch.moments.length < size && this.#next < hits.length && budget > 0) {
      const count = Math.min(size - batch.moments.length, budget, hits.length - this.#next);
      const slice = hits.slice(this.#next, this.#next + count);
      this.#next += count;
      budget -= count;
      const loaded = await Promise.all(
        slice.map(async (hit) => {
          const data = await hit.data();
          // A result whose data cannot be read (Pagefind freed it) is skipped rather than breaking the page.
          return data ? { hit, view: this.#view(hit, data) } : null;
        }),
      );
      for (const result of loaded) {
        if (!result) continue;
        if (result.view.kind !== 'passage') batch.pages.push(result);
        // Two moments of one record may land on the same paragraph: show it once.
        else if (!this.#shown.has(result.view.href)) {
          this.#shown.add(result.view.href);
          this.#buffer.push(result);
        }
      }
      take();
    }
    return batch;
  }

  #view(hit: RankedHit, data: Awaited<ReturnType<RankedHit['data']>>): ResultView {
    return resultView(data, this.#terms, hit.matches ? { matches: hit.matches, weights: this.#outcome.weights } : undefined);
  }
}
