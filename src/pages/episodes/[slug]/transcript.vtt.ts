/** `/episodes/<slug>/transcript.vtt`: see src/exports/formats.ts (id 'vtt'). */
import { transcriptEndpoint } from './_transcript-endpoint.ts';

export const { getStaticPaths, GET } = transcriptEndpoint('vtt');
