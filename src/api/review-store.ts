import Database from 'better-sqlite3'
import pg from 'pg'
import { pageBounds, type Page, type StoreLocation } from '../store/store.js'
import type {
  CorrectionQuery,
  CorrectionRecord,
  ReviewStore,
  Role,
  TokenRecord,
} from './review-types.js'

/**
 * Three homes for tokens and corrections: memory (tests), the SQLite file of the
 * corpus store (own tables, prefixed `review_`), and PostgreSQL (same tables).
 */
export function openReviewStore(location: StoreLocation | { memory: true }): ReviewStore {
  if ('memory' in location) return new MemoryReviewStore()
  if ('sqlite' in location) return new SqliteReviewStore(location.sqlite)
  return new PostgresReviewStore(location.pg)
}

function filterCorrections(rows: CorrectionRecord[], query: CorrectionQuery): CorrectionRecord[] {
  return rows.filter(
    (row) =>
      (query.articleId === undefined || row.articleId === query.articleId) &&
      (query.claimId === undefined || row.claimId === query.claimId) &&
      (query.kind === undefined || row.kind === query.kind),
  )
}

export class MemoryReviewStore implements ReviewStore {
  private readonly tokens = new Map<string, { record: TokenRecord; hash: string }>()
  private readonly corrections: CorrectionRecord[] = []

  async migrate(): Promise<void> {}
  async close(): Promise<void> {}

  async insertToken(record: TokenRecord, secretHash: string): Promise<void> {
    this.tokens.set(record.id, { record: { ...record }, hash: secretHash })
  }

  async findToken(secretHash: string): Promise<TokenRecord | null> {
    for (const { record, hash } of this.tokens.values()) {
      if (hash === secretHash && record.revokedAt === null) return { ...record }
    }
    return null
  }

  async listTokens(): Promise<TokenRecord[]> {
    return [...this.tokens.values()].map(({ record }) => ({ ...record }))
  }

  async revokeToken(id: string, at: string): Promise<boolean> {
    const entry = this.tokens.get(id)
    if (!entry || entry.record.revokedAt !== null) return false
    entry.record.revokedAt = at
    return true
  }

  async addCorrection(record: CorrectionRecord): Promise<void> {
    this.corrections.push(structuredClone(record))
  }

  async listCorrections(query: CorrectionQuery = {}): Promise<Page<CorrectionRecord>> {
    const rows = filterCorrections(this.corrections, query)
    const { limit, offset } = pageBounds(query)
    return { items: structuredClone(rows.slice(offset, offset + limit)), total: rows.length }
  }
}

const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS review_tokens (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL, hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL, revoked_at TEXT)`,
  `CREATE TABLE IF NOT EXISTS review_corrections (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL,
    article_id TEXT, idx INTEGER, claim_id TEXT, before_json TEXT NOT NULL,
    after_json TEXT NOT NULL, by_name TEXT NOT NULL, role TEXT NOT NULL, at TEXT NOT NULL,
    note TEXT)`,
  `CREATE INDEX IF NOT EXISTS review_corrections_article ON review_corrections(article_id)`,
  `CREATE INDEX IF NOT EXISTS review_corrections_claim ON review_corrections(claim_id)`,
]

interface TokenRow {
  id: string
  name: string
  role: string
  created_at: string
  revoked_at: string | null
}

interface CorrectionRow {
  id: string
  kind: string
  article_id: string | null
  idx: number | null
  claim_id: string | null
  before_json: string
  after_json: string
  by_name: string
  role: string
  at: string
  note: string | null
}

function tokenFromRow(row: TokenRow): TokenRecord {
  return {
    id: row.id,
    name: row.name,
    role: row.role as Role,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  }
}

function correctionFromRow(row: CorrectionRow): CorrectionRecord {
  return {
    id: row.id,
    kind: row.kind as CorrectionRecord['kind'],
    articleId: row.article_id,
    index: row.idx === null ? null : Number(row.idx),
    claimId: row.claim_id,
    before: JSON.parse(row.before_json),
    after: JSON.parse(row.after_json),
    by: row.by_name,
    role: row.role as Role,
    at: row.at,
    note: row.note,
  }
}

function correctionParams(record: CorrectionRecord): unknown[] {
  return [
    record.id,
    record.kind,
    record.articleId,
    record.index,
    record.claimId,
    JSON.stringify(record.before ?? null),
    JSON.stringify(record.after ?? null),
    record.by,
    record.role,
    record.at,
    record.note,
  ]
}

/** WHERE clause and parameters for a correction query; `$n` or `?` placeholders. */
function correctionWhere(query: CorrectionQuery, numbered: boolean): [string, unknown[]] {
  const clauses: string[] = []
  const params: unknown[] = []
  const add = (column: string, value: unknown): void => {
    params.push(value)
    clauses.push(`${column} = ${numbered ? `$${params.length}` : '?'}`)
  }
  if (query.articleId !== undefined) add('article_id', query.articleId)
  if (query.claimId !== undefined) add('claim_id', query.claimId)
  if (query.kind !== undefined) add('kind', query.kind)
  return [clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params]
}

export class SqliteReviewStore implements ReviewStore {
  private readonly db: Database.Database

  constructor(file: string) {
    this.db = new Database(file)
    this.db.pragma('journal_mode = WAL')
    // The corpus store may hold the file in a long write; wait instead of failing.
    this.db.pragma('busy_timeout = 5000')
  }

  async migrate(): Promise<void> {
    for (const statement of SCHEMA) this.db.exec(statement)
  }

  async close(): Promise<void> {
    this.db.close()
  }

  async insertToken(record: TokenRecord, secretHash: string): Promise<void> {
    this.db
      .prepare(
        'INSERT INTO review_tokens (id, name, role, hash, created_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(record.id, record.name, record.role, secretHash, record.createdAt, record.revokedAt)
  }

  async findToken(secretHash: string): Promise<TokenRecord | null> {
    const row = this.db
      .prepare('SELECT * FROM review_tokens WHERE hash = ? AND revoked_at IS NULL')
      .get(secretHash) as TokenRow | undefined
    return row ? tokenFromRow(row) : null
  }

  async listTokens(): Promise<TokenRecord[]> {
    const rows = this.db.prepare('SELECT * FROM review_tokens ORDER BY created_at').all()
    return (rows as TokenRow[]).map(tokenFromRow)
  }

  async revokeToken(id: string, at: string): Promise<boolean> {
    const result = this.db
      .prepare('UPDATE review_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL')
      .run(at, id)
    return result.changes > 0
  }

  async addCorrection(record: CorrectionRecord): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO review_corrections (id, kind, article_id, idx, claim_id, before_json,
          after_json, by_name, role, at, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(...correctionParams(record))
  }

  async listCorrections(query: CorrectionQuery = {}): Promise<Page<CorrectionRecord>> {
    const [where, params] = correctionWhere(query, false)
    const { limit, offset } = pageBounds(query)
    const total = this.db
      .prepare(`SELECT count(*) AS n FROM review_corrections ${where}`)
      .get(...params) as { n: number }
    const rows = this.db
      .prepare(`SELECT * FROM review_corrections ${where} ORDER BY seq LIMIT ? OFFSET ?`)
      .all(...params, limit, offset) as CorrectionRow[]
    return { items: rows.map(correctionFromRow), total: total.n }
  }
}

export class PostgresReviewStore implements ReviewStore {
  private readonly pool: pg.Pool

  constructor(url: string) {
    this.pool = new pg.Pool({ connectionString: url, max: 4 })
  }

  async migrate(): Promise<void> {
    for (const statement of SCHEMA) {
      await this.pool.query(
        statement.replace('seq INTEGER PRIMARY KEY AUTOINCREMENT', 'seq BIGSERIAL PRIMARY KEY'),
      )
    }
  }

  async close(): Promise<void> {
    await this.pool.end()
  }

  /** Empties both tables (contract tests share one database). */
  async resetForTests(): Promise<void> {
    await this.pool.query('DELETE FROM review_corrections')
    await this.pool.query('DELETE FROM review_tokens')
  }

  async insertToken(record: TokenRecord, secretHash: string): Promise<void> {
    await this.pool.query(
      'INSERT INTO review_tokens (id, name, role, hash, created_at, revoked_at) VALUES ($1, $2, $3, $4, $5, $6)',
      [record.id, record.name, record.role, secretHash, record.createdAt, record.revokedAt],
    )
  }

  async findToken(secretHash: string): Promise<TokenRecord | null> {
    const result = await this.pool.query<TokenRow>(
      'SELECT * FROM review_tokens WHERE hash = $1 AND revoked_at IS NULL',
      [secretHash],
    )
    const row = result.rows[0]
    return row ? tokenFromRow(row) : null
  }

  async listTokens(): Promise<TokenRecord[]> {
    const result = await this.pool.query<TokenRow>(
      'SELECT * FROM review_tokens ORDER BY created_at',
    )
    return result.rows.map(tokenFromRow)
  }

  async revokeToken(id: string, at: string): Promise<boolean> {
    const result = await this.pool.query(
      'UPDATE review_tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL',
      [at, id],
    )
    return (result.rowCount ?? 0) > 0
  }

  async addCorrection(record: CorrectionRecord): Promise<void> {
    await this.pool.query(
      `INSERT INTO review_corrections (id, kind, article_id, idx, claim_id, before_json,
        after_json, by_name, role, at, note) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      correctionParams(record),
    )
  }

  async listCorrections(query: CorrectionQuery = {}): Promise<Page<CorrectionRecord>> {
    const [where, params] = correctionWhere(query, true)
    const { limit, offset } = pageBounds(query)
    const total = await this.pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM review_corrections ${where}`,
      params,
    )
    const n = params.length
    const rows = await this.pool.query<CorrectionRow>(
      `SELECT * FROM review_corrections ${where} ORDER BY seq LIMIT $${n + 1} OFFSET $${n + 2}`,
      [...params, limit, offset],
    )
    return { items: rows.rows.map(correctionFromRow), total: Number(total.rows[0]?.n ?? 0) }
  }
}
