/**
 * Every place a candidate topic could be mentioned, kept compactly so that
 * mentions can be recounted for any subset of the candidates without the
 * text. Discovery drops failing candidates and recounts several times (a
 * junk phrase that swallowed a good one's words gives them back); reading
 * the corpus again for each count would not scale, so the text is read once
 * (`addParagraph`, one episode at a time) and each count replays the alias
 * matcher's leftmost-longest choice over these records (`count`).
 *
 * A record is one (first word, last word, alias) that fits the case rules,
 * in the order the matcher would prefer them; its size is a few bytes per
 * possible mention, so memory grows with the mentions of candidates, not
 * with the text.
 */
import type { AliasEntry, AliasMatcher } from '../alias-matcher.ts';
import type { CorpusParagraph } from '../corpus.ts';

/** Mentions of one candidate. */
export interface Counts {
  mentions: number;
  /** Mentions outside the intro and outro. */
  inner: number;
  /** Mentions by episode position. */
  episodes: Map<number, number>;
}

/** A growable column of 32-bit integers. */
class Column {
  data = new Int32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
}

export class MentionLattice {
  /** Word position of the record's first and last word, counted over all paragraphs read. */
  readonly #first = new Column();
  readonly #last = new Column();
  /** The alias's topic: a candidate id, or -1 for words that count for no candidate (curated aliases, exclude phrases). */
  readonly #topic = new Column();
  /** Episode position × 2, plus 1 for a paragraph in the intro or outro. */
  readonly #where = new Column();
  /** Words read so far: positions never repeat, so records of different paragraphs never meet. */
  #words = 0;

  /**
   * Record every alias of `matcher` that could match in the paragraph.
   * `spelled`, when given, hears how each two-word alias is written there
   * (the vocabulary keeps no spellings of pairs).
   */
  addParagraph(p: CorpusParagraph, matcher: AliasMatcher, spelled?: (entry: AliasEntry, surface: string) => void): void {
    const base = this.#words;
    const where = p.episode * 2 + (p.edge ? 1 : 0);
    const text = p.paragraph.text;
    matcher.scanAll(p.tokens, p.breaks, p.lowercase, (first: number, last: number, entry: AliasEntry) => {
      if (spelled && last === first + 1 && !entry.exclude && entry.topic >= 0) {
        const a = p.tokens[first] as { start: number; end: number };
        const b = p.tokens[last] as { start: number; end: number };
        const surface = text.slice(a.start, b.end);
        spelled(entry, b.start === a.end + 1 && text.charCodeAt(a.end) === 32 ? surface : surface.replace(/\s+/g, ' '));
      }
      this.#first.push(base + first);
      this.#last.push(base + last);
      this.#topic.push(entry.exclude ? -1 : entry.topic);
      this.#where.push(where);
    });
    // One position of slack, so a record never runs into the next paragraph.
    this.#words += p.tokens.length + 1;
  }

  /** Records held. */
  get size(): number {
    return this.#first.length;
  }

  /**
   * Mentions of each candidate when only those for which `active(id)` holds
   * are matched (with every non-candidate alias), the way `AliasMatcher.scan`
   * would count them: at each word the longest run with an active alias, its
   * first active alias, then on after the run.
   */
  count(active: (id: number) => boolean): Map<number, Counts> {
    const first = this.#first.data;
    const last = this.#last.data;
    const topic = this.#topic.data;
    const where = this.#where.data;
    const n = this.#first.length;
    const counts = new Map<number, Counts>();
    let next = 0;
    let r = 0;
    while (r < n) {
      const start = first[r] as number;
      // The records of one starting word: runs shortest first, best alias first within a run.
      let best = -1;
      let bestLast = -1;
      let end = r;
      while (end < n && first[end] === start) {
        const t = topic[end] as number;
        const l = last[end] as number;
        if (l > bestLast && (t < 0 || active(t))) {
          best = end;
          bestLast = l;
        }
        end++;
      }
      if (start >= next && best >= 0) {
        next = bestLast + 1;
        const t = topic[best] as number;
        if (t >= 0) {
          let c = counts.get(t);
          if (!c) counts.set(t, (c = { mentions: 0, inner: 0, episodes: new Map() }));
          const w = where[best] as number;
          const episode = w >> 1;
          c.mentions++;
          if ((w & 1) === 0) c.inner++;
          c.episodes.set(episode, (c.episodes.get(episode) ?? 0) + 1);
        }
      }
      r = end;
    }
    return counts;
  }
}
