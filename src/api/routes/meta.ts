import { z } from 'zod'
import type { RouteDeps } from '../app.js'
import { countryShapes } from '../vendor.js'

export function registerMetaRoutes({ table, ctx }: RouteDeps): void {
  table.add({
    method: 'GET',
    url: '/api/health',
    summary: 'Liveness: the store answers',
    tag: 'meta',
    response: z.object({ ok: z.boolean(), store: z.string() }),
    handler: async () => {
      await ctx.store.stats()
      return { ok: true, store: ctx.store.kind }
    },
  })
  table.add({
    method: 'GET',
    url: '/api/stats',
    summary: 'Counts of articles, events, stories, claims and corrections',
    tag: 'meta',
    handler: async () => {
      const stats = await ctx.store.stats()
      const corrections = (await ctx.review.listCorrections({ limit: 1 })).total
      return { ...stats, corrections }
    },
  })
  table.add({
    method: 'GET',
    url: '/api/geo/countries',
    summary: 'Natural Earth 1:110m country shapes (GeoJSON) for the map backdrop',
    tag: 'meta',
    handler: async ({ reply }) => {
      reply.header('cache-control', 'public, max-age=86400')
      return countryShapes()
    },
  })
}
