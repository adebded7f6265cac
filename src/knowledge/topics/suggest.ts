/**
 * Topic file text for a discovered topic (`verbatim topics suggest`): the
 * front matter a curated topic needs, with the spellings found as aliases
 * and, as YAML comments, the counts and a few example quotes, so an editor
 * can paste it into content/topics/<slug>.md and trim.
 */
import { stringify } from 'yaml';
import { formatShortClock } from '../../transcript/formats/clock.ts';
import type { Topic, TopicQuote } from './schema.ts';

/** Example quotes shown per topic, from different episodes where possible. */
export const SUGGEST_EXAMPLES = 3;

/** The suggested file text for `topic`. */
export function topicFileText(topic: Topic): string {
  const meta: Record<string, unknown> = { title: topic.name };
  const aliases = topic.aliases.filter((a) => a !== topic.name);
  if (aliases.length > 0) meta.aliases = aliases;
  const mentions = topic.mentions;
  const episodes = topic.episodes.filter((e) => e.mentions > 0).length;
  const lines = [
    '---',
    stringify(meta, { lineWidth: 0 }).trimEnd(),
    `# ${mentions} mention${mentions === 1 ? '' : 's'} in ${episodes} episode${episodes === 1 ? '' : 's'}. For example:`,
    ...examples(topic).map(({ episode, quote }) => `#   ${episode}${quote.start === null ? '' : ` ${formatShortClock(quote.start)}`}: "${quote.quote.replace(/\s+/g, ' ')}"`),
    '---',
    '',
  ];
  return lines.join('\n');
}

/** Up to SUGGEST_EXAMPLES quotes from the episodes that mention the topic most, one per episode first. */
function examples(topic: Topic): Array<{ episode: string; quote: TopicQuote }> {
  const all = topic.quoted.flatMap((q) => q.quotes.map((quote, i) => ({ episode: q.episode, quote, first: i === 0 })));
  const out = all.filter((x) => x.first).slice(0, SUGGEST_EXAMPLES);
  for (const x of all) {
    if (out.length >= SUGGEST_EXAMPLES) break;
    if (!out.includes(x)) out.push(x);
  }
  return out.map(({ episode, quote }) => ({ episode, quote }));
}
