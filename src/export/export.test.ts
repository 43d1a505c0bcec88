import { describe, expect, it } from 'vitest'
import { createDoc, type Doc, type Event, type Place } from '../core/record.js'
import { ACLED_COLUMNS, toAcledCsv } from './acled.js'
import { csvField } from './csv.js'
import { toGeoJson } from './geojson.js'

const TEXT = 'Drones struck a depot in Kharkiv on Monday, killing two people, officials said.'

function place(): Place {
  return {
    start: 24,
    end: 31,
    by: 'places/test',
    confidence: 0.9,
    mention: 'Kharkiv',
    name: 'Kharkiv',
    geonameid: 706483,
    country: 'UA',
    admin1: 'Kharkiv Oblast',
    lat: 49.98,
    lon: 36.25,
    feature: 'P.PPLA',
    precision: 1,
    use: 'location',
    entity: null,
    mentions: [],
    candidates: [],
  }
}

function event(overrides: Partial<Event> = {}): Event {
  return {
    start: 7,
    end: 13,
    by: 'events/trigger',
    confidence: 0.8,
    type: 'ASSAULT',
    mode: 'drone',
    acled: 'Explosions/Remote violence/Air/drone strike',
    actors: [
      { name: 'Russian forces', entity: null, actorType: 'State forces' },
      { name: 'people', entity: null, actorType: 'Civilians' },
    ],
    places: [0],
    date: '2025-05-26',
    datePrecision: 'day',
    dateSpan: null,
    counts: { killed: 2 },
    claimedBy: 'officials, "regional"',
    status: 'happened',
    key: null,
    ...overrides,
  }
}

function doc(events: Event[]): Doc {
  const d = createDoc('kharkiv', TEXT, { published: '2025-05-26', outlet: 'Test Wire' })
  d.layers.sentences = [
    { start: 0, end: TEXT.length, paragraph: 0, by: 'text/test', confidence: 1 },
  ]
  d.layers.places = [place()]
  d.layers.events = events
  return d
}

/** Split one CSV line, honouring quoted fields (enough for these tests). */
function parseLine(line: string): string[] {
  const out: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!
    if (quoted && ch === '"' && line[i + 1] === '"') {
      field += '"'
      i++
    } else if (ch === '"') {
      quoted = !quoted
    } else if (ch === ',' && !quoted) {
      out.push(field)
      field = ''
    } else {
      field += ch
    }
  }
  out.push(field)
  return out
}

describe('export › csv', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "no"', '"say ""no"""'],
    ['two\nlines', '"two\nlines"'],
    [null, ''],
    [3, '3'],
  ])('quotes %j as %j', (value, expected) => {
    expect(csvField(value)).toBe(expected)
  })
})

describe('export › ACLED CSV', () => {
  it('writes ACLED’s 31 columns and one row per recordable event', () => {
    const lines = toAcledCsv([doc([event()])])
      .trimEnd()
      .split('\r\n')
    expect(ACLED_COLUMNS).toHaveLength(31)
    expect(lines[0]).toBe(ACLED_COLUMNS.join(','))
    expect(lines).toHaveLength(2)
    const row = Object.fromEntries(ACLED_COLUMNS.map((c, i) => [c, parseLine(lines[1]!)[i]]))
    expect(row).toMatchObject({
      event_date: '2025-05-26',
      year: '2025',
      time_precision: '1',
      disorder_type: 'Political violence',
      event_type: 'Explosions/Remote violence',
      sub_event_type: 'Air/drone strike',
      actor1: 'Russian forces',
      inter1: '1',
      inter2: '7',
      interaction: '17',
      civilian_targeting: 'Civilian targeting',
      iso: '804',
      country: 'Ukraine',
      admin1: 'Kharkiv Oblast',
      location: 'Kharkiv',
      latitude: '49.98',
      longitude: '36.25',
      geo_precision: '1',
      source: 'officials, "regional"',
      notes: TEXT,
      fatalities: '2',
    })
  })

  it('leaves out events ACLED does not record, and events that did not happen', () => {
    const csv = toAcledCsv([
      doc([
        event({ type: 'CONSULT', acled: null }),
        event({ status: 'negated' }),
        event({ status: 'hypothetical' }),
      ]),
    ])
    expect(csv.trimEnd().split('\r\n')).toHaveLength(1)
  })
})

describe('export › GeoJSON', () => {
  it('writes places and happened events as features, longitude first', () => {
    const collection = toGeoJson([doc([event(), event({ status: 'future' })])])
    expect(collection.type).toBe('FeatureCollection')
    expect(collection.features.map((f) => f.properties.kind)).toEqual(['place', 'event'])
    const ev = collection.features[1]!
    expect(ev.geometry).toEqual({ type: 'Point', coordinates: [36.25, 49.98] })
    expect(ev.properties).toMatchObject({
      type: 'ASSAULT',
      date: '2025-05-26',
      places: ['Kharkiv'],
      trigger: 'struck',
    })
  })

  it('keeps an event without coordinates with a null geometry', () => {
    const collection = toGeoJson([doc([event({ places: [] })])])
    expect(collection.features[1]!.geometry).toBeNull()
    expect(JSON.parse(JSON.stringify(collection))).toEqual(collection)
  })
})
