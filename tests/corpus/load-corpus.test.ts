/**
 * The corpus load: one read of the episodes folder and the topic files that
 * everything else uses. Unchanged transcripts come from the cache (and give
 * the same episodes, summaries, diagnostics and topics as a fresh read);
 * an edited one is parsed again and nothing else is; a damaged cache costs a
 * full read, never a wrong answer. The snapshot a build hands to its other
 * processes opens to the same corpus.
 */
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load-corpus.ts';
import type { Corpus } from '../../src/corpus/load-corpus.ts';
import { openSnapshot, writeSnapshot } from '../../src/corpus/snapshot.ts';
import { summarizeEpisode } from '../../src/corpus/summary.ts';
import { ingestFolder } from '../../src/node/episode-folder.ts';

const root = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'verbatim-corpus-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A copy of the sample content to edit. */
function sampleCopy(name: string): { episodes: string; topics: string } {
  const dir = join(work, name);
  cpSync(join(root, 'content'), dir, { recursive: true });
  return { episodes: join(dir, 'episodes'), topics: join(dir, 'topics') };
}

/** What a corpus says, with the transcripts read back in full. */
function contents(corpus: Corpus) {
  return {
    summaries: corpus.summaries,
    episodes: corpus.summaries.map((s) => corpus.episode(s.slug)),
    topics: corpus.topics.topics,
    byEpisode: [...corpus.topics.byEpisode],
    diagnostics: corpus.diagnostics,
  };
}

const blobCount = (cacheDir: string) => readdirSync(join(cacheDir, 'episodes'), { recursive: true }).filter((f) => String(f).endsWith('.vbe')).length;

describe('loadCorpus', () => {
  const content = sampleCopy('sample');
  const cacheDir = join(work, 'cache');

  it('reads what the ingest reads: the same episodes, slugs and diagnostics', () => {
    const corpus = loadCorpus({ ...content, cacheDir });
    const folder = ingestFolder(content.episodes);
    expect(corpus.summaries.map((s) => s.slug)).toEqual(folder.episodes.map((e) => e.slug));
    expect(corpus.summaries.map((s) => corpus.episode(s.slug))).toEqual(folder.episodes);
    expect(corpus.summaries).toEqual(folder.episodes.map(summarizeEpisode));
    expect(corpus.parsed).toBe(6);
    expect(corpus.reused).toBe(0);
    expect(corpus.topics.topics.length).toBeGreaterThan(5);
  });

  it('reuses unchanged files and gives the same corpus as a fresh read', () => {
    const again = loadCorpus({ ...content, cacheDir });
    expect(again.parsed).toBe(0);
    expect(again.reused).toBe(6);
    expect(contents(again)).toEqual(contents(loadCorpus({ ...content, cacheDir: null })));
  });

  it('parses only an edited transcript, and drops its old cached form', () => {
    const file = join(content.episodes, 'signal-and-noise', '02-the-price-of-a-kilowatt.txt');
    const before = blobCount(cacheDir);
    appendFileSync(file, '\n');
    const edited = loadCorpus({ ...content, cacheDir });
    expect(edited.parsed).toBe(1);
    expect(edited.reused).toBe(5);
    expect(blobCount(cacheDir)).toBe(before);
    expect(contents(edited)).toEqual(contents(loadCorpus({ ...content, cacheDir: null })));
  });

  it('rebuilds the topic index from the cached parts of unchanged episodes, and keeps only the parts in use', () => {
    const edit = sampleCopy('parts');
    const partsCache = join(work, 'parts-cache');
    const partFiles = () => readdirSync(join(partsCache, 'topic-parts')).filter((f) => f.endsWith('.vtp')).sort();
    const first = loadCorpus({ ...edit, cacheDir: partsCache });
    expect(first.topics.reused).toEqual({ read: 0, count: 0, mentions: 0 });
    const before = partFiles();
    // Three passes' parts for each of the six episodes, and the first pass's counts over them all.
    expect(before).toHaveLength(3 * 6 + 1);
    appendFileSync(join(edit.episodes, 'signal-and-noise', '02-the-price-of-a-kilowatt.txt'), '\n');
    const edited = loadCorpus({ ...edit, cacheDir: partsCache });
    expect(edited.topics.reused?.read).toBe(5);
    expect(contents(edited)).toEqual(contents(loadCorpus({ ...edit, cacheDir: null })));
    const after = partFiles();
    expect(after).toHaveLength(3 * 6 + 1);
    expect(after.filter((f) => !before.includes(f)).length).toBeGreaterThan(0);
  });

  it('re-reads a sidecar edit and a renamed file', () => {
    const sidecar = join(content.episodes, 'signal-and-noise', '01-heat-pumps-and-the-grid.yml');
    appendFileSync(sidecar, 'slug: heat-pumps\n');
    const corpus = loadCorpus({ ...content, cacheDir });
    expect(corpus.parsed).toBe(1);
    expect(corpus.summaries.some((s) => s.slug === 'heat-pumps')).toBe(true);
    expect(corpus.episode('heat-pumps').title).toBe('Heat Pumps and the Grid');
  });

  it('survives a damaged cache: every file is read again, with the same result', () => {
    const index = join(cacheDir, 'corpora');
    for (const name of readdirSync(index)) writeFileSync(join(index, name), '{"version":1,"files":');
    const corpus = loadCorpus({ ...content, cacheDir });
    expect(corpus.parsed).toBe(6);
    expect(contents(corpus)).toEqual(contents(loadCorpus({ ...content, cacheDir: null })));
  });

  it('reports two files that are one episode, and keeps the first', () => {
    const dup = sampleCopy('duplicate');
    const source = join(dup.episodes, 'signal-and-noise', '03-rails-across-the-alps.txt');
    cpSync(source, source.replace(/\.txt$/, '.srt'));
    const corpus = loadCorpus({ ...dup, cacheDir });
    const problem = corpus.diagnostics.find((d) => d.code === 'episode-duplicate-id');
    expect(problem?.severity).toBe('error');
    expect(problem?.file).toMatch(/03-rails-across-the-alps\.txt$/);
    expect(problem?.message).toMatch(/03-rails-across-the-alps\.srt/);
    expect(corpus.summaries.filter((s) => s.id === 'signal-and-noise/03-rails-across-the-alps')).toHaveLength(1);
  });

  it('opens its snapshot as the same corpus', () => {
    const corpus = loadCorpus({ ...content, cacheDir });
    const file = join(work, 'snapshot.json');
    writeSnapshot(corpus, file);
    expect(statSync(file).size).toBeGreaterThan(0);
    const opened = openSnapshot(file);
    expect(contents(opened)).toEqual(contents(corpus));
    expect(opened.curatedTopics).toEqual(corpus.curatedTopics);
  });

  it('reads no topic files when given none', () => {
    const corpus = loadCorpus({ episodes: content.episodes, cacheDir });
    expect(corpus.curatedTopics).toEqual([]);
    expect(corpus.topics.topics.every((t) => t.source === 'discovered')).toBe(true);
  });
});
