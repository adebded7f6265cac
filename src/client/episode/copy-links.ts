/**
 * “Copy link to this moment”: a button on every paragraph, revealed on hover
 * and focus, that copies the page URL with `#pN`. Without the script the
 * timestamp link is the same anchor.
 */
import { announce, copyText, element, icon, urlWith } from './dom.ts';
import type { TranscriptPage } from './dom.ts';

/** How long the button shows “Copied”. */
const FEEDBACK_MS = 1800;

/** Add a copy-link button to each paragraph. */
export function enhanceCopyLinks(page: TranscriptPage): void {
  for (const p of page.paragraphs) {
    const stamp = p.querySelector('.ts')?.textContent?.trim();
    const label = stamp ? `Copy link to this moment, ${stamp}` : `Copy link to paragraph ${p.id.slice(1)}`;
    const button = element('button', { type: 'button', class: 'moment-copy', title: 'Copy link to this moment' }, icon('link'), icon('check'), element('span', { class: 'visually-hidden' }, label));
    // Before the text: Tab reaches the moment's own controls (time, video, copy) before the topic links in its words.
    p.insertBefore(button, p.querySelector(':scope > .text'));
  }

  const timers = new WeakMap<HTMLElement, number>();
  page.section.addEventListener('click', async (event) => {
    const button = event.target instanceof Element ? event.target.closest<HTMLButtonElement>('button.moment-copy') : null;
    const p = button?.closest<HTMLElement>('p.para[id]');
    if (!button || !p) return;
    const ok = await copyText(urlWith(`#${p.id}`));
    announce(ok ? 'Link copied' : 'Could not copy the link; use the timestamp link instead');
    if (!ok) return;
    button.classList.add('copied');
    window.clearTimeout(timers.get(button));
    timers.set(button, window.setTimeout(() => button.classList.remove('copied'), FEEDBACK_MS));
  });
}
