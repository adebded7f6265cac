/**
 * `/shows/<slug>/artwork.<ext>`: a show's artwork when the site config
 * names a file in the content folder (checked there: an image of the type
 * its extension says, inside the content folder, at most 5 MB).
 */
import { readFileSync } from 'node:fs';
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadKnowledge, siteConfig } from '../../../site/knowledge.ts';
import { artworkName } from '../../../site/show-look.ts';

const mediaTypes: Record<string, string> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp', '.avif': 'image/avif' };

export const getStaticPaths: GetStaticPaths = async () => {
  const kb = await loadKnowledge();
  const shows = siteConfig().shows;
  return kb.shows.flatMap((show) => {
    const artwork = Object.hasOwn(shows, show.name) ? shows[show.name]?.artwork : undefined;
    if (!artwork || !('file' in artwork)) return [];
    return [{ params: { slug: show.slug, artwork: artworkName(artwork.extension) }, props: { file: artwork.file, type: mediaTypes[artwork.extension] ?? 'application/octet-stream' } }];
  });
};

export const GET: APIRoute = ({ props }) => {
  const { file, type } = props as { file: string; type: string };
  return new Response(readFileSync(file), { headers: { 'Content-Type': type } });
};
