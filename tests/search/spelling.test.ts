import { describe, expect, it } from 'vitest';
import { buildDictionary, frontCode, frontDecode } from '../../src/search/dictionary.ts';
import { editDistance, phoneticKey } from '../../src/search/edit-distance.ts';
import { Speller } from '../../src/search/speller.ts';
import { foldWord, tokenCount, words } from '../../src/search/text.ts';
import { makeEpisode } from '../knowledge/make-episode.ts';

describe('text', () => {
  it('folds case, diacritics and apostrophes', () => {
    expect(foldWord("Zoë's")).toBe('zoes');
    expect(words('Heat-pumps, Jürgen’s TÜV!')).toEqual(['heat', 'pumps', 'jurgens', 'tuv']);
  });

  it('counts tokens as Pagefind positions them: by whitespace', () => {
    expect(tokenCount('  So the peak gets, like... peakier. ')).toBe(6);
    expect(tokenCount('')).toBe(0);
  });
});

describe('editDistance (optimal string alignment)', () => {
  it.each([
    ['heat', 'heat', 0],
    ['heet', 'heat', 1],
    ['lindkvist', 'lindqvist', 1],
    ['pumsp', 'pumps', 1], // a swap of neighbours costs 1
    ['navidia', 'nvidia', 1],
    ['agneshka', 'agnieszka', 2],
    ['', 'abc', 3],
    ['kitten', 'sitting', 3],
  ])('%s → %s is %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });

  it('stops early past the limit', () => {
    expect(editDistance('fermentation', 'sourdough', 2)).toBe(3);
    expect(editDistance('abc', 'abcdefgh', 2)).toBe(3);
  });
});

describe('phoneticKey', () => {
  it('gives sound-alike spellings one key', () => {
    expect(phoneticKey('lindqvist')).toBe(phoneticKey('lindkvist'));
    expect(phoneticKey('farook')).toBe(phoneticKey('farouk'));
    expect(phoneticKey('agneshka')).toBe(phoneticKey('agnieszka'));
    expect(phoneticKey('philosophy')).toBe(phoneticKey('filosofy'));
  });

  it('keeps different words apart', () => {
    expect(phoneticKey('heat')).not.toBe(phoneticKey('bread'));
    expect(phoneticKey('market')).not.toBe(phoneticKey('marco'));
  });
});

const corpus = [
  makeEpisode({
    id: 'heat',
    title: 'Heat Pumps and the Grid',
    show: 'Signal & Noise',
    hosts: ['Maya Okafor'],
    guests: ['Zoë Lindqvist'],
    speakers: [
      { id: 'maya', name: 'Maya Okafor', role: 'host' },
      { id: 'zoe', name: 'Zoë Lindqvist', role: 'guest' },
    ],
    lines: [
      { speaker: 'maya', text: 'My guest is Zoë Lindqvist, and today the idea is the heat pump.' },
      { speaker: 'zoe', text: 'A heat pump moves heat. Heat pumps are the heat story. The grid carries the heat.' },
      { speaker: 'maya', text: 'Professor Lindquist, thank you. Deep seek is a model, they say; the sourdough is bread.' },
      { speaker: 'zoe', text: 'Thanks. DeepSeek again, and heel, and heal.' },
    ],
  }),
];

describe('Speller', () => {
  const dictionary = buildDictionary(corpus, { aliases: { DeepSeek: ['deep seak'] } });
  const speller = new Speller(dictionary);

  it('knows corpus words and their prefixes, and short words are left to Pagefind', () => {
    expect(speller.isKnown('heat')).toBe(true);
    expect(speller.isKnown('sourd')).toBe(true);
    expect(speller.isKnown('heet')).toBe(false);
    expect(speller.isKnown('ab')).toBe(true);
  });

  it('corrects to the closest word, preferring frequent words and names', () => {
    expect(speller.suggest('heet')[0]?.word).toBe('heat');
    expect(speller.suggest('lindkvist')[0]?.word).toBe('lindqvist');
    expect(speller.suggest('okafur')[0]?.word).toBe('okafor');
  });

  it('never corrects words under 4 letters or with digits', () => {
    expect(speller.suggest('hea')).toEqual([]);
    expect(speller.suggest('h3at')).toEqual([]);
  });

  it('finds name spellings in the transcripts, and topic aliases', () => {
    expect(dictionary.variants.lindqvist).toEqual(['lindquist']);
    expect(speller.alternatives('lindquist')).toEqual(['lindqvist']);
    expect(dictionary.variants.deepseek).toEqual(expect.arrayContaining(['deep seek', 'deep seak']));
  });

  it('splits run-together words into known words', () => {
    expect(speller.split('heatpumps')).toBe('heat pumps');
    expect(speller.split('xyzzyplugh')).toBeNull();
  });

  it('marks a capped vocabulary as incomplete, and always keeps names', () => {
    const capped = buildDictionary(corpus, { maxWords: 3 });
    expect(capped.complete).toBe(false);
    expect(capped.words.flatMap(frontDecode)).toEqual(expect.arrayContaining(['lindqvist', 'okafor']));
    expect(dictionary.complete).toBe(true);
  });
});

describe('front coding', () => {
  it('gives back the sorted words it was given, shared prefixes longer than nine included', () => {
    const list = ['a', 'abc', 'abcdefghijkl', 'abcdefghijklmn', 'abd', 'b', 'gpt4', 'gpt4o', 'zoë'].sort();
    expect(frontDecode(frontCode(list))).toEqual(list);
    expect(frontCode(['heat', 'heater', 'heating'])).toBe('0heat 4er 4ing');
    expect(frontDecode('')).toEqual([]);
  });
});
