/**
 * Astro middleware, run as each page is rendered (at build time for this
 * static site): puts the CSP `<meta>` first in the head (src/site/csp-first.ts).
 */
import { defineMiddleware } from 'astro:middleware';
import { cspFirst } from './site/csp-first.ts';

export const onRequest = defineMiddleware(async (_context, next) => {
  const response = await next();
  if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
  return new Response(cspFirst(await response.text()), { status: response.status, statusText: response.statusText, headers: response.headers });
});
