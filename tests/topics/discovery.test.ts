/**
 * Discovery fixtures: each `fixtures/discovery/<case>/` holds an
 * `episodes/` folder (and optionally `topics/`), and `expected.json`, the
 * topic list it must produce. Regenerate after an intended change with
 * `UPDATE_FIXTURES=1 npx vitest run tests/topics/discovery.test.ts` and
 * read the diff. Independently of the expectations, filler, caption
 * markup, numbers, boilerplate, profanity and the speakers' own names must
 * never become topics.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildTopicIndex } from '../../src/knowledge/topics/build-topics.ts';
import { ingestFolder } from '../../src/node/episode-folder.ts';
import { readTopicFolder } from '../../src/node/topic-folder.ts';

const root = 'tests/topics/fixtures/discovery';
const update = process.env.UPDATE_FIXTURES === '1';

/** Words that must appear in no discovered topic's name or aliases. */
const never = /\b(um|uh|like|you know|kind of|music|laughter|__|subscribe|newsletter|podcast|review|listening|twenty|hundred|billion|percent|dollars?|fuck\w*|shit|dana|whitf\w*|omar|castellan\w*|priya|ram[ae]n|wire talk)\b/i;

for (const kase of readdirSync(root).sort()) {
  const dir = join(root, kase);
  describe(`discovery: ${kase}`, () => {
    const { episodes, diagnostics } = ingestFolder(join(dir, 'episodes'));
    const curated = readTopicFolder(join(dir, 'topics'));
    const index = buildTopicIndex(episodes, curated.topics);
    const actual = index.topics.map((t) => ({
      name: t.name,
      source: t.source,
      aliases: t.aliases,
      episodes: t.episodes.filter((e) => e.mentions > 0).map((e) => `${e.slug} ${e.mentions}`),
    }));

    it('ingests cleanly', () => {
      expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(curated.diagnostics).toEqual([]);
    });

    it('finds the expected topics', () => {
      const path = join(dir, 'expected.json');
      if (update || !existsSync(path)) {
        writeFileSync(path, `${JSON.stringify(actual, null, 2)}\n`);
        if (!update) throw new Error(`wrote missing expectations for ${dir}; review them and run again`);
      }
      expect(actual).toEqual(JSON.parse(readFileSync(path, 'utf8')));
    });

    it('never makes a topic of filler, markup, numbers, boilerplate, profanity or the speakers', () => {
      const bad = actual.filter((t) => t.source === 'discovered').flatMap((t) => [t.name, ...t.aliases]).filter((s) => never.test(s));
      expect(bad).toEqual([]);
    });
  });
}
