/**
 * URL slugs: lower case, letters and digits of any script joined by hyphens.
 * Works for non-Latin titles (`东京-夜市`, `नमस्ते`: combining marks stay with
 * their letter), never yields `.`/`..` segments, slashes or spaces, and is
 * empty only for input with no letters or digits.
 */

/** Longest slug kept, in UTF-16 code units. */
const MAX_SLUG = 80;

/** Slug for `text`, or '' when it has no letter or digit. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // strip Latin accents: café → cafe
    .normalize('NFC')
    .toLowerCase()
    .replace(/[’']/g, '')
    // Other marks are part of their letter (Devanagari vowel signs, Hebrew points); a mark on
    // no letter (an emoji's variation selector) is dropped.
    .replace(/(?<![\p{L}\p{M}\p{N}])\p{M}+/gu, '')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= MAX_SLUG) return slug;
  let cut = slug.slice(0, MAX_SLUG);
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1); // never half a surrogate pair (𠀀 and other astral letters)
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > MAX_SLUG / 2 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/, '');
}
