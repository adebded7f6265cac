/** The site's base path as Astro wants it: '/kb', 'kb/' and '/kb/' all mean '/kb/'; nothing means '/'. */
export function normalizeBase(value: string | undefined): string {
  const trimmed = (value ?? '/').trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}
