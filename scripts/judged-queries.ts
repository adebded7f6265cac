/**
 * The judged query set for the seed transcripts (tests/search/seed-queries.json):
 * reading it, and scoring a ranked result list against it. A result counts
 * when it is from an answering episode and its link lands on the answer:
 * within `LANDING_SECONDS` of an answering time in a timed transcript, or on
 * a listed paragraph (or the one just before it, about as far as 30 s of
 * speech) in an untimed one. hit@k: a result that counts among the first k.
 */
import { readFileSync } from 'node:fs';
import type { ResultView } from '../src/search/result-view.ts';
import type { Episode } from '../src/transcript/schema.ts';

/** Where one episode answers a judged query. */
export interface JudgedAnswer {
  slug: string;
  /** Start (seconds) of the answering sentence(s), in a timed transcript. */
  at?: number[];
  /** Paragraph ids holding the answer, in an untimed transcript. */
  paragraphs?: string[];
}

export interface JudgedQuery {
  query: string;
  /** question, misspelling, multi, name or phrase. */
  kind: string;
  answers: JudgedAnswer[];
}

/** How far (seconds) a result's landing may be from the answering sentence. */
export const LANDING_SECONDS = 30;

export function readJudgedQueries(file: string): JudgedQuery[] {
  return (JSON.parse(readFileSync(file, 'utf8')) as { queries: JudgedQuery[] }).queries;
}

/** The episode slug of a result link (`/episodes/<slug>/#p3` → `<slug>`). */
export function slugOfHref(href: string): string {
  return decodeURIComponent(href.split('#')[0]?.replace(/\/$/, '').split('/').pop() ?? '');
}

/** True when `view` lands on an answer of `q`. Episode and topic results have no moment, so never count. */
export function landsOnAnswer(view: Pick<ResultView, 'href' | 'paragraph'>, q: JudgedQuery, episodes: ReadonlyMap<string, Episode>): boolean {
  if (view.paragraph === undefined) return false;
  const slug = slugOfHref(view.href);
  const episode = episodes.get(slug);
  if (!episode) return false;
  const index = episode.paragraphs.findIndex((p) => p.id === view.paragraph);
  const paragraph = episode.paragraphs[index];
  if (!paragraph) return false;
  const start = paragraph.start;
  return q.answers.some((answer) => {
    if (answer.slug !== slug) return false;
    if (answer.at && start !== null) return answer.at.some((t) => Math.abs(t - start) <= LANDING_SECONDS);
    if (answer.paragraphs) {
      const next = episode.paragraphs[index + 1]?.id;
      return answer.paragraphs.includes(paragraph.id) || (next !== undefined && answer.paragraphs.includes(next));
    }
    return false;
  });
}

/** Rank (1-based) of the first result that lands on an answer, or null. */
export function answerRank(views: readonly Pick<ResultView, 'href' | 'paragraph'>[], q: JudgedQuery, episodes: ReadonlyMap<string, Episode>): number | null {
  const i = views.findIndex((v) => landsOnAnswer(v, q, episodes));
  return i === -1 ? null : i + 1;
}

/** hit@1 and hit@3 over some queries' answer ranks. */
export interface HitFigures {
  queries: number;
  hit1: number;
  hit3: number;
}

export function hitFigures(ranks: readonly (number | null)[]): HitFigures {
  const share = (ok: number) => (ranks.length === 0 ? 0 : Math.round((ok / ranks.length) * 1000) / 1000);
  return {
    queries: ranks.length,
    hit1: share(ranks.filter((r) => r !== null && r <= 1).length),
    hit3: share(ranks.filter((r) => r !== null && r <= 3).length),
  };
}

/** Figures overall and per kind. */
export function figuresByKind(queries: readonly JudgedQuery[], ranks: readonly (number | null)[]): Record<string, HitFigures> {
  const out: Record<string, HitFigures> = { all: hitFigures(ranks) };
  for (const kind of [...new Set(queries.map((q) => q.kind))].sort()) {
    out[kind] = hitFigures(ranks.filter((_, i) => queries[i]?.kind === kind));
  }
  return out;
}
