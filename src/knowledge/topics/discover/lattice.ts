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
 * with the text. Each episode's records are made on their own
 * (`EpisodeLattice`, a part that can be cached) and appended in episode
 * order.
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

/**
 * One episode's records (what `MentionLattice.append` adds): word positions
 * counted from the episode's first word, the alias's topic as the matcher
 * that found them numbered it, and whether the paragraph is in the intro
 * or outro; with the spellings of two-word aliases heard, in the order
 * first heard. Plain arrays, so it can be cached.
 */
export interface LatticePart {
  first: Int32Array;
  last: Int32Array;
  topic: Int32Array;
  edge: Uint8Array;
  /** Word positions the episode takes (its words, plus one of slack per paragraph). */
  words: number;
  /** Spellings heard: the alias (by the number `spelling` gave it), the words as written, how often. */
  spelled: Int32Array;
  surfaces: string[];
  surfaceCounts: Int32Array;
}

/** Records one episode's possible mentions, paragraph by paragraph, into a `LatticePart`. */
export class EpisodeLattice {
  readonly #first = new Column();
  readonly #last = new Column();
  readonly #topic = new Column();
  readonly #edge = new Column();
  #words = 0;
  readonly #heard = new Map<string, number>();
  readonly #spelled: number[] = [];
  readonly #surfaces: string[] = [];
  readonly #surfaceCounts: number[] = [];

  /**
   * Record every alias of `matcher` that could match in the paragraph.
   * `spelling(entry)`, when it gives a number, hears how that two-word
   * alias is written there (the vocabulary keeps no spellings of pairs).
   */
  addParagraph(
    p: Pick<CorpusParagraph, 'tokens' | 'breaks' | 'edge' | 'lowercase'> & { paragraph: { text: string } },
    matcher: AliasMatcher,
    spelling?: (entry: AliasEntry) => number | undefined,
  ): void {
    const base = this.#words;
    const edge = p.edge ? 1 : 0;
    const text = p.paragraph.text;
    matcher.scanAll(p.tokens, p.breaks, p.lowercase, (first: number, last: number, entry: AliasEntry) => {
      if (spelling && last === first + 1 && !entry.exclude && entry.topic >= 0) {
        const ref = spelling(entry);
        if (ref !== undefined) {
          const a = p.tokens[first] as { start: number; end: number };
          const b = p.tokens[last] as { start: number; end: number };
          const written = text.slice(a.start, b.end);
          const surface = b.start === a.end + 1 && text.charCodeAt(a.end) === 32 ? written : written.replace(/\s+/g, ' ');
          const id = `${ref}\u0000${surface}`;
          let k = this.#heard.get(id);
          if (k === undefined) {
            this.#heard.set(id, (k = this.#spelled.length));
            this.#spelled.push(ref);
            this.#surfaces.push(surface);
            this.#surfaceCounts.push(0);
          }
          this.#surfaceCounts[k] = (this.#surfaceCounts[k] as number) + 1;
        }
      }
      this.#first.push(base + first);
      this.#last.push(base + last);
      this.#topic.push(entry.exclude ? -1 : entry.topic);
      this.#edge.push(edge);
    });
    // One position of slack, so a record never runs into the next paragraph.
    this.#words += p.tokens.length + 1;
  }

  part(): LatticePart {
    return {
      first: this.#first.data.slice(0, this.#first.length),
      last: this.#last.data.slice(0, this.#last.length),
      topic: this.#topic.data.slice(0, this.#topic.length),
      edge: Uint8Array.from(this.#edge.data.subarray(0, this.#edge.length)),
      words: this.#words,
      spelled: Int32Array.from(this.#spelled),
      surfaces: this.#surfaces,
      surfaceCounts: Int32Array.from(this.#surfaceCounts),
    };
  }
}

/** Count one mention of candidate `t` at `where` (episode × 2, plus 1 in an intro or outro). */
function add(counts: Map<number, Counts>, t: number, where: number): void {
  let c = counts.get(t);
  if (!c) counts.set(t, (c = { mentions: 0, inner: 0, episodes: new Map() }));
  const episode = where >> 1;
  c.mentions++;
  if ((where & 1) === 0) c.inner++;
  c.episodes.set(episode, (c.episodes.get(episode) ?? 0) + 1);
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

  /** Add the records of the next episode, at position `episode`; `topicId` turns the part's topic numbers into candidate ids. */
  append(part: LatticePart, episode: number, topicId: (topic: number) => number): void {
    const base = this.#words;
    for (let i = 0; i < part.first.length; i++) {
      const t = part.topic[i] as number;
      this.#first.push(base + (part.first[i] as number));
      this.#last.push(base + (part.last[i] as number));
      this.#topic.push(t < 0 ? -1 : topicId(t));
      this.#where.push(episode * 2 + (part.edge[i] as number));
    }
    this.#words += part.words;
  }

  /** Records held. */
  get size(): number {
    return this.#first.length;
  }

  /**
   * Mentions of each candidate when only those for which `active(id)` holds
   * are matched (with every non-candidate alias), the way `AliasMatcher.scan`
   * would count them: at each word the longest run with an active alias, its
   * first active alias, then on after the run. When `overlaps` is given,
   * it gets (candidate, taker, where) for each mention a candidate lost to
   * a run of as many words that started earlier ("domestic supply" taking
   * "supply" of "supply chain"), `where` as in `Counts`' episodes (episode
   * × 2, plus 1 in an intro or outro).
   */
  count(active: (id: number) => boolean, overlaps?: number[]): Map<number, Counts> {
    const first = this.#first.data;
    const last = this.#last.data;
    const topic = this.#topic.data;
    const where = this.#where.data;
    const n = this.#first.length;
    const counts = new Map<number, Counts>();
    let next = 0;
    // The run that set `next`: its candidate and its length in words.
    let taker = -1;
    let takerWords = 0;
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
      if (best >= 0) {
        const t = topic[best] as number;
        if (start >= next) {
          next = bestLast + 1;
          taker = t;
          takerWords = bestLast - start + 1;
          if (t >= 0) add(counts, t, where[best] as number);
        } else if (overlaps && t >= 0 && taker >= 0 && bestLast - start + 1 === takerWords) {
          overlaps.push(t, taker, where[best] as number);
        }
      }
      r = end;
    }
    return counts;
  }
}
