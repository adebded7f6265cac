import { describe, expect, it } from 'vitest';
import { cspFirst } from '../../src/site/csp-first.ts';

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
