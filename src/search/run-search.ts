/**
 * Runs a query plan against a search engine (Pagefind in the browser, or the
 * same Pagefind bundle in Node for the quality script) and ranks what the
 * searches return (ranking.ts), saying how it got there: the exact words, a
 * correction, or only some of the words.
 */
import type { Match } from './match-window.ts';
import type { QueryPlan } from './query-plan.ts';
import { MAX_CONCEPTS, rankByCoverage, searchConcepts } from './ranking.ts';
import { FILTER, KIND } from './record-fields.ts';
import type { FilterKey } from './record-fields.ts';

/** Selected filter values: a record matches when it has any selected value of every key given. */
export type Filters = Partial<Record<FilterKey, string[]>>;

/** What Pagefind returns for one result, before its data is loaded. */
export interface EngineHit {
  /** Pagefind's id of the record. */
  id: string;
  score: number;
  /** Positions of matching words in the record's content; empty when only metadata matched. */
  words: number[];
  data: () => Promise<HitData>;
}

/** The loaded data of a result (a subset of Pagefind's fragment). */
export interface HitData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
  /** Positions of matching words in the content. */
  locations: number[];
  /** The record's content (positions index its whitespace-separated words). */
  content?: string;
}

/** Anything that runs one query: the search page wraps `pagefind.search`. */
export interface SearchEngine {
  search(query: string, filters: Filters): Promise<EngineHit[]>;
  /** How many records the filters leave (every record without filters): the N of the ranking's IDF. */
  count(filters: Filters): Promise<number>;
}

export type SearchMode =
  /** Results hold every word as typed (maybe also found through other spellings of a name). */
  | 'exact'
  /** Misspelt or missing words: results hold every word of the corrected query (`plan.corrected`). */
  | 'corrected'
  /** No record holds every word: these hold some of them, the rarest words counting most. */
  | 'partial'
  /** Nothing at all. */
  | 'none';

/** A result in rank order. */
export interface RankedHit extends EngineHit {
  /** The ranking score (coverage of the query); Pagefind's score for a plain or quoted search. */
  rank: number;
  /** Matching words in the record's content, with the concept each matched; absent for a plain search. */
  matches?: Match[];
}

export interface SearchOutcome {
  plan: QueryPlan;
  mode: SearchMode;
  /** The query the results are for, when it is not the one typed (a correction). */
  shownQuery: string | null;
  /** Other spellings that added results (`lindquist`), for the notice. */
  expandedWith: string[];
  hits: RankedHit[];
  /** Weight (IDF) of each searched concept, indexed like `matches[].concept`. */
  weights: number[];
  /** How many results hold every searched word. */
  complete: number;
}

export interface RunOptions {
  /** False runs only the exact query, as one Pagefind search (the baseline the quality script compares against). */
  expand?: boolean;
  /**
   * Which records to search: `moments` (passages, the result list; the default) or `pages` (episode and
   * topic records, the strip above it). Searched apart, short pages never crowd moments out of a page of results.
   */
  records?: 'moments' | 'pages' | 'all';
}

/** Run `plan` and rank the results. */
export async function runSearch(plan: QueryPlan, selected: Filters, engine: SearchEngine, options: RunOptions = {}): Promise<SearchOutcome> {
  const outcome: SearchOutcome = { plan, mode: 'none', shownQuery: null, expandedWith: [], hits: [], weights: [], complete: 0 };
  const records = options.records ?? 'moments';
  const filters: Filters = records === 'all' ? selected : { ...selected, [FILTER.kind]: [records === 'pages' ? KIND.page : KIND.moment] };
  if (plan.terms.length === 0) return outcome;

  if (options.expand === false || plan.quoted) {
    // One Pagefind search of the query as typed: a quoted phrase must be said as written.
    const hits = await searchBodies(engine, plan.exact, filters);
    if (hits.length > 0 || options.expand === false) {
      outcome.hits = hits.map((h) => ({ ...h, rank: h.score, matches: h.words.map((position) => ({ position, concept: 0 })) }));
      if (options.expand === false) for (const h of outcome.hits) delete h.matches;
      outcome.complete = hits.length;
      outcome.weights = [1];
      outcome.mode = hits.length > 0 ? 'exact' : 'none';
      return outcome;
    }
  }

  const concepts = plan.concepts.filter((c) => !c.stop).slice(0, MAX_CONCEPTS);
  const [perConcept, total] = await Promise.all([searchConcepts(concepts, filters, engine), engine.count(filters)]);
  const names = new Set(concepts.flatMap((c, i) => (c.name ? [i] : [])));
  let { hits, idfs } = rankByCoverage(perConcept, total, undefined, names);
  let typed = false;
  if (hits.length === 0 && plan.corrected && !plan.quoted) {
    // The correction found nothing: fall back to the words as typed.
    const asTyped = plan.terms.map((form) => ({ form, alternatives: [], stop: false }));
    ({ hits, idfs } = rankByCoverage(await searchConcepts(asTyped, filters, engine), total));
    typed = true;
  }
  outcome.hits = hits;
  outcome.weights = idfs;
  const wanted = typed ? plan.terms.length : concepts.length;
  outcome.complete = hits.filter((h) => h.concepts.length >= wanted).length;
  if (!typed) outcome.expandedWith = perConcept.flatMap((c) => c.usedAlternatives);
  if (hits.length === 0) outcome.mode = 'none';
  else if (outcome.complete === 0 || plan.quoted) outcome.mode = 'partial';
  else outcome.mode = plan.corrected && !typed ? 'corrected' : 'exact';
  outcome.shownQuery = outcome.mode === 'corrected' ? plan.corrected : null;
  return outcome;
}

/**
 * One Pagefind query, keeping only records whose text matched: every
 * metadata field is searchable, so without this `heat pumps` would also
 * return every passage of the episode titled "Heat Pumps and the Grid".
 */
async function searchBodies(engine: SearchEngine, query: string, filters: Filters): Promise<EngineHit[]> {
  const hits = await engine.search(query, filters);
  return hits.filter((h) => h.words.length > 0);
}
