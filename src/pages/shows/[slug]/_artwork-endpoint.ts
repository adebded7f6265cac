/**
 * The shared body of the artwork endpoints beside this file:
 * `/shows/<slug>/artwork.<ext>`, a show's artwork when the site config
 * names a file in the content folder (checked there: an image of the type
 * its extension says, inside the content folder, at most 5 MB). One file
 * per extension, because Astro serves a route as a file (no trailing slash)
 * only when its last segment ends in a literal extension. The leading
 * underscore keeps Astro from routing this module itself.
 */
import { readFileSync } from 'node:fs';
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadKnowledge, siteConfig } from '../../../site/knowledge.ts';

const mediaTypes = { '.png': 'image/png', '.jpg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp', '.avif': 'image/avif' } as const;

/** `getStaticPaths` and `GET` for the artwork files with this extension. */
export function artworkEndpoint(extension: keyof typeof mediaTypes): { getStaticPaths: GetStaticPaths; GET: APIRoute } {
  return {
    getStaticPaths: async () => {
      const kb = await loadKnowledge();
      const shows = siteConfig().shows;
      return kb.shows.flatMap((show) => {
        const artwork = Object.hasOwn(shows, show.name) ? shows[show.name]?.artwork : undefined;
        return artwork && 'file' in artwork && artwork.extension === extension ? [{ params: { slug: show.slug }, props: { file: artwork.file } }] : [];
      });
    },
    GET: ({ props }) => new Response(readFileSync((props as { file: string }).file), { headers: { 'Content-Type': mediaTypes[extension] } }),
  };
}
