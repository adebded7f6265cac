/**
 * Fixture tests: every `tests/fixtures/<format>/<case>/input.*` (with an
 * optional `input.yml` sidecar) is ingested and compared with the checked-in
 * `episode.json` and `diagnostics.json`. Regenerate after an intended change
 * with `UPDATE_FIXTURES=1 npx vitest run tests/fixtures.test.ts` and read the diff.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTranscript } from '../src/transcript/parse-transcript.ts';
import type { TranscriptInput } from '../src/transcript/parse-transcript.ts';
import { Episode } from '../src/transcript/schema.ts';

const root = 'tests/fixtures';
const update = process.env.UPDATE_FIXTURES === '1';

const groups = readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== 'hostile');

for (const group of groups) {
  describe(group.name, () => {
    for (const kase of readdirSync(join(root, group.name)).sort()) {
      const dir = join(root, group.name, kase);
      const inputName = readdirSync(dir).find((n) => n.startsWith('input.') && !/\.ya?ml$/.test(n));
      if (!inputName) continue;
      it(kase, () => {
        const file = join(dir, inputName).split('\\').join('/');
        const input: TranscriptInput = { file, relativePath: inputName, bytes: readFileSync(file) };
        const sidecar = join(dir, 'input.yml');
        if (existsSync(sidecar)) input.sidecar = { file: sidecar.split('\\').join('/'), bytes: readFileSync(sidecar) };
        const { episode, diagnostics } = parseTranscript(input);
        // parseTranscript returns the validated object itself: the schema must not transform it.
        if (episode) expect(Episode.parse(episode)).toEqual(episode);
        const episodePath = join(dir, 'episode.json');
        const diagnosticsPath = join(dir, 'diagnostics.json');
        if (update || !existsSync(episodePath)) {
          writeFileSync(episodePath, `${JSON.stringify(episode, null, 2)}\n`);
          writeFileSync(diagnosticsPath, `${JSON.stringify(diagnostics, null, 2)}\n`);
          if (!update) throw new Error(`wrote missing expectations for ${dir}; review them and run again`);
        }
        expect(JSON.parse(JSON.stringify(episode))).toEqual(JSON.parse(readFileSync(episodePath, 'utf8')));
        expect(diagnostics).toEqual(JSON.parse(readFileSync(diagnosticsPath, 'utf8')));
      });
    }
  });
}
