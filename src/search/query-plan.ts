/**
 * Turns what the user typed into what to search, before anything is
 * searched: the exact query; a corrected query when words are unknown to the
 * corpus (`heet pumps` → `heat pumps`, `Lindkvist` → `lindqvist`,
 * `sour dough` → also `sourdough`, `deep seak` → `deepseek`); and the
 * query's concepts, each with every form worth searching (the corrected
 * word, other spellings of a name the transcripts use, a joined or split
 * compound), which the ranking searches one by one (ranking.ts). Pure: the
 * same plan runs in the browser and in the quality script.
 */
import type { Speller } from './speller.ts';
import { words } from './text.ts';

/** A word the user typed, replaced by what the plan searches for. */
export interface Correction {
  from: string;
  to: string;
}

/** One thing the query asks for: a word (or a name or compound) and the forms it is searched in. */
export interface Concept {
  /** The form searched first: the typed word, or its correction. */
  form: string;
  /** Other forms searched too: a close runner-up correction, a name's other spellings, a joined or split compound. */
  alternatives: string[];
  /** A stop or question word (`the`, `what`): searched only when the query has nothing else. */
  stop: boolean;
  /** A word of a person's name (host, guest, speaker): it says whose talk is asked about, so it counts for the whole record it is found in. */
  name?: boolean;
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
  /** The query's concepts in order (corrected, unknown words left out); the stop words among them are marked. */
  concepts: Concept[];
  /** The corrected words, stop words included (for highlighting). */
  core: string[];
  /** The query holds a quoted phrase: searched as typed first, with no corrections. */
  quoted: boolean;
}

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
  /** Other forms, searched too. */
  alternatives: string[];
  /** Not in the vocabulary, and no correction found. */
  unknown?: boolean;
}

/** Most alternative forms per concept: each costs one Pagefind query. */
const MAX_ALTERNATIVES = 3;

/** Plan the searches for `raw`. */
export function planQuery(raw: string, speller: Speller): QueryPlan {
  const exact = raw.trim().replace(/\s+/g, ' ');
  const terms = words(exact);
  const plan: QueryPlan = { exact, terms, corrected: null, corrections: [], unknown: [], concepts: [], core: terms, quoted: false };
  if (terms.length === 0) return plan;
  if (/["“”]/.test(exact)) {
    // A quoted phrase asks for those exact words: no corrections, and only the words themselves as a fallback.
    plan.quoted = true;
    plan.concepts = concepts(terms.map((form) => ({ form, alternatives: [] })), null);
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

  plan.core = primary;
  plan.concepts = concepts(kept, speller);
  return plan;
}

/**
 * Concepts from slots: one per distinct primary form, with a one-word
 * form's two-word spelling (`openai` → `open ai`) among its alternatives when
 * a `speller` knows both words; stop words marked (all of them kept when
 * nothing else is left).
 */
function concepts(slots: readonly Slot[], speller: Speller | null): Concept[] {
  const out: Concept[] = [];
  const seen = new Set<string>();
  for (const slot of slots) {
    if (seen.has(slot.form)) continue;
    seen.add(slot.form);
    const compound = !slot.form.includes(' ') && speller ? speller.splitCompound(slot.form) : null;
    const forms = compound ? [compound, ...slot.alternatives] : slot.alternatives;
    const alternatives = [...new Set(forms)].filter((a) => a !== slot.form).slice(0, MAX_ALTERNATIVES);
    const concept: Concept = { form: slot.form, alternatives, stop: slot.form.split(' ').every((w) => STOP_WORDS.has(w)) };
    if (speller && !slot.form.includes(' ') && speller.isPerson(slot.form) && !concept.stop) concept.name = true;
    out.push(concept);
  }
  if (out.every((c) => c.stop)) for (const c of out) c.stop = false;
  return out;
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
