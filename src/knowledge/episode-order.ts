/**
 * The one order episodes are listed in everywhere: newest first by date,
 * undated episodes after dated ones, then by title, then by id so the
 * order never depends on the file system.
 */
/** What the order looks at: any episode or episode summary. */
export interface Orderable {
  id: string;
  title: string;
  date?: string | undefined;
}

const titleCollator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Comparator: date descending (undated last), then title, then id. */
export function compareEpisodes(a: Orderable, b: Orderable): number {
  if (a.date !== b.date) {
    if (a.date === undefined) return 1;
    if (b.date === undefined) return -1;
    return a.date < b.date ? 1 : -1;
  }
  return titleCollator.compare(a.title, b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** A sorted copy of `episodes`. */
export function sortEpisodes<T extends Orderable>(episodes: readonly T[]): T[] {
  return [...episodes].sort(compareEpisodes);
}
