/**
 * Fixture tests: every `tests/fixtures/<format>/<case>/input.*` (with an
 * optional `input.yml` sidecar) is ingested and compared with the checked-in
 * `episode.json` and `diagnostics.json`. Regenerate after an intended change
 * with `UPDATE_FIXTURES=1 npx vitest run tests/fixtures.test.ts` and read the diff.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTranscript } from '../src/transcript/parse-transcript.ts';
import { Episode } from '../src/transcript/schema.ts';
import { expectFixtureOutput, fixtureInput, fixtureInputName } from './fixture-harness.ts';

const root = 'tests/fixtures';

const groups = readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== 'hostile');

for (const group of groups) {
  describe(group.name, () => {
    for (const kase of readdirSync(join(root, group.name)).sort()) {
      const dir = join(root, group.name, kase);
      const inputName = fixtureInputName(dir);
      if (!inputName) continue;
      it(kase, () => {
        const result = parseTranscript(fixtureInput(dir, inputName));
        // parseTranscript returns the validated object itself: the schema must not transform it.
        if (result.episode) expect(Episode.parse(result.episode)).toEqual(result.episode);
        expectFixtureOutput(dir, result);
      });
    }
  });
}
