/**
 * URL slugs: lower case, letters and digits of any script joined by hyphens.
 * Works for non-Latin titles (`东京-夜市`), never yields `.`/`..` segments,
 * slashes or spaces, and is empty only for input with no letters or digits.
 */

/** Longest slug kept, in characters. */
const MAX_SLUG = 80;

/** Slug for `text`, or '' when it has no letter or digit. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // strip Latin accents: café → cafe
    .normalize('NFC')
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= MAX_SLUG) return slug;
  const cut = slug.slice(0, MAX_SLUG);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > MAX_SLUG / 2 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/, '');
}
