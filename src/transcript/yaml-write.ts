/**
 * YAML as a message shows it: how to write a value so that it reads back as
 * meant (`"2024"` for the text 2024, `[beans, onions]` for a list), for
 * diagnostics that say what to write instead. Written by the `yaml` package,
 * so the suggestion always parses.
 */
import { stringify } from 'yaml';

/** `text` as a YAML scalar: plain when it reads back as that text, else quoted. */
export function yamlScalar(text: string): string {
  return stringify(text, { lineWidth: 0 }).trimEnd();
}

/** `items` as a one-line YAML list: `[beans, onions]`. */
export function yamlFlowList(items: readonly string[]): string {
  return stringify(items, { collectionStyle: 'flow', flowCollectionPadding: false, lineWidth: 0 }).trimEnd();
}

/**
 * How to write a list item that is not text: the one text a map holds
 * (`{name: Heat pumps}` → `- Heat pumps`), a number or boolean quoted
 * (`- "2025"`), else a placeholder (`- Name`).
 */
export function listItemSuggestion(item: unknown): string {
  if (item !== null && typeof item === 'object' && !Array.isArray(item) && !(item instanceof Date)) {
    const texts = Object.values(item).filter((v): v is string => typeof v === 'string' && v.trim() !== '');
    if (texts.length === 1) return `- ${yamlScalar((texts[0] ?? '').trim())}`;
  }
  if (typeof item === 'number' || typeof item === 'boolean') return `- ${yamlScalar(String(item))}`;
  return '- Name';
}
