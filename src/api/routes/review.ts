import { randomBytes } from 'node:crypto'
import { z } from 'zod'
import type { Doc } from '../../core/record.js'
import type { RouteDeps } from '../app.js'
import { docFieldValue } from '../corrections.js'
import type { CorrectionKind, CorrectionRecord, Role, TokenRecord } from '../review-types.js'
import { ApiError, notFound } from '../route.js'
import {
  Correction,
  CorrectionBody,
  CorrectionsQuery,
  IdParams,
  Token,
  TokenBody,
  pageOf,
} from '../schemas.js'
import { createToken } from '../tokens.js'

const LAYER_OF: Record<Exclude<CorrectionKind, 'claim-status'>, 'quotes' | 'places' | 'events'> = {
  speaker: 'quotes',
  place: 'places',
  'event-type': 'events',
}

export function registerReviewRoutes(deps: RouteDeps): void {
  const { table, ctx } = deps
  table.add({
    method: 'POST',
    url: '/api/review/corrections',
    summary:
      'Correct a speaker, a place, an event type or a claim status; stored with who, when, before and after. Needs an editor token.',
    tag: 'review',
    auth: 'editor',
    body: CorrectionBody,
    response: Correction,
    handler: async ({ body, user, reply }) => {
      const author = user as TokenRecord
      const record = await correctionRecord(deps, body, author)
      await ctx.review.addCorrection(record)
      ctx.invalidate(record.articleId ?? undefined)
      reply.status(201)
      return record
    },
  })
  table.add({
    method: 'GET',
    url: '/api/review/corrections',
    summary: 'The review history: corrections oldest first, by article, claim or kind',
    tag: 'review',
    query: CorrectionsQuery,
    response: pageOf(Correction),
    handler: async ({ query }) =>
      ctx.review.listCorrections({
        ...(query.articleId !== undefined ? { articleId: query.articleId } : {}),
        ...(query.claimId !== undefined ? { claimId: query.claimId } : {}),
        ...(query.kind !== undefined ? { kind: query.kind as CorrectionKind } : {}),
        ...(query.limit !== undefined ? { limit: query.limit } : {}),
        ...(query.offset !== undefined ? { offset: query.offset } : {}),
      }),
  })
  table.add({
    method: 'GET',
    url: '/api/me',
    summary: 'Who the token belongs to and its role (checks a token)',
    tag: 'tokens',
    auth: 'viewer',
    response: Token,
    handler: async ({ user }) => user,
  })
  table.add({
    method: 'GET',
    url: '/api/tokens',
    summary: 'List tokens (never their secrets). Needs an admin token.',
    tag: 'tokens',
    auth: 'admin',
    response: z.object({ items: z.array(Token) }),
    handler: async () => ({ items: await ctx.review.listTokens() }),
  })
  table.add({
    method: 'POST',
    url: '/api/tokens',
    summary: 'Create a token; the secret is shown once. Needs an admin token.',
    tag: 'tokens',
    auth: 'admin',
    body: TokenBody,
    response: z.object({ token: z.string(), record: Token }),
    handler: async ({ body, reply }) => {
      const { secret, record } = await createToken(ctx.review, {
        name: body.name,
        role: body.role as Role,
      })
      reply.status(201)
      return { token: secret, record }
    },
  })
  table.add({
    method: 'DELETE',
    url: '/api/tokens/:id',
    summary: 'Revoke a token. Needs an admin token.',
    tag: 'tokens',
    auth: 'admin',
    params: IdParams,
    response: z.object({ revoked: z.string() }),
    handler: async ({ params }) => {
      const revoked = await ctx.review.revokeToken(params.id, new Date().toISOString())
      if (!revoked) throw notFound('live token', params.id)
      return { revoked: params.id }
    },
  })
}

/** The record of a correction: the target must exist, and "before" is its current value. */
async function correctionRecord(
  { ctx }: RouteDeps,
  body: CorrectionBody,
  user: TokenRecord,
): Promise<CorrectionRecord> {
  const base = {
    id: 'r-' + randomBytes(8).toString('hex'),
    kind: body.kind,
    by: user.name,
    role: user.role,
    at: new Date().toISOString(),
    note: body.note ?? null,
  }
  if (body.kind === 'claim-status') {
    const cluster = await ctx.store.getClaimCluster(body.claimId)
    if (!cluster) throw notFound('claim', body.claimId)
    const [current] = await ctx.clusters([cluster])
    refuseNoChange(body.kind, current?.status ?? cluster.status, body.status)
    return {
      ...base,
      articleId: null,
      index: null,
      claimId: body.claimId,
      before: current?.status ?? cluster.status,
      after: body.status,
    }
  }
  const doc: Doc | null = await ctx.doc(body.articleId)
  if (!doc) throw notFound('article', body.articleId)
  const before = docFieldValue(doc, body.kind, body.index)
  if (before === undefined) {
    const count = doc.layers[LAYER_OF[body.kind]]?.length ?? 0
    throw new ApiError(
      400,
      'bad_request',
      `invalid request: body.index: article "${body.articleId}" has ${count} ${LAYER_OF[body.kind]}, so index ${body.index} does not exist`,
    )
  }
  const after =
    body.kind === 'speaker' ? body.speaker : body.kind === 'place' ? body.place : body.type
  refuseNoChange(body.kind, before, after)
  return { ...base, articleId: body.articleId, index: body.index, claimId: null, before, after }
}

/** A correction that changes nothing would only add noise to the audit trail. */
function refuseNoChange(kind: CorrectionKind, before: unknown, after: unknown): void {
  if (JSON.stringify(before) !== JSON.stringify(after)) return
  throw new ApiError(
    400,
    'bad_request',
    `nothing to correct: the ${kind} is already ${JSON.stringify(after)}`,
  )
}
