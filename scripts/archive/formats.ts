/**
 * Writes a generated conversation the way real export tools do: SRT with
 * `Speaker N:` labels (and the broken one-line variant), WebVTT with voice
 * tags, YouTube-style caption tokens, Markdown with front matter and
 * `**Name:**` turns, and `- [MM:SS]` timestamp bullets; plus the metadata
 * sidecar an archive keeps beside most transcripts.
 */
import type { EpisodePlan } from './plan.ts';
import { between, chance, seeded } from './random.ts';
import type { Random } from './random.ts';
import type { Conversation, Turn } from './speech.ts';

/** The transcript file's text. */
export function writeTranscript(episode: EpisodePlan, conversation: Conversation): string {
  const r = seeded(episode.seed ^ 0x5bd1e995);
  switch (episode.format) {
    case 'srt':
      return srt(r, episode, conversation).join('\n');
    case 'srt-one-line':
      return srt(r, episode, conversation).join(' ').replace(/\n/g, ' ');
    case 'webvtt':
      return webvtt(r, episode, conversation);
    case 'caption-tokens':
      return captionTokens(r, conversation);
    case 'markdown':
      return markdown(episode, conversation);
    case 'timestamp-bullets':
      return bullets(r, episode, conversation);
  }
}

/** The `<name>.yml` sidecar, or null when this episode has none. */
export function writeSidecar(episode: EpisodePlan, conversation: Conversation): string | null {
  if (!episode.sidecar) return null;
  const r = seeded(episode.seed ^ 0x27d4eb2f);
  const q = (s: string) => JSON.stringify(s);
  const lines = [`title: ${q(episode.title)}`, `show: ${q(episode.show.name)}`, `date: ${episode.date}`];
  lines.push(`hosts: [${episode.show.hosts.map((h) => q(h.name)).join(', ')}]`);
  if (episode.guests.length > 0) lines.push(`guests: [${episode.guests.map((g) => q(g.name)).join(', ')}]`);
  if (labelled(episode) && episode.show.numberedLabels) {
    lines.push('speakers:');
    conversation.speakers.forEach((s, i) => lines.push(`  Speaker ${i + 1}: ${q(s.name)}`));
  }
  if (chance(r, 0.5)) lines.push(`summary: ${q(`A conversation about ${episode.themes.join(', ')}${episode.guests[0] ? ` with ${episode.guests[0].name}` : ''}.`)}`);
  if (chance(r, 0.4)) lines.push(`topics: [${episode.themes.map(q).join(', ')}]`);
  if (chance(r, 0.2)) lines.push(`youtube: ${q(videoId(r))}`);
  return `${lines.join('\n')}\n`;
}

/** Formats whose speakers are labels (`Speaker 2`, or a name) the sidecar may map. */
const labelled = (episode: EpisodePlan) => episode.format === 'srt' || episode.format === 'srt-one-line' || episode.format === 'webvtt';

const label = (episode: EpisodePlan, conversation: Conversation, turn: Turn) =>
  episode.show.numberedLabels ? `Speaker ${turn.speaker + 1}` : (conversation.speakers[turn.speaker]?.name ?? `Speaker ${turn.speaker + 1}`);

/** A turn's words cut into caption-sized cues, each with its share of the turn's time. */
function* cues(r: Random, turn: Turn): Generator<{ text: string; start: number; end: number; first: boolean }> {
  const words = turn.sentences.join(' ').split(' ');
  const perWord = (turn.end - turn.start) / Math.max(1, words.length);
  let i = 0;
  while (i < words.length) {
    const n = Math.min(words.length - i, between(r, 5, 12));
    yield { text: words.slice(i, i + n).join(' '), start: turn.start + i * perWord, end: turn.start + (i + n) * perWord, first: i === 0 };
    i += n;
  }
}

function clock(seconds: number, separator: ',' | '.', padHours: boolean): string {
  const ms = Math.round(seconds * 1000);
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor(ms / 60_000) % 60;
  const s = Math.floor(ms / 1000) % 60;
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${padHours ? pad(h) : h}:${pad(m)}:${pad(s)}${separator}${pad(ms % 1000, 3)}`;
}

function srt(r: Random, episode: EpisodePlan, conversation: Conversation): string[] {
  const out: string[] = [];
  let n = 1;
  const everyCue = chance(r, 0.3);
  for (const turn of conversation.turns) {
    const who = label(episode, conversation, turn);
    for (const cue of cues(r, turn)) {
      const text = cue.first || everyCue ? `${who}: ${cue.text}` : cue.text;
      out.push(`${n++}\n${clock(cue.start, ',', true)} --> ${clock(cue.end, ',', true)}\n${text}\n`);
    }
  }
  return out;
}

function webvtt(r: Random, episode: EpisodePlan, conversation: Conversation): string {
  const out = [chance(r, 0.7) ? `WEBVTT - ${episode.title}\n` : 'WEBVTT\n'];
  const padHours = chance(r, 0.5);
  for (const turn of conversation.turns) {
    const who = label(episode, conversation, turn);
    for (const cue of cues(r, turn)) out.push(`${clock(cue.start, '.', padHours)} --> ${clock(cue.end, '.', padHours)}\n<v ${who}>${cue.text}\n`);
  }
  return out.join('\n');
}

function captionTokens(r: Random, conversation: Conversation): string {
  const plain = chance(r, 0.5); // some exports are lower case without punctuation
  const lines: string[] = [];
  if (chance(r, 0.4)) lines.push('[music]');
  conversation.turns.forEach((turn, t) => {
    let words = turn.sentences.join(' ').split(' ');
    if (plain) words = words.map((w) => w.toLowerCase().replace(/[.,?!]/g, '')).filter((w) => w.length > 0);
    let i = 0;
    while (i < words.length) {
      const n = Math.min(words.length - i, between(r, 4, 9));
      const tokens = words.slice(i, i + n).map((w, k) => (k === 0 ? w : ` ${w}`));
      if (i === 0 && t > 0) tokens[0] = `>> ${tokens[0]}`;
      lines.push(tokens.join('\n'));
      i += n;
    }
    if (chance(r, 0.01)) lines.push('[laughter]');
  });
  return `${lines.join('\n\n\n')}\n`;
}

function frontMatter(episode: EpisodePlan, extra: string[] = []): string {
  return ['---', `title: ${JSON.stringify(episode.title)}`, `date: ${episode.date}`, ...extra, '---', ''].join('\n');
}

function markdown(episode: EpisodePlan, conversation: Conversation): string {
  const out = [frontMatter(episode, [`tags: [${JSON.stringify(episode.show.name)}]`])];
  for (const turn of conversation.turns) {
    const name = conversation.speakers[turn.speaker]?.name ?? `Speaker ${turn.speaker + 1}`;
    for (let i = 0; i < turn.sentences.length; i += 5) {
      const text = turn.sentences.slice(i, i + 5).join(' ');
      out.push(i === 0 ? `**${name}:** ${text}\n` : `${text}\n`);
    }
  }
  return out.join('\n');
}

function bullets(r: Random, episode: EpisodePlan, conversation: Conversation): string {
  const out = [frontMatter(episode, ['tags:', '  - "Transcript"']), `# Transcript: ${videoId(r)}`, '', '## Text'];
  for (const turn of conversation.turns) {
    const name = conversation.speakers[turn.speaker]?.name;
    const words = turn.sentences.join(' ').split(' ');
    const perWord = (turn.end - turn.start) / Math.max(1, words.length);
    let i = 0;
    while (i < words.length) {
      const n = Math.min(words.length - i, between(r, 8, 30));
      const t = Math.floor(turn.start + i * perWord);
      const stamp = `${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
      out.push(`- [${stamp}] ${i === 0 && name ? `${name}: ` : ''}${words.slice(i, i + n).join(' ')}`);
      i += n;
    }
  }
  return `${out.join('\n')}\n`;
}

function videoId(r: Random): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let id = '';
  for (let i = 0; i < 11; i++) id += alphabet[Math.floor(r() * alphabet.length)];
  return id;
}
