/**
 * Candidate topic phrases from running text, found with wink-nlp and its
 * English model (part-of-speech tags): maximal
 * noun chunks (adjectives then nouns or proper nouns, joined by hyphens but
 * not by other punctuation), cut where a stop word, a possessive, a number,
 * a calendar word or caption markup interrupts, and every sub-phrase of up
 * to four words that ends in a noun. Loaded on first use.
 *
 * The tagger guesses at words its model does not know, and names heard in
 * lower case ("anthropic", "openai" in auto-captions) come out as
 * adjectives. A word that no noun follows, tagged an adjective but rare in
 * English, spoken and written (`RARE_ADJECTIVE_ZIPF`), is read as a noun:
 * an adjective that rare and standing alone is more likely a name.
 */
import winkNLP from 'wink-nlp';
import type { WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { markupRanges, wordKey } from '../words.ts';
import { backgroundZipf, generalZipf } from './background.ts';
import { cutShortKey } from './cut-short.ts';

/** One phrase found in a text. */
export interface NounPhrase {
  /** Word keys (words.ts). */
  keys: string[];
  /** The words as written, joined by single spaces. */
  surface: string;
  /** True when every word is a proper noun or capitalised mid-sentence (a name, not a thing). */
  proper: boolean;
  /** True when every word is capitalised mid-sentence: a name by its capitals, not by the tagger's guess. */
  capitalised: boolean;
  /** True when the first word is an adjective ("large language model", "new model"). */
  adjectiveFirst: boolean;
  /** True when the phrase ends where its chunk ends: the head, not a modifier ("tech" in "tech companies" is not). */
  head: boolean;
}

/** An adjective no noun follows and at most this common in English (Zipf, spoken and written) is read as a noun. */
export const RARE_ADJECTIVE_ZIPF = 2.0;

/** Longest sub-phrase taken from a chunk, in words. */
export const MAX_PHRASE_WORDS = 4;

let nlp: WinkMethods | undefined;
// No entity recognizer: it cost a third of the tagging time, and what it kept out of phrases (numbers,
// dates, amounts) the excluded words do (number, unit and calendar words, digits; stop-words.ts).
// No sentence boundary detection either: it took about 40% of the tagging time and does not change a
// tag; where sentences start is only needed to tell a capital that marks a name (`sentenceStarts`).
const engine = () => (nlp ??= winkNLP(model, ['pos']));

interface ChunkWord {
  key: string;
  value: string;
  noun: boolean;
  proper: boolean;
  capitalised: boolean;
}

/**
 * The candidate phrases of `text`. `excluded(key)` says which single words
 * may never be part of a phrase (filler, number words, profanity). When
 * `adjectives` is given, it counts the words read as adjectives. When
 * `cutShort` is given, it counts the verbs right after a noun phrase of
 * everyday words (`cutShortKey`): where the tagger may have cut a term
 * short ("test time" before "compute", see cut-short.ts).
 */
export function nounPhrases(text: string, excluded: (key: string) => boolean, adjectives?: Map<string, number>, cutShort?: Map<string, number>): NounPhrase[] {
  const clean = maskMarkup(text);
  const doc = engine().readDoc(clean);
  const its = engine().its;
  // Whole columns at once: much faster than asking each token.
  const tokens = doc.tokens();
  const types = tokens.out(its.type) as string[];
  const values = tokens.out(its.value) as string[];
  const tags = tokens.out(its.pos) as string[];
  const stops = tokens.out(its.stopWordFlag) as unknown as boolean[];
  const spaces = tokens.out(its.precedingSpaces) as string[];
  const count = values.length;
  const sentenceStart = sentenceStarts(types, values);
  // Where the text has lower case, a name in capitals is an acronym even when spelled like a stop word ("the US").
  const mixedCase = /\p{Ll}/u.test(clean);

  const out: NounPhrase[] = [];
  let chunk: ChunkWord[] = [];
  const flush = (next?: number) => {
    const last = chunk.at(-1);
    if (last && !last.noun && generalZipf(last.key) <= RARE_ADJECTIVE_ZIPF) last.noun = true;
    if (adjectives) for (const w of chunk) if (!w.noun) adjectives.set(w.key, (adjectives.get(w.key) ?? 0) + 1);
    if (cutShort && last?.noun && next !== undefined && tags[next] === 'VERB' && types[next] === 'word' && spaces[next] !== '' && !stops[next]) {
      const verb = wordKey(values[next] as string);
      if (cutShortVerb(verb) && !excluded(verb)) noteCutShort(chunk, verb, cutShort);
    }
    if (chunk.length > 0) emit(chunk, out);
    chunk = [];
  };
  let joinNext = false; // a hyphen joins the next word to the chunk
  for (let index = 0; index < count; index++) {
    const type = types[index];
    const value = values[index] as string;
    const glued = spaces[index] === '';
    if (type === 'punctuation' && value === '-' && chunk.length > 0 && glued) {
      joinNext = true;
      continue;
    }
    const pos = tags[index];
    const key = type === 'word' ? wordKey(value) : '';
    const usable =
      key.length >= 2 &&
      !key.includes("'") &&
      (pos === 'NOUN' || pos === 'PROPN' || pos === 'ADJ') &&
      (!stops[index] || (mixedCase && pos === 'PROPN' && /^\p{Lu}{2,}$/u.test(value))) &&
      !excluded(key);
    const attached = joinNext && glued;
    joinNext = false;
    if (!usable) {
      flush(index);
      continue;
    }
    if (chunk.length > 0 && !attached && glued) {
      flush(); // glued to the previous word by something other than a hyphen
    }
    const capitalised = /^\p{Lu}/u.test(value) && sentenceStart[index] === 0 && value !== 'I';
    chunk.push({ key, value, noun: pos !== 'ADJ', proper: pos === 'PROPN' || capitalised, capitalised });
  }
  flush();
  return out;
}

/**
 * 1 for each word token that starts a sentence: the first word, and the
 * first word after ".", "!", "?" or "…" (quotes and brackets between do
 * not count), or after a word the tokenizer kept with its full stop unless
 * it is capitalised ("etc." ends a sentence, "Mr." and "U.S." do not). On
 * the seed transcripts this agrees with wink-nlp's sentence boundaries on
 * 99.9% of words; where it differs it is mostly right (a word after an
 * opening quote).
 */
export function sentenceStarts(types: readonly string[], values: readonly string[]): Uint8Array {
  const starts = new Uint8Array(types.length);
  let atStart = true;
  for (let i = 0; i < types.length; i++) {
    const value = values[i] as string;
    if (types[i] === 'punctuation') {
      if (/^[.!?\u2026]+$/.test(value)) atStart = true;
      continue;
    }
    if (atStart) starts[i] = 1;
    atStart = value.length > 1 && value.endsWith('.') && !/^\p{Lu}/u.test(value);
  }
  return starts;
}

/** A phrase's words are everyday when each is more common than this in speech (Zipf; "test time"): no topic as they are (discovery's `maxZipfPhrase`). */
export const EVERYDAY_PHRASE_ZIPF = 4.8;

/** A verb that may end a term: a word of three letters or more, not everyday (Zipf, speech), such as "compute". */
function cutShortVerb(key: string): boolean {
  return key.length >= 3 && !key.includes("'") && backgroundZipf(key) <= EVERYDAY_PHRASE_ZIPF;
}

/** Count the verb after each tail of the chunk of two words or more, short of the longest phrase, whose words are all everyday. */
function noteCutShort(chunk: readonly ChunkWord[], verb: string, cutShort: Map<string, number>): void {
  for (let first = chunk.length - 1; first >= Math.max(0, chunk.length - MAX_PHRASE_WORDS + 1); first--) {
    if (backgroundZipf((chunk[first] as ChunkWord).key) <= EVERYDAY_PHRASE_ZIPF) break;
    if (first === chunk.length - 1) continue; // one word: no phrase
    const id = cutShortKey(chunk.slice(first).map((w) => w.key), verb);
    cutShort.set(id, (cutShort.get(id) ?? 0) + 1);
  }
}

/** Every sub-phrase of a chunk of up to MAX_PHRASE_WORDS words that ends in a noun. */
function emit(chunk: readonly ChunkWord[], out: NounPhrase[]): void {
  for (let last = 0; last < chunk.length; last++) {
    if (!(chunk[last] as ChunkWord).noun) continue;
    for (let first = Math.max(0, last - MAX_PHRASE_WORDS + 1); first <= last; first++) {
      const words = chunk.slice(first, last + 1);
      out.push({
        keys: words.map((w) => w.key),
        surface: words.map((w) => w.value).join(' '),
        proper: words.every((w) => w.proper),
        capitalised: words.every((w) => w.capitalised),
        adjectiveFirst: !(words[0] as ChunkWord).noun,
        head: last === chunk.length - 1,
      });
    }
  }
}

/** Replace caption markup with spaces, keeping offsets, so the tagger never sees it. */
function maskMarkup(text: string): string {
  const ranges = markupRanges(text);
  if (ranges.length === 0) return text;
  let out = '';
  let at = 0;
  for (const [from, to] of ranges) {
    out += `${text.slice(at, from)}${' '.repeat(to - from)}`;
    at = to;
  }
  return out + text.slice(at);
}
