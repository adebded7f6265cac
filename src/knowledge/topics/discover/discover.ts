/**
 * Discovered topics: names and key phrases the transcripts keep coming back
 * to, found without a topic file, over episodes read one at a time in two
 * passes. The pipeline (docs/topics.md has the thresholds and the reasons):
 *
 * 1. candidates: noun phrases from wink-nlp (noun-phrases.ts, tagged on a
 *    second thread for large corpora, ../second-thread.ts), with filler, number,
 *    calendar, boilerplate and profane words cut out (stop-words.ts), and
 *    the phrases the tagger cut short before a verb (cut-short.ts);
 * 2. static filters: the speakers' and shows' own names (names.ts), words
 *    too everyday in spoken or written English (background.ts), phrases
 *    whose words are no collocation (log-likelihood, vocabulary.ts); what
 *    titles, tags and summaries name skips them;
 * 3. variants merged: the same letters split differently ("deep seek",
 *    "DeepSeek"), near-misspellings of a name ("Navidia", "Corwave"),
 *    acronyms and clipped names ("TSMC", "the Fed"), surnames ("Altman");
 * 4. counting over a lattice of possible mentions (lattice.ts), longest
 *    phrase first, so a word inside a longer topic only counts for that
 *    topic; candidates that miss the thresholds are dropped longest first
 *    and the rest recounted;
 * 5. ranking by mentions per episode and specificity, capped, with each
 *    episode's own salient topics kept past the cap.
 */
import { doubleMetaphone } from 'double-metaphone';
import { distance } from 'fastest-levenshtein';
import { AliasMatcher } from '../alias-matcher.ts';
import type { AliasCase, AliasEntry } from '../alias-matcher.ts';
import type { Episode } from '../../../transcript/schema.ts';
import { speechText } from '../corpus.ts';
import { canonicalOrder, decodePart, encodePart, isInt32, isStrings, matcherDigest, partKey } from '../parts.ts';
import type { TopicPartCache } from '../parts.ts';
import { backgroundZipf, generalZipf } from './background.ts';
import { cutShortPhrases } from './cut-short.ts';
import { Headlines } from './headlines.ts';
import { NameWords } from './names.ts';
import { EVERYDAY_PHRASE_ZIPF } from './noun-phrases.ts';
import { PHRASE_NUMBERS, PhraseTable } from './phrase-table.ts';
import type { Phrase, PhrasePart } from './phrase-table.ts';
import { passMatcher, SecondThread } from '../second-thread.ts';
import type { MatcherSpec, PassMatcher } from '../second-thread.ts';
import { compareText, phraseKeys, tokenize } from '../words.ts';
import { MentionLattice } from './lattice.ts';
import type { Counts, LatticePart } from './lattice.ts';
import { EpisodeVocabulary, MIN_FUZZY_LENGTH, Vocabulary } from './vocabulary.ts';
import type { VocabularyPart } from './vocabulary.ts';

/** Thresholds of discovery; documented in docs/topics.md. */
export const discoveryRules = {
  /** A topic needs this many mentions when it is in three episodes or more… */
  minMentionsWide: 4,
  /** …this many when it is in two… */
  minMentionsTwo: 6,
  /** …and this many when it is in only one. */
  minMentionsOne: 5,
  /** A name (written as one at least this share of the time) needs only this many mentions, in any number of episodes. */
  nameShare: 0.75,
  minMentionsName: 3,
  /** Mentions outside the first and last minute (intros, outros, sponsor reads) a topic needs. */
  minInnerMentions: 2,
  /** Single names (proper nouns, acronyms): at most this common in spoken English (Zipf; the commonest first names "Mike", "Sam", "John" above 5 out)… */
  maxZipfName: 5.0,
  /** …and above this, only when written capitalised mid-sentence at least half the time where the text has capitals ("America" 4.9 yes; "Interesting." as a reply, 4.9, which the tagger calls a name at a sentence start, no). */
  maxZipfNameByTagger: 4.8,
  /** …and at least this much more frequent in the corpus than in spoken English (log10 ratio): film speech says "America", "Europe", "Apple" often, a talk that keeps coming back to them is about them… */
  minKeynessName: 0.5,
  /** …an acronym this much more than in speech and writing ("CEO" is everyday in business writing). */
  minKeynessAcronym: 1.0,
  /** Single common nouns: at most this common (Zipf 4.3 ≈ "economy", "software")… */
  maxZipfWord: 4.3,
  /** …and at least this much more frequent than in spoken English. */
  minKeynessWord: 1.6,
  /** Phrases: at least one word at most this common ("data center" yes, "little bit" no). */
  maxZipfPhrase: EVERYDAY_PHRASE_ZIPF,
  /** An adjective at least this common must stick to its noun ("open source") to start a phrase ("new model" no)… */
  commonAdjectiveZipf: 4.5,
  /** …in at least this share of the noun's occurrences. */
  minAdjectiveCohesion: 0.5,
  /** A phrase's neighbouring words must go together: Dunning's log-likelihood G² of each pair at least this ("data center" yes, "model progress" no). */
  minCollocation: 20,
  /** A phrase whose words but the last are a candidate this many times more frequent is dropped ("Nvidia chips"). */
  modifierRatio: 3,
  /** A phrase said after the same word this share of the time is a piece of the longer phrase ("Valley" of "Silicon Valley"). */
  fragmentShare: 0.8,
  /** A single word must be the head of its noun phrase (not a modifier of another noun) this share of the time. */
  minHeadShare: 0.35,
  /** A single common word must be a subject somewhere: this many mentions in one episode… */
  minWordInOne: 8,
  /** …unless it is this specialised (keyness). */
  minKeynessWordAnywhere: 3,
  /** A near-spelling is merged into a name only when the name is this many times more frequent… */
  variantRatio: 3,
  /** …and the near-spelling is no word of everyday English (Zipf at most this)… */
  maxVariantZipf: 2.0,
  /** …unless no spelling is an everyday word (Zipf at least this, spoken or written) and they sound the same. */
  ordinaryZipf: 3.0,
  /** A name whose lower-case form is this common matches only when capitalised ("Apple", "Fed"). */
  capitalizedZipf: 3.5,
  /** At most this many discovered topics per episode in the corpus (and at least `minCap`)… */
  topicsPerEpisode: 8,
  minCap: 100,
  /** …plus, for each episode, this many more of its own topics (salient there), so no episode's own subject is cut… */
  ownTopicsPerEpisode: 5,
  /** …a topic being an episode's own when it says it this often… */
  minOwnMentions: 3,
  /** …at this many times the rate of the rest of the archive. */
  minSalience: 3,
  /** A phrase or name an episode's title, tags or topics name needs only this many mentions in that episode (and is kept past the cap)… */
  minMentionsNamed: 2,
  /** …and its score is multiplied by this. */
  namedBoost: 2,
} as const;

/** A discovered topic, ready for mention finding. */
export interface DiscoveredTopic {
  name: string;
  /** Spellings seen, the name first. */
  aliases: string[];
  /** What the matcher looks for. */
  forms: Array<{ keys: string[]; case: AliasCase }>;
  /** Ranking weight: from specificity (1 for names), doubled for a theme an episode is titled or tagged with. */
  weight: number;
  /** Mentions counted at discovery (before curated topics are final). */
  mentions: number;
  episodes: number;
}

interface Candidate {
  id: number;
  keys: string[];
  joined: string;
  forms: Map<string, { keys: string[]; case: AliasCase; variant: boolean }>;
  /** Spellings of the candidate's own forms, and of merged variants (kept apart for naming). */
  surfaces: Map<string, number>;
  variantSurfaces: Map<string, number>;
  /** Spellings where the tagger saw a noun phrase: these name the topic ("economics", not the adjective "economic"). */
  nounSurfaces: Map<string, number>;
  /** Occurrences as a noun phrase, how many of those were a head (not a modifier), and how many looked like a name. */
  nlp: number;
  heads: number;
  proper: number;
  cased: number;
  casedProper: number;
  /** A name heard in one of the words ("Claude" for "cloud" in "cloud code"): it spells that word in the topic's name. */
  nameAt?: { slot: number; name: Candidate };
  /** False once merged into another candidate… */
  alive: boolean;
  /** …this one. */
  into?: Candidate;
}

export interface DiscoveryOptions {
  /** The curated topics' aliases and exclude phrases: they claim their words first, and no discovered topic shares one. */
  reserved?: readonly AliasEntry[];
  /** Most topics returned (default: `topicsPerEpisode` × episodes, at least `minCap`). */
  maxTopics?: number;
  /** Share the work on each episode with a worker thread once the corpus is large (default true; the output is the same either way). */
  worker?: boolean;
  /** The second thread to share it with, when the caller has one for its own pass too (it then ends it); default one of its own. */
  thread?: SecondThread;
  /** Where each episode's parts of the two passes are cached (see parts.ts); the output is the same with or without. */
  cache?: TopicPartCache;
  /** With a cache, start from the last build's first-pass counts where they hold the same episodes (default true; the output is the same either way). */
  snapshot?: boolean;
}

/**
 * The first pass's counts over a whole corpus, cached by each build for
 * the next (under SNAPSHOT_KEY): the episodes they hold, by content key in
 * order, with their words and speech paragraphs, and the merged phrase table
 * and vocabulary in code-point order. After an edit, the next build starts
 * from it, takes away the edited episode's old part and adds its new one,
 * instead of merging every episode's part again: the same counts, in the
 * same order, as merging them all.
 */
interface ReadSnapshot {
  keys: string[];
  words: Int32Array;
  paragraphs: Int32Array;
  phrases: PhrasePart;
  vocabulary: VocabularyPart;
}

/** Where the snapshot is cached: one per cache (its store adds the code's fingerprint). */
const SNAPSHOT_KEY = 'read-snapshot';

/** A phrase part of nothing: what an episode the snapshot holds hands on in the tagging pass's order. */
const NO_PHRASES: PhrasePart = {
  ids: [],
  numbers: new Int32Array(0),
  surfacePhrases: new Int32Array(0),
  surfaces: [],
  surfaceCounts: new Int32Array(0),
  adjectives: [],
  adjectiveCounts: new Int32Array(0),
  cutShort: [],
  cutShortCounts: new Int32Array(0),
};

/** The episodes of a snapshot, met again one at a time: each key once for each time the snapshot holds it. */
class SnapshotTaker {
  readonly #held = new Map<string, Array<{ words: number; paragraphs: number }>>();

  constructor(snapshot: ReadSnapshot) {
    snapshot.keys.forEach((key, i) => {
      const entry = { words: snapshot.words[i] as number, paragraphs: snapshot.paragraphs[i] as number };
      const list = this.#held.get(key);
      if (list) list.push(entry);
      else this.#held.set(key, [entry]);
    });
  }

  /** The episode with this content key, if the snapshot holds one not taken yet. */
  take(key: string): { words: number; paragraphs: number } | undefined {
    const list = this.#held.get(key);
    const entry = list?.pop();
    if (list && list.length === 0) this.#held.delete(key);
    return entry;
  }

  /** Content keys of the episodes held and never taken (edited or removed since), once per episode. */
  left(): string[] {
    return [...this.#held].flatMap(([key, list]) => list.map(() => key));
  }
}

/** A snapshot that did not fit the parts cached beside it: the index is built again without it. */
export class SnapshotMismatch extends Error {
  constructor(key: string) {
    super(`topic discovery: the cached first-pass counts do not fit the cached part of episode content ${key}`);
  }
}

/** What the first pass keeps of one episode (cached under its content digest). */
interface Reading {
  /** Words and speech paragraphs. */
  words: number;
  paragraphs: number;
  vocabulary: VocabularyPart;
  phrases: PhrasePart;
}

/** The candidates after the first pass, and the matcher that finds them in the second. */
interface Plan {
  active: Candidate[];
  /** The matcher, and each entry's number among `spelledForms`. */
  matcher: PassMatcher;
  /** Candidate ids by the canonical numbers the matcher's entries carry. */
  idOf: Int32Array;
  /** The two-word forms whose spellings are heard, by their canonical number. */
  spelledForms: Array<{ c: Candidate; form: { variant: boolean } }>;
  /** Digest of the matcher (parts.ts), part of the second pass's cache keys. */
  digest: string;
  /** The matcher as its entries, with each entry's number in `spelledForms` (-1 for none): what the second thread makes it from. */
  spec: MatcherSpec;
}

/**
 * Discovery over episodes read one at a time, in two passes: `read` each
 * episode (its noun phrases, word forms and metadata are counted), then
 * `count` each episode again in the same order (where the candidates found
 * in the first pass could be mentioned, see lattice.ts), then `topics()`.
 * Between episodes it keeps counts and candidates, never text. Each pass
 * makes a part per episode and merges it in order; with a cache, a part
 * found there is merged instead of reading the text (the first pass's by
 * the episode's content digest, the second's also by the candidates').
 */
export class Discovery {
  readonly #options: DiscoveryOptions;
  readonly #cache: TopicPartCache | undefined;
  readonly #names = new NameWords();
  readonly #headlines = new Headlines();
  readonly #thread: SecondThread;
  /** True when the thread is this discovery's own, to stop when it is done. */
  readonly #ownThread: boolean;
  /** The noun phrases, filled as the episodes' parts come in. */
  readonly #table = new PhraseTable();
  #phrases = new Map<string, Phrase>();
  #adjectives = new Map<string, number>();
  #vocabulary = new Vocabulary();
  readonly #lattice = new MentionLattice();
  #episodes = 0;
  #counted = 0;
  #words = 0;
  /** Words of each episode, by position. */
  readonly #episodeWords: number[] = [];
  /** Speech paragraphs of each episode, by position. */
  readonly #episodeParagraphs: number[] = [];
  #paragraphs = 0;
  /** Second-pass parts' cache keys, by episode position, while the parts are made. */
  readonly #latticeKeys = new Map<number, string>();
  /** The counts of the last build's first pass (a `ReadSnapshot`), while episodes it holds are met again; see `read`. */
  #snapshot: SnapshotTaker | undefined;
  /** Each episode's content key, by position, while all are known (for the next build's snapshot). */
  #contentKeys: Array<string | undefined> = [];
  /** First-pass parts waiting for their phrases (from the tagger) before they are cached, by episode position. */
  readonly #waiting = new Map<number, { key: string; reading: Omit<Reading, 'phrases'> }>();
  /** After the first pass: the candidates and the matcher that finds them. */
  #plan: Plan | undefined;
  /** Spellings of two-word forms heard in the second pass, by candidate and whether the form is a variant. */
  readonly #pairSpellings = new Map<Candidate, { own: Map<string, number>; variant: Map<string, number> }>();
  /** Phrases the tagger cut short, by their words, with how they were found, for `explain`. */
  readonly #cutShort = new Map<string, string>();
  /** Why phrases were dropped, by their words, for `explain`. */
  readonly #notes = new Map<string, string>();
  /** Candidates by run-together key, for `explain`. */
  #byJoined = new Map<string, Candidate>();
  #chosen = new Set<number>();
  /** Episodes whose parts came from the cache, by pass. */
  readonly reused = { read: 0, count: 0 };

  constructor(options: DiscoveryOptions = {}) {
    this.#options = options;
    this.#cache = options.cache;
    this.#ownThread = options.thread === undefined;
    this.#thread = options.thread ?? new SecondThread(options.worker !== false);
  }

  /**
   * First pass: count the noun phrases, word forms and metadata of the next
   * episode. `content` is its content digest (parts.ts), needed to use the cache.
   */
  read(episode: Episode, content?: string): void {
    if (this.#plan) throw new Error('Discovery.read after the first pass ended');
    const index = this.#episodes++;
    if (index === 0) {
      this.#thread.begin('tag', (i, phrases) => this.#tagged(i, phrases));
      this.#snapshot = this.#takeSnapshot();
    }
    this.#names.add(episode);
    this.#headlines.add(episode);
    this.#contentKeys[index] = content;
    // An episode the last build's counts hold as it is now adds nothing to them: nothing of it is read.
    const held = content === undefined ? undefined : this.#snapshot?.take(content);
    if (held) {
      this.reused.read++;
      this.#paragraphs += held.paragraphs;
      this.#words += held.words;
      this.#episodeWords[index] = held.words;
      this.#episodeParagraphs[index] = held.paragraphs;
      this.#cache?.keep?.(partKey('read', content as string));
      this.#thread.put(index, NO_PHRASES);
      return;
    }
    const key = content === undefined || !this.#cache ? undefined : partKey('read', content);
    const cached = key === undefined ? undefined : decodePart(this.#cache?.get(key), isReading);
    if (cached) {
      this.reused.read++;
      this.#counts(index, cached);
      this.#thread.put(index, cached.phrases);
      return;
    }
    const counter = new EpisodeVocabulary();
    const speech = speechText(episode);
    let words = 0;
    for (const text of speech.texts) {
      const { tokens, breaks } = tokenize(text);
      words += tokens.length;
      counter.addParagraph({ tokens, breaks, paragraph: { text } });
    }
    const reading = { words, paragraphs: speech.texts.length, vocabulary: counter.part() };
    this.#counts(index, reading);
    if (key !== undefined) this.#waiting.set(index, { key, reading });
    this.#thread.work(index, speech);
  }

  /** Add an episode's word counts. */
  #counts(index: number, reading: Omit<Reading, 'phrases'>): void {
    this.#paragraphs += reading.paragraphs;
    this.#words += reading.words;
    this.#episodeWords[index] = reading.words;
    this.#episodeParagraphs[index] = reading.paragraphs;
    this.#vocabulary.merge(reading.vocabulary);
  }

  /** An episode's phrases, in episode order: counted, and its first-pass part cached. */
  #tagged(index: number, phrases: PhrasePart): void {
    this.#table.merge(phrases);
    const waiting = this.#waiting.get(index);
    if (!waiting) return;
    this.#waiting.delete(index);
    this.#cache?.set(waiting.key, encodePart({ ...waiting.reading, phrases } satisfies Reading));
  }

  /**
   * Second pass: note where the candidates could be mentioned in the next
   * episode (the same episodes, in the same order); `content` as for `read`.
   */
  count(episode: Episode, content?: string): void {
    let plan = this.#plan;
    if (!plan) {
      const made = (plan = this.#plan = this.#candidates());
      this.#thread.begin('lattice', (i, part) => this.#possibleMentions(made, i, part), made.spec, made.matcher);
    }
    const index = this.#counted++;
    if (index >= this.#episodes) throw new Error('Discovery.count: more episodes than the first pass read');
    const key = content === undefined || !this.#cache ? undefined : partKey('count', content, plan.digest);
    const part = key === undefined ? undefined : decodePart(this.#cache?.get(key), isLatticePart);
    if (part) {
      this.reused.count++;
      this.#thread.put(index, part);
      return;
    }
    if (key !== undefined) this.#latticeKeys.set(index, key);
    this.#thread.work(index, speechText(episode));
  }

  /** An episode's possible mentions, in episode order: cached, and added to the corpus's. */
  #possibleMentions(plan: Plan, index: number, part: LatticePart): void {
    const key = this.#latticeKeys.get(index);
    if (key !== undefined) {
      this.#latticeKeys.delete(index);
      this.#cache?.set(key, encodePart(part));
    }
    this.#lattice.append(part, index, (topic) => plan.idOf[topic] as number);
    part.surfaces.forEach((surface, i) => {
      const spelled = plan.spelledForms[part.spelled[i] as number];
      if (!spelled) return;
      let heard = this.#pairSpellings.get(spelled.c);
      if (!heard) this.#pairSpellings.set(spelled.c, (heard = { own: new Map(), variant: new Map() }));
      const target = spelled.form.variant ? heard.variant : heard.own;
      target.set(surface, (target.get(surface) ?? 0) + (part.surfaceCounts[i] as number));
    });
  }

  /** True when the second pass is needed (some episode had speech). */
  get needsCounting(): boolean {
    return this.#paragraphs > 0;
  }

  /** The discovered topics, most important first. */
  topics(): DiscoveredTopic[] {
    if (this.#paragraphs === 0) return [];
    const plan = (this.#plan ??= this.#candidates());
    if (this.#counted !== this.#episodes) throw new Error(`Discovery.topics: counted ${this.#counted} of ${this.#episodes} episodes`);
    // The last of the second pass's parts; a thread of discovery's own is done with.
    this.#thread.drain();
    if (this.#ownThread) this.#thread.close();
    for (const [c, heard] of this.#pairSpellings) {
      for (const [s, n] of heard.own) c.surfaces.set(s, (c.surfaces.get(s) ?? 0) + n);
      for (const [s, n] of heard.variant) c.variantSurfaces.set(s, (c.variantSurfaces.get(s) ?? 0) + n);
    }
    this.#pairSpellings.clear();
    return this.#rank(plan.active);
  }

  /** Why a phrase is or is not a discovered topic, after `topics()`: for tools that explain discovery. */
  explain(text: string): string {
    const keys = phraseKeys(text);
    const id = keys.join(' ');
    const out: string[] = [];
    const cut = this.#cutShort.get(id);
    const phrase = cut === undefined ? this.#phrases.get(id) : undefined;
    out.push(phrase ? `noun phrase ${phrase.count}× (proper ${phrase.proper}, head ${phrase.heads}, adjective first ${phrase.adjectiveFirst})` : cut ? `a noun phrase the tagger cut short: ${cut}` : 'never a noun phrase');
    if (keys.length > 1) out.push(`G² ${this.#vocabulary.collocation(keys).toFixed(1)}`);
    const note = this.#notes.get(id);
    if (note) out.push(note);
    let c = this.#byJoined.get(foldJoined(keys.join('')));
    if (c) {
      while (c.into) {
        out.push(`merged into "${c.into.keys.join(' ')}"`);
        c = c.into;
      }
      if (c.keys.join(' ') !== id) out.push(this.#notes.get(c.keys.join(' ')) ?? '');
      out.push(this.#chosen.has(c.id) ? `a topic, with ${[...c.forms.keys()].join(' | ')}` : 'not a topic');
    }
    return out.filter(Boolean).join('; ');
  }

  /**
   * The last build's first-pass counts, when the cache has them: merged
   * at once, and each episode that is still there as it was is then
   * skipped (`read`). Undefined without a cache or a usable snapshot.
   */
  #takeSnapshot(): SnapshotTaker | undefined {
    if (this.#options.snapshot === false) return undefined;
    const snapshot = decodePart(this.#cache?.get(SNAPSHOT_KEY), isReadSnapshot);
    if (!snapshot) return undefined;
    this.#table.merge(snapshot.phrases);
    this.#vocabulary.merge(snapshot.vocabulary);
    return new SnapshotTaker(snapshot);
  }

  /**
   * End of the first pass: the episodes the snapshot held that are gone
   * (edited or removed) are taken away, by their cached parts; the counts
   * are put in code-point order (so they are the same however they were
   * made); and they are cached as the next build's snapshot. Throws
   * `SnapshotMismatch` when a part to take away is missing or does not fit:
   * the caller builds again without the snapshot.
   */
  #endFirstPass(): void {
    const taker = this.#snapshot;
    this.#snapshot = undefined;
    if (taker) {
      const current = new Set(this.#contentKeys);
      for (const key of taker.left()) {
        const gone = decodePart(this.#cache?.get(partKey('read', key)), isReading);
        if (!gone || !this.#table.subtract(gone.phrases) || !this.#vocabulary.subtract(gone.vocabulary)) throw new SnapshotMismatch(key);
        if (!current.has(key)) this.#cache?.forget?.(partKey('read', key));
      }
    }
    this.#table.canonicalize();
    this.#vocabulary = this.#vocabulary.canonical();
    const cache = this.#cache;
    const keys = this.#contentKeys;
    if (!cache || keys.length !== this.#episodes || keys.some((k) => k === undefined)) return;
    const snapshot: ReadSnapshot = {
      keys: keys as string[],
      words: Int32Array.from(this.#episodeWords),
      paragraphs: Int32Array.from(this.#episodeParagraphs),
      phrases: this.#table.part(),
      vocabulary: this.#vocabulary.part(),
    };
    cache.set(SNAPSHOT_KEY, encodePart(snapshot));
  }

  /**
   * True when episode `e` says a topic much more than the others do: at
   * least `minOwnMentions` times, at `minSalience` times the rate of the
   * rest of the archive (one mention added to the rest, so a topic only
   * this episode says is salient but not infinitely so).
   */
  #salient(here: number, all: number, e: number): boolean {
    if (here < discoveryRules.minOwnMentions) return false;
    const words = this.#episodeWords[e] ?? 0;
    const rest = this.#words - words;
    if (words === 0) return false;
    if (rest === 0) return true;
    return here / words >= discoveryRules.minSalience * ((all - here + 1) / rest);
  }

  /** 2. Static filters, 3. variants merged: the candidates, and one matcher for them and the reserved aliases. */
  #candidates(): Plan {
    this.#thread.drain();
    if (this.#waiting.size > 0) throw new Error('topic discovery: an episode was never tagged');
    this.#endFirstPass();
    ({ phrases: this.#phrases, adjectives: this.#adjectives } = this.#table);
    const cutShort = this.#table.cutShort;
    const reserved = this.#options.reserved ?? [];
    const names = this.#names;
    const phrases = this.#phrases;
    const vocabulary = this.#vocabulary;
    const reservedMatcher = new AliasMatcher();
    const reservedJoined = new Set<string>();
    for (const entry of reserved) {
      reservedMatcher.add(entry);
      reservedJoined.add(foldJoined(entry.keys.join('')));
    }

    // Noun phrases the tagger cut short ("test time" before the verb "compute") join the tagger's own.
    for (const cut of cutShortPhrases(phrases, cutShort, vocabulary)) {
      const id = cut.phrase.keys.join(' ');
      phrases.set(id, cut.phrase);
      this.#cutShort.set(id, `"${cut.from}" cut short before the verb "${cut.verb}" (${cut.phrase.count}×)`);
    }
    // Phrases in a fixed order (by their words), so the candidates do not depend on the order episodes were read in.
    const ordered = [...phrases].sort(([a], [b]) => compareText(a, b)).map(([, phrase]) => phrase);
    const leads = leadingWords(ordered);
    const byJoined = new Map<string, Candidate>();
    let nextId = 0;
    for (const phrase of ordered) {
      // What the episodes are titled, tagged or summarised with is checked before any filter ("capex bubble" in a title).
      // Not a fragment that is only ever a modifier inside the headline's phrase ("AI diffusion" of "AI diffusion rule").
      const headline = (phrase.keys.length > 1 || properShare(phrase, phrase.count) >= 0.5) && phrase.heads > 0 && this.#headlines.mentions(phrase.keys);
      const why = headline && phrase.count >= 2 && !names.isPerson(phrase.keys) && !names.isShow(phrase.keys) ? undefined : (rejected(phrase, phrases, names, vocabulary) ?? fragment(phrase, leads));
      if (why) {
        this.#notes.set(phrase.keys.join(' '), why);
        continue;
      }
      // A word used more often as an adjective than as a noun ("Chinese", "American") is no topic on its own.
      if (phrase.keys.length === 1 && (this.#adjectives.get(phrase.keys[0] as string) ?? 0) > phrase.count) {
        this.#notes.set(phrase.keys.join(' '), 'more often an adjective');
        continue;
      }
      const joined = foldJoined(phrase.keys.join(''));
      let c = byJoined.get(joined);
      if (!c) {
        c = { id: nextId++, keys: phrase.keys, joined, forms: new Map(), surfaces: new Map(), variantSurfaces: new Map(), nounSurfaces: new Map(), nlp: 0, heads: 0, proper: 0, cased: 0, casedProper: 0, alive: true };
        byJoined.set(joined, c);
      }
      if (phrase.count > (phrases.get(c.keys.join(' '))?.count ?? 0)) c.keys = phrase.keys;
      // Spellings of one- and two-word forms come from the vocabulary below (it keeps hyphens and counts every use).
      addForm(c, phrase.keys, phrase.keys.length > 2 ? phrase.surfaces : new Map(), false);
      for (const [surface, n] of phrase.surfaces) c.nounSurfaces.set(surface, (c.nounSurfaces.get(surface) ?? 0) + n);
      c.nlp += phrase.count;
      c.heads += phrase.heads;
      c.proper += phrase.proper;
      c.cased += phrase.cased;
      c.casedProper += phrase.casedProper;
    }
    vocabulary.index(new Set(byJoined.keys()), (key) => backgroundZipf(key) <= discoveryRules.maxVariantZipf);
    for (const c of byJoined.values()) {
      // Every way the corpus writes these letters: "open ai" joins "OpenAI" even where the tagger missed it.
      for (const joined of [c.joined, `${c.joined}s`]) {
        for (const form of vocabulary.forms(joined)) {
          // Words of one letter are not a split name: "a I" is not "AI".
          if (form.keys.some((k) => k.length < 2)) continue;
          addForm(c, form.keys, form.surfaces, false);
        }
      }
    }
    this.#byJoined = byJoined;
    mergeNearSpellings(byJoined, vocabulary, names);
    mergeAcronyms(byJoined);
    mergeSurnames(byJoined);
    mergeNamesInPhrases(byJoined, vocabulary);

    const active = [...byJoined.values()].filter(
      (c) => c.alive && c.forms.size > 0 && !reservedJoined.has(c.joined) && ![...c.forms.values()].some((f) => reservedMatcher.has(f.keys)),
    );
    for (const c of active) setCases(c);

    // Curated aliases claim their words first: they count for no candidate.
    // Candidates are numbered canonically in the matcher (by their forms), so its digest, and the cached parts of
    // the second pass, do not change when candidate ids or the order of the list do.
    const signatures = active.map((c) => JSON.stringify([...c.forms.values()].map((f) => [f.keys, f.case])));
    const rank = canonicalOrder(signatures);
    const idOf = new Int32Array(active.length);
    const byRank: Candidate[] = [];
    active.forEach((c, i) => {
      idOf[rank[i] as number] = c.id;
      byRank[rank[i] as number] = c;
    });
    const entries: AliasEntry[] = [];
    const add = (entry: AliasEntry) => entries.push(entry);
    for (const entry of reserved) add({ ...entry, topic: -1 });
    const entryOf = new Map<Candidate, AliasEntry[]>();
    active.forEach((c, i) => {
      const list: AliasEntry[] = [];
      for (const form of c.forms.values()) {
        const entry: AliasEntry = { keys: form.keys, case: form.case, topic: rank[i] as number, exclude: false, priority: 1 };
        add(entry);
        list.push(entry);
      }
      entryOf.set(c, list);
    });
    // The two-word forms whose spellings are heard, numbered in canonical order.
    const spelledForms: Plan['spelledForms'] = [];
    const spelledRef = new Map<AliasEntry, number>();
    for (const c of byRank) {
      const forms = [...c.forms.values()];
      (entryOf.get(c) ?? []).forEach((entry, k) => {
        const form = forms[k];
        if (!form || form.keys.length !== 2) return;
        spelledRef.set(entry, spelledForms.length);
        spelledForms.push({ c, form });
      });
    }
    const digest = matcherDigest(entries, [...signatures].sort().join('\n'));
    const spec: MatcherSpec = { entries, spelled: Int32Array.from(entries, (entry) => spelledRef.get(entry) ?? -1) };
    return { active, matcher: passMatcher(spec), idOf, spelledForms, digest, spec };
  }

  /** 4. Count, drop the failing longest first, recount; 5. rank and cap. */
  #rank(candidates: readonly Candidate[]): DiscoveredTopic[] {
    const headlines = this.#headlines;
    const words = this.#words;
    let active = candidates;
    let counts = new Map<number, Counts>();
    // Each round drops at least one candidate (those waiting never all of them), so the loop ends.
    for (let round = 0; ; round++) {
      const ids = new Set(active.map((c) => c.id));
      const overlaps: number[] = [];
      counts = this.#lattice.count((id) => ids.has(id), overlaps);
      const longer = longerMentions(active, counts);
      const failing = active.filter((c) => {
        const n = counts.get(c.id);
        // A named theme skips the thresholds, but "Silicon" inside "Silicon Valley" is still the longer one's.
        const why = outgrown(c, longer, counts) ? 'inside a longer topic as often' : named(c, n, headlines) ? undefined : shortfall(c, n, words);
        if (why) this.#notes.set(c.keys.join(' '), `${why} (round ${round + 1})`);
        else this.#notes.delete(c.keys.join(' '));
        return why !== undefined;
      });
      if (failing.length === 0) break;
      const longest = Math.max(...failing.map((c) => c.keys.length));
      const dropping = failing.filter((c) => c.keys.length >= longest);
      // Candidates of the same length can take each other's words ("domestic supply" the start of "supply chain"):
      // one that would pass with the words another one going now took waits a round, for that one to go first.
      const taken = takenBy(overlaps, new Set(dropping.map((c) => c.id)));
      const overlapped = dropping.filter((c) => taken.has(c.id) && !outgrown(c, longer, counts) && !shortfall(c, withTaken(counts.get(c.id), taken.get(c.id)), words));
      const waiting = overlapped.length < dropping.length ? new Set(overlapped) : new Set<Candidate>();
      const drop = new Set(dropping.filter((c) => !waiting.has(c)).map((c) => c.id));
      active = active.filter((c) => !drop.has(c.id));
    }

    const ranked = active.map((c) => {
      const n = counts.get(c.id) ?? { mentions: 0, inner: 0, episodes: new Map<number, number>() };
      // A theme an episode is titled or tagged with is what that episode is about: it ranks as if said much more.
      const theme = named(c, n, headlines);
      const weight = specificity(c, n.mentions, words) * (theme ? discoveryRules.namedBoost : 1);
      return { c, n, weight, theme, score: topicScore(n.episodes.values(), weight) };
    });
    ranked.sort((a, b) => b.score - a.score || compareText(a.c.joined, b.c.joined));
    const maxTopics = this.#options.maxTopics;
    const cap = maxTopics ?? Math.max(discoveryRules.minCap, discoveryRules.topicsPerEpisode * this.#episodes);
    const chosen = new Set(ranked.slice(0, cap));
    if (maxTopics === undefined) {
      // Each episode's own topics, those it uses much more than the other episodes do, come in past the cap, its strongest first.
      const own = new Map<number, Array<{ r: (typeof ranked)[number]; strength: number }>>();
      for (const r of ranked) {
        if (chosen.has(r)) continue;
        for (const [e, n] of r.n.episodes) {
          if (!this.#salient(n, r.n.mentions, e)) continue;
          const list = own.get(e);
          const entry = { r, strength: n * r.weight };
          if (list) list.push(entry);
          else own.set(e, [entry]);
        }
      }
      for (const e of [...own.keys()].sort((a, b) => a - b)) {
        const list = (own.get(e) ?? []).sort((a, b) => b.strength - a.strength || compareText(a.r.c.joined, b.r.c.joined));
        for (const { r } of list.slice(0, discoveryRules.ownTopicsPerEpisode)) chosen.add(r);
      }
      // What an episode is titled or summarised with is its theme, whatever the cap.
      for (const r of ranked) if (r.theme) chosen.add(r);
    }
    this.#chosen = new Set([...chosen].map((r) => r.c.id));
    for (const r of ranked) if (!chosen.has(r)) this.#notes.set(r.c.keys.join(' '), `past the cap (score ${r.score.toFixed(2)})`);
    const kept = ranked.filter((r) => chosen.has(r));
    const keptJoined = new Set(kept.map((r) => r.c.joined));
    return kept.map(({ c, n, weight }) => {
      // Spelled as the episodes' own metadata spells it, where it does ("Groq", not the heard "Grock"), unless that
      // spelling is another topic's ("Markthal" is not "Market Hall" when "market hall" is a topic too).
      const spelled = headlines.spelling(c.joined, [...n.episodes.keys()].sort((a, b) => a - b));
      const spelledJoined = spelled === undefined ? undefined : foldJoined(phraseKeys(spelled).join(''));
      const theirs = spelledJoined !== undefined && spelledJoined !== c.joined && keptJoined.has(spelledJoined);
      const name = spelled !== undefined && !theirs ? spelled : displayName(c);
      return {
        name,
        aliases: aliasList(name, c),
        forms: [...c.forms.values()],
        weight,
        mentions: n.mentions,
        episodes: n.episodes.size,
      };
    });
  }
}

/** The mentions each of `ids` lost to another of `ids`, from `MentionLattice.count`'s overlaps. */
function takenBy(overlaps: readonly number[], ids: ReadonlySet<number>): Map<number, Counts> {
  const taken = new Map<number, Counts>();
  for (let i = 0; i < overlaps.length; i += 3) {
    const [victim, taker, where] = [overlaps[i] as number, overlaps[i + 1] as number, overlaps[i + 2] as number];
    if (!ids.has(victim) || !ids.has(taker)) continue;
    let c = taken.get(victim);
    if (!c) taken.set(victim, (c = { mentions: 0, inner: 0, episodes: new Map() }));
    c.mentions++;
    if ((where & 1) === 0) c.inner++;
    c.episodes.set(where >> 1, (c.episodes.get(where >> 1) ?? 0) + 1);
  }
  return taken;
}

/** A candidate's mentions with those a run that started earlier took from it. */
function withTaken(n: Counts | undefined, taken: Counts | undefined): Counts | undefined {
  if (!n || !taken) return n ?? taken;
  const episodes = new Map(n.episodes);
  for (const [e, k] of taken.episodes) episodes.set(e, (episodes.get(e) ?? 0) + k);
  return { mentions: n.mentions + taken.mentions, inner: n.inner + taken.inner, episodes };
}


/** 2. The static filters of a phrase: why it can be no topic, or undefined when it may be one. */
function rejected(phrase: Phrase, phrases: ReadonlyMap<string, Phrase>, names: NameWords, vocabulary: Vocabulary): string | undefined {
  const { keys } = phrase;
  if (phrase.count < 2) return 'said once as a noun phrase';
  if (names.isPerson(keys)) return 'a speaker';
  if (names.isShow(keys)) return 'the show';
  const zipfs = keys.map(backgroundZipf);
  const rarest = Math.min(...zipfs);
  if (keys.length === 1) {
    // How common "US" is, the background lists cannot tell: they count "us".
    if (homograph(keys, phrase.surfaces)) return undefined;
    const proper = properShare(phrase, phrase.count) >= 0.5;
    const acronym = capitalShare(phrase.surfaces) >= 0.5;
    // Names are judged against speech; a common word or an acronym ("industry", "CEO") against speech and writing.
    const zipf = proper && !acronym ? rarest : generalZipf(keys[0] as string);
    const capitalised = phrase.cased > 0 && phrase.capitalised * 2 >= phrase.cased;
    const most = !proper ? discoveryRules.maxZipfWord : acronym || capitalised ? discoveryRules.maxZipfName : discoveryRules.maxZipfNameByTagger;
    return zipf <= most ? undefined : `an everyday ${acronym ? 'acronym' : proper ? 'name' : 'word'} (Zipf ${zipf.toFixed(2)} > ${most})`;
  }
  if (rarest > discoveryRules.maxZipfPhrase) return `everyday words only (Zipf ${rarest.toFixed(2)})`;
  if (new Set(keys).size < keys.length) return 'a repeated word'; // "super super", "blah blah"
  // The words must go together: a collocation, not two words that happen to meet ("model progress" no).
  const g2 = vocabulary.collocation(keys);
  if (g2 < discoveryRules.minCollocation) return `words that do not go together (G² ${g2.toFixed(1)})`;
  // A topic with a noun after it ("Nvidia chips", "data center capacity", "Amazon Google" from an unpunctuated list)
  // is mostly a mention of that topic: dropped when the shorter phrase is itself a candidate and much more frequent.
  const modifier = phrases.get(keys.slice(0, -1).join(' '));
  // A name is not its first word with a noun after it ("Core Weave" is not "core" + "weave").
  const name = properShare(phrase, phrase.count) >= 0.5 && modifier !== undefined && properShare(modifier, modifier.count) < 0.5;
  if (modifier && !name && modifier.count >= discoveryRules.modifierRatio * phrase.count && !rejected(modifier, phrases, names, vocabulary)) return `a mention of "${modifier.keys.join(' ')}" with a noun after it`;
  // A name written apart ("open ai" where the corpus also writes "OpenAI") is no adjective before a noun.
  const writtenAsOne = vocabulary.word(keys.join('')) !== undefined;
  if (!writtenAsOne && phrase.adjectiveFirst * 2 >= phrase.count && (zipfs[0] as number) >= discoveryRules.commonAdjectiveZipf) {
    const noun = phrases.get(keys.slice(1).join(' '));
    const cohesion = noun ? phrase.count / noun.count : 1;
    if (cohesion < discoveryRules.minAdjectiveCohesion) return `a common adjective before "${keys.slice(1).join(' ')}"`;
  }
  return undefined;
}

/**
 * For each phrase, the most frequent phrase one word longer that ends with
 * it ("silicon valley" for "valley", "wall street journal" for "street
 * journal"), as a noun chunk holds both.
 */
export function leadingWords(phrases: readonly Phrase[]): Map<string, Phrase> {
  const leads = new Map<string, Phrase>();
  for (const phrase of phrases) {
    if (phrase.keys.length < 2) continue;
    const rest = phrase.keys.slice(1).join(' ');
    const held = leads.get(rest);
    if (!held || phrase.count > held.count) leads.set(rest, phrase);
  }
  return leads;
}

/**
 * A phrase nearly always said with the same word before it in its noun
 * chunk is a piece of that longer name, not a topic: "Valley" of "Silicon
 * Valley", "Street Journal" of "Wall Street Journal", even once the longer
 * one is dropped for too few mentions.
 */
export function fragment(phrase: Phrase, leads: ReadonlyMap<string, Phrase>): string | undefined {
  const lead = leads.get(phrase.keys.join(' '));
  return lead && lead.count >= discoveryRules.fragmentShare * phrase.count ? `a piece of "${lead.keys.join(' ')}" (${lead.count} of ${phrase.count})` : undefined;
}

function addForm(c: Candidate, keys: string[], surfaces: ReadonlyMap<string, number>, variant: boolean): void {
  const id = keys.join(' ');
  if (!c.forms.has(id)) c.forms.set(id, { keys, case: 'any', variant });
  const target = variant ? c.variantSurfaces : c.surfaces;
  for (const [s, n] of surfaces) target.set(s, (target.get(s) ?? 0) + n);
}

/**
 * Share of a phrase's uses that look like a name: judged where the text has
 * capitals (all-lowercase captions say nothing of case), else by the tagger.
 */
function properShare(x: { proper: number; cased: number; casedProper: number }, count: number): number {
  if (x.cased > 0) return x.casedProper / x.cased;
  return count === 0 ? 0 : x.proper / count;
}

const isProper = (c: Candidate) => properShare(c, c.nlp) >= 0.5;

/**
 * An acronym spelled like an everyday word ("US", "IT"): a single word
 * written in capitals at least half the time it is a noun phrase (where
 * the lower-case word is a stop word, no noun phrase) that is too common
 * in English to be a name. The background lists count the word, not the
 * acronym.
 */
function homograph(keys: readonly string[], surfaces: ReadonlyMap<string, number>): boolean {
  return keys.length === 1 && generalZipf(keys[0] as string) > discoveryRules.maxZipfName && capitalShare(surfaces) >= 0.5;
}

/** Share of the spellings written in capitals ("CEO", "GPUs"): an acronym. */
function capitalShare(surfaces: ReadonlyMap<string, number>): number {
  let caps = 0;
  let all = 0;
  for (const [s, n] of surfaces) {
    all += n;
    if (/^\p{Lu}{2,}s?$/u.test(s)) caps += n;
  }
  return all === 0 ? 0 : caps / all;
}

/**
 * 3. Rare near-spellings of a frequent name or rare term, from the whole
 * vocabulary: one edit for keys under nine letters, two (or the same sound)
 * from nine. The variant must be rare (`variantRatio`) and no everyday
 * word, so "chin" never joins "China".
 */
function mergeNearSpellings(byJoined: Map<string, Candidate>, vocabulary: Vocabulary, names: NameWords): void {
  const canonical = [...byJoined.values()]
    .filter((c) => c.joined.length >= MIN_FUZZY_LENGTH && vocabulary.count(c.joined) >= (isProper(c) && !ordinaryWord(c.joined) ? 2 : 3) && (isProper(c) || backgroundZipf(c.joined) <= 3))
    .sort((a, b) => vocabulary.count(b.joined) - vocabulary.count(a.joined));
  for (const c of canonical) {
    if (!c.alive) continue;
    const total = vocabulary.count(c.joined);
    for (const joined of vocabulary.near(c.joined, c.joined.length >= 9 ? 2 : 1)) {
      const n = vocabulary.count(joined);
      const other = byJoined.get(joined);
      if (other && !other.alive) continue;
      // Two names one letter apart, the rarer one seen less as a name ("Lama" beside "Llama"): one name.
      const nameVariant = other !== undefined && isProper(c) && isProper(other) && other.nlp < c.nlp && distance(joined, c.joined) === 1;
      // Spellings of a name heard wrong, none of them a word run together ("Core Weave", "cor weave", "Corwave"): one name, however often each.
      const misheard = isProper(c) && !ordinaryWord(c.joined) && !ordinaryWord(joined) && soundsAlike(joined, c.joined);
      if (!nameVariant && !misheard && n * discoveryRules.variantRatio > total) continue;
      let merged = false;
      for (const form of vocabulary.forms(joined)) {
        if ((!nameVariant && !plausibleVariant(c, form.keys, misheard)) || names.isPerson(form.keys)) continue;
        addForm(c, form.keys, form.surfaces, true);
        merged = true;
      }
      if (merged && other && other !== c) {
        other.alive = false;
        other.into = c;
        c.nlp += other.nlp;
        c.heads += other.heads;
        c.proper += other.proper;
        c.cased += other.cased;
        c.casedProper += other.casedProper;
      }
    }
  }
}

/** A word of everyday English, spoken or written (general Zipf at least `ordinaryZipf`). */
const ordinaryWord = (key: string) => generalZipf(key) >= discoveryRules.ordinaryZipf;

/** The same sound by Double Metaphone. */
function soundsAlike(a: string, b: string): boolean {
  const [a1, a2] = doubleMetaphone(a);
  const [b1, b2] = doubleMetaphone(b);
  return a1 === b1 || a1 === b2 || a2 === b1;
}

/**
 * 3. A surname said alone links to the one full name that ends with it
 * ("Altman" to "Sam Altman"): merged, when exactly one name of two or three
 * words ends with it.
 */
function mergeSurnames(byJoined: Map<string, Candidate>): void {
  const byLast = new Map<string, Candidate[]>();
  for (const c of byJoined.values()) {
    if (!c.alive || !isProper(c) || c.keys.length < 2 || c.keys.length > 3) continue;
    const last = c.keys.at(-1) as string;
    const list = byLast.get(last);
    if (list) list.push(c);
    else byLast.set(last, [c]);
  }
  for (const short of [...byJoined.values()]) {
    if (!short.alive || short.keys.length !== 1 || !isProper(short) || capitalShare(short.surfaces) >= 0.5) continue;
    const full = byLast.get(short.joined) ?? [];
    // Capitalised only: the surname stays an alias, the full name names the topic.
    if (full.length === 1 && full[0]) absorb(full[0], short, 'capitalized');
  }
}

/**
 * 3. A name heard wrong inside a phrase: a two-word phrase ("cloud code")
 * whose word sounds like a name of one word ("Claude") is that name's
 * phrase when the corpus also says it with a spelling the name's own
 * topic took as a mishearing of it ("cloude code", "cloude" merged into
 * "Claude"): the recognizer is heard mistaking the name there. Other
 * spellings in that place that sound the same and are no everyday word
 * join it ("clawed code"), and the name spells that word in the topic's
 * name ("Claude code"). The name's own spelling next to the other word is
 * no evidence: "Meta scientist" says nothing of "mad scientist".
 */
function mergeNamesInPhrases(byJoined: ReadonlyMap<string, Candidate>, vocabulary: Vocabulary): void {
  const namesBySound = new Map<string, Candidate[]>();
  for (const c of byJoined.values()) {
    if (!c.alive || c.keys.length !== 1 || !isProper(c)) continue;
    for (const code of new Set(doubleMetaphone(c.joined))) {
      const list = namesBySound.get(code);
      if (list) list.push(c);
      else namesBySound.set(code, [c]);
    }
  }
  for (const c of byJoined.values()) {
    if (!c.alive || c.keys.length !== 2 || isProper(c)) continue;
    for (let slot = 0; slot < 2 && !c.nameAt; slot++) {
      const word = c.keys[slot] as string;
      const partner = c.keys[1 - slot] as string;
      const pair = (k: string) => (slot === 0 ? [k, partner] : [partner, k]);
      const heard = (k: string) => vocabulary.pairCount(...(pair(k) as [string, string])) > 0;
      const names = new Set(doubleMetaphone(word).flatMap((code) => namesBySound.get(code) ?? []));
      for (const name of names) {
        if (name.joined === word || name.joined === partner) continue;
        const misheard = [...name.forms.values()].filter((f) => f.variant && f.keys.length === 1 && f.keys[0] !== word && heard(f.keys[0] as string));
        if (misheard.length === 0) continue;
        c.nameAt = { slot, name };
        const spellings = new Set([...misheard.map((f) => f.keys[0] as string), ...vocabulary.soundsLike(word).filter((k) => k !== word && !ordinaryWord(k) && soundsAlike(k, name.joined))]);
        for (const k of spellings) if (heard(k)) addForm(c, pair(k), new Map(), true);
        break;
      }
    }
  }
}

/**
 * A misrecognition of `c`, not a word: one word that is no everyday word
 * ("Navidia"), or two words lined up with a two-word form of `c`, one the
 * same and the other no everyday word ("deep seak" for "deep seek"); for a
 * `misheard` name, "no everyday word" is Zipf below `ordinaryZipf` ("cor
 * weave" for "Core Weave"), else at most `maxVariantZipf`. A
 * near-spelling split differently ("in Vidia", "Nvidia I") is not taken:
 * too often it is a real word next to the name.
 */
function plausibleVariant(c: Candidate, keys: readonly string[], misheard: boolean): boolean {
  // For a name heard wrong (sounds the same, neither spelling an everyday word), a differing word need only be no everyday word ("cor weave").
  const rare = (k: string) => (misheard ? !ordinaryWord(k) : backgroundZipf(k) <= discoveryRules.maxVariantZipf);
  if (keys.length === 1) return rare(keys[0] as string);
  if (keys.length !== 2) return false;
  const [a, b] = keys as [string, string];
  for (const form of c.forms.values()) {
    if (form.keys.length !== 2) continue;
    const [x, y] = form.keys as [string, string];
    if ((a === x && b !== y && rare(b)) || (b === y && a !== x && rare(a))) return true;
  }
  return false;
}

/** Run-together key with a trailing plural "s" folded, so "gpus" (lower case) and "GPU" group together. */
function foldJoined(joined: string): string {
  return joined.length > 3 && joined.endsWith('s') && !/(ss|ics|is)$/.test(joined) ? joined.slice(0, -1) : joined;
}

/**
 * 3. Acronyms ("TSMC" for "Taiwan Semiconductor Manufacturing Company",
 * written in capitals) and clipped names ("Fed" for "Federal Reserve",
 * capitalised, a strict prefix of the first word) join their long form,
 * when both occur in the corpus.
 */
function mergeAcronyms(byJoined: Map<string, Candidate>): void {
  const long = [...byJoined.values()].filter((c) => c.alive && c.keys.length >= 2 && c.keys.length <= 5);
  const byInitials = new Map<string, Candidate>();
  for (const c of long) {
    if (!isProper(c) && c.keys.length < 3) continue;
    // Where two phrases share initials ("large language model", "larger language model"), the more used one.
    const initials = c.keys.map((k) => k[0]).join('');
    const held = byInitials.get(initials);
    if (!held || c.nlp > held.nlp) byInitials.set(initials, c);
  }
  for (const short of byJoined.values()) {
    if (!short.alive || short.keys.length !== 1) continue;
    const key = short.joined;
    const written = [...short.surfaces.keys()];
    const capitals = written.filter((s) => /^\p{Lu}+s?$/u.test(s)).length * 4 >= written.length;
    const full = capitals ? byInitials.get(key) : undefined;
    if (full && full.alive && full !== short) {
      absorb(full, short, 'any');
      continue;
    }
    if (!isProper(short) || key.length < 3) continue;
    const clipped = long.find((c) => c.alive && isProper(c) && (c.keys[0] as string).length > key.length && (c.keys[0] as string).startsWith(key));
    if (clipped) absorb(clipped, short, 'capitalized');
  }
}

/** Merge `from` into `into`; the more frequent names the topic, except that a clipped name never does. */
function absorb(into: Candidate, from: Candidate, rule: AliasCase): void {
  const swap = rule !== 'capitalized' && from.nlp > into.nlp;
  if (swap) for (const form of into.forms.values()) form.variant = true;
  for (const form of from.forms.values()) into.forms.set(form.keys.join(' '), { keys: form.keys, case: rule, variant: !swap });
  const add = (target: Map<string, number>, source: ReadonlyMap<string, number>) => {
    for (const [s, n] of source) target.set(s, (target.get(s) ?? 0) + n);
  };
  if (swap) {
    // The acronym is the usual name ("AI"): its spellings name the topic, the long form becomes an alias.
    add(into.variantSurfaces, into.surfaces);
    into.surfaces = new Map(from.surfaces);
    into.nounSurfaces = new Map(from.nounSurfaces);
  } else {
    add(into.variantSurfaces, from.surfaces);
  }
  into.nlp += from.nlp;
  into.heads += from.heads;
  into.proper += from.proper;
  into.cased += from.cased;
  into.casedProper += from.casedProper;
  from.alive = false;
  from.into = into;
}

/**
 * Single-word forms of names that are also everyday words match only when
 * capitalised; an acronym spelled like an everyday word ("US"), only in capitals.
 */
function setCases(c: Candidate): void {
  if (homograph(c.keys, c.surfaces)) {
    for (const form of c.forms.values()) if (form.keys.length === 1) form.case = 'caps';
    return;
  }
  if (!isProper(c)) return;
  for (const form of c.forms.values()) {
    if (form.case === 'any' && form.keys.length === 1 && backgroundZipf(form.keys[0] as string) >= discoveryRules.capitalizedZipf) {
      form.case = 'capitalized';
    }
  }
}

/**
 * For every run of words that starts or ends an active candidate, the most
 * mentions of any candidate longer than that run: what `outgrown` compares
 * with, found in one pass instead of comparing every pair of candidates.
 */
function longerMentions(active: readonly Candidate[], counts: ReadonlyMap<number, Counts>): Map<string, number> {
  const most = new Map<string, number>();
  const note = (words: string, mentions: number) => {
    if ((most.get(words) ?? -1) < mentions) most.set(words, mentions);
  };
  for (const other of active) {
    const mentions = counts.get(other.id)?.mentions ?? 0;
    for (let n = 1; n < other.keys.length; n++) {
      note(other.keys.slice(0, n).join(' '), mentions);
      note(other.keys.slice(-n).join(' '), mentions);
    }
  }
  return most;
}

/**
 * True when a longer active candidate starts or ends with this one's words
 * and is mentioned at least as often: "Valley" inside "Silicon Valley",
 * "language models" inside "large language models". What is left of the
 * shorter one after the longer took its words is mostly the same topic.
 * `longer` comes from `longerMentions` over the same candidates and counts.
 */
function outgrown(c: Candidate, longer: ReadonlyMap<string, number>, counts: ReadonlyMap<number, Counts>): boolean {
  const mine = counts.get(c.id)?.mentions ?? 0;
  return (longer.get(c.keys.join(' ')) ?? -1) >= mine;
}

/**
 * True when an episode's title, tags or topics name the candidate (a
 * phrase or a name: a single everyday word such as "scale" or "grid" is
 * too vague to be a theme on its own) and that episode says it at least
 * `minMentionsNamed` times, once outside the intro and outro: a theme the
 * editor named, however rarely it is said.
 */
function named(c: Candidate, n: Counts | undefined, headlines: Headlines): boolean {
  if (!n || n.inner < 1 || (c.keys.length === 1 && !isProper(c))) return false;
  return headlines.naming(c.keys).some((e) => (n.episodes.get(e) ?? 0) >= discoveryRules.minMentionsNamed);
}

/** How much more often the corpus uses a word than spoken English does (log10 ratio of rates). */
function keyness(mentions: number, words: number, zipf: number): number {
  return Math.log10((mentions / Math.max(1, words)) * 1e9) - zipf;
}

/** 4. The thresholds: what the candidate lacks, or undefined when it passes. */
function shortfall(c: Candidate, n: Counts | undefined, words: number): string | undefined {
  if (!n) return 'never matched';
  const e = n.episodes.size;
  // An acronym spelled like an everyday word ("US") has no background frequency to stand out from: it needs a common word's mentions.
  const unmeasured = homograph(c.keys, c.surfaces);
  const needed =
    properShare(c, c.nlp) >= discoveryRules.nameShare && !unmeasured
      ? discoveryRules.minMentionsName
      : e >= 3
        ? discoveryRules.minMentionsWide
        : e === 2
          ? discoveryRules.minMentionsTwo
          : discoveryRules.minMentionsOne;
  if (n.mentions < needed) return `${n.mentions} mentions in ${e} episodes (needs ${needed})`;
  if (n.inner < discoveryRules.minInnerMentions) return `${n.inner} mentions outside intros and outros`;
  // Phrases, and acronyms like "US" (nothing to measure; "US power grid" is still the country), need nothing more.
  if (c.keys.length > 1 || unmeasured) return undefined;
  // Mostly a modifier ("tech companies", "Chinese government", "Silicon Valley"): not a subject on its own.
  if (c.heads < discoveryRules.minHeadShare * c.nlp) return `mostly a modifier (head ${c.heads} of ${c.nlp})`;
  const acronym = capitalShare(c.surfaces) >= 0.5;
  const k = keyness(n.mentions, words, isProper(c) && !acronym ? backgroundZipf(c.joined) : generalZipf(c.joined));
  const inOne = Math.max(...n.episodes.values());
  if (isProper(c)) {
    // Below 10× its rate in speech, a name must be something an episode dwells on: three mentions said one each in
    // three episodes of a large archive clear a ratio by chance.
    const least = acronym || inOne < discoveryRules.minMentionsName ? discoveryRules.minKeynessAcronym : discoveryRules.minKeynessName;
    return k >= least ? undefined : `${acronym ? 'an acronym' : 'a name'} not key enough (${k.toFixed(2)})`;
  }
  if (k < discoveryRules.minKeynessWord) return `a word not key enough (${k.toFixed(2)})`;
  return inOne >= discoveryRules.minWordInOne || k >= discoveryRules.minKeynessWordAnywhere ? undefined : `a word no episode dwells on (${inOne} at most)`;
}

/**
 * Ranking weight from specificity: names 1; phrases 1 down to 0.6 as
 * their rarest word gets common (Zipf 4 to 4.8); single common words by
 * their keyness, 0.4 to 0.8 (a name or a term says more than a word).
 */
function specificity(c: Candidate, mentions: number, words: number): number {
  const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
  if (isProper(c)) return 1;
  if (c.keys.length > 1) return clamp(1 - (Math.min(...c.keys.map(backgroundZipf)) - 4) / 2, 0.6, 1);
  return clamp((keyness(mentions, words, backgroundZipf(c.joined)) - 1) / 3, 0.4, 0.8);
}

/**
 * Importance: the sum over episodes of log2(1 + mentions there), times the
 * weight. Grows with depth in one episode and faster with spread over many.
 */
export function topicScore(perEpisode: Iterable<number>, weight: number): number {
  let sum = 0;
  for (const n of perEpisode) sum += Math.log2(1 + n);
  return sum * weight;
}

/**
 * The most frequent own spelling of the right kind: a spelling with a
 * capital inside a word ("OpenAI", "DeepSeek"), which only a name's owner
 * writes, however rarely it is heard so; an acronym when it is
 * written in capitals at least a fifth of the time ("GPUs"); for names
 * (or words written capitalised a fifth of the time), one with every
 * word capitalised ("Deep Seek", not "deep Seek"); else a lower-case one
 * (not a sentence start), in sentence case.
 */
function displayName(c: Candidate): string {
  const sorted = (m: ReadonlyMap<string, number>) => [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const all = sorted(c.surfaces);
  const own = c.nounSurfaces.size > 0 ? sorted(c.nounSurfaces) : all;
  const total = all.reduce((n, [, k]) => n + k, 0);
  const titled = (s: string) => s.split(' ').every((w) => /^\p{Lu}/u.test(w));
  const acronym = (s: string) => /^\p{Lu}{2,}s?$/u.test(s);
  const share = (test: (s: string) => boolean) => all.filter(([s]) => test(s)).reduce((n, [, k]) => n + k, 0) * 5 >= total;
  const camel = (s: string) => !s.includes(' ') && /^\p{Lu}\p{Ll}{2,}\p{Lu}/u.test(s);
  const pick =
    all.find(([s]) => camel(s)) ??
    (share(acronym) ? all.find(([s]) => acronym(s)) : undefined) ??
    (isProper(c) || share(titled) ? all.find(([s]) => titled(s)) : undefined) ??
    own.find(([s]) => s === s.toLowerCase()) ??
    own[0] ??
    [...c.variantSurfaces][0] ??
    [c.keys.join(' '), 0];
  const picked = pick[0];
  // Sentence case, unless the first word has a capital of its own ("iPhone"): "Generative AI", not "generative AI".
  const name = /\p{Lu}/u.test(picked.split(' ')[0] ?? '') ? picked : picked.charAt(0).toUpperCase() + picked.slice(1);
  const words = name.split(' ');
  if (!c.nameAt || words.length !== 2) return name;
  // The name, as its own topic spells it, in the place it was heard wrong ("Claude code" for "cloud code").
  words[c.nameAt.slot] = displayName(c.nameAt.name);
  return words.join(' ');
}

/** Distinct spellings (ignoring case), most frequent first, the name first. */
function aliasList(name: string, c: Candidate): string[] {
  // Ties: the candidate's own spellings before merged variants ("deep seek" before "deep seak"), then code-point order.
  const all = [...[...c.surfaces].map(([s, n]) => [s, n, 0] as const), ...[...c.variantSurfaces].map(([s, n]) => [s, n, 1] as const)].sort(
    (a, b) => b[1] - a[1] || a[2] - b[2] || compareText(a[0], b[0]),
  );
  const spelled = new Set([name, ...all.map(([s]) => s)].map((s) => s.toLowerCase()));
  const seen = new Set([name.toLowerCase()]);
  const out = [name];
  for (const [s] of all) {
    const folded = s.toLowerCase();
    if (seen.has(folded)) continue;
    seen.add(folded);
    // A possessive of a spelling already listed ("Nvidia's") is grammar, not another way the name was heard.
    const stem = folded.replace(/['’]s$/u, '');
    if (stem !== folded && spelled.has(stem)) continue;
    out.push(s);
  }
  return out;
}

/** Shape of a cached first-pass part. */
function isReading(x: unknown): x is Reading {
  const r = x as Partial<Reading> | null;
  if (!r || typeof r.words !== 'number' || typeof r.paragraphs !== 'number' || !r.vocabulary || !r.phrases) return false;
  return isCounts(r.vocabulary, r.phrases);
}

/** Shape check of a cached snapshot. */
function isReadSnapshot(x: unknown): x is ReadSnapshot {
  const r = x as Partial<ReadSnapshot> | null;
  if (!r || !isStrings(r.keys) || !isInt32(r.words) || !isInt32(r.paragraphs) || r.words.length !== r.keys.length || r.paragraphs.length !== r.keys.length || !r.vocabulary || !r.phrases) return false;
  return isCounts(r.vocabulary, r.phrases);
}

/** Shape check of a vocabulary part and a phrase part. */
function isCounts(v: VocabularyPart, p: PhrasePart): boolean {
  return (
    isStrings(v.words) && isInt32(v.counts) && v.counts.length === v.words.length &&
    isInt32(v.surfaceWords) && isStrings(v.surfaces) && isInt32(v.surfaceCounts) && v.surfaces.length === v.surfaceWords.length && v.surfaces.length === v.surfaceCounts.length &&
    isInt32(v.pairs) && v.pairs.length % 3 === 0 &&
    isStrings(p.ids) && isInt32(p.numbers) && p.numbers.length === p.ids.length * PHRASE_NUMBERS &&
    isInt32(p.surfacePhrases) && isStrings(p.surfaces) && isInt32(p.surfaceCounts) && p.surfaces.length === p.surfacePhrases.length && p.surfaces.length === p.surfaceCounts.length &&
    isStrings(p.adjectives) && isInt32(p.adjectiveCounts) && p.adjectives.length === p.adjectiveCounts.length &&
    isStrings(p.cutShort) && isInt32(p.cutShortCounts) && p.cutShort.length === p.cutShortCounts.length
  );
}

/** Shape of a cached second-pass part. */
function isLatticePart(x: unknown): x is LatticePart {
  const l = x as Partial<LatticePart> | null;
  if (!l || typeof l.words !== 'number' || !isInt32(l.first) || !isInt32(l.last) || !isInt32(l.topic) || !(l.edge instanceof Uint8Array)) return false;
  const n = l.first.length;
  return l.last.length === n && l.topic.length === n && l.edge.length === n && isInt32(l.spelled) && isStrings(l.surfaces) && isInt32(l.surfaceCounts) && l.surfaces.length === l.spelled.length && l.surfaces.length === l.surfaceCounts.length;
}
