/**
 * A site built through the same code path as `verbatim build` into a
 * temporary folder and served on a free port, for the browser tests that
 * need a site of their own (the sample site, the audio fixture, the seeds,
 * the hostile corpus). No vitest imports: global-setup.ts uses it too.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '../../scripts/serve.ts';
import { buildSite } from '../../src/node/site-build.ts';
import type { Diagnostic } from '../../src/transcript/diagnostics.ts';
import { loadSiteConfig } from '../../src/node/site-config-file.ts';

export interface ServedSite {
  /** Server origin with a trailing slash. */
  url: string;
  /** The built site's folder. */
  dir: string;
  /** What the build reported (warnings; a build with errors throws). */
  diagnostics: Diagnostic[];
  /** Stop the server and delete the folder. */
  close: () => Promise<void>;
}

/**
 * Build `content` (episodes from `episodes` when given) and serve it under
 * the base path its site config gives; throws with the build log when the
 * build fails.
 */
export async function buildAndServe(options: { content: string; episodes?: string; name: string }): Promise<ServedSite> {
  const root = mkdtempSync(join(tmpdir(), `verbatim-${options.name}-`));
  const dir = join(root, 'site');
  const lines: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const build: Parameters<typeof buildSite>[0] = { content: options.content, out: dir, log: (l) => lines.push(l), report: (d) => void diagnostics.push(...d) };
  if (options.episodes) build.episodes = options.episodes;
  const result = await buildSite(build);
  if (!result.ok) {
    rmSync(root, { recursive: true, force: true });
    throw new Error(`${options.name} site build failed:\n${lines.join('\n')}`);
  }
  const server = await serve({ dir, port: 0, base: loadSiteConfig(options.content).config.base });
  return {
    url: server.url,
    dir,
    diagnostics,
    close: async () => {
      await server.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
