/**
 * `npm run generate`: rewrites the files derived from code, schemas/*.json,
 * the code table in docs/diagnostics.md and the site config keys in
 * content/README.md. Tests fail when they are stale.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { withSiteConfigTable } from '../src/config/config-doc.ts';
import { siteConfigJsonSchema } from '../src/config/json-schema.ts';
import { withDiagnosticsTable } from '../src/transcript/diagnostics-doc.ts';
import { jsonSchemas } from '../src/transcript/json-schema.ts';

mkdirSync('schemas', { recursive: true });
for (const [name, schema] of Object.entries({ ...jsonSchemas(), 'site.schema.json': siteConfigJsonSchema() })) {
  writeFileSync(`schemas/${name}`, `${JSON.stringify(schema, null, 2)}\n`);
  process.stdout.write(`wrote schemas/${name}\n`);
}
for (const [doc, fill] of [
  ['docs/diagnostics.md', withDiagnosticsTable],
  ['content/README.md', withSiteConfigTable],
] as const) {
  writeFileSync(doc, fill(readFileSync(doc, 'utf8')));
  process.stdout.write(`wrote ${doc}\n`);
}
