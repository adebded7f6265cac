/**
 * No broken internal links in the built sample site: every href and src
 * that points inside the site resolves to a built file, and every fragment
 * names an element id on its target page.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';

function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...htmlFiles(path));
    else if (entry.name.endsWith('.html')) out.push(path);
  }
  return out;
}

const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"');

describe('internal links', () => {
  it('every internal href/src resolves, and every #fragment exists on its page', () => {
    const dir = inject('siteDir');
    const origin = new URL(inject('siteUrl'));
    const files = htmlFiles(dir);
    expect(files.length).toBeGreaterThan(15);
    const idsOf = new Map<string, Set<string>>();
    const ids = (file: string) => {
      let set = idsOf.get(file);
      if (!set) {
        set = new Set([...readFileSync(file, 'utf8').matchAll(/\sid="([^"]+)"/g)].map((m) => decode(m[1] ?? '')));
        idsOf.set(file, set);
      }
      return set;
    };
    const problems: string[] = [];
    let checked = 0;
    for (const file of files) {
      const html = readFileSync(file, 'utf8');
      const pageUrl = new URL(file.slice(dir.length).replace(/index\.html$/, '').replace(/\\/g, '/'), origin);
      for (const m of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
        const raw = decode(m[1] ?? '');
        if (raw === '' || /^(?:mailto:|data:|javascript:)/i.test(raw)) continue;
        const url = new URL(raw, pageUrl);
        if (url.origin !== origin.origin) continue;
        if (url.pathname.endsWith('/search/') && url.search) continue; // a query, answered in the browser
        checked++;
        let target = join(dir, decodeURIComponent(url.pathname));
        if (existsSync(target) && statSync(target).isDirectory()) target = join(target, 'index.html');
        if (!existsSync(target)) {
          problems.push(`${file.slice(dir.length)} → ${raw}: no file`);
          continue;
        }
        const fragment = decodeURIComponent(url.hash.slice(1));
        // Range fragments (#t=…, #pA-pB) are read by the page script; plain ones must be ids.
        if (fragment && target.endsWith('.html') && !/^t=|^p\d+-p\d+$/.test(fragment) && !ids(target).has(fragment)) {
          problems.push(`${file.slice(dir.length)} → ${raw}: no #${fragment}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(200);
  });
});
