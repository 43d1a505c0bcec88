import { homedir } from 'node:os'
import { join } from 'node:path'
import type { Countries, Gazetteer } from '../../core/resources.js'
import { buildGazetteer, countRows, getMeta, isBuilt, type BuildReport } from './build.js'
import { createReader, openDatabase, SCHEMA_VERSION } from './db.js'
import { loadTranslit } from './key.js'

export { buildGazetteer, type BuildReport } from './build.js'
export { importGeonames, type ImportReport } from './import.js'

/**
 * Where the index lives: $SITREP_GAZETTEER when set, else the user's data folder
 * ($XDG_DATA_HOME/sitrep/gazetteer-v<schema>.db, default under ~/.local/share/sitrep). A data
 * folder rather than a cache, because imports make it more than a rebuildable cache. The file
 * is named after its schema so that two sitrep versions on one machine (a global install and a
 * project's) each keep their own index instead of rebuilding each other's at every start.
 */
export function defaultGazetteerPath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.SITREP_GAZETTEER) return env.SITREP_GAZETTEER
  const dataHome = env.XDG_DATA_HOME || join(homedir(), '.local', 'share')
  return join(dataHome, 'sitrep', `gazetteer-v${SCHEMA_VERSION}.db`)
}

export interface OpenOptions {
  /** Build the index from shipped data when the file is missing or of an older schema (default true). */
  build?: boolean
  /** Build afresh even when an index exists (imports are lost). */
  rebuild?: boolean
  /** The countries resource, filed as places when the index is built. */
  countries?: Countries
  /** Told when a build starts, e.g. to print a note on stderr. */
  onBuild?: (path: string) => void
  onBuilt?: (report: BuildReport) => void
}

export interface OpenGazetteer extends Gazetteer {
  readonly path: string
  close(): void
  stats(): GazetteerStats
}

export interface GazetteerStats {
  path: string
  places: number
  names: number
  regions: number
  countries: number
  imported: number
  imports: string[]
  built: string | null
}

/** Opens the index (building it first when needed); only prepared statements, no scans. */
export function openGazetteer(
  path = defaultGazetteerPath(),
  options: OpenOptions = {},
): OpenGazetteer {
  if (options.rebuild || ((options.build ?? true) && !isBuilt(path))) {
    options.onBuild?.(path)
    const report = buildGazetteer(path, { countries: options.countries })
    options.onBuilt?.(report)
  }
  const db = openDatabase(path, { readonly: true })
  const reader = createReader(db, loadTranslit())
  return {
    ...reader,
    path,
    close: () => db.close(),
    stats() {
      const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n
      return {
        path,
        ...countRows(db),
        regions: count("SELECT count(*) AS n FROM place WHERE feature = 'A.ADM1'"),
        countries: count("SELECT count(*) AS n FROM place WHERE feature = 'A.PCLI'"),
        imported: count("SELECT count(*) AS n FROM place WHERE source LIKE 'import:%'"),
        imports: JSON.parse(getMeta(db, 'imports') ?? '[]') as string[],
        built: getMeta(db, 'built'),
      }
    },
  }
}

/**
 * A gazetteer that opens (and if need be builds) the index on first use, so commands that never
 * resolve a place do not pay for it.
 */
export function lazyGazetteer(path = defaultGazetteerPath(), options: OpenOptions = {}): Gazetteer {
  let open: OpenGazetteer | null = null
  const get = () => (open ??= openGazetteer(path, options))
  return {
    lookup: (name) => get().lookup(name),
    has: (name) => get().has(name),
    region: (country, code) => get().region(country, code),
    country: (iso2) => get().country(iso2),
  }
}
