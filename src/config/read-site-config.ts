/**
 * Reading the site config's text: YAML in, the validated config and every
 * problem out, each at the line and column of the key it concerns (nested
 * keys and list items included). Never throws. An unknown key is an error
 * with the nearest known key suggested; an invalid value is an error and
 * that key is left out, so its default applies and every other problem is
 * still reported. Messages are worded by zod-messages.ts, the one place
 * validation errors are phrased (after Starlight's error map).
 */
import { distance } from 'fastest-levenshtein';
import type { z } from 'zod';
import { Diagnostics } from '../transcript/diagnostics.ts';
import type { Diagnostic } from '../transcript/diagnostics.ts';
import { parseYamlMap } from '../transcript/yaml-map.ts';
import { describeIssue, valueAt } from '../transcript/zod-messages.ts';
import { SearchConfig, ShowConfig, SiteConfigFile, siteConfigKeys, TopicsConfig } from './site-config.ts';

export type SiteConfigValues = z.output<typeof SiteConfigFile>;

export interface SiteConfigRead {
  /** The file's values with defaults filled in; keys with problems left out. */
  config: SiteConfigValues;
  diagnostics: Diagnostic[];
  /** Where a key path is written in the file, for problems found later (a show no episode has). */
  locate: (path: readonly PropertyKey[]) => { line: number; column: number };
}

/** Keys allowed inside each nested map, by the path's shape. */
function knownKeysAt(path: readonly PropertyKey[]): readonly string[] {
  if (path.length === 0) return siteConfigKeys;
  if (path[0] === 'shows' && path.length === 2) return Object.keys(ShowConfig.shape);
  if (path[0] === 'search' && path.length === 1) return Object.keys(SearchConfig.shape);
  if (path[0] === 'topics' && path.length === 1) return Object.keys(TopicsConfig.shape);
  return [];
}

/** Validate the text of a site config file (`file` names it in diagnostics). */
export function readSiteConfig(input: { file: string; text: string }): SiteConfigRead {
  const diagnostics = new Diagnostics(input.file);
  const yaml = parseYamlMap(input.text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'), diagnostics);
  const data: Record<string, unknown> = yaml.data ?? {};
  const reported = new Set<string>();
  let config: SiteConfigValues | undefined;
  // Each round drops what was reported; nesting is at most three deep, so a few rounds suffice.
  for (let round = 0; round < 8 && !config; round++) {
    const result = SiteConfigFile.safeParse(data);
    if (result.success) {
      config = result.data;
      break;
    }
    const drop: PropertyKey[][] = [];
    for (const issue of result.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          const path = [...issue.path, key];
          report(path, () => {
            const known = knownKeysAt(issue.path);
            const near = known.map((k) => ({ k, d: distance(k.toLowerCase(), key.toLowerCase()) })).sort((a, b) => a.d - b.d)[0];
            const at = yaml.locate(path);
            diagnostics.report('config-unknown-key', at.line, at.column, {
              key: keyName(path),
              hint: near && near.d <= Math.max(2, Math.floor(key.length / 3)) ? ` (did you mean "${near.k}"?)` : '',
              known: known.join(', '),
            });
          });
          drop.push(path);
        }
        continue;
      }
      const path = [...issue.path];
      report(path, () => {
        // The message names the map key; list indexes stay in the issue for "item 2".
        const firstIndex = path.findIndex((p) => typeof p === 'number');
        const keyPath = firstIndex < 0 ? path : path.slice(0, firstIndex);
        const rest = firstIndex < 0 ? [] : path.slice(firstIndex);
        const leaf = String(keyPath.at(-1) ?? '');
        const at = yaml.locate(path);
        diagnostics.report('config-invalid', at.line, at.column, {
          key: keyName(keyPath),
          detail:
            leaf === 'colour' && valueAt(data, keyPath) === null
              ? 'is empty: YAML reads # as the start of a comment, so quote the colour: colour: "#2f6f4f"'
              : describeIssue({ ...issue, path: [leaf, ...rest] } as z.core.$ZodIssue, valueAt(data, keyPath)),
        });
      });
      drop.push(path);
    }
    if (drop.length === 0) break;
    for (const path of drop) remove(data, path);
    sweep(data);
  }

  function report(path: readonly PropertyKey[], emit: () => void): void {
    const id = JSON.stringify(path.map(String));
    if (reported.has(id)) return;
    reported.add(id);
    emit();
  }

  return {
    config: config ?? SiteConfigFile.parse({}),
    diagnostics: [...diagnostics.list].sort((a, b) => a.line - b.line || a.column - b.column),
    locate: yaml.locate,
  };
}

/** `shows."Signal & Noise".colour`: a key path as the user reads it. */
export function keyName(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'at the top';
  return path
    .map((p, i) => {
      const text = String(p);
      const plain = /^[A-Za-z_][A-Za-z0-9_-]*$/.test(text) ? text : JSON.stringify(text);
      return i === 0 ? plain : `.${plain}`;
    })
    .join('');
}

/** Leave out the value at `path`: a map key is deleted, a list item is marked (`sweep` takes the marked items out, so other indexes hold meanwhile). */
function remove(data: Record<string, unknown>, path: readonly PropertyKey[]): void {
  if (path.length === 0) return;
  const parent = valueAt(data, path.slice(0, -1));
  const last = path.at(-1);
  if (Array.isArray(parent) && typeof last === 'number') parent[last] = REMOVED;
  else if (parent !== null && typeof parent === 'object' && last !== undefined) delete (parent as Record<PropertyKey, unknown>)[last];
}

/** Take marked items out of every list (YAML aliases may share a list: each is visited once). */
function sweep(value: unknown, seen = new Set<object>()): void {
  if (value === null || typeof value !== 'object' || seen.has(value)) return;
  seen.add(value);
  if (Array.isArray(value)) {
    const kept = value.filter((item) => item !== REMOVED);
    value.length = 0;
    value.push(...kept);
  }
  for (const item of Object.values(value)) sweep(item, seen);
}

const REMOVED = Symbol('removed');
