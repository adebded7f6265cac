/** `/episodes/<slug>/transcript.srt`: see src/exports/formats.ts (id 'srt'). */
import { transcriptEndpoint } from './_transcript-endpoint.ts';

export const { getStaticPaths, GET } = transcriptEndpoint('srt');
