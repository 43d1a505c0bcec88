/** The one place that opens a port (P14): everything else builds the app and injects. */
import type { FastifyInstance } from 'fastify'
import { buildApp, type AppOptions } from './app.js'

export interface ListenOptions {
  port?: number
  host?: string
}

export const DEFAULT_PORT = 8080
export const DEFAULT_HOST = '127.0.0.1'

/** Builds the app and listens; returns it with the address it got (port 0 = any free port). */
export async function serve(
  options: AppOptions,
  { port = DEFAULT_PORT, host = DEFAULT_HOST }: ListenOptions = {},
): Promise<{ app: FastifyInstance; url: string }> {
  const app = await buildApp(options)
  await app.listen({ port, host })
  const address = app.server.address()
  const bound = typeof address === 'object' && address ? address.port : port
  const shownHost = host.includes(':') ? `[${host}]` : host
  return { app, url: `http://${shownHost}:${bound}` }
}
