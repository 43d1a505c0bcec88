import { z } from 'zod'
import { articleToDoc } from '../../ingest/article.js'
import type { RouteDeps } from '../app.js'
import type { IngestEntry } from '../context.js'
import { INGEST_TYPES, parseIngestBody } from '../ingest.js'
import { ApiError } from '../route.js'
import { IngestQuery } from '../schemas.js'

export function registerIngestRoutes({ table, ctx, ingest, ingestLimit }: RouteDeps): void {
  table.add({
    method: 'POST',
    url: '/api/ingest',
    summary:
      'Ingest articles: plain text, HTML, one JSON article (or an array) or JSON Lines. Idempotent: a text seen before is "unchanged". Needs an editor token.',
    tag: 'ingest',
    auth: 'editor',
    bodyLimit: ingestLimit,
    query: IngestQuery,
    consumes: [INGEST_TYPES.text, INGEST_TYPES.html, INGEST_TYPES.jsonl],
    response: z.object({
      added: z.number(),
      unchanged: z.number(),
      versions: z.number(),
      errors: z.array(z.object({ where: z.string(), message: z.string() })),
      articles: z.array(z.object({ where: z.string(), id: z.string() })),
    }),
    handler: async ({ query, request, reply }) => {
      const contentType = request.headers['content-type'] ?? INGEST_TYPES.text
      const items = parseIngestBody(contentType, request.body, query)
      const entries: IngestEntry[] = []
      const errors: { where: string; message: string }[] = []
      for (const item of items) {
        if (item.kind === 'error') errors.push({ where: item.where, message: item.message })
        else entries.push({ article: item.article, where: item.where })
      }
      if (entries.length === 0) {
        const first = errors[0]
        throw new ApiError(
          400,
          'bad_request',
          `nothing ingested: ${first?.message ?? 'empty body'}`,
        )
      }
      const report = await ingest(entries)
      ctx.invalidate()
      reply.status(report.added + report.versions > 0 ? 201 : 200)
      return {
        ...report,
        errors: [...errors, ...report.errors],
        // The id each article gets as a first version (a new version of a URL gets "~vN").
        articles: entries.map(({ article, where }) => ({ where, id: articleToDoc(article).id })),
      }
    },
  })
}
