import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readTopicFolder } from '../../src/node/topic-folder.ts';

const root = mkdtempSync(join(tmpdir(), 'verbatim-topic-folder-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('readTopicFolder', () => {
  it('decodes topic files as transcripts are: Windows-1252 is read and said so, binary is refused', () => {
    const dir = join(root, 'topics');
    mkdirSync(dir);
    writeFileSync(join(dir, 'cafes.md'), Buffer.from('---\ntitle: Caf\xe9s\n---\nA body.\n', 'latin1'));
    writeFileSync(join(dir, 'utf16.md'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('---\r\ntitle: Crème\r\n---\r\n', 'utf16le')]));
    writeFileSync(join(dir, 'image.md'), Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex'));
    const { topics, diagnostics } = readTopicFolder(dir, root);
    expect(topics.map((t) => t.name)).toEqual(['Cafés', 'Crème']);
    expect(diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code}`)).toEqual(['topics/cafes.md:2:11 warning encoding-fallback', 'topics/image.md:1:1 error binary-file']);
  });
});
