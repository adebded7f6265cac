/**
 * Child process entry for one search shard: `node shard-process.ts JOB.json`.
 * The job names the corpus snapshot and the shard (see index-shard.ts); the
 * report is written to `JOB.json.result`. The process exists so that each
 * shard's Pagefind memory is returned to the system when it ends.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { openSnapshot } from '../corpus/snapshot.ts';
import { indexShard } from './index-shard.ts';
import type { ShardJob } from './index-shard.ts';

const jobFile = process.argv[2];
if (!jobFile) {
  process.stderr.write('usage: shard-process.ts JOB.json\n');
  process.exit(2);
}
const job = JSON.parse(readFileSync(jobFile, 'utf8')) as ShardJob & { snapshot: string };
const report = await indexShard(openSnapshot(job.snapshot), job);
writeFileSync(`${jobFile}.result`, JSON.stringify(report));
