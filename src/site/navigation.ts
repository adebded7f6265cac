/** The header navigation: sections that exist in this build, in order. */
import { routes } from './routes.ts';

export interface NavItem {
  label: string;
  href: string;
}

/** Sections to link, in header order. */
export function navigation(): NavItem[] {
  return [
    { label: 'Episodes', href: routes.episodes },
    { label: 'Shows', href: routes.shows },
    { label: 'Speakers', href: routes.speakers },
    { label: 'Topics', href: routes.topics },
  ];
}

/** True when `current` (a pathname) is within the section at `href`. */
export function isCurrentSection(href: string, current: string): boolean {
  const path = decodeURI(current.endsWith('/') ? current : `${current}/`);
  return path === decodeURI(href) || path.startsWith(decodeURI(href));
}
