/**
 * How a speaker looks: an initials avatar in one of a fixed set of tones.
 * The tone comes from a hash of the speaker id, so a person keeps their
 * colour across episodes; within one episode clashes move to the next free
 * tone so two voices never share a colour while tones remain.
 */

/** Number of speaker tones defined in the stylesheet (`.tone-0` … `.tone-7`). */
export const TONES = 8;

/** Stable small hash (FNV-1a) of a string. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The preferred tone of an id. */
export const toneOf = (id: string): number => hash(id) % TONES;

/** Tones for the speakers of one episode, in the order given, avoiding clashes. */
export function assignTones(ids: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  const used = new Set<number>();
  for (const id of ids) {
    let tone = toneOf(id);
    if (used.size < TONES) while (used.has(tone)) tone = (tone + 1) % TONES;
    used.add(tone);
    out.set(id, tone);
  }
  return out;
}

/** One or two letters for an avatar: first letters of the first and last words. */
export function initials(name: string): string {
  const words = name.split(/[\s\-–—_.]+/u).filter((w) => /[\p{L}\p{N}]/u.test(w));
  const first = (w: string | undefined) => (w ? (Array.from(w.replace(/^[^\p{L}\p{N}]+/u, ''))[0] ?? '') : '');
  const a = first(words[0]);
  const b = words.length > 1 ? first(words.at(-1)) : '';
  return (a + b).toLocaleUpperCase() || '?';
}
