/**
 * How a show looks, from the site config's `shows:` (keyed by the show's
 * name as its episodes give it): a description, an accent colour and
 * artwork, either an https URL or a file published beside the show's page.
 */
import type { SiteConfig } from '../config/site-config.ts';
import type { Show } from '../knowledge/shows.ts';
import { routes } from './routes.ts';

export interface ShowLook {
  description?: string;
  /** `#rrggbb`, checked by the config schema: safe in a style attribute. */
  colour?: string;
  /** Image URL (absolute, or site-relative for a published file). */
  artwork?: string;
}

/** File name of a show's published artwork, `artwork.png` (the route is src/pages/shows/[slug]/artwork.[ext].ts). */
export const artworkName = (extension: string) => `artwork${extension}`;

export function showLook(show: Pick<Show, 'name' | 'slug'>, config: Pick<SiteConfig, 'shows'>): ShowLook {
  const settings = Object.hasOwn(config.shows, show.name) ? config.shows[show.name] : undefined;
  if (!settings) return {};
  const look: ShowLook = {};
  if (settings.description) look.description = settings.description;
  if (settings.colour) look.colour = settings.colour;
  if (settings.artwork) look.artwork = 'url' in settings.artwork ? settings.artwork.url : `${routes.show(show.slug)}${artworkName(settings.artwork.extension)}`;
  return look;
}
