import { pageBounds, type ArticleRecord } from '../../store/store.js'
import type { RouteDeps } from '../app.js'
import { notFound } from '../route.js'
import { CatalogQuery, IdParams } from '../schemas.js'

export function registerCatalogRoutes({ table, ctx, catalog }: RouteDeps): void {
  table.add({
    method: 'GET',
    url: '/api/entities',
    summary: 'People, organisations and groups across articles, most mentioned first',
    tag: 'entities',
    query: CatalogQuery,
    handler: async ({ query }) => {
      const needle = query.q?.toLowerCase()
      const matching = (await catalog.entities())
        .filter((e) => !query.type || e.type === query.type.toUpperCase())
        .filter(
          (e) =>
            !needle ||
            e.name.toLowerCase().includes(needle) ||
            e.aliases.some((a) => a.toLowerCase().includes(needle)),
        )
        .sort((a, b) => b.articleCount - a.articleCount || b.mentionCount - a.mentionCount)
      const { limit, offset } = pageBounds(query)
      return { items: matching.slice(offset, offset + limit), total: matching.length }
    },
  })
  table.add({
    method: 'GET',
    url: '/api/entities/:id',
    summary: 'One entity (by key): its articles, quotes, claims and events',
    tag: 'entities',
    params: IdParams,
    handler: async ({ params }) => {
      const entity = await catalog.entity(params.id)
      if (!entity) throw notFound('entity', params.id)
      const quotes = []
      const claims = []
      const events = []
      const articles: ArticleRecord[] = []
      for (const articleId of entity.articleIds.slice(0, 200)) {
        const [doc, article] = await Promise.all([
          ctx.doc(articleId),
          ctx.store.getArticle(articleId),
        ])
        if (!doc || !article) continue
        articles.push(article)
        const ids = new Set(
          (doc.layers.entities ?? []).filter((e) => e.key === entity.key).map((e) => e.id),
        )
        for (const [index, quote] of (doc.layers.quotes ?? []).entries()) {
          if (quote.speaker && ids.has(quote.speaker)) {
            const text = quote.spans.map((s) => doc.text.slice(s.start, s.end)).join(' … ')
            quotes.push({ articleId, index, kind: quote.kind, text, title: article.title })
          }
        }
        for (const [index, claim] of (doc.layers.claims ?? []).entries()) {
          if (claim.claimantEntity && ids.has(claim.claimantEntity)) {
            const text = doc.text.slice(claim.start, claim.end)
            claims.push({ articleId, index, stance: claim.stance, text, title: article.title })
          }
        }
        for (const [index, event] of (doc.layers.events ?? []).entries()) {
          if (event.actors.some((a) => a.entity && ids.has(a.entity))) {
            events.push({
              id: `${articleId}:${index}`,
              articleId,
              type: event.type,
              date: event.date,
              text: doc.text.slice(event.start, event.end),
            })
          }
        }
      }
      const { articleIds: _ids, ...summary } = entity
      return { entity: summary, articles, quotes, claims, events }
    },
  })
  table.add({
    method: 'GET',
    url: '/api/places',
    summary: 'Places named across articles (locations and metonyms), most reported first',
    tag: 'places',
    query: CatalogQuery,
    handler: async ({ query }) => {
      const needle = query.q?.toLowerCase()
      const matching = (await catalog.places())
        .filter((p) => !query.type || p.country === query.type.toUpperCase())
        .filter((p) => !needle || p.name.toLowerCase().includes(needle))
        .sort((a, b) => b.articleCount - a.articleCount || b.mentionCount - a.mentionCount)
      const { limit, offset } = pageBounds(query)
      return { items: matching.slice(offset, offset + limit), total: matching.length }
    },
  })
  table.add({
    method: 'GET',
    url: '/api/places/:id',
    summary: 'One place: the articles that name it',
    tag: 'places',
    params: IdParams,
    handler: async ({ params }) => {
      const place = await catalog.place(params.id)
      if (!place) throw notFound('place', params.id)
      const articles = await Promise.all(
        place.articleIds.slice(0, 200).map((id) => ctx.store.getArticle(id)),
      )
      const { articleIds: _ids, ...summary } = place
      return { place: summary, articles: articles.filter((a) => a !== null) }
    },
  })
}
