/**
 * The plan of a generated archive: shows (each with its hosts, its themes
 * and the export tool it uses), a pool of guests who come back with
 * Zipf-like regularity, companies, and every episode's metadata. Text is
 * made later, one episode at a time (speech.ts), from this plan alone, so
 * any single episode can be regenerated (or edited) without the others.
 */
import { between, chance, derive, logNormal, pick, seeded, WeightedSampler, zipfWeights } from './random.ts';
import type { Random } from './random.ts';
import { adjectives, brandEnds, brandStarts, firstNames, nouns, places, surnames } from './lexicon.ts';

/** The five transcript formats (and the one-line SRT variant) an export tool may write. */
export type ArchiveFormat = 'srt' | 'srt-one-line' | 'webvtt' | 'caption-tokens' | 'markdown' | 'timestamp-bullets';

export interface Person {
  name: string;
  /** How speech recognition mishears the surname ("Kowalczyk" → "Kovalchik"). */
  misheard: string[];
}

export interface Brand {
  name: string;
  /** Speech-recognition spellings: split, sound-alike, lower case. */
  misheard: string[];
}

export interface ShowPlan {
  name: string;
  slug: string;
  hosts: Person[];
  format: ArchiveFormat;
  /** What the show keeps coming back to: noun phrases. */
  themes: string[];
  /** SRT/WebVTT label speakers `Speaker N` (true) or by name. */
  numberedLabels: boolean;
  /** Share of its episodes with a metadata sidecar. */
  sidecarShare: number;
}

export interface EpisodePlan {
  /** 0-based position in the archive. */
  index: number;
  show: ShowPlan;
  /** Path inside the archive folder, `<show>/<nnnn>-<slug>.<ext>`. */
  path: string;
  title: string;
  date: string;
  guests: Person[];
  /** The episode's own themes, most talked about first. */
  themes: string[];
  brands: Brand[];
  format: ArchiveFormat;
  /** Spoken words to generate (about). */
  words: number;
  sidecar: boolean;
  /** Seed of this episode's text. */
  seed: number;
}

export interface ArchivePlan {
  seed: number;
  shows: ShowPlan[];
  episodes: EpisodePlan[];
  /** Everyone who may be mentioned by name. */
  people: Person[];
}

const formatShares: Array<[ArchiveFormat, number]> = [
  ['srt', 0.28],
  ['webvtt', 0.3],
  ['caption-tokens', 0.1],
  ['markdown', 0.14],
  ['timestamp-bullets', 0.15],
  ['srt-one-line', 0.03],
];

/** Plan an archive of `count` episodes; the same (`count`, `seed`) always gives the same plan. */
export function planArchive(count: number, seed = 1): ArchivePlan {
  const rand = seeded(seed);
  const showCount = Math.max(3, Math.round(Math.sqrt(count) / 2));
  const usedNames = new Set<string>();
  const person = (r: Random): Person => {
    for (;;) {
      const name = `${pick(r, firstNames)} ${pick(r, surnames)}`;
      if (usedNames.has(name)) continue;
      usedNames.add(name);
      return { name, misheard: mishear(name.split(' ').at(-1) ?? name, r) };
    }
  };

  const shows: ShowPlan[] = [];
  const showNames = new Set<string>();
  for (let i = 0; i < showCount; i++) {
    const r = derive(seed, 1_000_000 + i);
    let name = '';
    do name = showName(r);
    while (showNames.has(name));
    showNames.add(name);
    const format = drawFormat(r);
    shows.push({
      name,
      slug: slug(name),
      hosts: Array.from({ length: chance(r, 0.35) ? 2 : 1 }, () => person(r)),
      format,
      themes: Array.from({ length: between(r, 14, 26) }, () => theme(r)),
      numberedLabels: chance(r, 0.7),
      sidecarShare: format === 'markdown' || format === 'timestamp-bullets' ? 0.6 : 0.9,
    });
  }

  // Guests: a pool that grows with the archive; a few appear often, most once or twice.
  const guests: Person[] = Array.from({ length: Math.max(20, Math.round(count * 0.45)) }, () => person(rand));
  const guestSampler = new WeightedSampler(zipfWeights(guests.length, 0.9));
  const brands: Brand[] = Array.from({ length: Math.max(12, Math.round(count / 8)) }, (_, i) => brand(derive(seed, 2_000_000 + i)));
  const brandSampler = new WeightedSampler(zipfWeights(brands.length, 1));
  // Bigger shows have more episodes.
  const showSampler = new WeightedSampler(zipfWeights(shows.length, 0.7));
  const perShow = new Map<ShowPlan, number>();

  const episodes: EpisodePlan[] = [];
  const start = Date.UTC(2019, 0, 7);
  for (let index = 0; index < count; index++) {
    const r = derive(seed, index);
    const show = shows[showSampler.draw(r)] ?? shows[0]!;
    const n = (perShow.get(show) ?? 0) + 1;
    perShow.set(show, n);
    const guestCount = chance(r, 0.15) ? 0 : chance(r, 0.2) ? 2 : 1;
    const episodeGuests: Person[] = [];
    for (let g = 0; g < guestCount; g++) {
      const guest = guests[guestSampler.draw(r)];
      if (guest && !episodeGuests.includes(guest)) episodeGuests.push(guest);
    }
    const themes = [pick(r, show.themes), pick(r, show.themes), ...(chance(r, 0.5) ? [theme(r)] : [])].filter((t, i, all) => all.indexOf(t) === i);
    const episodeBrands = Array.from({ length: between(r, 1, 3) }, () => brands[brandSampler.draw(r)] ?? brands[0]!);
    const format = chance(r, 0.85) ? show.format : drawFormat(r);
    const title = episodeTitle(r, themes, episodeGuests, episodeBrands, n);
    const date = new Date(start + Math.floor((index / count) * 6 * 365 + r() * 3) * 86_400_000).toISOString().slice(0, 10);
    const ext = chance(r, 0.7) ? 'txt' : format === 'webvtt' ? 'vtt' : format.startsWith('srt') ? 'srt' : format === 'markdown' ? 'md' : 'txt';
    episodes.push({
      index,
      show,
      path: `${show.slug}/${String(n).padStart(4, '0')}-${slug(title).slice(0, 48).replace(/-+$/, '')}.${ext}`,
      title,
      date,
      guests: episodeGuests,
      themes,
      brands: [...new Set(episodeBrands)],
      format,
      words: Math.round(Math.min(30_000, Math.max(1_500, logNormal(r, 9_500, 0.45)))),
      sidecar: chance(r, show.sidecarShare),
      seed: Math.floor(r() * 2 ** 31),
    });
  }
  return { seed, shows, episodes, people: [...shows.flatMap((s) => s.hosts), ...guests] };
}

function drawFormat(r: Random): ArchiveFormat {
  let x = r();
  for (const [format, share] of formatShares) {
    if ((x -= share) < 0) return format;
  }
  return 'srt';
}

function theme(r: Random): string {
  const noun = () => nouns[Math.min(nouns.length - 1, Math.floor(Math.pow(r(), 2.2) * nouns.length))] ?? 'market';
  const x = r();
  if (x < 0.45) return `${pick(r, adjectives)} ${noun()}`;
  if (x < 0.85) return `${noun()} ${noun()}`;
  return noun();
}

function showName(r: Random): string {
  const forms = [
    () => `The ${cap(pick(r, adjectives))} ${cap(pick(r, nouns.slice(0, 300)))}`,
    () => `${cap(pick(r, nouns.slice(0, 300)))} & ${cap(pick(r, nouns.slice(0, 300)))}`,
    () => `${pick(r, places)} ${cap(pick(r, ['Dispatch', 'Hour', 'Review', 'Weekly', 'Briefing', 'Notes']))}`,
    () => `${cap(pick(r, adjectives))} ${cap(pick(r, ['Signals', 'Margins', 'Futures', 'Matters', 'Questions']))}`,
  ];
  return pick(r, forms)();
}

function episodeTitle(r: Random, themes: string[], guests: Person[], brands: Brand[], n: number): string {
  const t = themes[0] ?? 'the market';
  const guest = guests[0]?.name;
  const forms = [
    () => (guest ? `${guest} on ${t}` : `Notes on ${t}`),
    () => `Why ${t} matters`,
    () => `The ${t} problem`,
    () => `${cap(t)}${guest ? ` with ${guest}` : ''}`,
    () => `Inside ${brands[0]?.name ?? 'the industry'}`,
    () => `What ${pick(r, places)} taught us about ${t}`,
    () => `#${n}: ${cap(t)} and ${themes[1] ?? 'what comes next'}`,
  ];
  return pick(r, forms)();
}

function brand(r: Random): Brand {
  const name = cap(pick(r, brandStarts)) + pick(r, brandEnds);
  const start = name.slice(0, name.length - 4);
  const misheard = [
    `${cap(name.slice(0, 3))} ${cap(name.slice(3))}`,
    name.replace(/c/g, 'k').replace(/x/g, 'cks').replace(/ph/g, 'f'),
    name.toLowerCase(),
    `${start}${name.slice(start.length).replace(/[aeiou]/, (v) => (v === 'o' ? 'a' : 'o'))}`,
  ].filter((m, i, all) => m !== name && all.indexOf(m) === i);
  return { name, misheard };
}

/** Sound-alike spellings of a surname, as speech recognition writes them. */
export function mishear(surname: string, r: Random): string[] {
  const rules: Array<[RegExp, string]> = [
    [/w/g, 'v'], [/cz/g, 'ch'], [/ph/g, 'f'], [/k/g, 'c'], [/c(?=[aou])/g, 'k'], [/sch/g, 'sh'], [/qv/g, 'kv'],
    [/y/g, 'i'], [/ie/g, 'ee'], [/sen$/g, 'son'], [/son$/g, 'sen'], [/([bcdfglmnprst])\1/g, '$1'], [/ou/g, 'u'], [/ei/g, 'i'],
    [/th/g, 't'], [/ä|å/g, 'a'], [/ö|ø/g, 'o'], [/ü/g, 'u'],
  ];
  const out = new Set<string>();
  for (const [pattern, replacement] of rules) {
    if (out.size >= 2) break;
    if (!chance(r, 0.6)) continue;
    const lower = surname.toLowerCase();
    const changed = lower.replace(pattern, replacement);
    if (changed !== lower) out.add(cap(changed));
  }
  if (out.size === 0 && surname.length > 4) out.add(cap(`${surname.toLowerCase().slice(0, -1)}${surname.endsWith('a') ? 'er' : 'e'}`));
  return [...out];
}

export const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

export function slug(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
