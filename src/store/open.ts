import { openPostgresStore } from './postgres.js'
import { openSqliteStore } from './sqlite.js'
import { DEFAULT_DB_FILE, type Store } from './store.js'

export interface OpenOptions {
  /** SQLite file (default ./sitrep.db, or $SITREP_DB). */
  db?: string
  /** PostgreSQL URL (or $SITREP_PG); wins over `db`. */
  pg?: string
  readonly?: boolean
}

/** Open (and migrate) the store the options or the environment point at. */
export function openStore(options: OpenOptions = {}): Promise<Store> {
  const pgUrl = options.pg ?? process.env.SITREP_PG
  if (pgUrl) return openPostgresStore({ url: pgUrl })
  return openSqliteStore({
    file: options.db ?? process.env.SITREP_DB ?? DEFAULT_DB_FILE,
    readonly: options.readonly,
  })
}
