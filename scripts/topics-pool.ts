/**
 * The pool that the judged topic list (tests/topics/judged-seeds.json) was
 * labelled from: the top 60 of several ways of finding topics in the seed
 * transcripts, merged by their words run together, so the judge sees what
 * any of them would put forward and no single method decides what can be
 * judged. Variants:
 *
 * - `discovery`: the project's discovery as it stood, over all seeds;
 * - `discovery-alone`: the same over each seed alone, top 12 of each;
 * - `tfidf`: a plain TF-IDF baseline (n-grams of one to three words, no
 *   stop word at either end, term frequency × smoothed idf over episodes,
 *   the episodes' lists interleaved);
 * - `keyness`: single words by log-likelihood against spoken English
 *   (SUBTLEX-US);
 * - `collocations`: two- and three-word n-grams by log-likelihood of their
 *   words occurring together (Dunning), said at least twice;
 * - `names`: runs of capitalised words not at a sentence start (names, as
 *   a plain entity baseline), by count;
 * - `headlines`: phrases of the episodes' titles, tags and topics said at
 *   least twice in that episode;
 * - `issue`: the topics named in issue 15.
 *
 *   node scripts/topics-pool.ts [--episodes DIR] [--out FILE]
 *
 * Prints the pool (words, counts per episode, spellings, which variants
 * ranked it where) as JSON. It holds names and counts only, no transcript text.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import winkNLP from 'wink-nlp';
import type { ItemToken } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { buildTopicIndex } from '../src/knowledge/topics/build-topics.ts';
import { backgroundZipf } from '../src/knowledge/topics/discover/background.ts';
import { excludedWord } from '../src/knowledge/topics/discover/stop-words.ts';
import { tokenize, wordKey } from '../src/knowledge/topics/words.ts';
import { ingestFolder } from '../src/node/episode-folder.ts';
import type { Episode } from '../src/transcript/schema.ts';

const DEPTH = 60;
const { values } = parseArgs({ options: { episodes: { type: 'string' }, out: { type: 'string' } } });
const seeds = values.episodes ?? join(import.meta.dirname, '..', '..', 'shared', 'seeds');
if (!existsSync(seeds)) {
  console.warn(`topics pool skipped: ${seeds} is absent`);
  process.exit(0);
}
const episodes = ingestFolder(seeds).episodes;

interface Entry {
  key: string;
  spellings: Map<string, number>;
  ranks: Record<string, number>;
}
const pool = new Map<string, Entry>();
const joinedOf = (phrase: string) => tokenize(phrase).tokens.map((t) => t.key).join('');
function put(variant: string, rank: number, phrase: string): void {
  const key = joinedOf(phrase);
  if (key === '') return;
  let entry = pool.get(key);
  if (!entry) pool.set(key, (entry = { key, spellings: new Map(), ranks: {} }));
  entry.spellings.set(phrase, (entry.spellings.get(phrase) ?? 0) + 1);
  if (entry.ranks[variant] === undefined) entry.ranks[variant] = rank;
}

// discovery, over all seeds and over each alone
const discovered = (list: readonly Episode[]) => buildTopicIndex(list, []).topics.filter((t) => t.source === 'discovered');
discovered(episodes).slice(0, DEPTH).forEach((t, i) => put('discovery', i + 1, t.name));
for (const e of episodes) discovered([e]).slice(0, DEPTH / episodes.length).forEach((t, i) => put('discovery-alone', i + 1, t.name));

// Words of every speech paragraph, with wink's stop-word flag, grouped into runs without punctuation.
const nlp = winkNLP(model, []);
interface Word {
  key: string;
  surface: string;
  stop: boolean;
}
const runsByEpisode: Word[][][] = episodes.map((e) => {
  const runs: Word[][] = [];
  for (const p of e.paragraphs) {
    if (p.kind !== 'speech') continue;
    let run: Word[] = [];
    nlp.readDoc(p.text).tokens().each((t: ItemToken) => {
      const type = t.out(nlp.its.type);
      const value = t.out(nlp.its.value);
      const key = type === 'word' ? wordKey(value) : '';
      if (key === '' || excludedWord(key) === 'number') {
        if (run.length > 0) runs.push(run);
        run = [];
        return;
      }
      run.push({ key, surface: value, stop: Boolean(t.out(nlp.its.stopWordFlag)) || excludedWord(key) !== undefined });
    });
    if (run.length > 0) runs.push(run);
  }
  return runs;
});

/** n-grams of 1–3 words without a stop word at either end, counted per episode, with their most common spelling. */
const grams: Array<Map<string, number>> = [];
const spelling = new Map<string, Map<string, number>>();
const unigrams = new Map<string, number>();
let words = 0;
for (const runs of runsByEpisode) {
  const counts = new Map<string, number>();
  for (const run of runs) {
    for (let i = 0; i < run.length; i++) {
      words++;
      unigrams.set((run[i] as Word).key, (unigrams.get((run[i] as Word).key) ?? 0) + 1);
      for (let n = 1; n <= 3 && i + n <= run.length; n++) {
        const ws = run.slice(i, i + n);
        if ((ws[0] as Word).stop || (ws.at(-1) as Word).stop) continue;
        const id = ws.map((w) => w.key).join(' ');
        counts.set(id, (counts.get(id) ?? 0) + 1);
        let s = spelling.get(id);
        if (!s) spelling.set(id, (s = new Map()));
        const surface = ws.map((w) => w.surface).join(' ');
        s.set(surface, (s.get(surface) ?? 0) + 1);
      }
    }
  }
  grams.push(counts);
}
const spelled = (id: string) => [...(spelling.get(id) ?? new Map<string, number>())].sort((a, b) => b[1] - a[1])[0]?.[0] ?? id;
const total = (id: string) => grams.reduce((n, g) => n + (g.get(id) ?? 0), 0);

// tfidf: per episode, tf × (ln((1 + N) / (1 + df)) + 1), interleaved.
const N = episodes.length;
const perEpisode = grams.map((counts) => {
  const scored = [...counts].map(([id, tf]) => {
    const df = grams.filter((g) => g.has(id)).length;
    return { id, score: tf * (Math.log((1 + N) / (1 + df)) + 1) };
  });
  return scored.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1)).map((s) => s.id);
});
const tfidf: string[] = [];
for (let i = 0; tfidf.length < DEPTH && i < 10_000; i++) {
  const list = perEpisode[i % N] as string[];
  const next = list.find((id) => !tfidf.includes(id));
  if (next) tfidf.push(next);
}
tfidf.forEach((id, i) => put('tfidf', i + 1, spelled(id)));

/** Dunning's log-likelihood for a 2×2 table. */
function g2(k11: number, k12: number, k21: number, k22: number): number {
  const h = (...ks: number[]) => {
    const sum = ks.reduce((a, b) => a + b, 0);
    return ks.reduce((acc, k) => acc + (k > 0 ? k * Math.log(k / sum) : 0), 0);
  };
  return 2 * (h(k11, k12, k21, k22) - h(k11 + k12, k21 + k22) - h(k11 + k21, k12 + k22));
}

// keyness: single non-stop words against SUBTLEX-US (51 M words), over-used only.
const BACKGROUND = 51e6;
const keyness = [...grams.reduce((m, g) => {
  for (const [id, n] of g) if (!id.includes(' ')) m.set(id, (m.get(id) ?? 0) + n);
  return m;
}, new Map<string, number>())]
  .map(([id, a]) => {
    const b = Math.max(0, 10 ** backgroundZipf(id) / 1e9 * BACKGROUND - 1);
    const over = a / words > b / BACKGROUND;
    return { id, score: over ? g2(a, b, words - a, BACKGROUND - b) : 0 };
  })
  .sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : 1));
keyness.slice(0, DEPTH).forEach((s, i) => put('keyness', i + 1, spelled(s.id)));

// collocations: 2–3-word n-grams said twice or more, by G² of the first word(s) against the last.
const collocations = [...spelling.keys()]
  .filter((id) => id.includes(' ') && total(id) >= 2)
  .map((id) => {
    const keys = id.split(' ');
    const head = keys.slice(0, -1);
    const tail = keys.at(-1) as string;
    const k11 = total(id);
    const a = head.length === 1 ? (unigrams.get(head[0] as string) ?? 0) : total(head.join(' ')) || k11;
    const b = unigrams.get(tail) ?? 0;
    return { id, score: g2(k11, Math.max(0, a - k11), Math.max(0, b - k11), Math.max(0, words - a - b + k11)) };
  })
  .sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : 1));
collocations.slice(0, DEPTH).forEach((s, i) => put('collocations', i + 1, spelled(s.id)));

// names: runs of capitalised words (not "I", not at a sentence start, no stop word at either end), by count.
const names = new Map<string, number>();
const nameSpelling = new Map<string, string>();
for (const e of episodes) {
  for (const p of e.paragraphs) {
    if (p.kind !== 'speech') continue;
    const { tokens, breaks } = tokenize(p.text);
    let run: typeof tokens = [];
    const flush = () => {
      while (run.length > 0 && excludedWord((run[0] as (typeof run)[number]).key) !== undefined) run.shift();
      if (run.length > 0) {
        const id = run.map((t) => t.key).join(' ');
        names.set(id, (names.get(id) ?? 0) + 1);
        if (!nameSpelling.has(id)) nameSpelling.set(id, p.text.slice((run[0] as (typeof run)[number]).start, (run.at(-1) as (typeof run)[number]).end));
      }
      run = [];
    };
    tokens.forEach((t, i) => {
      const before = i === 0 ? '' : p.text.slice((tokens[i - 1] as (typeof tokens)[number]).end, t.start);
      const sentenceStart = i === 0 || /[.!?]/.test(before);
      if (breaks.has(i)) flush();
      if (t.capitalized && !sentenceStart && t.key !== 'i' && !t.key.startsWith("i'")) run.push(t);
      else flush();
    });
    flush();
  }
}
[...names]
  .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
  .slice(0, DEPTH)
  .forEach(([id], i) => put('names', i + 1, nameSpelling.get(id) ?? id));

// headlines: runs of up to four words of titles, tags and topics, no stop word at either end, said twice in that episode.
let h = 0;
episodes.forEach((e, i) => {
  for (const text of [e.title, ...e.tags, ...e.topics]) {
    const { tokens } = tokenize(text);
    for (let a = 0; a < tokens.length; a++) {
      for (let n = 1; n <= 4 && a + n <= tokens.length; n++) {
        const ws = tokens.slice(a, a + n);
        const id = ws.map((w) => w.key).join(' ');
        const stop = (k: string) => (nlp.readDoc(k).tokens().itemAt(0)?.out(nlp.its.stopWordFlag) ?? false) || excludedWord(k) !== undefined;
        if (stop((ws[0] as (typeof ws)[number]).key) || stop((ws.at(-1) as (typeof ws)[number]).key)) continue;
        if ((grams[i]?.get(id) ?? 0) >= 2) put('headlines', ++h, text.slice((ws[0] as (typeof ws)[number]).start, (ws.at(-1) as (typeof ws)[number]).end));
      }
    }
  }
});

// issue: the topics issue 15 names (good and weak alike).
['capex bubble', 'power grid', 'CoreWeave', 'Sam Altman', 'Jevons paradox', 'Claude Code', 'Llama', 'Software', 'Industry', 'CEO', 'Optimizations', 'Build outs'].forEach((name, i) =>
  put('issue', i + 1, name),
);

const out = [...pool.values()]
  .map((e) => {
    const perSeed = Object.fromEntries(
      episodes.map((ep, i) => [ep.source.file.split('/').pop()?.replace(/\.[^.]+$/, '') ?? ep.slug, [...(grams[i] ?? new Map<string, number>())].filter(([id]) => id.replace(/ /g, '') === e.key).reduce((n, [, k]) => n + k, 0)]),
    );
    return { key: e.key, spellings: [...e.spellings.keys()], ranks: e.ranks, perSeed };
  })
  .sort((a, b) => Math.min(...Object.values(a.ranks)) - Math.min(...Object.values(b.ranks)) || (a.key < b.key ? -1 : 1));
const text = `${JSON.stringify({ depth: DEPTH, variants: ['discovery', 'discovery-alone', 'tfidf', 'keyness', 'collocations', 'names', 'headlines', 'issue'], size: out.length, pool: out }, null, 1)}\n`;
if (values.out) writeFileSync(values.out, text);
else process.stdout.write(text);
console.warn(`pool: ${out.length} entries from ${episodes.length} episodes`);
