import Database from 'better-sqlite3'
import type { Database as Db } from 'better-sqlite3'
import type { Countries, GazetteerEntry, GazetteerMatch } from '../../core/resources.js'
import { parseLexicon } from '../lexicons.js'
import type { Admin1Row, GeonamesRow } from './geonames.js'
import { hasCyrillic, isLatin, keysOf, nameKey, skeletonKey, type TranslitTable } from './key.js'

/**
 * The gazetteer's SQLite schema and the statements that fill and read it. One `place` row per
 * place (GeoNames rows keep their geonameid; countries, first-level regions and the regions of
 * regions.tsv get negative ids, printed as a null geonameid); one `name` row per (key, place),
 * with the kind of match it stands for. Lookups are one indexed equality on `name.key`.
 */

export const SCHEMA_VERSION = '5'

/** Kinds of name rows, best first: the order is the ranking of a match. */
export const NAME_KIND = {
  name: 0,
  // Our aliases outrank GeoNames' alternate names: "Artemivsk" is Bakhmut before it is a village.
  alias: 1,
  alternate: 2,
  translit: 3,
  region: 4,
  fuzzy: 5,
} as const satisfies Record<GazetteerMatch, number>
const KIND_NAMES = Object.keys(NAME_KIND) as GazetteerMatch[]

/** Skeleton keys live in their own namespace of the key column. */
const FUZZY_PREFIX = '~'

/** Countries whose place names come from Cyrillic, where transliteration variants are common. */
const CYRILLIC_COUNTRIES = new Set([
  'UA',
  'RU',
  'BY',
  'MD',
  'KZ',
  'KG',
  'TJ',
  'UZ',
  'TM',
  'GE',
  'AZ',
  'AM',
  'BG',
  'RS',
  'MK',
  'MN',
])

const COUNTRY_ID_BASE = -1000
const REGION_ID_BASE = -100000
const AREA_ID_BASE = -900000

export function countryId(iso2: string): number {
  const a = iso2.charCodeAt(0) - 65
  const b = iso2.charCodeAt(1) - 65
  return COUNTRY_ID_BASE - (a * 26 + b)
}

export const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS place (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  country TEXT,
  admin1 TEXT,
  lat REAL NOT NULL,
  lon REAL NOT NULL,
  feature TEXT NOT NULL,
  population INTEGER NOT NULL DEFAULT 0,
  source TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS name (key TEXT NOT NULL, id INTEGER NOT NULL, kind INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS admin1 (
  country TEXT NOT NULL,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  id INTEGER NOT NULL,
  lat REAL,
  lon REAL,
  PRIMARY KEY (country, code)
);
`
/** Created after the bulk load of a build, which is much faster than inserting into an index. */
export const INDEXES = `
CREATE UNIQUE INDEX IF NOT EXISTS name_key_id ON name (key, id);
CREATE INDEX IF NOT EXISTS place_country_admin1 ON place (country, admin1);
`

// ------------------------------------------------------------------------- writing

export interface Writer {
  db: Db
  upsertPlace(row: GeonamesRow, source: string): void
  addName(key: string, id: number, kind: number): void
}

/**
 * Statements that file places and names. `bulk` is for the first load of an empty index, before
 * its unique index exists: plain inserts, because every row is new.
 */
export function createWriter(db: Db, table?: TranslitTable, bulk = false): Writer {
  const insertPlace = db.prepare(
    bulk
      ? `INSERT INTO place (id, name, country, admin1, lat, lon, feature, population, source)
     VALUES (@id, @name, @country, @admin1, @lat, @lon, @feature, @population, @source)`
      : `INSERT INTO place (id, name, country, admin1, lat, lon, feature, population, source)
     VALUES (@id, @name, @country, @admin1, @lat, @lon, @feature, @population, @source)
     ON CONFLICT (id) DO UPDATE SET
       -- GeoNames' own rows keep their name, point and codes; an import only adds names to them.
       name = CASE WHEN place.source = 'base' THEN place.name ELSE excluded.name END,
       lat = CASE WHEN place.source = 'base' THEN place.lat ELSE excluded.lat END,
       lon = CASE WHEN place.source = 'base' THEN place.lon ELSE excluded.lon END,
       country = CASE WHEN place.source = 'base' THEN place.country ELSE excluded.country END,
       admin1 = CASE WHEN place.source = 'base' THEN place.admin1 ELSE excluded.admin1 END,
       feature = CASE WHEN place.source = 'base' THEN place.feature ELSE excluded.feature END,
       population = max(place.population, excluded.population)`,
  )
  const insertName = db.prepare(
    bulk
      ? 'INSERT INTO name (key, id, kind) VALUES (?, ?, ?)'
      : `INSERT INTO name (key, id, kind) VALUES (?, ?, ?)
     ON CONFLICT (key, id) DO UPDATE SET kind = min(kind, excluded.kind)`,
  )
  return {
    db,
    upsertPlace(row, source) {
      insertPlace.run({
        id: row.geonameid,
        name: row.name,
        country: row.country || null,
        admin1: row.admin1 || null,
        lat: row.lat,
        lon: row.lon,
        feature: `${row.featureClass}.${row.featureCode}`,
        population: row.population,
        source,
      })
      for (const [key, kind] of namesOf(row, table)) insertName.run(key, row.geonameid, kind)
    },
    addName(key, id, kind) {
      if (key) insertName.run(key, id, kind)
    },
  }
}

/** Codes and junk among GeoNames alternate names: airport codes, postcodes, links. */
function isNoiseAlternate(alt: string, row: GeonamesRow): boolean {
  if (alt.length > 60 || alt.startsWith('http')) return true
  if (/^[A-Z0-9]{2,4}$/.test(alt) && alt !== row.name) return true
  return /\d/.test(alt) && !/\d/.test(row.name)
}

/** The (key, kind) pairs a GeoNames row is filed under, best kind per key. */
export function namesOf(row: GeonamesRow, table?: TranslitTable): Map<string, number> {
  const out = new Map<string, number>()
  const add = (key: string, kind: number) => {
    if (!key) return
    const old = out.get(key)
    if (old === undefined || kind < old) out.set(key, kind)
  }
  const fuzzy = CYRILLIC_COUNTRIES.has(row.country)
  const addAll = (name: string, latinKind: number) => {
    for (const { key, translit } of keysOf(name, table)) {
      add(key, translit ? NAME_KIND.translit : latinKind)
      if (fuzzy) add(FUZZY_PREFIX + skeletonKey(key), NAME_KIND.fuzzy)
    }
  }
  addAll(row.name, NAME_KIND.name)
  if (row.asciiname) addAll(row.asciiname, NAME_KIND.name)
  for (const alt of row.alternatenames) {
    if (isNoiseAlternate(alt, row)) continue
    if (isLatin(alt)) add(nameKey(alt), NAME_KIND.alternate)
    else if (hasCyrillic(alt)) addAll(alt, NAME_KIND.alternate)
  }
  out.delete(FUZZY_PREFIX)
  return out
}

/** Words that name the kind of a region: "Donetsk Oblast" is also filed under "donetsk" (kind region). */
const REGION_WORDS =
  /\s+(oblast|region|province|governorate|state|krai|kray|republic|district|county|prefecture|department|voivodeship|territory|municipality|city|autonomous okrug|canton)$/i

export function regionBase(name: string): string | null {
  const bare = name.replace(/^(canton|republic|autonomous republic) of\s+/i, '')
  const base = bare.replace(REGION_WORDS, '').trim()
  return base !== name ? base : null
}

/**
 * Files a region's names: its name and aliases exactly, the bare base as kind region, "X region".
 * A bare base that is a country's name is left out: "Niger State" is Nigeria's, but "Niger"
 * alone is the country (countries are filed before regions, so the index can tell).
 */
export function addRegionNames(writer: Writer, id: number, names: readonly string[]): void {
  const isCountry = writer.db.prepare(
    `SELECT 1 FROM name n JOIN place p ON p.id = n.id WHERE n.key = ? AND p.feature = 'A.PCLI' LIMIT 1`,
  )
  for (const name of names) {
    writer.addName(nameKey(name), id, NAME_KIND.name)
    const base = regionBase(name)
    if (!base) continue
    if (isCountry.get(nameKey(base)) === undefined)
      writer.addName(nameKey(base), id, NAME_KIND.region)
    for (const word of ['region', 'oblast', 'province']) {
      writer.addName(nameKey(`${base} ${word}`), id, NAME_KIND.alias)
    }
  }
}

export function upsertAdmin1(
  writer: Writer,
  row: Admin1Row,
  aliases: readonly string[] = [],
  centre: { lat: number; lon: number } | null = null,
): void {
  const { db } = writer
  const existing = db
    .prepare('SELECT id FROM admin1 WHERE country = ? AND code = ?')
    .get(row.country, row.code) as { id: number } | undefined
  let id = existing?.id
  if (id === undefined) {
    const next = db.prepare('SELECT count(*) AS n FROM admin1').get() as { n: number }
    id = REGION_ID_BASE - next.n
    db.prepare('INSERT INTO admin1 (country, code, name, id) VALUES (?, ?, ?, ?)').run(
      row.country,
      row.code,
      row.name,
      id,
    )
    // The point is a placeholder until refreshRegions() derives it from the places inside.
    db.prepare(
      `INSERT OR IGNORE INTO place (id, name, country, admin1, lat, lon, feature, population, source)
       VALUES (?, ?, ?, ?, 0, 0, 'A.ADM1', 0, 'admin1')`,
    ).run(id, row.name, row.country, row.code)
  }
  if (centre) {
    db.prepare('UPDATE admin1 SET lat = ?, lon = ? WHERE id = ?').run(centre.lat, centre.lon, id)
  }
  addRegionNames(writer, id, [row.name, row.asciiname, ...aliases])
}

/**
 * Region points and populations from the places inside: the middle of the range that holds the
 * central 96% of member latitudes and longitudes (a region's centre, not its population's, and a
 * mis-coded outlier cannot drag it across the map), and the sum of their populations.
 */
export function refreshRegions(db: Db): void {
  const regions = db.prepare('SELECT country, code, id, lat, lon FROM admin1').all() as {
    country: string
    code: string
    id: number
    lat: number | null
    lon: number | null
  }[]
  const members = db.prepare(
    `SELECT lat, lon, population FROM place WHERE country = ? AND admin1 = ? AND id >= 0`,
  )
  const update = db.prepare('UPDATE place SET lat = ?, lon = ?, population = ? WHERE id = ?')
  for (const region of regions) {
    const rows = members.all(region.country, region.code) as {
      lat: number
      lon: number
      population: number
    }[]
    if (rows.length === 0) continue
    const population = rows.reduce((sum, r) => sum + r.population, 0)
    update.run(
      region.lat ?? midRange(rows.map((r) => r.lat)),
      region.lon ?? midRange(rows.map((r) => r.lon)),
      population,
      region.id,
    )
  }
  // Countries: the sum of their places, so that ranking by population puts a country first.
  db.prepare(
    `UPDATE place SET population = coalesce((SELECT sum(p.population) FROM place p
       WHERE p.country = place.country AND p.id >= 0), 0)
     WHERE feature = 'A.PCLI'`,
  ).run()
}

/** Middle of the 2nd–98th percentile range. */
export function midRange(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const cut = Math.floor(sorted.length * 0.02)
  const low = sorted[cut] ?? 0
  const high = sorted[sorted.length - 1 - cut] ?? low
  return (low + high) / 2
}

export interface CountryPoint {
  cca2: string
  lat: number
  lon: number
}

/** Countries as places: every English name the countries resource knows, at its centre point. */
export function addCountries(
  writer: Writer,
  countries: Countries,
  points: readonly CountryPoint[],
  overrides: readonly CountryPoint[] = [],
) {
  const at = new Map([...points, ...overrides].map((p) => [p.cca2, p]))
  for (const country of countries.all) {
    const point = at.get(country.cca2)
    if (!point || !/^[A-Z]{2}$/.test(country.cca2)) continue
    const id = countryId(country.cca2)
    writer.db
      .prepare(
        `INSERT OR REPLACE INTO place (id, name, country, admin1, lat, lon, feature, population, source)
         VALUES (?, ?, ?, NULL, ?, ?, 'A.PCLI', 0, 'country')`,
      )
      .run(id, country.name, country.cca2, point.lat, point.lon)
    for (const name of [country.name, country.official, ...country.names]) {
      writer.addName(nameKey(name), id, NAME_KIND.name)
    }
  }
}

/** regions.tsv: continents, seas, rivers and regions that span borders. */
export function addAreas(writer: Writer, source: string): void {
  parseLexicon('regions', source).forEach((row, index) => {
    const id = AREA_ID_BASE - index
    const lat = Number(row.lat)
    const lon = Number(row.lon)
    if (!row.name || !Number.isFinite(lat) || !Number.isFinite(lon)) return
    writer.db
      .prepare(
        `INSERT OR REPLACE INTO place (id, name, country, admin1, lat, lon, feature, population, source)
         VALUES (?, ?, ?, NULL, ?, ?, ?, 0, 'regions')`,
      )
      .run(id, row.name, row.country || null, lat, lon, row.feature || 'L.RGN')
    const names = [row.name, ...(row.aliases ? row.aliases.split('|') : [])]
    for (const name of names) writer.addName(nameKey(name), id, NAME_KIND.name)
  })
}

/** admin1.tsv: our first-level region names. */
export function addAdmin1Table(writer: Writer, source: string): void {
  for (const row of parseLexicon('admin1', source)) {
    if (!row.country || !row.code || !row.name) continue
    const aliases = row.aliases ? row.aliases.split('|').filter(Boolean) : []
    const centre = row.lat && row.lon ? { lat: Number(row.lat), lon: Number(row.lon) } : null
    upsertAdmin1(
      writer,
      { country: row.country, code: row.code, name: row.name, asciiname: row.name },
      aliases,
      centre,
    )
  }
}

/**
 * aliases.tsv: each alias is filed under the best place with the target's name (in the given
 * country and feature class): the one with a primary-name match and the largest population.
 * Returns the aliases whose target is not in the index, for a message.
 */
export function addAliases(writer: Writer, source: string): string[] {
  const missing: string[] = []
  const find = writer.db.prepare(
    `SELECT p.id FROM name n JOIN place p ON p.id = n.id
     WHERE n.key = ? AND (? = '' OR p.country = ?) AND (? = '' OR p.feature LIKE ? || '.%')
     ORDER BY n.kind, p.population DESC LIMIT 1`,
  )
  for (const row of parseLexicon('aliases', source)) {
    const country = row.country ?? ''
    const feature = row.feature ?? ''
    const target = find.get(nameKey(row.target ?? ''), country, country, feature, feature) as
      { id: number } | undefined
    if (!target) {
      missing.push(`${row.alias} → ${row.target}`)
      continue
    }
    writer.addName(nameKey(row.alias ?? ''), target.id, NAME_KIND.alias)
  }
  return missing
}

// ------------------------------------------------------------------------- reading

export interface Reader {
  lookup(name: string): GazetteerEntry[]
  has(name: string): boolean
  region(country: string, admin1Code: string): GazetteerEntry | null
  country(iso2: string): GazetteerEntry | null
}

interface PlaceRow {
  id: number
  name: string
  country: string | null
  admin1: string | null
  admin1Name: string | null
  lat: number
  lon: number
  feature: string
  population: number
  kind?: number
}

const SELECT_PLACE = `SELECT p.id, p.name, p.country, p.admin1, a.name AS admin1Name, p.lat, p.lon,
  p.feature, p.population FROM place p LEFT JOIN admin1 a ON a.country = p.country AND a.code = p.admin1`

function toEntry(row: PlaceRow): GazetteerEntry {
  return {
    geonameid: row.id,
    name: row.name,
    country: row.country,
    admin1: row.admin1Name,
    admin1Code: row.admin1,
    lat: row.lat,
    lon: row.lon,
    feature: row.feature,
    population: row.population,
    match: KIND_NAMES[row.kind ?? 0] ?? 'name',
  }
}

/** Prepared statements over an open database: nothing is scanned at start. */
export function createReader(db: Db, table?: TranslitTable): Reader {
  const byKey = db.prepare(
    `SELECT p.id, p.name, p.country, p.admin1, a.name AS admin1Name, p.lat, p.lon, p.feature,
       p.population, n.kind FROM name n JOIN place p ON p.id = n.id
     LEFT JOIN admin1 a ON a.country = p.country AND a.code = p.admin1
     WHERE n.key = ? ORDER BY n.kind, p.population DESC LIMIT 100`,
  )
  const exists = db.prepare('SELECT 1 FROM name WHERE key = ? LIMIT 1')
  const regionStmt = db.prepare(
    `${SELECT_PLACE} WHERE p.id = (SELECT id FROM admin1 WHERE country = ? AND code = ?)`,
  )
  const countryStmt = db.prepare(`${SELECT_PLACE} WHERE p.id = ?`)
  return {
    lookup(name) {
      const seen = new Map<number, GazetteerEntry>()
      const collect = (key: string) => {
        if (!key) return
        for (const row of byKey.all(key) as PlaceRow[]) {
          const entry = toEntry(row)
          const old = seen.get(entry.geonameid)
          if (!old || NAME_KIND[entry.match ?? 'name'] < NAME_KIND[old.match ?? 'name']) {
            seen.set(entry.geonameid, entry)
          }
        }
      }
      const keys = keysOf(name, table)
      for (const { key } of keys) collect(key)
      for (const { key } of keys) {
        const skeleton = skeletonKey(key)
        if (skeleton) collect(FUZZY_PREFIX + skeleton)
      }
      return [...seen.values()]
    },
    has(name) {
      for (const { key } of keysOf(name, table)) if (exists.get(key)) return true
      return false
    },
    region(country, admin1Code) {
      const row = regionStmt.get(country, admin1Code) as PlaceRow | undefined
      return row ? toEntry(row) : null
    },
    country(iso2) {
      if (!/^[A-Z]{2}$/.test(iso2)) return null
      const row = countryStmt.get(countryId(iso2)) as PlaceRow | undefined
      return row ? toEntry(row) : null
    },
  }
}

export function openDatabase(path: string, options: { readonly?: boolean } = {}): Db {
  const db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: true })
  return db
}
