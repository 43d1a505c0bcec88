/**
 * Test fixtures: the bundled example articles (examples/articles.jsonl) with
 * annotations written by hand (`by: 'hand/…'`), so the API and browser tests do
 * not depend on how far the extraction stages have got; the store, stories and
 * claim clusters are the real ones (SQLite and the corpus ingest). Offsets are found from
 * phrases, never typed in. One speaker is deliberately wrong (the ferry
 * operator's quote is given to the governor) so the review flow has something
 * real to correct.
 */
import { readFileSync } from 'node:fs'
import type {
  Claim,
  Doc,
  Entity,
  EntityType,
  Event,
  Mention,
  Place,
  PloverType,
  Quote,
  Span,
} from '../core/record.js'
import { articleToDoc } from '../ingest/article.js'
import { parseJsonlLine } from '../ingest/jsonl.js'
import { ingestMany } from '../corpus/ingest.js'
import { openSqliteStore } from '../store/sqlite.js'
import type { Store } from '../store/store.js'

const EXAMPLES = new URL('../../examples/articles.jsonl', import.meta.url)

/** The span of the nth occurrence of a phrase; a missing phrase is a broken fixture. */
function find(doc: Doc, phrase: string, nth = 0): Span {
  let at = -1
  for (let i = 0; i <= nth; i++) {
    at = doc.text.indexOf(phrase, at + 1)
    if (at < 0) throw new Error(`fixture ${doc.id}: phrase not found: "${phrase}" (#${nth})`)
  }
  return { start: at, end: at + phrase.length }
}

interface EntitySpec {
  id: string
  name: string
  type: EntityType
  role?: string
  mentions: string[]
}
interface PlaceSpec {
  phrase: string
  name: string
  country: string | null
  admin1?: string
  lat: number | null
  lon: number | null
  precision: 1 | 2 | 3
  feature: string
  use?: 'location' | 'metonym'
}
interface QuoteSpec {
  text: string
  cue: string
  speaker: string | null
  speakerName: string
  kind?: 'direct' | 'indirect'
}
interface ClaimSpec {
  phrase: string
  claimant: string
  claimantEntity: string | null
  stance?: 'asserts' | 'hedges' | 'denies'
  quote?: number
  verification?: 'under-investigation' | 'unverified' | 'confirmed' | null
}
interface EventSpec {
  phrase: string
  type: PloverType
  acled: string | null
  actors: [string, string | null][]
  places: number[]
  date: string | null
  datePhrase?: string
  counts?: Event['counts']
  claimedBy: string | null
}
interface ArticleSpec {
  entities: EntitySpec[]
  places: PlaceSpec[]
  quotes: QuoteSpec[]
  claims: ClaimSpec[]
  events: EventSpec[]
}

function annotate(doc: Doc, spec: ArticleSpec): Doc {
  const entities: Entity[] = spec.entities.map((e) => ({
    id: e.id,
    name: e.name,
    type: e.type,
    aliases: [],
    role: e.role ?? null,
    key: e.name.toLowerCase(),
    by: 'hand/entities',
    confidence: 1,
  }))
  const mentions: Mention[] = spec.entities.flatMap((e) =>
    e.mentions.map((phrase) => ({
      ...find(doc, phrase),
      entity: e.id,
      kind: phrase === e.name ? ('name' as const) : ('nominal' as const),
      by: 'hand/mentions',
      confidence: 1,
    })),
  )
  const places: Place[] = spec.places.map((p) => ({
    ...find(doc, p.phrase),
    mention: p.phrase,
    name: p.name,
    geonameid: null,
    country: p.country,
    admin1: p.admin1 ?? null,
    lat: p.lat,
    lon: p.lon,
    feature: p.feature,
    precision: p.precision,
    use: p.use ?? 'location',
    entity: null,
    mentions: [],
    candidates: [],
    by: 'hand/places',
    confidence: 1,
  }))
  const quotes: Quote[] = spec.quotes.map((q) => {
    const span = find(doc, q.text)
    const cue = find(doc, q.cue)
    return {
      ...span,
      kind: q.kind ?? 'direct',
      spans: [span],
      cue,
      speakerSpan: null,
      speaker: q.speaker,
      speakerName: q.speakerName,
      anonymous: false,
      via: [],
      by: 'hand/quotes',
      confidence: 1,
    }
  })
  const claims: Claim[] = spec.claims.map((c) => ({
    ...find(doc, c.phrase),
    claimant: c.claimant,
    claimantEntity: c.claimantEntity,
    via: [],
    stance: c.stance ?? 'asserts',
    verification: c.verification ?? null,
    quote: c.quote ?? null,
    refs: { entities: [], numbers: [], places: [], dates: [] },
    by: 'hand/claims',
    confidence: 1,
  }))
  const events: Event[] = spec.events.map((e) => ({
    ...find(doc, e.phrase),
    type: e.type,
    mode: null,
    acled: e.acled,
    actors: e.actors.map(([name, entity]) => ({ name, entity, actorType: null })),
    places: e.places,
    date: e.date,
    datePrecision: e.date ? 'day' : null,
    dateSpan: e.datePhrase ? find(doc, e.datePhrase) : null,
    counts: e.counts ?? {},
    claimedBy: e.claimedBy,
    status: 'happened',
    key: null,
    by: 'hand/events',
    confidence: 1,
  }))
  return { ...doc, layers: { ...doc.layers, entities, mentions, places, quotes, claims, events } }
}

const KHERSON: PlaceSpec = {
  phrase: 'Kherson on Sunday morning',
  name: 'Kherson',
  country: 'UA',
  admin1: 'Kherson Oblast',
  lat: 46.6354,
  lon: 32.6169,
  precision: 1,
  feature: 'P.PPLA',
}

const SPECS: Record<string, ArticleSpec> = {
  'kherson-ferry-strike': {
    entities: [
      {
        id: 'e1',
        name: 'Andrii Velychko',
        type: 'PERSON',
        role: 'Governor',
        mentions: ['Andrii Velychko', 'Velychko said'],
      },
      {
        id: 'e2',
        name: 'Oksana Hrytsenko',
        type: 'PERSON',
        role: 'ferry operator',
        mentions: ['Oksana Hrytsenko'],
      },
      {
        id: 'e3',
        name: 'Kherson Regional Military Administration',
        type: 'ORG',
        mentions: ['Kherson Regional Military Administration'],
      },
      {
        id: 'e4',
        name: 'State Emergency Service of Ukraine',
        type: 'ORG',
        mentions: ['State Emergency Service of Ukraine'],
      },
      { id: 'e5', name: 'Russia', type: 'GPE', mentions: ["Russia's Defence Ministry"] },
    ],
    places: [
      KHERSON,
      {
        phrase: 'Korabel district',
        name: 'Korabel',
        country: 'UA',
        admin1: 'Kherson Oblast',
        lat: 46.62,
        lon: 32.6,
        precision: 2,
        feature: 'P.PPLX',
      },
      {
        phrase: 'Moscow',
        name: 'Moscow',
        country: 'RU',
        lat: 55.7558,
        lon: 37.6173,
        precision: 1,
        feature: 'P.PPLC',
        use: 'metonym',
      },
    ],
    quotes: [
      {
        text: 'The enemy deliberately targeted people who were going to work. Among the wounded are two teenagers,',
        cue: 'Velychko said',
        speaker: 'e1',
        speakerName: 'Andrii Velychko',
      },
      // Deliberately wrong (see the file comment): the ferry operator said this.
      {
        text: 'We heard it buzzing and everyone ran for the shelter, but not everyone made it,',
        cue: 'she said',
        speaker: 'e1',
        speakerName: 'Andrii Velychko',
      },
    ],
    claims: [
      {
        phrase:
          'A Russian drone struck a river ferry crossing in the Ukrainian city of Kherson on Sunday morning, killing three civilians and wounding seven others',
        claimant: 'Kherson Regional Military Administration',
        claimantEntity: 'e3',
      },
      {
        phrase: 'The enemy deliberately targeted people who were going to work',
        claimant: 'Andrii Velychko',
        claimantEntity: 'e1',
        quote: 0,
      },
      {
        phrase: 'Moscow has repeatedly denied targeting civilians',
        claimant: 'Moscow',
        claimantEntity: null,
        stance: 'denies',
      },
    ],
    events: [
      {
        phrase:
          'A Russian drone struck a river ferry crossing in the Ukrainian city of Kherson on Sunday morning, killing three civilians and wounding seven others',
        type: 'ASSAULT',
        acled: 'Explosions/Remote violence/Air/drone strike',
        actors: [
          ['Russian forces', null],
          ['civilians', null],
        ],
        places: [0],
        date: '2025-06-01',
        datePhrase: 'Sunday morning',
        counts: { killed: 3, injured: 7 },
        claimedBy: 'Kherson Regional Military Administration',
      },
    ],
  },
  'kherson-ferry-strike-wire': {
    entities: [
      {
        id: 'e1',
        name: 'Taras Melnyk',
        type: 'PERSON',
        role: 'Prosecutor General',
        mentions: ['Taras Melnyk'],
      },
      {
        id: 'e2',
        name: 'Andrii Velychko',
        type: 'PERSON',
        role: 'regional governor',
        mentions: ['Andrii Velychko'],
      },
      {
        id: 'e3',
        name: "Ukraine's prosecutor general's office",
        type: 'ORG',
        mentions: ["Ukraine's prosecutor general's office"],
      },
    ],
    places: [
      { ...KHERSON, phrase: 'Kherson on Sunday' },
      {
        phrase: 'KYIV',
        name: 'Kyiv',
        country: 'UA',
        lat: 50.4501,
        lon: 30.5234,
        precision: 1,
        feature: 'P.PPLC',
      },
    ],
    quotes: [
      {
        text: 'This was a drone attack on civilians, nothing else,',
        cue: 'said in a statement',
        speaker: 'e1',
        speakerName: 'Taras Melnyk',
      },
    ],
    claims: [
      {
        phrase:
          'Four people were killed and eight wounded when a Russian drone hit a ferry on the Dnipro River in Kherson on Sunday',
        claimant: "Ukraine's prosecutor general's office",
        claimantEntity: 'e3',
      },
      {
        phrase: 'the boat was carrying Ukrainian soldiers',
        claimant: 'A Russian military blogger',
        claimantEntity: null,
      },
    ],
    events: [
      {
        phrase:
          'Four people were killed and eight wounded when a Russian drone hit a ferry on the Dnipro River in Kherson on Sunday',
        type: 'ASSAULT',
        acled: 'Explosions/Remote violence/Air/drone strike',
        actors: [
          ['Russian forces', null],
          ['civilians', null],
        ],
        places: [0],
        date: '2025-06-01',
        counts: { killed: 4, injured: 8 },
        claimedBy: "Ukraine's prosecutor general's office",
      },
    ],
  },
  'darfur-camp-shelling': {
    entities: [
      { id: 'e1', name: 'Rapid Support Forces', type: 'ORG', mentions: ['Rapid Support Forces'] },
      { id: 'e2', name: 'Sudan Relief Network', type: 'ORG', mentions: ['Sudan Relief Network'] },
      {
        id: 'e3',
        name: 'Amira Osman',
        type: 'PERSON',
        role: 'coordinator',
        mentions: ['Amira Osman'],
      },
      {
        id: 'e4',
        name: 'Hassan al-Tayeb',
        type: 'PERSON',
        role: 'RSF spokesman',
        mentions: ['Hassan al-Tayeb'],
      },
      { id: 'e5', name: 'Sudanese army', type: 'ORG', mentions: ['Sudanese army'] },
    ],
    places: [
      {
        phrase: 'Zamzam displacement camp',
        name: 'Zamzam',
        country: 'SD',
        admin1: 'North Darfur',
        lat: 13.49,
        lon: 25.3,
        precision: 2,
        feature: 'S.CMPRF',
      },
      {
        phrase: 'El Fasher',
        name: 'El Fasher',
        country: 'SD',
        admin1: 'North Darfur',
        lat: 13.6279,
        lon: 25.3494,
        precision: 1,
        feature: 'P.PPLA',
      },
      {
        phrase: 'North Darfur',
        name: 'North Darfur',
        country: 'SD',
        lat: 15.5,
        lon: 25.0,
        precision: 3,
        feature: 'A.ADM1',
      },
    ],
    quotes: [
      {
        text: 'Shells fell on the market and on a clinic in the middle of the day,',
        cue: 'said Amira Osman',
        speaker: 'e3',
        speakerName: 'Amira Osman',
      },
    ],
    claims: [
      {
        phrase:
          'The Rapid Support Forces shelled the Zamzam displacement camp south of El Fasher on Thursday, killing at least 12 people',
        claimant: 'Sudan Relief Network',
        claimantEntity: 'e2',
        verification: 'unverified',
      },
      {
        phrase: 'denied that its fighters had shelled the camp',
        claimant: 'Hassan al-Tayeb',
        claimantEntity: 'e4',
        stance: 'denies',
      },
    ],
    events: [
      {
        phrase:
          'The Rapid Support Forces shelled the Zamzam displacement camp south of El Fasher on Thursday, killing at least 12 people and injuring dozens',
        type: 'ASSAULT',
        acled: 'Explosions/Remote violence/Shelling/artillery/missile attack',
        actors: [
          ['Rapid Support Forces', 'e1'],
          ['civilians', null],
        ],
        places: [0, 1],
        date: '2025-03-06',
        datePhrase: 'Thursday',
        counts: { killed: 12 },
        claimedBy: 'Sudan Relief Network',
      },
      {
        phrase:
          'The Sudanese army accused the paramilitary group of deliberately targeting civilians',
        type: 'ACCUSE',
        acled: null,
        actors: [
          ['Sudanese army', 'e5'],
          ['Rapid Support Forces', 'e1'],
        ],
        places: [2],
        date: '2025-03-07',
        claimedBy: null,
      },
    ],
  },
  'red-sea-ship-attack': {
    entities: [
      { id: 'e1', name: 'Houthi movement', type: 'ORG', mentions: ["Yemen's Houthi movement"] },
      {
        id: 'e2',
        name: 'Yahya Qasim',
        type: 'PERSON',
        role: 'Houthi military spokesman',
        mentions: ['Yahya Qasim'],
      },
      { id: 'e3', name: 'UKMTO', type: 'ORG', mentions: ['UKMTO'] },
    ],
    places: [
      {
        phrase: 'Hodeidah',
        name: 'Hodeidah',
        country: 'YE',
        lat: 14.7978,
        lon: 42.9545,
        precision: 2,
        feature: 'P.PPLA',
      },
      {
        phrase: 'Yemen in response',
        name: 'Yemen',
        country: 'YE',
        lat: 15.5,
        lon: 47.5,
        precision: 3,
        feature: 'A.PCLI',
      },
    ],
    quotes: [
      {
        text: 'The vessel has no Israeli owners, cargo or destination,',
        cue: 'the company said',
        speaker: null,
        speakerName: "The ship's Greek operator",
      },
    ],
    claims: [
      {
        phrase:
          'it had fired two anti-ship missiles at a Liberian-flagged bulk carrier in the Red Sea',
        claimant: 'Houthi movement',
        claimantEntity: 'e1',
      },
      {
        phrase: 'the vessel was "linked to Israel"',
        claimant: 'Yahya Qasim',
        claimantEntity: 'e2',
      },
    ],
    events: [
      {
        phrase:
          'it had fired two anti-ship missiles at a Liberian-flagged bulk carrier in the Red Sea',
        type: 'ASSAULT',
        acled: 'Explosions/Remote violence/Shelling/artillery/missile attack',
        actors: [['Houthi movement', 'e1']],
        places: [0],
        date: '2025-02-09',
        claimedBy: 'Houthi movement',
      },
      {
        phrase:
          'The United States and Britain have carried out repeated air strikes on Houthi targets in Yemen',
        type: 'ASSAULT',
        acled: 'Explosions/Remote violence/Air/drone strike',
        actors: [
          ['United States', null],
          ['Britain', null],
          ['Houthi movement', 'e1'],
        ],
        places: [1],
        date: '2025-02-01',
        claimedBy: null,
      },
    ],
  },
  'tbilisi-rally': {
    entities: [
      {
        id: 'e1',
        name: 'Giorgi Tsereteli',
        type: 'PERSON',
        role: 'Opposition leader',
        mentions: ['Giorgi Tsereteli', 'Tsereteli told'],
      },
      {
        id: 'e2',
        name: 'Levan Abashidze',
        type: 'PERSON',
        role: 'Prime Minister',
        mentions: ['Levan Abashidze'],
      },
      { id: 'e3', name: 'Interior Ministry', type: 'ORG', mentions: ['Interior Ministry'] },
    ],
    places: [
      {
        phrase: 'Rustaveli Avenue',
        name: 'Tbilisi',
        country: 'GE',
        lat: 41.6938,
        lon: 44.8015,
        precision: 1,
        feature: 'P.PPLC',
      },
    ],
    quotes: [
      {
        text: 'This law copies the Russian model word for word, and we will not let it pass,',
        cue: 'told the crowd',
        speaker: 'e1',
        speakerName: 'Giorgi Tsereteli',
      },
    ],
    claims: [
      {
        phrase: 'Police detained 14 protesters near the parliament building',
        claimant: 'Interior Ministry',
        claimantEntity: 'e3',
      },
    ],
    events: [
      {
        phrase:
          'Several thousand people marched along Rustaveli Avenue in Tbilisi on Sunday evening',
        type: 'PROTEST',
        acled: 'Protests/Peaceful protest',
        actors: [['protesters', null]],
        places: [0],
        date: '2025-05-11',
        claimedBy: null,
      },
      {
        phrase: 'Police detained 14 protesters near the parliament building',
        type: 'COERCE',
        acled: 'Protests/Protest with intervention',
        actors: [
          ['Police', null],
          ['protesters', null],
        ],
        places: [0],
        date: '2025-05-11',
        counts: { arrested: 14 },
        claimedBy: 'Interior Ministry',
      },
    ],
  },
}

/** The example articles as Docs with hand annotations. */
export function exampleDocs(): Doc[] {
  const lines = readFileSync(EXAMPLES, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
  return lines.map((line, i) => {
    const doc = articleToDoc(parseJsonlLine(line, `examples/articles.jsonl:${i + 1}`))
    const spec = SPECS[doc.id]
    return spec ? annotate(doc, spec) : doc
  })
}

/** Hand annotations in place of the pipeline's, for the corpus ingest's `extract` hook. */
export function handExtract(): (doc: Doc) => Doc {
  const docs = new Map(exampleDocs().map((d) => [d.id, d]))
  return (doc) => ({ ...doc, layers: { ...doc.layers, ...(docs.get(doc.id)?.layers ?? {}) } })
}

/**
 * A SQLite store (":memory:" by default) holding the example articles, ingested
 * by the corpus ingest with the hand annotations: stories, claim clusters and
 * discrepancies are the corpus's own.
 */
export async function openExampleStore(file = ':memory:'): Promise<Store> {
  const store = await openSqliteStore({ file })
  const lines = readFileSync(EXAMPLES, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
  const articles = lines.map((line, i) => parseJsonlLine(line, `examples/articles.jsonl:${i + 1}`))
  const progress = await ingestMany(store, articles, { extract: handExtract() })
  if (progress.added !== articles.length) {
    throw new Error(`example store: ${progress.added} of ${articles.length} articles stored`)
  }
  return store
}
