/**
 * What every route reads through: the corpus store with corrections applied,
 * plus a small cache of corrected docs (an article with corrections is shown
 * from its corrected doc; the others from the store's rows alone).
 */
import type { Doc } from '../core/record.js'
import type { Article } from '../ingest/article.js'
import { MAX_PAGE, type ClaimClusterRecord, type EventRecord, type Store } from '../store/store.js'
import { correctCluster, correctDoc, correctEvent, eventPlaceIndex } from './corrections.js'
import type { CorrectionRecord, ReviewStore } from './review-types.js'

export interface IngestEntry {
  article: Article
  /** Where in the request body it came from ("body", "body:3"), for error reports. */
  where: string
}

/** What storing a batch did; the same counts as the corpus ingest reports. */
export interface IngestReport {
  added: number
  unchanged: number
  versions: number
  errors: { where: string; message: string }[]
}

/** Extracts and stores articles: the corpus ingest (./ingest.ts `corpusIngest`) or a test double. */
export type IngestArticles = (entries: IngestEntry[]) => Promise<IngestReport>

const DOC_CACHE_SIZE = 500

export interface PlaceOfEvent {
  precision: 1 | 2 | 3 | null
  placeIndex: number | null
}

export class AppContext {
  private readonly docs = new Map<string, Doc | null>()
  /** Bumped on every write, so derived caches (the entity and place catalogue) know to rebuild. */
  generation = 0

  constructor(
    readonly store: Store,
    readonly review: ReviewStore,
  ) {}

  invalidate(articleId?: string): void {
    this.generation++
    if (articleId === undefined) this.docs.clear()
    else this.docs.delete(articleId)
  }

  /**
   * Corrections by article, loaded whole once per generation: the review log is
   * made by people, so it stays small next to the corpus, and reading it once
   * saves a query per event on the map.
   */
  private byArticle: { generation: number; map: Promise<Map<string, CorrectionRecord[]>> } | null =
    null

  async corrections(articleId: string): Promise<CorrectionRecord[]> {
    if (!this.byArticle || this.byArticle.generation !== this.generation) {
      this.byArticle = { generation: this.generation, map: this.loadCorrections() }
    }
    return (await this.byArticle.map).get(articleId) ?? []
  }

  private async loadCorrections(): Promise<Map<string, CorrectionRecord[]>> {
    const map = new Map<string, CorrectionRecord[]>()
    for (let offset = 0; ; offset += MAX_PAGE) {
      const page = await this.review.listCorrections({ limit: MAX_PAGE, offset })
      for (const record of page.items) {
        if (record.articleId === null) continue
        const list = map.get(record.articleId) ?? []
        list.push(record)
        map.set(record.articleId, list)
      }
      if (offset + MAX_PAGE >= page.total) return map
    }
  }

  /** Articles with corrections of these kinds (the review log is small: it is read whole). */
  async correctedArticles(kinds: CorrectionRecord['kind'][]): Promise<string[]> {
    await this.corrections('')
    const map = await this.byArticle!.map
    return [...map].filter(([, list]) => list.some((c) => kinds.includes(c.kind))).map(([id]) => id)
  }

  async claimCorrections(claimId?: string): Promise<CorrectionRecord[]> {
    const query = claimId === undefined ? { kind: 'claim-status' as const } : { claimId }
    return (await this.review.listCorrections({ ...query, limit: 1000 })).items
  }

  /** The doc with its corrections applied, or null. */
  async doc(articleId: string): Promise<Doc | null> {
    if (this.docs.has(articleId)) return this.docs.get(articleId) ?? null
    const raw = await this.store.getDoc(articleId)
    const doc = raw ? correctDoc(raw, await this.corrections(articleId)) : null
    if (this.docs.size >= DOC_CACHE_SIZE) {
      const oldest = this.docs.keys().next().value
      if (oldest !== undefined) this.docs.delete(oldest)
    }
    this.docs.set(articleId, doc)
    return doc
  }

  private places: { generation: number; map: Map<string, PlaceOfEvent> } | null = null

  /**
   * The precision and layer index of an event's place in the corrected doc (the store's
   * event rows carry them for the extraction; corrections can change them). Remembered
   * per event: the map asks for every event at once.
   */
  async placeOf(event: EventRecord): Promise<PlaceOfEvent> {
    if (!this.places || this.places.generation !== this.generation) {
      this.places = { generation: this.generation, map: new Map() }
    }
    const cache = this.places.map
    const known = cache.get(event.id)
    if (known) return known
    const doc = event.place ? await this.doc(event.articleId) : null
    const placeIndex = doc ? eventPlaceIndex(doc, event) : null
    const place = placeIndex === null ? undefined : doc?.layers.places?.[placeIndex]
    const found = { precision: place?.precision ?? null, placeIndex }
    cache.set(event.id, found)
    return found
  }

  async event(event: EventRecord): Promise<EventRecord> {
    const corrections = await this.corrections(event.articleId)
    if (corrections.length === 0) return event
    return correctEvent(event, await this.doc(event.articleId), corrections)
  }

  async events(events: EventRecord[]): Promise<EventRecord[]> {
    return Promise.all(events.map((e) => this.event(e)))
  }

  async clusters<T extends ClaimClusterRecord>(clusters: T[]): Promise<T[]> {
    const corrections = await this.claimCorrections()
    if (corrections.length === 0) return clusters
    return clusters.map((c) => correctCluster(c, corrections))
  }
}
