/**
 * Astro middleware, run as each page is rendered (at build time for this
 * static site): puts the CSP `<meta>` first in the head
 * (src/site/csp-first.ts), reading only the head of the page as it streams.
 */
import { defineMiddleware } from 'astro:middleware';
import { cspFirstStream } from './site/csp-first.ts';

export const onRequest = defineMiddleware(async (_context, next) => {
  const response = await next();
  if (!response.body || !response.headers.get('content-type')?.startsWith('text/html')) return response;
  return new Response(response.body.pipeThrough(cspFirstStream()), { status: response.status, statusText: response.statusText, headers: response.headers });
});
