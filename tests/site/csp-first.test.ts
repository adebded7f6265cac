import { describe, expect, it } from 'vitest';
import { cspFirst, cspFirstStream } from '../../src/site/csp-first.ts';

const META = `<meta http-equiv="content-security-policy" content="default-src 'self';script-src 'self' 'sha256-a='">`;

describe('cspFirst', () => {
  it('moves the policy to just after <meta charset>, before the title and everything else', () => {
    const page = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>T &lt;x&gt;</title><script type="application/ld+json">{}</script>${META}<link rel="stylesheet" href="/a.css"></head><body><p>x</p></body></html>`;
    expect(cspFirst(page)).toBe(
      `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">${META}<title>T &lt;x&gt;</title><script type="application/ld+json">{}</script><link rel="stylesheet" href="/a.css"></head><body><p>x</p></body></html>`,
    );
  });

  it('leaves a page alone when the policy is already first, or missing, or the head has no charset at its top', () => {
    const first = `<!DOCTYPE html><html><head><meta charset="utf-8">${META}<title>T</title></head></html>`;
    expect(cspFirst(first)).toBe(first);
    const none = '<!DOCTYPE html><html><head><meta charset="utf-8"><title>T</title></head></html>';
    expect(cspFirst(none)).toBe(none);
    const noCharset = `<!DOCTYPE html><html><head><title>T</title>${META}</head></html>`;
    expect(cspFirst(noCharset)).toBe(noCharset);
  });

  it('never takes a policy from the body', () => {
    const page = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>T</title></head><body>${META}</body></html>`;
    expect(cspFirst(page)).toBe(page);
  });
});

describe('cspFirstStream', () => {
  const page = `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Crème brûlée · 日本</title>${META}</head><body><p>Été — ${'x'.repeat(5000)}</p></body></html>`;
  const through = async (bytes: Uint8Array, size: number) => {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += size) controller.enqueue(bytes.slice(i, i + size));
        controller.close();
      },
    });
    return new TextDecoder().decode(await new Response(stream.pipeThrough(cspFirstStream())).arrayBuffer());
  };

  it('gives what cspFirst gives, however the page is cut into chunks (through </head> and inside characters)', async () => {
    const bytes = new TextEncoder().encode(page);
    for (const size of [1, 2, 3, 5, 7, 64, 1000, bytes.length]) expect(await through(bytes, size), `chunks of ${size}`).toBe(cspFirst(page));
  });

  it('gives up on a head longer than 256 KB and passes the page through as it is', async () => {
    const long = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${'t'.repeat(400 * 1024)}</title>${META}</head><body></body></html>`;
    expect(await through(new TextEncoder().encode(long), 64 * 1024)).toBe(long);
  });

  it('passes a page with no </head>, or an empty one, through unchanged', async () => {
    const headless = '<p>A fragment, no head.</p>';
    expect(await through(new TextEncoder().encode(headless), 4)).toBe(headless);
    expect(await through(new Uint8Array(0), 4)).toBe('');
  });
});

