/**
 * The topic index on disk: read back exactly as written under its key, and
 * only under that key; a key that differs for other episodes, other topic
 * files or other options; a damaged or missing file is not used.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildTopicIndex } from '../../src/knowledge/topics/build-topics.ts';
import { parseTopicFile } from '../../src/knowledge/topics/topic-file.ts';
import { readTopicIndex, topicIndexKey, writeTopicIndex } from '../../src/corpus/topic-index-cache.ts';
import { episodeFromCues } from '../topics/make-episodes.ts';

const dir = mkdtempSync(join(tmpdir(), 'verbatim-topic-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const topic = parseTopicFile({ file: 'topics/grid.md', name: 'grid.md', text: '---\ntitle: Grid\n---\n' }).topic;
if (!topic) throw new Error('bad topic');
const one = episodeFromCues('one', [['Speaker 1', 'The grid, the grid and the Zorblax grid.'], 'Zorblax again, Zorblax.']);
const two = episodeFromCues('two', [['Speaker 1', 'Zorblax and the grid.'], 'More Zorblax, Zorblax, Zorblax.']);

describe('topic index cache', () => {
  const file = join(dir, 'topics');
  const key = topicIndexKey([one, two], [topic], {});

  it('gives back exactly the index it wrote', () => {
    const fresh = buildTopicIndex([one, two], [topic]);
    writeTopicIndex(file, key, fresh);
    const read = readTopicIndex(file, key);
    // Quotes and voices are read when a page asks for them, and equal what was written.
    expect(read?.topics.map((t) => ({ ...t, quoted: t.quoted, voices: t.voices }))).toEqual(fresh.topics);
    expect([...(read?.byEpisode ?? [])]).toEqual([...fresh.byEpisode]);
    expect([...(read?.bySlug.keys() ?? [])]).toEqual([...fresh.bySlug.keys()]);
    expect(read?.diagnostics).toEqual(fresh.diagnostics);
  });

  it('serves a stored index only under its key, and the key follows every input', () => {
    writeTopicIndex(file, key, buildTopicIndex([one, two], [topic]));
    expect(readTopicIndex(file, key)).toBeDefined();
    const others = [
      topicIndexKey([one], [topic], {}),
      topicIndexKey([two, one], [topic], {}),
      topicIndexKey([one, two], [], {}),
      topicIndexKey([one, two], [topic], { discover: false }),
      topicIndexKey([{ ...one, source: { ...one.source, digest: 'f'.repeat(64) } }, two], [topic], {}),
    ];
    expect(new Set([key, ...others]).size).toBe(others.length + 1);
    for (const other of others) expect(readTopicIndex(file, other)).toBeUndefined();
  });

  it('does not use a damaged, invalid or missing index, and says which part is lost', () => {
    writeTopicIndex(file, key, buildTopicIndex([one, two], [topic]));
    const index = join(file, 'index.json');
    const stored = readFileSync(index, 'utf8');
    writeFileSync(index, '{"key": 1, "topics": [');
    expect(readTopicIndex(file, key)).toBeUndefined();
    const invalid = JSON.parse(stored);
    invalid.topics[0].score = 'high';
    writeFileSync(index, JSON.stringify(invalid));
    expect(readTopicIndex(file, key)).toBeUndefined();
    expect(readTopicIndex(join(dir, 'missing'), key)).toBeUndefined();
    writeFileSync(index, stored);
    rmSync(join(file, 'topics', '0.json'));
    expect(() => readTopicIndex(file, key)?.topics[0]?.quoted).toThrow(/topics\/0\.json/);
  });
});
