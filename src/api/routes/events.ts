import { z } from 'zod'
import type { RouteDeps } from '../app.js'
import { facet, mapEvents, searchHits } from '../events.js'
import { notFound } from '../route.js'
import {
  ArticleRecord,
  Correction,
  EventRecord,
  EventsQuery,
  IdParams,
  MapEvent,
  SearchQuery,
} from '../schemas.js'

/** How many hits search looks at to count facets. */
const FACET_WINDOW = 1000

export function registerEventRoutes({ table, ctx }: RouteDeps): void {
  table.add({
    method: 'GET',
    url: '/api/events',
    summary: 'Events for the map and timeline, filtered; each with its place precision',
    tag: 'events',
    query: EventsQuery,
    response: z.object({ items: z.array(MapEvent), total: z.number() }),
    handler: async ({ query }) => {
      const items = await mapEvents(ctx, query, query.limit ?? 2000)
      return { items, total: items.length }
    },
  })
  table.add({
    method: 'GET',
    url: '/api/events/:id',
    summary: 'One event (corrected) and the corrections of its article',
    tag: 'events',
    params: IdParams,
    response: z.object({ event: EventRecord, corrections: z.array(Correction) }),
    handler: async ({ params }) => {
      const event = await ctx.store.getEvent(params.id)
      if (!event) throw notFound('event', params.id)
      const corrections = (await ctx.corrections(event.articleId)).filter(
        (c) => c.kind !== 'speaker',
      )
      return { event: await ctx.event(event), corrections }
    },
  })
  table.add({
    method: 'GET',
    url: '/api/search',
    summary: 'Full-text search with facets: type, actor, country, date range, status, near a point',
    tag: 'search',
    query: SearchQuery,
    response: z.object({
      items: z.array(
        z.object({
          article: ArticleRecord,
          snippet: z.string(),
          events: z.array(EventRecord),
          rank: z.number(),
        }),
      ),
      total: z.number(),
      facets: z.record(z.string(), z.record(z.string(), z.number())),
    }),
    handler: async ({ query }) => {
      const hits = await searchHits(ctx, query, FACET_WINDOW)
      const offset = query.offset ?? 0
      const events = hits.flatMap((h) => h.events)
      return {
        items: hits.slice(offset, offset + (query.limit ?? 50)),
        total: hits.length,
        facets: {
          type: facet(events, (e) => e.type),
          country: facet(events, (e) => e.place?.country ?? null),
          status: facet(events, (e) => e.status),
          outlet: facet(events, (e) => e.outlet),
        },
      }
    },
  })
}
