/**
 * Search quality on the sample content: builds the search index for the
 * episodes folder into a temporary folder (the same records and dictionary
 * the site build writes; no pages needed), loads Pagefind's browser bundle in
 * Node, runs every query of tests/search/queries.json with and without query
 * expansion, and reports hit@1 / hit@5 (the expected episode among the first
 * results) and para@1 / para@5 (a result linking to an expected paragraph).
 *
 *   npm run search:quality [-- --episodes DIR] [--queries FILE] [--out FILE] [--verbose]
 *
 * Writes the figures to bench/search-quality.json.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readEpisodesLikeTheSite, writeSearchIndex } from '../src/integrations/search-index.ts';
import type { SearchIndexReport } from '../src/integrations/search-index.ts';
import { loadPagefind } from '../src/node/pagefind-search.ts';
import type { SearchDictionary } from '../src/search/dictionary.ts';
import { planQuery } from '../src/search/query-plan.ts';
import { SEARCH_FILES } from '../src/search/record-fields.ts';
import { resultView } from '../src/search/result-view.ts';
import { runSearch } from '../src/search/run-search.ts';
import type { SearchEngine, SearchOutcome } from '../src/search/run-search.ts';
import { Speller } from '../src/search/speller.ts';

/** One query of tests/search/queries.json. */
export interface QualityQuery {
  query: string;
  kind: string;
  /** Slug of the episode that answers it. */
  slug: string;
  /** Paragraphs a result may link to (any of them counts). */
  paragraphs?: string[];
  /** Corrections expansion must make: typed word → corrected word (folded). */
  corrects?: Record<string, string>;
}

/** Where a query's first good results ranked (1-based), null when not in the top `depth`. */
export interface QueryResult {
  query: string;
  kind: string;
  mode: SearchOutcome['mode'];
  /** Rank of the first result from the expected episode. */
  episodeRank: number | null;
  /** Rank of the first result linking to an expected paragraph (null when none expected or none found). */
  paragraphRank: number | null;
  /** The first result's link. */
  top: string | null;
}

export interface Figures {
  queries: number;
  hit1: number;
  hit5: number;
  /** Over the queries that name paragraphs. */
  para1: number;
  para5: number;
  /** Mean reciprocal rank of the expected episode (top 10). */
  mrr: number;
}

const DEPTH = 10;

/** Read tests/search/queries.json (or another file of the same shape). */
export function readQueries(file: string): QualityQuery[] {
  return (JSON.parse(readFileSync(file, 'utf8')) as { queries: QualityQuery[] }).queries;
}

/** Run one query and find where the expected episode and paragraph rank. */
export async function evaluateQuery(q: QualityQuery, engine: SearchEngine, speller: Speller, expand: boolean): Promise<QueryResult> {
  const plan = planQuery(q.query, speller);
  const outcome = await runSearch(plan, {}, engine, { expand });
  const views = await Promise.all(outcome.hits.slice(0, DEPTH).map(async (h) => resultView(await h.data(), plan.core)));
  const slugOf = (href: string) => decodeURIComponent(href.split('#')[0]?.replace(/\/$/, '').split('/').pop() ?? '');
  const episodeIndex = views.findIndex((v) => slugOf(v.href) === q.slug);
  const paragraphIndex = q.paragraphs
    ? views.findIndex((v) => slugOf(v.href) === q.slug && v.paragraph !== undefined && q.paragraphs?.includes(v.paragraph))
    : -1;
  return {
    query: q.query,
    kind: q.kind,
    mode: outcome.mode,
    episodeRank: episodeIndex === -1 ? null : episodeIndex + 1,
    paragraphRank: paragraphIndex === -1 ? null : paragraphIndex + 1,
    top: views[0]?.href ?? null,
  };
}

/** hit@k and friends over a set of results. */
export function figures(results: readonly QueryResult[], queries: readonly QualityQuery[]): Figures {
  const share = (ok: number, of: number) => (of === 0 ? 0 : Math.round((ok / of) * 1000) / 1000);
  const withParagraphs = results.filter((_, i) => queries[i]?.paragraphs);
  const within = (rank: number | null, k: number) => rank !== null && rank <= k;
  return {
    queries: results.length,
    hit1: share(results.filter((r) => within(r.episodeRank, 1)).length, results.length),
    hit5: share(results.filter((r) => within(r.episodeRank, 5)).length, results.length),
    para1: share(withParagraphs.filter((r) => within(r.paragraphRank, 1)).length, withParagraphs.length),
    para5: share(withParagraphs.filter((r) => within(r.paragraphRank, 5)).length, withParagraphs.length),
    mrr: share(results.reduce((sum, r) => sum + (r.episodeRank ? 1 / r.episodeRank : 0), 0) * 1000, results.length * 1000),
  };
}

export interface QualityRun {
  index: SearchIndexReport;
  baseline: Figures;
  expanded: Figures;
  results: { baseline: QueryResult[]; expanded: QueryResult[] };
  speller: Speller;
}

/** Build the index for `episodesDir` in a temporary folder and evaluate `queries` with and without expansion. */
export async function measureQuality(episodesDir: string, queries: readonly QualityQuery[]): Promise<QualityRun> {
  const dir = mkdtempSync(join(tmpdir(), 'verbatim-search-quality-'));
  try {
    const episodes = readEpisodesLikeTheSite(episodesDir);
    const index = await writeSearchIndex(episodes, { outDir: dir, base: '/' });
    const dictionary = JSON.parse(readFileSync(join(dir, SEARCH_FILES.dictionary), 'utf8')) as SearchDictionary;
    const speller = new Speller(dictionary);
    const { engine } = await loadPagefind(join(dir, SEARCH_FILES.pagefindDir));
    const baseline: QueryResult[] = [];
    const expanded: QueryResult[] = [];
    for (const q of queries) {
      baseline.push(await evaluateQuery(q, engine, speller, false));
      expanded.push(await evaluateQuery(q, engine, speller, true));
    }
    return { index, baseline: figures(baseline, queries), expanded: figures(expanded, queries), results: { baseline, expanded }, speller };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      episodes: { type: 'string', default: process.env.VERBATIM_EPISODES ?? 'content/episodes' },
      queries: { type: 'string', default: 'tests/search/queries.json' },
      out: { type: 'string', default: 'bench/search-quality.json' },
      verbose: { type: 'boolean', default: false },
    },
  });
  const queries = readQueries(values.queries);
  const run = await measureQuality(values.episodes, queries);
  const pct = (x: number) => `${(x * 100).toFixed(0)}%`.padStart(5);
  const line = (name: string, f: Figures) =>
    `${name.padEnd(16)} hit@1 ${pct(f.hit1)}  hit@5 ${pct(f.hit5)}  para@1 ${pct(f.para1)}  para@5 ${pct(f.para5)}  MRR ${f.mrr.toFixed(3)}`;
  const rank = (r: number | null) => (r === null ? '-' : String(r)).padStart(2);
  if (values.verbose) {
    for (let i = 0; i < queries.length; i++) {
      const b = run.results.baseline[i];
      const e = run.results.expanded[i];
      if (!b || !e) continue;
      process.stdout.write(
        `${e.query.padEnd(42)} ${e.kind.padEnd(12)} plain ep ${rank(b.episodeRank)} para ${rank(b.paragraphRank)} | ` +
          `expanded ep ${rank(e.episodeRank)} para ${rank(e.paragraphRank)} ${e.mode.padEnd(9)} ${e.top ?? ''}\n`,
      );
    }
  }
  process.stdout.write(`${queries.length} queries on ${run.index.passages} passages + ${run.index.episodes} episodes\n`);
  process.stdout.write(`${line('plain Pagefind', run.baseline)}\n${line('with expansion', run.expanded)}\n`);
  const report = {
    about: 'Search quality on the sample content: scripts/search-quality.ts over tests/search/queries.json. hit@k: the expected episode among the first k results; para@k: a result linking to an expected paragraph (queries that name one).',
    corpus: { passages: run.index.passages, episodes: run.index.episodes },
    index: { dataBytes: run.index.indexDataBytes, totalBytes: run.index.indexBytes, files: run.index.files, dictionaryBytes: run.index.dictionaryBytes },
    queries: queries.length,
    baseline: run.baseline,
    expanded: run.expanded,
    perQuery: queries.map((q, i) => ({
      query: q.query,
      kind: q.kind,
      baseline: { episode: run.results.baseline[i]?.episodeRank ?? null, paragraph: run.results.baseline[i]?.paragraphRank ?? null },
      expanded: {
        episode: run.results.expanded[i]?.episodeRank ?? null,
        paragraph: run.results.expanded[i]?.paragraphRank ?? null,
        mode: run.results.expanded[i]?.mode,
      },
    })),
  };
  writeFileSync(values.out, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`wrote ${values.out}\n`);
}
