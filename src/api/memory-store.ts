/**
 * A read-only `Store` over records held in memory: for API tests, the browser
 * tests and demos without a database. It implements the reads of the interface
 * with the same semantics as the real backends (paging, search filters), and
 * takes records through `add*` methods instead of the corpus write path, so it
 * does not depend on how the corpus computes stories and clusters.
 */
import type { Doc } from '../core/record.js'
import {
  pageBounds,
  type ArticleQuery,
  type ArticleRecord,
  type ClaimClusterDetail,
  type ClaimClusterRecord,
  type ClaimQuery,
  type DiscrepancyQuery,
  type DiscrepancyRecord,
  type EventRecord,
  type Page,
  type SearchHit,
  type SearchQuery,
  type Store,
  type StoreStats,
  type StoryDetail,
  type StoryQuery,
  type StoryRecord,
  type StoreWriter,
} from '../store/store.js'
import type { IngestOutcome } from './context.js'
import { contentHash, eventRecords } from './ingest.js'

function page<T>(items: T[], query: { limit?: number; offset?: number } = {}): Page<T> {
  const { limit, offset } = pageBounds(query)
  return { items: items.slice(offset, offset + limit), total: items.length }
}

function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180
  const dLat = (b.lat - a.lat) * rad
  const dLon = (b.lon - a.lon) * rad
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2
  return 2 * 6371 * Math.asin(Math.sqrt(h))
}

export class MemoryStore implements Store {
  // The interface knows two backends; this one answers reads like them.
  readonly kind = 'sqlite' as const
  private readonly articles = new Map<string, { record: ArticleRecord; doc: Doc }>()
  private readonly events = new Map<string, EventRecord>()
  private readonly stories = new Map<string, StoryDetail>()
  private readonly clusters = new Map<string, ClaimClusterDetail>()
  private readonly discrepancies: DiscrepancyRecord[] = []

  async migrate(): Promise<number> {
    return 1
  }

  async close(): Promise<void> {}

  async transaction<T>(_fn: (writer: StoreWriter) => Promise<T>): Promise<T> {
    throw new Error('MemoryStore is filled with add*(), not through the corpus write path')
  }

  /** Store one doc as a new article (idempotent by text); its events are flattened. */
  addDoc(doc: Doc, record: Partial<ArticleRecord> = {}): IngestOutcome {
    const hash = contentHash(doc.text)
    for (const { record: existing } of this.articles.values()) {
      if (existing.contentHash === hash) return { id: existing.id, status: 'duplicate' }
    }
    const layers = doc.layers
    this.articles.set(doc.id, {
      doc,
      record: {
        id: doc.id,
        version: 1,
        previousId: null,
        supersededBy: null,
        url: doc.source.url,
        canonicalUrl: doc.source.url,
        contentHash: hash,
        outlet: doc.source.outlet,
        published: doc.source.published,
        title: doc.source.title,
        language: doc.source.language,
        ingestedAt: new Date().toISOString(),
        copyOf: null,
        copyOverlap: null,
        origin: (doc.source.outlet ?? doc.id).toLowerCase(),
        counts: {
          events: layers.events?.length ?? 0,
          claims: layers.claims?.length ?? 0,
          quotes: layers.quotes?.length ?? 0,
          entities: layers.entities?.length ?? 0,
          places: layers.places?.length ?? 0,
        },
        ...record,
      },
    })
    for (const event of eventRecords(doc)) this.events.set(event.id, event)
    return { id: doc.id, status: 'stored' }
  }

  /** A story over stored events (their storyId is set to it). */
  addStory(
    story: Omit<StoryDetail, 'members'> & {
      members: { eventId: string; linkedTo: string | null }[]
    },
  ): void {
    const members = story.members.map(({ eventId, linkedTo }) => {
      const event = this.events.get(eventId)
      if (!event) throw new Error(`addStory: no event ${eventId}`)
      event.storyId = story.id
      return { event: { ...event }, linkedTo, features: null, addedAt: story.createdAt }
    })
    this.stories.set(story.id, { ...story, members })
    for (const d of story.discrepancies) this.discrepancies.push(d)
  }

  addClaimCluster(cluster: ClaimClusterDetail): void {
    this.clusters.set(cluster.id, cluster)
    for (const d of cluster.discrepancies) this.discrepancies.push(d)
  }

  async stats(): Promise<StoreStats> {
    return {
      articles: this.articles.size,
      versions: this.articles.size,
      reprints: [...this.articles.values()].filter((a) => a.record.copyOf).length,
      events: this.events.size,
      stories: this.stories.size,
      claims: [...this.articles.values()].reduce((n, a) => n + a.record.counts.claims, 0),
      claimClusters: this.clusters.size,
      discrepancies: this.discrepancies.length,
    }
  }

  async getArticle(id: string): Promise<ArticleRecord | null> {
    return structuredClone(this.articles.get(id)?.record ?? null)
  }

  async getDoc(id: string): Promise<Doc | null> {
    return structuredClone(this.articles.get(id)?.doc ?? null)
  }

  async listArticles(query: ArticleQuery = {}): Promise<Page<ArticleRecord>> {
    const records = [...this.articles.values()]
      .map((a) => a.record)
      .filter((a) => query.allVersions || a.supersededBy === null)
      .filter((a) => query.outlet === undefined || a.outlet === query.outlet)
    return structuredClone(page(records, query))
  }

  async articleVersions(id: string): Promise<ArticleRecord[]> {
    const record = this.articles.get(id)?.record
    return record ? [structuredClone(record)] : []
  }

  async reprintsOf(id: string): Promise<ArticleRecord[]> {
    return [...this.articles.values()].map((a) => a.record).filter((a) => a.copyOf === id)
  }

  async *iterateDocs(): AsyncIterable<Doc> {
    for (const { doc } of this.articles.values()) yield structuredClone(doc)
  }

  async search(query: SearchQuery): Promise<Page<SearchHit>> {
    const words = (query.text ?? '').toLowerCase().split(/\s+/).filter(Boolean)
    const eventFiltered = Boolean(query.type || query.near || query.from || query.to || query.actor)
    const hits: SearchHit[] = []
    for (const { record, doc } of this.articles.values()) {
      if (record.supersededBy !== null) continue
      const haystack = `${record.title ?? ''}\n${doc.text}`.toLowerCase()
      if (!words.every((w) => haystack.includes(w))) continue
      const all = [...this.events.values()].filter((e) => e.articleId === record.id)
      const events = all.filter((e) => this.eventMatches(e, query))
      if (eventFiltered && events.length === 0) continue
      if (query.status && !this.statusMatches(doc, all, query.status)) continue
      const at = words[0] ? haystack.indexOf(words[0]) : 0
      const snippet = doc.text.slice(Math.max(0, at - 60), at + 140)
      hits.push({ article: record, snippet, events, rank: words.length })
    }
    return structuredClone(page(hits, query))
  }

  private eventMatches(event: EventRecord, query: SearchQuery): boolean {
    if (query.type && event.type !== query.type) return false
    if (query.from && (!event.date || event.date < query.from)) return false
    if (query.to && (!event.date || event.date.slice(0, 10) > query.to)) return false
    if (query.actor) {
      const needle = query.actor.toLowerCase()
      if (!event.actors.some((a) => a.toLowerCase().includes(needle))) return false
    }
    if (query.near) {
      const { lat, lon } = event.place ?? {}
      if (lat == null || lon == null) return false
      if (distanceKm(query.near, { lat, lon }) > query.near.km) return false
    }
    return true
  }

  private statusMatches(doc: Doc, events: EventRecord[], status: string): boolean {
    if (events.some((e) => e.status === status)) return true
    return [...this.clusters.values()].some(
      (c) => c.status === status && c.members.some((m) => m.articleId === doc.id),
    )
  }

  async getEvent(id: string): Promise<EventRecord | null> {
    return structuredClone(this.events.get(id) ?? null)
  }

  async getStory(id: string): Promise<StoryDetail | null> {
    return structuredClone(this.stories.get(id) ?? null)
  }

  async listStories(query: StoryQuery = {}): Promise<Page<StoryRecord>> {
    const stories = [...this.stories.values()]
      .filter((s) => !query.type || s.type === query.type)
      .filter((s) => !query.minArticles || s.articleCount >= query.minArticles)
      .map(({ members: _m, discrepancies: _d, ...record }) => record)
    return structuredClone(page(stories, query))
  }

  async getClaimCluster(id: string): Promise<ClaimClusterDetail | null> {
    return structuredClone(this.clusters.get(id) ?? null)
  }

  async listClaimClusters(query: ClaimQuery = {}): Promise<Page<ClaimClusterRecord>> {
    const clusters = [...this.clusters.values()]
      .filter((c) => !query.status || c.status === query.status)
      .map(({ members: _m, history: _h, discrepancies: _d, ...record }) => record)
    return structuredClone(page(clusters, query))
  }

  async listDiscrepancies(query: DiscrepancyQuery = {}): Promise<Page<DiscrepancyRecord>> {
    const matching = this.discrepancies.filter(
      (d) =>
        (!query.storyId || d.storyId === query.storyId) &&
        (!query.claimId || d.claimId === query.claimId) &&
        (!query.kind || d.kind === query.kind),
    )
    return structuredClone(page(matching, query))
  }
}
