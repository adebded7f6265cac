/** `/episodes/<slug>/transcript.txt`: see src/exports/formats.ts (id 'txt'). */
import { transcriptEndpoint } from './_transcript-endpoint.ts';

export const { getStaticPaths, GET } = transcriptEndpoint('txt');
