/**
 * Synthetic transcript corpora for the benchmark and the scale tests:
 * deterministic (seeded), realistic in shape (caption-sized cues split
 * mid-sentence, several speakers, punctuation), and of any size.
 */
import { formatClock } from '../src/transcript/formats/clock.ts';

const words = (
  'the power grid needs new transmission lines before data centers can grow and interest rates make every ' +
  'project cost more so utilities wait while chip makers ship accelerators faster than anyone expected we ' +
  'talked about inflation supply chains open models inference costs memory bandwidth and whether the market ' +
  'has priced any of this in I think people underestimate how long permits take you know it is really about ' +
  'who pays for the upgrade and how quickly the turbines arrive because demand keeps rising every quarter'
).split(' ');

/** A seeded pseudo-random generator (mulberry32), so corpora are identical run to run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Cue {
  start: number;
  end: number;
  speaker: number;
  text: string;
}

/** Cues until their text reaches about `bytes` in total. */
function* cues(bytes: number, seed = 7): Generator<Cue> {
  const rand = random(seed);
  let t = 1;
  let size = 0;
  let speaker = 1;
  let sentence = 0;
  while (size < bytes) {
    const n = 4 + Math.floor(rand() * 7);
    const parts: string[] = [];
    for (let i = 0; i < n; i++) {
      let w = words[Math.floor(rand() * words.length)] ?? 'and';
      if (sentence === 0) w = w.charAt(0).toUpperCase() + w.slice(1);
      sentence++;
      if (sentence > 8 && rand() < 0.25) {
        w += rand() < 0.8 ? '.' : '?';
        sentence = 0;
      } else if (rand() < 0.06) w += ',';
      parts.push(w);
    }
    if (rand() < 0.08) speaker = 1 + Math.floor(rand() * 3);
    const duration = 1 + rand() * 3;
    const cue = { start: t, end: t + duration, speaker, text: parts.join(' ') };
    t += duration + (rand() < 0.1 ? 0.5 : 0);
    size += cue.text.length + 40;
    yield cue;
  }
}

/** An SRT file of about `bytes` bytes with `Speaker N:` labels. */
export function syntheticSrt(bytes: number, seed?: number): string {
  const out: string[] = [];
  let i = 1;
  for (const c of cues(bytes, seed)) {
    out.push(`${i++}\n${formatClock(c.start, ',')} --> ${formatClock(c.end, ',')}\nSpeaker ${c.speaker}: ${c.text}\n`);
  }
  return out.join('\n');
}

/** A WebVTT file of about `bytes` bytes with `<v Speaker N>` voice spans. */
export function syntheticVtt(bytes: number, seed?: number): string {
  const out: string[] = ['WEBVTT - Synthetic benchmark episode\n'];
  for (const c of cues(bytes, seed)) {
    out.push(`${formatClock(c.start, '.')} --> ${formatClock(c.end, '.')}\n<v Speaker ${c.speaker}>${c.text}\n`);
  }
  return out.join('\n');
}
