/**
 * Files derived from code (JSON Schemas, the diagnostics table, the site
 * config keys) must be regenerated with `npm run generate` whenever the
 * code changes.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { siteConfigTable, withSiteConfigTable } from '../src/config/config-doc.ts';
import { siteConfigJsonSchema } from '../src/config/json-schema.ts';
import { siteConfigKeys } from '../src/config/site-config.ts';
import { withDiagnosticsTable } from '../src/transcript/diagnostics-doc.ts';
import { diagnosticCodes } from '../src/transcript/diagnostics.ts';
import { jsonSchemas } from '../src/transcript/json-schema.ts';

describe('generated files are current (run `npm run generate` if this fails)', () => {
  it('docs/diagnostics.md lists every code', () => {
    const doc = readFileSync('docs/diagnostics.md', 'utf8');
    expect(doc).toBe(withDiagnosticsTable(doc));
    for (const code of diagnosticCodes) expect(doc).toContain(`| \`${code}\` |`);
  });
  it('content/README.md lists every site config key', () => {
    const doc = readFileSync('content/README.md', 'utf8');
    expect(doc).toContain(siteConfigTable());
    expect(doc).toBe(withSiteConfigTable(doc));
    for (const key of siteConfigKeys) expect(doc).toContain(`| \`${key}\` |`);
  });
  for (const [name, schema] of Object.entries({ ...jsonSchemas(), 'site.schema.json': siteConfigJsonSchema() })) {
    it(`schemas/${name}`, () => {
      expect(JSON.parse(readFileSync(`schemas/${name}`, 'utf8'))).toEqual(JSON.parse(JSON.stringify(schema)));
    });
  }
});
