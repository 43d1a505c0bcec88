import { Command, Option } from 'commander'
import { sitrepError } from '../../core/errors.js'
import { corpusIngest } from '../../api/ingest.js'
import { openReviewStore } from '../../api/review-store.js'
import { DEFAULT_HOST, DEFAULT_PORT, serve } from '../../api/server.js'
import { openStore } from '../../store/open.js'
import { DEFAULT_DB_FILE, type StoreLocation } from '../../store/store.js'

export interface ServeOptions {
  db?: string
  pg?: string
  port: number
  host: string
  cors?: string[]
  private?: boolean
}

/** The store a command points at: --pg (or $SITREP_PG) wins, else --db (or $SITREP_DB, ./sitrep.db). */
export function storeLocation(options: { db?: string; pg?: string }): StoreLocation {
  const pg = options.pg ?? process.env.SITREP_PG
  if (pg) return { pg }
  return { sqlite: options.db ?? process.env.SITREP_DB ?? DEFAULT_DB_FILE }
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the API and the web app (map, timeline, claims, stories, articles, review)')
    .option('--db <file>', `SQLite store (default ${DEFAULT_DB_FILE} or $SITREP_DB)`)
    .option('--pg <url>', 'PostgreSQL store URL (or $SITREP_PG); wins over --db')
    .option('--port <n>', 'port to listen on', parsePort, DEFAULT_PORT)
    .option('--host <host>', 'address to bind', DEFAULT_HOST)
    .addOption(
      new Option(
        '--cors <origin...>',
        'origins allowed to call the API from other sites (default: none)',
      ),
    )
    .option('--private', 'reads need a token too (use when binding beyond loopback)')
    .addHelpText(
      'after',
      `
Reads are open to whoever can reach the address; ingest and review need a token:
  sitrep token create --role editor
The web app works offline: no CDN, no tile server.`,
    )
    .action(async (options: ServeOptions) => {
      await runServe(options)
    })
}

function parsePort(value: string): number {
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw sitrepError('E_USAGE', { detail: `--port must be 0..65535, got "${value}"` })
  }
  return port
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost'])

export async function runServe(options: ServeOptions): Promise<void> {
  const location = storeLocation(options)
  const store = await openStore('pg' in location ? { pg: location.pg } : { db: location.sqlite })
  const review = openReviewStore(location)
  const { app, url } = await serve(
    {
      store,
      review,
      ingest: corpusIngest(store),
      ...(options.cors ? { corsOrigins: options.cors } : {}),
      privateReads: options.private ?? false,
    },
    { port: options.port, host: options.host },
  )
  const where = 'pg' in location ? 'PostgreSQL' : location.sqlite
  if ((await store.stats()).articles === 0) {
    process.stderr.write(
      'sitrep: the store is empty: add articles with `sitrep ingest PATH` or POST /api/ingest\n',
    )
  }
  process.stderr.write(
    `sitrep: serving ${where} at ${url} (API description at ${url}/openapi.json)\n`,
  )
  if (!LOOPBACK.has(options.host) && !options.private) {
    process.stderr.write(
      `sitrep: warning: bound to ${options.host}, so anyone who can reach it can read the store; add --private to require a token for reads\n`,
    )
  }
  const stop = async (): Promise<void> => {
    await app.close()
    await review.close()
    await store.close()
  }
  process.once('SIGINT', () => void stop())
  process.once('SIGTERM', () => void stop())
}
