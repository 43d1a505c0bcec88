import { Command } from 'commander'
import { sitrepError } from '../../core/errors.js'
import { DEFAULT_QUEUE } from '../../queue/jobs.js'
import {
  DEFAULT_CONCURRENCY,
  deadLetters,
  retryDeadLetters,
  startWorker,
  type JobEvent,
} from '../../queue/worker.js'

interface WorkerCliOptions {
  pg?: string
  db?: string
  redis: string
  queueName: string
  concurrency: number
  extract: boolean
  lockMs: number
  metrics?: number
  metricsHost: string
  grace: number
  deadLetters?: boolean
  retryDeadLetters?: boolean
  verbose?: boolean
}

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description(
      'run extraction and ingest jobs from a Redis queue into the store (distributed mode)',
    )
    .option('--pg <url>', 'PostgreSQL store URL (shared by all workers); also $SITREP_PG')
    .option('--db <file>', 'SQLite store instead of --pg (a single worker process only)')
    .option('--redis <url>', 'Redis URL of the queue; also $SITREP_REDIS', process.env.SITREP_REDIS)
    .option('--queue-name <name>', 'queue name', DEFAULT_QUEUE)
    .option(
      '--concurrency <n>',
      'jobs in hand at once (extracted in turn, written in groups)',
      count,
      DEFAULT_CONCURRENCY,
    )
    .option('--no-extract', 'store the text only, without running the extraction pipeline')
    .option(
      '--lock-ms <ms>',
      "a dead worker's jobs return to the queue after about this long",
      count,
      30_000,
    )
    .option('--metrics <port>', 'serve Prometheus metrics on GET /metrics at this port', port)
    .option('--metrics-host <host>', 'address the metrics server binds', '127.0.0.1')
    .option('--grace <ms>', 'on SIGTERM, how long to wait for the jobs in hand', count, 30_000)
    .option('--dead-letters', 'list the dead letters (jobs that failed every attempt) and exit')
    .option('--retry-dead-letters', 'put the dead letters back in the queue and exit')
    .option('--verbose', 'one line per job on stdout')
    .addHelpText(
      'after',
      `
Jobs come from \`sitrep ingest --queue URL\` (or \`sitrep watch --queue URL\`); their
id is the article's content hash (with its URL), so enqueuing twice is harmless.
A failed job is retried with exponential backoff (1 s, 2 s, 4 s, 8 s) and after 5
attempts becomes a dead letter: kept in the queue's failed set, reported here
and by --dead-letters. SIGTERM/SIGINT: stop taking jobs, finish the ones in hand
(up to --grace), exit 0; jobs of a worker that dies are redone by the others.
Prints "processed N (A added, U unchanged, F failures, D dead)" every 100 jobs
and on exit.`,
    )
    .action(async (options: WorkerCliOptions) => {
      await runWorker(options)
    })
}

async function runWorker(options: WorkerCliOptions): Promise<void> {
  if (!options.redis) throw sitrepError('E_USAGE', { detail: '--redis <url> is required' })
  if (options.deadLetters) return printDeadLetters(options)
  if (options.retryDeadLetters) {
    const n = await retryDeadLetters(options.redis, options.queueName)
    process.stdout.write(`requeued ${n} dead letters\n`)
    return
  }
  const pg = options.pg ?? process.env.SITREP_PG
  if (!pg && !options.db)
    throw sitrepError('E_USAGE', { detail: 'a worker needs --pg <url> (or --db <file>)' })
  const summary = () => {
    const c = worker.counters
    return `processed ${c.processed} (${c.added} added, ${c.unchanged} unchanged, ${c.failures} failures, ${c.deadLetters} dead)`
  }
  const onJob = (event: JobEvent): void => {
    if (event.kind === 'dead')
      process.stderr.write(
        `sitrep: dead letter ${event.id} (${event.where}) after ${event.attempts} attempts: ${event.error}\n`,
      )
    else if (event.kind === 'retry')
      process.stderr.write(
        `sitrep: job ${event.id} attempt ${event.attempt} failed: ${event.error}\n`,
      )
    else if (options.verbose) process.stdout.write(`done ${event.id}\n`)
    if (event.kind === 'done' && worker.counters.processed % 100 === 0)
      process.stdout.write(summary() + '\n')
  }
  const worker = await startWorker({
    redis: options.redis,
    pg,
    db: pg ? undefined : options.db,
    queue: options.queueName,
    concurrency: options.concurrency,
    extract: options.extract,
    lockMs: options.lockMs,
    metricsPort: options.metrics,
    metricsHost: options.metricsHost,
    onJob,
  })
  process.stdout.write(
    `worker ready on queue ${options.queueName}` +
      (worker.metricsPort !== null
        ? ` (metrics on ${options.metricsHost}:${worker.metricsPort}/metrics)`
        : '') +
      '\n',
  )
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGTERM', stop)
      process.off('SIGINT', stop)
      process.stdout.write('worker stopping: finishing the jobs in hand\n')
      void worker.close(options.grace).then(resolve)
    }
    process.on('SIGTERM', stop)
    process.on('SIGINT', stop)
  })
  process.stdout.write(summary() + '\n')
  const dead = await deadLetters(options.redis, options.queueName, 1).catch(() => null)
  if (dead && dead.total > 0)
    process.stderr.write(
      `sitrep: ${dead.total} dead letters in queue ${options.queueName} (see --dead-letters)\n`,
    )
}

async function printDeadLetters(options: WorkerCliOptions): Promise<void> {
  const { total, items } = await deadLetters(options.redis, options.queueName)
  process.stdout.write(`${total} dead letters in queue ${options.queueName}\n`)
  for (const item of items)
    process.stdout.write(
      `${item.id}\t${item.where}\t${item.attempts} attempts\t${item.failedAt ?? ''}\t${item.error}\n`,
    )
}

function count(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n <= 0) {
    throw sitrepError('E_USAGE', { detail: `expected a positive whole number, got "${value}"` })
  }
  return n
}

function port(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    throw sitrepError('E_USAGE', { detail: `expected a port number, got "${value}"` })
  }
  return n
}
