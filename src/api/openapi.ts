import { z } from 'zod'
import type { RouteSpec } from './route.js'

type JsonSchema = Record<string, unknown>

function toSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const json = z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' })
  delete json.$schema
  return json as JsonSchema
}

/** Path and query parameters of a route, from its zod object schemas. */
function parameters(spec: RouteSpec): JsonSchema[] {
  const out: JsonSchema[] = []
  for (const [where, schema] of [
    ['path', spec.params],
    ['query', spec.query],
  ] as const) {
    if (!schema) continue
    const json = toSchema(schema, 'input')
    const properties = (json.properties ?? {}) as Record<string, JsonSchema>
    const required = new Set((json.required ?? []) as string[])
    for (const [name, property] of Object.entries(properties)) {
      const { description, ...rest } = property
      out.push({
        name,
        in: where,
        required: where === 'path' || required.has(name),
        ...(description ? { description } : {}),
        schema: rest,
      })
    }
  }
  return out
}

const ERROR_RESPONSE = {
  description: 'error',
  content: {
    'application/json': {
      schema: {
        type: 'object',
        properties: {
          error: {
            type: 'object',
            properties: { code: { type: 'string' }, message: { type: 'string' } },
          },
        },
      },
    },
  },
}

function operation(spec: RouteSpec): JsonSchema {
  const responses: JsonSchema = {
    200: {
      description: 'success',
      content: {
        [spec.produces ?? 'application/json']: {
          schema: spec.response ? toSchema(spec.response, 'output') : {},
        },
      },
    },
    400: ERROR_RESPONSE,
  }
  if (spec.url.includes(':')) responses[404] = ERROR_RESPONSE
  if (spec.auth || spec.method !== 'GET') {
    responses[401] = ERROR_RESPONSE
    responses[403] = ERROR_RESPONSE
  }
  const op: JsonSchema = {
    summary: spec.summary,
    tags: [spec.tag],
    parameters: parameters(spec),
    responses,
  }
  if (spec.auth || spec.method !== 'GET') op.security = [{ bearer: [] }]
  if (spec.body || spec.consumes) {
    const content: JsonSchema = {}
    if (spec.body) content['application/json'] = { schema: toSchema(spec.body, 'input') }
    for (const type of spec.consumes ?? []) content[type] = { schema: { type: 'string' } }
    op.requestBody = { required: true, content }
  }
  return op
}

/** The OpenAPI 3.0 document of a route table. */
export function openApiDocument(routes: RouteSpec[], version: string): JsonSchema {
  const paths: Record<string, JsonSchema> = {}
  for (const spec of routes) {
    const path = spec.url.replace(/:(\w+)/g, '{$1}')
    paths[path] ??= {}
    ;(paths[path] as JsonSchema)[spec.method.toLowerCase()] = operation(spec)
  }
  return {
    openapi: '3.0.3',
    info: {
      title: 'sitrep API',
      version,
      description:
        'Read the record sitrep extracted from news (articles, events, stories, claims, entities, places), ingest articles and review extractions. Reads are open on the bound host; writes need a bearer token.',
    },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    paths,
  }
}
