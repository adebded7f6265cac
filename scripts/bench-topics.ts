/**
 * Topic index at scale: times `buildTopicIndex` over an episodes folder the
 * way the build pipeline feeds it, one episode at a time from an on-disk
 * cache of parsed episodes (each file read when the index asks for it and
 * dropped after), so the process's peak memory is the topic index's own.
 *
 *   node scripts/bench-topics.ts prepare --episodes DIR --cache DIR   parse once, write the cache
 *   node scripts/bench-topics.ts run --cache DIR [--json FILE]        build the index, print seconds
 *   node scripts/bench-topics.ts series --cache DIR... [--runs 3] [--out FILE]
 *
 * `series` runs `run` in a child process under /usr/bin/time -v for each
 * cache (say 250, 500 and 1,000 episodes), `--runs` times each, and writes
 * the median seconds and peak RSS to bench/topics-scale.json.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildTopicIndex } from '../src/knowledge/topics/build-topics.ts';
import { ingestFile, listTranscripts } from '../src/node/episode-folder.ts';
import { assignUniqueSlugs } from '../src/knowledge/slugs.ts';
import type { Episode } from '../src/transcript/schema.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    episodes: { type: 'string' },
    cache: { type: 'string', multiple: true },
    json: { type: 'string' },
    'no-worker': { type: 'boolean', default: false },
    runs: { type: 'string', default: '3' },
    out: { type: 'string' },
  },
});
const command = positionals[0];

/** Cached episodes, in order, read one at a time. */
function cachedEpisodes(dir: string): Iterable<Episode> {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  return {
    *[Symbol.iterator]() {
      for (const f of files) yield JSON.parse(readFileSync(join(dir, f), 'utf8')) as Episode;
    },
  };
}

if (command === 'prepare') {
  const dir = values.episodes;
  const cache = values.cache?.[0];
  if (!dir || !cache) throw new Error('prepare needs --episodes DIR --cache DIR');
  mkdirSync(cache, { recursive: true });
  const episodes: Episode[] = [];
  for (const entry of listTranscripts(dir)) {
    const { episode } = ingestFile(entry);
    if (episode) episodes.push(episode);
  }
  assignUniqueSlugs(episodes);
  episodes.forEach((e, i) => writeFileSync(join(cache, `${String(i).padStart(6, '0')}.json`), JSON.stringify(e)));
  console.log(`${episodes.length} episodes cached in ${cache}`);
} else if (command === 'run') {
  const cache = values.cache?.[0];
  if (!cache) throw new Error('run needs --cache DIR');
  const started = performance.now();
  const index = buildTopicIndex(cachedEpisodes(cache), [], { worker: !values['no-worker'] });
  const seconds = (performance.now() - started) / 1000;
  if (values.json) {
    const out = index.topics.map((t) => ({ slug: t.slug, name: t.name, aliases: t.aliases, source: t.source, episodes: t.episodes.filter((e) => e.mentions > 0).map((e) => ({ slug: e.slug, mentions: e.mentions })) }));
    writeFileSync(values.json, `${JSON.stringify(out, null, 2)}\n`);
  }
  console.log(JSON.stringify({ seconds: Math.round(seconds * 100) / 100, topics: index.topics.length }));
} else if (command === 'series') {
  const runs = Number(values.runs);
  const rows = [];
  for (const cache of values.cache ?? []) {
    const episodes = readdirSync(cache).filter((f) => f.endsWith('.json')).length;
    const samples: Array<{ seconds: number; wall: number; userSeconds: number; rssMB: number; loadBefore: number }> = [];
    for (let r = 0; r < runs; r++) {
      const args = ['-v', process.execPath, import.meta.filename, 'run', '--cache', cache, ...(values['no-worker'] ? ['--no-worker'] : [])];
      const load = readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
      const res = spawnSync('/usr/bin/time', args, { encoding: 'utf8', maxBuffer: 1 << 26 });
      if (res.status !== 0) throw new Error(`run failed: ${res.stderr}`);
      const { seconds } = JSON.parse(res.stdout.trim().split('\n').at(-1) ?? '{}') as { seconds: number };
      const rss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(res.stderr)?.[1] ?? 0) / 1024;
      const wallText = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)/.exec(res.stderr)?.[1] ?? '0';
      const wall = wallText.split(':').reduce((acc, part) => acc * 60 + Number(part), 0);
      const user = Number(/User time \(seconds\): ([\d.]+)/.exec(res.stderr)?.[1] ?? 0);
      samples.push({ seconds, wall, userSeconds: user, rssMB: Math.round(rss), loadBefore: Number(load) });
      console.log(`${episodes} episodes, run ${r + 1}: ${seconds} s index, ${wall} s process, ${user} s CPU (user), ${Math.round(rss)} MB peak RSS, load ${load} before`);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    rows.push({
      episodes,
      runs,
      worker: !values['no-worker'],
      seconds: median(samples.map((s) => s.seconds)),
      processSeconds: median(samples.map((s) => s.wall)),
      userSeconds: median(samples.map((s) => s.userSeconds)),
      peakRssMB: median(samples.map((s) => s.rssMB)),
      samples,
    });
  }
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // not a git checkout
  }
  const report = {
    about:
      'buildTopicIndex over episodes read one at a time from a cache of parsed episodes (scripts/bench-topics.ts), medians of the runs; peak RSS of the whole process (/usr/bin/time -v); load = the machine\'s 1-minute load average before each run (2 cores, shared).',
    commit,
    rows,
  };
  if (values.out) writeFileSync(values.out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(JSON.stringify(rows.map(({ samples: _, ...r }) => r)));
} else {
  console.error('usage: bench-topics.ts prepare|run|series (see the file comment)');
  process.exit(2);
}
