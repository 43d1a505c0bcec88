/**
 * The API and web app, built without listening (P14): tests call `inject()`,
 * and only ./server.ts opens a port.
 */
import { fileURLToPath } from 'node:url'
import fastifyStatic from '@fastify/static'
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify'
import type { Store } from '../store/store.js'
import { Catalog } from './catalog.js'
import { AppContext, type IngestArticles } from './context.js'
import { openApiDocument } from './openapi.js'
import { MemoryReviewStore } from './review-store.js'
import type { ReviewStore } from './review-types.js'
import { ApiError, RouteTable } from './route.js'
import { registerArticleRoutes } from './routes/articles.js'
import { registerCatalogRoutes } from './routes/catalog.js'
import { registerClaimRoutes } from './routes/claims.js'
import { registerEventRoutes } from './routes/events.js'
import { registerExportRoutes } from './routes/exports.js'
import { registerIngestRoutes } from './routes/ingest.js'
import { registerMetaRoutes } from './routes/meta.js'
import { registerReviewRoutes } from './routes/review.js'
import { registerStoryRoutes } from './routes/stories.js'
import { vendorPaths } from './vendor.js'
import { hashSecret, bearerSecret } from './tokens.js'

export const API_VERSION = '0.1.0'

export interface AppOptions {
  store: Store
  /** Tokens and corrections; defaults to memory (tests). */
  review?: ReviewStore
  /** Extracts and stores articles (`corpusIngest(store)`); without it POST /api/ingest answers 501. */
  ingest?: IngestArticles
  /** Largest request body in bytes for ordinary routes (default 1 MiB). */
  bodyLimit?: number
  /** Largest ingest body in bytes (default 10 MiB). */
  ingestLimit?: number
  /** Origins allowed to call the API from other sites; empty (the default) = CORS closed. */
  corsOrigins?: string[]
  /** Reads need a viewer token too (for a server bound beyond loopback). */
  privateReads?: boolean
  /** Serve the web UI (default true). */
  web?: boolean
  logger?: boolean
}

export interface RouteDeps {
  table: RouteTable
  ctx: AppContext
  catalog: Catalog
  ingest: IngestArticles
  ingestLimit: number
}

const WEB_ROOT = fileURLToPath(new URL('../web/public/', import.meta.url))

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    // Ids can be long (URLs, hashes); keep the default limit for the rest.
    routerOptions: { maxParamLength: 500 },
  })
  const review = options.review ?? new MemoryReviewStore()
  await review.migrate()
  const ctx = new AppContext(options.store, review)
  const authenticate = async (request: { headers: { authorization?: string } }) => {
    const secret = bearerSecret(request.headers.authorization)
    return secret ? review.findToken(hashSecret(secret)) : null
  }
  const table = new RouteTable(app, authenticate, options.privateReads ? 'viewer' : null)
  const deps: RouteDeps = {
    table,
    ctx,
    catalog: new Catalog(ctx),
    ingest: options.ingest ?? ingestUnavailable,
    ingestLimit: options.ingestLimit ?? 10 * 1024 * 1024,
  }

  addTextParsers(app)
  addSecurityHeaders(app, options.corsOrigins ?? [])
  app.setErrorHandler((error: FastifyError | ApiError, request, reply) => {
    if (error instanceof ApiError) {
      return reply.status(error.statusCode).send({
        error: {
          code: error.code,
          message: error.message,
          ...(error.issues ? { issues: error.issues } : {}),
        },
      })
    }
    const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 500
    if (status === 500) request.log.error(error)
    const message =
      status === 500 ? 'internal error (see the server log)' : describeFastifyError(error)
    return reply.status(status).send({ error: { code: error.code ?? 'error', message } })
  })
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({
      error: {
        code: 'not_found',
        message: `no route ${request.method} ${request.url.split('?')[0]}`,
      },
    }),
  )

  for (const register of [
    registerMetaRoutes,
    registerArticleRoutes,
    registerEventRoutes,
    registerStoryRoutes,
    registerClaimRoutes,
    registerCatalogRoutes,
    registerExportRoutes,
    registerIngestRoutes,
    registerReviewRoutes,
  ]) {
    register(deps)
  }
  const openapi = openApiDocument(table.routes, API_VERSION)
  app.get('/openapi.json', async () => openapi)

  if (options.web ?? true) await addWeb(app)
  return app
}

const ingestUnavailable: IngestArticles = async () => {
  throw new ApiError(501, 'not_implemented', 'this server has no ingest configured for its store')
}

function addTextParsers(app: FastifyInstance): void {
  app.addContentTypeParser(
    ['text/html', 'application/x-ndjson', 'application/jsonl'],
    { parseAs: 'string' },
    (_request, body, done) => done(null, body),
  )
}

/** CORS is closed unless origins are listed; the web app gets a CSP that forbids any other host. */
function addSecurityHeaders(app: FastifyInstance, corsOrigins: string[]): void {
  const allowed = new Set(corsOrigins)
  app.addHook('onRequest', async (request, reply) => {
    const origin = request.headers.origin
    if (origin && allowed.has(origin)) {
      reply.header('access-control-allow-origin', origin)
      reply.header('vary', 'Origin')
      if (request.method === 'OPTIONS') {
        reply.header('access-control-allow-methods', 'GET, POST, DELETE')
        reply.header('access-control-allow-headers', 'authorization, content-type')
        return reply.status(204).send()
      }
    }
    reply.header('x-content-type-options', 'nosniff')
    reply.header('referrer-policy', 'no-referrer')
    reply.header(
      'content-security-policy',
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'",
    )
  })
}

function describeFastifyError(error: FastifyError): string {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'the request body is over the size limit'
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return `unsupported content type: ${error.message.replace(/^Unsupported Media Type:?\s*/i, '')}; send application/json, text/plain, text/html or application/x-ndjson`
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'the JSON body is empty'
    default:
      return error.message
  }
}

async function addWeb(app: FastifyInstance): Promise<void> {
  await app.register(fastifyStatic, { root: WEB_ROOT, prefix: '/', index: ['index.html'] })
  const vendor = vendorPaths()
  await app.register(fastifyStatic, {
    root: vendor.leaflet,
    prefix: '/vendor/leaflet/',
    decorateReply: false,
  })
}
