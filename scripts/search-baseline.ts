/**
 * The search page's ranking before coverage-first ranking (issue 14), kept
 * only so `npm run search:quality` can compare against it: the corrected
 * query and other spellings of names as whole Pagefind queries, and when
 * nothing has every word, relaxation by subsets (stop words dropped, then
 * one word fewer up to 6 content words, then single words), ranked by how
 * many words each search kept, then by Pagefind's score; results link to
 * the paragraph holding most of Pagefind's locations.
 */
import { STOP_WORDS } from '../src/search/query-plan.ts';
import type { QueryPlan } from '../src/search/query-plan.ts';
import type { EngineHit, Filters, SearchEngine, SearchMode } from '../src/search/run-search.ts';

/** Most expansion queries per search. */
const MAX_EXPANSIONS = 4;
/** Longer queries only dropped stop words and then tried single words. */
const MAX_SUBSET_TERMS = 6;
/** Relaxation went on to fewer words until it had at least this many results. */
const ENOUGH_RELAXED = 5;

interface RelaxedQuery {
  query: string;
  kept: number;
}

/** Whole queries with one word replaced by another of its forms. */
function expansions(plan: QueryPlan): string[] {
  const out = new Set<string>();
  plan.core.forEach((form, i) => {
    const concept = plan.concepts.find((c) => c.form === form);
    for (const alt of concept?.alternatives ?? []) {
      if (out.size >= MAX_EXPANSIONS) return;
      out.add(plan.core.map((f, j) => (j === i ? alt : f)).join(' '));
    }
  });
  out.delete(plan.corrected ?? '');
  out.delete(plan.terms.join(' '));
  return [...out];
}

function relaxations(core: readonly string[]): RelaxedQuery[][] {
  const steps: RelaxedQuery[][] = [];
  const content = core.filter((w) => !STOP_WORDS.has(w));
  const dropped = core.filter((w) => STOP_WORDS.has(w));
  if (content.length === 0) return steps;
  if (dropped.length > 0) steps.push([{ query: content.join(' '), kept: content.length }]);
  if (content.length >= 2 && content.length <= MAX_SUBSET_TERMS) {
    steps.push(content.map((_, skip) => ({ query: content.filter((__, j) => j !== skip).join(' '), kept: content.length - 1 })));
  }
  if (content.length >= 3) steps.push(content.map((w) => ({ query: w, kept: 1 })));
  return steps;
}

async function searchBodies(engine: SearchEngine, query: string, filters: Filters): Promise<EngineHit[]> {
  return (await engine.search(query, filters)).filter((h) => h.words.length > 0);
}

class Merge {
  readonly #byId = new Map<string, EngineHit & { kept: number }>();
  get size(): number {
    return this.#byId.size;
  }
  add(hits: readonly EngineHit[], kept: number): number {
    let added = 0;
    for (const hit of hits) {
      const seen = this.#byId.get(hit.id);
      if (!seen) added++;
      if (!seen || kept > seen.kept || (kept === seen.kept && hit.score > seen.score)) this.#byId.set(hit.id, { ...hit, kept });
    }
    return added;
  }
  ranked(): EngineHit[] {
    return [...this.#byId.values()].sort((a, b) => b.kept - a.kept || b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}

/** Run `plan` the way the search page did before issue 14. */
export async function runBaselineSearch(plan: QueryPlan, filters: Filters, engine: SearchEngine): Promise<{ mode: SearchMode; hits: EngineHit[] }> {
  if (plan.terms.length === 0) return { mode: 'none', hits: [] };
  const extra = plan.quoted ? [] : expansions(plan);
  const [main = [], ...more] = await Promise.all([plan.corrected ?? plan.exact, ...extra].map((q) => searchBodies(engine, q, filters)));
  let mode: SearchMode = plan.corrected ? 'corrected' : 'exact';
  const merged = new Merge();
  merged.add(main, plan.terms.length);
  if (plan.corrected && main.length === 0) {
    merged.add(await searchBodies(engine, plan.exact, filters), plan.terms.length);
    mode = 'exact';
  }
  more.forEach((hits) => merged.add(hits, plan.terms.length));
  if (merged.size > 0) return { mode, hits: merged.ranked() };

  const steps = plan.quoted ? [[{ query: plan.terms.join(' '), kept: plan.terms.length }]] : relaxations(plan.core);
  const relaxed = new Merge();
  for (const step of steps) {
    const found = await Promise.all(step.map((q) => searchBodies(engine, q.query, filters)));
    step.forEach((q, i) => relaxed.add(found[i] ?? [], q.kept));
    if (relaxed.size >= ENOUGH_RELAXED) break;
  }
  return { mode: relaxed.size > 0 ? 'partial' : 'none', hits: relaxed.ranked() };
}
