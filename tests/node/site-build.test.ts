/**
 * `verbatim build` is atomic: a build that fails leaves the previous site
 * exactly as it was, and no temporary folder behind.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/node/site-build.ts';

const root = mkdtempSync(join(tmpdir(), 'verbatim-build-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('buildSite', () => {
  it('swaps a finished site in, and keeps it when the next build fails', async () => {
    const content = join(root, 'content');
    // The transcript and its sidecar only: the fixture's expected .json files are not episodes.
    mkdirSync(join(content, 'episodes', 'bridges'), { recursive: true });
    cpSync('tests/fixtures/srt/basic/input.txt', join(content, 'episodes', 'bridges', 'input.txt'));
    cpSync('tests/fixtures/srt/basic/input.yml', join(content, 'episodes', 'bridges', 'input.yml'));
    const out = join(root, 'site');
    const lines: string[] = [];
    const first = await buildSite({ content, out, log: (l) => lines.push(l), report: () => {} });
    expect(first.ok, lines.join('\n')).toBe(true);
    expect(first.pages).toBeGreaterThan(3);
    const home = readFileSync(join(out, 'index.html'), 'utf8');

    writeFileSync(join(content, 'episodes', 'broken.srt'), '1\n00:00:05,000 --> 00:00:01,000\nBackwards.\n');
    const reported: string[] = [];
    const second = await buildSite({ content, out, log: () => {}, report: (d) => reported.push(...d.map((x) => x.code)) });
    expect(second.ok).toBe(false);
    expect(reported).toContain('time-end-before-start');
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe(home);
    expect(readdirSync(root).filter((n) => n.startsWith('.verbatim-build-'))).toEqual([]);
  });
});
