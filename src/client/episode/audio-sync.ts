/**
 * The audio player and the transcript in step: a timestamp click seeks the
 * player to that paragraph (plus the media offset) and plays; while it plays,
 * the paragraph being heard is marked (`aria-current` and `.is-current`) and,
 * while “Follow along” is on, kept in view. Scrolling by hand turns following
 * off. The paragraph is found by binary search over start times
 * (src/site/timeline.ts) on every `timeupdate`.
 */
import { makeTimeline, mediaTime, paragraphAt, transcriptTime } from '../../site/timeline.ts';
import { announce, element, scrollBehavior, seconds } from './dom.ts';
import type { TranscriptPage } from './dom.ts';

/** Keys that scroll the page when no control has focus. */
const SCROLL_KEYS = new Set(['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End', ' ']);

/** Sync the page's audio player, if it has one, with the transcript. */
export function enhanceAudio(page: TranscriptPage): void {
  const audio = page.section.querySelector<HTMLAudioElement>('.player audio');
  const player = audio?.closest<HTMLElement>('.player');
  if (!audio || !player) return;
  const offset = Number(audio.dataset.offset) || 0;
  const timeline = makeTimeline(page.paragraphs.map((p) => ({ start: seconds(p, 'start'), end: seconds(p, 'end') })));
  if (timeline.starts.length === 0) return; // an untimed transcript: nothing to follow

  const checkbox = element('input', { type: 'checkbox', checked: '' });
  player.append(element('label', { class: 'follow' }, checkbox, 'Follow along'));
  let current: HTMLElement | null = null;

  const sync = () => {
    const p = page.paragraphs[paragraphAt(timeline, transcriptTime(audio.currentTime, offset))] ?? null;
    if (p === current) return;
    current?.classList.remove('is-current');
    current?.removeAttribute('aria-current');
    current = p;
    if (!p) return;
    p.classList.add('is-current');
    p.setAttribute('aria-current', 'true');
    if (checkbox.checked && !audio.paused) keepInView(p, player);
  };
  for (const type of ['timeupdate', 'seeked', 'play']) audio.addEventListener(type, sync);

  page.section.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.shiftKey || event.ctrlKey || event.metaKey || event.altKey) return;
    const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a.ts') : null;
    const p = link?.closest<HTMLElement>('p.para[id]');
    const start = p ? seconds(p, 'start') : null;
    if (!link || start === null) return;
    event.preventDefault();
    audio.currentTime = mediaTime(start, offset);
    checkbox.checked = true;
    audio.play().catch(() => announce('The audio could not be played'));
    sync();
  });

  checkbox.addEventListener('change', () => {
    if (checkbox.checked && current) keepInView(current, player);
  });

  // Reading elsewhere while it plays: stop pulling the page back.
  const stopFollowing = () => {
    if (!audio.paused) checkbox.checked = false;
  };
  window.addEventListener('wheel', stopFollowing, { passive: true });
  window.addEventListener('touchmove', stopFollowing, { passive: true });
  window.addEventListener('keydown', (event) => {
    const target = event.target;
    const inControl = target instanceof Element && target.closest('input, textarea, select, button, audio, [contenteditable]');
    if (SCROLL_KEYS.has(event.key) && !inControl) stopFollowing();
  });
}

/** Scroll a paragraph to the upper third when it is outside the part of the window not covered by the player. */
function keepInView(p: HTMLElement, player: HTMLElement): void {
  const rect = p.getBoundingClientRect();
  const bottom = window.innerHeight - player.getBoundingClientRect().height;
  if (rect.top >= window.innerHeight * 0.1 && rect.bottom <= bottom) return;
  window.scrollTo({ top: window.scrollY + rect.top - window.innerHeight * 0.3, behavior: scrollBehavior() });
}
