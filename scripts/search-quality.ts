/**
 * Search quality, measured on real indexes searched with Pagefind's browser
 * bundle in Node:
 *
 * - the sample content (content/episodes, tests/search/queries.json):
 *   hit@1 / hit@5 (the expected episode among the first results) and
 *   para@1 / para@5 (a result linking to an expected paragraph);
 * - the seed transcripts (../shared/seeds, tests/search/seed-queries.json, a
 *   judged set frozen before tuning): hit@1 / hit@3 per kind of query, where
 *   a result counts only when it is from the answering episode and lands
 *   within 30 s of the answering sentence (scripts/judged-queries.ts). Skipped,
 *   with a message, where ../shared/seeds is absent.
 *
 * Each set runs with every ranking of `rankings` (plain Pagefind, the search
 * page's ranking, …), on an index built like the site's (passages, episodes
 * and topic pages) in a temporary folder.
 *
 *   npm run search:quality [-- --episodes DIR] [--queries FILE] [--seeds DIR] [--seed-queries FILE] [--out FILE] [--verbose]
 *
 * Writes the figures to bench/search-quality.json.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildSiteTopics } from '../src/knowledge/knowledge-base.ts';
import { loadEpisodes } from '../src/corpus/load-corpus.ts';
import { writeSearchIndex } from '../src/search-index/write-search-index.ts';
import type { SearchIndexReport } from '../src/search-index/build-search-index.ts';
import { loadPagefind } from '../src/node/pagefind-search.ts';
import { readTopicFolder } from '../src/node/topic-folder.ts';
import type { SearchDictionary } from '../src/search/dictionary.ts';
import { planQuery } from '../src/search/query-plan.ts';
import type { QueryPlan } from '../src/search/query-plan.ts';
import { SEARCH_FILES, metaWeights } from '../src/search/record-fields.ts';
import { ResultPages } from '../src/search/result-pages.ts';
import { resultView } from '../src/search/result-view.ts';
import type { ResultView } from '../src/search/result-view.ts';
import { runSearch } from '../src/search/run-search.ts';
import type { EngineHit, SearchEngine, SearchMode } from '../src/search/run-search.ts';
import { Speller } from '../src/search/speller.ts';
import type { Episode } from '../src/transcript/schema.ts';
import { answerRank, figuresByKind, hitFigures, readJudgedQueries, slugOfHref } from './judged-queries.ts';
import type { HitFigures, JudgedQuery } from './judged-queries.ts';
import { runBaselineSearch } from './search-baseline.ts';

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
  mode: SearchMode;
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

/** Results looked at per query. */
const DEPTH = 10;

/** The result list one ranking shows for a query: its mode and the first `DEPTH` cards. */
export interface RankedViews {
  mode: SearchMode;
  views: ResultView[];
}

/** A way of turning a query into results, compared by this script. */
export interface Ranking {
  name: string;
  label: string;
  run(plan: QueryPlan, engine: SearchEngine): Promise<RankedViews>;
}

/** Cards for the first results of a mixed list (episodes, topics and passages together), as the page showed them before. */
async function mixedViews(mode: SearchMode, hits: readonly EngineHit[], plan: QueryPlan): Promise<RankedViews> {
  return { mode, views: await Promise.all(hits.slice(0, DEPTH).map(async (h) => resultView(await h.data(), plan.core))) };
}

/** The rankings compared: plain Pagefind, the page before coverage ranking, and the search page (moments list) last. */
export const rankings: Ranking[] = [
  {
    name: 'plain',
    label: 'plain Pagefind',
    run: async (plan, engine) => {
      const outcome = await runSearch(plan, {}, engine, { expand: false });
      return mixedViews(outcome.mode, outcome.hits, plan);
    },
  },
  {
    name: 'before',
    label: 'subset relaxation',
    run: async (plan, engine) => {
      const { mode, hits } = await runBaselineSearch(plan, {}, engine);
      return mixedViews(mode, hits, plan);
    },
  },
  {
    name: 'counts',
    label: 'coverage, old landing',
    run: async (plan, engine) => {
      // The coverage ranking, but each result lands on the paragraph with most matching words (as before), not where they cluster.
      const outcome = await runSearch(plan, {}, engine);
      const hits = outcome.hits.map(({ matches, ...hit }) => ({
        ...hit,
        data: async () => ({ ...(await hit.data()), locations: [...new Set((matches ?? []).map((m) => m.position))].sort((a, b) => a - b) }),
      }));
      const { moments } = await new ResultPages({ ...outcome, hits }, plan.core).next(DEPTH);
      return { mode: outcome.mode, views: moments.map((m) => m.view) };
    },
  },
  {
    name: 'page',
    label: 'coverage',
    run: async (plan, engine) => {
      const outcome = await runSearch(plan, {}, engine);
      const { moments } = await new ResultPages(outcome, [...plan.core, ...plan.terms]).next(DEPTH);
      return { mode: outcome.mode, views: moments.map((m) => m.view) };
    },
  },
];

/** Read tests/search/queries.json (or another file of the same shape). */
export function readQueries(file: string): QualityQuery[] {
  return (JSON.parse(readFileSync(file, 'utf8')) as { queries: QualityQuery[] }).queries;
}

/** Run one query and find where the expected episode and paragraph rank. */
export async function evaluateQuery(q: QualityQuery, engine: SearchEngine, speller: Speller, ranking: Ranking): Promise<QueryResult> {
  const { mode, views } = await ranking.run(planQuery(q.query, speller), engine);
  const episodeIndex = views.findIndex((v) => slugOfHref(v.href) === q.slug);
  const paragraphIndex = q.paragraphs
    ? views.findIndex((v) => slugOfHref(v.href) === q.slug && v.paragraph !== undefined && q.paragraphs?.includes(v.paragraph))
    : -1;
  return {
    query: q.query,
    kind: q.kind,
    mode,
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

/** A search index built in a temporary folder, loaded and ready to search. */
export interface QualityIndex {
  report: SearchIndexReport;
  episodes: Episode[];
  engine: SearchEngine;
  speller: Speller;
  /** Another engine over the same index, with other Pagefind options (`ranking`). */
  load(options: Record<string, unknown>): Promise<SearchEngine>;
  /** Delete the folder. */
  close(): void;
}

/**
 * Index `episodesDir` the way the site does: passages, episodes and topic
 * pages (discovered, plus the curated topics of `topicsDir` when given).
 */
export async function buildQualityIndex(episodesDir: string, topicsDir?: string): Promise<QualityIndex> {
  const dir = mkdtempSync(join(tmpdir(), 'verbatim-search-quality-'));
  try {
    const episodes = loadEpisodes(episodesDir);
    const topics = buildSiteTopics(episodes, { curatedTopics: topicsDir ? readTopicFolder(topicsDir).topics : [] });
    const report = await writeSearchIndex(episodes, { outDir: dir, base: '/', topics });
    const dictionary = JSON.parse(readFileSync(join(dir, SEARCH_FILES.dictionary), 'utf8')) as SearchDictionary;
    const bundle = join(dir, SEARCH_FILES.pagefindDir);
    const { engine } = await loadPagefind(bundle);
    return {
      report,
      episodes,
      engine,
      speller: new Speller(dictionary),
      load: async (options) => (await loadPagefind(bundle, options)).engine,
      close: () => rmSync(dir, { recursive: true, force: true }),
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

export interface QualityRun {
  index: SearchIndexReport;
  /** Figures per ranking name. */
  figures: Record<string, Figures>;
  results: Record<string, QueryResult[]>;
  speller: Speller;
}

/** Build the index for `episodesDir` (with the curated topics of `topicsDir`) and evaluate `queries` with every ranking. */
export async function measureQuality(episodesDir: string, queries: readonly QualityQuery[], topicsDir?: string): Promise<QualityRun> {
  const index = await buildQualityIndex(episodesDir, topicsDir);
  try {
    const run: QualityRun = { index: index.report, figures: {}, results: {}, speller: index.speller };
    for (const ranking of rankings) {
      const results: QueryResult[] = [];
      for (const q of queries) results.push(await evaluateQuery(q, index.engine, index.speller, ranking));
      run.results[ranking.name] = results;
      run.figures[ranking.name] = figures(results, queries);
    }
    return run;
  } finally {
    index.close();
  }
}

/** One judged query's outcome under one ranking. */
export interface JudgedResult {
  rank: number | null;
  /** Time to rank and load the first page of results, in Node with Pagefind's bundle (no network). */
  ms: number;
  mode: SearchMode;
  /** The first three results' links. */
  top: string[];
}

export interface JudgedRun {
  index: SearchIndexReport;
  /** Median time per query, per ranking name (ms). */
  medianMs: Record<string, number>;
  /** Figures per ranking name, then per kind (`all` for every query). */
  figures: Record<string, Record<string, HitFigures>>;
  results: Record<string, JudgedResult[]>;
}

/** Score the judged `queries` with one ranking on one engine. */
async function judge(queries: readonly JudgedQuery[], index: QualityIndex, engine: SearchEngine, ranking: Ranking): Promise<JudgedResult[]> {
  const bySlug = new Map(index.episodes.map((e) => [e.slug, e]));
  const results: JudgedResult[] = [];
  for (const q of queries) {
    const started = performance.now();
    const { mode, views } = await ranking.run(planQuery(q.query, index.speller), engine);
    const ms = performance.now() - started;
    results.push({ rank: answerRank(views, q, bySlug), ms, mode, top: views.slice(0, 3).map((v) => v.href) });
  }
  return results;
}

/** Build the index for `episodesDir` (no curated topics) and score the judged `queries` with every ranking. */
export async function measureJudged(episodesDir: string, queries: readonly JudgedQuery[]): Promise<JudgedRun> {
  const index = await buildQualityIndex(episodesDir);
  try {
    const run: JudgedRun = { index: index.report, medianMs: {}, figures: {}, results: {} };
    for (const ranking of rankings) {
      const results = await judge(queries, index, index.engine, ranking);
      run.results[ranking.name] = results;
      run.medianMs[ranking.name] = Math.round(median(results.map((r) => r.ms)) * 10) / 10;
      run.figures[ranking.name] = figuresByKind(queries, results.map((r) => r.rank));
    }
    return run;
  } finally {
    index.close();
  }
}

/** Pagefind `ranking` settings tried by `--ranking-options` (Pagefind's defaults: pageLength 0.75, termSaturation 1.4). */
export const RANKING_OPTIONS: { pageLength: number; termSaturation: number }[] = [0, 0.25, 0.5, 0.75, 1].flatMap((pageLength) =>
  [0.6, 1.0, 1.4, 2.0].map((termSaturation) => ({ pageLength, termSaturation })),
);

/** The judged set's figures (all queries, and questions) for the old and new ranking, under each of `RANKING_OPTIONS`. */
export async function tryRankingOptions(episodesDir: string, queries: readonly JudgedQuery[]) {
  const index = await buildQualityIndex(episodesDir);
  try {
    const out: { options: (typeof RANKING_OPTIONS)[number]; figures: Record<string, Record<string, HitFigures>> }[] = [];
    for (const options of RANKING_OPTIONS) {
      const engine = await index.load({ ranking: { metaWeights, ...options } });
      const figures: Record<string, Record<string, HitFigures>> = {};
      for (const ranking of rankings.filter((r) => r.name === 'before' || r.name === 'page')) {
        const ranks = (await judge(queries, index, engine, ranking)).map((r) => r.rank);
        const byKind = figuresByKind(queries, ranks);
        figures[ranking.name] = { all: byKind.all ?? hitFigures([]), question: byKind.question ?? hitFigures([]) };
      }
      out.push({ options, figures });
    }
    return out;
  } finally {
    index.close();
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length === 0 ? 0 : sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

const pct = (x: number) => `${(x * 100).toFixed(0)}%`.padStart(5);
const rankText = (r: number | null | undefined) => (r === null || r === undefined ? '-' : String(r)).padStart(2);

function printSample(queries: readonly QualityQuery[], run: QualityRun, verbose: boolean): void {
  const out = process.stdout;
  if (verbose) {
    for (let i = 0; i < queries.length; i++) {
      const cells = rankings.map((r) => {
        const res = run.results[r.name]?.[i];
        return `${r.name} ep ${rankText(res?.episodeRank)} para ${rankText(res?.paragraphRank)}`;
      });
      const last = run.results[rankings.at(-1)?.name ?? '']?.[i];
      out.write(`${(queries[i]?.query ?? '').padEnd(42)} ${(queries[i]?.kind ?? '').padEnd(12)} ${cells.join(' | ')} ${last?.mode ?? ''} ${last?.top ?? ''}\n`);
    }
  }
  out.write(`Sample content: ${queries.length} queries on ${run.index.passages} passages + ${run.index.episodes} episodes + ${run.index.topics} topics\n`);
  for (const r of rankings) {
    const f = run.figures[r.name];
    if (!f) continue;
    out.write(`  ${r.label.padEnd(18)} hit@1 ${pct(f.hit1)}  hit@5 ${pct(f.hit5)}  para@1 ${pct(f.para1)}  para@5 ${pct(f.para5)}  MRR ${f.mrr.toFixed(3)}\n`);
  }
}

function printJudged(queries: readonly JudgedQuery[], run: JudgedRun, verbose: boolean): void {
  const out = process.stdout;
  if (verbose) {
    for (let i = 0; i < queries.length; i++) {
      const cells = rankings.map((r) => `${r.name} ${rankText(run.results[r.name]?.[i]?.rank)}`);
      const last = run.results[rankings.at(-1)?.name ?? '']?.[i];
      out.write(`${(queries[i]?.query ?? '').padEnd(60)} ${(queries[i]?.kind ?? '').padEnd(11)} ${cells.join(' | ')}  ${last?.top[0] ?? ''}\n`);
    }
  }
  out.write(`Seed transcripts: ${queries.length} judged queries on ${run.index.passages} passages + ${run.index.episodes} episodes + ${run.index.topics} topics\n`);
  out.write('  (a result counts when it lands within 30 s of the answer; hit@1 / hit@3)\n');
  const kinds = Object.keys(run.figures[rankings[0]?.name ?? ''] ?? {});
  out.write(`  ${'kind'.padEnd(12)} ${'n'.padStart(3)}  ${rankings.map((r) => r.label.padStart(15)).join('  ')}\n`);
  for (const kind of kinds) {
    const n = run.figures[rankings[0]?.name ?? '']?.[kind]?.queries ?? 0;
    const cells = rankings.map((r) => {
      const f = run.figures[r.name]?.[kind];
      return f ? `${pct(f.hit1)} / ${pct(f.hit3)}`.padStart(15) : ''.padStart(15);
    });
    out.write(`  ${kind.padEnd(12)} ${String(n).padStart(3)}  ${cells.join('  ')}\n`);
  }
  out.write(`  ${'median ms'.padEnd(16)}  ${rankings.map((r) => `${(run.medianMs[r.name] ?? 0).toFixed(1)}`.padStart(15)).join('  ')}\n`);
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      episodes: { type: 'string', default: process.env.VERBATIM_EPISODES ?? 'content/episodes' },
      topics: { type: 'string', default: 'content/topics' },
      queries: { type: 'string', default: 'tests/search/queries.json' },
      seeds: { type: 'string', default: join(import.meta.dirname, '..', '..', 'shared', 'seeds') },
      'seed-queries': { type: 'string', default: 'tests/search/seed-queries.json' },
      out: { type: 'string', default: 'bench/search-quality.json' },
      verbose: { type: 'boolean', default: false },
      'ranking-options': { type: 'boolean', default: false },
    },
  });
  const queries = readQueries(values.queries);
  const sample = await measureQuality(values.episodes, queries, values.topics);
  printSample(queries, sample, values.verbose);

  const judged = readJudgedQueries(values['seed-queries']);
  let seeds: JudgedRun | null = null;
  if (existsSync(values.seeds)) {
    seeds = await measureJudged(values.seeds, judged);
    printJudged(judged, seeds, values.verbose);
  } else {
    process.stdout.write(`⚠ Seed transcripts skipped: ${values.seeds} is absent (it is present in CI); the judged set was not measured.\n`);
  }

  let options: Awaited<ReturnType<typeof tryRankingOptions>> | null = null;
  if (values['ranking-options'] && existsSync(values.seeds)) {
    options = await tryRankingOptions(values.seeds, judged);
    process.stdout.write('Pagefind ranking options on the judged set (hit@1 / hit@3; all queries, then questions):\n');
    for (const { options: o, figures: f } of options) {
      const cell = (name: string, kind: string) => {
        const x = f[name]?.[kind];
        return x ? `${pct(x.hit1)} / ${pct(x.hit3)}` : '';
      };
      process.stdout.write(
        `  pageLength ${o.pageLength.toFixed(2)} termSaturation ${o.termSaturation.toFixed(1)}   subset relaxation ${cell('before', 'all')} (q ${cell('before', 'question')})   coverage ${cell('page', 'all')} (q ${cell('page', 'question')})\n`,
      );
    }
  }

  const report = {
    about:
      'Search quality: scripts/search-quality.ts. sample: content/episodes with tests/search/queries.json; hit@k: the expected episode among the first k results; para@k: a result linking to an expected paragraph (queries that name one). seeds: ../shared/seeds with the judged set tests/search/seed-queries.json; hit@k: a result among the first k from the answering episode whose link lands within 30 s of the answering sentence (or on the answering paragraph of an untimed transcript), per kind of query.',
    rankings: Object.fromEntries(rankings.map((r) => [r.name, r.label])),
    sample: {
      corpus: { passages: sample.index.passages, episodes: sample.index.episodes, topics: sample.index.topics },
      index: { dataBytes: sample.index.dataBytes, totalBytes: sample.index.bytes, files: sample.index.files, dictionaryBytes: sample.index.dictionaryBytes },
      queries: queries.length,
      figures: sample.figures,
      perQuery: queries.map((q, i) => ({
        query: q.query,
        kind: q.kind,
        ...Object.fromEntries(
          rankings.map((r) => {
            const res = sample.results[r.name]?.[i];
            return [r.name, { episode: res?.episodeRank ?? null, paragraph: res?.paragraphRank ?? null, mode: res?.mode }];
          }),
        ),
      })),
    },
    seeds: seeds
      ? {
          corpus: { passages: seeds.index.passages, episodes: seeds.index.episodes, topics: seeds.index.topics },
          queries: judged.length,
          medianMs: seeds.medianMs,
          figures: seeds.figures,
          perQuery: judged.map((q, i) => ({
            query: q.query,
            kind: q.kind,
            ...Object.fromEntries(rankings.map((r) => [r.name, { rank: seeds.results[r.name]?.[i]?.rank ?? null, top: seeds.results[r.name]?.[i]?.top ?? [] }])),
          })),
        }
      : { skipped: `${values.seeds} is absent` },
    ...(options ? { rankingOptions: options } : {}),
  };
  writeFileSync(values.out, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`wrote ${values.out}\n`);
}
