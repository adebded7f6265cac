/**
 * Passages: a fragment naming a range (`#t=75,140`, `#p12-p15`) highlights
 * the paragraphs it covers, scrolls to them and shows a ready citation with
 * copy buttons. Readers make such links by selecting text across paragraphs
 * (a “Cite this passage” button appears) or by shift-clicking two timestamps
 * (Shift+Enter from the keyboard). Parsing and the citation text are the
 * pure functions of src/site/passage-fragment.ts and src/site/citation.ts.
 */
import { formatCitation, extentLabel } from '../../site/citation.ts';
import type { CitationParts } from '../../site/citation.ts';
import { formatPassage, parsePassage } from '../../site/passage-fragment.ts';
import type { Passage } from '../../site/passage-fragment.ts';
import { makeTimeline, paragraphsInRange } from '../../site/timeline.ts';
import { announce, copyText, element, icon, paragraphOf, seconds, speakerOf, urlWith } from './dom.ts';
import type { TranscriptPage } from './dom.ts';

/** Wait this long after the selection settles before offering to cite it. */
const SELECTION_SETTLE_MS = 250;

interface Shown {
  paragraphs: HTMLElement[];
  box: HTMLElement;
}

/** Wire fragments, selection and shift-clicks to passage highlights and citations. */
export function enhancePassages(page: TranscriptPage): void {
  const timeline = makeTimeline(page.paragraphs.map((p) => ({ start: seconds(p, 'start'), end: seconds(p, 'end') })));
  let shown: Shown | null = null;
  /** The paragraph a shift-click ranges from: the last timestamp followed or paragraph targeted. */
  let anchor: HTMLElement | null = null;
  /** Focus the citation when it opens because of something the reader just did here. */
  let focusNext = false;

  /** The paragraphs a passage covers, in document order; null when none. */
  const resolve = (passage: Passage): HTMLElement[] | null => {
    let first: number | undefined;
    let last: number | undefined;
    if (passage.kind === 'paragraphs') {
      const from = page.byId.get(passage.from);
      if (!from) return null;
      const to = page.byId.get(passage.to) ?? page.paragraphs.at(-1);
      first = page.indexOf.get(from);
      last = to ? page.indexOf.get(to) : undefined;
    } else {
      const span = paragraphsInRange(timeline, passage.start, passage.end);
      first = span?.first;
      last = span?.last;
    }
    if (first === undefined || last === undefined) return null;
    return page.paragraphs.slice(Math.min(first, last), Math.max(first, last) + 1);
  };

  const clear = () => {
    if (!shown) return;
    for (const p of shown.paragraphs) p.classList.remove('in-passage', 'passage-first', 'passage-last');
    shown.box.remove();
    shown = null;
  };

  const close = () => {
    const first = shown?.paragraphs[0];
    clear();
    history.replaceState(history.state, '', `${location.pathname}${location.search}`);
    first?.querySelector<HTMLElement>('a.ts, button.moment-copy')?.focus({ preventScroll: true });
    announce('Citation closed');
  };

  const apply = () => {
    const focus = focusNext;
    focusNext = false;
    clear();
    const target = page.byId.get(decodeHash());
    if (target) anchor = target;
    const passage = parsePassage(location.hash);
    if (!passage) return;
    const paragraphs = resolve(passage);
    if (!paragraphs) {
      announce('The passage this link names is not in this transcript');
      return;
    }
    const [first] = paragraphs;
    const last = paragraphs.at(-1);
    if (!first || !last) return;
    anchor = first;
    for (const p of paragraphs) p.classList.add('in-passage');
    first.classList.add('passage-first');
    last.classList.add('passage-last');

    const parts = citationParts(page, passage, paragraphs);
    const box = citationBox(parts, paragraphs.length, close);
    placeBefore(first, box);
    shown = { paragraphs, box };
    box.scrollIntoView({ block: 'start' });
    if (focus) box.focus({ preventScroll: true });
    announce(`Passage ${extentLabel(parts)} highlighted; a citation is ready above it`);
  };

  /** Show a passage: through the URL, so the address bar holds the link and Back undoes it. */
  const go = (passage: Passage) => {
    focusNext = true;
    const hash = formatPassage(passage);
    if (location.hash === hash) apply();
    else location.hash = hash;
  };

  window.addEventListener('hashchange', apply);
  apply();

  // Shift-click (or Shift+Enter) on a timestamp: the passage from the anchor paragraph to this one.
  page.section.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a.ts') : null;
    const p = link?.closest<HTMLElement>('p.para[id]');
    if (!link || !p || event.defaultPrevented) return;
    if (!event.shiftKey || event.ctrlKey || event.metaKey || event.altKey) {
      anchor = p;
      return;
    }
    event.preventDefault();
    const from = anchor ?? p;
    go({ kind: 'paragraphs', from: from.id, to: p.id });
  });

  // A selection across paragraphs offers “Cite this passage”.
  const citeButton = element('button', { type: 'button', class: 'cite-selection', hidden: '' }, icon('quote'), 'Cite this passage');
  let selected: { from: HTMLElement; to: HTMLElement } | null = null;
  let pointerDown = false;
  let timer = 0;
  const hideButton = () => {
    citeButton.hidden = true;
    selected = null;
  };
  const offer = () => {
    const range = selectedRange(page);
    if (!range) return hideButton();
    selected = range.paragraphs;
    // After the last paragraph in the DOM, so Tab reaches it from there; drawn under the selection's end.
    range.paragraphs.to.after(citeButton);
    citeButton.hidden = false;
    positionBelow(citeButton, range.rect);
  };
  const schedule = () => {
    window.clearTimeout(timer);
    if (pointerDown) return;
    timer = window.setTimeout(offer, SELECTION_SETTLE_MS);
  };
  document.addEventListener('selectionchange', () => {
    if (document.getSelection()?.isCollapsed ?? true) hideButton();
    schedule();
  });
  document.addEventListener('pointerdown', (event) => {
    if (event.target !== citeButton) pointerDown = event.pointerType === 'mouse';
  });
  document.addEventListener('pointerup', () => {
    pointerDown = false;
    schedule();
  });
  // Keep the selection while the button is pressed.
  citeButton.addEventListener('mousedown', (event) => event.preventDefault());
  citeButton.addEventListener('click', () => {
    if (!selected) return;
    const { from, to } = selected;
    hideButton();
    document.getSelection()?.removeAllRanges();
    go({ kind: 'paragraphs', from: from.id, to: to.id });
  });
}

/** The fragment as an id (`p5`), tolerating malformed escapes. */
function decodeHash(): string {
  try {
    return decodeURIComponent(location.hash.slice(1));
  } catch {
    return '';
  }
}

/** Everything the citation names, read from the page. */
function citationParts(page: TranscriptPage, passage: Passage, paragraphs: HTMLElement[]): CitationParts {
  const data = page.section.dataset;
  const speakers = paragraphs.map(speakerOf).filter((s): s is string => s !== null);
  const number = (p: HTMLElement | undefined) => Number(p?.id.slice(1)) || 0;
  const parts: CitationParts = {
    speakers,
    title: data.citeTitle ?? document.title,
    time: passage.kind === 'time' ? { start: passage.start, end: passage.end } : paragraphTimes(page, paragraphs),
    paragraphs: { first: number(paragraphs[0]), last: number(paragraphs.at(-1)) },
    url: urlWith(formatPassage(passage)),
  };
  if (data.citeShow) parts.show = data.citeShow;
  if (data.citeDate) parts.date = data.citeDate;
  return parts;
}

/** From the first timed paragraph's start to the last one's end (or the next paragraph's start). */
function paragraphTimes(page: TranscriptPage, paragraphs: HTMLElement[]): CitationParts['time'] {
  const timed = paragraphs.filter((p) => seconds(p, 'start') !== null);
  const first = timed[0];
  const last = timed.at(-1);
  if (!first || !last) return null;
  const start = seconds(first, 'start') ?? 0;
  const next = page.paragraphs[(page.indexOf.get(last) ?? -1) + 1];
  const end = seconds(last, 'end') ?? (next ? seconds(next, 'start') : null);
  return { start, end: end !== null && end > start ? end : null };
}

/** The citation panel. Built with textContent only: transcript text never becomes markup. */
function citationBox(parts: CitationParts, count: number, close: () => void): HTMLElement {
  const text = formatCitation(parts);
  const title = element('h3', { id: 'citation-title' }, 'Cite this passage');
  const label = extentLabel(parts);
  const extent = element('p', { class: 'citation-extent' }, parts.time ? `${label} · ${count} ${count === 1 ? 'paragraph' : 'paragraphs'}` : label);
  const closeButton = element('button', { type: 'button', class: 'citation-close', title: 'Close' }, icon('close'), element('span', { class: 'visually-hidden' }, 'Close citation'));
  const copyCitation = element('button', { type: 'button', class: 'citation-action' }, icon('quote'), icon('check'), 'Copy citation');
  const copyLink = element('button', { type: 'button', class: 'citation-action' }, icon('link'), icon('check'), 'Copy link');
  const box = element(
    'aside',
    { class: 'citation', 'aria-labelledby': 'citation-title', tabindex: '-1' },
    element('div', { class: 'citation-head' }, title, extent, closeButton),
    element('p', { class: 'citation-text', dir: 'auto' }, ...unbroken(text, label)),
    element('div', { class: 'citation-actions' }, copyCitation, copyLink),
  );
  const copying = (button: HTMLElement, value: string, what: string) => async () => {
    const ok = await copyText(value);
    announce(ok ? `${what} copied` : `Could not copy the ${what.toLowerCase()}; select the text instead`);
    for (const b of [copyCitation, copyLink]) b.classList.toggle('copied', ok && b === button);
  };
  copyCitation.addEventListener('click', copying(copyCitation, text, 'Citation'));
  copyLink.addEventListener('click', copying(copyLink, parts.url, 'Link'));
  closeButton.addEventListener('click', close);
  box.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') close();
  });
  return box;
}

/** The text as nodes, with `part` (`1:15–2:20`) kept on one line: no break after its dash. */
function unbroken(text: string, part: string): (string | Node)[] {
  const at = text.lastIndexOf(part);
  if (at < 0) return [text];
  return [text.slice(0, at), element('span', { class: 'nowrap' }, part), text.slice(at + part.length)];
}

/** Insert the box before a paragraph, or before its whole turn when it opens the turn (keeping name and words together). */
function placeBefore(first: HTMLElement, box: HTMLElement): void {
  const turn = first.closest<HTMLElement>('.turn');
  const opensTurn = turn?.querySelector('p.para[id]') === first;
  (opensTurn && turn ? turn : first).before(box);
}

/** The paragraphs a non-empty selection in the transcript touches, and where it ends on screen. */
function selectedRange(page: TranscriptPage): { paragraphs: { from: HTMLElement; to: HTMLElement }; rect: DOMRect } | null {
  const selection = document.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!range.intersectsNode(page.section) || !selection.toString().trim()) return null;
  // A selection in the citation panel is not a passage.
  const inPanel = (node: Node) => Boolean((node instanceof Element ? node : node.parentElement)?.closest('.citation'));
  if (inPanel(range.startContainer) || inPanel(range.endContainer)) return null;
  let from = paragraphOf(range.startContainer);
  let to = paragraphOf(range.endContainer);
  if (!from || !to) {
    const touched = page.paragraphs.filter((p) => range.intersectsNode(p));
    from ??= touched[0] ?? null;
    to ??= touched.at(-1) ?? null;
  }
  if (!from || !to) return null;
  // A selection ending at offset 0 of the next paragraph (triple-click) does not include it.
  if (to !== from && range.endOffset === 0 && paragraphOf(range.endContainer) === to) {
    to = page.paragraphs[(page.indexOf.get(to) ?? 1) - 1] ?? to;
  }
  const rects = range.getClientRects();
  const rect = rects[rects.length - 1] ?? range.getBoundingClientRect();
  return { paragraphs: { from, to }, rect };
}

/** Place an absolutely positioned element just under a viewport rectangle, kept on screen. */
function positionBelow(el: HTMLElement, rect: DOMRect): void {
  const parent = el.offsetParent ?? document.documentElement;
  const base = parent.getBoundingClientRect();
  const width = el.offsetWidth;
  const margin = 8;
  const left = Math.min(Math.max(margin, rect.right - width), document.documentElement.clientWidth - width - margin);
  el.style.top = `${rect.bottom - base.top + 6}px`;
  el.style.left = `${left - base.left}px`;
}
