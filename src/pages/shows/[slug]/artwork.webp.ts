/** `/shows/<slug>/artwork.webp`: see _artwork-endpoint.ts. */
import { artworkEndpoint } from './_artwork-endpoint.ts';

export const { getStaticPaths, GET } = artworkEndpoint('.webp');
