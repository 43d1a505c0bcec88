/**
 * Event listings for the map, the timeline and search. The Store has no
 * "list events" read, so this walks `store.search` (which returns each hit's
 * matching events) page by page and filters what the Store cannot: the
 * country, and the corrected event type.
 */
import type { EventStatus, PloverType } from '../core/record.js'
import { MAX_PAGE, type ClaimStatus, type EventRecord, type SearchHit } from '../store/store.js'
import type { AppContext } from './context.js'

export interface EventFilter {
  q?: string | undefined
  type?: PloverType | undefined
  actor?: string | undefined
  country?: string | undefined
  from?: string | undefined
  to?: string | undefined
  status?: string | undefined
  near?: { lat: number; lon: number; km: number } | undefined
}

export interface MapEvent extends EventRecord {
  precision: 1 | 2 | 3 | null
  title: string | null
  corrected: boolean
}

/** Search hits matching the filter, events corrected and filtered; at most `max` hits. */
export async function searchHits(
  ctx: AppContext,
  filter: EventFilter,
  max: number,
): Promise<SearchHit[]> {
  const hits: SearchHit[] = []
  // The type filter is applied after corrections, so a corrected type is found by its new value.
  const query = {
    ...(filter.q ? { text: filter.q } : {}),
    ...(filter.actor ? { actor: filter.actor } : {}),
    ...(filter.from ? { from: filter.from } : {}),
    ...(filter.to ? { to: filter.to } : {}),
    ...(filter.near ? { near: filter.near } : {}),
    ...(filter.status ? { status: filter.status as EventStatus | ClaimStatus } : {}),
  }
  const eventFiltered = Boolean(
    filter.type || filter.country || filter.actor || filter.from || filter.to || filter.near,
  )
  for (let offset = 0; hits.length < max; offset += MAX_PAGE) {
    const page = await ctx.store.search({ ...query, limit: MAX_PAGE, offset })
    for (const hit of page.items) {
      const events = (await ctx.events(hit.events)).filter((e) => matches(e, filter))
      if (eventFiltered && events.length === 0) continue
      hits.push({ ...hit, events })
      if (hits.length >= max) break
    }
    if (offset + MAX_PAGE >= page.total) break
  }
  return hits
}

function matches(event: EventRecord, filter: EventFilter): boolean {
  if (filter.type && event.type !== filter.type) return false
  if (filter.country && event.place?.country?.toUpperCase() !== filter.country) return false
  return true
}

/** Events for the map, with the precision of their place (from the doc) and the article title. */
export async function mapEvents(
  ctx: AppContext,
  filter: EventFilter,
  max: number,
): Promise<MapEvent[]> {
  const out: MapEvent[] = []
  for (const hit of await searchHits(ctx, filter, max)) {
    const corrections = await ctx.corrections(hit.article.id)
    for (const event of hit.events) {
      const { precision, placeIndex } = await ctx.placeOf(event)
      out.push({
        ...event,
        precision,
        title: hit.article.title,
        corrected: corrections.some(
          (c) =>
            (c.kind === 'event-type' && c.index === event.index) ||
            (c.kind === 'place' && c.index === placeIndex),
        ),
      })
      if (out.length >= max) return out
    }
  }
  return out
}

/** Counts of a key over events, for search facets. */
export function facet(events: EventRecord[], key: (e: EventRecord) => string | null) {
  const counts: Record<string, number> = {}
  for (const event of events) {
    const value = key(event)
    if (value) counts[value] = (counts[value] ?? 0) + 1
  }
  return counts
}
