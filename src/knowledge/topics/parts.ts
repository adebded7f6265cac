/**
 * What each episode contributes to each pass of the topic index, cached so
 * that an archive where one transcript changed is not read again in full:
 * the first pass's counts (words, pairs, noun phrases) depend only on the
 * episode's speech; the second pass's possible mentions and the third
 * pass's mentions depend on the speech and on the aliases matched, so
 * their keys add a digest of the matcher (see `matcherDigest`). Merged in
 * episode order, cached parts give exactly what reading the text gives.
 *
 * Parts are plain objects of strings, numbers and typed arrays, stored
 * with the structured-clone format of node:v8. A part that cannot be read
 * back, or has not the expected shape, is treated as missing.
 */
import { createHash } from 'node:crypto';
import { deserialize, serialize } from 'node:v8';
import type { Episode } from '../../transcript/schema.ts';
import type { AliasEntry } from './alias-matcher.ts';

/**
 * Where parts are kept between builds. Keys are short ASCII strings made of
 * the pass and digests of everything the part depends on except the code:
 * a store that outlives an upgrade must add the code's fingerprint itself.
 */
export interface TopicPartCache {
  get(key: string): Uint8Array | undefined;
  set(key: string, bytes: Uint8Array): void;
  /** Keep the part under `key` for later builds although this one did not read it (a store that prunes unused parts). */
  keep?(key: string): void;
  /** This build read the part under `key` only to take it away: later builds need it no more. */
  forget?(key: string): void;
}

/** Format of the stored parts; a part of another format is not read. */
const FORMAT = 1;

/**
 * Digest of what the passes read of an episode: its speech paragraphs'
 * text and times and the episode's duration (what decides intros and
 * outros). Metadata (names, titles, topics) is read again each time, so it
 * is not part of it.
 */
export function contentDigest(episode: Episode): string {
  const hash = createHash('sha256');
  hash.update(`${episode.duration ?? 'untimed'}\u0000`);
  for (const p of episode.paragraphs) {
    if (p.kind !== 'speech') continue;
    hash.update(`${p.start ?? ''}\u0000${p.end ?? ''}\u0000${p.text.length}\u0000`);
    hash.update(p.text);
  }
  return hash.digest('hex');
}

/** The key of a pass's part of an episode (by its content digest), for a matcher digest where the pass has one. */
export function partKey(pass: 'read' | 'count' | 'mentions', content: string, matcher = ''): string {
  const digest = matcher === '' ? content : createHash('sha256').update(`${content}\u0000${matcher}`).digest('hex');
  return `${pass}-${digest.slice(0, 40)}`;
}

/**
 * Digest of an alias matcher, with its topics numbered canonically: two
 * matchers with the same digest find the same matches (the same words, the
 * same topic numbers) in any text. `entries` are the matcher's entries in
 * the order they were added; `topic` numbers must already be canonical (see
 * `canonicalOrder`), so that a list of topics that is only reordered keeps
 * its digest. Where several entries end on the same words, the matcher
 * prefers the one added first (among equal priority), so their order is
 * part of the digest.
 */
export function matcherDigest(entries: readonly AliasEntry[], extra = ''): string {
  const lines: string[] = [];
  const byWords = new Map<string, number[]>();
  entries.forEach((e, i) => {
    const words = e.keys.join(' ');
    lines.push(JSON.stringify([words, e.case, e.topic, e.exclude, e.priority]));
    const list = byWords.get(words);
    if (list) list.push(i);
    else byWords.set(words, [i]);
  });
  const order: string[] = [];
  for (const [words, list] of byWords) if (list.length > 1) order.push(JSON.stringify([words, list.map((i) => lines[i])]));
  // The entries as a set (sorted), and the order only where it can matter.
  return createHash('sha256')
    .update(`${FORMAT}\u0000${extra}\u0000`)
    .update([...lines].sort().join('\n'))
    .update('\u0001')
    .update(order.sort().join('\n'))
    .digest('hex');
}

/**
 * Canonical numbers for topics described by `signatures` (what the matcher
 * sees of each: its aliases and case rules): the rank of each signature in
 * code-point order, ties by position. Returns each position's number.
 */
export function canonicalOrder(signatures: readonly string[]): Int32Array {
  const order = signatures.map((_, i) => i).sort((a, b) => {
    const x = signatures[a] as string;
    const y = signatures[b] as string;
    return x < y ? -1 : x > y ? 1 : a - b;
  });
  const rank = new Int32Array(signatures.length);
  order.forEach((position, r) => {
    rank[position] = r;
  });
  return rank;
}

/** A part as bytes. */
export function encodePart(part: object): Uint8Array {
  return serialize({ format: FORMAT, part });
}

/** A part read back, or undefined when it is damaged, of another format, or fails `valid`. */
export function decodePart<T>(bytes: Uint8Array | undefined, valid: (part: unknown) => part is T): T | undefined {
  if (!bytes) return undefined;
  try {
    const data = deserialize(bytes) as { format?: unknown; part?: unknown };
    return data.format === FORMAT && valid(data.part) ? data.part : undefined;
  } catch {
    return undefined;
  }
}

/** Shape checks for `decodePart`. */
export const isInt32 = (x: unknown): x is Int32Array => x instanceof Int32Array;
export const isStrings = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');
