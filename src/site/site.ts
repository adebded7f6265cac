/** Site-wide identity used by the layout. A content-folder site config can replace these later. */

/** Name shown in the header, titles and feeds. */
export const siteName = 'Verbatim';

/** One line under the name on the home page. */
export const siteTagline = 'Every episode, word for word: searchable transcripts of the shows in this collection.';
