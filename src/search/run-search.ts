/**
 * Runs a query plan against a search engine (Pagefind in the browser, or the
 * same Pagefind bundle in Node for the quality script) and merges what the
 * searches return into one ranked list, saying how it got there: the exact
 * words, a correction, or fewer of the words.
 */
import type { FilterKey } from './record-fields.ts';
import type { QueryPlan } from './query-plan.ts';

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
}

export type SearchMode =
  /** The words as typed found these (maybe with other spellings of a name added). */
  | 'exact'
  /** Misspelt or missing words: the corrected query (`plan.corrected`) found these. */
  | 'corrected'
  /** Nothing with all the words; these match some of them. */
  | 'relaxed'
  /** Nothing at all. */
  | 'none';

export interface RankedHit extends EngineHit {
  /** How many of the query's words the search that found it kept (relaxed results rank by this first). */
  kept: number;
}

export interface SearchOutcome {
  plan: QueryPlan;
  mode: SearchMode;
  /** The query the results are for, when it is not the one typed (corrected or relaxed). */
  shownQuery: string | null;
  /** Other spellings that added results (`lindquist`), for the notice. */
  expandedWith: string[];
  hits: RankedHit[];
}

export interface RunOptions {
  /** False runs only the exact query (the baseline the quality script compares against). */
  expand?: boolean;
}

/** Run `plan` and rank the results. */
export async function runSearch(plan: QueryPlan, filters: Filters, engine: SearchEngine, options: RunOptions = {}): Promise<SearchOutcome> {
  const outcome: SearchOutcome = { plan, mode: 'none', shownQuery: null, expandedWith: [], hits: [] };
  if (plan.terms.length === 0) return outcome;
  const expand = options.expand ?? true;

  if (!expand) {
    const merged = new Merge();
    merged.add(await searchBodies(engine, plan.exact, filters), plan.terms.length);
    return finish(outcome, merged, 'exact', null);
  }

  const [main = [], ...expansions] = await Promise.all(
    [plan.corrected ?? plan.exact, ...plan.expansions].map((q) => searchBodies(engine, q, filters)),
  );
  let mode: SearchMode = plan.corrected ? 'corrected' : 'exact';
  const merged = new Merge();
  merged.add(main, plan.terms.length);
  if (plan.corrected && main.length === 0) {
    // The correction found nothing: fall back to the words as typed.
    merged.add(await searchBodies(engine, plan.exact, filters), plan.terms.length);
    mode = 'exact';
  }
  plan.expansions.forEach((query, i) => {
    if (merged.add(expansions[i] ?? [], plan.terms.length) > 0) outcome.expandedWith.push(query);
  });
  if (merged.size > 0) return finish(outcome, merged, mode, mode === 'corrected' ? plan.corrected : null);

  // Relax step by step, keeping earlier steps' results on top, until there are enough to choose from.
  const relaxed = new Merge();
  const contributing: string[][] = [];
  for (const step of plan.relaxations) {
    const found = await Promise.all(step.queries.map((q) => searchBodies(engine, q.query, filters)));
    const before = relaxed.size;
    step.queries.forEach((q, i) => relaxed.add(found[i] ?? [], q.kept));
    if (relaxed.size > before) contributing.push(step.queries.map((q) => q.query));
    if (relaxed.size >= ENOUGH_RELAXED) break;
  }
  const only = contributing.length === 1 && contributing[0]?.length === 1 ? (contributing[0][0] ?? null) : null;
  return finish(outcome, relaxed, 'relaxed', only);
}

/** Relaxation goes on to fewer words until it has at least this many results. */
const ENOUGH_RELAXED = 5;

/**
 * One Pagefind query, keeping only records whose text matched: every
 * metadata field is searchable, so without this `heat pumps` would also
 * return every passage of the episode titled "Heat Pumps and the Grid".
 */
async function searchBodies(engine: SearchEngine, query: string, filters: Filters): Promise<EngineHit[]> {
  const hits = await engine.search(query, filters);
  return hits.filter((h) => h.words.length > 0);
}

/** Results of several searches, one entry per record with its best score. */
class Merge {
  readonly #byId = new Map<string, RankedHit>();

  get size(): number {
    return this.#byId.size;
  }

  /** Add hits; returns how many records were new. */
  add(hits: readonly EngineHit[], kept: number): number {
    let added = 0;
    for (const hit of hits) {
      const seen = this.#byId.get(hit.id);
      if (!seen) {
        this.#byId.set(hit.id, { ...hit, kept });
        added++;
      } else if (kept > seen.kept || (kept === seen.kept && hit.score > seen.score)) {
        this.#byId.set(hit.id, { ...hit, kept });
      }
    }
    return added;
  }

  ranked(): RankedHit[] {
    return [...this.#byId.values()].sort((a, b) => b.kept - a.kept || b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}

function finish(outcome: SearchOutcome, merged: Merge, mode: SearchMode, shownQuery: string | null): SearchOutcome {
  outcome.mode = merged.size > 0 ? mode : 'none';
  outcome.shownQuery = outcome.mode === 'exact' || outcome.mode === 'none' ? null : shownQuery;
  outcome.hits = merged.ranked();
  return outcome;
}
