/**
 * Prometheus text exposition (format 0.0.4) of one worker and its queue: queue
 * depth by state, articles processed (total and per second over the last
 * minute), failed attempts and dead letters. Served by the worker itself
 * (`sitrep worker --metrics PORT`): the worker is where the rates are measured,
 * and `sitrep serve` may run with no Redis at all.
 */
import { createServer, type Server } from 'node:http'

export interface WorkerCounters {
  /** Articles whose job completed (stored, or already stored). */
  processed: number
  added: number
  unchanged: number
  /** Failed attempts (each retry counts). */
  failures: number
  /** Jobs that failed their last attempt in this worker. */
  deadLetters: number
}

export type QueueCounts = Record<string, number>

/** Completions per second over a sliding window. */
export class RateMeter {
  private readonly stamps: number[] = []
  private readonly started = Date.now()
  constructor(private readonly windowMs = 60_000) {}

  mark(now = Date.now()): void {
    this.stamps.push(now)
    this.trim(now)
  }

  perSecond(now = Date.now()): number {
    this.trim(now)
    const span = Math.min(this.windowMs, Math.max(1, now - this.started))
    return (this.stamps.length * 1000) / span
  }

  private trim(now: number): void {
    let drop = 0
    while (drop < this.stamps.length && this.stamps[drop]! < now - this.windowMs) drop++
    if (drop > 0) this.stamps.splice(0, drop)
  }
}

/** The metrics page. `queue` labels every series so one Prometheus can scrape many queues. */
export function metricsText(
  queue: string,
  counts: QueueCounts,
  counters: WorkerCounters,
  articlesPerSecond: number,
): string {
  const label = `queue="${queue.replace(/["\\\n]/g, '_')}"`
  const lines: string[] = [
    '# HELP sitrep_queue_jobs Jobs in the ingest queue by state (waiting+delayed+active = depth).',
    '# TYPE sitrep_queue_jobs gauge',
  ]
  for (const [state, n] of Object.entries(counts).sort())
    lines.push(`sitrep_queue_jobs{${label},state="${state}"} ${n}`)
  const depth =
    (counts.waiting ?? 0) + (counts.delayed ?? 0) + (counts.active ?? 0) + (counts.prioritized ?? 0)
  lines.push(
    '# HELP sitrep_queue_depth Jobs not yet done (waiting, delayed, prioritized, active).',
    '# TYPE sitrep_queue_depth gauge',
    `sitrep_queue_depth{${label}} ${depth}`,
    '# HELP sitrep_queue_dead_letters Jobs that failed every attempt (the queue failed set).',
    '# TYPE sitrep_queue_dead_letters gauge',
    `sitrep_queue_dead_letters{${label}} ${counts.failed ?? 0}`,
    '# HELP sitrep_worker_articles_total Articles processed by this worker.',
    '# TYPE sitrep_worker_articles_total counter',
    `sitrep_worker_articles_total{${label},outcome="added"} ${counters.added}`,
    `sitrep_worker_articles_total{${label},outcome="unchanged"} ${counters.unchanged}`,
    '# HELP sitrep_worker_articles_per_second Articles processed per second over the last minute.',
    '# TYPE sitrep_worker_articles_per_second gauge',
    `sitrep_worker_articles_per_second{${label}} ${round(articlesPerSecond)}`,
    '# HELP sitrep_worker_failures_total Failed job attempts in this worker (retries included).',
    '# TYPE sitrep_worker_failures_total counter',
    `sitrep_worker_failures_total{${label}} ${counters.failures}`,
    '# HELP sitrep_worker_dead_letters_total Jobs this worker dead-lettered (last attempt failed).',
    '# TYPE sitrep_worker_dead_letters_total counter',
    `sitrep_worker_dead_letters_total{${label}} ${counters.deadLetters}`,
  )
  return lines.join('\n') + '\n'
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000
}

/** GET /metrics on host:port; everything else is 404. */
export function serveMetrics(
  port: number,
  host: string,
  render: () => Promise<string>,
): Promise<Server> {
  const server = createServer((request, response) => {
    if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
      response.writeHead(404).end()
      return
    }
    render().then(
      (body) => {
        response.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' })
        response.end(body)
      },
      (error: Error) => {
        response.writeHead(503, { 'content-type': 'text/plain' }).end(`${error.message}\n`)
      },
    )
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve(server))
  })
}
