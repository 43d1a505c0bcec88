/**
 * A synthetic corpus for the ingest benchmark and the crash test: deterministic
 * (seeded), streamed (nothing is kept between articles), with the shapes that
 * exercise the corpus: several reports per event with differing figures,
 * syndicated copies, changed versions at one URL, denials.
 *
 * `syntheticExtract` stands in for the pipeline: it reads the layers back from the
 * generated lead sentence, so timing it measures the store and the corpus only.
 */
import type { Doc, Event, Place } from '../core/record.js'
import type { Article } from '../ingest/article.js'

const CITIES: [string, number, number][] = [
  ['Kharkiv', 49.99, 36.23],
  ['Zaporizhzhia', 47.84, 35.14],
  ['Kherson', 46.64, 32.61],
  ['Odesa', 46.48, 30.72],
  ['Dnipro', 48.46, 35.05],
  ['Sumy', 50.91, 34.8],
  ['Mykolaiv', 46.97, 31.99],
  ['Kramatorsk', 48.72, 37.56],
  ['Pokrovsk', 48.28, 37.18],
  ['Chernihiv', 51.5, 31.29],
  ['Kupiansk', 49.71, 37.62],
  ['Nikopol', 47.57, 34.39],
  ['Belgorod', 50.6, 36.59],
  ['Kursk', 51.73, 36.19],
  ['El Fasher', 13.63, 25.35],
  ['Omdurman', 15.64, 32.48],
  ['Khartoum', 15.5, 32.56],
  ['Tripoli', 34.44, 35.83],
  ['Baalbek', 34.0, 36.21],
  ['Gaza City', 31.5, 34.47],
  ['Khan Younis', 31.35, 34.3],
  ['Hodeidah', 14.8, 42.95],
  ['Goma', -1.68, 29.22],
  ['Mogadishu', 2.05, 45.32],
]
const ACTORS = [
  'Russian forces',
  'Ukrainian forces',
  'Rapid Support Forces',
  'Israeli military',
  'M23 rebels',
  'al-Shabaab fighters',
]
const WEAPONS = ['ballistic missiles', 'drones', 'artillery', 'glide bombs', 'rockets']
const CLAIMANTS = [
  'regional officials',
  'the governor',
  'the health ministry',
  'emergency services',
  'the mayor',
  'local authorities',
]
const FILLER = [
  'Rescuers worked through the night to reach people trapped under the rubble of a residential building.',
  'Power and water supplies were cut in several districts and crews were working to restore them.',
  'Witnesses described a series of loud explosions shortly before dawn and a large fire near the market.',
  'Hospitals in the region said they were treating dozens of people for shrapnel wounds and burns.',
  'The attack came a day after talks on a ceasefire ended without agreement in a neighbouring capital.',
  'Aid agencies warned that shortages of fuel and medicine were worsening as the fighting continued.',
  'Local officials declared a day of mourning and said schools would stay closed until further notice.',
  'Footage shared online showed smoke rising over the city centre and damaged cars in a courtyard.',
  'The military said air defences had intercepted part of the attack but that some strikes got through.',
  'Residents said they had spent much of the night in basements and metro stations used as shelters.',
  'International observers called for an independent investigation into the circumstances of the strike.',
  'Engineers inspected nearby buildings for structural damage and ordered two blocks to be evacuated.',
  'The regional administration opened an emergency centre to register families who lost their homes.',
  'Officials said it was one of the heaviest attacks on the area since the start of the year.',
  'Volunteers distributed food, blankets and drinking water at a school turned into a temporary shelter.',
  'Analysts said the pattern of recent strikes suggested an effort to exhaust the air defence network.',
]
const OUTLETS = Array.from(
  { length: 40 },
  (_, i) => `Outlet ${String.fromCharCode(65 + (i % 26))}${i}`,
)

/** Mulberry32: small, fast, seeded. */
function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!
}

interface EventSeed {
  city: [string, number, number]
  actor: string
  weapon: string
  date: string
  killed: number
}

function eventSeed(index: number): EventSeed {
  const random = rng(index * 7919 + 17)
  const day = new Date(Date.UTC(2025, 0, 1) + Math.floor(random() * 365) * 86_400_000)
  return {
    city: pick(random, CITIES),
    actor: pick(random, ACTORS),
    weapon: pick(random, WEAPONS),
    date: day.toISOString().slice(0, 10),
    killed: 1 + Math.floor(random() * 20),
  }
}

function lead(seed: EventSeed, killed: number, claimant: string): string {
  return `${seed.actor} struck ${seed.city[0]} with ${seed.weapon} on ${seed.date}, killing ${killed} people, ${claimant} said.`
}

const SYLLABLES =
  'ba ko ri de mu sa lo vi ne ta pe gu ra ni zo che ka mi do re lu se va no ti'.split(' ')

/**
 * Filler that reads like prose to the tokenizer but that two articles do not
 * share: a stock sentence, then clauses of pseudo-words (real reports of one event
 * share facts, not paragraphs; shared paragraphs would make every pair a reprint).
 */
function body(random: () => number, sentences: number): string {
  const out: string[] = []
  for (let i = 0; i < sentences; i++) {
    if (random() < 0.2) {
      out.push(pick(random, FILLER))
      continue
    }
    const words: string[] = []
    const length = 10 + Math.floor(random() * 14)
    for (let w = 0; w < length; w++) {
      const syllables = 1 + Math.floor(random() * 3)
      let word = ''
      for (let k = 0; k < syllables; k++) word += pick(random, SYLLABLES)
      words.push(word)
    }
    words[0] = words[0]!.charAt(0).toUpperCase() + words[0]!.slice(1)
    out.push(words.join(' ') + '.')
  }
  return out.join(' ')
}

/**
 * `count` articles, each about one of `count / 4` events. About 10% are copies of
 * an earlier article, 3% a changed version of one, 15% carry a denial.
 */
export function* syntheticArticles(count: number, seed = 1): Generator<Article> {
  const events = Math.max(1, Math.floor(count / 4))
  for (let i = 0; i < count; i++) {
    const random = rng(seed * 1_000_003 + i)
    const roll = random()
    if (i > 10 && roll < 0.1) {
      // A syndicated copy: the original's text under another outlet and URL.
      const original = articleAt(Math.floor(random() * i), events, seed)
      yield {
        ...original,
        id: `syn-${i}`,
        outlet: pick(random, OUTLETS),
        url: `https://copy${i}.example/news/${i}`,
        text: `${original.text}\nThis article was first published by ${original.outlet}.`,
      }
    } else if (i > 10 && roll < 0.13) {
      // A changed version: same URL as an earlier article, the toll updated.
      const original = articleAt(Math.floor(random() * i), events, seed)
      yield {
        ...original,
        text: original.text.replace(/killing (\d+)/, (_, n) => `killing ${Number(n) + 1}`),
      }
    } else yield articleAt(i, events, seed)
  }
}

/** The i-th original article (the same every time it is asked for). */
function articleAt(i: number, events: number, seed: number): Article {
  const random = rng(seed * 1_000_003 + i + 0x51ed)
  const which = Math.floor(random() * events)
  const event = eventSeed(which + seed * 100_000)
  // Reports disagree a little on the toll: the corpus records that as a discrepancy.
  const killed = event.killed + (random() < 0.3 ? 1 + Math.floor(random() * 3) : 0)
  const outlet = pick(random, OUTLETS)
  const parts = [lead(event, killed, pick(random, CLAIMANTS)), body(random, 14)]
  if (random() < 0.15)
    parts.push(`The ${event.actor} denied striking civilian targets in ${event.city[0]}.`)
  parts.push(body(random, 6))
  return {
    id: `syn-${i}`,
    url: `https://${outlet.replace(/\s+/g, '').toLowerCase()}.example/${event.date}/${i}`,
    outlet,
    published: event.date,
    title: `Strike on ${event.city[0]}`,
    language: 'en',
    text: parts.join('\n'),
  }
}

const LEAD =
  /^(.+?) struck (.+?) with (.+?) on (\d{4}-\d{2}-\d{2}), killing (\d+) people, (.+?) said\./
const DENIAL = /The (.+?) denied striking civilian targets in (.+?)\./

/** The layers of a synthetic article, read from its lead (no pipeline). */
export function syntheticExtract(doc: Doc): Doc {
  const match = LEAD.exec(doc.text)
  if (!match) return doc
  const [sentence, actor, cityName, weapon, date, killed, claimant] = match
  const city = CITIES.find((c) => c[0] === cityName)
  const places: Place[] = city
    ? [
        {
          start: doc.text.indexOf(cityName!),
          end: doc.text.indexOf(cityName!) + cityName!.length,
          by: 'synthetic/place',
          confidence: 1,
          mention: cityName!,
          name: cityName!,
          geonameid: null,
          country: null,
          admin1: null,
          lat: city[1],
          lon: city[2],
          feature: 'P.PPL',
          precision: 1,
          use: 'location',
          entity: null,
          mentions: [],
          candidates: [],
        },
      ]
    : []
  const event: Event = {
    start: 0,
    end: sentence.length,
    by: 'synthetic/event',
    confidence: 1,
    type: 'ASSAULT',
    mode: weapon === 'drones' ? 'drone' : weapon === 'glide bombs' ? 'aerial' : 'heavy-weapons',
    acled: 'Explosions/Remote violence/Shelling/artillery/missile attack',
    actors: [{ name: actor!, entity: null, actorType: null }],
    places: places.length ? [0] : [],
    date: date!,
    datePrecision: 'day',
    dateSpan: null,
    counts: { killed: Number(killed) },
    claimedBy: claimant!,
    status: 'happened',
    key: null,
  }
  const claimEnd = sentence.indexOf(`, ${claimant} said.`)
  doc.layers.places = places
  doc.layers.events = [event]
  doc.layers.claims = [
    {
      start: 0,
      end: claimEnd,
      by: 'synthetic/claim',
      confidence: 1,
      claimant: claimant!,
      claimantEntity: null,
      via: [],
      stance: 'asserts',
      verification: null,
      quote: null,
      refs: { entities: [], numbers: [killed!], places: [cityName!], dates: [date!] },
    },
  ]
  const denial = DENIAL.exec(doc.text)
  if (denial) {
    doc.layers.claims.push({
      start: denial.index,
      end: denial.index + denial[0].length - 1,
      by: 'synthetic/claim',
      confidence: 1,
      claimant: denial[1]!,
      claimantEntity: null,
      via: [],
      stance: 'denies',
      verification: null,
      quote: null,
      refs: { entities: [], numbers: [], places: [denial[2]!], dates: [] },
    })
  }
  return doc
}
