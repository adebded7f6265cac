/** `/shows/<slug>/artwork.gif`: see _artwork-endpoint.ts. */
import { artworkEndpoint } from './_artwork-endpoint.ts';

export const { getStaticPaths, GET } = artworkEndpoint('.gif');
