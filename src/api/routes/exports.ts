import { Readable } from 'node:stream'
import type { Doc } from '../../core/record.js'
import { MAX_PAGE } from '../../store/store.js'
import type { RouteDeps } from '../app.js'
import type { AppContext } from '../context.js'
import { eventPlaceIndex } from '../corrections.js'
import { eventRecords } from '../ingest.js'
import { ExportQuery } from '../schemas.js'

const CONTENT_TYPES = {
  jsonl: 'application/x-ndjson; charset=utf-8',
  geojson: 'application/geo+json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  claims: 'application/json; charset=utf-8',
} as const

export function registerExportRoutes({ table, ctx }: RouteDeps): void {
  table.add({
    method: 'GET',
    url: '/api/export',
    summary:
      'Export with corrections applied: jsonl (docs with their review history), geojson and csv (events), claims (clusters with history)',
    tag: 'exports',
    query: ExportQuery,
    produces: 'application/octet-stream',
    handler: async ({ query, reply }) => {
      const format = query.format
      reply.header('content-type', CONTENT_TYPES[format])
      reply.header(
        'content-disposition',
        `attachment; filename="sitrep-export.${format === 'claims' ? 'json' : format}"`,
      )
      if (format === 'claims') return claimsExport(ctx)
      const lines =
        format === 'jsonl' ? jsonlLines(ctx) : format === 'csv' ? csvLines(ctx) : geojsonLines(ctx)
      return reply.send(Readable.from(lines))
    },
  })
}

/** Current docs, each corrected, streamed one page at a time. */
async function* correctedDocs(
  ctx: AppContext,
): AsyncGenerator<{ doc: Doc; corrections: unknown[] }> {
  for await (const raw of ctx.store.iterateDocs(200)) {
    const corrections = await ctx.corrections(raw.id)
    const doc = corrections.length ? ((await ctx.doc(raw.id)) ?? raw) : raw
    yield { doc, corrections }
  }
}

async function* jsonlLines(ctx: AppContext): AsyncGenerator<string> {
  for await (const { doc, corrections } of correctedDocs(ctx)) {
    yield JSON.stringify({ ...doc, review: { corrections } }) + '\n'
  }
}

const CSV_COLUMNS = [
  'event_id',
  'article_id',
  'event_date',
  'date_precision',
  'plover_type',
  'acled_type',
  'actors',
  'location',
  'country',
  'latitude',
  'longitude',
  'geo_precision',
  'killed',
  'injured',
  'captured',
  'status',
  'claimed_by',
  'outlet',
  'published',
  'corrected',
  'text',
]

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return ''
  const text = String(value)
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

async function* csvLines(ctx: AppContext): AsyncGenerator<string> {
  yield CSV_COLUMNS.join(',') + '\n'
  for await (const { doc, corrections } of correctedDocs(ctx)) {
    for (const event of eventRecords(doc)) {
      const placeIndex = eventPlaceIndex(doc, event)
      const place = placeIndex === null ? undefined : doc.layers.places?.[placeIndex]
      const corrected = (corrections as { kind: string; index: number | null }[]).some(
        (c) =>
          (c.kind === 'event-type' && c.index === event.index) ||
          (c.kind === 'place' && c.index === placeIndex),
      )
      const row = [
        event.id,
        event.articleId,
        event.date,
        event.datePrecision,
        event.type,
        event.acled,
        event.actors.join('; '),
        event.place?.name,
        event.place?.country,
        event.place?.lat,
        event.place?.lon,
        place?.precision,
        event.counts.killed,
        event.counts.injured,
        event.counts.captured,
        event.status,
        event.claimedBy,
        event.outlet,
        event.published,
        corrected,
        event.text,
      ]
      yield row.map(csvCell).join(',') + '\n'
    }
  }
}

async function* geojsonLines(ctx: AppContext): AsyncGenerator<string> {
  yield '{"type":"FeatureCollection","features":['
  let first = true
  for await (const { doc } of correctedDocs(ctx)) {
    for (const event of eventRecords(doc)) {
      if (event.place?.lat == null || event.place.lon == null) continue
      const feature = {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [event.place.lon, event.place.lat] },
        properties: { ...event, place: event.place.name, country: event.place.country },
      }
      yield (first ? '' : ',') + JSON.stringify(feature)
      first = false
    }
  }
  yield ']}\n'
}

async function claimsExport(ctx: AppContext) {
  const clusters = []
  for (let offset = 0; ; offset += MAX_PAGE) {
    const page = await ctx.store.listClaimClusters({ limit: MAX_PAGE, offset })
    for (const item of page.items) {
      const detail = await ctx.store.getClaimCluster(item.id)
      if (!detail) continue
      const corrections = await ctx.claimCorrections(item.id)
      const [corrected] = await ctx.clusters([detail])
      clusters.push({ ...corrected, review: { corrections } })
    }
    if (offset + MAX_PAGE >= page.total) break
  }
  return { claims: clusters }
}
