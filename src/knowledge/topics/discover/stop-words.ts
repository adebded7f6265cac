/**
 * Words that never make a discovered topic, by kind. Each list is short
 * on purpose: everyday words are already kept out by their frequency in
 * spoken English (background.ts), so these only catch what frequency
 * misses. Profanity comes from the `cuss` package (words rated 2, "likely
 * profane"; words rated lower, like "abortion", are legitimate topics).
 * Keys are matching keys (words.ts): singular, lower case.
 */
import { cuss } from 'cuss';
import { wordKey } from '../words.ts';

const keys = (words: string) => new Set(words.split(/\s+/).filter(Boolean).map(wordKey));

/** Hesitations, discourse markers and vague placeholders of speech. */
export const fillerWords = keys(`
  um umm uh uhh er erm ah oh eh hmm hm mm mhm huh yeah yep yup nope okay ok alright right like
  gonna wanna gotta kinda sorta dunno blah whatever stuff thing things lot lots bunch kind sort
  guy guys folks folk yes no hey wow cool quote unquote
`);

/** Number words: spelled-out numbers are amounts, not topics. */
export const numberWords = keys(`
  zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
  sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
  hundred hundreds thousand thousands million millions billion billions trillion trillions
  dozen dozens half quarter first second third fourth fifth sixth seventh eighth ninth tenth
  percent digit ii iii iv vi vii viii ix xi xii
`);

/** Units that count amounts ("fifty-seven kilometres", "three cents"). */
export const unitWords = keys(`
  metre meter kilometre kilometer centimetre millimetre mile foot feet inch yard gram kilogram kilo
  pound ounce litre liter tonne ton degree hour minute second day week month year decade century
  cent euro dollar buck yen percent
`);

/** Calendar and clock words: dates and times are when, not what ("last Monday", "in October", "Tuesday night"). */
export const calendarWords = keys(`
  january february march april may june july august september october november december
  monday tuesday wednesday thursday friday saturday sunday weekday weekend
  yesterday tomorrow tonight morning afternoon evening night midnight noon
`);

/** Show furniture: intros, outros and sponsor reads. */
export const boilerplateWords = keys(`
  subscribe subscriber unsubscribe newsletter podcast podcasts episode episodes
  listener listeners listening sponsor sponsors sponsored patreon merch promo coupon show
  host hosts guest guests thank thanks welcome today podcaster
`);

/** Word-forming prefixes that hyphenation leaves standing alone ("pre-training", "multi-billion"). */
export const prefixWords = keys(`
  pre post non multi anti semi sub co mid re un ultra mega micro mini inter intra cross self ex hyper
`);

const profane = new Set(Object.entries(cuss).filter(([, rating]) => rating >= 2).map(([word]) => wordKey(word)));

/** Why a single word may not be part of a discovered topic, or undefined when it may. */
export function excludedWord(key: string): 'filler' | 'number' | 'unit' | 'calendar' | 'boilerplate' | 'profanity' | 'prefix' | undefined {
  if (fillerWords.has(key)) return 'filler';
  if (unitWords.has(key)) return 'unit';
  if (calendarWords.has(key)) return 'calendar';
  if (prefixWords.has(key)) return 'prefix';
  if (numberWords.has(key)) return 'number';
  if (boilerplateWords.has(key)) return 'boilerplate';
  if (profane.has(key)) return 'profanity';
  if (/^\d/.test(key)) return 'number';
  return undefined;
}
