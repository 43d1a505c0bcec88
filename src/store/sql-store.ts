/**
 * The Store over SQL, shared by both backends: the same tables and queries
 * (./migrations.ts), `?` placeholders, and two dialect switches (full-text search
 * and JSON/number decoding). A backend only supplies a Driver.
 */
import type { Doc } from '../core/record.js'
import type { Driver, Row } from './driver.js'
import { shiftDate, toleranceDays } from '../corpus/dates.js'
import { cellsNear, geoCell } from '../corpus/geo.js'
import { MIGRATIONS_TABLE, eventPlaceStatements, migrations } from './migrations.js'
import {
  CLAIM_STATUSES,
  DEFAULT_PAGE,
  MAX_PAGE,
  pageBounds,
  type ArticleQuery,
  type ArticleRecord,
  type ArticleRow,
  type ClaimClusterDetail,
  type ClaimClusterRecord,
  type ClaimMemberRow,
  type ClaimQuery,
  type ClaimStatus,
  type ClaimStatusChange,
  type DiscrepancyQuery,
  type DiscrepancyRecord,
  type EventCandidateQuery,
  type EventFacets,
  type EventListQuery,
  type EventRecord,
  type ListedEvent,
  type Page,
  type SearchHit,
  type SearchPage,
  type SearchQuery,
  type Store,
  type StoreStats,
  type StoreWriter,
  type StoredEvent,
  type StoryDetail,
  type StoryMemberRow,
  type StoryQuery,
  type StoryRecord,
} from './store.js'

/** A key shared by more clusters than this says nothing about which claim it is. */
const KEY_POSTINGS_CAP = 64
/** An LSH band found in more articles than this is boilerplate. */
const BAND_POSTINGS_CAP = 50
/** Articles per reprint-postings partition: inserts touch one partition, lookups seek each. */
const POSTINGS_PER_PART = 16_384

/** The columns of an event record and its place (alias `e`): not the clustering terms. */
const EVENT_COLUMNS = [
  'id',
  'article_id',
  'idx',
  'type',
  'mode',
  'acled',
  'date',
  'date_precision',
  'place_name',
  'lat',
  'lon',
  'country',
  'actors',
  'counts',
  'status',
  'claimed_by',
  'text',
  'story_id',
  'outlet',
  'published',
  'place_index',
  'place_precision',
]
  .map((c) => `e.${c}`)
  .join(', ')

/** Current articles: all minus the superseded, both counted from indexes (not a scan of the table). */
const CURRENT_COUNT =
  'SELECT (SELECT count(*) FROM articles) - (SELECT count(*) FROM articles WHERE superseded_by IS NOT NULL) AS n'

/** An article has a claim in a cluster of this status (alias `a`). */
const CLAIM_STATUS_EXISTS =
  'EXISTS (SELECT 1 FROM claim_members m JOIN claim_clusters c ON c.id = m.cluster_id WHERE m.article_id = a.id AND c.status = ?)'

interface HitFilter {
  /** The full-text query (FTS5 syntax on SQLite, the words on PostgreSQL), or null. */
  match: string | null
  /** Conditions on the article (alias `a`): current, with a matching event, with a claim of the status. */
  article: { sql: string[]; params: unknown[] }
  /** Conditions on its events (alias `e`). */
  events: { sql: string[]; params: unknown[]; filtered: boolean }
  claimStatus: ClaimStatus | null
  /** The full-text match count, once counted. */
  matches?: number
}

interface RankedHit {
  seq: number
  id: string
  rank: number
}

const ARTICLE_COLUMNS =
  'id, version, previous_id, superseded_by, url, canonical_url, content_hash, outlet, published, title, language, ingested_at, copy_of, copy_overlap, origin, counts'

export class SqlStore implements Store {
  readonly kind
  constructor(private readonly driver: Driver) {
    this.kind = driver.dialect
  }

  async migrate(): Promise<number> {
    await this.driver.run(MIGRATIONS_TABLE)
    return this.driver.transaction(async (tx) => {
      const rows = await tx.all('SELECT version FROM schema_migrations')
      const applied = new Set(rows.map((r) => Number(r.version)))
      let version = Math.max(0, ...applied)
      for (const migration of migrations(this.driver.dialect)) {
        if (applied.has(migration.version)) continue
        for (const statement of migration.statements) await tx.run(statement)
        await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
          migration.version,
          migration.name,
          new Date().toISOString(),
        ])
        version = Math.max(version, migration.version)
      }
      return version
    })
  }

  close(): Promise<void> {
    return this.driver.close()
  }

  transaction<T>(fn: (writer: StoreWriter) => Promise<T>): Promise<T> {
    return this.driver.transaction((tx) => fn(new SqlWriter(tx)))
  }

  // ---------------------------------------------------------------- reads

  async stats(): Promise<StoreStats> {
    const count = async (sql: string): Promise<number> =>
      Number((await this.driver.get(sql))?.n ?? 0)
    return {
      articles: await count(CURRENT_COUNT),
      versions: await count('SELECT count(*) AS n FROM articles'),
      reprints: await count(
        'SELECT count(*) AS n FROM articles WHERE copy_of IS NOT NULL AND superseded_by IS NULL',
      ),
      events: await count('SELECT count(*) AS n FROM events WHERE retired = 0'),
      stories: await count('SELECT count(*) AS n FROM stories'),
      claims: await count('SELECT count(*) AS n FROM claim_members'),
      claimClusters: await count('SELECT count(*) AS n FROM claim_clusters'),
      discrepancies: await count('SELECT count(*) AS n FROM discrepancies'),
    }
  }

  async getArticle(id: string): Promise<ArticleRecord | null> {
    const row = await this.driver.get(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id = ?`, [id])
    return row ? articleFromRow(row) : null
  }

  async getDoc(id: string): Promise<Doc | null> {
    const row = await this.driver.get('SELECT doc, text FROM articles WHERE id = ?', [id])
    return row ? docFromRow(row) : null
  }

  findDuplicate(contentHash: string, canonicalUrl: string | null): Promise<ArticleRecord | null> {
    return new SqlWriter(this.driver).findDuplicate(contentHash, canonicalUrl)
  }

  async listArticles(query: ArticleQuery = {}): Promise<Page<ArticleRecord>> {
    const { limit, offset } = pageBounds(query)
    const where: string[] = []
    const params: unknown[] = []
    if (!query.allVersions) where.push('superseded_by IS NULL')
    if (query.outlet) {
      where.push('outlet = ?')
      params.push(query.outlet)
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : ''
    const rows = await this.driver.all(
      `SELECT ${ARTICLE_COLUMNS} FROM articles ${clause} ORDER BY seq LIMIT ? OFFSET ?`,
      [...params, limit, offset],
    )
    const total = await this.driver.get(`SELECT count(*) AS n FROM articles ${clause}`, params)
    return { items: rows.map(articleFromRow), total: Number(total?.n ?? 0) }
  }

  async articleVersions(id: string): Promise<ArticleRecord[]> {
    const article = await this.getArticle(id)
    if (!article) return []
    if (!article.canonicalUrl) return [article]
    const rows = await this.driver.all(
      `SELECT ${ARTICLE_COLUMNS} FROM articles WHERE canonical_url = ? ORDER BY version, seq`,
      [article.canonicalUrl],
    )
    return rows.map(articleFromRow)
  }

  async reprintsOf(id: string): Promise<ArticleRecord[]> {
    const rows = await this.driver.all(
      `SELECT ${ARTICLE_COLUMNS} FROM articles WHERE copy_of = ? ORDER BY seq`,
      [id],
    )
    return rows.map(articleFromRow)
  }

  async *iterateDocs(pageSize = 200): AsyncIterable<Doc> {
    let after = 0
    for (;;) {
      const rows = await this.driver.all(
        'SELECT seq, doc, text FROM articles WHERE superseded_by IS NULL AND seq > ? ORDER BY seq LIMIT ?',
        [after, pageSize],
      )
      if (rows.length === 0) return
      for (const row of rows) yield docFromRow(row)
      after = Number(rows[rows.length - 1]!.seq)
    }
  }

  async search(query: SearchQuery): Promise<SearchPage> {
    const { limit, offset } = pageBounds(query)
    const text = (query.text ?? '').trim()
    const window = Math.max(0, Math.min(MAX_PAGE, Math.floor(query.window ?? 0)))
    const filter = this.hitFilter(query)
    const total = await this.countHits(filter)
    // One ranking serves the page and the facet window: only ids and ranks, no text.
    const ranked = await this.rankedHits(filter, 0, Math.max(offset + limit, window), total)
    const page = ranked.slice(offset, offset + limit)
    const articles = new Map<string, Row>()
    if (page.length) {
      const rows = await this.driver.all(
        `SELECT ${ARTICLE_COLUMNS}, text FROM articles WHERE id IN (${marks(page.length)})`,
        page.map((h) => h.id),
      )
      for (const row of rows) articles.set(String(row.id), row)
    }
    const items: SearchHit[] = []
    for (const hit of page) {
      const row = articles.get(hit.id)
      if (!row) continue
      const events = await this.driver.all(
        `SELECT ${EVENT_COLUMNS} FROM ${this.eventsOf()} WHERE e.article_id = ? AND ${filter.events.sql.join(' AND ')} ORDER BY e.idx`,
        [hit.id, ...filter.events.params],
      )
      items.push({
        article: articleFromRow(row),
        snippet: snippet(String(row.text ?? ''), text),
        events: events.map(eventFromRow),
        rank: hit.rank,
      })
    }
    const result: SearchPage = { items, total }
    if (window > 0) result.windowEvents = await this.facetEvents(filter, ranked.slice(0, window))
    return result
  }

  async listEvents(query: EventListQuery): Promise<ListedEvent[]> {
    const limit = Math.max(1, Math.min(5000, Math.floor(query.limit ?? DEFAULT_PAGE)))
    const filter = this.hitFilter(query)
    const listed = (rows: Row[]): ListedEvent[] =>
      rows.map((r) => ({
        event: eventFromRow(r),
        title: str(r.article_title),
        precision: (num(r.place_precision) as ListedEvent['precision']) ?? null,
        placeIndex: num(r.place_index),
      }))
    if (filter.match !== null) {
      // Ranked articles, a page at a time, until enough of their events match.
      const out: ListedEvent[] = []
      for (let offset = 0; out.length < limit; offset += limit) {
        const hits = await this.rankedHits(filter, offset, limit)
        if (hits.length === 0) break
        const rows = await this.driver.all(
          `SELECT ${EVENT_COLUMNS}, a.title AS article_title FROM ${this.eventsOf()} JOIN ${this.titles()} ON a.id = e.article_id
           WHERE e.article_id IN (${marks(hits.length)}) AND ${filter.events.sql.join(' AND ')}`,
          [...hits.map((h) => h.id), ...filter.events.params],
        )
        const order = new Map(hits.map((h, i) => [h.id, i]))
        rows.sort(
          (a, b) =>
            order.get(String(a.article_id))! - order.get(String(b.article_id))! ||
            Number(a.idx) - Number(b.idx),
        )
        out.push(...listed(rows).slice(0, limit - out.length))
        if (hits.length < limit) break
      }
      return out
    }
    // Newest day first, chosen from an index (day, id; or the grid cells near a point), then read.
    const where = [...filter.events.sql]
    const params = [...filter.events.params]
    // The rows are chosen from an index (by rowid on SQLite: no second lookup by id), then read.
    const key = this.driver.dialect === 'sqlite' ? 'rowid' : 'id'
    // Near a point: candidates from the grid cells and the box, read from the index alone.
    const hint = query.near && this.driver.dialect === 'sqlite' ? 'INDEXED BY events_cell' : ''
    if (filter.claimStatus) {
      where.push(CLAIM_STATUS_EXISTS.replace('a.id', 'e.article_id'))
      params.push(filter.claimStatus)
    }
    const rows = await this.driver.all(
      `SELECT ${EVENT_COLUMNS}, a.title AS article_title FROM events e JOIN ${this.titles()} ON a.id = e.article_id
       WHERE e.${key} IN (SELECT e.${key} FROM events e ${hint} WHERE ${where.join(' AND ')}
                      ORDER BY e.day DESC NULLS LAST, e.id DESC LIMIT ?)
       ORDER BY e.day DESC NULLS LAST, e.id DESC`,
      [...params, limit],
    )
    return listed(rows)
  }

  /**
   * The events table (alias `e`) read by article. SQLite has no statistics (no ANALYZE), so
   * given `type = ?` or a day range it would pick those indexes and read every event of the
   * type for each article: the hint keeps it on the article index.
   */
  private eventsOf(): string {
    return this.driver.dialect === 'sqlite' ? 'events e INDEXED BY events_article' : 'events e'
  }

  /** Articles (alias `a`) for their titles: SQLite reads them from a small covering index, not the rows. */
  private titles(): string {
    return this.driver.dialect === 'sqlite' ? 'articles a INDEXED BY articles_title' : 'articles a'
  }

  /** The WHERE parts of a search: the full-text match, the article and the event conditions. */
  private hitFilter(query: SearchQuery): HitFilter {
    const text = (query.text ?? '').trim()
    const match = !text ? null : this.driver.dialect === 'sqlite' ? ftsQuery(text) || null : text
    const events = eventConditions(query)
    const claimStatus = query.status && isClaimStatus(query.status) ? query.status : null
    const article: string[] = ['a.superseded_by IS NULL']
    const params: unknown[] = []
    if (events.filtered) {
      article.push(
        `EXISTS (SELECT 1 FROM ${this.eventsOf()} WHERE e.article_id = a.id AND ${events.sql.join(' AND ')})`,
      )
      params.push(...events.params)
    }
    if (claimStatus) {
      article.push(CLAIM_STATUS_EXISTS)
      params.push(claimStatus)
    }
    return { match, article: { sql: article, params }, events, claimStatus }
  }

  /**
   * Hits `offset … offset + limit` in rank order: ids and ranks only. SQLite ranks the
   * full-text matches in FTS5 with a LIMIT and widens it only when filters drop hits, so
   * no article row is read beyond those kept.
   */
  private async rankedHits(
    filter: HitFilter,
    offset: number,
    limit: number,
    total?: number,
  ): Promise<RankedHit[]> {
    const clause = filter.article.sql.join(' AND ')
    const hits = (rows: Row[]) =>
      rows.map((r) => ({ seq: Number(r.seq), id: String(r.id), rank: Number(r.rank ?? 0) }))
    const selective = filter.match === null && (await this.fewHits(filter, offset + limit, total))
    if (selective) {
      // Few articles match: read them from the events (or claims) and sort, instead of walking
      // every article, newest first, until enough match.
      const { sql, params } = this.filteredArticles(filter)
      return hits(
        await this.driver.all(
          `SELECT a.seq, a.id, 0 AS rank FROM (${sql}) x CROSS JOIN articles a WHERE a.id = x.id
           ORDER BY a.seq DESC LIMIT ? OFFSET ?`,
          [...params, limit, offset],
        ),
      )
    }
    if (filter.match === null) {
      return hits(
        await this.driver.all(
          `SELECT a.seq, a.id, 0 AS rank FROM articles a WHERE ${clause} ORDER BY a.seq DESC LIMIT ? OFFSET ?`,
          [...filter.article.params, limit, offset],
        ),
      )
    }
    if (this.driver.dialect === 'postgres') {
      return hits(
        await this.driver.all(
          `SELECT a.seq, a.id, -ts_rank(a.fts, plainto_tsquery('english', ?)) AS rank FROM articles a
           WHERE a.fts @@ plainto_tsquery('english', ?) AND ${clause} ORDER BY rank, a.seq DESC LIMIT ? OFFSET ?`,
          [filter.match, filter.match, ...filter.article.params, limit, offset],
        ),
      )
    }
    const matches = await this.ftsCount(filter)
    const wanted = offset + limit
    // Superseded versions have left the index, so only the event and claim filters drop hits.
    let window = Math.min(matches, filter.article.sql.length > 1 ? wanted * 4 + 64 : wanted + 16)
    for (;;) {
      const rows = await this.driver.all(
        `SELECT a.seq, a.id, h.rank FROM (
           SELECT rowid, bm25(articles_fts) AS rank FROM articles_fts WHERE articles_fts MATCH ?
           ORDER BY rank, rowid DESC LIMIT ?) h
         JOIN articles a ON a.seq = h.rowid WHERE ${clause} ORDER BY h.rank, a.seq DESC LIMIT ? OFFSET ?`,
        [filter.match, window, ...filter.article.params, limit, offset],
      )
      if (rows.length >= limit || window >= matches) return hits(rows)
      window = Math.min(matches, window * 4)
    }
  }

  /** The number of full-text matches (SQLite), counted once per search. */
  private async ftsCount(filter: HitFilter): Promise<number> {
    if (filter.matches === undefined) {
      const row = await this.driver.get(
        'SELECT count(*) AS n FROM articles_fts WHERE articles_fts MATCH ?',
        [filter.match],
      )
      filter.matches = Number(row?.n ?? 0)
    }
    return filter.matches
  }

  /** The number of hits, counted from the narrowest side: the full-text index, the events, or the articles. */
  private async countHits(filter: HitFilter): Promise<number> {
    const clause = filter.article.sql.join(' AND ')
    const onlyCurrent = filter.article.sql.length === 1
    if (filter.match !== null && this.driver.dialect === 'sqlite') {
      if (onlyCurrent) return this.ftsCount(filter)
      const row = await this.driver.get(
        `SELECT count(*) AS n FROM articles_fts f CROSS JOIN articles a WHERE a.seq = f.rowid AND articles_fts MATCH ? AND ${clause}`,
        [filter.match, ...filter.article.params],
      )
      return Number(row?.n ?? 0)
    }
    if (filter.match !== null) {
      const row = await this.driver.get(
        `SELECT count(*) AS n FROM articles a WHERE a.fts @@ plainto_tsquery('english', ?) AND ${clause}`,
        [filter.match, ...filter.article.params],
      )
      return Number(row?.n ?? 0)
    }
    if (onlyCurrent) return Number((await this.driver.get(CURRENT_COUNT))?.n ?? 0)
    // The articles with a matching event or claim, from their indexes (not a scan of every article).
    const { sql, params } = this.filteredArticles(filter)
    const row = await this.driver.get(`SELECT count(*) AS n FROM (${sql}) x`, params)
    return Number(row?.n ?? 0)
  }

  /**
   * The ids (`id`) of the current articles passing a search's event and claim filters, from
   * the events or the claims. Retired events and removed claim members are exactly those of
   * superseded versions (retireArticle), so no article row is read.
   */
  private filteredArticles(filter: HitFilter): { sql: string; params: unknown[] } {
    if (filter.events.filtered) {
      const claim = filter.claimStatus
        ? ` AND ${CLAIM_STATUS_EXISTS.replace('a.id', 'e.article_id')}`
        : ''
      return {
        sql: `SELECT DISTINCT e.article_id AS id FROM events e WHERE ${filter.events.sql.join(' AND ')}${claim}`,
        params: [...filter.events.params, ...(filter.claimStatus ? [filter.claimStatus] : [])],
      }
    }
    return {
      sql: `SELECT DISTINCT m.article_id AS id FROM claim_clusters c JOIN claim_members m ON m.cluster_id = c.id WHERE c.status = ?`,
      params: [filter.claimStatus],
    }
  }

  /**
   * Whether reading the `total` matching articles and sorting them costs less than walking
   * articles newest first until `wanted` match (about wanted × articles / total rows).
   */
  private async fewHits(filter: HitFilter, wanted: number, total?: number): Promise<boolean> {
    if (total === undefined || filter.article.sql.length === 1) return false
    const articles = Number((await this.driver.get('SELECT max(seq) AS n FROM articles'))?.n ?? 0)
    return total * total < wanted * articles
  }

  /** The facet fields of the matching events of these hits, from the events table alone. */
  private async facetEvents(filter: HitFilter, hits: RankedHit[]): Promise<EventFacets[]> {
    if (hits.length === 0) return []
    const rows = await this.driver.all(
      `SELECT e.article_id, e.idx, e.type, e.country, e.status, e.outlet, e.place_index FROM ${this.eventsOf()}
       WHERE e.article_id IN (${marks(hits.length)}) AND ${filter.events.sql.join(' AND ')}`,
      [...hits.map((h) => h.id), ...filter.events.params],
    )
    return rows.map((r) => ({
      articleId: String(r.article_id),
      index: Number(r.idx),
      type: r.type as EventFacets['type'],
      country: str(r.country),
      status: r.status as EventFacets['status'],
      outlet: str(r.outlet),
      placeIndex: num(r.place_index),
    }))
  }

  async getEvent(id: string): Promise<EventRecord | null> {
    const row = await this.driver.get('SELECT * FROM events WHERE id = ?', [id])
    return row ? eventFromRow(row) : null
  }

  async getStory(id: string): Promise<StoryDetail | null> {
    const row = await this.driver.get('SELECT * FROM stories WHERE id = ?', [id])
    if (!row) return null
    const members = await this.driver.all(
      `SELECT m.linked_to, m.features, m.added_at, e.* FROM story_members m JOIN events e ON e.id = m.event_id
       WHERE m.story_id = ? ORDER BY m.seq`,
      [id],
    )
    const discrepancies = await this.listDiscrepancies({ storyId: id, limit: 1000 })
    return {
      ...storyFromRow(row),
      members: members.map((m) => ({
        event: eventFromRow(m),
        linkedTo: (m.linked_to as string | null) ?? null,
        features: json(m.features),
        addedAt: String(m.added_at),
      })),
      discrepancies: discrepancies.items,
    }
  }

  async listStories(query: StoryQuery = {}): Promise<Page<StoryRecord>> {
    const { limit, offset } = pageBounds(query)
    const where: string[] = []
    const params: unknown[] = []
    if (query.type) {
      where.push('type = ?')
      params.push(query.type)
    }
    if (query.minArticles) {
      where.push('article_count >= ?')
      params.push(query.minArticles)
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : ''
    const rows = await this.driver.all(
      `SELECT * FROM stories ${clause} ORDER BY article_count DESC, date_from DESC, id LIMIT ? OFFSET ?`,
      [...params, limit, offset],
    )
    const total = await this.driver.get(`SELECT count(*) AS n FROM stories ${clause}`, params)
    return { items: rows.map(storyFromRow), total: Number(total?.n ?? 0) }
  }

  async getClaimCluster(id: string): Promise<ClaimClusterDetail | null> {
    const row = await this.driver.get('SELECT * FROM claim_clusters WHERE id = ?', [id])
    if (!row) return null
    const members = await new SqlWriter(this.driver).claimMembers(id)
    const discrepancies = await this.listDiscrepancies({ claimId: id, limit: 1000 })
    return {
      ...clusterFromRow(row),
      members: members.map(({ clusterId: _c, terms: _t, refs: _r, ...member }) => member),
      history: json<ClaimStatusChange[]>(row.history) ?? [],
      discrepancies: discrepancies.items,
    }
  }

  async listClaimClusters(query: ClaimQuery = {}): Promise<Page<ClaimClusterRecord>> {
    const { limit, offset } = pageBounds(query)
    const clause = query.status ? 'WHERE status = ?' : ''
    const params = query.status ? [query.status] : []
    const rows = await this.driver.all(
      `SELECT * FROM claim_clusters ${clause} ORDER BY independent_sources DESC, last_seen DESC, id LIMIT ? OFFSET ?`,
      [...params, limit, offset],
    )
    const total = await this.driver.get(
      `SELECT count(*) AS n FROM claim_clusters ${clause}`,
      params,
    )
    return { items: rows.map(clusterFromRow), total: Number(total?.n ?? 0) }
  }

  async listDiscrepancies(query: DiscrepancyQuery = {}): Promise<Page<DiscrepancyRecord>> {
    const { limit, offset } = pageBounds(query)
    const where: string[] = []
    const params: unknown[] = []
    if (query.storyId) {
      where.push('story_id = ?')
      params.push(query.storyId)
    }
    if (query.claimId) {
      where.push('claim_id = ?')
      params.push(query.claimId)
    }
    if (query.kind) {
      where.push('kind = ?')
      params.push(query.kind)
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : ''
    const rows = await this.driver.all(
      `SELECT * FROM discrepancies ${clause} ORDER BY detected_at DESC, id LIMIT ? OFFSET ?`,
      [...params, limit, offset],
    )
    const total = await this.driver.get(`SELECT count(*) AS n FROM discrepancies ${clause}`, params)
    return { items: rows.map(discrepancyFromRow), total: Number(total?.n ?? 0) }
  }
}

// ------------------------------------------------------------------ writes

class SqlWriter implements StoreWriter {
  constructor(private readonly db: Driver) {}

  async findDuplicate(contentHash: string, canonicalUrl: string | null) {
    const row = await this.db.get(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE dedupe_key = ?`, [
      dedupeKey(contentHash, canonicalUrl),
    ])
    return row ? articleFromRow(row) : null
  }

  async findCurrentByUrl(canonicalUrl: string) {
    const row = await this.db.get(
      `SELECT ${ARTICLE_COLUMNS} FROM articles WHERE canonical_url = ? AND superseded_by IS NULL ORDER BY version DESC LIMIT 1`,
      [canonicalUrl],
    )
    return row ? articleFromRow(row) : null
  }

  async articleExists(id: string) {
    return (await this.db.get('SELECT 1 AS x FROM articles WHERE id = ?', [id])) !== undefined
  }

  async insertArticle(row: ArticleRow) {
    const { text, ...rest } = row.doc
    const inserted = await this.db.get(
      `INSERT INTO articles (id, version, previous_id, superseded_by, url, canonical_url, content_hash, dedupe_key,
        outlet, published, title, language, ingested_at, copy_of, copy_overlap, origin, counts, signature, text, doc)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING seq`,
      [
        row.id,
        row.version,
        row.previousId,
        row.supersededBy,
        row.url,
        row.canonicalUrl,
        row.contentHash,
        dedupeKey(row.contentHash, row.canonicalUrl),
        row.outlet,
        row.published,
        row.title,
        row.language,
        row.ingestedAt,
        row.copyOf,
        row.copyOverlap,
        row.origin,
        JSON.stringify(row.counts),
        JSON.stringify(row.signature),
        text,
        JSON.stringify(rest),
      ],
    )
    await this.placeEvents(row.id)
    if (this.db.dialect === 'sqlite') {
      await this.db.run('INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)', [
        Number(inserted?.seq),
        row.title ?? '',
        text,
      ])
    }
  }

  async retireArticle(id: string, byId: string) {
    if (this.db.dialect === 'sqlite') {
      // A superseded version leaves the full-text index (contentless: deleted with the values it
      // indexed), so a match count counts current articles. Only once: a second delete corrupts it.
      await this.db.run(
        `INSERT INTO articles_fts (articles_fts, rowid, title, body)
         SELECT 'delete', seq, coalesce(title, ''), text FROM articles WHERE id = ? AND superseded_by IS NULL`,
        [id],
      )
    }
    await this.db.run('UPDATE articles SET superseded_by = ? WHERE id = ?', [byId, id])
    const stories = await this.db.all(
      'SELECT DISTINCT story_id FROM events WHERE article_id = ? AND story_id IS NOT NULL',
      [id],
    )
    await this.db.run(
      'DELETE FROM story_members WHERE event_id IN (SELECT id FROM events WHERE article_id = ?)',
      [id],
    )
    await this.db.run('UPDATE events SET retired = 1, story_id = NULL WHERE article_id = ?', [id])
    const clusters = await this.db.all(
      'SELECT DISTINCT cluster_id FROM claim_members WHERE article_id = ?',
      [id],
    )
    await this.db.run('DELETE FROM claim_members WHERE article_id = ?', [id])
    return {
      storyIds: stories.map((r) => String(r.story_id)),
      clusterIds: clusters.map((r) => String(r.cluster_id)),
    }
  }

  async findByBands(bands: number[], minShared: number, limit: number) {
    if (bands.length === 0) return []
    const top = await this.db.get('SELECT max(part) AS p FROM reprint_postings')
    if (top?.p === null || top?.p === undefined) return []
    const parts = Array.from({ length: Number(top.p) + 1 }, (_, i) => i)
    const rows = await this.db.all(
      `SELECT article_id, count(*) AS shared FROM reprint_postings
       WHERE part IN (${marks(parts.length)}) AND band IN (${marks(bands.length)})
       GROUP BY article_id HAVING count(*) >= ? ORDER BY shared DESC, article_id LIMIT ?`,
      [...parts, ...bands, minShared, limit],
    )
    return rows.map((r) => ({ id: String(r.article_id), shared: Number(r.shared) }))
  }

  async insertBands(articleId: string, bands: number[]) {
    // A band shared by many articles is boilerplate (a footer, a stock sentence), not evidence of copying.
    // One statement counts all of an article's bands (PostgreSQL refuses one row updated twice: distinct).
    const unique = [...new Set(bands)]
    if (unique.length === 0) return
    const counted = await this.db.all(
      `INSERT INTO reprint_band_counts (band, n) VALUES ${unique.map(() => '(?, 1)').join(', ')}
       ON CONFLICT (band) DO UPDATE SET n = reprint_band_counts.n + 1 RETURNING band, n`,
      unique,
    )
    const kept = counted.filter((r) => Number(r.n) <= BAND_POSTINGS_CAP).map((r) => Number(r.band))
    if (kept.length === 0) return
    // The article's partition (by ingest order) keeps a batch's inserts on a bounded set of pages.
    const article = await this.db.get('SELECT seq FROM articles WHERE id = ?', [articleId])
    const part = Math.floor(Number(article?.seq ?? 0) / POSTINGS_PER_PART)
    await this.db.run(
      `INSERT INTO reprint_postings (part, band, article_id) VALUES ${kept.map(() => '(?, ?, ?)').join(', ')}
       ON CONFLICT DO NOTHING`,
      kept.flatMap((band) => [part, band, articleId]),
    )
  }

  async getSignature(articleId: string) {
    const row = await this.db.get(
      'SELECT signature, origin, canonical_url, copy_of, superseded_by FROM articles WHERE id = ?',
      [articleId],
    )
    if (!row) return null
    return {
      signature: json<number[]>(row.signature) ?? [],
      origin: String(row.origin),
      canonicalUrl: (row.canonical_url as string | null) ?? null,
      copyOf: (row.copy_of as string | null) ?? null,
      superseded: row.superseded_by !== null,
    }
  }

  async insertEvents(events: StoredEvent[]) {
    for (const { record: e, terms, origin } of events) {
      await this.db.run(
        `INSERT INTO events (id, article_id, idx, type, mode, acled, date, date_precision, day, place_name, lat, lon,
          country, actors, actors_lc, counts, status, claimed_by, text, story_id, outlet, published, origin, terms, cell, day_lo, day_hi)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          e.id,
          e.articleId,
          e.index,
          e.type,
          e.mode,
          e.acled,
          e.date,
          e.datePrecision,
          (e.date ?? e.published)?.slice(0, 10) ?? null,
          e.place?.name ?? null,
          e.place?.lat ?? null,
          e.place?.lon ?? null,
          e.place?.country ?? null,
          JSON.stringify(e.actors),
          e.actors.join(' | ').toLowerCase(),
          JSON.stringify(e.counts),
          e.status,
          e.claimedBy,
          e.text,
          e.storyId,
          e.outlet,
          e.published,
          origin,
          JSON.stringify(terms),
          geoCell(e.place?.lat ?? null, e.place?.lon ?? null),
          ...daySpan(e),
        ],
      )
    }
    // Events stored after their article (ingest stores the article last, then insertArticle does it).
    for (const articleId of new Set(events.map((e) => e.record.articleId)))
      if (await this.articleExists(articleId)) await this.placeEvents(articleId)
  }

  /** Each event's place layer index and precision, from the stored doc (the migration's backfill). */
  private async placeEvents(articleId: string) {
    for (const statement of eventPlaceStatements(this.db.dialect, 'one'))
      await this.db.run(statement, [articleId])
  }

  async candidateEvents(query: EventCandidateQuery) {
    const where = ['type = ?', 'day >= ?', 'day <= ?', 'retired = 0', 'story_id IS NOT NULL']
    const params: unknown[] = [query.type, query.from, query.to]
    if (query.span) {
      // Only events whose possible days overlap the newcomer's.
      where.push('day_hi >= ?', 'day_lo <= ?')
      params.push(query.span.from, query.span.to)
    }
    if (query.near) {
      // Grid cells around the point (indexed), events without a place (-1) too; then a box.
      const cells = [...cellsNear(query.near.lat, query.near.lon, query.near.km), -1]
      where.push(`cell IN (${marks(cells.length)})`)
      params.push(...cells)
      const dLat = query.near.km / 111
      const dLon = query.near.km / (111 * Math.max(0.1, Math.cos((query.near.lat * Math.PI) / 180)))
      where.push('(lat IS NULL OR (lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?))')
      params.push(
        query.near.lat - dLat,
        query.near.lat + dLat,
        query.near.lon - dLon,
        query.near.lon + dLon,
      )
    }
    // SQLite without ANALYZE statistics picks the narrower (type, day) index and reads every row of
    // the window; the covering indexes decide from the index alone (20× faster at 25k articles).
    const hint =
      this.db.dialect === 'sqlite' ? `INDEXED BY ${query.near ? 'events_near' : 'events_span'}` : ''
    const rows = await this.db.all(
      `SELECT * FROM events ${hint} WHERE ${where.join(' AND ')} ORDER BY day DESC, id LIMIT ?`,
      [...params, query.limit ?? 150],
    )
    return rows.map(storedEventFromRow)
  }

  async storyEvents(storyId: string) {
    const rows = await this.db.all(
      `SELECT e.* FROM story_members m JOIN events e ON e.id = m.event_id WHERE m.story_id = ? ORDER BY m.seq`,
      [storyId],
    )
    return rows.map(storedEventFromRow)
  }

  async storyMembers(storyId: string): Promise<StoryMemberRow[]> {
    const rows = await this.db.all('SELECT * FROM story_members WHERE story_id = ? ORDER BY seq', [
      storyId,
    ])
    return rows.map((r) => ({
      storyId: String(r.story_id),
      eventId: String(r.event_id),
      linkedTo: (r.linked_to as string | null) ?? null,
      features: json(r.features),
      addedAt: String(r.added_at),
    }))
  }

  async getStoryRecord(id: string) {
    const row = await this.db.get('SELECT * FROM stories WHERE id = ?', [id])
    return row ? storyFromRow(row) : null
  }

  async upsertStory(s: StoryRecord) {
    await this.db.run(
      `INSERT INTO stories (id, title, type, acled, date_from, date_to, place_name, lat, lon, country, event_count,
        article_count, independent_sources, origins, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET title = excluded.title, type = excluded.type, acled = excluded.acled,
        date_from = excluded.date_from, date_to = excluded.date_to, place_name = excluded.place_name,
        lat = excluded.lat, lon = excluded.lon, country = excluded.country, event_count = excluded.event_count,
        article_count = excluded.article_count, independent_sources = excluded.independent_sources,
        origins = excluded.origins, updated_at = excluded.updated_at`,
      [
        s.id,
        s.title,
        s.type,
        s.acled,
        s.dateFrom,
        s.dateTo,
        s.place?.name ?? null,
        s.place?.lat ?? null,
        s.place?.lon ?? null,
        s.place?.country ?? null,
        s.eventCount,
        s.articleCount,
        s.independentSources,
        JSON.stringify(s.origins),
        s.createdAt,
        s.updatedAt,
      ],
    )
  }

  async addStoryMember(m: StoryMemberRow) {
    await this.db.run(
      `INSERT INTO story_members (event_id, story_id, linked_to, features, added_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (event_id) DO UPDATE SET story_id = excluded.story_id, linked_to = excluded.linked_to,
        features = excluded.features, added_at = excluded.added_at`,
      [m.eventId, m.storyId, m.linkedTo, m.features ? JSON.stringify(m.features) : null, m.addedAt],
    )
    await this.db.run('UPDATE events SET story_id = ? WHERE id = ?', [m.storyId, m.eventId])
  }

  async deleteStory(id: string) {
    await this.db.run('DELETE FROM stories WHERE id = ?', [id])
    await this.db.run('DELETE FROM discrepancies WHERE story_id = ? AND claim_id IS NULL', [id])
  }

  async candidateClaimClusters(keys: string[], minShared: number, limit: number) {
    if (keys.length === 0) return []
    // A saturated key (more clusters than the cap) holds only its first clusters' postings: it says
    // nothing about this claim and, read, costs up to cap rows per key as the corpus grows.
    const rows = await this.db.all(
      `SELECT cluster_id, count(*) AS shared FROM claim_keys
       WHERE key IN (SELECT key FROM claim_key_counts WHERE key IN (${marks(keys.length)}) AND n <= ?)
       GROUP BY cluster_id HAVING count(*) >= ? ORDER BY shared DESC, cluster_id LIMIT ?`,
      [...keys, KEY_POSTINGS_CAP, minShared, limit],
    )
    return rows.map((r) => ({ id: String(r.cluster_id), shared: Number(r.shared) }))
  }

  async claimMembers(clusterId: string, limit?: number): Promise<ClaimMemberRow[]> {
    // The limit keeps a newcomer's comparison with a big cluster bounded (its first members).
    const rows = await this.db.all(
      `SELECT * FROM claim_members WHERE cluster_id = ? ORDER BY seq${limit ? ' LIMIT ?' : ''}`,
      limit ? [clusterId, limit] : [clusterId],
    )
    return rows.map((r) => ({
      clusterId: String(r.cluster_id),
      articleId: String(r.article_id),
      index: Number(r.idx),
      text: String(r.text),
      claimant: (r.claimant as string | null) ?? null,
      via: json<string[]>(r.via) ?? [],
      stance: r.stance as ClaimMemberRow['stance'],
      verification: (r.verification as ClaimMemberRow['verification']) ?? null,
      outlet: (r.outlet as string | null) ?? null,
      published: (r.published as string | null) ?? null,
      origin: String(r.origin),
      similarity: Number(r.similarity),
      storyId: str(r.story_id),
      terms: json<string[]>(r.terms) ?? [],
      refs: json<ClaimMemberRow['refs']>(r.refs) ?? {
        entities: [],
        numbers: [],
        places: [],
        dates: [],
      },
    }))
  }

  async addClaimMember(m: ClaimMemberRow, keys: string[]) {
    await this.db.run(
      `INSERT INTO claim_members (article_id, idx, cluster_id, text, claimant, via, stance, verification, outlet,
        published, origin, similarity, story_id, terms, refs)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (article_id, idx) DO UPDATE SET cluster_id = excluded.cluster_id, similarity = excluded.similarity`,
      [
        m.articleId,
        m.index,
        m.clusterId,
        m.text,
        m.claimant,
        JSON.stringify(m.via),
        m.stance,
        m.verification,
        m.outlet,
        m.published,
        m.origin,
        m.similarity,
        m.storyId ?? null,
        JSON.stringify(m.terms),
        JSON.stringify(m.refs),
      ],
    )
    await this.addClaimKeys(m.clusterId, keys)
  }

  /** Three statements for all of a member's keys, not three per key. */
  private async addClaimKeys(clusterId: string, keys: string[]) {
    const unique = [...new Set(keys)]
    if (unique.length === 0) return
    const present = await this.db.all(
      `SELECT key FROM claim_keys WHERE cluster_id = ? AND key IN (${marks(unique.length)})`,
      [clusterId, ...unique],
    )
    const has = new Set(present.map((r) => String(r.key)))
    const fresh = unique.filter((k) => !has.has(k))
    if (fresh.length === 0) return
    const counted = await this.db.all(
      `INSERT INTO claim_key_counts (key, n) VALUES ${fresh.map(() => '(?, 1)').join(', ')}
       ON CONFLICT (key) DO UPDATE SET n = claim_key_counts.n + 1 RETURNING key, n`,
      fresh,
    )
    const kept = counted.filter((r) => Number(r.n) <= KEY_POSTINGS_CAP).map((r) => String(r.key))
    if (kept.length === 0) return
    await this.db.run(
      `INSERT INTO claim_keys (key, cluster_id) VALUES ${kept.map(() => '(?, ?)').join(', ')}
       ON CONFLICT DO NOTHING`,
      kept.flatMap((key) => [key, clusterId]),
    )
  }

  async upsertClaimCluster(c: ClaimClusterRecord, history: ClaimStatusChange[]) {
    await this.db.run(
      `INSERT INTO claim_clusters (id, text, claimant, status, status_date, member_count, article_count,
        independent_sources, origins, first_seen, last_seen, refs, history)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET text = excluded.text, claimant = excluded.claimant, status = excluded.status,
        status_date = excluded.status_date, member_count = excluded.member_count,
        article_count = excluded.article_count, independent_sources = excluded.independent_sources,
        origins = excluded.origins, first_seen = excluded.first_seen, last_seen = excluded.last_seen,
        refs = excluded.refs, history = excluded.history`,
      [
        c.id,
        c.text,
        c.claimant,
        c.status,
        c.statusDate,
        c.memberCount,
        c.articleCount,
        c.independentSources,
        JSON.stringify(c.origins),
        c.firstSeen,
        c.lastSeen,
        JSON.stringify(c.refs),
        JSON.stringify(history),
      ],
    )
  }

  async deleteClaimCluster(id: string) {
    await this.db.run('DELETE FROM claim_clusters WHERE id = ?', [id])
    await this.db.run('DELETE FROM claim_keys WHERE cluster_id = ?', [id])
    await this.db.run('DELETE FROM discrepancies WHERE claim_id = ?', [id])
  }

  async replaceDiscrepancies(
    subject: { storyId: string } | { claimId: string },
    records: DiscrepancyRecord[],
  ) {
    // A story's own (count) discrepancies; those of its claims are replaced with the claims.
    if ('storyId' in subject)
      await this.db.run('DELETE FROM discrepancies WHERE story_id = ? AND claim_id IS NULL', [
        subject.storyId,
      ])
    else await this.db.run('DELETE FROM discrepancies WHERE claim_id = ?', [subject.claimId])
    for (const d of records) {
      await this.db.run(
        `INSERT INTO discrepancies (id, kind, story_id, claim_id, field, vals, detected_at, summary)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET vals = excluded.vals, summary = excluded.summary`,
        [
          d.id,
          d.kind,
          d.storyId,
          d.claimId,
          d.field,
          JSON.stringify(d.values),
          d.detectedAt,
          d.summary,
        ],
      )
    }
  }
}

// ------------------------------------------------------------------ rows

/** JSON columns are TEXT in both dialects; accept already-parsed values too. */
function json<T>(value: unknown): T | null {
  if (value === null || value === undefined) return null
  return (typeof value === 'string' ? JSON.parse(value) : value) as T
}

function str(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value)
}

function num(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value)
}

function articleFromRow(r: Row): ArticleRecord {
  return {
    id: String(r.id),
    version: Number(r.version),
    previousId: str(r.previous_id),
    supersededBy: str(r.superseded_by),
    url: str(r.url),
    canonicalUrl: str(r.canonical_url),
    contentHash: String(r.content_hash),
    outlet: str(r.outlet),
    published: str(r.published),
    title: str(r.title),
    language: str(r.language),
    ingestedAt: String(r.ingested_at),
    copyOf: str(r.copy_of),
    copyOverlap: num(r.copy_overlap),
    origin: String(r.origin),
    counts: json(r.counts) ?? { events: 0, claims: 0, quotes: 0, entities: 0, places: 0 },
  }
}

function docFromRow(r: Row): Doc {
  const rest = json<Omit<Doc, 'text'>>(r.doc)!
  return { ...rest, text: String(r.text) } as Doc
}

function eventFromRow(r: Row): EventRecord {
  const lat = num(r.lat)
  return {
    id: String(r.id),
    articleId: String(r.article_id),
    index: Number(r.idx),
    type: r.type as EventRecord['type'],
    mode: str(r.mode),
    acled: str(r.acled),
    date: str(r.date),
    datePrecision: (r.date_precision as EventRecord['datePrecision']) ?? null,
    place:
      r.place_name === null || r.place_name === undefined
        ? null
        : { name: String(r.place_name), lat, lon: num(r.lon), country: str(r.country) },
    actors: json<string[]>(r.actors) ?? [],
    counts: json(r.counts) ?? {},
    status: r.status as EventRecord['status'],
    claimedBy: str(r.claimed_by),
    text: String(r.text),
    storyId: str(r.story_id),
    outlet: str(r.outlet),
    published: str(r.published),
  }
}

function storedEventFromRow(r: Row): StoredEvent {
  return { record: eventFromRow(r), terms: json<string[]>(r.terms) ?? [], origin: String(r.origin) }
}

function storyFromRow(r: Row): StoryRecord {
  return {
    id: String(r.id),
    title: String(r.title),
    type: r.type as StoryRecord['type'],
    acled: str(r.acled),
    dateFrom: str(r.date_from),
    dateTo: str(r.date_to),
    place:
      r.place_name === null || r.place_name === undefined
        ? null
        : { name: String(r.place_name), lat: num(r.lat), lon: num(r.lon), country: str(r.country) },
    eventCount: Number(r.event_count),
    articleCount: Number(r.article_count),
    independentSources: Number(r.independent_sources),
    origins: json<string[]>(r.origins) ?? [],
    createdAt: String(r.created_at),
    updatedAt: String(r.updated_at),
  }
}

function clusterFromRow(r: Row): ClaimClusterRecord {
  return {
    id: String(r.id),
    text: String(r.text),
    claimant: str(r.claimant),
    status: r.status as ClaimStatus,
    statusDate: String(r.status_date),
    memberCount: Number(r.member_count),
    articleCount: Number(r.article_count),
    independentSources: Number(r.independent_sources),
    origins: json<string[]>(r.origins) ?? [],
    firstSeen: String(r.first_seen),
    lastSeen: String(r.last_seen),
    refs: json(r.refs) ?? { entities: [], numbers: [], places: [], dates: [] },
  }
}

function discrepancyFromRow(r: Row): DiscrepancyRecord {
  return {
    id: String(r.id),
    kind: r.kind as DiscrepancyRecord['kind'],
    storyId: str(r.story_id),
    claimId: str(r.claim_id),
    field: (r.field as DiscrepancyRecord['field']) ?? null,
    values: json(r.vals) ?? [],
    detectedAt: String(r.detected_at),
    summary: String(r.summary),
  }
}

// ------------------------------------------------------------------ helpers

/** The days an event may be on: its date ± its precision (the article's date ± 3 days when it has none). */
function daySpan(e: EventRecord): [string | null, string | null] {
  const day = (e.date ?? e.published)?.slice(0, 10)
  if (!day) return [null, null]
  const tolerance = e.date ? toleranceDays(e.datePrecision) : 3
  return [shiftDate(day, -tolerance), shiftDate(day, tolerance)]
}

function dedupeKey(contentHash: string, canonicalUrl: string | null): string {
  return `${contentHash}|${canonicalUrl ?? ''}`
}

function marks(count: number): string {
  return Array.from({ length: count }, () => '?').join(', ')
}

function isClaimStatus(status: string): status is ClaimStatus {
  return (CLAIM_STATUSES as readonly string[]).includes(status)
}

/** The user's words as an FTS5 query: each word quoted (no operators), all required. */
function ftsQuery(text: string): string {
  const words = text.match(/[\p{L}\p{N}]+/gu) ?? []
  return words.map((w) => `"${w}"`).join(' ')
}

/**
 * The event conditions of a search (alias `e`), always with `e.retired = 0`; `filtered`
 * says whether any filter applies (then an article must have a matching event).
 */
function eventConditions(query: SearchQuery): {
  sql: string[]
  params: unknown[]
  filtered: boolean
} {
  const sql: string[] = []
  const params: unknown[] = []
  // Exempt articles' events skip the fields their corrections may change; the caller re-checks them.
  const exempt = query.exempt ?? []
  const orExempt = (condition: string) =>
    exempt.length ? `(${condition} OR e.article_id IN (${marks(exempt.length)}))` : condition
  if (query.type) {
    sql.push(orExempt('e.type = ?'))
    params.push(query.type, ...exempt)
  }
  if (query.country) {
    sql.push(orExempt('upper(e.country) = ?'))
    params.push(query.country.toUpperCase(), ...exempt)
  }
  if (query.from) {
    sql.push('e.day >= ?')
    params.push(query.from)
  }
  if (query.to) {
    sql.push('e.day <= ?')
    params.push(query.to)
  }
  if (query.actor) {
    sql.push('e.actors_lc LIKE ?')
    params.push(`%${query.actor.toLowerCase()}%`)
  }
  if (query.near) {
    const { lat, lon, km } = query.near
    const around = nearIndex(lat, lon, km)
    if (around) {
      // The grid cells and the box around the point (indexed: events_cell), then the distance.
      sql.push(`e.cell IN (${marks(around.cells.length)})`, 'e.lat BETWEEN ? AND ?')
      params.push(...around.cells, ...around.lat)
      if (around.lon) {
        sql.push('e.lon BETWEEN ? AND ?')
        params.push(...around.lon)
      }
    }
    sql.push('e.lat IS NOT NULL AND dist_km(e.lat, e.lon, ?, ?) <= ?')
    params.push(lat, lon, km)
  }
  if (query.status && !isClaimStatus(query.status)) {
    sql.push('e.status = ?')
    params.push(query.status)
  }
  const filtered = sql.length > 0
  sql.unshift('e.retired = 0')
  return { sql, params, filtered }
}

/**
 * The grid cells (events.cell) and the latitude and longitude bounds that hold every point
 * within `km` of a point, with a margin; no longitude bound across the antimeridian. Null
 * when the circle reaches a pole or would need too many cells (then the distance alone).
 */
export function nearIndex(
  lat: number,
  lon: number,
  km: number,
): { cells: number[]; lat: [number, number]; lon: [number, number] | null } | null {
  const rad = Math.PI / 180
  const arc = km / 6371
  const dLat = (arc / rad) * 1.01 + 0.01
  const reach = Math.sin(Math.min(arc, Math.PI / 2)) / Math.cos(lat * rad)
  if (lat + dLat >= 90 || lat - dLat <= -90 || reach >= 1) return null
  // The widest longitude span of the circle (at a latitude poleward of its centre).
  const dLon = (Math.asin(reach) / rad) * 1.01 + 0.01
  const rows = [Math.floor(lat - dLat + 90), Math.floor(lat + dLat + 90)]
  const cols = [Math.floor(lon - dLon + 180), Math.floor(lon + dLon + 180)]
  if ((rows[1]! - rows[0]! + 1) * (cols[1]! - cols[0]! + 1) > 1000) return null
  const cells: number[] = []
  for (let row = rows[0]!; row <= rows[1]!; row++)
    for (let col = cols[0]!; col <= cols[1]!; col++) {
      const wrapped = ((col % 360) + 360) % 360
      cells.push(row * 1000 + wrapped)
      // A place at exactly 180° east is in column 360 (geoCell), the same meridian as column 0.
      if (wrapped === 0) cells.push(row * 1000 + 360)
    }
  const wraps = lon - dLon < -180 || lon + dLon > 180
  return { cells, lat: [lat - dLat, lat + dLat], lon: wraps ? null : [lon - dLon, lon + dLon] }
}

/** About 200 characters around the first query word (or the start). */
function snippet(text: string, query: string): string {
  const word = (query.match(/[\p{L}\p{N}]+/gu) ?? [])[0]
  const at = word ? text.toLowerCase().indexOf(word.toLowerCase()) : -1
  const start = Math.max(0, at < 0 ? 0 : at - 80)
  const end = Math.min(text.length, start + 200)
  return (
    (start > 0 ? '…' : '') +
    text.slice(start, end).replace(/\s+/g, ' ') +
    (end < text.length ? '…' : '')
  )
}
