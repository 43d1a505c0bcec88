/**
 * Enqueue articles for the workers instead of ingesting them here. Jobs are added
 * in bulk with their content-derived ids, so enqueueing the same input twice adds
 * nothing while the first jobs are still queued (and the store skips it after).
 */
import { Queue } from 'bullmq'
import type { IngestItem } from '../corpus/ingest.js'
import type { Article } from '../ingest/article.js'
import {
  DEFAULT_QUEUE,
  JOB_NAME,
  JOB_OPTIONS,
  jobIdFor,
  redisConnection,
  type IngestJob,
} from './jobs.js'

export interface EnqueueOptions {
  redis: string
  queue?: string
  /** Jobs per round trip. */
  chunk?: number
  onError?: (where: string, error: Error) => void
}

export interface EnqueueResult {
  seen: number
  enqueued: number
  errors: number
}

export async function enqueueArticles(
  items: AsyncIterable<IngestItem> | Iterable<IngestItem>,
  options: EnqueueOptions,
): Promise<EnqueueResult> {
  const queue = new Queue<IngestJob>(options.queue ?? DEFAULT_QUEUE, {
    connection: redisConnection(options.redis),
    defaultJobOptions: JOB_OPTIONS,
  })
  const chunk = options.chunk ?? 500
  const result: EnqueueResult = { seen: 0, enqueued: 0, errors: 0 }
  let pending: { name: string; data: IngestJob; opts: { jobId: string } }[] = []
  const flush = async (): Promise<void> => {
    if (pending.length === 0) return
    const jobs = pending
    pending = []
    await queue.addBulk(jobs)
    result.enqueued += jobs.length
  }
  try {
    for await (const item of items) {
      result.seen++
      if ('kind' in item && item.kind === 'error') {
        result.errors++
        options.onError?.(item.where, item.error)
        continue
      }
      const { article, where } =
        'kind' in item && item.kind === 'article'
          ? item
          : { article: item as Article, where: (item as Article).id ?? '' }
      try {
        pending.push({
          name: JOB_NAME,
          data: { article, where },
          opts: { jobId: jobIdFor(article) },
        })
      } catch (error) {
        result.errors++
        options.onError?.(where, error as Error)
      }
      if (pending.length >= chunk) await flush()
    }
    await flush()
  } finally {
    await queue.close()
  }
  return result
}
