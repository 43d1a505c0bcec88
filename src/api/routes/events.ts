import { z } from 'zod'
import type { RouteDeps } from '../app.js'
import { facet, mapEvents, searchPage } from '../events.js'
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

/**
 * How many of the best hits search counts facets over: a bounded window, read from the
 * events table alone (the counts describe the top of the ranking, not every match).
 */
const FACET_WINDOW = 500

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
      const { hits, total, window } = await searchPage(ctx, query, {
        offset: query.offset ?? 0,
        limit: query.limit ?? 50,
        window: FACET_WINDOW,
      })
      return {
        items: hits,
        total,
        facets: {
          type: facet(window, (e) => e.type),
          country: facet(window, (e) => e.country),
          status: facet(window, (e) => e.status),
          outlet: facet(window, (e) => e.outlet),
        },
      }
    },
  })
}
