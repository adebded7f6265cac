/**
 * The per-build topic index file: read back when the inputs match, rebuilt
 * when an episode, a topic file or the options change, or the file is
 * damaged. Equality with a fresh build is the point: the pages must see
 * exactly the index the CLI reported on.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildTopicIndex } from '../../src/knowledge/topics/build-topics.ts';
import { parseTopicFile } from '../../src/knowledge/topics/topic-file.ts';
import { cachedTopicIndex } from '../../src/node/topic-cache.ts';
import { episodeFromCues } from '../topics/make-episodes.ts';

const dir = mkdtempSync(join(tmpdir(), 'verbatim-topic-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const topic = parseTopicFile({ file: 'topics/grid.md', name: 'grid.md', text: '---\ntitle: Grid\n---\n' }).topic;
if (!topic) throw new Error('bad topic');
const one = episodeFromCues('one', [['Speaker 1', 'The grid, the grid and the Zorblax grid.'], 'Zorblax again, Zorblax.']);
const two = episodeFromCues('two', [['Speaker 1', 'Zorblax and the grid.'], 'More Zorblax, Zorblax, Zorblax.']);

describe('topic index cache', () => {
  const file = join(dir, 'topics.json');

  it('gives back exactly the index it wrote, without building again', () => {
    const fresh = buildTopicIndex([one, two], [topic]);
    const written = cachedTopicIndex(file, { write: true })([one, two], [topic]);
    expect(written.topics).toEqual(fresh.topics);
    const read = cachedTopicIndex(file)([one, two], [topic]);
    expect(read.topics).toEqual(fresh.topics);
    expect([...read.byEpisode]).toEqual([...fresh.byEpisode]);
    expect([...read.bySlug.keys()]).toEqual([...fresh.bySlug.keys()]);
  });

  it('serves a stored index only for the same inputs', () => {
    cachedTopicIndex(file, { write: true })([one, two], [topic]);
    // A recognisable index under the real key is returned as is: the file is what is read...
    const stored = JSON.parse(readFileSync(file, 'utf8'));
    stored.topics = stored.topics.map((t: { name: string }) => ({ ...t, name: `${t.name} (from file)` }));
    writeFileSync(file, JSON.stringify(stored));
    expect(cachedTopicIndex(file)([one, two], [topic]).topics.every((t) => t.name.endsWith('(from file)'))).toBe(true);
    // ...but not for another episode set, other topic files or other options.
    expect(cachedTopicIndex(file)([one], [topic]).topics.some((t) => t.name.endsWith('(from file)'))).toBe(false);
    expect(cachedTopicIndex(file)([one, two], []).topics.some((t) => t.name.endsWith('(from file)'))).toBe(false);
    expect(cachedTopicIndex(file)([one, two], [topic], { discover: false }).topics.some((t) => t.name.endsWith('(from file)'))).toBe(false);
  });

  it('builds afresh from a damaged or missing file', () => {
    writeFileSync(file, '{"key": 1, "topics": [');
    expect(cachedTopicIndex(file)([one, two], [topic]).topics).toEqual(buildTopicIndex([one, two], [topic]).topics);
    expect(cachedTopicIndex(join(dir, 'missing.json'))([one, two], [topic]).topics).toEqual(buildTopicIndex([one, two], [topic]).topics);
  });
});
