/**
 * The contract between the index build and the search page: names of the
 * Pagefind metadata and filter fields each record carries, and the compact
 * encoding of the paragraph anchors inside a passage record.
 *
 * Pagefind (≥ 1.5) searches every metadata field and boosts matches by
 * `ranking.metaWeights`, so metadata is kept to what a result card shows and
 * what should match a query (episode title, speaker). Anything else a card
 * needs (show, year) comes from the filters, which are never searched.
 */

/** Files the build writes and the search page loads, relative to the site root (under the base path). */
export const SEARCH_FILES = {
  /** Pagefind's bundle folder (index, fragments, filters, wasm, JS). */
  pagefindDir: 'pagefind',
  /** Pagefind's JS API, imported by the search page. */
  pagefindScript: 'pagefind/pagefind.js',
  /** The spelling dictionary (see dictionary.ts). */
  dictionary: 'search/dictionary.json',
} as const;

/** Metadata keys on records. */
export const META = {
  /** Episode title (both record kinds): searched, boosted by the `title` meta weight. */
  title: 'title',
  /** Speaker of a passage: searched, so `lindqvist grid` finds Zoë Lindqvist talking about the grid. */
  speaker: 'speaker',
  /** Episode date, YYYY-MM-DD. */
  date: 'date',
  /** Start of the passage in whole seconds; absent for untimed transcripts. */
  start: 'start',
  /** Later paragraphs of a multi-paragraph passage: see `encodeAnchors`. */
  anchors: 'anchors',
  /** Episode records: the people credited, `Maya Okafor, Zoë Lindqvist`. */
  people: 'people',
  /** Episode and topic records: the summary, shown instead of an excerpt. */
  summary: 'summary',
  /** `topic` on topic records; absent on the others (passages have a `#` in the URL, episodes do not). */
  kind: 'kind',
} as const;

/** Filter keys, offered as facets on the search page. */
export const FILTER = {
  show: 'show',
  speaker: 'speaker',
  year: 'year',
  topic: 'topic',
} as const;

export type FilterKey = (typeof FILTER)[keyof typeof FILTER];

/** Filter keys in the order the search page shows them. */
export const filterKeys: readonly FilterKey[] = [FILTER.show, FILTER.speaker, FILTER.topic, FILTER.year];

/**
 * Meta weights for the search page. `title` keeps a boost (a passage from an
 * episode titled with the query words ranks above one that only mentions them);
 * fields that hold numbers or display-only text must not lift a result.
 */
export const metaWeights: Record<string, number> = {
  [META.title]: 2,
  [META.speaker]: 1,
  [META.date]: 0,
  [META.start]: 0,
  [META.anchors]: 0,
  [META.people]: 0,
  [META.summary]: 0,
  [META.kind]: 0,
};

/** Where a paragraph of a passage starts, so a hit deep inside the passage links to its own paragraph. */
export interface Anchor {
  /** Paragraph id, `p12`. */
  id: string;
  /** Position of the paragraph's first word in the record content (whitespace-separated tokens). */
  offset: number;
  /** Start in whole seconds, or null when untimed. */
  start: number | null;
}

/** `p6:43:245 p7:80:` — id, word offset, start seconds (empty when untimed), space separated. */
export function encodeAnchors(anchors: readonly Anchor[]): string {
  return anchors.map((a) => `${a.id}:${a.offset}:${a.start ?? ''}`).join(' ');
}

/** Read `encodeAnchors` output; anything malformed is skipped, never thrown. */
export function decodeAnchors(text: string | undefined): Anchor[] {
  if (!text) return [];
  const out: Anchor[] = [];
  for (const part of text.split(' ')) {
    const match = /^(p\d+):(\d+):(\d*)$/.exec(part);
    if (!match?.[1] || match[2] === undefined) continue;
    out.push({ id: match[1], offset: Number(match[2]), start: match[3] ? Number(match[3]) : null });
  }
  return out;
}
