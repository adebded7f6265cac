/**
 * What each episode's own metadata names: its title, tags and topics,
 * written by a person rather than heard by a recognizer. (Not the summary:
 * it names everything in passing, and some exporters fill it with the
 * transcript's first line.) Two uses in discovery: a phrase or name an
 * episode is titled with is one of its themes even when it is said only a
 * few times ("the AI diffusion rule"), and a name spelled there is spelled
 * right ("Groq" in the title where the captions heard "Grock"; "DeepSeek"
 * where they wrote "Deepseek").
 */
import { doubleMetaphone } from 'double-metaphone';
import { distance } from 'fastest-levenshtein';
import type { Episode } from '../../../transcript/schema.ts';
import { tokenize } from '../words.ts';

/** Longest phrase taken from a headline, in words (as long as discovery's candidates). */
const MAX_WORDS = 4;
/** Largest edit distance between a heard name and its headline spelling (and they must sound alike). */
const MAX_SPELLING_EDITS = 2;
/** Shortest name corrected by a near-spelling (shorter names have too many neighbours). */
const MIN_SPELLING_LENGTH = 4;

interface Run {
  /** Word keys, space-joined. */
  keys: string;
  /** Keys run together, for names written split or joined ("deep seek" / "DeepSeek"). */
  joined: string;
  /** As written in the headline. */
  surface: string;
  /** Every word starts with a capital. */
  capitalized: boolean;
}

export class Headlines {
  /** Per episode (by position): every run of up to four words of its headlines, not across punctuation. */
  readonly #runs: Run[][] = [];
  /** Episodes (by position) whose headlines hold each run, by its space-joined keys. */
  readonly #naming = new Map<string, number[]>();
  /** Runs of the summaries, by their space-joined keys. */
  readonly #summarized = new Set<string>();

  /** Note the title, tags and topics of the next episode. */
  add(e: Episode): void {
    const index = this.#runs.length;
    const runs = [e.title, ...e.tags, ...e.topics].flatMap((text) => runsOf(text));
    this.#runs.push(runs);
    for (const r of runsOf(e.summary ?? '')) this.#summarized.add(r.keys);
    for (const r of runs) {
      const list = this.#naming.get(r.keys);
      if (!list) this.#naming.set(r.keys, [index]);
      else if (list.at(-1) !== index) list.push(index);
    }
  }

  /**
   * True when a title, tag, topic or summary holds this phrase: it is
   * considered before any filter (the summary names too much in passing,
   * and is sometimes the transcript's first line, to exempt a phrase from
   * the thresholds as well).
   */
  mentions(keys: readonly string[]): boolean {
    const id = keys.join(' ');
    return this.#naming.has(id) || this.#summarized.has(id);
  }

  /** Episodes (by position) whose headlines hold this phrase. */
  naming(keys: readonly string[]): readonly number[] {
    return this.#naming.get(keys.join(' ')) ?? [];
  }

  /**
   * How the headlines of `episodes` spell a name whose keys run together as
   * `joined`: the same letters written with capitals ("DeepSeek"), or a
   * capitalised near-spelling that sounds the same ("Groq" for "grock").
   * Undefined when no headline spells it.
   */
  spelling(joined: string, episodes: Iterable<number>): string | undefined {
    let near: string | undefined;
    for (const e of episodes) {
      for (const run of this.#runs[e] ?? []) {
        if (!run.capitalized) continue;
        if (run.joined === joined) return run.surface;
        if (near === undefined && joined.length >= MIN_SPELLING_LENGTH && soundsLike(run.joined, joined)) near = run.surface;
      }
    }
    return near;
  }
}

function soundsLike(a: string, b: string): boolean {
  if (a.length < MIN_SPELLING_LENGTH || distance(a, b) > MAX_SPELLING_EDITS) return false;
  const [pa] = doubleMetaphone(a);
  const [pb] = doubleMetaphone(b);
  return pa === pb;
}

function runsOf(text: string): Run[] {
  const { tokens, breaks } = tokenize(text);
  const out: Run[] = [];
  for (let i = 0; i < tokens.length; i++) {
    for (let n = 1; n <= MAX_WORDS && i + n <= tokens.length; n++) {
      if (n > 1 && breaks.has(i + n - 1)) break;
      const words = tokens.slice(i, i + n);
      const first = words[0];
      const last = words.at(-1);
      if (!first || !last || words.some((w) => w.key === '')) continue;
      out.push({
        keys: words.map((w) => w.key).join(' '),
        joined: words.map((w) => w.key).join(''),
        surface: text.slice(first.start, last.end).replace(/['’]s$/, ''),
        capitalized: words.every((w) => w.capitalized),
      });
    }
  }
  return out;
}
