import { describe, expect, it } from 'vitest'
import { createDoc, type Doc, type EntityType, type Place } from '../../core/record.js'
import type { Resources } from '../../core/resources.js'
import { createContext } from '../../core/stage.js'
import { loadLexicons } from '../../resources/lexicons.js'
import { text } from '../text/index.js'
import { sentenceActors, sentencePlaces } from './attribute.js'
import { datelineSpan } from './dates.js'
import { sentenceViews } from './find.js'
import { compileLexicons, events } from './index.js'
import { placesAgree } from './resolve.js'

// Error classes seen on unseen articles: each table holds rows that must and must not match.
const resources: Resources = { lexicons: loadLexicons() }
const lex = compileLexicons(resources.lexicons)

function docOf(body: string, published = '2025-06-02'): Doc {
  const doc = createDoc('test', body, { published })
  text().run(doc, createContext(doc, 'text', resources))
  doc.layers.entities = []
  doc.layers.mentions = []
  doc.layers.places = []
  doc.layers.quotes = []
  doc.layers.claims = []
  return doc
}

/** Name an entity mention at the first occurrence of `surface`. */
function addEntity(doc: Doc, surface: string, type: EntityType): void {
  const start = doc.text.indexOf(surface)
  const id = `e${doc.layers.entities!.length}`
  doc.layers.entities!.push({
    id,
    name: surface,
    type,
    aliases: [],
    role: null,
    key: surface.toLowerCase(),
    by: 'test',
    confidence: 1,
  })
  doc.layers.mentions!.push({
    start,
    end: start + surface.length,
    entity: id,
    kind: 'name',
    by: 'test',
    confidence: 1,
  })
}

function placeAt(doc: Doc, surface: string, extra: Partial<Place> = {}): Place {
  const start = doc.text.indexOf(surface)
  return {
    start,
    end: start + surface.length,
    by: 'test',
    confidence: 1,
    mention: surface,
    name: surface,
    geonameid: null,
    country: 'UA',
    admin1: null,
    lat: null,
    lon: null,
    feature: 'P.PPL',
    precision: 1,
    use: 'location',
    entity: null,
    mentions: [],
    candidates: [],
    ...extra,
  }
}

// 2025-06-02 is a Monday: "Sunday" in any part of the day is 2025-06-01.
const weekdayRows: [string, string][] = [
  ['KHERSON, June 2 — A drone struck a boat on Sunday morning.', '2025-06-01'],
  ['Drone hits boat\n\nKHERSON, June 2 — A drone struck a boat on Sunday morning.', '2025-06-01'],
  [
    'Boat hit\nKHERSON, June 2 — A drone struck a passenger boat on the river on Sunday evening.',
    '2025-06-01',
  ],
  ['KHERSON, June 2 — Shelling hit the city on Sunday night.', '2025-06-01'],
  ['KHERSON, June 2 — Rebels attacked the base on Monday.', '2025-06-02'],
  ['KHERSON, June 2 — Rebels attacked the base on Saturday afternoon.', '2025-05-31'],
]

describe('events › classes › weekdays resolve to the latest such day on or before publication', () => {
  it.each(weekdayRows)('"%s" → %s', (body, date) => {
    const doc = docOf(body)
    events().run(doc, createContext(doc, 'events', resources))
    const happened = (doc.layers.events ?? []).filter((e) => e.status === 'happened')
    expect(happened.map((e) => e.date)).toEqual([date])
  })
})

describe('events › classes › datelines', () => {
  const found: [string, string][] = [
    ['KHERSON, June 2 — A drone struck.', 'KHERSON, June 2'],
    ['Drone hits boat\n\nKHERSON, June 2 — A drone struck.', 'KHERSON, June 2'],
    ['Oct 15 (Eastern Europe Monitor) — The toll rose.', 'Oct 15 (Eastern Europe Monitor)'],
  ]
  const none = [
    'A drone struck a boat — officials said — on Sunday.',
    'Drone hits boat\n\nA drone struck a boat on Sunday - officials said.',
  ]
  it.each(found)('finds the dateline of "%s"', (body, dateline) => {
    const span = datelineSpan(body)
    expect(span && body.slice(span.start, span.end)).toBe(dateline)
  })
  it.each(none)('finds no dateline in "%s"', (body) => {
    expect(datelineSpan(body)).toBeNull()
  })
})

describe('events › classes › actors are groups and entities, not numbers or channels', () => {
  const rows: { text: string; entities: [string, EntityType][]; actors: string[] }[] = [
    {
      text: 'Four people were killed when Russian forces shelled the town.',
      entities: [['Four', 'ORG']],
      actors: ['people', 'Russian forces'],
    },
    {
      text: 'The governor wrote on Telegram that the drone hit a boat.',
      entities: [['Telegram', 'ORG']],
      actors: [],
    },
    {
      text: 'In a Facebook post, the army said its troops repelled the attack.',
      entities: [['Facebook', 'ORG']],
      actors: ['army', 'troops'],
    },
    {
      text: 'Hamas fighters attacked Israeli troops on Telegram Street.',
      entities: [['Hamas', 'ORG']],
      // A named group replaces the group noun it heads.
      actors: ['Hamas', 'Israeli troops'],
    },
    {
      text: 'Dozens of soldiers were wounded by the Houthis.',
      entities: [['Houthis', 'ORG']],
      actors: ['soldiers', 'Houthis'],
    },
  ]
  it.each(rows)('"$text" → $actors', ({ text: body, entities, actors }) => {
    const doc = docOf(body)
    for (const [surface, type] of entities) addEntity(doc, surface, type)
    const view = sentenceViews(doc)[0]!
    expect(sentenceActors(doc, view, lex.actors).map((a) => a.name)).toEqual(actors)
  })
})

describe('events › classes › group nouns the gazetteer knows as towns are not places', () => {
  const rows: [string, string, boolean][] = [
    ['Police in Tbilisi detained 34 protesters.', 'Police', false],
    ['Police in Tbilisi detained 34 protesters.', 'Tbilisi', true],
    ['Protesters gathered in Police on Sunday.', 'Police', true],
    ['Army and Police on Sunday detained 34 protesters.', 'Police', false],
    ['Protesters gathered in Szczecin on Sunday.', 'Szczecin', true],
  ]
  it.each(rows)('"%s": %s is a place → %s', (body, surface, expected) => {
    const doc = docOf(body)
    doc.layers.places = [placeAt(doc, surface)]
    const view = sentenceViews(doc)[0]!
    expect(sentencePlaces(doc, view, null, lex.actors.groups).length > 0).toBe(expected)
  })
})

describe('events › classes › a river neither places nor splits an event', () => {
  const body = 'A drone hit a boat on the Dnipro River near Kherson. Shelling hit Nikopol.'
  const doc = docOf(body)
  doc.layers.places = [
    placeAt(doc, 'Dnipro River', { feature: 'H.STM', precision: 3, lat: 47.5, lon: 34 }),
    placeAt(doc, 'Kherson', { lat: 46.64, lon: 32.61 }),
    placeAt(doc, 'Nikopol', { lat: 47.57, lon: 34.39 }),
  ]
  const rows: [number[], number[], boolean | null][] = [
    [[0], [1], null],
    [[0], [2], null],
    [[1], [2], false],
    [[1], [1], true],
    [[0, 1], [2], false],
  ]
  it.each(rows)('places %j and %j agree → %s', (a, b, expected) => {
    expect(placesAgree(doc, a, b, 25)).toBe(expected)
  })
})

describe('events › classes › another weapon needs the same place, not the same region', () => {
  const body =
    'Missiles struck Zaporizhzhia overnight. A guided bomb hit a village in Polohy district.'
  const doc = docOf(body)
  doc.layers.places = [
    placeAt(doc, 'Zaporizhzhia', { admin1: '26', lat: 47.84, lon: 35.14 }),
    placeAt(doc, 'Polohy district', { admin1: '26', precision: 2, lat: 47.48, lon: 36.25 }),
  ]
  const rows: [number[], number[], boolean, boolean | null][] = [
    [[0], [1], false, true],
    [[0], [1], true, false],
    [[0], [0], true, true],
    [[1], [1], true, true],
  ]
  it.each(rows)('places %j and %j (strict %s) agree → %s', (a, b, strict, expected) => {
    expect(placesAgree(doc, a, b, 25, strict)).toBe(expected)
  })
  it('keeps a bomb on a district apart from missiles on the regional capital', () => {
    events().run(doc, createContext(doc, 'events', resources))
    const happened = (doc.layers.events ?? []).filter((e) => e.status === 'happened')
    expect(happened.map((e) => [e.mode, e.places])).toEqual([
      ['heavy-weapons', [0]],
      ['aerial', [1]],
    ])
  })
})

// Days the article has told: "the same day", "late in the evening", the quote that backs an
// undated statement, "the attack began on Wednesday" after a statement's day.
const toldRows: [string, string, string, string][] = [
  [
    'Prosecutors said on Wednesday they had opened an investigation. Berlin condemned the attack the same day.',
    '2025-10-16',
    'condemned',
    '2025-10-15',
  ],
  [
    'Protesters marched through the capital on Monday. Police fired tear gas at demonstrators late in the evening.',
    '2025-05-27',
    'tear gas',
    '2025-05-26',
  ],
  [
    'Police fired tear gas at demonstrators late in the evening.',
    '2025-05-27',
    'tear gas',
    '2025-05-27',
  ],
  [
    'Troops shelled the depot on Monday. Officials said that night protesters marched in the capital.',
    '2025-05-28',
    'marched',
    '2025-05-28',
  ],
  [
    'Troops shelled the depot on Monday. Drones struck the port that night.',
    '2025-05-28',
    'struck',
    '2025-05-26',
  ],
  [
    'Troops shelled the depot on Monday. They struck the bridge the next day.',
    '2025-05-28',
    'struck',
    '2025-05-27',
  ],
  ['Rebels struck the bridge the next day.', '2025-05-28', 'struck', '2025-05-28'],
  [
    'Beijing said it firmly opposed the sanctions. "China has never supplied weapons," a spokesman told a briefing on Friday.',
    '2026-02-14',
    'opposed',
    '2026-02-13',
  ],
  [
    'Beijing said it firmly opposed the sanctions. The Kremlin said on Friday that the ships were legal.',
    '2026-02-14',
    'opposed',
    '2026-02-14',
  ],
  [
    'Beijing said it firmly opposed the sanctions.\n"China has never supplied weapons," a spokesman told a briefing on Friday.',
    '2026-02-14',
    'opposed',
    '2026-02-14',
  ],
  [
    'Troops repelled an assault near the village and captured seven soldiers, the brigade said on Thursday. The attack began at dawn on Wednesday.',
    '2025-06-19',
    'repelled',
    '2025-06-18',
  ],
  [
    'Troops captured seven soldiers, the brigade said on Thursday. Rebels shelled a depot on Wednesday.',
    '2025-06-19',
    'captured',
    '2025-06-19',
  ],
  [
    'A man stabbed a woman on Friday, February 3, police said.',
    '2017-07-23',
    'stabbed',
    '2017-02-03',
  ],
  ['A man stabbed a woman on Friday, police said.', '2017-07-23', 'stabbed', '2017-07-21'],
]

describe('events › classes › dates the article has told', () => {
  it.each(toldRows)('"%s" published %s: "%s" → %s', (body, published, trigger, date) => {
    const doc = docOf(body, published)
    events().run(doc, createContext(doc, 'events', resources))
    const event = (doc.layers.events ?? []).find(
      (e) => e.status === 'happened' && doc.text.slice(e.start, e.end) === trigger,
    )
    expect(event?.date).toBe(date)
  })
})
