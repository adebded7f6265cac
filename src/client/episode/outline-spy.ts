/**
 * The outline follows the reader: the turn crossing a band near the top of
 * the window marks its outline entry `aria-current="location"`, and where
 * the outline is a scrolling sidebar (wide screens) the entry is kept in view.
 */
import { scrollBehavior } from './dom.ts';
import type { TranscriptPage } from './dom.ts';

/** Mark the outline entry of the turn being read. */
export function enhanceOutline(page: TranscriptPage): void {
  const links = [...document.querySelectorAll<HTMLAnchorElement>('.outline nav a[href^="#"]')];
  if (links.length === 0 || !('IntersectionObserver' in window)) return;
  const linkOf = new Map<Element, HTMLAnchorElement>();
  for (const link of links) {
    const turn = page.byId.get(link.hash.slice(1))?.closest('.turn');
    if (turn) linkOf.set(turn, link);
  }
  const turns = [...linkOf.keys()];
  const wide = window.matchMedia('(min-width: 70rem)');
  const visible = new Set<Element>();
  let current: HTMLAnchorElement | undefined;

  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (entry.isIntersecting) visible.add(entry.target);
        else visible.delete(entry.target);
      }
      const turn = turns.find((t) => visible.has(t));
      const link = turn && linkOf.get(turn);
      if (!link || link === current) return;
      current?.removeAttribute('aria-current');
      link.setAttribute('aria-current', 'location');
      current = link;
      if (wide.matches) revealInSidebar(link);
    },
    // A band from 25% to 35% of the window height: the turn there is the one being read.
    { rootMargin: '-25% 0px -65% 0px' },
  );
  for (const turn of turns) observer.observe(turn);
}

/** Scroll the sticky sidebar (never the page) so a link is inside it. */
function revealInSidebar(link: HTMLElement): void {
  const aside = link.closest<HTMLElement>('.episode-aside');
  if (!aside || aside.scrollHeight <= aside.clientHeight || !link.closest('details[open]')) return;
  const box = aside.getBoundingClientRect();
  const r = link.getBoundingClientRect();
  if (r.top >= box.top && r.bottom <= box.bottom) return;
  aside.scrollTo({ top: aside.scrollTop + r.top - box.top - box.height / 3, behavior: scrollBehavior() });
}
