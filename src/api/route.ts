/**
 * Schema-first routes: each route declares zod schemas for its params, query and
 * body; the same declarations validate requests (400 with what was wrong) and
 * become the OpenAPI document at /openapi.json, so the two cannot drift.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { roleAllows, type Role, type TokenRecord } from './review-types.js'

export interface RouteInput<P, Q, B> {
  params: P
  query: Q
  body: B
  /** The token holder, when the request carried a valid token. */
  user: TokenRecord | null
  request: FastifyRequest
  reply: FastifyReply
}

export interface RouteSpec<P = unknown, Q = unknown, B = unknown> {
  method: 'GET' | 'POST' | 'DELETE'
  url: string
  summary: string
  tag: string
  params?: z.ZodType<P>
  query?: z.ZodType<Q>
  body?: z.ZodType<B>
  /** Non-JSON request bodies this route reads (documented; parsing is by content type). */
  consumes?: string[]
  /** The documented 200 response. */
  response?: z.ZodType
  /** Content type of the response when it is not JSON. */
  produces?: string
  /** Largest body in bytes, when it differs from the app's. */
  bodyLimit?: number
  /** Role a token needs; reads need none unless the app is private. */
  auth?: Role
  handler(input: RouteInput<P, Q, B>): Promise<unknown>
}

/** A user-facing API error: status, stable code and a message that says what was wrong. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly issues?: { path: string; message: string }[],
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

export const notFound = (what: string, id: string): ApiError =>
  new ApiError(404, 'not_found', `no ${what} with id "${id}"`)

export type Authenticate = (request: FastifyRequest) => Promise<TokenRecord | null>

export class RouteTable {
  readonly routes: RouteSpec[] = []

  constructor(
    private readonly app: FastifyInstance,
    private readonly authenticate: Authenticate,
    private readonly readRole: Role | null,
  ) {}

  add<P, Q, B>(spec: RouteSpec<P, Q, B>): void {
    this.routes.push(spec as RouteSpec)
    const need = spec.auth ?? (spec.method === 'GET' ? this.readRole : 'editor')
    this.app.route({
      method: spec.method,
      url: spec.url,
      ...(spec.bodyLimit ? { bodyLimit: spec.bodyLimit } : {}),
      handler: async (request, reply) => {
        const user = await this.authenticate(request)
        if (need) requireRole(user, need, request)
        const input: RouteInput<P, Q, B> = {
          params: parse(spec.params, request.params, 'path'),
          query: parse(spec.query, request.query, 'query'),
          body: parse(spec.body, request.body, 'body'),
          user,
          request,
          reply,
        }
        return spec.handler(input)
      },
    })
  }
}

function requireRole(user: TokenRecord | null, need: Role, request: FastifyRequest): void {
  if (!user) {
    const given = request.headers.authorization !== undefined
    throw new ApiError(
      401,
      'unauthorized',
      given
        ? 'the token is not valid (unknown or revoked)'
        : `this endpoint needs a token with role "${need}": send "Authorization: Bearer <token>" (create one with \`sitrep token create --role ${need}\`)`,
    )
  }
  if (!roleAllows(user.role, need)) {
    throw new ApiError(
      403,
      'forbidden',
      `this endpoint needs role "${need}"; the token of "${user.name}" has role "${user.role}"`,
    )
  }
}

function parse<T>(schema: z.ZodType<T> | undefined, value: unknown, where: string): T {
  if (!schema) return value as T
  const result = schema.safeParse(value ?? {})
  if (result.success) return result.data
  const issues = result.error.issues.map((issue) => ({
    path: [where, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }))
  const message = issues.map((i) => `${i.path}: ${i.message}`).join('; ')
  throw new ApiError(400, 'bad_request', `invalid request: ${message}`, issues)
}
