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

/** A paragraph joins a passage (one search record) only if the passage stays within this many words. */
export const PASSAGE_WORDS = 600;

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
  /** Episode title (every record kind): searched, boosted by the `title` meta weight. */
  title: 'title',
  /** Passages: the named voices of the passage, `SPEAKER_SEPARATOR`-separated: searched, so `lindqvist grid` finds Zoë Lindqvist talking about the grid. */
  speaker: 'speaker',
  /** Passages: the date and every paragraph's id, word offset, start and speaker, in a form Pagefind does not index (see `encodeHidden`). */
  data: 'data',
  /** Episode records: the date, YYYY-MM-DD. */
  date: 'date',
  /** Episode records: the people credited, `Maya Okafor, Zoë Lindqvist`. */
  people: 'people',
  /** Episode and topic records: the summary, shown instead of an excerpt. */
  summary: 'summary',
  /** `topic` on topic records; absent on the others (passages have a `#` in the URL, episodes do not). */
  kind: 'kind',
} as const;

/** Between the names in a passage's `speaker` field: whitespace around punctuation, so Pagefind indexes no word for it. */
export const SPEAKER_SEPARATOR = ' ; ';

/** Filter keys, offered as facets on the search page. */
export const FILTER = {
  show: 'show',
  speaker: 'speaker',
  year: 'year',
  topic: 'topic',
  /**
   * `page` on episode and topic records: the search page searches moments and pages each on its own (never a
   * facet). Passages carry no `kind`: a search for moments asks for the records that are not pages
   * (`pagefindFilters`), so the filter data a first search loads lists the pages only, not every passage
   * (at 1,000 episodes 7 KB instead of 45 KB).
   */
  kind: 'kind',
} as const;

/** What a search selects by `kind`: `page` is the filter value; `moment` means every record without it. */
export const KIND = { moment: 'moment', page: 'page' } as const;

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
  [META.data]: 0,
  [META.date]: 0,
  [META.people]: 0,
  [META.summary]: 0,
  [META.kind]: 0,
};

/** One paragraph of a passage: where it starts in the content and when, and who speaks it. */
export interface Anchor {
  /** Paragraph id, `p12`. */
  id: string;
  /** Position of the paragraph's first word in the record content (whitespace-separated tokens); 0 for the first. */
  offset: number;
  /** Start in whole seconds, or null when untimed. */
  start: number | null;
  /** Index into the passage's speaker names, or null when the paragraph has no named voice. */
  speaker: number | null;
}

/** The part of a passage record that is shown but never searched. */
export interface HiddenData {
  /** YYYY-MM-DD, or null. */
  date: string | null;
  /** Every paragraph of the passage, in order. */
  anchors: Anchor[];
}

/*
 * Pagefind indexes the words of every metadata field, and digits are words:
 * `p6:43:245` would add `p6`, `43`, `245` and `p643245` to the index for
 * every paragraph of every record. Numbers are therefore written in base 24
 * with punctuation for digits, which Pagefind's word splitting drops
 * entirely (it keeps letters and digits; `#` and `*` are avoided as they
 * count as emoji). Fields are separated by `|`, a missing value is empty.
 * Layout: date (yyyymmdd), then per paragraph: id number, offset, start, speaker.
 */
const DIGITS = "!$%&()+,-./:;<=>?@[]^_{}~";
const BASE = DIGITS.length;
const FIELD = '|';

function encodeNumber(n: number | null): string {
  if (n === null || !Number.isInteger(n) || n < 0) return '';
  let out = '';
  let x = n;
  do {
    out = (DIGITS[x % BASE] as string) + out;
    x = Math.floor(x / BASE);
  } while (x > 0);
  return out;
}

function decodeNumber(text: string): number | null {
  if (text === '') return null;
  let n = 0;
  for (const c of text) {
    const d = DIGITS.indexOf(c);
    if (d < 0) return null;
    n = n * BASE + d;
  }
  return n;
}

/** Write `data` without a letter or digit; every paragraph id must be `p<n>`. */
export function encodeHidden(data: HiddenData): string {
  const fields = [encodeNumber(data.date && /^\d{4}-\d{2}-\d{2}$/.test(data.date) ? Number(data.date.replaceAll('-', '')) : null)];
  for (const a of data.anchors) fields.push(encodeNumber(Number(a.id.slice(1))), encodeNumber(a.offset), encodeNumber(a.start), encodeNumber(a.speaker));
  return fields.join(FIELD);
}

/** Read `encodeHidden` output; anything malformed reads as less data, never a throw. */
export function decodeHidden(text: string | undefined): HiddenData {
  const fields = (text ?? '').split(FIELD);
  const day = decodeNumber(fields[0] ?? '');
  const date = day === null ? null : `${String(Math.floor(day / 10000)).padStart(4, '0')}-${String(Math.floor(day / 100) % 100).padStart(2, '0')}-${String(day % 100).padStart(2, '0')}`;
  const anchors: Anchor[] = [];
  for (let i = 1; i + 3 < fields.length; i += 4) {
    const id = decodeNumber(fields[i] ?? '');
    const offset = decodeNumber(fields[i + 1] ?? '');
    if (id === null || offset === null) continue;
    anchors.push({ id: `p${id}`, offset, start: decodeNumber(fields[i + 2] ?? ''), speaker: decodeNumber(fields[i + 3] ?? '') });
  }
  return { date, anchors };
}
