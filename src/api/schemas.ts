/** The zod schemas of the API: request validation and the OpenAPI document come from these. */
import { z } from 'zod'
import { PLOVER_TYPES } from '../core/record.js'
import { CLAIM_STATUSES, MAX_PAGE } from '../store/store.js'
import { CORRECTION_KINDS, ROLES } from './review-types.js'

export { PLOVER_TYPES }
export const EVENT_STATUSES = ['happened', 'negated', 'hypothetical', 'future'] as const

export const PloverType = z.enum(PLOVER_TYPES)
export const ClaimStatus = z.enum(CLAIM_STATUSES as [string, ...string[]])
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD')
  .describe('ISO date YYYY-MM-DD')

export const IdParams = z.object({ id: z.string().min(1).max(300) })

export const Paging = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).optional().describe('page size'),
  offset: z.coerce.number().int().min(0).optional().describe('items to skip'),
})

/** "lat,lon,km": events within km of a point. */
export const Near = z
  .string()
  .transform((value, ctx) => {
    const parts = value.split(',').map((p) => Number(p.trim()))
    const [lat, lon, km] = parts
    const valid =
      parts.length === 3 &&
      parts.every((p) => Number.isFinite(p)) &&
      Math.abs(lat as number) <= 90 &&
      Math.abs(lon as number) <= 180 &&
      (km as number) > 0
    if (!valid) {
      ctx.addIssue({
        code: 'custom',
        message: 'expected "lat,lon,km" with -90<=lat<=90, -180<=lon<=180 and km>0',
      })
      return z.NEVER
    }
    return { lat: lat as number, lon: lon as number, km: km as number }
  })
  .describe('events near a point: "lat,lon,km"')

export const EventFilters = z.object({
  type: PloverType.optional().describe('PLOVER event type'),
  actor: z.string().max(200).optional().describe('substring of an actor name'),
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'expected an ISO 3166-1 alpha-2 code such as UA')
    .transform((c) => c.toUpperCase())
    .optional()
    .describe('ISO country code of the event place'),
  from: isoDate.optional(),
  to: isoDate.optional(),
  status: z
    .enum([...EVENT_STATUSES, ...CLAIM_STATUSES] as [string, ...string[]])
    .optional()
    .describe('event status or claim status'),
  near: Near.optional(),
})

export const SearchQuery = EventFilters.extend({
  q: z.string().max(500).optional().describe('words to find in titles and texts'),
}).merge(Paging)

export const EventsQuery = EventFilters.extend({
  q: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(5000).optional(),
})

export const ArticlesQuery = Paging.extend({
  outlet: z.string().max(200).optional(),
  allVersions: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
})

export const StoriesQuery = Paging.extend({
  type: PloverType.optional(),
  minArticles: z.coerce.number().int().min(1).optional(),
})

export const ClaimsQuery = Paging.extend({ status: ClaimStatus.optional() })

export const CatalogQuery = Paging.extend({
  q: z.string().max(200).optional().describe('substring of the name'),
  type: z.string().max(20).optional(),
})

export const ExportQuery = z.object({
  format: z.enum(['jsonl', 'geojson', 'csv', 'claims']).describe('export format'),
})

const SpeakerCorrection = z.object({
  kind: z.literal('speaker'),
  articleId: z.string().min(1),
  index: z.number().int().min(0).describe('index into the article quotes'),
  speaker: z.string().trim().min(1).max(200).nullable().describe('speaker name, null = anonymous'),
  note: z.string().max(1000).optional(),
})
const PlaceCorrection = z.object({
  kind: z.literal('place'),
  articleId: z.string().min(1),
  index: z.number().int().min(0).describe('index into the article places'),
  place: z.object({
    name: z.string().trim().min(1).max(200),
    lat: z.number().min(-90).max(90).nullable(),
    lon: z.number().min(-180).max(180).nullable(),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 code such as UA')
      .nullable(),
  }),
  note: z.string().max(1000).optional(),
})
const EventTypeCorrection = z.object({
  kind: z.literal('event-type'),
  articleId: z.string().min(1),
  index: z.number().int().min(0).describe('index into the article events'),
  type: PloverType,
  note: z.string().max(1000).optional(),
})
const ClaimStatusCorrection = z.object({
  kind: z.literal('claim-status'),
  claimId: z.string().min(1),
  status: ClaimStatus,
  note: z.string().max(1000).optional(),
})
export const CorrectionBody = z.discriminatedUnion('kind', [
  SpeakerCorrection,
  PlaceCorrection,
  EventTypeCorrection,
  ClaimStatusCorrection,
])
export type CorrectionBody = z.infer<typeof CorrectionBody>

export const CorrectionsQuery = Paging.extend({
  articleId: z.string().optional(),
  claimId: z.string().optional(),
  kind: z.enum(CORRECTION_KINDS as [string, ...string[]]).optional(),
})

export const Role = z.enum(ROLES as [string, ...string[]])
export const TokenBody = z.object({
  name: z.string().trim().min(1).max(100),
  role: Role,
})

export const IngestQuery = z.object({
  outlet: z.string().max(200).optional(),
  published: isoDate.optional(),
  title: z.string().max(1000).optional(),
  url: z.string().url().max(2000).optional(),
  id: z.string().max(200).optional(),
})

// ---------------------------------------------------------------- responses (documented)

const PlaceRef = z.object({
  name: z.string(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  country: z.string().nullable(),
})

export const ArticleRecord = z.object({
  id: z.string(),
  version: z.number(),
  url: z.string().nullable(),
  outlet: z.string().nullable(),
  published: z.string().nullable(),
  title: z.string().nullable(),
  language: z.string().nullable(),
  ingestedAt: z.string(),
  copyOf: z.string().nullable(),
  origin: z.string(),
  counts: z.record(z.string(), z.number()),
})

export const EventRecord = z.object({
  id: z.string(),
  articleId: z.string(),
  index: z.number(),
  type: PloverType,
  acled: z.string().nullable(),
  date: z.string().nullable(),
  datePrecision: z.string().nullable(),
  place: PlaceRef.nullable(),
  actors: z.array(z.string()),
  counts: z.record(z.string(), z.number()),
  status: z.string(),
  claimedBy: z.string().nullable(),
  text: z.string(),
  storyId: z.string().nullable(),
  outlet: z.string().nullable(),
  published: z.string().nullable(),
})

export const MapEvent = EventRecord.extend({
  precision: z.number().nullable().describe('ACLED geo precision of the place (1 town … 3 region)'),
  title: z.string().nullable(),
  corrected: z.boolean(),
})

export const StoryRecord = z.object({
  id: z.string(),
  title: z.string(),
  type: PloverType,
  dateFrom: z.string().nullable(),
  dateTo: z.string().nullable(),
  place: PlaceRef.nullable(),
  eventCount: z.number(),
  articleCount: z.number(),
  independentSources: z.number(),
  origins: z.array(z.string()),
})

export const ClaimCluster = z.object({
  id: z.string(),
  text: z.string(),
  claimant: z.string().nullable(),
  status: ClaimStatus,
  statusDate: z.string(),
  articleCount: z.number(),
  independentSources: z.number(),
  firstSeen: z.string(),
  lastSeen: z.string(),
})

export const Correction = z.object({
  id: z.string(),
  kind: z.enum(CORRECTION_KINDS as [string, ...string[]]),
  articleId: z.string().nullable(),
  index: z.number().nullable(),
  claimId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  by: z.string(),
  role: Role,
  at: z.string(),
  note: z.string().nullable(),
})

export const Token = z.object({
  id: z.string(),
  name: z.string(),
  role: Role,
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
})

export const pageOf = (item: z.ZodType) => z.object({ items: z.array(item), total: z.number() })
