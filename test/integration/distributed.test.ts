/**
 * Distributed mode end to end: PostgreSQL store, BullMQ queue on Redis, two
 * `sitrep worker` processes, one SIGKILLed midway. Every article must end stored
 * exactly once. Runs only when SITREP_TEST_PG and SITREP_TEST_REDIS are set
 * (.ci/run starts both on loopback); each run uses a fresh PostgreSQL schema and
 * a queue of its own, so reruns and other suites do not see each other.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Queue } from 'bullmq'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { syntheticArticles } from '../../src/corpus/synthetic.js'
import { sha256 } from '../../src/corpus/text.js'
import { canonicalUrl } from '../../src/corpus/url.js'
import { articleToDoc, type Article } from '../../src/ingest/article.js'
import { redisConnection } from '../../src/queue/jobs.js'
import { deadLetters, startWorker } from '../../src/queue/worker.js'

const PG = process.env.SITREP_TEST_PG
const REDIS = process.env.SITREP_TEST_REDIS
const ROOT = join(import.meta.dirname, '..', '..')
const CLI = join(ROOT, 'src', 'cli', 'main.ts')
const ARTICLES = 2000
const RUN = `${process.pid}_${Date.now().toString(36)}`

/** The same database, another schema: tables land in the first schema of the search path. */
function schemaUrl(url: string, schema: string): string {
  const parsed = new URL(url)
  parsed.searchParams.set('options', `-c search_path=${schema}`)
  return parsed.toString()
}

function cli(args: string[]): ChildProcess {
  // Straight to node (not npx), so a SIGKILL hits the worker itself.
  return spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, SITREP_CLI: '0' },
  })
}

interface Run {
  child: ChildProcess
  output: () => string
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

function run(args: string[]): Run {
  const child = cli(args)
  let output = ''
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  )
  return { child, output: () => output, exit }
}

/** The store's idempotency key of an article: content hash + canonical URL. */
function keyOf(article: Article): string {
  const doc = articleToDoc(article)
  return `${sha256(doc.text)}|${canonicalUrl(doc.source.url) ?? ''}`
}

async function until(what: string, check: () => Promise<boolean>, ms: number): Promise<void> {
  const deadline = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

if (PG && REDIS) {
  describe('distributed mode: workers on BullMQ over PostgreSQL', () => {
    const schema = `sitrep_it_${RUN}`
    const pgUrl = schemaUrl(PG, schema)
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-it-'))
    const admin = new pg.Client({ connectionString: PG })
    const queues: string[] = []
    const children: ChildProcess[] = []

    beforeAll(async () => {
      await admin.connect()
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
      await admin.query(`CREATE SCHEMA ${schema}`)
    })

    afterAll(async () => {
      for (const child of children) if (child.exitCode === null) child.kill('SIGKILL')
      for (const name of queues) {
        const queue = new Queue(name, { connection: redisConnection(REDIS) })
        await queue.obliterate({ force: true }).catch(() => undefined)
        await queue.close()
      }
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
      await admin.end()
      rmSync(dir, { recursive: true, force: true })
    })

    it('two workers store 2,000 articles exactly once although one is SIGKILLed midway', async () => {
      const queueName = `sitrep-it-${RUN}`
      queues.push(queueName)
      const articles = [...syntheticArticles(ARTICLES, 7)]
      const expected = new Set(articles.map(keyOf))
      const input = join(dir, 'articles.jsonl')
      writeFileSync(input, articles.map((a) => JSON.stringify(a)).join('\n') + '\n')

      const enqueue = run(['ingest', input, '--queue', REDIS, '--queue-name', queueName])
      expect((await enqueue.exit).code, enqueue.output()).toBe(0)

      const workerArgs = [
        'worker',
        '--pg',
        pgUrl,
        '--redis',
        REDIS,
        '--queue-name',
        queueName,
        '--concurrency',
        '16',
        '--no-extract',
        '--lock-ms',
        '3000',
      ]
      const victim = run(workerArgs)
      const survivor = run(workerArgs)
      children.push(victim.child, survivor.child)

      // Midway: the victim has completed a few hundred jobs and holds more in hand.
      await until(
        'the victim to process 300 jobs',
        async () => /processed [3-9]\d\d/.test(victim.output()),
        120_000,
      )
      victim.child.kill('SIGKILL')
      expect((await victim.exit).signal).toBe('SIGKILL')

      const queue = new Queue(queueName, { connection: redisConnection(REDIS) })
      try {
        await until(
          'the queue to drain',
          async () => {
            const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized')
            return Object.values(counts).every((n) => n === 0)
          },
          150_000,
        )
        expect(await queue.getFailedCount()).toBe(0)
      } finally {
        await queue.close()
      }

      const rows = await admin.query<{
        content_hash: string
        canonical_url: string | null
        n: string
      }>(`SELECT content_hash, canonical_url, count(*) AS n FROM ${schema}.articles GROUP BY 1, 2`)
      const stored = rows.rows.map((r) => `${r.content_hash}|${r.canonical_url ?? ''}`)
      // None twice, none missing, nothing else.
      expect(rows.rows.filter((r) => Number(r.n) !== 1)).toEqual([])
      expect(stored.length).toBe(expected.size)
      expect(new Set(stored)).toEqual(expected)
      const total = await admin.query<{ n: string }>(`SELECT count(*) AS n FROM ${schema}.articles`)
      expect(Number(total.rows[0]!.n)).toBe(expected.size)

      // Graceful stop: SIGTERM finishes what is in hand and exits 0.
      survivor.child.kill('SIGTERM')
      const stopped = await survivor.exit
      expect(stopped.code, survivor.output()).toBe(0)
      expect(survivor.output()).toMatch(/worker stopping/)
      expect(survivor.output()).toMatch(/processed \d+ \(\d+ added/)
    }, 240_000)

    it('dead-letters a job after its attempts and reports it', async () => {
      const queueName = `sitrep-it-dead-${RUN}`
      queues.push(queueName)
      const queue = new Queue(queueName, { connection: redisConnection(REDIS) })
      // Not an article: normalising it throws, on every attempt.
      await queue.add(
        'article',
        { article: { text: null }, where: 'bad.jsonl:1' },
        {
          jobId: 'bad-1',
          attempts: 2,
          backoff: { type: 'exponential', delay: 50 },
          removeOnFail: false,
        },
      )
      await queue.add(
        'article',
        {
          article: { id: 'good-1', text: 'Shelling hit the town on Monday, officials said.' },
          where: 'good.jsonl:1',
        },
        { jobId: 'good-1', attempts: 2 },
      )
      const worker = await startWorker({
        redis: REDIS,
        pg: pgUrl,
        queue: queueName,
        extract: false,
        metricsPort: 0,
      })
      try {
        await until(
          'the bad job to fail twice',
          async () => (await queue.getFailedCount()) === 1,
          30_000,
        )
        await until('the good job', async () => worker.counters.processed === 1, 30_000)
        expect(worker.counters.deadLetters).toBe(1)
        expect(worker.counters.failures).toBe(2)
        const dead = await deadLetters(REDIS, queueName)
        expect(dead.total).toBe(1)
        expect(dead.items[0]).toMatchObject({ id: 'bad-1', where: 'bad.jsonl:1', attempts: 2 })

        const page = await (await fetch(`http://127.0.0.1:${worker.metricsPort}/metrics`)).text()
        expect(page).toContain(`sitrep_queue_dead_letters{queue="${queueName}"} 1`)
        expect(page).toContain(`sitrep_worker_failures_total{queue="${queueName}"} 2`)
        expect(page).toMatch(/^sitrep_worker_articles_per_second\{[^}]*\} [\d.]+$/m)
      } finally {
        await worker.close()
        await queue.close()
      }

      const report = run(['worker', '--redis', REDIS, '--queue-name', queueName, '--dead-letters'])
      expect((await report.exit).code).toBe(0)
      expect(report.output()).toMatch(/^1 dead letters/)
      expect(report.output()).toMatch(/^bad-1\tbad\.jsonl:1\t2 attempts/m)
    }, 90_000)
  })
} else {
  describe('distributed mode', () => {
    // Skipped with a reason: needs PostgreSQL and Redis; .ci/run sets both.
    it.skip('needs SITREP_TEST_PG=postgres://… and SITREP_TEST_REDIS=redis://… (set by .ci/run)', () => {})
  })
}
