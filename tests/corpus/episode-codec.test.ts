/**
 * The cache's binary episode form gives back the episode the ingest made:
 * the same JSON, key order included (downloads print episodes as JSON), for
 * every fixture, the sample content, a generated archive and the seeds,
 * and for episodes with unusual paragraph ids and texts. Anything that is
 * not a cached episode is refused, never misread.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeEpisode, encodeEpisode } from '../../src/corpus/episode-codec.ts';
import { ingestFolder } from '../../src/node/episode-folder.ts';
import type { Episode } from '../../src/transcript/schema.ts';
import { episodeFiles } from '../../scripts/archive/generate-archive.ts';
import { planArchive } from '../../scripts/archive/plan.ts';
import { parseTranscript } from '../../src/transcript/parse-transcript.ts';

const root = join(import.meta.dirname, '..', '..');
const seeds = join(root, '..', 'shared', 'seeds');

function roundTrip(episode: Episode): void {
  const decoded = decodeEpisode(encodeEpisode(episode));
  expect(JSON.stringify(decoded)).toBe(JSON.stringify(episode));
}

describe('episode codec', () => {
  it('round-trips every fixture and the sample content', () => {
    const episodes = [...ingestFolder(join(root, 'tests', 'fixtures')).episodes, ...ingestFolder(join(root, 'content', 'episodes')).episodes];
    expect(episodes.length).toBeGreaterThan(100);
    for (const e of episodes) roundTrip(e);
  });

  it('round-trips generated episodes of every format', () => {
    const plan = planArchive(60, 3);
    const formats = new Set<string>();
    for (const episode of plan.episodes) {
      const files = episodeFiles(plan, episode);
      const input = { file: episode.path, relativePath: episode.path, bytes: Buffer.from(files.transcript) };
      const result = parseTranscript(files.sidecar ? { ...input, sidecar: { file: 'x.yml', bytes: Buffer.from(files.sidecar) } } : input);
      if (!result.episode) continue;
      formats.add(result.episode.source.format);
      roundTrip(result.episode);
    }
    expect(formats.size).toBe(5);
  });

  it.skipIf(!existsSync(seeds))('round-trips the seeds', () => {
    for (const e of ingestFolder(seeds).episodes) roundTrip(e);
  });

  it('keeps paragraph ids and texts the ingest would not make', () => {
    const [episode] = ingestFolder(join(root, 'content', 'episodes')).episodes;
    if (!episode) throw new Error('no sample episode');
    const odd = structuredClone(episode);
    odd.paragraphs[0] = { ...(odd.paragraphs[0] as Episode['paragraphs'][number]), id: 'p007', text: 'A text that is nowhere in the segments.' };
    roundTrip(odd);
  });

  it('refuses bytes that are not a cached episode', () => {
    expect(() => decodeEpisode(new Uint8Array([1, 2, 3]))).toThrow();
    expect(() => decodeEpisode(Buffer.from('VBE1xxxx'))).toThrow();
  });
});
