/**
 * The fixture-folder harness shared by tests/fixtures.test.ts and
 * tests/hostile.test.ts: read a case's `input.*` (with `input.yml` as its
 * sidecar), and compare a result with the checked-in `episode.json` and
 * `diagnostics.json`, writing them when UPDATE_FIXTURES=1 or when missing.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { IngestResult, TranscriptInput } from '../src/transcript/parse-transcript.ts';

const update = process.env.UPDATE_FIXTURES === '1';

/** The case's input file name (`input.srt`, `input.txt`…), or undefined when it has none. */
export function fixtureInputName(dir: string): string | undefined {
  return readdirSync(dir).find((n) => n.startsWith('input.') && !/\.ya?ml$/.test(n));
}

/** The ingest input of a case folder: its transcript and, when present, its sidecar. */
export function fixtureInput(dir: string, inputName: string): TranscriptInput {
  const file = join(dir, inputName).split('\\').join('/');
  const input: TranscriptInput = { file, relativePath: inputName, bytes: readFileSync(file) };
  const sidecar = join(dir, 'input.yml');
  if (existsSync(sidecar)) input.sidecar = { file: sidecar.split('\\').join('/'), bytes: readFileSync(sidecar) };
  return input;
}

/** Compare with the checked-in expectations (or write them; see the module comment). */
export function expectFixtureOutput(dir: string, { episode, diagnostics }: IngestResult): void {
  const episodePath = join(dir, 'episode.json');
  const diagnosticsPath = join(dir, 'diagnostics.json');
  if (update || !existsSync(episodePath)) {
    writeFileSync(episodePath, `${JSON.stringify(episode, null, 2)}\n`);
    writeFileSync(diagnosticsPath, `${JSON.stringify(diagnostics, null, 2)}\n`);
    if (!update) throw new Error(`wrote missing expectations for ${dir}; review them and run again`);
  }
  expect(JSON.parse(JSON.stringify(episode))).toEqual(JSON.parse(readFileSync(episodePath, 'utf8')));
  expect(diagnostics).toEqual(JSON.parse(readFileSync(diagnosticsPath, 'utf8')));
}
