/**
 * The conversation of one generated episode: turns of sentences between
 * hosts and guests, with timings. Sentences come from templates filled with
 * the episode's themes and companies, the show's other themes, everyday
 * words at their real frequencies, and people's names, which speech
 * recognition sometimes mishears. Made from the episode plan alone.
 */
import { adverbs, adjectives, nouns, openers, places, replies, seasons, speechWords, templates, verbs } from './lexicon.ts';
import type { ArchivePlan, EpisodePlan, Person } from './plan.ts';
import { cap } from './plan.ts';
import { between, chance, pick, seeded, WeightedSampler, zipfWeights } from './random.ts';
import type { Random } from './random.ts';

export interface Turn {
  /** Index into `speakers`. */
  speaker: number;
  sentences: string[];
  /** Start and end in seconds. */
  start: number;
  end: number;
}

export interface Conversation {
  /** Hosts first, then guests. */
  speakers: Person[];
  turns: Turn[];
}

// Built once: samplers over the shared word lists.
const nounSampler = new WeightedSampler(zipfWeights(nouns.length, 1.05));
const speechSampler = new WeightedSampler(speechWords.map((w) => Math.sqrt(w.count)));

/**
 * The episode's conversation. `edited` adds one sentence in the middle, the
 * way an editor's correction changes one transcript (the benchmark's
 * one-edit rebuild).
 */
export function converse(plan: ArchivePlan, episode: EpisodePlan, { edited = false } = {}): Conversation {
  const r = seeded(episode.seed);
  const speakers = [...episode.show.hosts, ...episode.guests];
  const wordsPerSecond = 2.3 + r() * 0.6;
  const turns: Turn[] = [];
  let words = 0;
  let t = 1 + r() * 4;
  let speaker = 0;
  while (words < episode.words) {
    const isHost = speaker < episode.show.hosts.length;
    const count = chance(r, 0.15) ? 1 : isHost ? between(r, 1, 4) : between(r, 3, 14);
    const sentences: string[] = [];
    for (let i = 0; i < count; i++) {
      sentences.push(count === 1 && chance(r, 0.6) ? pick(r, replies) : sentence(r, plan, episode, speakers, speaker, i === 0));
    }
    const n = sentences.reduce((sum, s) => sum + s.split(' ').length, 0);
    const duration = n / wordsPerSecond;
    turns.push({ speaker, sentences, start: round3(t), end: round3(t + duration) });
    t += duration + 0.2 + r() * 1.2;
    words += n;
    speaker = nextSpeaker(r, speaker, speakers.length, episode.show.hosts.length);
  }
  if (edited) {
    const turn = turns[Math.floor(turns.length / 2)];
    turn?.sentences.push('Let me correct something I said earlier about the numbers.');
  }
  return { speakers, turns };
}

function nextSpeaker(r: Random, current: number, count: number, hosts: number): number {
  if (count === 1) return 0;
  if (current < hosts) return hosts < count && chance(r, 0.8) ? between(r, hosts, count - 1) : (current + 1) % count;
  return chance(r, 0.75) ? between(r, 0, Math.max(0, hosts - 1)) : between(r, 0, count - 1);
}

function sentence(r: Random, plan: ArchivePlan, episode: EpisodePlan, speakers: Person[], speaker: number, first: boolean): string {
  let s = pick(r, templates).replace(/\{(\w+)\}/g, (_, slot: string) => fill(slot, r, plan, episode, speakers, speaker));
  if (first && chance(r, 0.3)) s = `${pick(r, openers)} ${s.charAt(0).toLowerCase()}${s.slice(1)}`;
  // A disfluency now and then: a repeated word, as people speak.
  if (chance(r, 0.08)) s = s.replace(/^(\S+) /, '$1, $1 ');
  return cap(s);
}

function fill(slot: string, r: Random, plan: ArchivePlan, episode: EpisodePlan, speakers: Person[], speaker: number): string {
  switch (slot) {
    case 'np':
    case 'np2':
      return nounPhrase(r, episode);
    case 'person':
      return personMention(r, plan, speakers, speaker);
    case 'place':
      return pick(r, places);
    case 'verb':
      return pick(r, verbs)[0];
    case 'verbs':
      return pick(r, verbs)[1];
    case 'verbed':
      return pick(r, verbs)[2];
    case 'verbing':
      return pick(r, verbs)[3];
    case 'adj':
      return pick(r, adjectives);
    case 'adv':
      return pick(r, adverbs);
    case 'num':
      return String(between(r, 2, 90));
    case 'year':
      return String(between(r, 1995, 2025));
    case 'season':
      return pick(r, seasons);
    default:
      return slot;
  }
}

function nounPhrase(r: Random, episode: EpisodePlan): string {
  const x = r();
  const noun = () => nouns[nounSampler.draw(r)] ?? 'market';
  if (x < 0.3) return `the ${episode.themes[Math.floor(Math.pow(r(), 1.8) * episode.themes.length)] ?? noun()}`;
  if (x < 0.37) {
    const brand = pick(r, episode.brands);
    return chance(r, 0.12) ? pick(r, brand.misheard) : brand.name;
  }
  if (x < 0.45) return `the ${pick(r, episode.show.themes)}`;
  if (x < 0.7) return `the ${noun()}`;
  if (x < 0.85) return `${pick(r, adjectives)} ${noun()}s`;
  // Everyday speech at its real frequencies: where the vocabulary's long tail comes from.
  return `the ${speechWords[speechSampler.draw(r)]?.word ?? noun()}`;
}

function personMention(r: Random, plan: ArchivePlan, speakers: Person[], speaker: number): string {
  const others = speakers.filter((_, i) => i !== speaker);
  const person = others.length > 0 && chance(r, 0.6) ? pick(r, others) : pick(r, plan.people);
  const [firstName, ...rest] = person.name.split(' ');
  const surname = rest.join(' ');
  if (chance(r, 0.14) && person.misheard.length > 0) return `${firstName} ${pick(r, person.misheard)}`;
  if (chance(r, 0.3)) return firstName ?? person.name;
  if (chance(r, 0.1)) return surname;
  return person.name;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;
