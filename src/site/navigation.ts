/** The header navigation: sections that exist in this build, in order. */
import { routes } from './routes.ts';

export interface NavItem {
  label: string;
  href: string;
}

/**
 * Sections to link. Topics is listed only when the topic pages are built
 * (`topicsHref` non-null), so the header never links a missing page.
 */
export function navigation(topicsHref: string | null = null): NavItem[] {
  const items: NavItem[] = [
    { label: 'Episodes', href: routes.episodes },
    { label: 'Shows', href: routes.shows },
    { label: 'Speakers', href: routes.speakers },
  ];
  if (topicsHref) items.push({ label: 'Topics', href: topicsHref });
  return items;
}

/** True when `current` (a pathname) is within the section at `href`. */
export function isCurrentSection(href: string, current: string): boolean {
  const path = decodeURI(current.endsWith('/') ? current : `${current}/`);
  return path === decodeURI(href) || path.startsWith(decodeURI(href));
}
