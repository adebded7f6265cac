/** `/episodes/<slug>/transcript.json`: see src/exports/formats.ts (id 'json'). */
import { transcriptEndpoint } from './_transcript-endpoint.ts';

export const { getStaticPaths, GET } = transcriptEndpoint('json');
