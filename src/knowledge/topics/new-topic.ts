/**
 * A new curated topic for a name (`verbatim new topic NAME`): the other
 * spellings of the name the transcripts hold, suggested as aliases with how
 * often each occurs, and the topic file text. Pure: corpus in, text out.
 *
 * A suggested spelling is the name with some of its words replaced by near
 * spellings found in the corpus (within one edit, two from nine letters, or
 * two when they sound the same by Double Metaphone: "Gottard Base Tunnel"),
 * or the name's letters split differently ("heatpump", "deep seek"). As in
 * discovery, a replaced word must be no everyday word ("funnel" is never
 * "tunnel"), unless it sounds like the word it replaces in a phrase whose
 * other words are the name's ("heat pomp"). Counting uses the same matcher
 * as the site, so the counts are the mentions each alias would add.
 */
import { doubleMetaphone } from 'double-metaphone';
import { distance } from 'fastest-levenshtein';
import { Document, isSeq } from 'yaml';
import { AliasMatcher } from './alias-matcher.ts';
import { speechParagraphs } from './corpus.ts';
import type { CorpusParagraph } from './corpus.ts';
import { backgroundZipf } from './discover/background.ts';
import { discoveryRules } from './discover/discover.ts';
import { EpisodeVocabulary, MIN_FUZZY_LENGTH, Vocabulary } from './discover/vocabulary.ts';
import { phraseKeys } from './words.ts';
import type { Episode } from '../../transcript/schema.ts';

/** The transcripts a name's spellings are looked for in: every speech paragraph, tokenized. */
export interface TopicText {
  paragraphs: CorpusParagraph[];
  episodes: number;
}

/** The speech paragraphs of these episodes, tokenized (held at once: `new topic` runs on one archive's text). */
export function topicText(episodes: Iterable<Episode>): TopicText {
  const paragraphs: CorpusParagraph[] = [];
  let n = 0;
  for (const e of episodes) paragraphs.push(...speechParagraphs(e, n++));
  return { paragraphs, episodes: n };
}

/** How often a spelling occurs in the corpus. */
export interface SpellingCount {
  /** As most often written in the transcripts (for the name: as given). */
  spelling: string;
  mentions: number;
  /** Episodes it occurs in. */
  episodes: number;
}

/** What `verbatim new topic` writes. */
export interface TopicDraft {
  title: string;
  /** The name's own mentions. */
  name: SpellingCount;
  /** Other spellings found, most frequent first; only ones that occur. */
  aliases: SpellingCount[];
  /** Episodes searched. */
  episodes: number;
}

/**
 * The draft topic for `title`. `claimed` says whether a spelling (its word
 * keys) already belongs to another topic; such spellings are not suggested.
 */
export function draftTopic(title: string, corpus: TopicText, claimed: (keys: readonly string[]) => boolean = () => false): TopicDraft {
  const keys = phraseKeys(title);
  const id = keys.join(' ');
  const counter = new EpisodeVocabulary();
  for (const p of corpus.paragraphs) counter.addParagraph(p);
  const vocabulary = new Vocabulary();
  vocabulary.merge(counter.part());
  // Every two-word form is looked up by its run-together key ("heat pomp" near "heatpump"), as one command's work.
  vocabulary.index(new Set([keys.join('')]), () => true);
  const candidates = new Map<string, string[]>();
  const consider = (found: readonly string[]) => {
    const key = found.join(' ');
    if (key !== id && !candidates.has(key) && plausible(found, keys) && !claimed(found)) candidates.set(key, [...found]);
  };

  // The name with any of its words spelled otherwise, wherever the corpus has that run of words.
  const variants = keys.map((k) => new Set([k, ...nearWords(k, vocabulary)]));
  if (variants.some((v) => v.size > 1)) {
    for (const { tokens, breaks } of corpus.paragraphs) {
      for (let i = 0; i + keys.length <= tokens.length; i++) {
        let j = 0;
        while (j < keys.length && (j === 0 || !breaks.has(i + j)) && variants[j]?.has(tokens[i + j]?.key ?? '')) j++;
        if (j === keys.length) consider(tokens.slice(i, i + j).map((t) => t.key));
      }
    }
  }
  // The name's letters in one or two words, split otherwise or near-spelled ("heatpump", "heat pomp").
  const joined = keys.join('');
  if (joined.length >= MIN_FUZZY_LENGTH) {
    for (const near of [joined, ...vocabulary.near(joined, 2).filter((k) => close(k, joined))]) {
      for (const form of vocabulary.forms(near)) consider(form.keys);
    }
  }

  const counted = countSpellings([keys, ...candidates.values()], corpus);
  const [own, ...others] = counted;
  const seen = new Set([title.toLowerCase()]);
  const aliases: SpellingCount[] = [];
  for (const c of others.filter((c) => c.mentions > 0).sort((a, b) => b.mentions - a.mentions || (a.spelling < b.spelling ? -1 : 1))) {
    if (seen.has(c.spelling.toLowerCase())) continue;
    seen.add(c.spelling.toLowerCase());
    aliases.push(c);
  }
  return { title, name: { spelling: title, mentions: own?.mentions ?? 0, episodes: own?.episodes ?? 0 }, aliases, episodes: corpus.episodes };
}

/** Near spellings of one word that the corpus has as a word of its own. */
function nearWords(key: string, vocabulary: Vocabulary): string[] {
  if (key.length < MIN_FUZZY_LENGTH) return [];
  return vocabulary.near(key, 2).filter((k) => close(k, key) && vocabulary.forms(k).some((f) => f.keys.length === 1));
}

/** Within one edit (two from nine letters), or two edits and the same sound. */
function close(a: string, b: string): boolean {
  const d = distance(a, b);
  return d <= (b.length >= 9 ? 2 : 1) || (d <= 2 && soundsAlike(a, b));
}

function soundsAlike(a: string, b: string): boolean {
  const [a1, a2] = doubleMetaphone(a);
  const [b1, b2] = doubleMetaphone(b);
  return a1 === b1 || a1 === b2 || a2 === b1;
}

/**
 * A misspelling of the name, not another phrase: the same letters split
 * otherwise, or every word that is not one of the name's either no everyday
 * word or, beside words of the name, one that sounds like a word of it.
 */
function plausible(found: readonly string[], keys: readonly string[]): boolean {
  if (found.join('') === keys.join('')) return true;
  const own = new Set(keys);
  const alongside = found.some((k) => own.has(k));
  return found.every((k) => own.has(k) || backgroundZipf(k) <= discoveryRules.maxVariantZipf || (alongside && keys.some((n) => soundsAlike(k, n))));
}

/** Mentions, episodes and the usual written form of each spelling (word keys), counted as the site matches them. */
function countSpellings(spellings: readonly (readonly string[])[], corpus: TopicText): SpellingCount[] {
  const matcher = new AliasMatcher();
  spellings.forEach((keys, topic) => matcher.add({ keys, topic, exclude: false, priority: 0, case: 'any' }));
  const mentions = spellings.map(() => 0);
  const episodes = spellings.map(() => new Set<number>());
  const surfaces = spellings.map(() => new Map<string, number>());
  for (const p of corpus.paragraphs) {
    for (const m of matcher.scan(p.tokens, p.breaks, p.lowercase)) {
      const first = p.tokens[m.first];
      const last = p.tokens[m.last];
      if (!first || !last) continue;
      mentions[m.topic] = (mentions[m.topic] ?? 0) + 1;
      episodes[m.topic]?.add(p.episode);
      const surface = p.paragraph.text.slice(first.start, last.end).replace(/\s+/g, ' ');
      const counts = surfaces[m.topic];
      counts?.set(surface, (counts.get(surface) ?? 0) + 1);
    }
  }
  return spellings.map((keys, i) => {
    const usual = [...(surfaces[i] ?? [])].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
    return { spelling: usual ?? keys.join(' '), mentions: mentions[i] ?? 0, episodes: episodes[i]?.size ?? 0 };
  });
}

const times = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

/**
 * The topic file for a draft: front matter with the title and the suggested
 * aliases (each with its count as a comment), a description to write as a
 * commented placeholder, and how often the name itself occurs.
 */
export function topicDraftText(draft: TopicDraft): string {
  const data: Record<string, unknown> = { title: draft.title };
  if (draft.aliases.length > 0) data.aliases = draft.aliases.map((a) => a.spelling);
  const doc = new Document(data);
  const list = doc.get('aliases', true);
  if (isSeq(list)) {
    list.items.forEach((item, i) => {
      const alias = draft.aliases[i];
      if (alias && item !== null && typeof item === 'object') (item as { comment?: string }).comment = ` ${times(alias.mentions, 'mention')} in ${times(alias.episodes, 'episode')}`;
    });
  }
  const notes = [
    `"${draft.title}" itself: ${times(draft.name.mentions, 'mention')} in ${times(draft.name.episodes, 'episode')} of ${draft.episodes}.`,
    draft.aliases.length > 0
      ? 'The aliases are other spellings of the name found in the transcripts (near spellings and sound-alikes): remove any that are not this topic.'
      : 'No other spellings of the name were found in the transcripts; add aliases as they come up: aliases: [other spelling]',
    'Say what the topic is in one sentence, for topic lists and the page description, and remove the #:',
    'description: What the topic is, in one sentence.',
    'Below the closing line, write about the topic in Markdown (optional).',
  ];
  doc.comment = notes.map((n) => ` ${n}`).join('\n');
  return `---\n${doc.toString({ lineWidth: 0 })}---\n`;
}
