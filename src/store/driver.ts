import type { Dialect } from './migrations.js'

/** A row as a driver returns it: column name → value. */
export type Row = Record<string, unknown>

/**
 * The little a backend must provide: parameterised queries (`?` placeholders,
 * rewritten for PostgreSQL by its driver) and a transaction scope. Everything
 * else, the schema and the queries, is shared in ./sql-store.ts.
 */
export interface Driver {
  readonly dialect: Dialect
  all(sql: string, params?: unknown[]): Promise<Row[]>
  get(sql: string, params?: unknown[]): Promise<Row | undefined>
  run(sql: string, params?: unknown[]): Promise<number>
  /** Runs `fn` with a driver bound to one transaction; commits when it resolves. */
  transaction<T>(fn: (tx: Driver) => Promise<T>): Promise<T>
  close(): Promise<void>
}
