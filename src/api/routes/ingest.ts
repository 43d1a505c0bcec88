import { z } from 'zod'
import type { RouteDeps } from '../app.js'
import type { IngestOutcome } from '../context.js'
import { INGEST_TYPES, parseIngestBody } from '../ingest.js'
import { ApiError } from '../route.js'
import { IngestQuery } from '../schemas.js'

export function registerIngestRoutes({
  table,
  ctx,
  ingest,
  extract,
  ingestLimit,
}: RouteDeps): void {
  table.add({
    method: 'POST',
    url: '/api/ingest',
    summary:
      'Ingest articles: plain text, HTML, one JSON article (or an array) or JSON Lines. Needs an editor token.',
    tag: 'ingest',
    auth: 'editor',
    bodyLimit: ingestLimit,
    query: IngestQuery,
    consumes: [INGEST_TYPES.text, INGEST_TYPES.html, INGEST_TYPES.jsonl],
    response: z.object({
      stored: z.number(),
      duplicates: z.number(),
      errors: z.number(),
      items: z.array(z.record(z.string(), z.unknown())),
    }),
    handler: async ({ query, request, reply }) => {
      const contentType = request.headers['content-type'] ?? INGEST_TYPES.text
      const items = parseIngestBody(contentType, request.body, query)
      const outcomes: IngestOutcome[] = []
      const docs = []
      for (const item of items) {
        if (item.kind === 'error') {
          outcomes.push({
            id: null,
            status: 'error',
            where: item.where,
            code: item.code,
            message: item.message,
          })
        } else {
          docs.push(await extract(item.article))
        }
      }
      if (docs.length > 0) {
        outcomes.push(...(await ingest(docs)))
        ctx.invalidate()
      }
      const count = (status: string) => outcomes.filter((o) => o.status === status).length
      if (docs.length === 0) {
        const first = outcomes[0]
        throw new ApiError(
          400,
          'bad_request',
          first && first.status === 'error'
            ? `nothing ingested: ${first.message}`
            : 'nothing to ingest',
        )
      }
      reply.status(count('stored') > 0 ? 201 : 200)
      return {
        stored: count('stored'),
        duplicates: count('duplicate'),
        errors: count('error'),
        items: outcomes,
      }
    },
  })
}
