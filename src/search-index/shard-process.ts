/**
 * Child process entry for one shard: `node shard-process.ts JOB.json`. The
 * job (index-shard.ts) names every file it needs, the episodes' cached forms
 * included, so this process reads nothing else; its report is written to
 * `JOB.json.result`. The process exists so that each shard's Pagefind memory
 * is returned to the system when it ends.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { decodeEpisode } from '../corpus/episode-codec.ts';
import { indexShard } from './index-shard.ts';
import type { ShardJob } from './index-shard.ts';

const jobFile = process.argv[2];
if (!jobFile) {
  process.stderr.write('usage: shard-process.ts JOB.json\n');
  process.exit(2);
}
const job = JSON.parse(readFileSync(jobFile, 'utf8')) as ShardJob & { blobs: Record<string, string> };
const report = await indexShard(job, (slug) => {
  const blob = job.blobs[slug];
  if (!blob) throw new Error(`no cached episode for "${slug}" in the job`);
  const episode = decodeEpisode(readFileSync(blob));
  episode.slug = slug;
  return episode;
});
writeFileSync(`${jobFile}.result`, JSON.stringify(report));
