/**
 * The search engine over Pagefind's browser bundle (`pagefind/pagefind.js`),
 * shared by the search page and the Node quality script so both rank exactly
 * alike: the options the site searches with, and the adapter from
 * `pagefind.search` to `SearchEngine`.
 */
import { FILTER, KIND, metaWeights } from './record-fields.ts';
import type { EngineHit, Filters, HitData, SearchEngine } from './run-search.ts';

/** The part of Pagefind's JS API (pagefind.js, v1.5+) used here. */
export interface PagefindModule {
  options(options: Record<string, unknown>): Promise<void>;
  init?(): Promise<void>;
  search(query: string | null, options?: { filters?: Record<string, unknown> }): Promise<PagefindResponse | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
  /** Search another index (a shard of this site's) together with this one. */
  mergeIndex?(path: string, options?: Record<string, unknown>): Promise<void>;
  preload?(query: string, options?: Record<string, unknown>): Promise<void>;
  destroy?(): Promise<void>;
}

export interface PagefindResponse {
  results: {
    id: string;
    score: number;
    words: number[];
    data: () => Promise<HitData & Record<string, unknown>>;
  }[];
}

/** Words per excerpt: about two lines of a result card. */
export const EXCERPT_WORDS = 32;

/**
 * Options the site searches with. Record URLs already hold the site's base
 * path, so Pagefind must not prefix another (`baseUrl: '/'`).
 */
export function pagefindOptions(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    baseUrl: '/',
    excerptLength: EXCERPT_WORDS,
    ranking: { metaWeights },
    ...extra,
  };
}

/** A Pagefind filter on one key: records with any of the values, or with none of them. */
export type PagefindFilter = { any: string[] } | { none: string[] };

/**
 * Pagefind filter syntax for the selected values: any value within a key,
 * every key. Moments are the records that are not pages, since passages
 * carry no `kind` filter (record-fields.ts).
 */
export function pagefindFilters(filters: Filters): Record<string, PagefindFilter> {
  const out: Record<string, PagefindFilter> = {};
  for (const [key, values] of Object.entries(filters)) {
    if (!values || values.length === 0) continue;
    if (key !== FILTER.kind) out[key] = { any: values };
    else if (!values.includes(KIND.moment)) out[key] = { any: values };
    else if (!values.includes(KIND.page)) out[key] = { none: [KIND.page] };
    // Both kinds: every record, no filter.
  }
  return out;
}

/** A `SearchEngine` over an initialised Pagefind module. */
export function pagefindEngine(pagefind: PagefindModule): SearchEngine {
  // Record counts per filter selection: a filter-only search, once per selection (no fragment is loaded).
  const counts = new Map<string, Promise<number>>();
  return {
    async search(query: string, filters: Filters): Promise<EngineHit[]> {
      const response = await pagefind.search(query, { filters: pagefindFilters(filters) });
      // `data` holds on to Pagefind's result object: in worker mode Pagefind frees a result's data once
      // that object is garbage collected, and the hits outlive it (ranking copies them).
      return (response?.results ?? []).map((r) => ({ id: r.id, score: r.score, words: r.words, data: () => r.data() }));
    },
    count(filters: Filters): Promise<number> {
      const selection = pagefindFilters(filters);
      const key = JSON.stringify(Object.entries(selection).sort(([a], [b]) => a.localeCompare(b)));
      let count = counts.get(key);
      if (!count) {
        count = pagefind.search(null, { filters: selection }).then((r) => r?.results.length ?? 0);
        counts.set(key, count);
      }
      return count;
    },
  };
}
