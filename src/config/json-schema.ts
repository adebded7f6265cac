/**
 * The JSON Schema of the site config (`content/site.yml`), emitted by zod
 * from src/config/site-config.ts, so editors that read JSON Schema offer
 * completion, the doc comments and validation while the file is written.
 */
import { z } from 'zod';
import { SiteConfigFile } from './site-config.ts';

/** Published as schemas/site.schema.json (`npm run generate`). */
export function siteConfigJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(SiteConfigFile, { io: 'input', unrepresentable: 'any' }),
    $id: 'https://verbatim.dev/schemas/site.schema.json',
    title: 'Verbatim site config',
    description: 'content/site.yml: the site title, origin and base path, language, shows, what is published, search and topic discovery.',
  };
}
