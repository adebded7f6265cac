/**
 * The sidecar `verbatim add` drafts: what was found becomes sidecar keys,
 * the rest is listed as comments, and the text reads back through the
 * sidecar reader without a single diagnostic, giving the same metadata.
 */
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/transcript/diagnostics.ts';
import { parseTranscript } from '../../src/transcript/parse-transcript.ts';
import { readSidecar } from '../../src/transcript/sidecar.ts';
import { sidecarDraft } from '../../src/transcript/sidecar-draft.ts';

const ingest = (text: string, relativePath: string, sidecar?: string) =>
  parseTranscript({
    file: relativePath,
    relativePath,
    bytes: new TextEncoder().encode(text),
    ...(sidecar === undefined ? {} : { sidecar: { file: 'draft.yml', bytes: new TextEncoder().encode(sidecar) } }),
  });

function readBack(text: string) {
  const d = new Diagnostics('draft.yml');
  const { sidecar } = readSidecar(text, d);
  return { sidecar, diagnostics: d.list };
}

const markdown = [
  '---',
  'title: "Beans: a retrospective"',
  'date: 2024-03-05',
  'video_url: https://www.youtube.com/watch?v=7EH0VjM3dTk',
  'audio_url: https://example.org/beans.mp3',
  '---',
  '',
  "**Dr. Ann O'Neil:** Welcome back.",
  '',
  '**SPEAKER_02:** Thanks.',
  '',
].join('\n');

describe('sidecarDraft', () => {
  it('writes what the file holds, and it reads back as the same metadata without a diagnostic', () => {
    const episode = ingest(markdown, 'beans.md').episode;
    if (!episode) throw new Error('no episode');
    const text = sidecarDraft({ episode, fileName: 'beans.md', titleFromFileName: false, show: 'Signal & Noise' });
    const { sidecar, diagnostics } = readBack(text);
    expect(diagnostics).toEqual([]);
    expect(sidecar).toEqual({
      title: 'Beans: a retrospective',
      show: 'Signal & Noise',
      date: '2024-03-05',
      url: 'https://www.youtube.com/watch?v=7EH0VjM3dTk',
      audio: 'https://example.org/beans.mp3',
      speakers: { "Dr. Ann O'Neil": "Dr. Ann O'Neil", 'Speaker 2': 'Speaker 2' },
    });
    // The transcript with its draft: the same title, show and speakers, and nothing to report.
    const again = ingest(markdown, 'beans.md', text);
    expect(again.diagnostics).toEqual([]);
    expect(again.episode).toMatchObject({ title: episode.title, show: 'Signal & Noise', date: '2024-03-05' });
    expect(again.episode?.speakers.map((s) => s.name)).toEqual(["Dr. Ann O'Neil", 'Speaker 2']);
  });

  it('says where each value came from and lists the keys it has no value for', () => {
    const episode = ingest('1\n00:00:01,000 --> 00:00:02,000\nSpeaker 1: Hi.\n', 'ep-12.txt').episode;
    if (!episode) throw new Error('no episode');
    const text = sidecarDraft({ episode, fileName: 'ep-12.txt', titleFromFileName: true, dateFromFileName: '2024-02-29', schemaPath: '../../schemas/sidecar.schema.json' });
    expect(text.split('\n').slice(0, 2)).toEqual(['# yaml-language-server: $schema=../../schemas/sidecar.schema.json', '# Metadata for ep-12.txt, written by `verbatim add` from what the transcript holds.']);
    expect(text).toContain('# Episode title, made from the file name: change it.\ntitle: ep-12\n');
    expect(text).toContain('# Publication date (YYYY-MM-DD), from the file name.\ndate: 2024-02-29\n');
    expect(text).toContain("# Replace each value with the person's name (several labels may name one person).\nspeakers:\n  Speaker 1: Speaker 1\n");
    // No show was found (a flat file) or given: it is listed to fill in, like the other keys.
    expect(text).toMatch(/# Also possible \(remove the # to use\):\n# show: Show name\n# hosts: \[Name\]\n/);
    expect(text).not.toMatch(/^show:/m);
    expect(readBack(text)).toEqual({ sidecar: { title: 'ep-12', date: '2024-02-29', speakers: { 'Speaker 1': 'Speaker 1' } }, diagnostics: [] });
  });

  it('quotes values YAML would read as something else', () => {
    const episode = ingest('---\ntitle: "2024"\n---\n\n**Yes:** no\n\n**Yes:** again\n', 'x.md').episode;
    if (!episode) throw new Error('no episode');
    const text = sidecarDraft({ episode, fileName: 'x.md', titleFromFileName: false, show: 'null' });
    expect(readBack(text)).toEqual({ sidecar: { title: '2024', show: 'null', speakers: { Yes: 'Yes' } }, diagnostics: [] });
  });
});
