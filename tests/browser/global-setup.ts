/**
 * Builds the sample site once (through the same code path as
 * `verbatim build`) into a temporary folder and serves it on a free port.
 * Tests read the URL with `inject('siteUrl')`.
 */
import type { TestProject } from 'vitest/node';
import { buildAndServe } from './served-site.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
    siteDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const site = await buildAndServe({ content: 'content', name: 'sample' });
  project.provide('siteUrl', site.url);
  project.provide('siteDir', site.dir);
  return site.close;
}
