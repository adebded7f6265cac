import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { outputProblem } from '../../src/node/output-folder.ts';
import type { KeptFolders } from '../../src/node/output-folder.ts';

const root = mkdtempSync(join(tmpdir(), 'verbatim-output-folder-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const at = (...parts: string[]) => join(root, ...parts);
for (const dir of ['project/content/episodes', 'project/content/topics', 'project/cache', 'install', 'empty', 'site/pagefind', 'other']) mkdirSync(at(dir), { recursive: true });
writeFileSync(at('site/index.html'), '<!doctype html>');
writeFileSync(at('site/pagefind/pagefind-entry.json'), '{}');
writeFileSync(at('other/index.html'), 'a page, but no search index');
symlinkSync(at('project'), at('link-to-project'));

const kept: KeptFolders = {
  project: at('project'),
  install: at('install'),
  content: at('project/content'),
  episodes: at('project/content/episodes'),
  topics: at('project/content/topics'),
  cache: at('project/cache'),
};

describe('outputProblem', () => {
  it('allows a new folder, an empty one and a site an earlier build wrote', () => {
    expect(outputProblem(at('project/dist'), kept)).toBeUndefined();
    expect(outputProblem(at('new/deeper/site'), kept)).toBeUndefined();
    expect(outputProblem(at('empty'), kept)).toBeUndefined();
    expect(outputProblem(at('site'), kept)).toBeUndefined();
    expect(outputProblem(at('project/content/dist'), kept)).toBeUndefined();
  });

  it('refuses the folders a build must keep, and any folder holding one, through symbolic links too', () => {
    expect(outputProblem(at('project'), kept)).toMatch(/would replace the project folder \(/);
    expect(outputProblem(root, kept)).toMatch(/would replace the project folder inside it/);
    expect(outputProblem(at('link-to-project'), kept)).toMatch(/would replace the project folder/);
    expect(outputProblem(at('link-to-project/content'), kept)).toMatch(/would replace the content folder/);
    expect(outputProblem(at('install'), kept)).toMatch(/would replace Verbatim's own folder/);
    expect(outputProblem(at('project/cache'), kept)).toMatch(/would replace the cache folder/);
    expect(outputProblem(at('project/content/topics'), kept)).toMatch(/would replace the topics folder/);
  });

  it('refuses a folder inside the episodes or topics folder, a file, and a folder of other files', () => {
    expect(outputProblem(at('project/content/episodes/site'), kept)).toMatch(/is inside the episodes folder/);
    expect(outputProblem(at('link-to-project/content/topics/x'), kept)).toMatch(/is inside the topics folder/);
    writeFileSync(at('a-file'), 'x');
    expect(outputProblem(at('a-file'), kept)).toMatch(/is a file, not a folder/);
    expect(outputProblem(at('other'), kept)).toMatch(/holds other files, not a site an earlier build wrote/);
  });

  it('does not take a sibling whose name starts with the kept folder\'s for the folder itself, and sees a kept folder named "..x" inside', () => {
    mkdirSync(at('project-copy'), { recursive: true });
    expect(outputProblem(at('project-copy'), kept)).toBeUndefined();
    // relative() gives "..cache" here: inside, though it starts with two dots.
    mkdirSync(at('dots', '..cache'), { recursive: true });
    expect(outputProblem(at('dots'), { ...kept, cache: at('dots', '..cache') })).toMatch(/would replace the cache folder inside it/);
  });

  it('refuses a link to nothing and a folder inside the cache; follows a link to a folder', () => {
    symlinkSync(at('nowhere'), at('dangling'));
    expect(outputProblem(at('dangling'), kept)).toMatch(/is a symbolic link to nothing/);
    expect(outputProblem(at('project/cache/pages/x'), kept)).toMatch(/is inside the cache folder .*which builds prune/);
    symlinkSync(at('site'), at('link-to-site'));
    expect(outputProblem(at('link-to-site'), kept)).toBeUndefined();
    symlinkSync(at('other'), at('link-to-other'));
    expect(outputProblem(at('link-to-other'), kept)).toMatch(/holds other files/);
  });
});
