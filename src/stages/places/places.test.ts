import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDoc, type Doc, type EntityType, type Place } from '../../core/record.js'
import type { Resources } from '../../core/resources.js'
import { createContext } from '../../core/stage.js'
import { fixtureCountries } from '../../resources/gazetteer/fixtures/countries.js'
import {
  buildGazetteer,
  importGeonames,
  openGazetteer,
  type OpenGazetteer,
} from '../../resources/gazetteer/index.js'
import { loadLexicons } from '../../resources/lexicons.js'
import { text } from '../text/index.js'
import {
  commonWordPlaces,
  districtFallback,
  kindBefore,
  hardFilter,
  metonyms,
  misses,
  missingVillage,
  outletHints,
  proximity,
  regionOffices,
  transliteration,
  type PlaceCase,
} from './cases.js'
import { places } from './index.js'

const fixture = (name: string) =>
  new URL(`../../resources/gazetteer/fixtures/${name}`, import.meta.url).pathname

let dir: string
let gazetteer: OpenGazetteer
let resources: Resources

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-places-'))
  const path = join(dir, 'gazetteer.db')
  buildGazetteer(path, { placesFile: fixture('mini-cities.txt'), countries: fixtureCountries })
  importGeonames(path, fixture('mini-import.txt'), { admin1File: fixture('mini-admin1.txt') })
  gazetteer = openGazetteer(path, { build: false })
  resources = { lexicons: loadLexicons(), gazetteer, countries: fixtureCountries }
})
afterAll(() => {
  gazetteer.close()
  rmSync(dir, { recursive: true, force: true })
})

const stages = [text(), places()]

function run(input: string, url?: string): Doc {
  const doc = createDoc('t', input, url ? { url } : {})
  for (const stage of stages) stage.run(doc, createContext(doc, stage.name, resources))
  return doc
}

function placeFor(doc: Doc, mention: string): Place | undefined {
  return doc.layers.places?.find(
    (p) =>
      p.mention === mention || p.mentions.some((m) => doc.text.slice(m.start, m.end) === mention),
  )
}

function expectCase(c: PlaceCase) {
  const doc = run(c.text, c.url)
  const place = placeFor(doc, c.mention)
  expect(place, `no place for ${c.mention}`).toBeDefined()
  expect(place!.name).toBe(c.name)
  expect(place!.country).toBe(c.country)
  if (c.admin1 !== undefined) expect(place!.admin1).toBe(c.admin1)
  if (c.precision !== undefined) expect(place!.precision).toBe(c.precision)
  if (c.use !== undefined) expect(place!.use).toBe(c.use)
  expect(doc.text.slice(place!.start, place!.end)).toBe(place!.mention)
  return { doc, place: place! }
}

describe('places › hard filter', () => {
  it.each(hardFilter.map((c) => [c.why, c] as const))('%s', (_why, c) => {
    expectCase(c)
  })
})

describe('places › proximity', () => {
  it.each(proximity.map((c) => [c.why, c] as const))('%s', (_why, c) => {
    expectCase(c)
  })
})

describe('places › region offices', () => {
  it.each(regionOffices.map((c) => [c.why, c] as const))('%s', (_why, c) => {
    expectCase(c)
  })
})

describe('places › outlet country', () => {
  it.each(outletHints.map((c) => [c.why, c] as const))('%s', (_why, c) => {
    expectCase(c)
  })
})

describe('places › metonyms', () => {
  it.each(metonyms.map((c) => [c.why, c] as const))('%s', (_why, c) => {
    expectCase(c)
  })
})

describe('places › transliteration, aliases and region words', () => {
  it.each(transliteration.map((c) => [c.why, c] as const))('%s', (_why, c) => {
    expectCase(c)
  })
})

describe('places › missing village', () => {
  it.each(missingVillage.map((c) => [c.why, c] as const))('%s', (_why, c) => {
    const { doc, place } = expectCase(c)
    expect(place.geonameid).toBeNull()
    expect(place.feature).toBeNull()
    expect(doc.messages.map((m) => m.ruleId)).toContain('places/not-in-gazetteer')
  })
})

describe('places › district at the article region', () => {
  it.each(districtFallback.map((c) => [c.why, c] as const))('%s', (_why, c) => {
    const { doc } = expectCase(c)
    expect(doc.messages.map((m) => m.ruleId)).toContain('places/district-at-region')
  })
})

describe('places › the kind of place named before it', () => {
  it.each(kindBefore.map((c) => [c.why, c] as const))('%s', (_why, c) => {
    expectCase(c)
  })
})

describe('places › common words at a sentence start', () => {
  it.each(commonWordPlaces.map((c) => [c.why, c] as const))('%s', (_why, c) => {
    const { doc, place } = expectCase(c)
    // Every capitalised occurrence is on the place, the sentence-start one included.
    const occurrences = doc.text.split(c.mention).length - 1
    expect(place.mentions.length + 1).toBe(occurrences)
  })
})

describe('places › misses (embedded names, demonyms)', () => {
  it.each(misses.map((c) => [c.why, c] as const))('%s', (_why, c) => {
    const doc = run(c.text)
    expect(placeFor(doc, c.mention)).toBeUndefined()
  })
})

describe('places › entity spans', () => {
  // Entities read "British Columbia" as NORP "British" and GPE "Columbia".
  function withEntities(input: string, names: [string, EntityType][]): Doc {
    const doc = createDoc('t', input)
    stages[0]!.run(doc, createContext(doc, 'text', resources))
    doc.layers.entities = names.map(([name, type], i) => ({
      id: `e${i}`,
      name,
      type,
      aliases: [],
      role: null,
      key: name.toLowerCase(),
      by: 'test',
      confidence: 1,
    }))
    doc.layers.mentions = names.map(([name], i) => ({
      start: input.indexOf(name),
      end: input.indexOf(name) + name.length,
      entity: `e${i}`,
      kind: 'name' as const,
      by: 'test',
      confidence: 1,
    }))
    stages[1]!.run(doc, createContext(doc, 'places', resources))
    return doc
  }
  it('a capitalised word before an entity place that makes a known longer name joins it', () => {
    const doc = withEntities('Barrette and British Columbia Finance Minister de Jong spoke.', [
      ['British', 'NORP'],
      ['Columbia', 'GPE'],
    ])
    const place = placeFor(doc, 'British Columbia')
    expect(place?.name).toBe('British Columbia')
    expect(place?.country).toBe('CA')
  })
  it('a word never a place stays out though the entities call it one', () => {
    const doc = withEntities('Families in Kyiv prepared for Christmas this week.', [
      ['Kyiv', 'GPE'],
      ['Christmas', 'GPE'],
    ])
    expect(placeFor(doc, 'Christmas')).toBeUndefined()
    expect(placeFor(doc, 'Kyiv')).toBeDefined()
  })
  it('a word before the name that makes no known name stays out', () => {
    const doc = withEntities('Officials in Kyiv said the talks would resume.', [['Kyiv', 'GPE']])
    expect(placeFor(doc, 'Kyiv')?.mention).toBe('Kyiv')
  })
})

describe('places › record', () => {
  it('keeps every occurrence on one place, with candidates and evidence', () => {
    const doc = run('Shelling hit Kharkiv. Kharkiv officials said the city was calm.')
    const kharkiv = doc.layers.places!.filter((p) => p.name === 'Kharkiv')
    expect(kharkiv).toHaveLength(1)
    expect(kharkiv[0]!.mentions).toHaveLength(1)
    expect(kharkiv[0]!.candidates[0]!.name).toBe('Kharkiv')
    expect(kharkiv[0]!.by).toMatch(/^places\//)
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc)
  })
})
