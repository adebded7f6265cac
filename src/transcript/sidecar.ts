/**
 * Sidecar reading: `<name>.yml` beside a transcript. Unknown keys are
 * warnings naming the key and line; invalid fields are errors and are
 * dropped, so the rest of the sidecar still applies.
 */
import { Diagnostics, excerpt } from './diagnostics.ts';
import { Sidecar, sidecarKeys } from './schema.ts';
import { parseYamlMap } from './yaml-map.ts';
import { describeIssue } from './zod-messages.ts';

export interface SidecarResult {
  sidecar: Sidecar;
  /** 1-based line of each key, for later diagnostics. */
  lines: Record<string, number>;
  /** Where each label of `speakers` is (1-based line and column), for an unused label's warning. */
  labelLines: Record<string, { line: number; column: number }>;
}

/** Parse and validate sidecar text. Never throws; an unusable sidecar yields `{}`. */
export function readSidecar(text: string, diagnostics: Diagnostics): SidecarResult {
  const { data, lines, itemLines, locate } = parseYamlMap(text, diagnostics);
  if (!data) return { sidecar: {}, lines, labelLines: {} };
  const withLabels = (sidecar: Sidecar): SidecarResult => {
    const labelLines: SidecarResult['labelLines'] = Object.create(null) as SidecarResult['labelLines'];
    for (const label of Object.keys(sidecar.speakers ?? {})) labelLines[label] = locate(['speakers', label]);
    return { sidecar, lines, labelLines };
  };
  const known: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (sidecarKeys.includes(key)) known[key] = value;
    else diagnostics.report('sidecar-unknown-key', lines[key] ?? 1, 1, { key: excerpt(key), known: sidecarKeys.join(', ') });
  }
  // Drop invalid fields one by one so every problem is reported and the rest still applies.
  for (let attempt = 0; attempt <= sidecarKeys.length; attempt++) {
    const result = Sidecar.safeParse(known);
    if (result.success) return withLabels(result.data);
    const dropped = new Set<string>();
    for (const issue of result.error.issues) {
      const key = String(issue.path[0] ?? '');
      if (dropped.has(key)) continue;
      dropped.add(key);
      // A problem with a list item is reported at the item's line.
      const index = issue.path[1];
      const line = (typeof index === 'number' ? itemLines[key]?.[index] : undefined) ?? lines[key] ?? 1;
      diagnostics.report('sidecar-invalid', line, 1, { key, detail: describeIssue(issue, known[key]) });
    }
    for (const key of dropped) delete known[key];
    if (dropped.size === 0) break;
  }
  return { sidecar: {}, lines, labelLines: {} };
}
