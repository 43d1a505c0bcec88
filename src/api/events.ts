/**
 * Event listings for the map, the timeline and search. The Store filters and
 * ranks (store.search, store.listEvents); corrections are applied here, so an
 * article with corrections that may change an event's type or country is
 * exempt from those Store filters and re-checked after its corrections.
 */
import type { EventStatus, PloverType } from '../core/record.js'
import {
  MAX_PAGE,
  type ClaimStatus,
  type EventFacets,
  type EventRecord,
  type ListedEvent,
  type SearchHit,
  type SearchQuery,
} from '../store/store.js'
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

/** The most events one map request returns. */
export const MAX_MAP_EVENTS = 5000

/** The Store query of a filter; `exempt` articles skip its type and country conditions. */
function storeQuery(filter: EventFilter, exempt: string[]): SearchQuery {
  return {
    ...(filter.q ? { text: filter.q } : {}),
    ...(filter.type ? { type: filter.type } : {}),
    ...(filter.country ? { country: filter.country } : {}),
    ...(filter.actor ? { actor: filter.actor } : {}),
    ...(filter.from ? { from: filter.from } : {}),
    ...(filter.to ? { to: filter.to } : {}),
    ...(filter.near ? { near: filter.near } : {}),
    ...(filter.status ? { status: filter.status as EventStatus | ClaimStatus } : {}),
    ...(exempt.length ? { exempt } : {}),
  }
}

/** Articles whose corrections may move an event in or out of the type and country filters. */
async function exemptArticles(ctx: AppContext, filter: EventFilter): Promise<string[]> {
  if (!filter.type && !filter.country) return []
  return ctx.correctedArticles(['event-type', 'place'])
}

function eventFiltered(filter: EventFilter): boolean {
  return Boolean(
    filter.type || filter.country || filter.actor || filter.from || filter.to || filter.near,
  )
}

export interface SearchResult {
  hits: SearchHit[]
  total: number
  /** The matching events (facet fields, corrected) of the first `window` hits. */
  window: EventFacets[]
}

/**
 * One page of search hits, events corrected and filtered, with the facet window. Hits an
 * exempt article's corrections drop are replaced from further down the ranking.
 */
export async function searchPage(
  ctx: AppContext,
  filter: EventFilter,
  page: { offset: number; limit: number; window: number },
): Promise<SearchResult> {
  const exempt = await exemptArticles(ctx, filter)
  // At most one hit per exempt article can be dropped: ask for that many more, from the start.
  const offset = exempt.length ? 0 : page.offset
  const limit = Math.min(
    MAX_PAGE,
    exempt.length ? page.offset + page.limit + exempt.length : page.limit,
  )
  const result = await ctx.store.search({
    ...storeQuery(filter, exempt),
    offset,
    limit,
    window: page.window,
  })
  const hits: SearchHit[] = []
  let dropped = 0
  for (const hit of result.items) {
    const events = (await ctx.events(hit.events)).filter((e) => matches(e, filter))
    if (eventFiltered(filter) && events.length === 0) {
      dropped++
      continue
    }
    hits.push({ ...hit, events })
  }
  return {
    hits: exempt.length ? hits.slice(page.offset, page.offset + page.limit) : hits,
    total: Math.max(0, result.total - dropped),
    window: await correctedFacets(ctx, result.windowEvents ?? [], filter),
  }
}

/** Facet fields with the corrections of their articles applied (few articles have any). */
async function correctedFacets(
  ctx: AppContext,
  rows: EventFacets[],
  filter: EventFilter,
): Promise<EventFacets[]> {
  const out: EventFacets[] = []
  for (const row of rows) {
    if ((await ctx.corrections(row.articleId)).length === 0) {
      out.push(row)
      continue
    }
    const stored = await ctx.store.getEvent(`${row.articleId}:${row.index}`)
    if (!stored) continue
    const event = await ctx.event(stored)
    if (!matches(event, filter)) continue
    out.push({ ...row, type: event.type, country: event.place?.country ?? null })
  }
  return out
}

function matches(event: EventRecord, filter: EventFilter): boolean {
  if (filter.type && event.type !== filter.type) return false
  if (filter.country && event.place?.country?.toUpperCase() !== filter.country) return false
  return true
}

/** Events for the map, with the precision of their place and the article title; at most `max`. */
export async function mapEvents(
  ctx: AppContext,
  filter: EventFilter,
  max: number,
): Promise<MapEvent[]> {
  const exempt = await exemptArticles(ctx, filter)
  // Exempt articles' events may fail the re-check: widen the request until enough pass.
  for (let limit = Math.min(MAX_MAP_EVENTS, max + exempt.length); ;) {
    const rows = await ctx.store.listEvents({ ...storeQuery(filter, exempt), limit })
    const out: MapEvent[] = []
    for (const row of rows) {
      const event = await mapEvent(ctx, row)
      if (event && matches(event, filter)) out.push(event)
      if (out.length >= max) return out
    }
    if (rows.length < limit || limit >= MAX_MAP_EVENTS) return out
    limit = Math.min(MAX_MAP_EVENTS, limit * 2)
  }
}

/** A listed event as the map shows it; an article with corrections is read from its (corrected) doc. */
async function mapEvent(ctx: AppContext, row: ListedEvent): Promise<MapEvent | null> {
  const corrections = await ctx.corrections(row.event.articleId)
  if (corrections.length === 0) {
    return { ...row.event, precision: row.precision, title: row.title, corrected: false }
  }
  const event = await ctx.event(row.event)
  const { precision, placeIndex } = await ctx.placeOf(event)
  return {
    ...event,
    precision,
    title: row.title,
    corrected: corrections.some(
      (c) =>
        (c.kind === 'event-type' && c.index === event.index) ||
        (c.kind === 'place' && c.index === placeIndex),
    ),
  }
}

/** Counts of a key over events, for search facets. */
export function facet<T>(events: T[], key: (e: T) => string | null) {
  const counts: Record<string, number> = {}
  for (const event of events) {
    const value = key(event)
    if (value) counts[value] = (counts[value] ?? 0) + 1
  }
  return counts
}
