import { MAX_PAGE, pageBounds, type ClaimStatus } from '../../store/store.js'
import type { RouteDeps } from '../app.js'
import { notFound } from '../route.js'
import { ClaimCluster, ClaimsQuery, IdParams, pageOf } from '../schemas.js'

export function registerClaimRoutes({ table, ctx }: RouteDeps): void {
  table.add({
    method: 'GET',
    url: '/api/claims',
    summary: 'Claim clusters (status corrected by review), filtered by status',
    tag: 'claims',
    query: ClaimsQuery,
    response: pageOf(ClaimCluster),
    handler: async ({ query }) => {
      const { limit, offset } = pageBounds(query)
      if (query.status === undefined) {
        const page = await ctx.store.listClaimClusters({ limit, offset })
        return { items: await ctx.clusters(page.items), total: page.total }
      }
      // A reviewed status may differ from the stored one, so filter after correcting.
      const all = await ctx.store.listClaimClusters({ limit: MAX_PAGE })
      const matching = (await ctx.clusters(all.items)).filter(
        (c) => c.status === (query.status as ClaimStatus),
      )
      return { items: matching.slice(offset, offset + limit), total: matching.length }
    },
  })
  table.add({
    method: 'GET',
    url: '/api/claims/:id',
    summary: 'One claim cluster: members, status history, discrepancies and review history',
    tag: 'claims',
    params: IdParams,
    handler: async ({ params }) => {
      const cluster = await ctx.store.getClaimCluster(params.id)
      if (!cluster) throw notFound('claim', params.id)
      const corrections = await ctx.claimCorrections(params.id)
      const [corrected] = await ctx.clusters([cluster])
      return { ...corrected, corrections }
    },
  })
}
