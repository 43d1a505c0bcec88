/**
 * The store: one interface, two backends (SQLite in ./sqlite.ts, PostgreSQL in
 * ./postgres.ts), proven by one contract suite (./store.contract.ts).
 *
 * Everything it returns is plain JSON (P2): the API can send records as they are.
 * Reads are what the CLI, the API and the web UI use; the write primitives below
 * them are what the corpus (src/corpus) uses while ingesting, always inside
 * `transaction()` so that a batch is committed whole or not at all.
 */
import type {
  CountKey,
  DatePrecision,
  Doc,
  EventStatus,
  PloverType,
  Stance,
  Verification,
} from '../core/record.js'

// ------------------------------------------------------------------ records

/** One stored article version (without its Doc; `getDoc` returns that). */
export interface ArticleRecord {
  /** Stable id: the Doc id of the first version; later versions get "<id>~v2", "~v3", … */
  id: string
  /** 1 for the first text seen at a URL, 2 for the next changed text, … */
  version: number
  /** The version this one replaces (same canonical URL, different text), or null. */
  previousId: string | null
  /** The newer version that replaced this one, or null while it is current. */
  supersededBy: string | null
  url: string | null
  /** URL without tracking parameters, fragment, `www.`, trailing slash; the version key. */
  canonicalUrl: string | null
  /** sha256 (hex) of the normalised text: the idempotency key. */
  contentHash: string
  outlet: string | null
  published: string | null
  title: string | null
  language: string | null
  /** ISO datetime when this version was stored. */
  ingestedAt: string
  /** Earliest stored article this one is a near-copy of (agency copy, syndication), or null. */
  copyOf: string | null
  /** Share of shingles shared with `copyOf` (estimated Jaccard, 0..1), or null. */
  copyOverlap: number | null
  /**
   * Provenance key used to count independent sources: the origin of a copy is
   * its original's origin; an article that says "citing UNIAN" has origin "unian".
   */
  origin: string
  counts: ArticleCounts
}

export interface ArticleCounts {
  events: number
  claims: number
  quotes: number
  entities: number
  places: number
}

export interface PlaceRef {
  name: string
  lat: number | null
  lon: number | null
  country: string | null
}

/** One event of one article, flattened for search and clustering. */
export interface EventRecord {
  /** "<articleId>:<index>" */
  id: string
  articleId: string
  /** Index into the Doc's `layers.events`. */
  index: number
  type: PloverType
  mode: string | null
  acled: string | null
  date: string | null
  datePrecision: DatePrecision | null
  /** The most precise place of the event (first listed), or null. */
  place: PlaceRef | null
  /** Actor names as written. */
  actors: string[]
  counts: Partial<Record<CountKey, number>>
  status: EventStatus
  claimedBy: string | null
  /** The text span of the event (trigger sentence or clause). */
  text: string
  /** Story the event belongs to (null until clustered). */
  storyId: string | null
  outlet: string | null
  published: string | null
}

/** Why an event joined a story: the features comparing it with the member it linked to. */
export interface LinkFeatures {
  /** Same PLOVER type (or compatible ones, e.g. ASSAULT/COERCE). */
  typeCompatible: boolean
  /** Distance between the two events' places, km; null when either has none. */
  distanceKm: number | null
  /** Days between the two dates; null when either has none. */
  dayGap: number | null
  /** Jaccard overlap of normalised actor names, 0..1. */
  actorOverlap: number
  /** Cosine/Jaccard similarity of content words of the two event texts (and titles), 0..1. */
  textSimilarity: number
  /** Combined score that decided the link, 0..1. */
  score: number
}

export interface StoryMember {
  event: EventRecord
  /** The member event it was linked to, or null for the event that started the story. */
  linkedTo: string | null
  features: LinkFeatures | null
  /** ISO datetime when it joined. */
  addedAt: string
}

/** A real-world event reported by one or more articles. */
export interface StoryRecord {
  /** Stable id: never reused, never renumbered ("s-" + first event's id hash). */
  id: string
  /** Short label: type, place and date of the story, e.g. "ASSAULT · Zaporizhzhia · 2025-05-02". */
  title: string
  type: PloverType
  acled: string | null
  dateFrom: string | null
  dateTo: string | null
  place: PlaceRef | null
  eventCount: number
  articleCount: number
  /** Number of distinct origins among its articles (reprints and "citing X" collapsed). */
  independentSources: number
  origins: string[]
  createdAt: string
  updatedAt: string
}

export interface StoryDetail extends StoryRecord {
  members: StoryMember[]
  discrepancies: DiscrepancyRecord[]
}

export type ClaimStatus =
  'claimed' | 'corroborated' | 'disputed' | 'denied' | 'confirmed' | 'retracted'
export const CLAIM_STATUSES: readonly ClaimStatus[] = [
  'claimed',
  'corroborated',
  'disputed',
  'denied',
  'confirmed',
  'retracted',
]

/** One article's version of a claim, as a member of a claim cluster. */
export interface ClaimMember {
  articleId: string
  /** Index into the Doc's `layers.claims`. */
  index: number
  text: string
  claimant: string | null
  via: string[]
  stance: Stance
  verification: Verification
  outlet: string | null
  published: string | null
  origin: string
  /** Similarity to the cluster when it joined, 0..1 (1 for the founding member). */
  similarity: number
  /** Story of the event this claim reports (the event inside the claim's span), if any. */
  storyId?: string | null
}

/** A change of a claim cluster's status, with its date and evidence. */
export interface ClaimStatusChange {
  status: ClaimStatus
  /** Date of the evidence (the article's published date, else ingest date). */
  date: string
  /** The article and claim that caused the change. */
  articleId: string
  claimIndex: number | null
  /** Why, in words: "second independent source (Reuters)", "denied by Ministry of Defence". */
  reason: string
}

/** The same proposition across articles. */
export interface ClaimClusterRecord {
  /** Stable id ("c-" + hash of the founding claim). */
  id: string
  /** Representative text (the founding claim). */
  text: string
  claimant: string | null
  status: ClaimStatus
  /** Date of the latest status change. */
  statusDate: string
  memberCount: number
  articleCount: number
  independentSources: number
  origins: string[]
  firstSeen: string
  lastSeen: string
  refs: { entities: string[]; numbers: string[]; places: string[]; dates: string[] }
}

export interface ClaimClusterDetail extends ClaimClusterRecord {
  members: ClaimMember[]
  history: ClaimStatusChange[]
  discrepancies: DiscrepancyRecord[]
}

export type DiscrepancyKind = 'count' | 'denial'

export interface DiscrepancyValue {
  /** The figure (count discrepancies) or the stance (denials). */
  value: number | string
  articleId: string
  /** Event id (count discrepancies) or null. */
  eventId: string | null
  claimIndex: number | null
  outlet: string | null
  origin: string
  text: string
}

/** Reports of one story or claim that disagree: "12 killed" vs "9 killed"; a denial. */
export interface DiscrepancyRecord {
  /** Stable id: hash of kind + subject + field. */
  id: string
  kind: DiscrepancyKind
  storyId: string | null
  claimId: string | null
  /** The count key for count discrepancies ("killed"), null for denials. */
  field: CountKey | null
  values: DiscrepancyValue[]
  detectedAt: string
  /** One line for humans: "killed: 12 (Reuters) vs 9 (TASS)". */
  summary: string
}

// ------------------------------------------------------------------ queries

export interface Page<T> {
  items: T[]
  total: number
}

export interface PageQuery {
  limit?: number
  offset?: number
}

export interface ArticleQuery extends PageQuery {
  outlet?: string
  /** Include superseded versions (default false: only the current version of each URL). */
  allVersions?: boolean
}

export interface SearchQuery extends PageQuery {
  /** Full-text query over article text and titles (words ANDed); empty = everything. */
  text?: string
  /** PLOVER event type. */
  type?: PloverType
  near?: { lat: number; lon: number; km: number }
  /** ISO date bounds on the event date (inclusive). */
  from?: string
  to?: string
  /** Substring of an actor name (case-insensitive). */
  actor?: string
  /** Event status (happened, negated, …) or claim status (disputed, …) of claims in the article. */
  status?: EventStatus | ClaimStatus
  /** ISO 3166-1 alpha-2 code of the event place (any case). */
  country?: string
  /**
   * Articles whose events skip the `type` and `country` filters: the caller applies its
   * corrections (which may change those fields) and filters their events itself.
   */
  exempt?: string[]
  /**
   * Also return the facet fields of the matching events of the first `window` hits
   * (`SearchPage.windowEvents`), read from the events table alone.
   */
  window?: number
}

/** The fields of an event that search facets count, and what corrections need to adjust them. */
export interface EventFacets {
  articleId: string
  index: number
  type: PloverType
  country: string | null
  status: EventStatus
  outlet: string | null
  /** Index into the doc's `layers.places` of the event's place, or null. */
  placeIndex: number | null
}

export interface SearchPage extends Page<SearchHit> {
  /** With `window`: the matching events of the first `window` hits (all their events when unfiltered). */
  windowEvents?: EventFacets[]
}

/** Events for a map: the search filters; the order is rank with `text`, else newest day first. */
export type EventListQuery = Omit<SearchQuery, 'window' | 'offset'>

/** An event as the map shows it: the record, its article's title and its place's precision. */
export interface ListedEvent {
  event: EventRecord
  title: string | null
  /** ACLED precision of the event's place (1 town, 2 near a town, 3 region), or null. */
  precision: 1 | 2 | 3 | null
  /** Index into the doc's `layers.places` of the event's place, or null. */
  placeIndex: number | null
}

export interface SearchHit {
  article: ArticleRecord
  /** Short text around the first match. */
  snippet: string
  /** The article's events that satisfy the event filters (all events when there are none). */
  events: EventRecord[]
  rank: number
}

export interface StoryQuery extends PageQuery {
  type?: PloverType
  /** Only stories with at least this many articles. */
  minArticles?: number
}

export interface ClaimQuery extends PageQuery {
  status?: ClaimStatus
}

export interface DiscrepancyQuery extends PageQuery {
  storyId?: string
  claimId?: string
  kind?: DiscrepancyKind
}

export interface StoreStats {
  articles: number
  versions: number
  reprints: number
  events: number
  stories: number
  claims: number
  claimClusters: number
  discrepancies: number
}

// ------------------------------------------------------------------ writes

/** An article version ready to store (computed by src/corpus/ingest.ts). */
export interface ArticleRow extends ArticleRecord {
  doc: Doc
  /** MinHash signature of the text's shingles (reprint detection). */
  signature: number[]
}

/** An event as the corpus keeps it: the record, its content terms and its article's origin. */
export interface StoredEvent {
  record: EventRecord
  terms: string[]
  origin: string
}

export interface StoryMemberRow {
  storyId: string
  eventId: string
  linkedTo: string | null
  features: LinkFeatures | null
  addedAt: string
}

export interface ClaimMemberRow extends ClaimMember {
  clusterId: string
  /** Content-word bag of the claim (for paraphrase-tolerant matching). */
  terms: string[]
  refs: ClaimClusterRecord['refs']
}

/** Candidate events for story clustering: same type, effective date in the window. */
export interface EventCandidateQuery {
  type: PloverType
  /** Inclusive ISO date window on the event date (or its article's date when it has none). */
  from: string
  to: string
  /** Only events whose possible days (date ± precision) overlap this span. */
  span?: { from: string; to: string }
  /** Only events within about this distance of the point (or without a place). */
  near?: { lat: number; lon: number; km: number }
  limit?: number
}

/** The write primitives of one transaction. Reads inside it see its own writes. */
export interface StoreWriter {
  /** The article with this text at this canonical URL (null URL: this text without a URL). */
  findDuplicate(contentHash: string, canonicalUrl: string | null): Promise<ArticleRecord | null>
  /** The current (not superseded) version at a canonical URL. */
  findCurrentByUrl(canonicalUrl: string): Promise<ArticleRecord | null>
  articleExists(id: string): Promise<boolean>
  insertArticle(row: ArticleRow): Promise<void>
  /**
   * Marks `id` superseded by `byId` and takes its events out of their stories and
   * its claims out of their clusters; returns what to recompute.
   */
  retireArticle(id: string, byId: string): Promise<{ storyIds: string[]; clusterIds: string[] }>
  /** Articles sharing at least `minShared` LSH bands with these keys, most shared first. */
  findByBands(
    bands: number[],
    minShared: number,
    limit: number,
  ): Promise<{ id: string; shared: number }[]>
  insertBands(articleId: string, bands: number[]): Promise<void>
  getSignature(articleId: string): Promise<{
    signature: number[]
    origin: string
    canonicalUrl: string | null
    copyOf: string | null
    superseded: boolean
  } | null>

  insertEvents(events: StoredEvent[]): Promise<void>
  candidateEvents(query: EventCandidateQuery): Promise<StoredEvent[]>
  /** Current member events of a story, in joining order. */
  storyEvents(storyId: string): Promise<StoredEvent[]>
  storyMembers(storyId: string): Promise<StoryMemberRow[]>
  getStoryRecord(id: string): Promise<StoryRecord | null>
  upsertStory(record: StoryRecord): Promise<void>
  /** Adds a member (and sets the event's storyId). */
  addStoryMember(member: StoryMemberRow): Promise<void>
  deleteStory(id: string): Promise<void>

  /** Clusters sharing at least `minShared` keys, most shared first. */
  candidateClaimClusters(
    keys: string[],
    minShared: number,
    limit: number,
  ): Promise<{ id: string; shared: number }[]>
  /** Members of a cluster in joining order (the first `limit` when given). */
  claimMembers(clusterId: string, limit?: number): Promise<ClaimMemberRow[]>
  addClaimMember(member: ClaimMemberRow, keys: string[]): Promise<void>
  upsertClaimCluster(record: ClaimClusterRecord, history: ClaimStatusChange[]): Promise<void>
  deleteClaimCluster(id: string): Promise<void>

  /** Replaces the discrepancies recorded for one story or one claim cluster. */
  replaceDiscrepancies(
    subject: { storyId: string } | { claimId: string },
    records: DiscrepancyRecord[],
  ): Promise<void>
}

// ------------------------------------------------------------------ the store

export interface Store {
  readonly kind: 'sqlite' | 'postgres'
  /** Applies pending migrations; returns the schema version. Idempotent. */
  migrate(): Promise<number>
  close(): Promise<void>

  /** Runs `fn` in one transaction: all its writes commit together or none do. */
  transaction<T>(fn: (writer: StoreWriter) => Promise<T>): Promise<T>

  // reads
  stats(): Promise<StoreStats>
  getArticle(id: string): Promise<ArticleRecord | null>
  getDoc(id: string): Promise<Doc | null>
  /**
   * The stored article with this text at this canonical URL, if any (the idempotency
   * check). Optional: ingest falls back to a transaction when a store lacks it.
   */
  findDuplicate?(contentHash: string, canonicalUrl: string | null): Promise<ArticleRecord | null>
  listArticles(query?: ArticleQuery): Promise<Page<ArticleRecord>>
  /** All versions at the article's canonical URL, oldest first. */
  articleVersions(id: string): Promise<ArticleRecord[]>
  /** Articles whose copyOf is this article. */
  reprintsOf(id: string): Promise<ArticleRecord[]>
  /** Current-version Docs in ingest order, streamed in pages (for exports). */
  iterateDocs(pageSize?: number): AsyncIterable<Doc>

  /** Hits in rank order (newest first without text), the total, and the facet window when asked. */
  search(query: SearchQuery): Promise<SearchPage>
  /** Events matching the filters, at most `limit` (default 50, at most 5,000), for a map. */
  listEvents(query: EventListQuery): Promise<ListedEvent[]>

  getEvent(id: string): Promise<EventRecord | null>
  getStory(id: string): Promise<StoryDetail | null>
  listStories(query?: StoryQuery): Promise<Page<StoryRecord>>

  getClaimCluster(id: string): Promise<ClaimClusterDetail | null>
  listClaimClusters(query?: ClaimQuery): Promise<Page<ClaimClusterRecord>>

  listDiscrepancies(query?: DiscrepancyQuery): Promise<Page<DiscrepancyRecord>>
}

/** Where a store lives: a SQLite file (default ./sitrep.db) or a PostgreSQL URL. */
export type StoreLocation = { sqlite: string } | { pg: string }

export const DEFAULT_DB_FILE = './sitrep.db'
export const DEFAULT_PAGE = 50
export const MAX_PAGE = 1000

/** Clamp a page query to sane bounds. */
export function pageBounds(query: PageQuery = {}): { limit: number; offset: number } {
  const limit = Math.max(1, Math.min(MAX_PAGE, Math.floor(query.limit ?? DEFAULT_PAGE)))
  const offset = Math.max(0, Math.floor(query.offset ?? 0))
  return { limit, offset }
}
