/**
 * What the episode scripts share: the transcript's markup read once
 * (paragraphs, their times and speakers), a status region for announcements,
 * the clipboard, and small DOM builders. Text goes in with textContent only.
 */

/** The transcript as the page rendered it. */
export interface TranscriptPage {
  section: HTMLElement;
  /** Every paragraph in document order. */
  paragraphs: HTMLElement[];
  /** Paragraph by id, for fragments. */
  byId: Map<string, HTMLElement>;
  /** Position of a paragraph in `paragraphs`. */
  indexOf: Map<HTMLElement, number>;
}

/** The page's transcript, or null on pages without one. */
export function transcriptPage(): TranscriptPage | null {
  const section = document.querySelector<HTMLElement>('section.transcript');
  if (!section) return null;
  const paragraphs = [...section.querySelectorAll<HTMLElement>('p.para[id]')];
  return {
    section,
    paragraphs,
    byId: new Map(paragraphs.map((p) => [p.id, p])),
    indexOf: new Map(paragraphs.map((p, i) => [p, i])),
  };
}

/** A paragraph's time attribute in seconds, or null when absent or malformed. */
export function seconds(p: HTMLElement, name: 'start' | 'end'): number | null {
  const raw = p.dataset[name];
  if (raw === undefined || raw === '') return null;
  const value = Number(raw);
  return Number.isFinite(value) && value >= 0 ? value : null;
}

/** The speaker of a paragraph's turn, or null when unattributed. */
export const speakerOf = (p: HTMLElement): string | null => p.closest<HTMLElement>('.turn')?.dataset.speaker ?? null;

/** The paragraph holding a node, if any. */
export function paragraphOf(node: Node | null): HTMLElement | null {
  const element = node instanceof Element ? node : (node?.parentElement ?? null);
  return element?.closest<HTMLElement>('p.para[id]') ?? null;
}

/** This page's URL with another fragment (`#p12`). */
export const urlWith = (fragment: string): string => `${location.origin}${location.pathname}${location.search}${fragment}`;

let status: HTMLElement | undefined;

/** Say something to screen readers through one polite status region. */
export function announce(message: string): void {
  if (!status) {
    status = element('p', { class: 'visually-hidden', role: 'status' });
    document.body.append(status);
  }
  // Clear first so the same message twice is announced twice.
  status.textContent = '';
  const region = status;
  window.setTimeout(() => (region.textContent = message), 50);
}

/** Put text on the clipboard; false when the browser refuses. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No async clipboard (plain http on another host, old browsers, denied permission): the legacy command.
    const area = element('textarea', { class: 'visually-hidden', readonly: '' });
    area.value = text;
    document.body.append(area);
    area.select();
    let ok = false;
    try {
      ok = document.execCommand('copy');
    } catch {
      ok = false;
    }
    area.remove();
    return ok;
  }
}

/** An element with attributes and text children. */
export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.append(...children);
  return el;
}

const ICONS = {
  link: 'M10 13a5 5 0 0 0 7.5.5l3-3a5 5 0 0 0-7-7l-1.7 1.7M14 11a5 5 0 0 0-7.5-.5l-3 3a5 5 0 0 0 7 7l1.7-1.7',
  check: 'M5 12.5l4.5 4.5L19 7.5',
  quote: 'M16 3a2 2 0 0 0-2 2v6a2 2 0 0 0 2 2 1 1 0 0 1 1 1v1a2 2 0 0 1-2 2 1 1 0 0 0-1 1v2a1 1 0 0 0 1 1 6 6 0 0 0 6-6V5a2 2 0 0 0-2-2zM5 3a2 2 0 0 0-2 2v6a2 2 0 0 0 2 2 1 1 0 0 1 1 1v1a2 2 0 0 1-2 2 1 1 0 0 0-1 1v2a1 1 0 0 0 1 1 6 6 0 0 0 6-6V5a2 2 0 0 0-2-2z',
  close: 'M6 6l12 12M18 6L6 18',
} as const;

/** A decorative stroke icon (hidden from assistive tech: label its control). */
export function icon(name: keyof typeof ICONS): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  for (const [k, v] of Object.entries({ viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor', 'stroke-width': '2', 'stroke-linecap': 'round', 'stroke-linejoin': 'round', 'aria-hidden': 'true', focusable: 'false' })) {
    svg.setAttribute(k, v);
  }
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('d', ICONS[name]);
  svg.append(path);
  return svg;
}

const reducedMotionQuery = window.matchMedia('(prefers-reduced-motion: reduce)');

/** 'auto' when the reader asked for less motion, else 'smooth'. */
export const scrollBehavior = (): ScrollBehavior => (reducedMotionQuery.matches ? 'auto' : 'smooth');
