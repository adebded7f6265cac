/**
 * Episode → SubRip (SRT): numbered cues, one per timed segment, with
 * `Name: ` before the text where the speaker changes (the Podcasting 2.0
 * convention: readers carry the name forward to the cues after it), and
 * before text that itself opens like a label (`Speaker 2: …`), so that
 * text is not read as a change of speaker.
 *
 * SRT has no escaping rule of its own, but readers (ours included) strip
 * formatting tags and decode HTML character references. So only what a
 * reader would misread is escaped, and ordinary text stays as written:
 * `&` before a letter, digit or `#` (`&amp;` would read as `&`), `<` opening
 * a formatting tag (`<i>`), `{\` opening an ASS override, and `>` in `-->`
 * (a cue timing inside text would split the cue).
 */
import { formatClock } from '../transcript/formats/clock.ts';
import type { Episode } from '../transcript/schema.ts';
import { splitSpeakerLabel } from '../transcript/speaker-label.ts';
import { soundText, timedCues } from './cues.ts';

/** A `<` that opens a tag SRT readers treat as formatting (the tags and pattern our parser strips, text.ts). */
const formattingTag = /<(?=\/?(?:i|b|u|s|font|span|em|strong|c|ruby|rt)(?:\s[^<>]*)?>)/gi;

/** Text escaped so an SRT reader shows it as written. */
export function escapeSrtText(text: string): string {
  return text
    .replace(/&(?=[A-Za-z0-9#])/g, '&amp;')
    .replace(formattingTag, '&lt;')
    .replace(/\{(?=\\)/g, '&#123;')
    .replace(/-->/g, '--&gt;');
}

/** The episode's timed segments as an SRT file. */
export function episodeToSrt(episode: Episode): string {
  const blocks: string[] = [];
  for (const cue of timedCues(episode)) {
    const timing = `${formatClock(cue.start, ',')} --> ${formatClock(cue.end, ',')}`;
    let body = escapeSrtText(cue.kind === 'sound' ? soundText(cue.text) : cue.text);
    if (cue.kind === 'speech' && cue.speaker !== null && (cue.turnStart || splitSpeakerLabel(cue.text) !== null)) {
      body = `${escapeSrtText(cue.speaker)}: ${body}`;
    }
    blocks.push(`${blocks.length + 1}\n${timing}\n${body}`);
  }
  return blocks.length === 0 ? '' : `${blocks.join('\n\n')}\n`;
}
