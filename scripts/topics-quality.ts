/**
 * Topic quality on the seed transcripts, against the frozen judged list
 * tests/topics/judged-seeds.json (its `rules` define every figure below):
 * discovery runs over the tuning seeds, the held-out seeds and all five,
 * and each output is scored for recall of good topics within the first
 * 100, precision@30, junk among the first 100, alias merges, and stability
 * when one episode is added.
 *
 *   npm run topics:quality [-- --episodes DIR] [--judged FILE] [--out FILE] [--verbose]
 *
 * Skips with a message (and writes nothing) when the seeds folder
 * (../shared/seeds beside the repository) is absent. Writes
 * bench/topics-quality.json.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { AliasMatcher } from '../src/knowledge/topics/alias-matcher.ts';
import { buildTopicIndex } from '../src/knowledge/topics/build-topics.ts';
import type { Topic } from '../src/knowledge/topics/schema.ts';
import { isCaps, phraseKeys, tokenize } from '../src/knowledge/topics/words.ts';
import { ingestFolder } from '../src/node/episode-folder.ts';
import type { Episode } from '../src/transcript/schema.ts';

/** One judged topic. */
export interface JudgedTopic {
  name: string;
  label: 'good' | 'acceptable' | 'junk';
  aliases: string[];
}

interface JudgedFile {
  topics: JudgedTopic[];
}

/** Figures for one run of discovery over a set of seeds. */
export interface Figures {
  episodes: number;
  topics: number;
  /** Good topics mentioned at least twice in these seeds. */
  expected: number;
  found: number;
  recall: number;
  precisionAt30: number;
  /** Precision over the judged topics of the first 30 only (unjudged left out). */
  judgedPrecisionAt30: number;
  junk: number;
  unjudged: number;
  duplicates: number;
  /** Spellings of matched topics heard in these seeds, and how many the topic holds. */
  aliasForms: number;
  aliasFormsMerged: number;
  aliasMerge: number;
  wrongMerges: number;
  seconds: number;
}

export interface Detail {
  top30: string[];
  missed: string[];
  junk: string[];
  unjudged: string[];
  duplicates: string[];
  unmerged: string[];
  wrongMerges: string[];
}

const RECALL_DEPTH = 100;
const PRECISION_DEPTH = 30;
const MIN_EXPECTED_MENTIONS = 2;

const joined = (phrase: string) => phraseKeys(phrase).join('');

/** The judged list with a lookup from every spelling (words run together) to its entry. */
export class Judged {
  readonly topics: JudgedTopic[];
  readonly #byForm = new Map<string, number>();

  constructor(topics: JudgedTopic[]) {
    this.topics = topics;
    topics.forEach((t, i) => {
      for (const form of [t.name, ...t.aliases]) {
        const key = joined(form);
        const holder = this.#byForm.get(key);
        if (holder !== undefined && holder !== i) throw new Error(`judged list: "${form}" belongs to "${topics[holder]?.name}" and "${t.name}"`);
        this.#byForm.set(key, i);
      }
    });
  }

  /** The entry a spelling belongs to. */
  entryOf(form: string): number | undefined {
    return this.#byForm.get(joined(form));
  }

  /** The entry an output topic stands for: by its name, else by the entry most of its aliases belong to. */
  identify(topic: Pick<Topic, 'name' | 'aliases'>): number | undefined {
    const byName = this.entryOf(topic.name);
    if (byName !== undefined) return byName;
    const votes = new Map<number, number>();
    for (const a of topic.aliases) {
      const e = this.entryOf(a);
      if (e !== undefined) votes.set(e, (votes.get(e) ?? 0) + 1);
    }
    return [...votes].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
  }

  /** Mentions of every entry's spellings in the episodes, per spelling (one pass of a matcher, longest match first). */
  mentions(episodes: readonly Episode[]): Map<string, number> {
    const matcher = new AliasMatcher();
    const forms: string[] = [];
    for (const t of this.topics) {
      for (const form of [t.name, ...t.aliases]) {
        const keys = phraseKeys(form);
        if (keys.length === 0) continue;
        forms.push(form);
        matcher.add({ keys, case: isCaps(form.replace(/[^\p{L}]/gu, '')) ? 'caps' : 'any', topic: forms.length - 1, exclude: false, priority: 1 });
      }
    }
    const out = new Map<string, number>();
    for (const e of episodes) {
      for (const p of e.paragraphs) {
        if (p.kind !== 'speech') continue;
        const { tokens, breaks } = tokenize(p.text);
        for (const m of matcher.scan(tokens, breaks, !/\p{Lu}/u.test(p.text))) {
          const form = forms[m.topic] as string;
          out.set(form, (out.get(form) ?? 0) + 1);
        }
      }
    }
    return out;
  }
}

/** Score one discovery output (discovered topics, in order) against the judged list. */
export function score(judged: Judged, topics: readonly Topic[], episodes: readonly Episode[], seconds: number): { figures: Figures; detail: Detail } {
  const heard = judged.mentions(episodes);
  const entryMentions = (t: JudgedTopic) => [t.name, ...t.aliases].reduce((n, f) => n + (heard.get(f) ?? 0), 0);
  const expected = judged.topics.map((t, i) => ({ t, i })).filter(({ t }) => t.label === 'good' && entryMentions(t) >= MIN_EXPECTED_MENTIONS);

  const ids = topics.map((t) => judged.identify(t));
  const firstOf = new Map<number, number>();
  ids.forEach((id, rank) => {
    if (id !== undefined && !firstOf.has(id)) firstOf.set(id, rank);
  });
  const isDuplicate = (rank: number) => {
    const id = ids[rank];
    return id !== undefined && firstOf.get(id) !== rank;
  };
  const labelAt = (rank: number) => {
    const id = ids[rank];
    return id === undefined ? 'unjudged' : (judged.topics[id] as JudgedTopic).label;
  };

  const found = expected.filter(({ i }) => (firstOf.get(i) ?? Infinity) < RECALL_DEPTH);
  const top = Math.min(PRECISION_DEPTH, topics.length);
  let relevant = 0;
  let judgedTop = 0;
  for (let r = 0; r < top; r++) {
    const label = labelAt(r);
    if (label !== 'unjudged') judgedTop++;
    if ((label === 'good' || label === 'acceptable') && !isDuplicate(r)) relevant++;
  }
  const within = topics.slice(0, RECALL_DEPTH).map((t, r) => ({ t, r }));
  const junk = within.filter(({ r }) => labelAt(r) === 'junk');
  const unjudged = within.filter(({ r }) => labelAt(r) === 'unjudged');
  const duplicates = within.filter(({ r }) => isDuplicate(r));

  // Alias merges: every spelling of a matched good or acceptable entry heard in these seeds should be in its (first) topic.
  let forms = 0;
  let merged = 0;
  const unmerged: string[] = [];
  for (const [id, rank] of firstOf) {
    const entry = judged.topics[id] as JudgedTopic;
    if (entry.label === 'junk') continue;
    const topic = topics[rank] as Topic;
    // A spelling is held when the topic holds it or a run of its words (its matcher then finds the mention inside: "Jensen" in "Jensen Huang").
    const heldKeys = [topic.name, ...topic.aliases].map((s) => phraseKeys(s).join(' '));
    const held = { has: (key: string) => heldKeys.some((h) => h !== '' && ` ${key} `.includes(` ${h} `)) };
    const spellings = new Map<string, number>();
    for (const f of [entry.name, ...entry.aliases]) {
      const key = phraseKeys(f).join(' ');
      if ((heard.get(f) ?? 0) > 0) spellings.set(key, (spellings.get(key) ?? 0) + (heard.get(f) ?? 0));
    }
    for (const [key] of spellings) {
      forms++;
      if (held.has(key)) merged++;
      else unmerged.push(`${entry.name}: ${[entry.name, ...entry.aliases].find((f) => phraseKeys(f).join(' ') === key) ?? key}`);
    }
  }
  // Wrong merges: a topic whose spellings belong to two or more judged entries.
  const wrong: string[] = [];
  for (const t of topics) {
    const entries = new Set<number>();
    for (const s of [t.name, ...t.aliases]) {
      const e = judged.entryOf(s);
      if (e !== undefined) entries.add(e);
    }
    if (entries.size > 1) wrong.push(`${t.name}: ${[...entries].map((e) => judged.topics[e]?.name).join(' + ')}`);
  }

  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    figures: {
      episodes: episodes.length,
      topics: topics.length,
      expected: expected.length,
      found: found.length,
      recall: round(expected.length === 0 ? 1 : found.length / expected.length),
      precisionAt30: round(top === 0 ? 0 : relevant / top),
      judgedPrecisionAt30: round(judgedTop === 0 ? 0 : relevant / judgedTop),
      junk: junk.length,
      unjudged: unjudged.length,
      duplicates: duplicates.length,
      aliasForms: forms,
      aliasFormsMerged: merged,
      aliasMerge: round(forms === 0 ? 1 : merged / forms),
      wrongMerges: wrong.length,
      seconds: round(seconds),
    },
    detail: {
      top30: topics.slice(0, PRECISION_DEPTH).map((t, r) => `${t.name} (${isDuplicate(r) ? 'duplicate' : labelAt(r)})`),
      missed: expected.filter((x) => !found.includes(x)).map(({ t, i }) => `${t.name}${firstOf.has(i) ? ` (rank ${(firstOf.get(i) ?? 0) + 1})` : ''}`),
      junk: junk.map(({ t, r }) => `${r + 1}. ${t.name}`),
      unjudged: unjudged.map(({ t, r }) => `${r + 1}. ${t.name}`),
      duplicates: duplicates.map(({ t, r }) => `${r + 1}. ${t.name} = ${judged.topics[ids[r] as number]?.name}`),
      unmerged,
      wrongMerges: wrong,
    },
  };
}

/** Discovered topics of a set of episodes, most important first, and the seconds it took. */
export function discover(episodes: readonly Episode[]): { topics: Topic[]; seconds: number } {
  const started = performance.now();
  const index = buildTopicIndex(episodes, []);
  return { topics: index.topics.filter((t) => t.source === 'discovered'), seconds: (performance.now() - started) / 1000 };
}

/** How the output changes when one episode is added: for each seed left out, the first 30 topics without it against the output with it. */
export function stability(judged: Judged, episodes: readonly Episode[], full: readonly Topic[]): { kept: number; sameSlug: number; perEpisode: Array<{ added: number; kept: number; sameSlug: number; lost: string[] }> } {
  const identity = (t: Topic) => {
    const id = judged.identify(t);
    return id === undefined ? `slug:${t.slug}` : `judged:${id}`;
  };
  const after = new Map(full.map((t) => [identity(t), t.slug]));
  const perEpisode = episodes.map((_, i) => {
    const before = discover(episodes.filter((__, j) => j !== i)).topics.slice(0, PRECISION_DEPTH);
    const lost = before.filter((t) => !after.has(identity(t))).map((t) => t.name);
    const same = before.filter((t) => after.get(identity(t)) === t.slug).length;
    return { added: i + 1, kept: (before.length - lost.length) / Math.max(1, before.length), sameSlug: same / Math.max(1, before.length), lost };
  });
  const mean = (xs: number[]) => Math.round((xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length)) * 1000) / 1000;
  return {
    kept: mean(perEpisode.map((p) => p.kept)),
    sameSlug: mean(perEpisode.map((p) => p.sameSlug)),
    perEpisode: perEpisode.map((p) => ({ ...p, kept: Math.round(p.kept * 1000) / 1000, sameSlug: Math.round(p.sameSlug * 1000) / 1000 })),
  };
}

function main(): void {
  const root = join(import.meta.dirname, '..');
  const { values } = parseArgs({
    options: {
      episodes: { type: 'string' },
      judged: { type: 'string' },
      out: { type: 'string' },
      verbose: { type: 'boolean', default: false },
      /** Only these sets (comma-separated: tune, heldOut, all), and no stability run: for tuning on the tuning seeds alone. */
      sets: { type: 'string' },
    },
  });
  const seeds = values.episodes ?? join(root, '..', 'shared', 'seeds');
  if (!existsSync(seeds)) {
    console.warn(`⚠ topics quality skipped: ${seeds} is absent (it is present in CI); nothing written`);
    return;
  }
  const judged = new Judged((JSON.parse(readFileSync(values.judged ?? join(root, 'tests', 'topics', 'judged-seeds.json'), 'utf8')) as JudgedFile).topics);
  const episodes = ingestFolder(seeds).episodes;
  // The split is by file order, fixed before tuning: the first three seeds tune, the last two are held out.
  const every: Record<string, Episode[]> = { tune: episodes.slice(0, 3), heldOut: episodes.slice(3), all: episodes };
  const only = values.sets?.split(',');
  const sets = Object.fromEntries(Object.entries(every).filter(([name]) => !only || only.includes(name)));
  const results: Record<string, { figures: Figures; detail: Detail }> = {};
  let full: Topic[] = [];
  for (const [name, set] of Object.entries(sets)) {
    const { topics, seconds } = discover(set);
    if (name === 'all') full = topics;
    results[name] = score(judged, topics, set, seconds);
  }
  if (only) {
    for (const [name, { figures, detail }] of Object.entries(results)) console.log(name, JSON.stringify(figures), values.verbose ? JSON.stringify(detail, null, 1) : '');
    return;
  }
  const stable = stability(judged, episodes, full);

  const rows = Object.entries(results).map(([name, { figures: f }]) => [
    name,
    String(f.episodes),
    String(f.topics),
    `${(f.recall * 100).toFixed(1)}% (${f.found}/${f.expected})`,
    `${(f.precisionAt30 * 100).toFixed(1)}%`,
    String(f.junk),
    String(f.unjudged),
    String(f.duplicates),
    `${(f.aliasMerge * 100).toFixed(1)}% (${f.aliasFormsMerged}/${f.aliasForms})`,
    String(f.wrongMerges),
  ]);
  const head = ['seeds', 'episodes', 'topics', 'recall@100', 'P@30', 'junk', 'unjudged', 'duplicates', 'aliases merged', 'wrong merges'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  for (const r of [head, ...rows]) console.log(r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  '));
  console.log(`stability (one episode added): ${(stable.kept * 100).toFixed(1)}% of the first 30 topics kept, ${(stable.sameSlug * 100).toFixed(1)}% with the same slug`);
  if (values.verbose) for (const [name, { detail }] of Object.entries(results)) console.log(`\n## ${name}\n${JSON.stringify(detail, null, 2)}`);

  const out = values.out ?? join(root, 'bench', 'topics-quality.json');
  const report = {
    about:
      'Topic quality on the five seed transcripts against the frozen judged list tests/topics/judged-seeds.json (scripts/topics-quality.ts; the rules are in the judged file). tune = the first three seeds in file order, heldOut = the last two, all = the five.',
    results,
    stability: stable,
  };
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`wrote ${out}`);
}

if (import.meta.main) main();
