/**
 * `verbatim new topic`: aliases are the name's other spellings in the
 * transcripts (near spellings, sound-alikes, the letters split otherwise),
 * never other words; each comes with its count; the file written parses as
 * a topic without a diagnostic; nothing is overwritten or claimed twice.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { draftTopic, topicDraftText, topicText } from '../../src/knowledge/topics/new-topic.ts';
import { parseTopicFile } from '../../src/knowledge/topics/topic-file.ts';
import { writeNewTopic } from '../../src/node/new-topic.ts';
import { readTopicFolder } from '../../src/node/topic-folder.ts';
import { episodeFromCues } from './make-episodes.ts';

const episodes = [
  episodeFromCues('one', [
    ['Speaker 1', 'The Gotthard Base Tunnel opened in 2016.'],
    'We took the train through the Gotthard Base Tunnel twice.',
    'Some say the Gottard base tunnel, but it has two Ts.',
    'A heat pump is not a funnel.',
    'The heatpump in the cellar, a heat pomp as the captions had it.',
  ]),
  episodeFromCues('two', [
    ['Speaker 1', 'Back to the Gotthard Base Tunnel.'],
    'The Gottard base tunnel again, and the Gothard Base Tunnel.',
    'Pour it through a funnel, a big funnel into the tunnel.',
    'Every heat pump needs power; heat pumps everywhere.',
  ]),
];
const corpus = topicText(episodes);

describe('draftTopic', () => {
  it('suggests near spellings and sound-alikes of the name\'s words, with their counts, most frequent first', () => {
    const draft = draftTopic('Gotthard Base Tunnel', corpus);
    expect(draft.name).toEqual({ spelling: 'Gotthard Base Tunnel', mentions: 3, episodes: 2 });
    expect(draft.aliases).toEqual([
      { spelling: 'Gottard base tunnel', mentions: 2, episodes: 2 },
      { spelling: 'Gothard Base Tunnel', mentions: 1, episodes: 1 },
    ]);
    expect(draft.episodes).toBe(2);
  });

  it('finds the letters split otherwise, and a common word only where it sounds like the name\'s beside the name\'s other words', () => {
    const draft = draftTopic('Heat pump', corpus);
    expect(draft.name).toMatchObject({ mentions: 3 });
    expect(draft.aliases.map((a) => [a.spelling, a.mentions])).toEqual([
      ['heat pomp', 1],
      ['heatpump', 1],
    ]);
    // "funnel" is one letter from "tunnel", but an everyday word that does not sound like it.
    expect(draftTopic('Tunnel', corpus).aliases).toEqual([]);
  });

  it('does not suggest spellings another topic already has', () => {
    const claimed = (keys: readonly string[]) => keys.join(' ') === 'gottard base tunnel';
    expect(draftTopic('Gotthard Base Tunnel', corpus, claimed).aliases.map((a) => a.spelling)).toEqual(['Gothard Base Tunnel']);
  });

  it('writes a topic file that parses without a diagnostic, with the counts and a description placeholder as comments', () => {
    const text = topicDraftText(draftTopic('Gotthard Base Tunnel', corpus));
    expect(text).toBe(
      [
        '---',
        'title: Gotthard Base Tunnel',
        'aliases:',
        '  - Gottard base tunnel # 2 mentions in 2 episodes',
        '  - Gothard Base Tunnel # 1 mention in 1 episode',
        '',
        '# "Gotthard Base Tunnel" itself: 3 mentions in 2 episodes of 2.',
        '# The aliases are other spellings of the name found in the transcripts (near spellings and sound-alikes): remove any that are not this topic.',
        '# Say what the topic is in one sentence, for topic lists and the page description, and remove the #:',
        '# description: What the topic is, in one sentence.',
        '# Below the closing line, write about the topic in Markdown (optional).',
        '---',
        '',
      ].join('\n'),
    );
    const parsed = parseTopicFile({ file: 'gotthard-base-tunnel.md', name: 'gotthard-base-tunnel.md', text });
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.topic).toMatchObject({ name: 'Gotthard Base Tunnel', aliases: ['Gottard base tunnel', 'Gothard Base Tunnel'] });
    // Uncommenting the placeholder gives a valid description.
    const described = parseTopicFile({ file: 'x.md', name: 'x.md', text: text.replace('# description:', 'description:') });
    expect(described.diagnostics).toEqual([]);
    expect(described.topic?.description).toBe('What the topic is, in one sentence.');
  });

  it('quotes names YAML would misread, and still parses', () => {
    const text = topicDraftText(draftTopic('2016: a year', corpus));
    const parsed = parseTopicFile({ file: 'x.md', name: 'x.md', text });
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.topic?.name).toBe('2016: a year');
  });
});

describe('writeNewTopic', () => {
  const dir = mkdtempSync(join(tmpdir(), 'verbatim-new-topic-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const episodesDir = join(dir, 'episodes');
  mkdirSync(episodesDir);
  writeFileSync(join(episodesDir, 'one.srt'), '1\n00:02:00,000 --> 00:02:03,000\nThe Copenhagan harbour baths, in Copenhagen.\n');
  const topicsDir = join(dir, 'topics');

  it('writes <topics>/<slug>.md, which the topic folder reads without a diagnostic', () => {
    const r = writeNewTopic({ name: '  Copenhagen  ', topicsDir, episodesDir, cwd: dir });
    expect(r.diagnostics).toEqual([]);
    expect(r.file).toBe('topics/copenhagen.md');
    expect(readFileSync(join(topicsDir, 'copenhagen.md'), 'utf8')).toMatch(/^---\ntitle: Copenhagen\naliases:\n {2}- Copenhagan # 1 mention in 1 episode\n/);
    const folder = readTopicFolder(topicsDir, dir);
    expect(folder.diagnostics).toEqual([]);
    expect(folder.topics.map((t) => [t.slug, t.name, t.aliases])).toEqual([['copenhagen', 'Copenhagen', ['Copenhagan']]]);
  });

  it('refuses to overwrite a topic file, or to take a name another topic has as title or alias', () => {
    const before = readFileSync(join(topicsDir, 'copenhagen.md'), 'utf8');
    const again = writeNewTopic({ name: 'copenhagen', topicsDir, episodesDir, cwd: dir });
    expect(again.file).toBeNull();
    expect(again.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code} ${d.message}`)).toEqual([
      'topics/copenhagen.md:1:1 topic-exists topic "copenhagen" already exists (topics/copenhagen.md); edit that file instead',
    ]);
    expect(readFileSync(join(topicsDir, 'copenhagen.md'), 'utf8')).toBe(before);
    const alias = writeNewTopic({ name: 'Copenhagan', topicsDir, episodesDir, cwd: dir });
    expect(alias.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`)).toEqual(['topics/copenhagen.md:3:1 topic-exists']);
    expect(alias.diagnostics[0]?.message).toContain('the title or an alias of topics/copenhagen.md');
  });
});
