/**
 * Test tables for the places stage. Each row: a text, the mention, and what it must resolve to
 * (name, ISO country, admin1, precision, use); `misses` are texts in which a name must not
 * become a place. The texts are written for these tests; the gazetteer is the small fixture index
 * of src/resources/gazetteer/fixtures.
 */

export interface PlaceCase {
  why: string
  text: string
  mention: string
  name: string
  country: string | null
  admin1?: string | null
  precision?: 1 | 2 | 3
  use?: 'location' | 'metonym'
  /** The article's address, for the outlet's country. */
  url?: string
}

/** A region named next to the name is a hard filter. */
export const hardFilter: PlaceCase[] = [
  {
    why: '"Kharkiv\'s Novoselivka" is the village near Kharkiv, not the larger one near Odesa',
    text: "Shelling hit Kharkiv's Novoselivka overnight, officials said.",
    mention: 'Novoselivka',
    name: 'Novoselivka',
    country: 'UA',
    admin1: 'Kharkiv Oblast',
  },
  {
    why: 'without the owner, the larger Novoselivka wins',
    text: 'Shelling hit Novoselivka overnight, officials said.',
    mention: 'Novoselivka',
    name: 'Novoselivka',
    country: 'UA',
    admin1: 'Odesa Oblast',
  },
  {
    why: 'a US state lies in no other state: "Paris, Texas, Atlanta and X, Georgia" keeps Texas',
    text: 'The chain has stores in Paris, Texas, Atlanta and Macon, Georgia, and plans more.',
    mention: 'Texas',
    name: 'Texas',
    country: 'US',
    precision: 3,
  },
  {
    why: 'villages "in Donetsk Oblast" are the Donetsk ones, not the Kyiv Oblast Tarasivka',
    text: 'Fighting was reported near Tarasivka and Bilohorivka in Donetsk Oblast on Tuesday.',
    mention: 'Tarasivka',
    name: 'Tarasivka',
    country: 'UA',
    admin1: 'Donetsk Oblast',
    precision: 2,
  },
  {
    why: 'the coordinated village after "and" is in the same region (not the Luhansk Bilohorivka)',
    text: 'Fighting was reported near Tarasivka and Bilohorivka in Donetsk Oblast on Tuesday.',
    mention: 'Bilohorivka',
    name: 'Bilohorivka',
    country: 'UA',
    admin1: 'Donetsk Oblast',
  },
  {
    why: '"in Donetsk" after villages is the region that holds them',
    text: 'The clash took place near Tarasivka and Bilohorivka in Donetsk.',
    mention: 'Donetsk',
    name: 'Donetsk Oblast',
    country: 'UA',
    precision: 3,
  },
  {
    why: '"X, Y" with Y a US state picks the town in that state',
    text: 'The storm reached Paris, Texas, late on Sunday.',
    mention: 'Paris',
    name: 'Paris',
    country: 'US',
  },
  {
    why: '"Atlanta, Georgia": the state, not the country',
    text: 'Protesters gathered in Atlanta, Georgia, outside the state Capitol.',
    mention: 'Georgia',
    name: 'Georgia',
    country: 'US',
  },
]

/** The article's other places decide between same-named places. */
export const proximity: PlaceCase[] = [
  {
    why: 'the Novoselivka next to Chuhuiv, not the larger one near Odesa',
    text: 'Shelling hit Chuhuiv in the morning. Later, drones struck Novoselivka.',
    mention: 'Novoselivka',
    name: 'Novoselivka',
    country: 'UA',
    admin1: 'Kharkiv Oblast',
  },
  {
    why: 'a city after a sentence opener and "in" is the city, not a region holding the opener',
    text: 'Police in Kyiv arrested a man on Sunday.',
    mention: 'Kyiv',
    name: 'Kyiv',
    country: 'UA',
    precision: 1,
  },
  {
    why: 'a town in a list is no region holding the name before it ("Culiacán, Puebla and Kano")',
    text: 'Protests took place in Culiacán, Puebla and Kano on Monday.',
    mention: 'Culiacán',
    name: 'Culiacán',
    country: 'MX',
    precision: 1,
  },
  {
    why: 'without context the larger, higher-ranked place wins',
    text: 'Officials in Paris announced new measures.',
    mention: 'Paris',
    name: 'Paris',
    country: 'FR',
  },
  {
    why: 'a capital outranks a small namesake in the country the article is about, uncontained',
    text: 'Storms hit Atlanta on Monday, officials in Washington said. Paris sent condolences.',
    mention: 'Paris',
    name: 'Paris',
    country: 'FR',
  },
  {
    why: 'a container still picks the namesake over the capital',
    text: 'Storms hit Atlanta on Monday and Paris, Texas, on Tuesday.',
    mention: 'Paris',
    name: 'Paris',
    country: 'US',
  },
]

export const metonyms: PlaceCase[] = [
  {
    why: 'a country subject of a verb the tagger calls a plural noun, before a determiner',
    text: 'China advocates a peaceful settlement of the crisis.',
    mention: 'China',
    name: 'China',
    country: 'CN',
    use: 'metonym',
  },
  {
    why: "a country's own region after its possessive: the country is literal",
    text: 'Drones struck a depot in Russia’s Kursk region on Monday.',
    mention: 'Russia',
    name: 'Russia',
    country: 'RU',
    use: 'location',
  },
  {
    why: 'a region after "in" and a possessive is literal, though a verb follows it',
    text: 'A strike on a school in Russia’s Kursk region killed two children.',
    mention: 'Kursk region',
    name: 'Kursk Oblast',
    country: 'RU',
    use: 'location',
  },
  {
    why: 'a direction between the preposition and the place belongs to the place',
    text: 'Drone strikes on two villages in eastern Ukraine killed five people on Monday.',
    mention: 'Ukraine',
    name: 'Ukraine',
    country: 'UA',
    use: 'location',
  },
  {
    why: 'a plural noun after a country followed by a verb is a noun: no metonym',
    text: 'Ukraine rivers froze early in May.',
    mention: 'Ukraine',
    name: 'Ukraine',
    country: 'UA',
    use: 'location',
  },
  {
    why: 'subject of a saying verb',
    text: 'Moscow denied the report on Friday.',
    mention: 'Moscow',
    name: 'Moscow',
    country: 'RU',
    use: 'metonym',
  },
  {
    why: 'subject with an auxiliary',
    text: 'Kyiv has said the talks failed.',
    mention: 'Kyiv',
    name: 'Kyiv',
    country: 'UA',
    use: 'metonym',
  },
  {
    why: 'object of "urged"',
    text: 'He urged Washington to reconsider its position.',
    mention: 'Washington',
    name: 'Washington',
    country: 'US',
    use: 'metonym',
  },
  {
    why: 'object of "contact"',
    text: 'The minister will contact Beijing for an explanation.',
    mention: 'Beijing',
    name: 'Beijing',
    country: 'CN',
    use: 'metonym',
  },
  {
    why: '"aid to X"',
    text: 'American military aid to Kyiv has grown.',
    mention: 'Kyiv',
    name: 'Kyiv',
    country: 'UA',
    use: 'metonym',
  },
  {
    why: 'possessive with a political noun',
    text: "China's narrative aligns with the war.",
    mention: 'China',
    name: 'China',
    country: 'CN',
    use: 'metonym',
  },
  {
    why: 'a locative preposition makes it literal',
    text: 'Explosions were heard in Moscow overnight.',
    mention: 'Moscow',
    name: 'Moscow',
    country: 'RU',
    use: 'location',
  },
  {
    why: 'a destination after a motion verb is literal',
    text: 'The envoy flew to Kyiv on Monday.',
    mention: 'Kyiv',
    name: 'Kyiv',
    country: 'UA',
    use: 'location',
  },
  {
    why: 'one literal occurrence makes the place a location',
    text: 'Moscow denied it. Later, protests broke out in Moscow.',
    mention: 'Moscow',
    name: 'Moscow',
    country: 'RU',
    use: 'location',
  },
  {
    why: 'a dateline is literal',
    text: 'KYIV (Reuters) - Kyiv said talks would resume.',
    mention: 'KYIV',
    name: 'Kyiv',
    country: 'UA',
    use: 'location',
  },
  {
    why: 'the subject of a passive suffers the act where it is: literal',
    text: 'Kharkiv was shelled overnight, officials said.',
    mention: 'Kharkiv',
    name: 'Kharkiv',
    country: 'UA',
    use: 'location',
  },
  {
    why: 'a place that "came under fire" is literal',
    text: 'Kharkiv came under heavy fire on Monday.',
    mention: 'Kharkiv',
    name: 'Kharkiv',
    country: 'UA',
    use: 'location',
  },
  {
    why: 'a capital accused in the passive is still the state',
    text: 'Moscow was accused of meddling in the vote.',
    mention: 'Moscow',
    name: 'Moscow',
    country: 'RU',
    use: 'metonym',
  },
]

export const transliteration: PlaceCase[] = [
  {
    why: 'Russian-style spelling finds the Ukrainian name',
    text: 'Troops advanced on Belogorovka.',
    mention: 'Belogorovka',
    name: 'Bilohorivka',
    country: 'UA',
  },
  {
    why: 'Cyrillic',
    text: 'Fighting continued near Білогорівка.',
    mention: 'Білогорівка',
    name: 'Bilohorivka',
    country: 'UA',
  },
  {
    why: 'renamed city via the alias table',
    text: 'Russian forces shelled Artemivsk again.',
    mention: 'Artemivsk',
    name: 'Bakhmut',
    country: 'UA',
  },
  {
    why: 'old spelling via the alias table',
    text: 'A missile hit Zaporozhye overnight.',
    mention: 'Zaporozhye',
    name: 'Zaporizhzhia',
    country: 'UA',
  },
  {
    why: '"X region" is the region',
    text: 'Drones were downed over the Rostov region.',
    mention: 'Rostov region',
    name: 'Rostov Oblast',
    country: 'RU',
    precision: 3,
  },
  {
    why: '"the Kursk front" is Kursk Oblast',
    text: 'North Koreans fought on the Kursk front.',
    mention: 'Kursk',
    name: 'Kursk Oblast',
    country: 'RU',
    precision: 3,
  },
]

/** A village missing from the gazetteer in its named region falls back to the region. */
export const missingVillage: PlaceCase[] = [
  {
    why: 'Novodmytrivka exists only in Kherson Oblast in the gazetteer: never resolve there',
    text: 'Fighting continued near Novodmytrivka in Donetsk Oblast.',
    mention: 'Novodmytrivka',
    name: 'Novodmytrivka',
    country: 'UA',
    admin1: 'Donetsk Oblast',
    precision: 3,
  },
]

/** The kind of place named before it: "the state of Puebla", "the province of Helmand". */
export const kindBefore: PlaceCase[] = [
  {
    why: 'a region word and "of" before a name that is also a city make it the region',
    text: 'Gunmen killed five people in the state of Puebla on Sunday.',
    mention: 'Puebla',
    name: 'Puebla State',
    country: 'MX',
    precision: 3,
  },
  {
    why: 'a region named after "the oblast of" is the region',
    text: 'Shelling continued across the oblast of Donetsk overnight.',
    mention: 'Donetsk',
    name: 'Donetsk Oblast',
    country: 'UA',
    precision: 3,
  },
]

/** A district the gazetteer lacks in the region an article is about falls back to that region. */
export const districtFallback: PlaceCase[] = [
  {
    why: 'the only Novodmytrivka is in Kherson Oblast; the article is about Kharkiv Oblast',
    text: 'Flooding hit Kharkiv Oblast overnight. Schools in the Novodmytrivka district stayed closed.',
    mention: 'Novodmytrivka district',
    name: 'Novodmytrivka',
    country: 'UA',
    admin1: 'Kharkiv Oblast',
    precision: 3,
  },
  {
    why: 'a village the gazetteer lacks, named as one, in an article about one region',
    text: 'Shelling hit Kharkiv Oblast overnight. Two people died in Kotlyne village, officials said.',
    mention: 'Kotlyne',
    name: 'Kotlyne',
    country: 'UA',
    admin1: 'Kharkiv Oblast',
    precision: 3,
  },
]

/** Names that must not become places. */
export const misses: { why: string; text: string; mention: string }[] = [
  {
    why: 'a place inside an administration name',
    text: 'The Kharkiv Regional Military Administration said two people were hurt.',
    mention: 'Kharkiv',
  },
  {
    why: 'a place inside a conference name',
    text: 'He spoke at the Munich Security Conference on Saturday.',
    mention: 'Munich',
  },
  {
    why: 'a demonym is an entity, not a place',
    text: 'Chinese soldiers were captured.',
    mention: 'Chinese',
  },
  {
    why: 'a demonym in the plural',
    text: 'North Koreans fought alongside them.',
    mention: 'North Koreans',
  },
  {
    why: 'a region word alone is no place ("the State of Puebla")',
    text: 'Floods hit the State of Puebla on Monday.',
    mention: 'State',
  },
  {
    why: 'a place in a meeting name',
    text: 'The US skipped the upcoming Ramstein defense meeting.',
    mention: 'Ramstein',
  },
  {
    why: 'a common word opening a sentence is not the town it also names (Police, PL)',
    text: 'Police detained 14 protesters in Szczecin on Sunday.',
    mention: 'Police',
  },
  {
    why: 'an opener before "in" and a city is no village missing from that city (Police, PL)',
    text: 'Police in Kyiv arrested a man on Sunday.',
    mention: 'Police',
  },
  {
    why: 'a word the article also writes in lower case is a common word at a sentence start',
    text: 'Gap widened between the parties in Grenoble. The gap is now wide.',
    mention: 'Gap',
  },
]

/** A common word that is also a town stays a place when the name occurs inside a sentence too. */
export const commonWordPlaces: PlaceCase[] = [
  {
    why: 'the town named inside a sentence keeps its sentence-start occurrence a place',
    text: 'The march in Police ended early. Police was calm by night, officials in Szczecin said.',
    mention: 'Police',
    name: 'Police',
    country: 'PL',
  },
  {
    why: 'a town whose name is no common word is still a place at a sentence start',
    text: 'Bakhmut remains under fire, officials in Donetsk said.',
    mention: 'Bakhmut',
    name: 'Bakhmut',
    country: 'UA',
  },
]

/** An office of a region's government after the name makes it the region; a city's does not. */
export const regionOffices: PlaceCase[] = [
  {
    why: '"Washington Gov." is the state',
    text: 'Washington Gov. Jay Inslee signed the bill on Friday.',
    mention: 'Washington',
    name: 'Washington State',
    country: 'US',
  },
  {
    why: '"Washington Mayor" is the city',
    text: 'Washington Mayor Muriel Bowser signed the order on Friday.',
    mention: 'Washington',
    name: 'Washington',
    country: 'US',
  },
]

/** The outlet's country (from its address) is one vote for same-named places. */
export const outletHints: PlaceCase[] = [
  {
    why: 'a British outlet\'s bare "Edmonton" is the London district, not the Alberta capital',
    text: 'Youngsters from a school in Edmonton planted a garden this week.',
    mention: 'Edmonton',
    name: 'Edmonton',
    country: 'GB',
    url: 'http://www.localnews.co.uk/article.cfm?id=1',
  },
  {
    why: 'with no address, a bare "Edmonton" is the larger Alberta capital',
    text: 'Youngsters from a school in Edmonton planted a garden this week.',
    mention: 'Edmonton',
    name: 'Edmonton',
    country: 'CA',
  },
  {
    why: 'a generic domain (.tv) says nothing of the country',
    text: 'Youngsters from a school in Edmonton planted a garden this week.',
    mention: 'Edmonton',
    name: 'Edmonton',
    country: 'CA',
    url: 'https://www.news.tv/garden',
  },
  {
    why: 'the outlet alone does not move a capital of millions ("London" on a Canadian site)',
    text: 'Organizers of a London rally met on Sunday. London police said the march was peaceful.',
    mention: 'London',
    name: 'London',
    country: 'GB',
    url: 'https://www.localnews.ca/2016/12/17/rally',
  },
]
