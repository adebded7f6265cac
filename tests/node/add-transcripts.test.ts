/**
 * `verbatim add` on disk: transcripts land in the episodes folder with a
 * sidecar that reads back as what was found; nothing is ever overwritten;
 * any problem with any file means nothing is written at all.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addTranscripts } from '../../src/node/add-transcripts.ts';
import { ingestFolder } from '../../src/node/episode-folder.ts';

const root = mkdtempSync(join(tmpdir(), 'verbatim-add-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let n = 0;
/** A fresh folder with the given files in `in/`, and an empty place for content in `content/`. */
function setup(files: Record<string, string | Uint8Array>) {
  const dir = join(root, String(n++));
  mkdirSync(join(dir, 'in'), { recursive: true });
  for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, 'in', name), body);
  return { dir, episodes: join(dir, 'content', 'episodes'), add: (names: string[], show?: string) => addTranscripts({ files: names.map((f) => join('in', f)), episodesDir: join('content', 'episodes'), cwd: dir, ...(show === undefined ? {} : { show }) }) };
}

/** Every file under `dir`, relative, sorted (nothing when it does not exist). */
const tree = (dir: string): string[] => (existsSync(dir) ? (readdirSync(dir, { recursive: true }) as string[]).sort() : []);

const srt = (label: string) => `1\n00:00:01,000 --> 00:00:03,000\n${label}: Welcome back to the allotment.\n\n2\n00:00:03,000 --> 00:00:05,000\nSpeaker 2: The beans are up.\n`;
const vtt = 'WEBVTT - Compost, week one\n\n00:00:01.000 --> 00:00:03.000\n<v Ann Lee>Turn it every fortnight.\n';

describe('addTranscripts', () => {
  it('copies transcripts into a show folder with drafted sidecars that ingest to what was found', () => {
    const t = setup({ '2024-03-05-beans.txt': srt('Speaker 1'), 'compost.vtt': vtt });
    const r = t.add(['2024-03-05-beans.txt', 'compost.vtt'], 'Signal & Noise');
    expect(r.diagnostics).toEqual([]);
    expect(r.added.map((a) => [a.transcript, a.sidecar, a.format, a.sidecarCopied, a.labels])).toEqual([
      ['content/episodes/signal-noise/2024-03-05-beans.txt', 'content/episodes/signal-noise/2024-03-05-beans.yml', 'srt', false, ['Speaker 1', 'Speaker 2']],
      ['content/episodes/signal-noise/compost.vtt', 'content/episodes/signal-noise/compost.yml', 'webvtt', false, ['Ann Lee']],
    ]);
    expect(readFileSync(join(t.episodes, 'signal-noise', 'compost.vtt'), 'utf8')).toBe(vtt);
    // Ingested as the site will: the drafts' title, show, date and speakers, and not one diagnostic.
    const folder = ingestFolder(t.episodes);
    expect(folder.diagnostics).toEqual([]);
    expect(folder.episodes.map((e) => ({ title: e.title, show: e.show, date: e.date, speakers: e.speakers.map((s) => s.name) }))).toEqual([
      { title: '2024-03-05-beans', show: 'Signal & Noise', date: '2024-03-05', speakers: ['Speaker 1', 'Speaker 2'] },
      { title: 'Compost, week one', show: 'Signal & Noise', date: undefined, speakers: ['Ann Lee'] },
    ]);
  });

  it('copies the sidecar beside a transcript instead of drafting one', () => {
    const t = setup({ 'ep.txt': srt('Speaker 1'), 'ep.yml': 'title: Beans\nspeakers:\n  Speaker 1: Ann Lee\n  Speaker 2: Bo Chen\n' });
    const r = t.add(['ep.txt']);
    expect(r.added.map((a) => [a.transcript, a.sidecar, a.sidecarCopied])).toEqual([['content/episodes/ep.txt', 'content/episodes/ep.yml', true]]);
    expect(readFileSync(join(t.episodes, 'ep.yml'), 'utf8')).toBe('title: Beans\nspeakers:\n  Speaker 1: Ann Lee\n  Speaker 2: Bo Chen\n');
    expect(ingestFolder(t.episodes).episodes[0]?.speakers.map((s) => s.name)).toEqual(['Ann Lee', 'Bo Chen']);
  });

  it('says when the sidecar that comes with a file names another show than --show, which then only chose the folder', () => {
    const t = setup({ 'ep.txt': srt('Speaker 1'), 'ep.yml': 'show: Show A\nspeakers:\n  Speaker 1: Ann Lee\n  Speaker 2: Bo Chen\n', 'other.txt': srt('Speaker 1') });
    const r = t.add(['ep.txt', 'other.txt'], 'Other');
    expect(r.diagnostics.map((d) => `${d.file} ${d.severity} ${d.code} ${d.message}`)).toEqual([
      'in/ep.txt warning add-show-from-sidecar the sidecar that comes with this file names the show "Show A", which the site uses; --show "Other" only chose its folder. Change "show:" in the sidecar to move it',
    ]);
    expect(r.added.map((a) => a.transcript)).toEqual(['content/episodes/other/ep.txt', 'content/episodes/other/other.txt']);
    // A brought sidecar without show: takes the folder's name, which may not be the name given.
    const u = setup({ 'ep.txt': srt('Speaker 1'), 'ep.yml': 'speakers:\n  Speaker 1: Ann Lee\n  Speaker 2: Bo Chen\n' });
    expect(u.add(['ep.txt'], 'BBC Radio').diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([
      'add-show-from-folder the sidecar that comes with this file has no "show:", so the site names its show from the folder: "Bbc Radio"; add show: "BBC Radio" to the sidecar to keep the name as you wrote it',
    ]);
    expect(u.add(['ep.txt'], 'Radio').diagnostics.map((d) => d.code)).not.toContain('add-show-from-folder');
  });

  it('never overwrites: an existing transcript, sidecar or file with the same stem refuses the whole batch', () => {
    const t = setup({ 'ep.txt': srt('Speaker 1'), 'other.vtt': vtt });
    expect(t.add(['ep.txt']).added).toHaveLength(1);
    const edited = 'title: Edited by hand\n';
    writeFileSync(join(t.episodes, 'ep.yml'), edited);
    const before = tree(t.episodes);
    const r = t.add(['other.vtt', 'ep.txt']);
    expect(r.added).toEqual([]);
    expect(r.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`)).toEqual(['in/ep.txt:1:1 add-exists', 'in/ep.txt:1:1 add-exists']);
    expect(r.diagnostics[0]?.message).toMatch(/^content\/episodes\/ep\.txt already exists, and verbatim add never overwrites/);
    expect(tree(t.episodes)).toEqual(before);
    expect(readFileSync(join(t.episodes, 'ep.yml'), 'utf8')).toBe(edited);
    // `ep.srt` would share `ep.txt`'s id and sidecar.
    writeFileSync(join(t.dir, 'in', 'ep.srt'), srt('Speaker 1'));
    expect(t.add(['ep.srt']).diagnostics.map((d) => d.code)).toEqual(['add-exists', 'add-exists']);
  });

  it('refuses two files that would land in one place', () => {
    const t = setup({ 'ep.txt': srt('Speaker 1') });
    mkdirSync(join(t.dir, 'in', 'b'));
    writeFileSync(join(t.dir, 'in', 'b', 'ep.vtt'), vtt);
    const r = t.add(['ep.txt', 'b/ep.vtt']);
    expect(r.diagnostics.map((d) => `${d.file} ${d.code} ${d.message}`)).toEqual([
      'in/b/ep.vtt add-same-destination this file and in/ep.txt would both be added as content/episodes/ep.vtt; add them to different shows (--show) or rename one',
    ]);
    expect(tree(t.episodes)).toEqual([]);
  });

  it('reports unreadable, binary, unknown and broken files in the standard form, and writes nothing', () => {
    const t = setup({
      'good.txt': srt('Speaker 1'),
      'image.txt': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0, 1, 2, 3, 0, 0, 0, 0]),
      'arrows.txt': '1:23 --> 4:56\n7:89 --> 0:12\n',
      'bad.srt': '1\n00:00:05,000 --> 00:00:04,000\nBackwards.\n\n2\n00:00:06,000 --> 00:00:07,000\nFine.\n',
      'notes.yml': 'title: x\n',
      'README.md': '# read me\n',
    });
    const r = t.add(['good.txt', 'missing.txt', 'image.txt', 'arrows.txt', 'bad.srt', 'notes.yml', 'README.md']);
    expect(r.added).toEqual([]);
    expect(r.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code}`)).toEqual([
      'in/missing.txt:1:1 error file-unreadable',
      'in/image.txt:1:1 error binary-file',
      'in/arrows.txt:1:1 error unknown-format',
      'in/bad.srt:2:1 error time-end-before-start',
      'in/notes.yml:1:1 error add-not-transcript',
      'in/README.md:1:1 error add-not-transcript',
    ]);
    expect(existsSync(join(t.dir, 'content'))).toBe(false);
  });

  it('removes what it wrote when a write fails half-way', () => {
    // A 254-byte name (252 letters and `.t`) is allowed; its sidecar `<stem>.yml` (256) is over the 255-byte limit.
    const long = `${'a'.repeat(252)}.t`;
    const t = setup({ [long]: srt('Speaker 1') });
    const r = t.add([long], 'Long names');
    expect(r.added).toEqual([]);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['add-write-failed']);
    expect(r.diagnostics[0]?.message).toMatch(/^cannot write content\/episodes\/long-names\/a+\.yml \(ENAMETOOLONG/);
    expect(existsSync(join(t.dir, 'content'))).toBe(false);
  });
});
