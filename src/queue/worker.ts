/**
 * A worker of the distributed mode: takes article jobs from the BullMQ queue,
 * extracts each one (in parallel, up to `concurrency`), and stores it through the
 * corpus's ingest under the store's write lock (./lock.ts). Any number of workers
 * on any number of machines can share one queue and one PostgreSQL store.
 *
 * Exactly once: a job's article is written in one transaction, and the store's
 * ingest skips an article it already holds (content hash + canonical URL). A job
 * whose worker dies is taken back by BullMQ's stalled-job check and redone: if its
 * transaction had committed, the redo finds the article and changes nothing.
 */
import { Queue, Worker, type Job } from 'bullmq'
import type { Server } from 'node:http'
import type { Doc } from '../core/record.js'
import { ingestMany } from '../corpus/ingest.js'
import { batchingExtractor } from '../extract.js'
import { articleToDoc } from '../ingest/article.js'
import { defaultPipeline } from '../pipeline.js'
import { loadResources } from '../resources/index.js'
import { openStore } from '../store/open.js'
import type { Store } from '../store/store.js'
import { DEFAULT_QUEUE, JOB_OPTIONS, redisConnection, type IngestJob } from './jobs.js'
import { localWriteLock, pgWriteLock, type WriteLock } from './lock.js'
import { metricsText, RateMeter, serveMetrics, type WorkerCounters } from './metrics.js'

export interface WorkerOptions {
  redis: string
  /** PostgreSQL store URL; without it the SQLite store `db` (one worker process only). */
  pg?: string
  db?: string
  queue?: string
  concurrency?: number
  /** Run the extraction pipeline (default true); false stores the text only. */
  extract?: boolean
  /**
   * How long a job stays claimed without the worker renewing its lock; a dead
   * worker's jobs go back to the queue after about this long (default 30 s).
   */
  lockMs?: number
  /** Serve GET /metrics on this port (and `metricsHost`, default 127.0.0.1). */
  metricsPort?: number
  metricsHost?: string
  /** Called after each job with its outcome. */
  onJob?: (event: JobEvent) => void
}

export type JobEvent =
  | { kind: 'done'; id: string }
  | { kind: 'retry'; id: string; attempt: number; error: string }
  | { kind: 'dead'; id: string; attempts: number; error: string; where: string }

export interface RunningWorker {
  readonly counters: WorkerCounters
  readonly metricsPort: number | null
  metrics(): Promise<string>
  /**
   * Stops taking jobs and waits for the jobs in hand to finish; after `graceMs`
   * it stops waiting and leaves them claimed, so they go back to the queue when
   * their lock expires (released, not lost). Idempotent.
   */
  close(graceMs?: number): Promise<void>
}

export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const name = options.queue ?? DEFAULT_QUEUE
  const connection = redisConnection(options.redis)
  const lock: WriteLock = options.pg ? await pgWriteLock(options.pg) : localWriteLock()
  // Workers starting together would race to create the schema: migrations take the lock too.
  const store: Store = await lock.run(() => openStore({ pg: options.pg, db: options.db }))
  const counters: WorkerCounters = {
    processed: 0,
    added: 0,
    unchanged: 0,
    failures: 0,
    deadLetters: 0,
  }
  const rate = new RateMeter()
  // Jobs run `concurrency` at a time: those that reach extraction together are extracted as
  // one batch, stage by stage (about 1.35 times the throughput at 8).
  let extractTogether: ((doc: Doc) => Promise<Doc>) | null = null
  const extract = async (doc: Doc): Promise<Doc> => {
    if (options.extract === false) return doc
    extractTogether ??= batchingExtractor(defaultPipeline(loadResources()))
    return extractTogether(doc)
  }

  const writer = groupWriter(store, lock, counters)
  const handle = async (job: Job<IngestJob>): Promise<void> => {
    const { article, where } = job.data
    // Extraction outside the lock: it is the expensive part and needs no store.
    const doc = await extract(articleToDoc(article))
    await writer.write({ article, where, doc })
  }

  const lockDuration = options.lockMs ?? 30_000
  const worker = new Worker<IngestJob, void>(name, handle, {
    connection,
    concurrency: options.concurrency ?? DEFAULT_CONCURRENCY,
    lockDuration,
    stalledInterval: Math.max(1000, Math.floor(lockDuration / 2)),
    // A job whose worker died twice is suspect, but deaths are not its fault: allow a few.
    maxStalledCount: 3,
  })
  worker.on('completed', (job) => {
    counters.processed++
    rate.mark()
    options.onJob?.({ kind: 'done', id: String(job.id) })
  })
  worker.on('failed', (job, error) => {
    counters.failures++
    if (!job) return
    const attempts = job.opts.attempts ?? JOB_OPTIONS.attempts ?? 1
    if (job.attemptsMade >= attempts) {
      counters.deadLetters++
      options.onJob?.({
        kind: 'dead',
        id: String(job.id),
        attempts: job.attemptsMade,
        error: error.message,
        where: job.data.where,
      })
    } else
      options.onJob?.({
        kind: 'retry',
        id: String(job.id),
        attempt: job.attemptsMade,
        error: error.message,
      })
  })
  // Redis hiccups are logged by the caller's onJob? No: they are not job events; keep the worker alive.
  worker.on('error', () => undefined)

  const queue = new Queue<IngestJob>(name, { connection })
  const metrics = async (): Promise<string> =>
    metricsText(
      name,
      await queue.getJobCounts(
        'waiting',
        'active',
        'delayed',
        'prioritized',
        'failed',
        'completed',
      ),
      counters,
      rate.perSecond(),
    )
  let server: Server | null = null
  if (options.metricsPort !== undefined)
    server = await serveMetrics(options.metricsPort, options.metricsHost ?? '127.0.0.1', metrics)
  const address = server?.address()

  let closing: Promise<void> | null = null
  const close = (graceMs = 30_000): Promise<void> => {
    closing ??= (async () => {
      const finished = worker.close()
      let timer: NodeJS.Timeout | undefined
      const late = new Promise<'late'>((resolve) => {
        timer = setTimeout(() => resolve('late'), graceMs)
      })
      // Past the grace time the jobs in hand are left claimed: their locks lapse and others redo them.
      if ((await Promise.race([finished, late])) === 'late') await worker.close(true)
      clearTimeout(timer)
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
      await queue.close()
      await lock.close()
      await store.close()
    })()
    return closing
  }

  return {
    counters,
    metricsPort: address && typeof address === 'object' ? address.port : null,
    metrics,
    close,
  }
}

/** Jobs in hand per worker: enough for the writes to be grouped while extraction runs. */
export const DEFAULT_CONCURRENCY = 8
const MAX_GROUP = 100

interface Pending {
  article: IngestJob['article']
  where: string
  doc: Doc
}

/**
 * Group commit: articles extracted while another group is being written wait
 * and go together in the next transaction (one lock turn and one commit for many
 * articles, not one each). A group whose transaction fails fails all its jobs;
 * they are retried, and the store skips whatever had been stored.
 */
function groupWriter(
  store: Store,
  lock: WriteLock,
  counters: WorkerCounters,
): { write: (item: Pending) => Promise<void> } {
  const queue: { item: Pending; resolve: () => void; reject: (error: Error) => void }[] = []
  let writing = false
  const next = (): void => {
    if (writing || queue.length === 0) return
    writing = true
    const group = queue.splice(0, MAX_GROUP)
    void lock
      .run(() => writeGroup(group))
      .then(
        () => undefined,
        (error: Error) => group.forEach((entry) => entry.reject(error)),
      )
      .finally(() => {
        writing = false
        next()
      })
  }
  const writeGroup = async (group: typeof queue): Promise<void> => {
    // Each doc was extracted from its own article: hand ingest back the same one.
    const docs = new Map<string, Doc[]>()
    for (const { item } of group) {
      const key = docKey(item.doc)
      docs.set(key, [...(docs.get(key) ?? []), item.doc])
    }
    const errors = new Map<number, Error>()
    const result = await ingestMany(
      store,
      // `where` is the index in the group, so an error finds its job.
      group.map(({ item }, i) => ({
        kind: 'article' as const,
        article: item.article,
        where: `${i}`,
      })),
      {
        batchSize: group.length,
        extract: (doc) => docs.get(docKey(doc))?.shift() ?? doc,
        onError: (where, error) => errors.set(Number(where), error),
      },
    )
    counters.added += result.added + result.versions
    counters.unchanged += result.unchanged
    // A bad article is an error of its job only: retried, then dead-lettered with its message.
    group.forEach((entry, i) => {
      const error = errors.get(i)
      if (error) entry.reject(error)
      else entry.resolve()
    })
  }
  return {
    write: (item) =>
      new Promise<void>((resolve, reject) => {
        queue.push({ item, resolve, reject })
        next()
      }),
  }
}

function docKey(doc: Doc): string {
  return `${doc.id}\n${doc.source.url ?? ''}\n${doc.text}`
}

export interface DeadLetter {
  id: string
  where: string
  attempts: number
  error: string
  failedAt: string | null
}

/** The dead letters of a queue: jobs that failed every attempt, newest first. */
export async function deadLetters(
  redis: string,
  queueName = DEFAULT_QUEUE,
  limit = 100,
): Promise<{
  total: number
  items: DeadLetter[]
}> {
  const queue = new Queue<IngestJob>(queueName, { connection: redisConnection(redis) })
  try {
    const total = await queue.getFailedCount()
    const jobs = await queue.getFailed(0, limit - 1)
    return {
      total,
      items: jobs.map((job) => ({
        id: String(job.id),
        where: (job.data as IngestJob | undefined)?.where ?? '',
        attempts: job.attemptsMade,
        error: job.failedReason ?? '',
        failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
      })),
    }
  } finally {
    await queue.close()
  }
}

/** Puts the dead letters back in the queue (after the cause is fixed); returns how many. */
export async function retryDeadLetters(redis: string, queueName = DEFAULT_QUEUE): Promise<number> {
  const queue = new Queue<IngestJob>(queueName, { connection: redisConnection(redis) })
  try {
    const count = await queue.getFailedCount()
    await queue.retryJobs({ state: 'failed', count: 1000 })
    return count
  } finally {
    await queue.close()
  }
}
