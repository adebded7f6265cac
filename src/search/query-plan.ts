/**
 * Turns what the user typed into the searches to run, before anything is
 * searched: the exact query; a corrected query when words are unknown to the
 * corpus (`heet pumps` → `heat pumps`, `Lindkvist` → `lindqvist`,
 * `sour dough` → also `sourdough`, `deep seak` → `deepseek`); other spellings
 * of names the transcripts use; and, for when all of that finds nothing,
 * relaxations that need fewer of the words (stop words first, then one word
 * fewer, then any single word). Pure: the same plan runs in the browser and
 * in the quality script.
 */
import type { Speller } from './speller.ts';
import { words } from './text.ts';

/** A word the user typed, replaced by what the plan searches for. */
export interface Correction {
  from: string;
  to: string;
}

/** One Pagefind query of a relaxation step, with how many of the query's words it keeps. */
export interface RelaxedQuery {
  query: string;
  /** Words of the (corrected) query this one keeps: more is better. */
  kept: number;
}

/** A relaxation step: its queries' results are merged, and the first step with any result wins. */
export interface RelaxStep {
  queries: RelaxedQuery[];
  /** Words dropped by every query of the step (stop words), for the notice. */
  dropped: string[];
}

export interface QueryPlan {
  /** The query as typed, trimmed: searched as is (the baseline, and the answer when nothing needed correcting). */
  exact: string;
  /** Folded words of the query. */
  terms: string[];
  /**
   * The query with misspellings corrected and words the corpus lacks left
   * out, or null when it would equal the typed words. Searched first: Pagefind
   * silently ignores a word it lacks (and matches `heet` as `he`), so results
   * for the typed words would quietly be results for fewer words.
   */
  corrected: string | null;
  corrections: Correction[];
  /** Words found nowhere in the corpus and not correctable (only known when the dictionary is complete). */
  unknown: string[];
  /** Queries with other known spellings of a word (a name's variant, a joined compound), searched with the main one. */
  expansions: string[];
  /** Tried in order when neither the exact nor the corrected query finds anything. */
  relaxations: RelaxStep[];
  /** The words the relaxations work with (corrected, stop words included). */
  core: string[];
}

/** Most expansion queries per search: each costs one Pagefind query. */
const MAX_EXPANSIONS = 4;
/** Longer queries only drop stop words and then try single words (n − 1 subsets would be too many searches). */
const MAX_SUBSET_TERMS = 6;

/** Function words and question words: dropped first when relaxing a query that found nothing. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an and are as at be been but by can could did do does for from had has have he her him his how i if in into is it its ' +
    'me my no not of on or our she so than that the their them then there these they this those to us was we were what when ' +
    'where which who whom why will with would you your about also just like really very talk talked talks talking say said says ' +
    'saying mention mentioned mentions episode episodes podcast'
  ).split(' '),
);

/** One position of the query: the form searched and other spellings worth searching too. */
interface Slot {
  /** Primary form (may be two words for a split, or one for a join). */
  form: string;
  /** Other forms, searched as expansions. */
  alternatives: string[];
  /** Not in the vocabulary, and no correction found. */
  unknown?: boolean;
}

/** Plan the searches for `raw`. */
export function planQuery(raw: string, speller: Speller): QueryPlan {
  const exact = raw.trim().replace(/\s+/g, ' ');
  const terms = words(exact);
  const plan: QueryPlan = { exact, terms, corrected: null, corrections: [], unknown: [], expansions: [], relaxations: [], core: terms };
  if (terms.length === 0) return plan;
  if (/["“”]/.test(exact)) {
    // A quoted phrase asks for those exact words: no corrections, and only the unquoted words as a fallback.
    plan.relaxations = [{ queries: [{ query: terms.join(' '), kept: terms.length }], dropped: [] }];
    return plan;
  }

  const slots: Slot[] = [];
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i] ?? '';
    const next = terms[i + 1];
    if (next !== undefined) {
      const joined = joinPair(t, next, speller);
      if (joined) {
        if (joined.replace) {
          plan.corrections.push({ from: `${t} ${next}`, to: joined.word });
          slots.push({ form: joined.word, alternatives: speller.alternatives(joined.word) });
        } else {
          slots.push({ form: `${t} ${next}`, alternatives: [joined.word, ...speller.alternatives(joined.word)] });
        }
        i++;
        continue;
      }
    }
    slots.push(wordSlot(t, speller, plan.corrections));
  }

  // With a complete vocabulary a word it lacks matches nothing: leave it out (unless nothing else is left).
  const unknown = speller.complete ? slots.filter((s) => s.unknown).map((s) => s.form) : [];
  const kept = unknown.length < slots.length ? slots.filter((s) => !(speller.complete && s.unknown)) : slots;
  plan.unknown = unknown;
  const primary = kept.map((s) => s.form);
  const corrected = primary.join(' ');
  if (corrected !== terms.join(' ')) plan.corrected = corrected;

  const expansions = new Set<string>();
  slots.forEach((slot, i) => {
    for (const alt of slot.alternatives) {
      if (expansions.size >= MAX_EXPANSIONS) return;
      expansions.add(primary.map((form, j) => (j === i ? alt : form)).join(' '));
    }
  });
  expansions.delete(corrected);
  expansions.delete(terms.join(' '));
  plan.expansions = [...expansions];

  plan.core = primary;
  plan.relaxations = relaxations(primary);
  return plan;
}

/** How a known or unknown single word is searched. */
function wordSlot(t: string, speller: Speller, corrections: Correction[]): Slot {
  if (speller.isKnown(t)) return { form: t, alternatives: speller.alternatives(t) };
  const [best, second] = speller.suggest(t);
  const split = speller.split(t);
  if (best && (best.distance === 1 || !split)) {
    corrections.push({ from: t, to: best.word });
    const alternatives = [...speller.alternatives(best.word)];
    // A close runner-up is searched too: `heet` may be `heat` or `heel`.
    if (second && second.cost - best.cost < 0.25) alternatives.unshift(second.word);
    return { form: best.word, alternatives };
  }
  if (split) {
    corrections.push({ from: t, to: split });
    return { form: split, alternatives: [] };
  }
  return { form: t, alternatives: [], unknown: true };
}

/**
 * Two typed words that are one word in the corpus: `sour dough` (both known,
 * so `sourdough` is searched as well) or `deep seak` (not both known, and the
 * join is one edit from a corpus word: replaced).
 */
function joinPair(a: string, b: string, speller: Speller): { word: string; replace: boolean } | null {
  const joined = a + b;
  const bothKnown = speller.isKnown(a) && speller.isKnown(b);
  if (speller.has(joined)) return { word: joined, replace: !bothKnown };
  if (bothKnown || joined.length < 7) return null;
  const [best] = speller.suggest(joined, 1);
  return best && best.distance <= 1 ? { word: best.word, replace: true } : null;
}

/** Relaxation steps over the corrected words. */
function relaxations(core: readonly string[]): RelaxStep[] {
  const steps: RelaxStep[] = [];
  const content = core.filter((w) => !STOP_WORDS.has(w));
  const dropped = core.filter((w) => STOP_WORDS.has(w));
  if (content.length === 0) return steps;
  if (dropped.length > 0) steps.push({ queries: [{ query: content.join(' '), kept: content.length }], dropped });
  if (content.length >= 2 && content.length <= MAX_SUBSET_TERMS) {
    steps.push({
      queries: content.map((_, skip) => ({ query: content.filter((__, j) => j !== skip).join(' '), kept: content.length - 1 })),
      dropped,
    });
  }
  if (content.length >= 3) {
    steps.push({ queries: content.map((w) => ({ query: w, kept: 1 })), dropped });
  }
  return steps;
}
