import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { addAliases, createWriter, openDatabase, refreshRegions } from './db.js'
import { DATA_DIR, getMeta, loadAdmin1, loadPlaces, setMeta } from './build.js'
import { loadTranslit } from './key.js'

/**
 * `sitrep gazetteer import`: merges a GeoNames dump (and optionally its admin1 names) into the
 * local index. Idempotent: places are upserted by geonameid and names are a set, so importing the
 * same file twice leaves the index as one import did. GeoNames' own cities500 rows keep their
 * name, point and codes; an import adds its names to them.
 */

export interface ImportReport {
  file: string
  rows: number
  skipped: number
  admin1: number
  ms: number
}

export function importGeonames(
  dbPath: string,
  file: string,
  options: { admin1File?: string } = {},
): ImportReport {
  const started = performance.now()
  const db = openDatabase(dbPath)
  try {
    const writer = createWriter(db, loadTranslit())
    let counts = { rows: 0, skipped: 0 }
    let admin1 = 0
    db.transaction(() => {
      // Region names first, so the places of a new region find it.
      if (options.admin1File) admin1 = loadAdmin1(writer, readFileSync(options.admin1File, 'utf8'))
      counts = loadPlaces(writer, readFileSync(file, 'utf8'), `import:${basename(file)}`)
      refreshRegions(db)
      // An alias whose target was missing from the base data may find it in the import.
      addAliases(writer, readFileSync(new URL('aliases.tsv', DATA_DIR), 'utf8'))
      const imports = JSON.parse(getMeta(db, 'imports') ?? '[]') as string[]
      if (!imports.includes(basename(file))) imports.push(basename(file))
      setMeta(db, 'imports', JSON.stringify(imports))
    })()
    return { file, ...counts, admin1, ms: Math.round(performance.now() - started) }
  } finally {
    db.close()
  }
}
