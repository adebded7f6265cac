/**
 * Episode → WebVTT (https://www.w3.org/TR/webvtt1/): one cue per timed
 * segment, the speaker as a `<v Name>` voice span on every cue (browsers do
 * not carry voices from cue to cue), sounds as `[music]`.
 *
 * Escaping follows the spec's cue text syntax: `&`, `<` and `>` become
 * `&amp;`, `&lt;`, `&gt;` in the text and in voice names. That also keeps
 * `-->` out of cue text, where it would end the cue, and folding text to one
 * line keeps blank lines out. Unattributed speech right after a named
 * speaker starts with `&gt;&gt;` (the broadcast "new speaker" mark),
 * because readers otherwise carry the previous voice forward to it.
 */
import { formatClock } from '../transcript/formats/clock.ts';
import type { Episode } from '../transcript/schema.ts';
import { oneLine, soundText, timedCues } from './cues.ts';

const cueEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** Text escaped for WebVTT cue text or a voice annotation. */
export function escapeVttText(text: string): string {
  return text.replace(/[&<>]/g, (c) => cueEscapes[c] ?? c);
}

/** The header line: `WEBVTT - Title`, or bare when the title cannot sit there (`-->` ends a header). */
function header(title: string): string {
  const line = oneLine(title);
  return line.length > 0 && !line.includes('-->') ? `WEBVTT - ${line}` : 'WEBVTT';
}

/** The episode's timed segments as a WebVTT file. */
export function episodeToWebvtt(episode: Episode): string {
  const blocks = [header(episode.title)];
  for (const cue of timedCues(episode)) {
    const timing = `${formatClock(cue.start, '.')} --> ${formatClock(cue.end, '.')}`;
    let body: string;
    if (cue.kind === 'sound') body = escapeVttText(soundText(cue.text));
    else if (cue.speaker !== null) body = `<v ${escapeVttText(cue.speaker)}>${escapeVttText(cue.text)}`;
    else body = `${cue.turnStart ? '&gt;&gt; ' : ''}${escapeVttText(cue.text)}`;
    blocks.push(`${timing}\n${body}`);
  }
  return `${blocks.join('\n\n')}\n`;
}
