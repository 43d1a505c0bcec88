/**
 * The SQLite backend (better-sqlite3 12): one file, WAL journal, FTS5 search.
 * better-sqlite3 is synchronous; the async Driver wraps it so the same queries
 * serve PostgreSQL. Transactions are BEGIN IMMEDIATE … COMMIT on the one
 * connection, serialised by a queue so two never interleave.
 */
import Database from 'better-sqlite3'
import { distanceKm } from '../corpus/geo.js'
import type { Driver, Row } from './driver.js'
import { SqlStore } from './sql-store.js'
import { DEFAULT_DB_FILE, type Store } from './store.js'

export interface SqliteOptions {
  /** Path of the database file, or ":memory:". Default ./sitrep.db. */
  file?: string
  readonly?: boolean
  /** Page cache in MB (default 64, or $SITREP_SQLITE_CACHE_MB). */
  cacheMb?: number
}

export async function openSqliteStore(options: SqliteOptions = {}): Promise<Store> {
  const db = new Database(options.file ?? DEFAULT_DB_FILE, { readonly: options.readonly ?? false })
  if (!options.readonly) {
    db.pragma('journal_mode = WAL')
    // NORMAL is durable across process crashes in WAL mode (only an OS crash may lose the last commit).
    db.pragma('synchronous = NORMAL')
  }
  db.pragma('busy_timeout = 5000')
  const cacheMb = options.cacheMb ?? Number(process.env.SITREP_SQLITE_CACHE_MB ?? 64)
  db.pragma(`cache_size = -${Math.round(cacheMb * 1024)}`)
  db.pragma('temp_store = MEMORY')
  db.function('dist_km', { deterministic: true }, (lat1, lon1, lat2, lon2) =>
    lat1 === null || lon1 === null || lat2 === null || lon2 === null
      ? null
      : distanceKm(Number(lat1), Number(lon1), Number(lat2), Number(lon2)),
  )
  const store = new SqlStore(new SqliteDriver(db))
  if (!options.readonly) await store.migrate()
  return store
}

/** SITREP_SQL_PROFILE=1 prints the time spent per statement at close (for tuning). */
const PROFILE = process.env.SITREP_SQL_PROFILE === '1'
const profile = new Map<string, { ms: number; calls: number }>()

function note(sql: string, ms: number): void {
  const key = sql.replace(/\s+/g, ' ').slice(0, 110)
  const entry = profile.get(key) ?? { ms: 0, calls: 0 }
  entry.ms += ms
  entry.calls++
  profile.set(key, entry)
}

function printProfile(): void {
  const rows = [...profile].sort((a, b) => b[1].ms - a[1].ms).slice(0, 15)
  for (const [sql, { ms, calls }] of rows)
    process.stderr.write(`${ms.toFixed(0).padStart(7)} ms ${String(calls).padStart(7)}×  ${sql}\n`)
}

class SqliteDriver implements Driver {
  readonly dialect = 'sqlite' as const
  private readonly statements = new Map<string, Database.Statement>()
  private queue: Promise<unknown> = Promise.resolve()
  private inTransaction = false

  constructor(private readonly db: Database.Database) {}

  private prepare(sql: string): Database.Statement {
    let statement = this.statements.get(sql)
    if (!statement) {
      statement = this.db.prepare(sql)
      this.statements.set(sql, statement)
    }
    return statement
  }

  async all(sql: string, params: unknown[] = []): Promise<Row[]> {
    if (!PROFILE) return this.prepare(sql).all(...params) as Row[]
    const t = performance.now()
    const rows = this.prepare(sql).all(...params) as Row[]
    note(sql, performance.now() - t)
    return rows
  }

  async get(sql: string, params: unknown[] = []): Promise<Row | undefined> {
    return this.prepare(sql).get(...params) as Row | undefined
  }

  async run(sql: string, params: unknown[] = []): Promise<number> {
    const t = PROFILE ? performance.now() : 0
    try {
      return this.runNow(sql, params)
    } finally {
      if (PROFILE) note(sql, performance.now() - t)
    }
  }

  private runNow(sql: string, params: unknown[]): number {
    const statement = this.prepare(sql)
    if (!statement.reader) return statement.run(...params).changes
    statement.all(...params)
    return 0
  }

  async exec(sql: string): Promise<void> {
    this.db.exec(sql)
  }

  transaction<T>(fn: (tx: Driver) => Promise<T>): Promise<T> {
    // A nested call (a transaction inside fn) joins the running one.
    if (this.inTransaction) return fn(this)
    const run = async (): Promise<T> => {
      this.db.exec('BEGIN IMMEDIATE')
      this.inTransaction = true
      try {
        const result = await fn(this)
        this.db.exec('COMMIT')
        return result
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK')
        throw error
      } finally {
        this.inTransaction = false
      }
    }
    const next = this.queue.then(run, run)
    this.queue = next.catch(() => undefined)
    return next
  }

  async close(): Promise<void> {
    if (PROFILE) printProfile()
    await this.queue
    if (this.db.open) this.db.close()
  }
}
