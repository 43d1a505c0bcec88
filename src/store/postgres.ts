/**
 * The PostgreSQL backend (pg 8): the shared SQL store over a connection pool,
 * full-text search through a generated tsvector column. `?` placeholders are
 * rewritten to `$n`; a transaction holds one pooled client from BEGIN to COMMIT.
 */
import pg from 'pg'
import type { Driver, Row } from './driver.js'
import { SqlStore } from './sql-store.js'
import type { Store } from './store.js'

export interface PostgresOptions {
  /** Connection URL, e.g. postgres://user:pass@127.0.0.1:5432/sitrep */
  url: string
  /** Pool size (default 4). */
  max?: number
}

export async function openPostgresStore(options: PostgresOptions): Promise<Store> {
  const pool = new pg.Pool({ connectionString: options.url, max: options.max ?? 4 })
  const store = new SqlStore(new PostgresDriver(pool))
  try {
    await store.migrate()
  } catch (error) {
    await pool.end()
    throw error
  }
  return store
}

type Queryable = pg.Pool | pg.PoolClient

const rewritten = new Map<string, string>()

/** `?` → `$1, $2, …` (the queries never contain a literal question mark). */
function toPg(sql: string): string {
  let out = rewritten.get(sql)
  if (out === undefined) {
    let n = 0
    out = sql.replace(/\?/g, () => `$${++n}`)
    rewritten.set(sql, out)
  }
  return out
}

class PostgresDriver implements Driver {
  readonly dialect = 'postgres' as const
  constructor(
    private readonly pool: pg.Pool,
    private readonly client: Queryable = pool,
    private readonly inTransaction = false,
  ) {}

  private async query(sql: string, params: unknown[]): Promise<pg.QueryResult> {
    return this.client.query(toPg(sql), params)
  }

  async all(sql: string, params: unknown[] = []): Promise<Row[]> {
    return (await this.query(sql, params)).rows as Row[]
  }

  async get(sql: string, params: unknown[] = []): Promise<Row | undefined> {
    return (await this.query(sql, params)).rows[0] as Row | undefined
  }

  async run(sql: string, params: unknown[] = []): Promise<number> {
    return (await this.query(sql, params)).rowCount ?? 0
  }

  async transaction<T>(fn: (tx: Driver) => Promise<T>): Promise<T> {
    if (this.inTransaction) return fn(this)
    const client = await this.pool.connect()
    try {
      await client.query('BEGIN')
      const result = await fn(new PostgresDriver(this.pool, client, true))
      await client.query('COMMIT')
      return result
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined)
      throw error
    } finally {
      client.release()
    }
  }

  async close(): Promise<void> {
    await this.pool.end()
  }
}
