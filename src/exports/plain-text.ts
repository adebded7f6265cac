/**
 * Episode → plain text for reading and quoting: a header (title, show,
 * date, length, credits, summary), then one block per paragraph,
 * `[h:mm:ss] Name: text`, with chapter headings between. Untimed episodes
 * have no stamps.
 */
import type { Episode } from '../transcript/schema.ts';
import { oneLine, soundText } from './cues.ts';

/** `0:04:05`, `1:02:09`: always with hours, so stamps line up. */
export function longClock(seconds: number): string {
  const total = Math.max(0, Math.floor(seconds));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${Math.floor(total / 3600)}:${pad(Math.floor(total / 60) % 60)}:${pad(total % 60)}`;
}

/** The episode as readable text, paragraphs as blocks separated by blank lines. */
export function episodeToText(episode: Episode): string {
  const names = new Map(episode.speakers.map((s) => [s.id, oneLine(s.name)]));
  const facts = [oneLine(episode.show)];
  if (episode.date) facts.push(episode.date);
  if (episode.duration !== null) facts.push(longClock(episode.duration));
  const head = [oneLine(episode.title), facts.join(' · ')];
  if (episode.hosts.length > 0) head.push(`Hosts: ${episode.hosts.map(oneLine).join(', ')}`);
  if (episode.guests.length > 0) head.push(`Guests: ${episode.guests.map(oneLine).join(', ')}`);
  const blocks = [head.join('\n')];
  if (episode.summary) blocks.push(oneLine(episode.summary));

  // Chapters open before the paragraph holding their first segment.
  const chapters = [...episode.chapters].sort((a, b) => a.segment - b.segment);
  let next = 0;
  for (const paragraph of episode.paragraphs) {
    while (next < chapters.length && (chapters[next]?.segment ?? Infinity) <= paragraph.lastSegment) {
      blocks.push(`## ${oneLine(chapters[next]?.title ?? '')}`);
      next++;
    }
    const stamp = paragraph.start !== null ? `[${longClock(paragraph.start)}] ` : '';
    const text = oneLine(paragraph.text);
    if (paragraph.kind === 'sound') {
      blocks.push(`${stamp}${soundText(text)}`);
      continue;
    }
    const name = paragraph.speaker !== null ? names.get(paragraph.speaker) : undefined;
    blocks.push(`${stamp}${name ? `${name}: ` : ''}${text}`);
  }
  return `${blocks.join('\n\n')}\n`;
}
