/**
 * Content collections: one, `episodes`, filled by the transcripts loader
 * from the episodes folder (VERBATIM_EPISODES, default
 * `<VERBATIM_CONTENT or content>/episodes`) and validated by the Episode schema.
 */
import { defineCollection } from 'astro:content';
import { transcriptsLoader } from './loaders/transcripts.ts';
import { episodesDir } from './node/content-dirs.ts';
import { Episode } from './transcript/schema.ts';


export const collections = {
  episodes: defineCollection({
    loader: transcriptsLoader({ dir: episodesDir() }),
    schema: Episode,
  }),
};
