/**
 * Versioned schema migrations, one list per dialect. A migration is applied once,
 * inside a transaction, and recorded in `schema_migrations`; never edit an applied
 * migration, add the next one. Column names are the same in both dialects so the
 * queries in ./sql-store.ts serve both.
 */

export type Dialect = 'sqlite' | 'postgres'

export interface Migration {
  version: number
  name: string
  statements: string[]
}

function schemaV1(dialect: Dialect): string[] {
  const serial = dialect === 'sqlite' ? 'INTEGER PRIMARY KEY AUTOINCREMENT' : 'SERIAL PRIMARY KEY'
  const real = dialect === 'sqlite' ? 'REAL' : 'DOUBLE PRECISION'
  const noRowid = dialect === 'sqlite' ? ' WITHOUT ROWID' : ''
  const statements = [
    `CREATE TABLE articles (
      seq ${serial},
      id TEXT NOT NULL UNIQUE,
      version INTEGER NOT NULL,
      previous_id TEXT,
      superseded_by TEXT,
      url TEXT,
      canonical_url TEXT,
      content_hash TEXT NOT NULL,
      dedupe_key TEXT NOT NULL UNIQUE,
      outlet TEXT,
      published TEXT,
      title TEXT,
      language TEXT,
      ingested_at TEXT NOT NULL,
      copy_of TEXT,
      copy_overlap ${real},
      origin TEXT NOT NULL,
      counts TEXT NOT NULL,
      signature TEXT NOT NULL,
      text TEXT NOT NULL,
      doc TEXT NOT NULL
    )`,
    `CREATE INDEX articles_url ON articles (canonical_url)`,
    `CREATE INDEX articles_copy ON articles (copy_of)`,
    `CREATE INDEX articles_outlet ON articles (outlet)`,
    // band = band index × 2^32 + the band's 32-bit hash: an integer key is small and quick.
    `CREATE TABLE reprint_bands (
      band ${dialect === 'sqlite' ? 'INTEGER' : 'BIGINT'} NOT NULL,
      article_id TEXT NOT NULL,
      PRIMARY KEY (band, article_id)
    )${noRowid}`,
    `CREATE TABLE IF NOT EXISTS reprint_band_counts (
      band ${dialect === 'sqlite' ? 'INTEGER' : 'BIGINT'} PRIMARY KEY,
      n INTEGER NOT NULL
    )${noRowid}`,
    `CREATE TABLE events (
      id TEXT PRIMARY KEY,
      article_id TEXT NOT NULL,
      idx INTEGER NOT NULL,
      type TEXT NOT NULL,
      mode TEXT,
      acled TEXT,
      date TEXT,
      date_precision TEXT,
      day TEXT,
      place_name TEXT,
      lat ${real},
      lon ${real},
      country TEXT,
      actors TEXT NOT NULL,
      actors_lc TEXT NOT NULL,
      counts TEXT NOT NULL,
      status TEXT NOT NULL,
      claimed_by TEXT,
      text TEXT NOT NULL,
      story_id TEXT,
      outlet TEXT,
      published TEXT,
      origin TEXT NOT NULL,
      terms TEXT NOT NULL,
      retired INTEGER NOT NULL DEFAULT 0
    )`,
    `CREATE INDEX events_article ON events (article_id)`,
    `CREATE INDEX events_type_day ON events (type, day)`,
    `CREATE INDEX events_story ON events (story_id)`,
    `CREATE INDEX events_day ON events (day)`,
    `CREATE TABLE stories (
      id TEXT PRIMARY KEY,
      title TEXT NOT NULL,
      type TEXT NOT NULL,
      acled TEXT,
      date_from TEXT,
      date_to TEXT,
      place_name TEXT,
      lat ${real},
      lon ${real},
      country TEXT,
      event_count INTEGER NOT NULL,
      article_count INTEGER NOT NULL,
      independent_sources INTEGER NOT NULL,
      origins TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`,
    `CREATE INDEX stories_updated ON stories (updated_at)`,
    `CREATE TABLE story_members (
      seq ${serial},
      event_id TEXT NOT NULL UNIQUE,
      story_id TEXT NOT NULL,
      linked_to TEXT,
      features TEXT,
      added_at TEXT NOT NULL
    )`,
    `CREATE INDEX story_members_story ON story_members (story_id)`,
    `CREATE TABLE claim_members (
      seq ${serial},
      article_id TEXT NOT NULL,
      idx INTEGER NOT NULL,
      cluster_id TEXT NOT NULL,
      text TEXT NOT NULL,
      claimant TEXT,
      via TEXT NOT NULL,
      stance TEXT NOT NULL,
      verification TEXT,
      outlet TEXT,
      published TEXT,
      origin TEXT NOT NULL,
      similarity ${real} NOT NULL,
      terms TEXT NOT NULL,
      refs TEXT NOT NULL,
      UNIQUE (article_id, idx)
    )`,
    `CREATE INDEX claim_members_cluster ON claim_members (cluster_id)`,
    `CREATE TABLE claim_keys (
      key TEXT NOT NULL,
      cluster_id TEXT NOT NULL,
      PRIMARY KEY (key, cluster_id)
    )${noRowid}`,
    `CREATE TABLE claim_key_counts (
      key TEXT PRIMARY KEY,
      n INTEGER NOT NULL
    )${noRowid}`,
    `CREATE TABLE claim_clusters (
      id TEXT PRIMARY KEY,
      text TEXT NOT NULL,
      claimant TEXT,
      status TEXT NOT NULL,
      status_date TEXT NOT NULL,
      member_count INTEGER NOT NULL,
      article_count INTEGER NOT NULL,
      independent_sources INTEGER NOT NULL,
      origins TEXT NOT NULL,
      first_seen TEXT NOT NULL,
      last_seen TEXT NOT NULL,
      refs TEXT NOT NULL,
      history TEXT NOT NULL
    )`,
    `CREATE INDEX claim_clusters_status ON claim_clusters (status)`,
    `CREATE TABLE discrepancies (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL,
      story_id TEXT,
      claim_id TEXT,
      field TEXT,
      vals TEXT NOT NULL,
      detected_at TEXT NOT NULL,
      summary TEXT NOT NULL
    )`,
    `CREATE INDEX discrepancies_story ON discrepancies (story_id)`,
    `CREATE INDEX discrepancies_claim ON discrepancies (claim_id)`,
  ]
  if (dialect === 'sqlite') {
    // Contentless: the text lives once, in articles.text; rowid = articles.seq.
    statements.push(
      `CREATE VIRTUAL TABLE articles_fts USING fts5 (title, body, content='', tokenize='porter unicode61 remove_diacritics 2')`,
    )
  } else {
    statements.push(
      `ALTER TABLE articles ADD COLUMN fts tsvector GENERATED ALWAYS AS (to_tsvector('english', coalesce(title, '') || ' ' || text)) STORED`,
      `CREATE INDEX articles_fts ON articles USING GIN (fts)`,
      // Great-circle distance, the same formula as src/corpus/geo.ts (SQLite registers it in JS).
      `CREATE OR REPLACE FUNCTION dist_km(lat1 double precision, lon1 double precision, lat2 double precision, lon2 double precision)
       RETURNS double precision LANGUAGE sql IMMUTABLE AS $$
         SELECT 2 * 6371 * asin(least(1, sqrt(
           power(sin(radians(lat2 - lat1) / 2), 2) +
           cos(radians(lat1)) * cos(radians(lat2)) * power(sin(radians(lon2 - lon1) / 2), 2))))
       $$`,
    )
  }
  return statements
}

/** Claims remember the story of the event they report. */
function schemaV2(dialect: Dialect): string[] {
  const noRowid = dialect === 'sqlite' ? ' WITHOUT ROWID' : ''
  const bigint = dialect === 'sqlite' ? 'INTEGER' : 'BIGINT'
  return [
    `ALTER TABLE claim_members ADD COLUMN story_id TEXT`,
    `CREATE INDEX claim_members_story ON claim_members (story_id)`,
    // Stores made by early builds of v1 lack it.
    `CREATE TABLE IF NOT EXISTS reprint_band_counts (band ${bigint} PRIMARY KEY, n INTEGER NOT NULL)${noRowid}`,
  ]
}

/** A grid cell on events so "near" candidates come from an index; members in joining order. */
function schemaV3(dialect: Dialect): string[] {
  const cell =
    dialect === 'sqlite'
      ? 'CAST(lat + 90 AS INTEGER) * 1000 + CAST(lon + 180 AS INTEGER)'
      : 'CAST(floor(lat + 90) AS INTEGER) * 1000 + CAST(floor(lon + 180) AS INTEGER)'
  const tolerance = `CASE date_precision WHEN 'week' THEN 7 WHEN 'month' THEN 31 WHEN 'year' THEN 366
    ELSE (CASE WHEN date IS NULL THEN 3 ELSE 1 END) END`
  const shift = (sign: '-' | '+') =>
    dialect === 'sqlite'
      ? `date(day, '${sign}' || (${tolerance}) || ' days')`
      : `to_char(day::date ${sign} (${tolerance}), 'YYYY-MM-DD')`
  return [
    `ALTER TABLE events ADD COLUMN cell INTEGER NOT NULL DEFAULT -1`,
    `UPDATE events SET cell = ${cell} WHERE lat IS NOT NULL AND lon IS NOT NULL`,
    // The span of days the event may be on (its date ± its precision), so incompatible dates are skipped in SQL.
    `ALTER TABLE events ADD COLUMN day_lo TEXT`,
    `ALTER TABLE events ADD COLUMN day_hi TEXT`,
    `UPDATE events SET day_lo = ${shift('-')}, day_hi = ${shift('+')} WHERE day IS NOT NULL`,
    // Covering the filters, so candidates are chosen from the index and only they are read.
    `CREATE INDEX events_near ON events (type, cell, day, day_hi, day_lo)`,
    `CREATE INDEX events_span ON events (type, day, day_hi, day_lo)`,
    `CREATE INDEX claim_members_cluster_seq ON claim_members (cluster_id, seq)`,
    `CREATE INDEX claim_keys_cluster ON claim_keys (cluster_id)`,
  ]
}

/**
 * The cluster-only index made SQLite sort each cluster's members instead of reading
 * them in order from (cluster_id, seq): 4× slower per lookup at 50k articles.
 */
function schemaV4(): string[] {
  return ['DROP INDEX IF EXISTS claim_members_cluster']
}

/**
 * Reprint postings partitioned by ingest order: a band key is a random hash, so in one
 * band-first B-tree a batch's inserts dirty nearly every page and the commit cost grew with
 * the corpus. Inserts now go to the current partition only (bounded); lookups read every
 * partition (one seek per partition and band).
 */
function schemaV5(dialect: Dialect): string[] {
  const noRowid = dialect === 'sqlite' ? ' WITHOUT ROWID' : ''
  const bigint = dialect === 'sqlite' ? 'INTEGER' : 'BIGINT'
  return [
    `CREATE TABLE reprint_postings (
      part INTEGER NOT NULL,
      band ${bigint} NOT NULL,
      article_id TEXT NOT NULL,
      PRIMARY KEY (part, band, article_id)
    )${noRowid}`,
    `INSERT INTO reprint_postings (part, band, article_id) SELECT 0, band, article_id FROM reprint_bands`,
    `DROP TABLE reprint_bands`,
  ]
}

/**
 * The index into `doc.layers.places` of each event's place and that place's precision,
 * read from the stored doc (the API's map read them from every doc, per request).
 * The index is the first of the event's places with the record's name and position
 * (else its first place), as the API's `eventPlaceIndex` picks it. `only` restricts the
 * update to one article (`?`), as insertEvents runs it; the migration backfills all.
 */
export function eventPlaceStatements(dialect: Dialect, only = ''): string[] {
  const where = only ? ` AND article_id = ?` : ''
  if (dialect === 'sqlite') {
    const field = (f: string) => `json_extract(a.doc, '$.layers.places[' || j.value || '].${f}')`
    const same = (f: string, col: string) =>
      `abs(coalesce(${field(f)}, 1e9) - coalesce(events.${col}, 1e9)) < 1e-9`
    const first = `(SELECT json_extract(a.doc, '$.layers.events[' || events.idx || '].places[0]') FROM articles a WHERE a.id = events.article_id)`
    return [
      `UPDATE events SET place_index = coalesce(
        (SELECT CAST(j.value AS INTEGER) FROM articles a, json_each(a.doc, '$.layers.events[' || events.idx || '].places') j
         WHERE a.id = events.article_id
           AND ${field('name')} IS events.place_name AND ${same('lat', 'lat')} AND ${same('lon', 'lon')}
         ORDER BY j.key LIMIT 1),
        ${first})
      WHERE place_name IS NOT NULL${where}`,
      `UPDATE events SET place_precision = (
        SELECT json_extract(a.doc, '$.layers.places[' || events.place_index || '].precision')
        FROM articles a WHERE a.id = events.article_id)
      WHERE place_index IS NOT NULL${where}`,
    ]
  }
  const field = (f: string) => `(a.doc::jsonb #>> ARRAY['layers', 'places', p.value, '${f}'])`
  const same = (f: string, col: string) =>
    `abs(coalesce(${field(f)}::double precision, 1e9) - coalesce(e.${col}, 1e9)) < 1e-9`
  const first = `(SELECT (a.doc::jsonb #>> ARRAY['layers', 'events', e.idx::text, 'places', '0'])::int FROM articles a WHERE a.id = e.article_id)`
  return [
    `UPDATE events AS e SET place_index = coalesce(
      (SELECT p.value::int FROM articles a,
         jsonb_array_elements_text(a.doc::jsonb #> ARRAY['layers', 'events', e.idx::text, 'places']) WITH ORDINALITY AS p(value, ord)
       WHERE a.id = e.article_id
         AND ${field('name')} IS NOT DISTINCT FROM e.place_name AND ${same('lat', 'lat')} AND ${same('lon', 'lon')}
       ORDER BY p.ord LIMIT 1),
      ${first})
    WHERE e.place_name IS NOT NULL${where}`,
    `UPDATE events AS e SET place_precision = (
      SELECT (a.doc::jsonb #>> ARRAY['layers', 'places', e.place_index::text, 'precision'])::int
      FROM articles a WHERE a.id = e.article_id)
    WHERE e.place_index IS NOT NULL${where}`,
  ]
}

/**
 * The read path at 100,000 articles: events carry their place's precision and layer
 * index (the map read whole docs for them); the map pages events by day from an index
 * and finds "near" ones through grid cells; a superseded version leaves the full-text
 * index (so a match count is the count of current articles) and current articles are
 * counted as all minus the superseded (both from indexes), not by a scan of the table.
 */
function schemaV6(dialect: Dialect): string[] {
  const statements = [
    `ALTER TABLE events ADD COLUMN place_index INTEGER`,
    `ALTER TABLE events ADD COLUMN place_precision INTEGER`,
    ...eventPlaceStatements(dialect),
    `CREATE INDEX events_day_id ON events (day, id)`,
    `DROP INDEX IF EXISTS events_day`,
    `CREATE INDEX events_cell ON events (cell, lat, lon, retired, day, id)`,
    // Partial: an index on superseded_by IS NULL would tempt the planner into scanning current articles.
    `CREATE INDEX articles_superseded ON articles (seq) WHERE superseded_by IS NOT NULL`,
  ]
  if (dialect === 'sqlite') {
    // Contentless FTS5 deletes a row given the values it indexed (title ?? '', text).
    statements.push(
      `INSERT INTO articles_fts (articles_fts, rowid, title, body)
       SELECT 'delete', seq, coalesce(title, ''), text FROM articles WHERE superseded_by IS NOT NULL`,
    )
  }
  return statements
}

/**
 * Article titles for event lists, from an index: SQLite otherwise reads each (large) article
 * row. Not PostgreSQL: a B-tree entry there is limited to about 2.7 kB and a title is unbounded.
 */
function schemaV7(dialect: Dialect): string[] {
  return dialect === 'sqlite' ? [`CREATE INDEX articles_title ON articles (id, title)`] : []
}

export function migrations(dialect: Dialect): Migration[] {
  return [
    {
      version: 1,
      name: 'articles, events, stories, claims, discrepancies',
      statements: schemaV1(dialect),
    },
    { version: 2, name: 'claims know their story', statements: schemaV2(dialect) },
    { version: 3, name: 'event grid cells', statements: schemaV3(dialect) },
    { version: 4, name: 'claim members read in order', statements: schemaV4() },
    { version: 5, name: 'reprint postings by ingest order', statements: schemaV5(dialect) },
    { version: 6, name: 'event places and read-path indexes', statements: schemaV6(dialect) },
    { version: 7, name: 'article titles by id', statements: schemaV7(dialect) },
  ]
}

export const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at TEXT NOT NULL
)`
