/**
 * Listing an episodes folder (src/node/episode-folder.ts): one bad entry is
 * reported on its own and never hides the rest of the folder.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestFolder, listTranscripts } from '../../src/node/episode-folder.ts';
import type { Diagnostic } from '../../src/transcript/diagnostics.ts';

const root = mkdtempSync(join(tmpdir(), 'verbatim-episode-folder-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const srt = 'tests/fixtures/srt/basic/input.txt';

describe('listTranscripts', () => {
  it('reports a link to nothing on that file, reads a folder linked twice once, and lists the rest', () => {
    const dir = join(root, 'links');
    mkdirSync(join(dir, 'show'), { recursive: true });
    cpSync(srt, join(dir, 'a.txt'));
    cpSync(srt, join(dir, 'show', 'b.txt'));
    symlinkSync(join(root, 'nowhere.txt'), join(dir, 'dangling.txt'));
    symlinkSync('..', join(dir, 'show', 'up')); // a loop back to the top
    const problems: Diagnostic[] = [];
    const files = listTranscripts(dir, root, problems);
    expect(files.map((f) => f.relativePath)).toEqual(['a.txt', 'show/b.txt']);
    expect(problems.map((d) => `${d.file} ${d.severity} ${d.code}`)).toEqual(['links/dangling.txt error file-unreadable']);
    expect(problems[0]?.message).toContain('ENOENT');
  });

  it('warns of a sidecar no transcript reads: none of its name, or a .yaml beside the .yml that is read', () => {
    const dir = join(root, 'sidecars');
    mkdirSync(dir);
    cpSync(srt, join(dir, 'ep-1.txt'));
    cpSync(srt, join(dir, 'notes'));
    writeFileSync(join(dir, 'ep-1.yml'), 'title: One\n');
    writeFileSync(join(dir, 'ep-1.yaml'), 'title: Also one\n');
    writeFileSync(join(dir, 'ep-01.yml'), 'title: Misnamed\n');
    writeFileSync(join(dir, 'notes.yml'), 'title: Notes\n');
    const problems: Diagnostic[] = [];
    const files = listTranscripts(dir, root, problems);
    expect(files.map((f) => [f.relativePath, f.sidecarPath?.replace(/^.*\//, '')])).toEqual([
      ['ep-1.txt', 'ep-1.yml'],
      ['notes', 'notes.yml'],
    ]);
    expect(problems.map((d) => `${d.file} ${d.code}: ${d.message}`)).toEqual([
      'sidecars/ep-01.yml sidecar-unused: this sidecar is read by no transcript: none named "ep-01" (with any extension) is beside it; rename it to match its transcript\'s name, or remove it',
      'sidecars/ep-1.yaml sidecar-unused: this sidecar is read by no transcript: ep-1.yml beside it is read instead; move what this one says there and remove it',
    ]);
  });

  it('reads a folder that a link also reaches at its own place ("latest" → "season-2"), whatever the names sort as', () => {
    const dir = join(root, 'seasons');
    mkdirSync(join(dir, 'season-2'), { recursive: true });
    cpSync(srt, join(dir, 'season-2', 'a.txt'));
    symlinkSync('season-2', join(dir, 'latest'));
    const problems: Diagnostic[] = [];
    expect(listTranscripts(dir, root, problems).map((f) => f.relativePath)).toEqual(['season-2/a.txt']);
    expect(problems).toEqual([]);
    // Outside the folder, a linked folder is read through its link.
    const elsewhere = join(root, 'elsewhere');
    mkdirSync(elsewhere);
    cpSync(srt, join(elsewhere, 'b.txt'));
    symlinkSync(elsewhere, join(dir, 'archive'));
    expect(listTranscripts(dir, root).map((f) => f.relativePath)).toEqual(['archive/b.txt', 'season-2/a.txt']);
  });

  it('pairs a sidecar whatever the case of its extension, and says nothing of the sidecar of a transcript that cannot be read', () => {
    const dir = join(root, 'cases');
    mkdirSync(dir);
    cpSync(srt, join(dir, 'B.txt'));
    writeFileSync(join(dir, 'B.YML'), 'title: Bee\n');
    symlinkSync(join(root, 'gone.txt'), join(dir, 'd.txt'));
    writeFileSync(join(dir, 'd.yml'), 'title: Dee\n');
    const problems: Diagnostic[] = [];
    expect(listTranscripts(dir, root, problems).map((f) => [f.relativePath, f.sidecarPath?.replace(/^.*\//, '')])).toEqual([['B.txt', 'B.YML']]);
    expect(problems.map((d) => `${d.file} ${d.code}`)).toEqual(['cases/d.txt file-unreadable']);
  });

  it('throws only when the folder itself cannot be read, which ingestFolder reports', () => {
    expect(() => listTranscripts(join(root, 'missing'))).toThrow(/ENOENT/);
    expect(ingestFolder(join(root, 'missing')).diagnostics.map((d) => d.code)).toEqual(['folder-unreadable']);
  });
});
