/**
 * `npm run generate`: rewrites the files derived from code, schemas/*.json
 * and the code table in docs/diagnostics.md. Tests fail when they are stale.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { withDiagnosticsTable } from '../src/transcript/diagnostics-doc.ts';
import { jsonSchemas } from '../src/transcript/json-schema.ts';

mkdirSync('schemas', { recursive: true });
for (const [name, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(`schemas/${name}`, `${JSON.stringify(schema, null, 2)}\n`);
  process.stdout.write(`wrote schemas/${name}\n`);
}
const doc = 'docs/diagnostics.md';
writeFileSync(doc, withDiagnosticsTable(readFileSync(doc, 'utf8')));
process.stdout.write(`wrote ${doc}\n`);
