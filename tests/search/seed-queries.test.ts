/**
 * The judged query set for the seed transcripts (tests/search/seed-queries.json,
 * frozen before tuning): its shape, the landing rule it is scored by, and,
 * where ../shared/seeds is present (CI), that every answer names a real
 * episode, time or paragraph and that the search page's ranking meets the
 * targets of issue 14 on it (hit@3 ≥ 89%, questions ≥ 80%) and beats the
 * ranking it replaced. Skips that part with a visible message without the seeds.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEpisodes } from '../../src/corpus/load-corpus.ts';
import { answerRank, landsOnAnswer, readJudgedQueries } from '../../scripts/judged-queries.ts';
import type { JudgedQuery } from '../../scripts/judged-queries.ts';
import { measureJudged } from '../../scripts/search-quality.ts';
import { makeEpisode } from '../knowledge/make-episode.ts';

const queries = readJudgedQueries('tests/search/seed-queries.json');
const seeds = join(import.meta.dirname, '..', '..', '..', 'shared', 'seeds');
const present = existsSync(seeds);
if (!present) console.warn(`\n  ⚠ judged seed queries not measured: ${seeds} is absent (it is present in CI)\n`);

describe('judged seed queries', () => {
  it('are at least 40, a third of them questions, each with a timed or paragraph answer', () => {
    expect(queries.length).toBeGreaterThanOrEqual(40);
    expect(queries.filter((q) => q.kind === 'question').length * 3).toBeGreaterThanOrEqual(queries.length);
    for (const q of queries) {
      expect(['question', 'misspelling', 'multi', 'name', 'phrase'], q.query).toContain(q.kind);
      expect(q.answers.length, q.query).toBeGreaterThan(0);
      for (const a of q.answers) expect((a.at?.length ?? 0) + (a.paragraphs?.length ?? 0), q.query).toBeGreaterThan(0);
    }
    for (const kind of ['misspelling', 'multi', 'name', 'phrase']) expect(queries.some((q) => q.kind === kind), kind).toBe(true);
  });

  it('count a result that lands within 30 s of the answer, or on (or just before) an answering paragraph', () => {
    const timed = makeEpisode({
      id: 'timed',
      speakers: [{ id: 'a' }],
      lines: [0, 40, 75, 140].map((start) => ({ speaker: 'a', text: 'words', start })),
    });
    const untimed = makeEpisode({ id: 'untimed', speakers: [{ id: 'a' }], lines: [1, 2, 3, 4].map(() => ({ speaker: 'a', text: 'words' })) });
    const episodes = new Map([timed, untimed].map((e) => [e.slug, e]));
    const q: JudgedQuery = { query: 'q', kind: 'question', answers: [{ slug: 'timed', at: [100] }, { slug: 'untimed', paragraphs: ['p3'] }] };
    const lands = (href: string, paragraph?: string) => landsOnAnswer(paragraph ? { href, paragraph } : { href }, q, episodes);
    expect(lands('/episodes/timed/#p3', 'p3')).toBe(true); // 75 s, 25 s before
    expect(lands('/episodes/timed/#p2', 'p2')).toBe(false); // 40 s
    expect(lands('/episodes/timed/#p4', 'p4')).toBe(false); // 140 s
    expect(lands('/episodes/untimed/#p3', 'p3')).toBe(true);
    expect(lands('/episodes/untimed/#p2', 'p2')).toBe(true); // the paragraph just before
    expect(lands('/episodes/untimed/#p1', 'p1')).toBe(false);
    expect(lands('/episodes/untimed/')).toBe(false); // an episode result has no moment
    expect(lands('/episodes/other/#p3', 'p3')).toBe(false);
    expect(answerRank([{ href: '/episodes/timed/' }, { href: '/episodes/timed/#p3', paragraph: 'p3' }], q, episodes)).toBe(2);
  });
});

describe.skipIf(!present)('judged seed queries on ../shared/seeds', () => {
  it('name episodes, times and paragraphs that exist', () => {
    const episodes = new Map(loadEpisodes(seeds).map((e) => [e.slug, e]));
    for (const q of queries) {
      for (const a of q.answers) {
        const episode = episodes.get(a.slug);
        expect(episode, `${q.query}: no episode ${a.slug}`).toBeDefined();
        for (const t of a.at ?? []) expect(t, q.query).toBeLessThanOrEqual(episode?.duration ?? Infinity);
        if (a.at) expect(episode?.paragraphs.some((p) => p.start !== null), `${q.query}: ${a.slug} is untimed`).toBe(true);
        const ids = new Set(episode?.paragraphs.map((p) => p.id));
        for (const p of a.paragraphs ?? []) expect(ids.has(p), `${q.query}: ${a.slug} has no ${p}`).toBe(true);
      }
    }
  });

  it('are answered by the search page: hit@3 ≥ 90%, questions ≥ 80%, better than subset relaxation', async () => {
    const run = await measureJudged(seeds, queries);
    const page = run.figures.page;
    const before = run.figures.before;
    // The target: 90% (51 of 56 land within 30 s of the answer, see docs/search.md).
    expect(page?.all?.hit3).toBeGreaterThanOrEqual(0.9);
    expect(page?.question?.hit3).toBeGreaterThanOrEqual(0.8);
    expect(page?.all?.hit3).toBeGreaterThan(before?.all?.hit3 ?? 1);
    expect(page?.all?.hit1).toBeGreaterThan(before?.all?.hit1 ?? 1);
    // Names and phrases keep working.
    expect(page?.name?.hit3).toBe(1);
    expect(page?.phrase?.hit3).toBe(1);
  }, 120_000);
});
