/**
 * The site config: `content/site.yml`, the one place a user says what the
 * site is called, where it is published, which shows look how, what it
 * publishes and how search and topic discovery are tuned. The schema is the
 * contract: the types, the defaults, the JSON Schema for editors
 * (schemas/site.schema.json) and the documentation in content/README.md
 * all come from it. Every key is optional; an empty or missing file is the
 * default site.
 */
import { z } from 'zod';
import { transcriptExports } from '../exports/formats.ts';
import type { ExportId } from '../exports/formats.ts';
import { Phrase as TopicPhrase } from '../knowledge/topics/schema.ts';
import { normalizeBase } from '../site/base-path.ts';

/** Site-wide files the build can publish besides the pages. */
export const feedIds = ['rss', 'episodes-json', 'sitemap'] as const;
export type FeedId = (typeof feedIds)[number];

const exportIds = transcriptExports.map((f) => f.id) as [ExportId, ...ExportId[]];

/** Text shown on pages: one line, not empty. */
const Line = z.string().trim().min(1);

/** `#rgb` or `#rrggbb`: the only colours accepted, so a value can never carry anything else into a style attribute. */
export const Colour = z
  .string()
  .regex(/^#(?:[0-9a-fA-F]{3}){1,2}$/, { message: 'expected a colour written #rrggbb (like "#2f6f4f"; quote it, YAML reads # as a comment)' });

/**
 * An http(s) origin with nothing after it, or with a path that is dropped:
 * `https://example.org`. The host may only hold letters, digits, dots and
 * hyphens (punycode for other scripts), so it is safe in a CSP directive.
 */
export const Origin = z.string().refine((value) => /^https?:\/\/[a-z0-9.-]+(?::\d{1,5})?\/?$/i.test(value), {
  message: 'expected the origin the site is published at, like https://example.org (no path: put a sub-path in "base")',
});

/** A path prefix: `/`, `/kb/`, `kb`; letters, digits and `-._~` in each segment. */
export const BasePath = z.string().refine((value) => /^\/*(?:[A-Za-z0-9._~-]+\/)*[A-Za-z0-9._~-]*\/*$/.test(value.trim()) && !/(?:^|\/)\.\.?(?:\/|$)/.test(value.trim()), {
  message: 'expected a path like /kb/ (letters, digits, - . _ ~ and slashes)',
});

/** A BCP 47 language tag with a two- or three-letter language that Intl accepts: `en`, `en-GB`, `de`, `pt-BR`. */
export const Language = z.string().refine(
  (value) => {
    try {
      return /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(value) && Intl.getCanonicalLocales(value).length === 1;
    } catch {
      return false;
    }
  },
  { message: 'expected a language tag like en, en-GB or de' },
);

/**
 * Show artwork: an http(s) image URL (its origin is added to the pages'
 * Content-Security-Policy `img-src`), or the path of a PNG, JPEG, GIF, WebP
 * or AVIF file relative to the content folder, published with the site.
 */
export const Artwork = z.string().trim().min(1);

export const ShowConfig = z
  .object({
    description: Line.optional().describe('One or two sentences about the show, on its page and its card.'),
    colour: Colour.optional().describe('Accent colour of the show\'s card and page, "#rrggbb" (quoted: YAML reads # as a comment).'),
    artwork: Artwork.optional().describe(
      'Square cover image: an https:// URL, or the path of a PNG, JPEG, GIF, WebP or AVIF file (at most 5 MB) relative to the content folder, published with the site.',
    ),
  })
  .strict();
export type ShowConfig = z.infer<typeof ShowConfig>;

export const SearchConfig = z
  .object({
    vocabulary: z
      .int()
      .min(0)
      .max(1_000_000)
      .default(15_000)
      .describe('Most words of the transcripts the search page corrects misspelt queries against (names are always kept); each 1,000 adds about 3 KB gzipped to the first search.'),
    suggestions: z.int().min(0).max(6).default(6).describe('How many of the most used topics and tags the search page offers when a query finds nothing (0 to 6).'),
  })
  .strict();

export const TopicsConfig = z
  .object({
    discover: z.boolean().default(true).describe('Find topics in the transcripts (names, recurring phrases) besides the files in content/topics/.'),
    max: z
      .int()
      .min(0)
      .max(100_000)
      .optional()
      .describe('At most this many discovered topics. Unset: 8 per episode (at least 100), plus the topics each episode has of its own.'),
    exclude: z
      .array(TopicPhrase)
      .default([])
      .describe(
        'Words and phrases never to make a discovered topic of, like "general purpose": a discovered topic named or spelled so is left out, and those words count for no other. Written in capitals ("RTS"), a word is left out only where it is in capitals.',
      ),
  })
  .strict();

export const SiteConfigFile = z
  .object({
    title: Line.default('Verbatim').describe('Site name: in the header, every page title and the feeds.'),
    description: Line.default('Every episode, word for word: searchable transcripts of the shows in this collection.').describe(
      'One line under the title on the home page; also the home page\'s and the feed\'s description.',
    ),
    site: Origin.optional().describe(
      'Origin the site is published at, like https://example.org: canonical links, the feed and the sitemap use it (`build --site` overrides it).',
    ),
    base: BasePath.default('/').describe('Path the site is served under: / or /kb/ (`build --base` overrides it).'),
    language: Language.default('en').describe('Language of the transcripts and pages, like en, en-GB or de: `<html lang>` and the feed.'),
    shows: z.record(z.string().min(1), ShowConfig).default({}).describe('Settings per show, under its name as the episodes give it (sidecar `show:` or folder name).'),
    exports: z
      .array(z.enum(exportIds))
      .default([...exportIds])
      .describe('Transcript downloads published for each episode, linked on its page and listed in the feed and episodes.json: vtt, srt, txt, json, podcast.'),
    feeds: z
      .array(z.enum(feedIds))
      .default([...feedIds])
      .describe('Site-wide files published: rss (/rss.xml), episodes-json (/episodes.json), sitemap (/sitemap.xml).'),
    search: SearchConfig.default({ vocabulary: 15_000, suggestions: 6 }).describe('Search page settings.'),
    topics: TopicsConfig.default({ discover: true, exclude: [] }).describe('Topic discovery settings.'),
  })
  .strict();

/** What the file holds, as written. */
export type SiteConfigInput = z.input<typeof SiteConfigFile>;

/**
 * The config a build uses: the file's values with defaults filled in and the
 * command line's overrides applied, the base path normalized, and local
 * artwork resolved to a file.
 */
export type SiteConfig = Omit<z.output<typeof SiteConfigFile>, 'site' | 'shows'> & {
  /** The origin, or null when neither the file nor `--site` gives one. */
  site: string | null;
  shows: Record<string, ResolvedShow>;
};

export interface ResolvedShow {
  description?: string;
  colour?: string;
  /** An https URL to link, or an absolute path of a file to publish. */
  artwork?: { url: string } | { file: string; extension: string };
}

/** Top-level keys, for unknown-key messages. */
export const siteConfigKeys: readonly string[] = Object.keys(SiteConfigFile.shape);

/** The default site: what an empty or missing file means. */
export function defaultSiteConfig(): SiteConfig {
  const parsed = SiteConfigFile.parse({});
  return { ...parsed, site: null, base: normalizeBase(parsed.base), shows: {} };
}
