/**
 * Unique episode slugs across a corpus: the first episode (in stable path
 * order) keeps a contested slug, later ones get `-2`, `-3`… and a warning
 * naming both files, so two files never overwrite each other's pages.
 */
import { diagnostic } from '../transcript/diagnostics.ts';
import type { Diagnostic } from '../transcript/diagnostics.ts';
import { SlugAllocator } from './unique-slugs.ts';

/** What slugs are assigned to: an episode or its summary. */
export interface Sluggable {
  id: string;
  slug: string;
  source: { file: string };
}

/** Make slugs unique in place; returns one warning per renamed episode. */
export function assignUniqueSlugs<T extends Sluggable>(episodes: T[]): Diagnostic[] {
  const warnings: Diagnostic[] = [];
  const slugs = new SlugAllocator('episode');
  const owner = new Map<string, T>();
  const sorted = [...episodes].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const episode of sorted) {
    const wanted = episode.slug;
    episode.slug = slugs.claimSlug(wanted);
    owner.set(episode.slug, episode);
    const holder = owner.get(wanted);
    if (episode.slug !== wanted && holder) {
      warnings.push(
        diagnostic('slug-collision', episode.source.file, 1, 1, { slug: wanted, other: holder.source.file, unique: episode.slug }),
      );
    }
  }
  return warnings;
}
