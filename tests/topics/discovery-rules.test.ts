/**
 * Rules of discovery on small made-up episodes: a surname joins the one
 * full name that ends with it; spellings of a name that is no word merge
 * however often each is heard; the written background keeps business words
 * out; a phrase an episode is titled with skips the collocation filter;
 * tagging in the worker thread counts exactly what tagging here counts;
 * the written-English table is what its package gives; a noun phrase the
 * tagger cut short before a verb ("test time compute") is taken whole; a
 * term one episode alone says five times is kept.
 */
import { describe, expect, it } from 'vitest';
import { writtenEnglish, WRITTEN_ENGLISH_FILE } from '../../scripts/written-english.ts';
import { readFileSync } from 'node:fs';
import { buildTopicIndex } from '../../src/knowledge/topics/build-topics.ts';
import { backgroundZipf, generalZipf } from '../../src/knowledge/topics/discover/background.ts';
import { fragment, leadingWords } from '../../src/knowledge/topics/discover/discover.ts';
import { nounPhrases, sentenceStarts } from '../../src/knowledge/topics/discover/noun-phrases.ts';
import { cutShortKey, cutShortPhrases } from '../../src/knowledge/topics/discover/cut-short.ts';
import { Vocabulary } from '../../src/knowledge/topics/discover/vocabulary.ts';
import type { Phrase } from '../../src/knowledge/topics/discover/phrase-table.ts';
import { PhraseTable } from '../../src/knowledge/topics/discover/phrase-table.ts';
import type { PhrasePart } from '../../src/knowledge/topics/discover/phrase-table.ts';
import { passMatcher, SecondThread, workEpisode } from '../../src/knowledge/topics/second-thread.ts';
import type { MatcherSpec } from '../../src/knowledge/topics/second-thread.ts';
import type { AliasEntry } from '../../src/knowledge/topics/alias-matcher.ts';
import type { SpeechText } from '../../src/knowledge/topics/corpus.ts';
import { episodeFromCues } from './make-episodes.ts';

const filler = Array.from({ length: 30 }, (_, i) => ['We talked about the weather.', 'It was a long drive home.', 'Everyone had an opinion.'][i % 3] as string);
const episode = (id: string, said: string[], sidecar = '') =>
  episodeFromCues(id, [...said, ...filler].map((text): [string, string] => ['Speaker 1', text]), sidecar);
const discovered = (...episodes: ReturnType<typeof episode>[]) => buildTopicIndex(episodes, []).topics.filter((t) => t.source === 'discovered');

describe('discovery rules', () => {
  it('links a surname said alone to the one full name that ends with it', () => {
    const topics = discovered(
      episode('a', ['Ilsa Varnow mapped the aquifer.', 'Varnow says it is shrinking.', 'Varnow went back in spring.', 'Then Ilsa Varnow left.']),
      episode('b', ['Varnow wrote again.', 'Ilsa Varnow called us.', 'Varnow had new maps.']),
    );
    const varnow = topics.find((t) => t.name === 'Ilsa Varnow');
    expect(varnow?.aliases).toContain('Varnow');
    expect(topics.map((t) => t.name)).not.toContain('Varnow');
    expect(varnow?.mentions).toBe(7);
  });

  it('merges spellings of a name that is no word, however often each is heard', () => {
    const topics = discovered(
      episode('a', ['Then Quorbex Labs raised money.', 'Quorbex Labs builds chips.', 'Quorbex Labs again.']),
      episode('b', ['Korbex Labs is a lab.', 'Korbex Labs hired people.', 'Korbex Labs grew.']),
    );
    // As often as each other, so no spelling is three times the other: they sound the same, two edits apart, and neither is a word.
    const name = topics.find((t) => t.aliases.some((a) => /quorbex/i.test(a)));
    expect(name?.aliases).toContain('Korbex Labs');
    expect(name?.mentions).toBe(6);
  });

  it('merges a name heard wrong whose differing word is a rare word, not only a non-word', () => {
    const topics = discovered(
      episode('a', ['We met Core Weave today.', 'Then Core Weave called.', 'Core Weave rents chips.']),
      episode('b', ['then cor weave again.', 'and cor weave grew.', 'so cor weave rents.', 'cor weave is big.', 'i like cor weave.']),
    );
    // "cor" is in the film-speech list (Zipf 2.7), but no everyday word; "cor weave" sounds like "Core Weave".
    const name = topics.find((t) => t.aliases.includes('Core Weave'));
    expect(name?.aliases.map((a) => a.toLowerCase())).toContain('cor weave');
    expect(name?.mentions).toBe(8);
  });

  it('reads a name heard wrong inside a phrase when a mishearing of the name is heard there too', () => {
    const claude = ['We asked Claude about it.', 'Then Claude wrote a poem.', 'Claude is a model.', 'Claude answered fast.', 'Claude never sleeps.', 'So Claude again.', 'Is cloude good?'];
    const heard = ['I used cloud code all week.', 'Then cloud code wrote the tests.', 'Then cloud code broke.', 'We like cloud code.', 'The cloud code bill grew.', 'Some clawed code ran too.'];
    const withEvidence = discovered(episode('a', [...claude, ...heard, 'My cloude code session ran.']), episode('b', [...claude, ...heard]));
    // "cloude" is a mishearing of "Claude" (merged into it), and it is heard in "cloude code": "cloud code" is Claude's.
    expect(withEvidence.find((t) => t.name === 'Claude')?.aliases).toContain('cloude');
    const code = withEvidence.find((t) => t.aliases.includes('cloud code'));
    expect(code?.name).toBe('Claude code');
    expect(code?.aliases).toEqual(expect.arrayContaining(['cloude code', 'clawed code']));
    expect(code?.mentions).toBe(13);
    // Without a mishearing of the name in that place, the phrase is what was heard.
    const without = discovered(episode('a', [...claude, ...heard]), episode('b', [...claude, ...heard]));
    const plain = without.find((t) => t.aliases.some((a) => a.toLowerCase() === 'cloud code'));
    expect(plain?.name).toBe('Cloud code');
    expect(plain?.aliases).not.toContain('clawed code');
  });

  it('names a phrase in sentence case, keeping the capitals of its words', () => {
    const said = ['We built generative AI tools.', 'Then generative AI got cheap.', 'So generative AI spread.', 'Is generative AI good?'];
    const topics = discovered(episode('a', said), episode('b', said));
    expect(topics.map((t) => t.name)).toContain('Generative AI');
  });

  it('judges common words and acronyms against written English too, names against speech', () => {
    expect(generalZipf('ceo')).toBeGreaterThan(backgroundZipf('ceo'));
    expect(generalZipf('industry')).toBeGreaterThan(4.3);
    expect(generalZipf('zorblax')).toBe(backgroundZipf('zorblax'));
  });

  it('counts a phrase of the title however weakly its words go together', () => {
    const topics = discovered(
      episode('a', ['The amber ledger came up.', 'People argue about the ledger.', 'Some say amber ledger, some say ledger.', 'A ledger is a ledger.', 'The amber ledger again.'], 'title: Notes on the amber ledger\n'),
    );
    expect(topics.map((t) => t.name.toLowerCase())).toContain('amber ledger');
  });

  it('ranks a theme an episode is titled with as if it were said more', () => {
    const names = discovered(
      episode('a', ['The amber ledger came up.', 'Quorbex called.', 'Quorbex again.', 'People argue about the amber ledger.', 'Quorbex wrote.', 'Quorbex left.', 'Quorbex came back.'], 'title: Notes on the amber ledger\n'),
    ).map((t) => t.name.toLowerCase());
    // Said twice against five times, but the title says what the episode is about.
    expect(names.indexOf('amber ledger')).toBeGreaterThanOrEqual(0);
    expect(names.indexOf('amber ledger')).toBeLessThan(names.indexOf('quorbex'));
  });

  it('finds where sentences start without a sentence splitter, for capitals that mark a name', () => {
    const starts = (tokens: Array<[string, string]>) => [...sentenceStarts(tokens.map(([t]) => t), tokens.map(([, v]) => v))];
    const w = (v: string): [string, string] => ['word', v];
    const p = (v: string): [string, string] => ['punctuation', v];
    expect(starts([w('We'), w('met'), w('Ada'), p('.'), p('"'), w('Oh'), w('no'), p('!'), w('Then'), w('Mr.'), w('Lee'), w('etc.'), w('And'), w('U.S.'), w('Steel')])).toEqual([
      1, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 1, 0, 0,
    ]);
    expect(starts([])).toEqual([]);
    // A name after a title is capitalised mid-sentence; a word after a full stop is not.
    const capitalised = (text: string) => nounPhrases(text, () => false).filter((x) => x.capitalised).map((x) => x.keys.join(' '));
    expect(capitalised('We asked Mr. Varnow about the Kestrel Basin today.')).toEqual(expect.arrayContaining(['varnow', 'kestrel basin']));
    expect(capitalised('It rained. Rivers rose.')).not.toContain('river');
  });

  it('reads a rare word tagged an adjective, with no noun after it, as a noun (a name heard in lower case)', () => {
    const phrases = (text: string) => nounPhrases(text, () => false).map((p) => p.keys.join(' '));
    // The tagger calls "anthropic" an adjective; rare in English and standing alone, it is a name said in lower case.
    expect(phrases('well anthropic is going to raise money')).toContain('anthropic');
    // An everyday adjective standing alone stays one.
    expect(phrases('the plan was fragile and everyone knew')).not.toContain('fragile');
    // A rare adjective before its noun still modifies it.
    expect(phrases('anthropic reasoning about the universe')).not.toContain('anthropic');
  });

  it('reads a name written apart as a name when the corpus also writes it as one word', () => {
    const apart = ['we talked to open ai about it.', 'open ai said no.', 'then open ai came back.', 'and open ai agreed.'];
    const ai = Array.from({ length: 24 }, (_, i) => ['ai is everywhere.', 'we use ai daily.', 'the ai was wrong.'][i % 3] as string);
    const topic = (list: ReturnType<typeof discovered>) => list.find((t) => t.aliases.some((a) => a.toLowerCase() === 'open ai'));
    // "open" is an everyday adjective, and "ai" is said far more often without it: no topic of its own…
    expect(topic(discovered(episode('a', [...apart, ...ai]), episode('b', ['Someone released a model.', ...apart])))).toBeUndefined();
    // …unless the corpus writes it as one word, as only a name is: then it is that name, spelled as its owner spells it.
    const openai = topic(discovered(episode('a', [...apart, ...ai]), episode('b', ['OpenAI released a model.', ...apart])));
    expect(openai?.name).toBe('OpenAI');
    expect(openai?.mentions).toBe(9);
  });

  it('takes a phrase nearly always said after the same word for a piece of the longer one', () => {
    const phrase = (text: string, count: number): Phrase => ({ keys: text.split(' '), count, heads: count, proper: count, cased: count, casedProper: count, capitalised: count, adjectiveFirst: 0, surfaces: new Map() });
    const table = [phrase('street journal', 5), phrase('wall street journal', 4), phrase('data center', 10), phrase('ai data center', 3), phrase('valley', 6), phrase('silicon valley', 5)];
    const leads = leadingWords(table);
    expect(fragment(table[0] as Phrase, leads)).toMatch(/wall street journal/);
    expect(fragment(table[4] as Phrase, leads)).toMatch(/silicon valley/);
    // Said with many words before it, or alone: a phrase of its own.
    expect(fragment(table[2] as Phrase, leads)).toBeUndefined();
    expect(fragment(phrase('valley', 9), leads)).toBeUndefined();
  });

  it('takes a noun phrase the tagger cut short before a verb with that verb, when the verb nearly always follows it', () => {
    const counted = new Map<string, number>();
    nounPhrases('we need more test time compute for this', () => false, undefined, counted);
    // The tagger reads "compute" as a verb: the noun phrase stops at "test time", and the verb after it is counted.
    expect(nounPhrases('we need more test time compute for this', () => false).map((p) => p.keys.join(' '))).not.toContain('test time compute');
    expect(counted.get(cutShortKey(['test', 'time'], 'compute'))).toBe(1);
    const lines = ['We spent it on test time compute.', 'Then test time compute got cheaper.', 'So test time compute wins.', 'I like test time compute a lot.'];
    const names = (extra: string[]) => discovered(episode('a', [...lines, ...lines]), episode('b', [...lines, ...extra])).map((t) => t.name.toLowerCase());
    expect(names([])).toContain('test time compute');
    // When "test time" is as often said without the verb, it is no term the tagger cut short.
    const alone = ['The test time was short.', 'A test time came.', 'Every test time counts.', 'No test time left.', 'The test time ran over.'];
    expect(names([...alone, ...alone, ...alone])).not.toContain('test time compute');
  });

  it('finds the longer phrase only when the same verb follows the phrase at least four times in five', () => {
    const phrase = (text: string, count: number): Phrase => ({ keys: text.split(' '), count, heads: count, proper: 0, cased: count, casedProper: 0, capitalised: 0, adjectiveFirst: 0, surfaces: new Map([[text, count]]) });
    const vocabulary = new Vocabulary();
    const phrases = new Map([['test time', phrase('test time', 10)], ['long time', phrase('long time', 10)], ['big deal', phrase('big deal', 2)]]);
    const found = cutShortPhrases(phrases, new Map([[cutShortKey(['test', 'time'], 'compute'), 8], [cutShortKey(['long', 'time'], 'compute'), 7], [cutShortKey(['big', 'deal'], 'happen'), 2]]), vocabulary);
    // 8 of 10 yes; 7 of 10 no; a phrase said twice is too rare to tell.
    expect(found.map((c) => c.phrase.keys.join(' '))).toEqual(['test time compute']);
    expect(found[0]?.phrase.count).toBe(8);
    expect([...(found[0]?.phrase.surfaces.keys() ?? [])]).toEqual(['test time compute']);
    // Not when the tagger found the longer phrase itself.
    phrases.set('test time compute', phrase('test time compute', 3));
    expect(cutShortPhrases(phrases, new Map([[cutShortKey(['test', 'time'], 'compute'), 8]]), vocabulary)).toEqual([]);
  });

  it('gives a phrase back the words a phrase of the same length took from it, before judging it', () => {
    const lines = ['The domestic supply is low.', 'The domestic supply is short.', 'We need a domestic supply chain.', 'A domestic supply chain takes time.', 'Our supply chain broke.', 'The supply chain is long.', 'The supply chain failed.'];
    const topics = discovered(episode('a', lines), episode('b', ['Nothing new today.']));
    // "domestic supply" takes the first two words of "domestic supply chain", leaving "supply chain" three mentions of five;
    // it fails and goes first, and "supply chain" is counted again with its five.
    expect(topics.find((t) => t.name === 'Supply chain')?.mentions).toBe(5);
  });

  it('reads an acronym in capitals spelled like a stop word ("US") as a name, matched only in capitals', () => {
    const lines = ['Chips made in the US cost more.', 'Then the US changed the rules.', 'Let us think about the US again.', 'They told us the US would win.'];
    const us = (a: string[], b: string[]) => discovered(episode('a', a), episode('b', b)).find((t) => t.name === 'US');
    // Said six times in capitals: a topic, its lower-case "us" (a pronoun) never counted.
    expect(us(lines, lines.slice(0, 2))?.mentions).toBe(6);
    // In a transcript all in capitals, capitals say nothing of acronyms.
    const shouted = (id: string, said: string[]) => episodeFromCues(id, [...said, ...filler].map((text): [string, string] => ['Speaker 1', text.toUpperCase()]));
    expect(discovered(shouted('a', lines), shouted('b', lines.slice(0, 2))).map((t) => t.name)).not.toContain('US');
  });

  it('does not name a topic after the title spelling of another topic it only sounds like', () => {
    const topics = discovered(
      episode('a', ['The market hall opened early.', 'Every market hall sells bread.', 'A market hall needs a roof.', 'Our market hall is old.', 'The Markthal has a mural.', 'The Markthal is in Rotterdam.', 'We toured the Markthal.'], 'title: A history of the Market Hall\n'),
      episode('b', ['The Markthal was busy.', 'The market hall was empty.']),
    );
    const names = topics.map((t) => t.name);
    expect(names.filter((n) => n === 'Market Hall')).toHaveLength(1);
    expect(names).toContain('Markthal');
  });

  it('lists no possessive of a spelling it already lists as another way the name was heard', () => {
    const lines = ["Quorbex's chips are fast.", "Quorbex's plan worked.", 'Quorbex grew.', 'Then Quorbex hired.'];
    const topic = discovered(episode('a', lines), episode('b', lines)).find((t) => t.name === 'Quorbex');
    expect(topic?.mentions).toBe(8);
    expect(topic?.aliases).toEqual(['Quorbex']);
  });

  it('keeps a term one episode alone says five times, not four', () => {
    const said = (n: number) => Array.from({ length: n }, (_, i) => ['The capex keeps growing.', 'Nobody can cut the capex.', 'Their capex doubled.'][i % 3] as string);
    const names = (n: number) => discovered(episode('a', said(n)), episode('b', ['Nothing new today.'])).map((t) => t.name.toLowerCase());
    expect(names(5)).toContain('capex');
    expect(names(4)).not.toContain('capex');
  });

  it('keeps a place name a talk keeps coming back to, though films say it often; an acronym must stand out from writing too', () => {
    const talk = Array.from({ length: 3300 }, (_, i) => ['We talked about the weather today.', 'It was a long drive home again.', 'Everyone had an opinion about it.', 'The kids were tired and hungry.'][i % 4] as string);
    const said = (n: number, line: string) => Array.from({ length: n }, () => line);
    const topics = discovered(
      episode('a', [...said(3, 'Then we flew to Europe.'), ...said(2, 'The CEO said no.'), ...said(6, 'They love America today.'), ...said(20, 'Then Jack laughed.'), ...said(30, 'Interesting.'), ...talk]),
      episode('b', [...said(1, 'Europe was cold.'), ...said(2, 'Our CEO came too.'), ...said(6, 'Then America voted.'), ...said(20, 'Jack came home.'), ...said(30, 'Interesting.'), ...talk]),
    ).map((t) => t.name);
    // A reply at a sentence start is capitalised whatever it is: a word that common ("interesting", Zipf 4.9) is a
    // name only when written capitalised mid-sentence, as "America" is.
    expect(topics).not.toContain('Interesting');
    // Names up to Zipf 5 in film speech ("America", 4.9); the commonest first names are above ("Jack", 5.4), however often said.
    expect(topics).toContain('America');
    expect(topics).not.toContain('Jack');
    // About 100 per million words each (40,000 words): "Europe" almost four times its rate in film speech (and said three
    // times in one episode), "CEO" under seven times its rate in business writing.
    expect(topics).toContain('Europe');
    // Said as often but never more than twice in one episode, a name must clear ten times its rate in speech: Europe does not.
    const spread = discovered(
      episode('a', [...said(2, 'Then we flew to Europe.'), ...talk]),
      episode('b', [...said(2, 'Europe was cold.'), ...talk]),
    ).map((t) => t.name);
    expect(spread).not.toContain('Europe');
    expect(topics).not.toContain('CEO');
  });

  it('works each pass in a worker thread exactly as here, and hands the parts on in order', () => {
    const texts = ['Nvidia sells GPUs to data centers.', 'The data center in Texas uses power.', 'open source models and large language models', 'DeepSeek trained a reasoning model.'];
    const episodes = Array.from({ length: 12 }, (_, i) => texts.map((t, k) => (k === i % 4 ? `${t} Episode ${i} of Quorbex.` : t)));
    const speech = (list: string[]): SpeechText => ({ texts: list, lowercase: list.map((t) => t === t.toLowerCase()), edge: list.map((_, k) => k === 0) });
    const entries: AliasEntry[] = [
      { keys: ['data', 'center'], case: 'any', topic: 0, exclude: false, priority: 1 },
      { keys: ['data', 'centers'], case: 'any', topic: 0, exclude: false, priority: 1 },
      { keys: ['nvidia'], case: 'any', topic: 1, exclude: false, priority: 1 },
      { keys: ['large', 'language', 'models'], case: 'any', topic: 2, exclude: false, priority: 1 },
      { keys: ['language', 'models'], case: 'any', topic: 3, exclude: false, priority: 1 },
      { keys: ['quorbex'], case: 'capitalized', topic: 4, exclude: false, priority: 1 },
    ];
    const spec: MatcherSpec = { entries, spelled: Int32Array.from(entries, (e, i) => (e.keys.length === 2 ? i : -1)) };
    const thread = new SecondThread(true, 40);
    const delivered: { tag: Array<[number, unknown]>; lattice: Array<[number, unknown]>; mentions: Array<[number, unknown]> } = { tag: [], lattice: [], mentions: [] };
    let threaded = false;
    for (const pass of ['tag', 'lattice', 'mentions'] as const) {
      thread.begin(pass, (index, part) => delivered[pass].push([index, part]), pass === 'tag' ? undefined : spec);
      episodes.forEach((list, i) => thread.work(i, speech(list)));
      threaded ||= thread.threaded;
      thread.drain();
      expect(delivered[pass].map(([i]) => i)).toEqual(episodes.map((_, i) => i));
      const here = passMatcher(spec);
      expect(delivered[pass].map(([, part]) => part)).toEqual(episodes.map((list) => workEpisode(pass, speech(list), here)));
    }
    thread.close();
    expect(threaded).toBe(true);
    expect(thread.worked.worker).toBeGreaterThan(0);
    // Merged in order, the tagged parts make the table one pass over all the text makes.
    const one = new PhraseTable();
    for (const list of episodes) list.forEach((t, k) => one.add(t, speech(list).lowercase[k] ?? false));
    const merged = new PhraseTable();
    for (const [, part] of delivered.tag) merged.merge(part as PhrasePart);
    expect([...merged.phrases]).toEqual([...one.phrases]);
    expect([...merged.adjectives]).toEqual([...one.adjectives]);
  });

  it('builds the same index when the worker takes part as when it does not', () => {
    const said = ['Then Quorbex Labs raised money.', 'The data center in Texas uses power.', 'Nvidia sells GPUs to the data center.', 'Our data center runs hot.'];
    const episodes = Array.from({ length: 8 }, (_, i) => episode(`e${i}`, said.map((t, k) => (k === i % 4 ? `${t} Nvidia again.` : t))));
    const strip = (index: ReturnType<typeof buildTopicIndex>) => ({ topics: index.topics, byEpisode: [...index.byEpisode] });
    const alone = buildTopicIndex(episodes, [], { worker: false });
    const shared = buildTopicIndex(episodes, [], { workerAfterChars: 200 });
    expect(alone.topics.length).toBeGreaterThan(0);
    expect(strip(shared)).toEqual(strip(alone));
  });

  it('reads the written-English table its package gives', () => {
    expect(readFileSync(WRITTEN_ENGLISH_FILE, 'utf8')).toBe(`${JSON.stringify(writtenEnglish())}\n`);
  });
});
