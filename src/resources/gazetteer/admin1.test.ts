import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseLexicon } from '../lexicons.js'
import { buildGazetteer, cities500File } from './build.js'
import { midRange, regionBase } from './db.js'
import { fixtureCountries } from './fixtures/countries.js'
import { openGazetteer, type OpenGazetteer } from './index.js'
import { nameKey } from './key.js'

/** data/admin1.tsv: the codes are checked against the GeoNames data sitrep ships, names by rule. */

const rows = parseLexicon(
  'admin1',
  readFileSync(new URL('./data/admin1.tsv', import.meta.url), 'utf8'),
)
function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180
  const h =
    Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lon - a.lon) * rad) / 2) ** 2
  return 12742 * Math.asin(Math.min(1, Math.sqrt(h)))
}

const namesOf = (row: Record<string, string>) => [
  row.name ?? '',
  ...(row.aliases ? row.aliases.split('|') : []),
]

describe('admin1.tsv', () => {
  it('has one row per region and per name within a country', () => {
    const codes = new Set<string>()
    const names = new Map<string, string>()
    const clashes: string[] = []
    for (const row of rows) {
      const code = `${row.country}.${row.code}`
      if (codes.has(code)) clashes.push(code)
      codes.add(code)
      for (const name of namesOf(row)) {
        const key = `${row.country}|${nameKey(name)}`
        const other = names.get(key)
        if (other !== undefined && other !== code) clashes.push(`${name}: ${other} and ${code}`)
        names.set(key, code)
      }
    }
    expect(clashes).toEqual([])
  })

  it("gives each region its seat's GeoNames admin1 code (a seat is a town in cities500)", () => {
    const wanted = new Set(
      rows.filter((r) => r.seat).map((r) => `${r.country}|${nameKey(r.seat!)}`),
    )
    // The largest town of that name in the country, by its name or ASCII name.
    const found = new Map<string, { admin1: string; population: number }>()
    for (const line of readFileSync(cities500File(), 'utf8').split('\n')) {
      const cells = line.split('\t')
      for (const name of new Set([cells[1], cells[2]])) {
        const key = `${cells[8]}|${nameKey(name ?? '')}`
        if (!wanted.has(key)) continue
        const population = Number(cells[14])
        const old = found.get(key)
        if (!old || population > old.population) found.set(key, { admin1: cells[10]!, population })
      }
    }
    const wrong = rows
      .filter((r) => r.seat)
      .map((r) => ({ row: r, seat: found.get(`${r.country}|${nameKey(r.seat!)}`) }))
      .filter(({ row, seat }) => seat?.admin1 !== row.code)
      .map(
        ({ row, seat }) => `${row.country}.${row.code} ${row.name}: ${row.seat} is ${seat?.admin1}`,
      )
    expect(wrong).toEqual([])
    expect(wanted.size).toBeGreaterThan(450)
  })

  it("derives no region centre far from its towns' median (else the row gives a point)", () => {
    const derived = new Set(rows.filter((r) => !r.lat).map((r) => `${r.country}|${r.code}`))
    const members = new Map<string, { lat: number[]; lon: number[] }>()
    for (const line of readFileSync(cities500File(), 'utf8').split('\n')) {
      const cells = line.split('\t')
      const key = `${cells[8]}|${cells[10]}`
      if (!derived.has(key)) continue
      const m = members.get(key) ?? { lat: [], lon: [] }
      m.lat.push(Number(cells[4]))
      m.lon.push(Number(cells[5]))
      members.set(key, m)
    }
    const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? 0
    const far = [...members]
      .map(([key, m]) => {
        const centre = { lat: midRange(m.lat), lon: midRange(m.lon) }
        return { key, km: distanceKm(centre, { lat: median(m.lat), lon: median(m.lon) }) }
      })
      .filter((r) => r.km > 450)
      .map((r) => `${r.key} ${Math.round(r.km)} km`)
    expect(far).toEqual([])
  })

  it("files no region under a country's name (its name, alias or bare base)", () => {
    const require = createRequire(import.meta.url)
    const countries = require('world-countries/countries.json') as {
      name: { common: string; official: string }
    }[]
    const countryKeys = new Set(
      countries.flatMap((c) => [c.name.common, c.name.official]).map(nameKey),
    )
    // Georgia the US state keeps its own name; "Mexico City" files "Mexico" only as a bare base.
    const allowed = new Set(['US|Georgia', 'MX|Mexico City'])
    // A bare base that is a country's name ("Niger" of "Niger State") is skipped by the builder
    // (addRegionNames; the built index is checked below), so only names and aliases count here.
    const clashes = rows
      .filter((row) => !allowed.has(`${row.country}|${row.name}`))
      .flatMap((row) => namesOf(row))
      .filter((name) => name && countryKeys.has(nameKey(name)))
    expect(clashes).toEqual([])
  })

  // Bases that are everyday words or other places' names must never be filed.
  const bannedBases = ['Free', 'North West', 'Sahel', 'Bay', 'Kurdistan']
  it.each(bannedBases)('files no region under the bare base %j', (word) => {
    const bases = rows.flatMap((row) => namesOf(row).map((name) => regionBase(name)))
    expect(bases.map((b) => (b ? nameKey(b) : ''))).not.toContain(nameKey(word))
  })

  const counts: [string, number][] = [
    ['CN', 31],
    ['IN', 32],
    ['PK', 7],
    ['NG', 36],
    ['MX', 32],
    ['BR', 26],
    ['IR', 31],
    ['AF', 34],
    ['IQ', 18],
    ['JP', 47],
  ]
  it.each(counts)('names the regions of %s (at least %i)', (country, n) => {
    expect(rows.filter((r) => r.country === country).length).toBeGreaterThanOrEqual(n)
  })
})

describe('region lookups (real admin1.tsv, small places fixture, temp db)', () => {
  let dir: string
  let gazetteer: OpenGazetteer

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sitrep-admin1-'))
    const path = join(dir, 'gazetteer.db')
    const placesFile = new URL('./fixtures/mini-cities.txt', import.meta.url).pathname
    buildGazetteer(path, { placesFile, countries: fixtureCountries })
    gazetteer = openGazetteer(path, { build: false })
  })
  afterAll(() => {
    gazetteer.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const regionOf = (name: string, country: string) =>
    gazetteer.lookup(name).find((e) => e.feature === 'A.ADM1' && e.country === country)

  it('files a region whose bare base is a country under its full name only', () => {
    expect(regionOf('Niger State', 'NG')?.name).toBe('Niger State')
    expect(gazetteer.lookup('Niger').filter((e) => e.feature === 'A.ADM1')).toEqual([])
  })

  // [mention, region, country, how the region matched]
  const regions: [string, string, string, string][] = [
    ['Guizhou', 'Guizhou', 'CN', 'name'],
    ['Guizhou province', 'Guizhou', 'CN', 'name'],
    ['Guizhou Province', 'Guizhou', 'CN', 'name'],
    ['Hunan', 'Hunan', 'CN', 'name'],
    ['Sichuan', 'Sichuan', 'CN', 'name'],
    ['Szechuan', 'Sichuan', 'CN', 'name'],
    ['Inner Mongolia', 'Inner Mongolia', 'CN', 'name'],
    ['Jilin province', 'Jilin Province', 'CN', 'name'],
    ['Tianjin Municipality', 'Tianjin Municipality', 'CN', 'name'],
    ['Kano State', 'Kano State', 'NG', 'name'],
    ['Kano state', 'Kano State', 'NG', 'name'],
    ['Benue', 'Benue State', 'NG', 'name'],
    ['Borno', 'Borno State', 'NG', 'name'],
    ['Yobe', 'Yobe State', 'NG', 'name'],
    ['Akwa Ibom', 'Akwa Ibom State', 'NG', 'name'],
    ['Sinaloa', 'Sinaloa', 'MX', 'name'],
    ['Sinaloa State', 'Sinaloa', 'MX', 'name'],
    ['State of Mexico', 'State of Mexico', 'MX', 'name'],
    ['Puebla State', 'Puebla State', 'MX', 'name'],
    ['Khyber Pakhtunkhwa', 'Khyber Pakhtunkhwa', 'PK', 'name'],
    ['NWFP', 'Khyber Pakhtunkhwa', 'PK', 'name'],
    ['Punjab province', 'Punjab', 'PK', 'name'],
    ['Gilgit-Baltistan', 'Gilgit-Baltistan', 'PK', 'name'],
    ['Punjab', 'Punjab', 'IN', 'name'],
    ['Uttar Pradesh', 'Uttar Pradesh', 'IN', 'name'],
    ['Orissa', 'Odisha', 'IN', 'name'],
    ['North Kivu', 'North Kivu', 'CD', 'name'],
    ['Nord-Kivu', 'North Kivu', 'CD', 'name'],
    ['Ituri', 'Ituri Province', 'CD', 'name'],
    ['Tigray', 'Tigray Region', 'ET', 'name'],
    ['Rakhine', 'Rakhine State', 'MM', 'region'],
    ['Arakan State', 'Rakhine State', 'MM', 'name'],
    ['Karen State', 'Kayin State', 'MM', 'name'],
    ['Helmand', 'Helmand Province', 'AF', 'region'],
    ['Kunduz province', 'Kunduz Province', 'AF', 'name'],
    ['Paktika', 'Paktika Province', 'AF', 'name'],
    ['Sistan-Baluchestan', 'Sistan and Baluchestan Province', 'IR', 'name'],
    ['Kerman Province', 'Kerman Province', 'IR', 'name'],
    ['Kordestan province', 'Kordestan Province', 'IR', 'name'],
    ['Minas Gerais', 'Minas Gerais', 'BR', 'name'],
    ['Pará', 'Pará', 'BR', 'name'],
    ['Sagaing', 'Sagaing', 'MM', 'name'],
    ['São Paulo state', 'São Paulo State', 'BR', 'name'],
    ['Aceh', 'Aceh', 'ID', 'name'],
    ['West Java', 'West Java', 'ID', 'name'],
    ['Antioquia', 'Antioquia', 'CO', 'name'],
    ['Cauca department', 'Cauca', 'CO', 'name'],
    ['KwaZulu-Natal', 'KwaZulu-Natal', 'ZA', 'name'],
    ['Dhi Qar', 'Dhi Qar Governorate', 'IQ', 'name'],
    ['Hadramout', 'Hadhramaut Governorate', 'YE', 'name'],
    ['Lower Shabelle', 'Lower Shabelle', 'SO', 'name'],
    ['Sirte District', 'Sirte District', 'LY', 'name'],
    ['Cabo Delgado', 'Cabo Delgado', 'MZ', 'name'],
    ['Tillaberi Region', 'Tillabéri Region', 'NE', 'name'],
    ['Kahramanmaras province', 'Kahramanmaraş Province', 'TR', 'name'],
    ['Fukushima Prefecture', 'Fukushima Prefecture', 'JP', 'name'],
    ['Hokkaido', 'Hokkaido', 'JP', 'name'],
    ['Ishikawa', 'Ishikawa Prefecture', 'JP', 'name'],
    ['Galapagos', 'Galápagos Province', 'EC', 'name'],
    ['Al Jawf', 'Al Jawf Governorate', 'YE', 'name'],
    ['Pattani province', 'Pattani Province', 'TH', 'name'],
    ['Zulia', 'Zulia', 'VE', 'name'],
    ['Tachira state', 'Táchira', 'VE', 'name'],
    ['Turkana', 'Turkana County', 'KE', 'name'],
    ['Mandera county', 'Mandera County', 'KE', 'name'],
    ['Castile and León', 'Castile and León', 'ES', 'name'],
    ['Assiut Governorate', 'Asyut Governorate', 'EG', 'name'],
    ['Gedaref', 'Gedaref State', 'SD', 'name'],
    ['Jazan Province', 'Jazan Province', 'SA', 'name'],
    ['Buenos Aires Province', 'Buenos Aires Province', 'AR', 'name'],
    ['Araucania Region', 'Araucanía Region', 'CL', 'name'],
    ['Cuzco Region', 'Cusco Region', 'PE', 'name'],
    ['Guayas', 'Guayas', 'EC', 'name'],
    ['Sabah', 'Sabah', 'MY', 'name'],
    ['Gyeonggi', 'Gyeonggi Province', 'KR', 'name'],
    ['Crete', 'Crete', 'GR', 'name'],
    ['Tyrol', 'Tyrol', 'AT', 'name'],
    ['Central Visayas', 'Central Visayas', 'PH', 'name'],
    ['Republika Srpska', 'Republika Srpska', 'BA', 'name'],
    ['Vojvodina', 'Vojvodina', 'RS', 'name'],
    ['Syunik', 'Syunik Province', 'AM', 'name'],
    ['Far North Region', 'Far North Region', 'CM', 'name'],
    ['GBAO', 'Gorno-Badakhshan', 'TJ', 'name'],
    ['Vaud', 'Vaud', 'CH', 'name'],
    ['Noord-Brabant', 'North Brabant', 'NL', 'name'],
    ['Skane', 'Skåne', 'SE', 'name'],
    ['Matabeleland North', 'Matabeleland North', 'ZW', 'name'],
    ['Souss-Massa', 'Souss-Massa', 'MA', 'name'],
    ['Ouham-Pende', 'Ouham-Pendé', 'CF', 'name'],
    ['Preah Vihear province', 'Preah Vihear Province', 'KH', 'name'],
    ['Alibori', 'Alibori Department', 'BJ', 'name'],
    ['Kagera', 'Kagera Region', 'TZ', 'name'],
    ['Sharqia Governorate', 'Sharqia Governorate', 'EG', 'name'],
  ]
  it.each(regions)('finds %s as the region %s (%s) by its %s', (mention, name, country, match) => {
    const region = regionOf(mention, country)
    expect(region?.name).toBe(name)
    expect(region?.match).toBe(match)
  })

  // A region named after its seat leaves the bare name to the town: the region is only a
  // low-ranked 'region' match, the town comes first.
  const towns: [string, string, string][] = [
    ['Lagos', 'NG', 'Lagos State'],
    ['Kano', 'NG', 'Kano State'],
    ['Tianjin', 'CN', 'Tianjin Municipality'],
    ['Kabul', 'AF', 'Kabul Province'],
    ['Puebla', 'MX', 'Puebla State'],
    ['Kerman', 'IR', 'Kerman Province'],
    ['Fukushima', 'JP', 'Fukushima Prefecture'],
  ]
  it.each(towns)('keeps bare %s (%s) the town, not %s', (name, country, region) => {
    const found = gazetteer.lookup(name)
    expect(found[0]?.feature.startsWith('P.')).toBe(true)
    expect(found[0]?.country).toBe(country)
    expect(found[0]?.admin1).toBe(region)
    expect(regionOf(name, country)?.match).toBe('region')
  })

  it('derives a new region point from the places inside (Guiyang for Guizhou)', () => {
    const guizhou = regionOf('Guizhou', 'CN')
    expect(guizhou?.lat).toBeCloseTo(26.6, 0)
    expect(guizhou?.lon).toBeCloseTo(106.7, 0)
    expect(gazetteer.lookup('Changsha')[0]?.admin1).toBe('Hunan')
  })

  // [mention, country whose first-level region it must not find]
  const misses: [string, string][] = [
    ['Mexico', 'MX'],
    ['Niger', 'NG'],
    ['Kurdistan region', 'IR'],
    ['Sahel', 'BF'],
    ['Free', 'ZA'],
    ['Punjab province', 'IN'],
    ['Meta', 'CO'],
    ['Acre', 'BR'],
    ['Beni', 'BO'],
    ['La Libertad', 'PE'],
    ['Cordillera', 'PH'],
    ['Salzburg', 'AT'],
    ['Uri', 'CH'],
    ['Pamir', 'TJ'],
    ['Brabant', 'NL'],
  ]
  it.each(misses)('does not take %s for a region of %s by its own name', (mention, country) => {
    const region = regionOf(mention, country)
    expect(region === undefined || region.match === 'region').toBe(true)
  })
})
