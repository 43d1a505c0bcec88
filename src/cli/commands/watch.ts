import { readFile } from 'node:fs/promises'
import { Command } from 'commander'
import { sitrepError } from '../../core/errors.js'
import { ingestMany } from '../../corpus/ingest.js'
import { extractDocs } from '../../extract.js'
import { articleToDoc } from '../../ingest/article.js'
import { FETCH_DEFAULTS } from '../../feeds/fetch.js'
import { FeedWatcher, parseFeedsFile, WATCH_DEFAULTS, type Sink } from '../../feeds/watch.js'
import type { Article } from '../../ingest/article.js'
import { defaultPipeline } from '../../pipeline.js'
import { loadResources } from '../../resources/index.js'
import { openStore } from '../../store/open.js'
import type { Store } from '../../store/store.js'

interface WatchCliOptions {
  db?: string
  pg?: string
  allowPrivate?: boolean
  interval: number
  once?: boolean
  maxBytes: number
  timeout: number
  perHost: number
  queue?: string
  queueName: string
}

export function registerWatch(program: Command): void {
  program
    .command('watch')
    .description('poll RSS/Atom feeds and extract (or store) each new item')
    .argument('<feeds-file>', 'one feed URL a line, optionally followed by an interval in seconds')
    .option('--db <file>', 'store new articles in this SQLite store instead of printing them')
    .option('--pg <url>', 'store new articles in this PostgreSQL store')
    .option('--queue <redis-url>', 'enqueue new articles for `sitrep worker` instead')
    .option('--queue-name <name>', 'queue name (with --queue)', 'sitrep-ingest')
    .option('--allow-private', 'allow loopback, private and link-local addresses (off: SSRF guard)')
    .option('--interval <s>', 'default poll interval in seconds', count, WATCH_DEFAULTS.intervalS)
    .option('--once', 'poll every feed once and exit')
    .option('--max-bytes <n>', 'largest feed body accepted', count, FETCH_DEFAULTS.maxBytes)
    .option(
      '--timeout <ms>',
      'time limit of one fetch, redirects included',
      count,
      FETCH_DEFAULTS.timeoutMs,
    )
    .option(
      '--per-host <ms>',
      'least time between two requests to one host',
      count,
      WATCH_DEFAULTS.perHostMs,
    )
    .addHelpText(
      'after',
      `
Fetches use conditional GET (ETag, Last-Modified), follow at most ${FETCH_DEFAULTS.maxRedirects} redirects,
and refuse any hop whose resolved address is loopback, private or link-local
unless --allow-private. A failing feed is reported on stderr and retried at its
next turn. Without --db/--pg, new articles print as JSON Lines records.
Exit codes (--once): 0 all feeds read; 65 some feed failed; 66 unreadable feeds file.`,
    )
    .action(async (file: string, options: WatchCliOptions) => {
      await runWatch(file, options)
    })
}

async function runWatch(file: string, options: WatchCliOptions): Promise<void> {
  let source: string
  try {
    source = await readFile(file, 'utf8')
  } catch (error) {
    throw sitrepError('E_INPUT_UNREADABLE', { path: file, cause: (error as Error).message })
  }
  const feeds = parseFeedsFile(source, options.interval)
  if (feeds.length === 0) throw sitrepError('E_INPUT_EMPTY', { path: file })
  const pipeline = defaultPipeline(loadResources())
  const store =
    options.db || options.pg ? await openStore({ db: options.db, pg: options.pg }) : null
  const sink = options.queue
    ? queueSink(options.queue, options.queueName)
    : store
      ? storeSink(store, pipeline)
      : printSink(pipeline)
  let failures = 0
  const watcher = new FeedWatcher(
    feeds,
    sink,
    (_feed, error) => {
      failures++
      process.stderr.write(`sitrep: ${error.message}${error.code ? ` [${error.code}]` : ''}\n`)
    },
    {
      allowPrivate: options.allowPrivate ?? false,
      maxBytes: options.maxBytes,
      timeoutMs: options.timeout,
      perHostMs: options.perHost,
    },
  )
  const stop = new AbortController()
  const onSignal = () => stop.abort()
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  try {
    if (options.once) {
      await watcher.pollDue()
      // Like extract: 65 when some input was bad (the others were still read).
      if (failures > 0) process.exitCode = 65
    } else await watcher.run(stop.signal)
  } finally {
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
    await store?.close()
  }
}

function printSink(pipeline: ReturnType<typeof defaultPipeline>): Sink {
  return async (articles) => {
    const docs = await extractDocs(articles.map(articleToDoc), pipeline)
    for (const doc of docs) process.stdout.write(JSON.stringify(doc) + '\n')
  }
}

/** Through the corpus's ingest, so stored feed items get ids, versions and reprint links like any other. */
function storeSink(store: Store, pipeline: ReturnType<typeof defaultPipeline>): Sink {
  return async (articles: Article[], feed) => {
    await ingestMany(store, articles, {
      extractMany: (docs) => extractDocs(docs, pipeline),
      onError: (where, error) =>
        process.stderr.write(`sitrep: ${feed.url} ${where}: ${error.message}\n`),
    })
  }
}

/** Distributed mode: new items go to the workers' queue (job ids dedupe repeats). */
function queueSink(redis: string, queue: string): Sink {
  return async (articles: Article[], feed) => {
    const { enqueueArticles } = await import('../../queue/enqueue.js')
    await enqueueArticles(
      articles.map((article) => ({ kind: 'article' as const, article, where: feed.url })),
      {
        redis,
        queue,
        onError: (where, error) => process.stderr.write(`sitrep: ${where}: ${error.message}\n`),
      },
    )
  }
}

function count(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n <= 0) {
    throw sitrepError('E_USAGE', { detail: `expected a positive whole number, got "${value}"` })
  }
  return n
}
