/**
 * Stories: reports of one real-world event across articles.
 *
 * An incoming event is compared with the member events of candidate stories on
 * five features (type, place distance, date gap, actor overlap, text similarity);
 * it joins the story of its best-scoring member when the score clears the
 * threshold and no hard constraint fails, else it starts a new story. The
 * features of that one link are kept, so a merge can be explained and undone.
 */
import type { CountKey, Doc } from '../core/record.js'
import type {
  DiscrepancyRecord,
  DiscrepancyValue,
  EventRecord,
  LinkFeatures,
  PlaceRef,
  StoredEvent,
  StoryRecord,
} from '../store/store.js'
import { discrepancyId } from './claims.js'
import { dayNumber, toleranceDays } from './dates.js'
import { eventRows } from './events.js'
import { distanceKm } from './geo.js'
import { distinctOrigins } from './sources.js'
import { contentTerms, jaccard, overlap, sha256 } from './text.js'

export interface StoryOptions {
  /** Minimum link score to join a story. */
  threshold?: number
  /** Places further apart than this never describe one event. */
  maxKm?: number
}

export const STORY_DEFAULTS: Required<StoryOptions> = { threshold: 0.55, maxKm: 50 }

/** What the comparison needs of an event, computed once. */
export interface EventFeatures {
  id: string
  articleId: string
  type: string
  mode: string | null
  day: number | null
  /** Tolerance of the date in days (1 for a day, 7 for a week, …). */
  tolerance: number
  /** True when the date came from the publication date, not the text. */
  datedByPublication: boolean
  lat: number | null
  lon: number | null
  actorTerms: string[]
  terms: string[]
}

export function featuresOf(record: EventRecord, terms: readonly string[]): EventFeatures {
  const own = dayNumber(record.date)
  const published = dayNumber(record.published)
  return {
    id: record.id,
    articleId: record.articleId,
    type: record.type,
    mode: record.mode,
    day: own ?? published,
    tolerance: own !== null ? toleranceDays(record.datePrecision) : 3,
    datedByPublication: own === null,
    lat: record.place?.lat ?? null,
    lon: record.place?.lon ?? null,
    actorTerms: contentTerms(record.actors.join(' ')),
    terms: [...terms],
  }
}

/**
 * The link features of two events, or null when a hard constraint fails
 * (same article, different type, dates or places too far apart).
 */
export function compareEvents(
  a: EventFeatures,
  b: EventFeatures,
  options: StoryOptions = {},
): LinkFeatures | null {
  const { maxKm } = { ...STORY_DEFAULTS, ...options }
  // Two events of one article are two events: an article does not report one event twice.
  if (a.articleId === b.articleId) return null
  if (a.type !== b.type) return null

  let dayGap: number | null = null
  let dateScore = 0.4
  if (a.day !== null && b.day !== null) {
    dayGap = Math.abs(a.day - b.day)
    const tolerance = Math.max(a.tolerance, b.tolerance)
    if (dayGap > tolerance) return null
    dateScore = 1 - dayGap / (tolerance + 1)
    // A vague date (a week, a month, or only the publication date) proves little.
    if (tolerance > 1) dateScore *= a.datedByPublication || b.datedByPublication ? 0.7 : 0.5
  }

  let km: number | null = null
  let placeScore = 0.3
  if (a.lat !== null && a.lon !== null && b.lat !== null && b.lon !== null) {
    km = distanceKm(a.lat, a.lon, b.lat, b.lon)
    if (km > maxKm) return null
    placeScore = km <= 5 ? 1 : km <= 25 ? 0.8 : 0.5
  }

  let modeScore = 0
  if (a.mode && b.mode) modeScore = a.mode === b.mode ? 0.1 : -0.15

  const actorOverlap = overlap(a.actorTerms, b.actorTerms)
  const textSimilarity = Math.max(jaccard(a.terms, b.terms), overlap(a.terms, b.terms) * 0.6)
  const score = clamp(
    0.3 * placeScore + 0.25 * dateScore + 0.15 * actorOverlap + 0.3 * textSimilarity + modeScore,
  )
  return {
    typeCompatible: true,
    distanceKm: km === null ? null : Math.round(km * 10) / 10,
    dayGap,
    actorOverlap: round(actorOverlap),
    textSimilarity: round(textSimilarity),
    score: round(score),
  }
}

export interface StoryLink {
  storyId: string
  linkedTo: string
  features: LinkFeatures
}

export interface CandidateMember {
  storyId: string
  features: EventFeatures
}

/**
 * The story an event joins: the story of the best-scoring compatible member,
 * skipping stories that already hold an event of the same article.
 */
export function bestLink(
  event: EventFeatures,
  candidates: readonly CandidateMember[],
  options: StoryOptions = {},
): StoryLink | null {
  const { threshold } = { ...STORY_DEFAULTS, ...options }
  const blocked = new Set<string>()
  for (const c of candidates) if (c.features.articleId === event.articleId) blocked.add(c.storyId)
  let best: StoryLink | null = null
  for (const candidate of candidates) {
    if (blocked.has(candidate.storyId)) continue
    const features = compareEvents(event, candidate.features, options)
    if (!features || features.score < threshold) continue
    if (!best || features.score > best.features.score)
      best = { storyId: candidate.storyId, linkedTo: candidate.features.id, features }
  }
  return best
}

/** A new story's id: stable, derived from the event that started it. */
export function storyIdFor(eventId: string): string {
  return 's-' + sha256(eventId).slice(0, 12)
}

/**
 * Assign story keys (`event.key`) across a set of docs, in the given order, as
 * incremental ingest would. Pure apart from setting the keys; the store is not
 * involved. Doc ids stand in for article ids.
 */
export function clusterEvents(docs: Doc[], options: StoryOptions = {}): void {
  const members: CandidateMember[] = []
  for (const doc of docs) {
    const rows = eventRows(doc, doc.id)
    const events = doc.layers.events ?? []
    for (const [i, row] of rows.entries()) {
      const features = featuresOf({ ...row.record, storyId: null }, row.terms)
      const link = bestLink(features, members, options)
      const storyId = link ? link.storyId : storyIdFor(`${doc.id}:${i}`)
      events[i]!.key = storyId
      // Added at once: the same-article rule then keeps this doc's other events out of it.
      members.push({ storyId, features })
    }
  }
}

function clamp(value: number): number {
  return Math.max(0, Math.min(1, value))
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000
}

/** The story record for its current members. */
export function storyRecord(
  id: string,
  members: readonly StoredEvent[],
  createdAt: string,
  now: string,
): StoryRecord {
  const records = members.map((m) => m.record)
  const first = records[0]!
  const dates = records
    .map((r) => r.date ?? r.published)
    .filter((d): d is string => d !== null)
    .map((d) => d.slice(0, 10))
    .sort()
  const place = mostCommonPlace(records)
  const origins = distinctOrigins(members.map((m) => m.origin))
  const dateFrom = dates[0] ?? null
  return {
    id,
    title: [first.type, place?.name ?? null, dateFrom].filter(Boolean).join(' · '),
    type: first.type,
    acled: records.find((r) => r.acled)?.acled ?? null,
    dateFrom,
    dateTo: dates[dates.length - 1] ?? null,
    place,
    eventCount: records.length,
    articleCount: new Set(records.map((r) => r.articleId)).size,
    independentSources: origins.length,
    origins,
    createdAt,
    updatedAt: now,
  }
}

function mostCommonPlace(records: readonly EventRecord[]): PlaceRef | null {
  const counts = new Map<string, { place: PlaceRef; n: number }>()
  for (const r of records) {
    if (!r.place) continue
    const entry = counts.get(r.place.name) ?? { place: r.place, n: 0 }
    entry.n++
    counts.set(r.place.name, entry)
  }
  let best: { place: PlaceRef; n: number } | null = null
  for (const entry of counts.values()) if (!best || entry.n > best.n) best = entry
  return best?.place ?? null
}

/** Figures that disagree between the reports of one story: "killed: 12 (A) vs 9 (B)". */
export function storyDiscrepancies(
  storyId: string,
  members: readonly StoredEvent[],
  now: string,
): DiscrepancyRecord[] {
  const byKey = new Map<CountKey, DiscrepancyValue[]>()
  for (const { record, origin } of members) {
    for (const [key, value] of Object.entries(record.counts) as [CountKey, number][]) {
      const values = byKey.get(key) ?? []
      values.push({
        value,
        articleId: record.articleId,
        eventId: record.id,
        claimIndex: null,
        outlet: record.outlet,
        origin,
        text: record.text,
      })
      byKey.set(key, values)
    }
  }
  const out: DiscrepancyRecord[] = []
  for (const [key, values] of byKey) {
    if (new Set(values.map((v) => v.value)).size < 2) continue
    out.push({
      id: discrepancyId('count', storyId, key),
      kind: 'count',
      storyId,
      claimId: null,
      field: key,
      values,
      detectedAt: now,
      summary: `${key}: ${values.map((v) => `${v.value} (${v.outlet ?? v.origin})`).join(' vs ')}`,
    })
  }
  return out
}
