/**
 * Every internal URL the site links to, under the configured base path.
 * Slugs may hold non-Latin letters, so path segments are percent-encoded.
 */

/** URL builders for a site served under `base` ('/' or '/kb/'). */
export function makeRoutes(base: string) {
  const root = base.endsWith('/') ? base : `${base}/`;
  const seg = (value: string) => encodeURIComponent(value);
  return {
    home: root,
    episodes: `${root}episodes/`,
    episode: (slug: string) => `${root}episodes/${seg(slug)}/`,
    /** A paragraph of an episode: `#p12`. */
    paragraph: (slug: string, paragraphId: string) => `${root}episodes/${seg(slug)}/#${paragraphId}`,
    shows: `${root}shows/`,
    show: (slug: string) => `${root}shows/${seg(slug)}/`,
    speakers: `${root}speakers/`,
    speaker: (slug: string) => `${root}speakers/${seg(slug)}/`,
    /** Topics by importance; `topicsByName` is the same list A–Z (two segments deep, so no topic slug can take its place). */
    topics: `${root}topics/`,
    topicsByName: `${root}topics/by/name/`,
    topic: (slug: string) => `${root}topics/${seg(slug)}/`,
    /** The search page (added with Pagefind); forms GET it with `q`. */
    search: `${root}search/`,
    asset: (path: string) => `${root}${path.replace(/^\/+/, '')}`,
  };
}

export type Routes = ReturnType<typeof makeRoutes>;

/** Routes for this build. */
export const routes: Routes = makeRoutes(import.meta.env?.BASE_URL ?? '/');
