/**
 * Topic file text for a discovered topic (`verbatim topics suggest`): the
 * front matter a curated topic needs, with the spellings found as aliases
 * and, as YAML comments, the counts and a few example sentences, so an
 * editor can paste it into content/topics/<slug>.md and trim.
 */
import { stringify } from 'yaml';
import { formatShortClock } from '../../transcript/formats/clock.ts';
import type { Topic } from './schema.ts';

/** Example sentences shown per topic, from different episodes where possible. */
export const SUGGEST_EXAMPLES = 3;

/** The suggested file text for `topic`. */
export function topicFileText(topic: Topic): string {
  const meta: Record<string, unknown> = { title: topic.name };
  const aliases = topic.aliases.filter((a) => a !== topic.name);
  if (aliases.length > 0) meta.aliases = aliases;
  const mentions = topic.mentions.length;
  const episodes = topic.episodes.filter((e) => e.mentions > 0).length;
  const lines = [
    '---',
    stringify(meta, { lineWidth: 0 }).trimEnd(),
    `# ${mentions} mention${mentions === 1 ? '' : 's'} in ${episodes} episode${episodes === 1 ? '' : 's'}. For example:`,
    ...examples(topic).map((m) => `#   ${m.episode}${m.start === null ? '' : ` ${formatShortClock(m.start)}`}: "${m.quote.replace(/\s+/g, ' ')}"`),
    '---',
    '',
  ];
  return lines.join('\n');
}

/** Up to SUGGEST_EXAMPLES mentions, one per episode first. */
function examples(topic: Topic): Topic['mentions'] {
  const out: Topic['mentions'] = [];
  const seen = new Set<string>();
  for (const m of topic.mentions) {
    if (out.length >= SUGGEST_EXAMPLES) break;
    if (seen.has(m.episode)) continue;
    seen.add(m.episode);
    out.push(m);
  }
  for (const m of topic.mentions) {
    if (out.length >= SUGGEST_EXAMPLES) break;
    if (!out.includes(m)) out.push(m);
  }
  return out;
}
