/**
 * Coverage-first ranking. Pagefind requires every word of a query and
 * silently ignores the ones it lacks, so a question ("how much of US GDP
 * growth came from data center investment") finds nothing with all its
 * words, and short topic pages matching one word win on BM25. Instead: one
 * Pagefind search per concept of the query (ids, scores and word positions
 * only; no fragment is loaded), then each record is scored by the inverse
 * document frequency of the concepts it holds (a rare word like `gdp`
 * counts for more than `much`), plus a bonus when they are said close
 * together and when neighbours in the query are neighbours in the text;
 * Pagefind's own score breaks ties. Works on ids, scores and positions only,
 * so it is the same whether a record is one passage or a window of several
 * paragraphs, and whether the index is one bundle or several merged ones.
 */
import { adjacentPairs, bestWindow } from './match-window.ts';
import type { Match } from './match-window.ts';
import { PASSAGE_WORDS } from './record-fields.ts';
import type { Concept } from './query-plan.ts';
import type { EngineHit, Filters, SearchEngine } from './run-search.ts';

/** How much each part of the score counts (the IDF of a concept found in the text counts 1). */
export interface RankingWeights {
  /** A concept matched only in the record's metadata (episode title, speaker). */
  metadata: number;
  /** The concepts said within one window of `WINDOW_WORDS` words, again. */
  proximity: number;
  /** Two concepts next to each other in the text, as in the query (mean of their IDFs). */
  phrase: number;
}

export const RANKING_WEIGHTS: RankingWeights = { metadata: 0.5, proximity: 0.5, phrase: 0.5 };

/**
 * Words within which the query's concepts count as found together: about a
 * minute of speech, the length of a spoken answer.
 */
export const COVERAGE_WORDS = 120;

/** Most moments taken from one record. */
export const MOMENTS_PER_RECORD = 3;
/** Each later moment of a record ranks at this share of what its own score would give. */
export const LATER_MOMENT = 0.8;

/**
 * The places in one record where the query's words come together, best
 * first: the best span of `COVERAGE_WORDS` words, then the best span away
 * from it, and so on, each holding at least half the weight of the first
 * (a lone common word elsewhere is no moment). Each is returned as the
 * matches near it, so a result lands there.
 */
export function momentsOf(matches: readonly Match[], weights: readonly number[]): Match[][] {
  const moments: Match[][] = [];
  let rest = [...matches];
  let first = 0;
  while (rest.length > 0 && moments.length < MOMENTS_PER_RECORD) {
    const span = bestWindow(rest, weights, COVERAGE_WORDS);
    if (!span) break;
    if (moments.length === 0) first = span.weight;
    else if (span.weight < first / 2) break;
    const from = span.start - COVERAGE_WORDS / 2;
    const to = span.end + COVERAGE_WORDS / 2;
    moments.push(rest.filter((m) => m.position >= span.start && m.position <= span.end));
    rest = rest.filter((m) => m.position < from || m.position > to);
  }
  return moments;
}

/** Most concepts searched per query: each costs a Pagefind search per form. */
export const MAX_CONCEPTS = 10;

/** One record's results for the whole query. */
export interface ScoredHit extends EngineHit {
  /** The ranking score. */
  rank: number;
  /** Concepts (indices into the searched concepts) the moment holds: said within it, or held by its record as a whole (metadata, a person's name). */
  concepts: number[];
  /** Matching words in the content, with the concept each matched. */
  matches: Match[];
}

/** What the searches of one concept found. */
export interface ConceptHits {
  /** Records matching any form of the concept, once each (positions merged, best score kept). */
  hits: EngineHit[];
  /** Alternative forms (not the first) that found a record. */
  usedAlternatives: string[];
}

/** The text Pagefind is asked for one form: several words are a phrase (`"deep seek"`), so they must be said together. */
export function formQuery(form: string): string {
  return form.includes(' ') ? `"${form}"` : form;
}

/** Search each concept in each of its forms, in parallel; one entry per concept, in order. */
export async function searchConcepts(concepts: readonly Concept[], filters: Filters, engine: SearchEngine): Promise<ConceptHits[]> {
  return Promise.all(
    concepts.map(async (concept) => {
      const forms = [concept.form, ...concept.alternatives];
      const found = await Promise.all(forms.map((form) => engine.search(formQuery(form), filters)));
      const byId = new Map<string, EngineHit>();
      const usedAlternatives: string[] = [];
      found.forEach((hits, i) => {
        if (i > 0 && hits.length > 0) usedAlternatives.push(forms[i] ?? '');
        for (const hit of hits) {
          const seen = byId.get(hit.id);
          if (!seen) byId.set(hit.id, { ...hit, words: [...hit.words] });
          else {
            seen.words = [...new Set([...seen.words, ...hit.words])].sort((a, b) => a - b);
            seen.score = Math.max(seen.score, hit.score);
          }
        }
      });
      return { hits: [...byId.values()], usedAlternatives };
    }),
  );
}

/**
 * Inverse document frequency of a concept found in `found` of `total`
 * records (BM25's, never negative): rare concepts count for more.
 */
export function idf(found: number, total: number): number {
  const n = Math.max(total, found);
  return Math.log(1 + (n - found + 0.5) / (found + 0.5));
}

/** How many spans of COVERAGE_WORDS words the hits hold the concept in (a metadata-only hit counts as one). */
function spansHolding(hits: readonly EngineHit[]): number {
  let n = 0;
  for (const hit of hits) {
    if (hit.words.length === 0) {
      n++;
      continue;
    }
    let last = -1;
    for (const position of hit.words) {
      const span = Math.floor(position / COVERAGE_WORDS);
      if (span !== last) n++;
      last = span;
    }
  }
  return n;
}

/**
 * Score every record found by any concept and sort: the records holding the
 * most (IDF-weighted) concepts first, closer together first, then by
 * Pagefind's score. A record that matched only in its metadata is left out
 * (every metadata field is searchable: `heat pumps` would otherwise return
 * every passage of the episode titled "Heat Pumps and the Grid").
 * `total` is the number of records searched (the N of the IDF).
 */
export function rankByCoverage(
  perConcept: readonly ConceptHits[],
  total: number,
  weights: RankingWeights = RANKING_WEIGHTS,
  /** Concepts (indexes) that are names: they count for every moment of a record that holds them. */
  names: ReadonlySet<number> = new Set(),
): { hits: ScoredHit[]; idfs: number[] } {
  // Document frequency over answer-sized spans, not records: a record is a window of several hundred
  // words, and on a small archive nearly every one holds a common word, flattening the IDF.
  const spans = total * Math.max(1, PASSAGE_WORDS / COVERAGE_WORDS);
  const idfs = perConcept.map((c) => idf(spansHolding(c.hits), spans));
  const records = new Map<string, { hit: EngineHit; score: number; concepts: number[]; matches: Match[]; text: number; metadata: number }>();
  perConcept.forEach((c, concept) => {
    const weight = idfs[concept] ?? 0;
    for (const hit of c.hits) {
      let record = records.get(hit.id);
      if (!record) {
        record = { hit, score: 0, concepts: [], matches: [], text: 0, metadata: 0 };
        records.set(hit.id, record);
      }
      record.score += hit.score;
      record.concepts.push(concept);
      if (hit.words.length > 0) {
        record.text += weight;
        for (const position of hit.words) record.matches.push({ position, concept });
      } else {
        record.metadata += weight;
      }
    }
  });

  const hits: ScoredHit[] = [];
  for (const record of records.values()) {
    if (record.matches.length === 0) continue;
    // A record is a window of several paragraphs: each place in it where the query's words come together is a moment of its own.
    // Names (a speaker, a show) found anywhere in the record speak for all of it: "what did Ama say about heat pumps"
    // is answered where Ama's conversation turns to heat pumps, not only where her name is said.
    const named = record.concepts.filter((c) => names.has(c));
    const textual = new Set(record.matches.map((m) => m.concept));
    momentsOf(record.matches, idfs).forEach((matches, k) => {
      const inside = new Set(matches.map((m) => m.concept));
      const scope = named.filter((c) => !inside.has(c)).reduce((sum, c) => sum + (idfs[c] ?? 0), 0);
      const window = bestWindow(matches, idfs);
      let phrase = 0;
      for (const pair of adjacentPairs(matches)) {
        const [a = 0, b = 0] = pair.split(':').map(Number);
        phrase += ((idfs[a] ?? 0) + (idfs[b] ?? 0)) / 2;
      }
      // Coverage within a passage-sized span, not the whole record.
      const covered = bestWindow(matches, idfs, COVERAGE_WORDS)?.weight ?? 0;
      // A record's later moments count for less: one long stretch of talk should not fill the first page.
      const rank = (covered + weights.metadata * (record.metadata + scope) + weights.proximity * (window?.weight ?? 0) + weights.phrase * phrase) * LATER_MOMENT ** k;
      // The moment holds the concepts said within it, plus those the record holds as a whole (metadata, names).
      const held = record.concepts.filter((c) => inside.has(c) || names.has(c) || !textual.has(c));
      hits.push({ ...record.hit, id: k === 0 ? record.hit.id : `${record.hit.id}@${k}`, score: record.score, rank, concepts: held, matches });
    });
  }
  hits.sort((a, b) => b.rank - a.rank || b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { hits, idfs };
}
