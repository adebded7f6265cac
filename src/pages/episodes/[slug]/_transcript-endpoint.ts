/**
 * The shared body of the transcript download endpoints beside this file:
 * one static file per episode that offers the format (see
 * src/exports/formats.ts), written by the format's pure writer. These serve
 * `astro dev` and a bare `astro build`; `verbatim build` writes the same
 * files with the search shards (src/search-index/index-shard.ts). The leading
 * underscore keeps Astro from routing this module itself.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { exportById, offers } from '../../../exports/formats.ts';
import type { ExportId } from '../../../exports/formats.ts';
import { loadKnowledge, siteConfig } from '../../../site/knowledge.ts';

/** `getStaticPaths` and `GET` for `/episodes/<slug>/<format file>`. */
export function transcriptEndpoint(id: ExportId): { getStaticPaths: GetStaticPaths; GET: APIRoute } {
  const format = exportById(id);
  return {
    getStaticPaths: async () => {
      // `verbatim build` writes the downloads itself, beside the search index, reading each episode once.
      if (process.env.VERBATIM_EXPORTS === 'external') return [];
      const kb = await loadKnowledge();
      const published = siteConfig().exports;
      return kb.episodes.filter((episode) => offers(episode, format, published)).map((episode) => ({ params: { slug: episode.slug } }));
    },
    GET: async ({ params }) => {
      const episode = (await loadKnowledge()).episode(String(params.slug));
      return new Response(format.write(episode), { headers: { 'Content-Type': format.mediaType } });
    },
  };
}
