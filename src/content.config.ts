/**
 * Content collections: one, `episodes`, filled by the transcripts loader
 * from the episodes folder (VERBATIM_EPISODES, default
 * `<VERBATIM_CONTENT or content>/episodes`) and validated by the Episode schema.
 */
import { defineCollection } from 'astro:content';
import { transcriptsLoader } from './loaders/transcripts.ts';
import { Episode } from './transcript/schema.ts';

const contentDir = process.env.VERBATIM_CONTENT || 'content';
const episodesDir = process.env.VERBATIM_EPISODES || `${contentDir}/episodes`;

export const collections = {
  episodes: defineCollection({
    loader: transcriptsLoader({ dir: episodesDir }),
    schema: Episode,
  }),
};
