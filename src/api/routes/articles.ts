import { z } from 'zod'
import type { RouteDeps } from '../app.js'
import { notFound } from '../route.js'
import { ArticleRecord, ArticlesQuery, Correction, IdParams, pageOf } from '../schemas.js'

export function registerArticleRoutes({ table, ctx }: RouteDeps): void {
  table.add({
    method: 'GET',
    url: '/api/articles',
    summary: 'List articles, newest ingest last',
    tag: 'articles',
    query: ArticlesQuery,
    response: pageOf(ArticleRecord),
    handler: async ({ query }) =>
      ctx.store.listArticles({
        ...(query.limit !== undefined ? { limit: query.limit } : {}),
        ...(query.offset !== undefined ? { offset: query.offset } : {}),
        ...(query.outlet !== undefined ? { outlet: query.outlet } : {}),
        ...(query.allVersions !== undefined ? { allVersions: query.allVersions } : {}),
      }),
  })
  table.add({
    method: 'GET',
    url: '/api/articles/:id',
    summary:
      'One article: its record, its doc with corrections applied, the corrections, versions and reprints',
    tag: 'articles',
    params: IdParams,
    response: z.object({
      article: ArticleRecord,
      doc: z.record(z.string(), z.unknown()),
      corrections: z.array(Correction),
      versions: z.array(ArticleRecord),
      reprints: z.array(ArticleRecord),
    }),
    handler: async ({ params }) => {
      const article = await ctx.store.getArticle(params.id)
      if (!article) throw notFound('article', params.id)
      const [doc, corrections, versions, reprints] = await Promise.all([
        ctx.doc(params.id),
        ctx.corrections(params.id),
        ctx.store.articleVersions(params.id),
        ctx.store.reprintsOf(params.id),
      ])
      return { article, doc, corrections, versions, reprints }
    },
  })
}
