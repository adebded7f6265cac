/**
 * What a result card shows, from a loaded Pagefind result: the deep link
 * (moved to the paragraph of the record where the query's words cluster),
 * episode title, show, date, speaker, timestamp, and the excerpt around that
 * cluster split into plain and highlighted parts. Pure, so the DOM code only
 * creates nodes and never parses HTML.
 */
import { clock, date } from '../site/format.ts';
import { bestWindow } from './match-window.ts';
import type { Match } from './match-window.ts';
import { EXCERPT_WORDS } from './pagefind-engine.ts';
import { STOP_WORDS } from './query-plan.ts';
import { FILTER, META, SPEAKER_SEPARATOR, decodeHidden } from './record-fields.ts';
import type { Anchor } from './record-fields.ts';
import type { HitData } from './run-search.ts';
import { words } from './text.ts';

/** A run of excerpt text; `mark` when it matched the query. */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

export interface ResultView {
  /** `passage` for a moment in a transcript, `episode` for the episode as a whole, `topic` for a topic page. */
  kind: 'passage' | 'episode' | 'topic';
  /** Deep link: `…/episodes/<slug>/#p12`, or the episode page. */
  href: string;
  /** Paragraph id the link lands on; absent for episode results. */
  paragraph?: string;
  title: string;
  show?: string;
  /** YYYY-MM-DD and `Mar 12, 2025`. */
  date?: { iso: string; label: string };
  speaker?: string;
  /** `4:05`; absent when untimed. */
  stamp?: string;
  /** People credited, for episode results. */
  people?: string;
  excerpt: ExcerptPart[];
}

/** Where the query's words were found in a record, from the ranking (run-search.ts). */
export interface Focus {
  /** Matching words in the content, with the concept each matched. */
  matches: readonly Match[];
  /** Weight of each concept. */
  weights: readonly number[];
}

/** What kind of record a result is: passages link into a page (`#p12`); topic records say so in their metadata. */
export function recordKind(data: Pick<HitData, 'url' | 'meta'>): ResultView['kind'] {
  if (data.url.includes('#')) return 'passage';
  return data.meta[META.kind] === 'topic' ? 'topic' : 'episode';
}

/**
 * Build the card for one result. `terms` (folded query words) highlight the
 * summary shown for an episode or topic result. With a `focus` a passage
 * links to the paragraph where the matches cluster and its excerpt shows
 * them; without one, to the paragraph holding most of Pagefind's locations,
 * with Pagefind's excerpt.
 */
export function resultView(data: HitData, terms: readonly string[] = [], focus?: Focus): ResultView {
  const hash = data.url.indexOf('#');
  const page = hash === -1 ? data.url : data.url.slice(0, hash);
  const first = hash === -1 ? undefined : data.url.slice(hash + 1);
  const meta = data.meta;
  const view: ResultView = {
    kind: recordKind(data),
    href: data.url,
    title: meta[META.title] ?? '',
    excerpt: [],
  };
  const show = data.filters[FILTER.show]?.[0];
  if (show) view.show = show;
  const hidden = first ? decodeHidden(meta[META.data]) : null;
  const iso = hidden ? hidden.date : meta[META.date];
  if (iso) view.date = { iso, label: date(iso, 'short') };

  if (first && hidden) {
    const speakers = meta[META.speaker]?.split(SPEAKER_SEPARATOR) ?? [];
    const opening = hidden.anchors[0];
    let paragraph = first;
    let start = opening?.start ?? null;
    let voice = opening?.speaker ?? null;
    // The paragraphs after the first: where a hit deep inside the passage lands instead.
    const anchors = hidden.anchors.slice(1);
    // "what did ama say about heat pumps": land where Ama speaks, when she says the words somewhere in the passage.
    const named = new Set(speakers.flatMap((name, i) => (words(name).some((w) => terms.includes(w)) ? [i] : [])));
    const voiceOf = (k: number) => (k === 0 ? (opening?.speaker ?? null) : (anchors[k - 1]?.speaker ?? null));
    const prefer = named.size > 0 ? (k: number) => named.has(voiceOf(k) ?? -1) : undefined;
    const clustered = focus && data.content !== undefined ? landing(data.content, anchors, focus, prefer) : null;
    let best: Anchor | null;
    if (clustered) {
      best = clustered.anchor;
      view.excerpt = clustered.excerpt;
    } else {
      const tokens = data.content ? data.content.split(/\s+/).filter(Boolean) : [];
      // Words by stem-ish prefix, so `heating` and `heat` count as the same query word.
      const wordAt = (loc: number) => words(tokens[loc] ?? String(loc)).join('').slice(0, 4);
      best = bestAnchor(anchors, contentLocations(data), wordAt);
      view.excerpt = pagefindExcerpt(data);
    }
    if (best) {
      paragraph = best.id;
      start = best.start;
      voice = best.speaker;
    }
    const speaker = voice === null ? undefined : speakers[voice];
    if (speaker) view.speaker = speaker;
    view.paragraph = paragraph;
    view.href = `${page}#${paragraph}`;
    if (start !== null && Number.isFinite(start)) view.stamp = clock(start);
  } else {
    const people = meta[META.people];
    if (people) view.people = people;
    const summary = meta[META.summary];
    view.excerpt = summary ? highlightTerms(summary, terms) : pagefindExcerpt(data);
  }
  return view;
}

/** Pagefind's excerpt as parts, read against the content when there is one. */
function pagefindExcerpt(data: HitData): ExcerptPart[] {
  return withEllipses((data.content === undefined ? undefined : excerptFromContent(data.excerpt, data.content, data.locations)) ?? excerptParts(data.excerpt), data.content);
}

/** Words of the excerpt shown before the first match of the cluster, for context. */
const EXCERPT_LEAD = 6;

/**
 * Where a passage's matches cluster (the best window, stop words ignored
 * unless nothing else matched): the paragraph it starts in (null for the
 * first paragraph) and an excerpt of the content from just before it, with
 * every match marked.
 */
export function landing(
  content: string,
  anchors: readonly Anchor[],
  focus: Focus,
  /** Paragraphs to land on when any of them holds matches (by index: 0 the first, k > 0 anchors[k - 1]). */
  prefer?: (paragraph: number) => boolean,
): { anchor: Anchor | null; excerpt: ExcerptPart[] } | null {
  const tokens = content.split(/\s+/).filter(Boolean);
  const inRange = focus.matches.filter((m) => m.position >= 0 && m.position < tokens.length);
  const meaningful = inRange.filter((m) => !STOP_WORDS.has(words(tokens[m.position] ?? '').join('')));
  const paragraphOf = (position: number) => {
    let k = 0; // 0 is the first paragraph, k > 0 is anchors[k - 1]
    while (k < anchors.length && (anchors[k]?.offset ?? Infinity) <= position) k++;
    return k;
  };
  let used = meaningful.length > 0 ? meaningful : inRange;
  if (prefer) {
    const preferred = used.filter((m) => prefer(paragraphOf(m.position)));
    if (preferred.length > 0) used = preferred;
  }
  const window = bestWindow(used, focus.weights);
  if (!window) return null;
  // The window may straddle paragraphs: land on the one holding most of its weight (ties: the earlier).
  const concepts = new Map<number, Set<number>>();
  for (const m of used) {
    if (m.position < window.start || m.position > window.end) continue;
    const k = paragraphOf(m.position);
    concepts.set(k, (concepts.get(k) ?? new Set()).add(m.concept));
  }
  let k = paragraphOf(window.start);
  let best = -1;
  for (const [paragraph, held] of [...concepts].sort(([a], [b]) => a - b)) {
    const weight = [...held].reduce((sum, c) => sum + (focus.weights[c] ?? 1), 0);
    if (weight > best + 1e-9) {
      best = weight;
      k = paragraph;
    }
  }
  const anchor = k === 0 ? null : (anchors[k - 1] ?? null);
  const paragraphStart = anchor?.offset ?? 0;
  const firstInside = Math.min(...used.filter((m) => m.position >= Math.max(window.start, paragraphStart) && m.position <= window.end).map((m) => m.position), window.end);
  const begin = Math.max(paragraphStart, Math.min(firstInside - EXCERPT_LEAD, tokens.length - EXCERPT_WORDS), 0);
  const end = Math.min(tokens.length, begin + EXCERPT_WORDS);
  const marked = new Set(inRange.map((m) => m.position));
  const parts: ExcerptPart[] = [];
  if (begin > 0) parts.push({ text: '… ', mark: false });
  for (let i = begin; i < end; i++) {
    if (i > begin) parts.push({ text: ' ', mark: false });
    parts.push({ text: tokens[i] ?? '', mark: marked.has(i) });
  }
  if (end < tokens.length) parts.push({ text: ' …', mark: false });
  return { anchor, excerpt: joinParts(parts) };
}

/** Mark the words of `text` that start with one of `terms` (folded), as Pagefind's prefix matching would. */
export function highlightTerms(text: string, terms: readonly string[]): ExcerptPart[] {
  // A plural's stem too, so `pumps` marks `pump` (Pagefind's stemming finds both).
  const wanted = terms
    .flatMap((t) => t.split(' '))
    .filter((t) => t.length >= 2)
    .map((t) => (t.length > 4 ? t.replace(/(?:es|s)$/, '') : t));
  const parts: ExcerptPart[] = [];
  let at = 0;
  for (const match of text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}\p{M}'’]*/gu)) {
    const word = match[0];
    const folded = words(word).join('');
    if (!wanted.some((t) => folded.startsWith(t))) continue;
    if (match.index > at) parts.push({ text: text.slice(at, match.index), mark: false });
    parts.push({ text: word, mark: true });
    at = match.index + word.length;
  }
  if (at < text.length) parts.push({ text: text.slice(at), mark: false });
  return joinParts(parts);
}

/**
 * Positions of the matching words that carry meaning: a match on `the` or
 * `where` should not decide which paragraph a hit links to (all of them when
 * every match is a stop word, or the content is unknown).
 */
function contentLocations(data: HitData): number[] {
  if (!data.content) return data.locations;
  const tokens = data.content.split(/\s+/).filter(Boolean);
  const meaningful = data.locations.filter((loc) => !STOP_WORDS.has(words(tokens[loc] ?? '').join('')));
  return meaningful.length > 0 ? meaningful : data.locations;
}

/**
 * The later paragraph of a passage that holds the most matching words, or
 * null when the first paragraph does (ties go to the earlier paragraph).
 */
export function bestAnchor<T extends { offset: number }>(
  anchors: readonly T[],
  locations: readonly number[],
  wordAt: (location: number) => string = String,
): T | null {
  if (anchors.length === 0 || locations.length === 0) return null;
  // A paragraph holding more of the query's different words beats one repeating a single word
  // ("district heating" lands where both are said, not where "heat" is said five times).
  const counts = new Array<number>(anchors.length + 1).fill(0);
  const distinct = Array.from({ length: anchors.length + 1 }, () => new Set<string>());
  for (const loc of locations) {
    let k = 0; // 0 is the first paragraph, k > 0 is anchors[k - 1]
    while (k < anchors.length && (anchors[k]?.offset ?? Infinity) <= loc) k++;
    counts[k] = (counts[k] ?? 0) + 1;
    distinct[k]?.add(wordAt(loc));
  }
  const score = (k: number) => (distinct[k]?.size ?? 0) * 1_000_000 + (counts[k] ?? 0);
  let best = 0;
  for (let k = 1; k < counts.length; k++) if (score(k) > score(best)) best = k;
  return best === 0 ? null : (anchors[best - 1] ?? null);
}

/**
 * The excerpt's words as the record's own text holds them. Pagefind builds an
 * excerpt from a window of the content's whitespace-separated words, with `<`
 * and `>` escaped and matches wrapped in `<mark>`, but leaves `&` alone: so
 * `&lt;` in an excerpt is either an escaped `<` or the text `&lt;`, and only
 * the content can tell (decoding it would decode the text a second time).
 * The window is the one whose words escape to the excerpt's and whose marks
 * fall on `locations`; undefined when none does (then `excerptParts`).
 */
export function excerptFromContent(excerpt: string, content: string, locations: readonly number[]): ExcerptPart[] | undefined {
  if (!excerpt) return undefined;
  const shown = excerpt.split(' ').map((word) => {
    const marked = /^<mark>(.*)<\/mark>$/.exec(word);
    return marked ? { raw: marked[1] ?? '', mark: true } : { raw: word, mark: false };
  });
  const words = content.split(/[\r\n\s]+/g);
  const escape = (word: string) => word.replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const window = (at: number): ExcerptPart[] =>
    joinParts(shown.flatMap((s, k) => [...(k > 0 ? [{ text: ' ', mark: false }] : []), { text: words[at + k] ?? '', mark: s.mark }]));
  let first: number | undefined;
  for (let at = 0; at + shown.length <= words.length; at++) {
    if (!shown.every((s, k) => escape(words[at + k] ?? '') === s.raw)) continue;
    if (shown.every((s, k) => !s.mark || locations.includes(at + k))) return window(at);
    first ??= at;
  }
  return first === undefined ? undefined : window(first);
}

/**
 * Split a Pagefind excerpt into text and highlighted runs. Pagefind wraps
 * matches in `<mark>…</mark>` and escapes `<` and `>` of the content as
 * `&lt;`/`&gt;` (it leaves `&` alone, so no other entity is decoded). Any other
 * markup stays literal text: callers put parts in text nodes, never HTML.
 * Only for when the content is not at hand: `&lt;` written as text would
 * show as `<` (see `excerptFromContent`).
 */
export function excerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let mark = false;
  for (const piece of excerpt.split(/(<mark>|<\/mark>)/)) {
    if (piece === '<mark>') mark = true;
    else if (piece === '</mark>') mark = false;
    else if (piece) parts.push({ text: piece.replace(/&lt;/g, '<').replace(/&gt;/g, '>'), mark });
  }
  return joinParts(parts);
}

/** `…` where the excerpt starts after the beginning, or stops before the end, of the record's text. */
function withEllipses(parts: ExcerptPart[], content: string | undefined): ExcerptPart[] {
  if (!content || parts.length === 0) return parts;
  const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
  const whole = squash(content);
  const shown = squash(parts.map((p) => p.text).join(''));
  if (!shown || !whole.includes(shown)) return parts;
  const out = parts.map((p) => ({ ...p }));
  if (!whole.startsWith(shown)) out.unshift({ text: '… ', mark: false });
  if (!whole.endsWith(shown)) out.push({ text: ' …', mark: false });
  return joinParts(out);
}

/**
 * Merge neighbours of one kind, and a phrase's marks across the spaces
 * between them (`heat pumps` is one mark). Pagefind marks whole
 * space-separated words, punctuation included ("heat." or "(pumps),"):
 * what starts or ends a mark that is no letter or digit is left out of it.
 */
function joinParts(input: readonly ExcerptPart[]): ExcerptPart[] {
  const parts = input.flatMap((part): ExcerptPart[] => {
    if (!part.mark) return [part];
    const edges = /^([^\p{L}\p{N}]*)([\s\S]*?[\p{L}\p{N}])([^\p{L}\p{N}]*)$/u.exec(part.text);
    if (!edges) return [{ text: part.text, mark: false }]; // no letter or digit: nothing to highlight
    return [
      { text: edges[1] ?? '', mark: false },
      { text: edges[2] ?? '', mark: true },
      { text: edges[3] ?? '', mark: false },
    ].filter((p) => p.text !== '');
  });
  const out: ExcerptPart[] = [];
  parts.forEach((part, i) => {
    const bridging = !part.mark && /^[ \t]+$/.test(part.text) && parts[i - 1]?.mark && parts[i + 1]?.mark;
    const current = bridging ? { text: part.text, mark: true } : part;
    const last = out.at(-1);
    if (last && last.mark === current.mark) last.text += current.text;
    else out.push({ ...current });
  });
  return out;
}
