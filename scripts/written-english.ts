/**
 * Writes the written-English word counts that discovery uses beside the
 * spoken ones (src/knowledge/topics/discover/written-english.json), from
 * the `nlp-corpus` package: 100,000 sentences (1.56 million words) of
 * modern written and informal English (State of the Union addresses,
 * trade-agreement text, quiz questions, forum posts, fiction, lyrics,
 * messages). Words are counted by their matching key (words.ts), and only
 * those seen at least twice are kept. Only counts are kept, no text.
 *
 *   node scripts/written-english.ts [--check]
 *
 * `--check` exits 1 when the file is not what the package gives (the
 * topic tests run it the same way).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import corpus from 'nlp-corpus';
import { tokenize } from '../src/knowledge/topics/words.ts';

/** The table: words counted, and the count of each key seen at least twice, keys in code-point order. */
export function writtenEnglish(): { source: string; words: number; counts: Record<string, number> } {
  const counts = new Map<string, number>();
  let words = 0;
  for (const sentence of corpus.all() as string[]) {
    for (const t of tokenize(sentence).tokens) {
      words++;
      counts.set(t.key, (counts.get(t.key) ?? 0) + 1);
    }
  }
  const kept = [...counts].filter(([, n]) => n >= 2).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return { source: 'nlp-corpus 4.4.0 (scripts/written-english.ts)', words, counts: Object.fromEntries(kept) };
}

export const WRITTEN_ENGLISH_FILE = join(import.meta.dirname, '..', 'src', 'knowledge', 'topics', 'discover', 'written-english.json');

if (import.meta.main) {
  const text = `${JSON.stringify(writtenEnglish())}\n`;
  if (process.argv.includes('--check')) {
    const same = readFileSync(WRITTEN_ENGLISH_FILE, 'utf8') === text;
    console.log(same ? 'written-english.json is up to date' : 'written-english.json differs from what nlp-corpus gives: run node scripts/written-english.ts');
    process.exit(same ? 0 : 1);
  }
  writeFileSync(WRITTEN_ENGLISH_FILE, text);
  console.log(`wrote ${WRITTEN_ENGLISH_FILE}`);
}
