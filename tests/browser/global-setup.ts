/**
 * Builds the sample site once (through the same code path as
 * `verbatim build`) into a temporary folder and serves it on a free port.
 * Tests read the URL with `inject('siteUrl')`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite } from '../../src/node/site-build.ts';
import { serve } from '../../scripts/serve.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
    siteDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = mkdtempSync(join(tmpdir(), 'verbatim-browser-'));
  const out = join(root, 'site');
  const lines: string[] = [];
  const result = await buildSite({ content: 'content', out, log: (l) => lines.push(l), report: () => {} });
  if (!result.ok) throw new Error(`sample site build failed:\n${lines.join('\n')}`);
  const server = await serve({ dir: out, port: 0, base: '/' });
  project.provide('siteUrl', server.url);
  project.provide('siteDir', out);
  return async () => {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  };
}
