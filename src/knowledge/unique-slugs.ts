/**
 * Unique slugs for derived pages (shows, people): the first claimant keeps
 * the plain slug, later ones get `-2`, `-3`… Callers claim in a stable order.
 */
import { slugify } from '../transcript/slug.ts';

/** Hands out slugs made from names, never the same one twice. */
export class SlugAllocator {
  readonly #taken = new Set<string>();
  readonly #fallback: string;

  /** `fallback` is used for names with no letters or digits (`???`). */
  constructor(fallback: string) {
    this.#fallback = fallback;
  }

  /** A slug for `name` not handed out before. */
  claim(name: string): string {
    return this.claimSlug(slugify(name) || this.#fallback);
  }

  /** `wanted` itself if free, else `wanted-2`, `wanted-3`…; the result is taken from then on. */
  claimSlug(wanted: string): string {
    let slug = wanted;
    for (let n = 2; this.#taken.has(slug); n++) slug = `${wanted}-${n}`;
    this.#taken.add(slug);
    return slug;
  }
}
