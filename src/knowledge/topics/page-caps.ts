/**
 * What a topic page shows of a large archive: a topic said in every
 * episode of a 1,000-episode archive would otherwise make a page of tens of
 * megabytes, and an index holding every mention with a quote would not fit
 * in memory. The topic index keeps quotes and timeline marks for the
 * episodes that mention a topic most; pages list the next ones by name and
 * leave the rest to search.
 */

/** Episodes quoted on a topic page, and given a timeline row: those that mention it most. */
export const QUOTED_EPISODES = 20;
/** Quotes shown per episode; the episode page has every mention. */
export const QUOTES_PER_EPISODE = 5;
/** Episodes past the quoted ones that are listed by name; search finds the rest. */
export const LISTED_EPISODES = 100;
/** Width of a timeline mark in SVG units (the strip is 1000 wide); closer mentions share one mark. */
export const TIMELINE_TICK_WIDTH = 6;
