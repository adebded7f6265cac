/**
 * A small static file server for a built site, for previews, screenshots
 * and browser tests: `npm run preview -- [DIR] [--port N] [--base PATH]`
 * (`node scripts/serve.ts`). Serves DIR (default dist) under the base path
 * (default: the site config's, content/site.yml), `index.html` for folders
 * (redirecting `/x` to `/x/` as static hosts do), `404.html` for anything
 * missing, with correct MIME types and the headers docs/deploy.md asks of a
 * host (src/node/host-headers.ts): the pages' CSP with `frame-ancestors`,
 * nosniff, the referrer policy, a year's caching for hashed files and
 * revalidation for the rest. Text is sent gzipped to clients that accept
 * it, as static hosts do (Pagefind's index files are gzipped already).
 * Prints the URL once listening.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { IMMUTABLE, isImmutable, REVALIDATE, siteCsp } from '../src/node/host-headers.ts';
import { loadSiteConfig } from '../src/node/site-config-file.ts';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.rss': 'application/rss+xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.vtt': 'text/vtt; charset=utf-8',
  '.srt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
  '.mp3': 'audio/mpeg',
  '.m4a': 'audio/mp4',
  '.ogg': 'audio/ogg',
  // Pagefind's index chunks.
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
};

/** Sent with every response: no content-type sniffing, and other sites see only our origin. */
const baseHeaders = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'strict-origin-when-cross-origin' };

export interface ServeOptions {
  dir: string;
  port: number;
  /** Path prefix the site is built for: '/' or '/kb/'. */
  base: string;
  host?: string;
  /** Called for every response with the request path and the body bytes sent (after compression). */
  onResponse?: (path: string, bytes: number) => void;
}

/** Start serving; resolves with the server and its root URL. */
export function serve(options: ServeOptions): Promise<{ url: string; close: () => Promise<void> }> {
  const root = resolve(options.dir);
  const base = `/${options.base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
  // The policy every page carries, as a header too (a header can also forbid framing); a folder that is no built site gets none.
  let csp: string | undefined;
  try {
    csp = siteCsp(root);
  } catch {
    csp = undefined;
  }
  const headers = csp ? { ...baseHeaders, 'content-security-policy': csp } : baseHeaders;
  const server = createServer((req, res) => {
    if (options.onResponse) {
      const report = options.onResponse;
      let bytes = 0;
      const write = res.write.bind(res);
      const end = res.end.bind(res);
      const count = (chunk: unknown) => {
        if (typeof chunk === 'string') bytes += Buffer.byteLength(chunk);
        else if (chunk instanceof Uint8Array) bytes += chunk.byteLength;
      };
      res.write = ((chunk: unknown, ...rest: unknown[]) => {
        count(chunk);
        return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
      }) as typeof res.write;
      res.end = ((chunk?: unknown, ...rest: unknown[]) => {
        if (chunk !== undefined && typeof chunk !== 'function') count(chunk);
        return (end as (...a: unknown[]) => ServerResponse)(chunk, ...rest);
      }) as typeof res.end;
      res.on('finish', () => report(new URL(req.url ?? '/', 'http://localhost').pathname, bytes));
    }
    handle(root, base, headers, req, res);
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : options.port;
      resolvePromise({
        url: `http://${options.host ?? '127.0.0.1'}:${port}${base}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

type Headers = Record<string, string>;

function handle(root: string, base: string, securityHeaders: Headers, req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...securityHeaders, allow: 'GET, HEAD' }).end();
    return;
  }
  const url = new URL(req.url ?? '/', 'http://localhost');
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return notFound(root, securityHeaders, res, req.method === 'HEAD');
  }
  if (`${pathname}/` === base) return redirect(securityHeaders, res, base + url.search);
  if (!pathname.startsWith(base) || pathname.includes('\0')) return notFound(root, securityHeaders, res, req.method === 'HEAD');
  const file = resolve(root, `.${sep}${pathname.slice(base.length)}`);
  if (file !== root && !file.startsWith(root + sep)) return notFound(root, securityHeaders, res, req.method === 'HEAD');

  const stat = statOf(file);
  if (stat?.isDirectory()) {
    if (!pathname.endsWith('/')) return redirect(securityHeaders, res, `${url.pathname}/${url.search}`);
    const index = join(file, 'index.html');
    if (statOf(index)?.isFile()) return send(securityHeaders, res, index, REVALIDATE, 200, req.method === 'HEAD', gzipAccepted(req));
    return notFound(root, securityHeaders, res, req.method === 'HEAD');
  }
  const cache = isImmutable(pathname.slice(base.length)) ? IMMUTABLE : REVALIDATE;
  if (stat?.isFile()) return send(securityHeaders, res, file, cache, 200, req.method === 'HEAD', gzipAccepted(req));
  return notFound(root, securityHeaders, res, req.method === 'HEAD');
}

const gzipAccepted = (req: IncomingMessage) => /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
/** Types worth compressing: text of any kind. */
const compressible = /^(?:text\/|application\/(?:json|xml|rss\+xml|manifest\+json|javascript)|image\/svg)/;

function statOf(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function send(securityHeaders: Headers, res: ServerResponse, file: string, cache: string, status: number, headOnly: boolean, gzip = false): void {
  const type = types[extname(file).toLowerCase()] ?? 'application/octet-stream';
  if (gzip && compressible.test(type)) {
    const body = gzipSync(readFileSync(file));
    res.writeHead(status, { ...securityHeaders, 'content-type': type, 'content-encoding': 'gzip', vary: 'accept-encoding', 'content-length': body.length, 'cache-control': cache });
    res.end(headOnly ? undefined : body);
    return;
  }
  res.writeHead(status, { ...securityHeaders, 'content-type': type, 'content-length': statSync(file).size, 'cache-control': cache });
  if (headOnly) {
    res.end();
    return;
  }
  createReadStream(file).pipe(res);
}

function redirect(securityHeaders: Headers, res: ServerResponse, location: string): void {
  res.writeHead(301, { ...securityHeaders, location }).end();
}

function notFound(root: string, securityHeaders: Headers, res: ServerResponse, headOnly: boolean): void {
  const page = join(root, '404.html');
  if (existsSync(page)) return send(securityHeaders, res, page, REVALIDATE, 404, headOnly);
  res.writeHead(404, { ...securityHeaders, 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');
}

if (import.meta.main) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { port: { type: 'string', default: '4321' }, base: { type: 'string' }, host: { type: 'string' }, content: { type: 'string', default: 'content' } },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`serve: --port must be a number from 0 to 65535, got "${values.port}"\n`);
    process.exit(2);
  }
  const dir = positionals[0] ?? 'dist';
  if (!statOf(dir)?.isDirectory()) {
    process.stderr.write(`serve: "${dir}" is not a folder; build the site first (npm run site:build)\n`);
    process.exit(2);
  }
  // The base path the site was built for: the site config's unless given (a build with --base needs the same --base here).
  const base = values.base ?? loadSiteConfig(values.content).config.base;
  const { url } = await serve({ dir, port, base, ...(values.host ? { host: values.host } : {}) });
  process.stdout.write(`Serving ${resolve(dir)} at ${url}\n`);
}
