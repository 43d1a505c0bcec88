/**
 * The ingest queue's contract, shared by the enqueuer (`sitrep ingest --queue`,
 * `sitrep watch --queue`) and the workers (`sitrep worker`): the queue name, the
 * job payload, the job id and the retry policy.
 */
import type { DefaultJobOptions } from 'bullmq'
import { sha256 } from '../corpus/text.js'
import { canonicalUrl } from '../corpus/url.js'
import { articleToDoc, type Article } from '../ingest/article.js'

export const DEFAULT_QUEUE = 'sitrep-ingest'

/** One job: one article as it arrived (the worker normalises and extracts it). */
export interface IngestJob {
  article: Article
  /** Where it came from (file:line, feed URL), for messages. */
  where: string
}

export const JOB_NAME = 'article'

export const RETRY = {
  /** Tries before a job is dead-lettered (left in the queue's failed set). */
  attempts: 5,
  /** First retry delay; doubles each time (1 s, 2 s, 4 s, 8 s). */
  backoffMs: 1000,
}

export const JOB_OPTIONS: DefaultJobOptions = {
  attempts: RETRY.attempts,
  backoff: { type: 'exponential', delay: RETRY.backoffMs },
  // Completed jobs are not needed (the store is the record); a bounded tail helps debugging.
  removeOnComplete: { count: 1000 },
  // Failed jobs are the dead letters: kept until someone looks (`sitrep worker --dead-letters`).
  removeOnFail: false,
}

/**
 * The job id: the hash of the store's idempotency key (content hash + canonical
 * URL). The same article enqueued twice while the first is pending is one job;
 * the same text at two URLs is two articles in the store, so two jobs.
 */
export function jobIdFor(article: Article): string {
  const doc = articleToDoc(article)
  const canonical = canonicalUrl(doc.source.url)
  const contentHash = sha256(doc.text)
  return canonical === null ? contentHash : sha256(`${contentHash}\n${canonical}`)
}

/** ioredis options from a redis:// URL, as BullMQ wants them (no per-request retry limit). */
export function redisConnection(url: string): {
  host: string
  port: number
  username?: string
  password?: string
  db?: number
  tls?: object
  maxRetriesPerRequest: null
} {
  const parsed = new URL(url)
  const db = parsed.pathname.replace(/^\//, '')
  return {
    host: parsed.hostname || '127.0.0.1',
    port: Number(parsed.port || 6379),
    ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    ...(db ? { db: Number(db) } : {}),
    ...(parsed.protocol === 'rediss:' ? { tls: {} } : {}),
    maxRetriesPerRequest: null,
  }
}
