/** `/episodes/<slug>/transcript.podcast.json`: see src/exports/formats.ts (id 'podcast'). */
import { transcriptEndpoint } from './_transcript-endpoint.ts';

export const { getStaticPaths, GET } = transcriptEndpoint('podcast');
