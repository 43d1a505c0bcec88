import { createReadStream } from 'node:fs'
import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { Command, Option } from 'commander'
import cliProgress from 'cli-progress'
import { sitrepError } from '../../core/errors.js'
import type { Doc } from '../../core/record.js'
import { ingestMany, type IngestItem, type IngestProgress } from '../../corpus/ingest.js'
import { extractDocs } from '../../extract.js'
import { readArticles } from '../../ingest/read.js'
import { defaultPipeline } from '../../pipeline.js'
import { loadResources } from '../../resources/index.js'
import { openStore } from '../../store/open.js'
import { DEFAULT_DB_FILE, type Store } from '../../store/store.js'

interface IngestOptions {
  db: string
  pg?: string
  batch: number
  outlet?: string
  published?: string
  extract: boolean
  progress?: boolean
  queue?: string
  queueName?: string
}

/** --db / --pg, shared by every command that reads or writes the store. */
export function addStoreOptions(command: Command): Command {
  return command
    .option('--db <file>', 'SQLite store file', process.env.SITREP_DB ?? DEFAULT_DB_FILE)
    .option('--pg <url>', 'PostgreSQL store URL (instead of --db); also $SITREP_PG')
}

export function openStoreFrom(options: { db?: string; pg?: string }): Promise<Store> {
  return openStore({ db: options.db, pg: options.pg })
}

export function registerIngest(program: Command): void {
  const command = program
    .command('ingest')
    .description(
      'add articles to the corpus store (files, folders, JSON Lines, RSS/Atom); run again to resume',
    )
    .argument('<paths...>', 'files or folders of articles')
  addStoreOptions(command)
    .addOption(
      new Option('--batch <n>', 'articles per transaction').argParser(parseCount).default(200),
    )
    .option('--outlet <name>', 'outlet for articles that do not name one')
    .option('--published <date>', 'publication date YYYY-MM-DD for articles without one')
    .option('--no-extract', 'store the text only, without running the extraction pipeline')
    .option('--no-progress', 'no progress bar even on a terminal')
    .option('--queue <redis-url>', 'enqueue the articles for `sitrep worker` instead of ingesting')
    .option('--queue-name <name>', 'queue name (with --queue)', 'sitrep-ingest')
    .addHelpText(
      'after',
      `
Idempotent: an article already stored (same text at the same canonical URL) is
skipped; a changed text at a known URL is stored as a new version linked to the
old one. Each batch commits whole, so an interrupted run is resumed by running
the same command again. Exit codes: 0 all stored; 65 some input was bad.`,
    )
    .action(async (paths: string[], options: IngestOptions) => {
      await runIngest(paths, options)
    })
}

async function runIngest(paths: string[], options: IngestOptions): Promise<void> {
  if (options.published !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.published)) {
    throw sitrepError('E_USAGE', {
      detail: `--published must be YYYY-MM-DD, got "${options.published}"`,
    })
  }
  if (options.queue) return runEnqueue(paths, options, options.queue)
  const store = await openStoreFrom(options)
  const showBar = options.progress !== false && process.stderr.isTTY === true
  const total = showBar ? await countInputs(paths) : 0
  const bar = showBar
    ? new cliProgress.SingleBar(
        {
          format:
            'ingest {bar} {value}/{total} articles | {speed} articles/s | ETA {eta_formatted}',
          stream: process.stderr,
          etaBuffer: 2000,
          fps: 5,
        },
        cliProgress.Presets.shades_classic,
      )
    : null
  bar?.start(Math.max(total, 1), 0, { speed: '0' })
  const started = Date.now()
  let errors = 0
  let pipeline: ReturnType<typeof defaultPipeline> | null = null
  const extractMany = options.extract
    ? async (docs: Doc[]): Promise<Doc[]> => {
        pipeline ??= defaultPipeline(loadResources())
        return extractDocs(docs, pipeline)
      }
    : undefined
  const defaults = {
    ...(options.outlet ? { outlet: options.outlet } : {}),
    ...(options.published ? { published: options.published } : {}),
  }
  let result: IngestProgress
  try {
    result = await ingestMany(store, readAll(paths, defaults), {
      batchSize: options.batch,
      extractMany,
      onProgress: (progress) => {
        const seconds = Math.max(0.001, (Date.now() - started) / 1000)
        if (bar) {
          if (progress.seen > bar.getTotal()) bar.setTotal(progress.seen)
          bar.update(progress.seen, { speed: (progress.seen / seconds).toFixed(0) })
        }
      },
      onError: (where, error) => {
        errors++
        bar?.stop()
        const code = (error as { code?: string }).code
        process.stderr.write(`sitrep: ${error.message}${code ? ` [${code}]` : ''} (${where})\n`)
      },
    })
  } finally {
    bar?.stop()
    await store.close()
  }
  const seconds = (Date.now() - started) / 1000
  process.stderr.write(
    `ingested ${result.seen} articles in ${seconds.toFixed(1)} s (${(result.seen / Math.max(seconds, 0.001)).toFixed(0)}/s): ` +
      `${result.added} added, ${result.unchanged} unchanged, ${result.versions} new versions, ` +
      `${result.reprints} reprints, ${result.errors} errors\n`,
  )
  if (errors > 0) process.exitCode = 65
}

/** Distributed mode: the articles go to the queue; workers extract and store them. */
async function runEnqueue(paths: string[], options: IngestOptions, redis: string): Promise<void> {
  const { enqueueArticles } = await import('../../queue/enqueue.js')
  const defaults = {
    ...(options.outlet ? { outlet: options.outlet } : {}),
    ...(options.published ? { published: options.published } : {}),
  }
  const started = Date.now()
  const result = await enqueueArticles(readAll(paths, defaults), {
    redis,
    queue: options.queueName,
    onError: (where, error) => {
      const code = (error as { code?: string }).code
      process.stderr.write(`sitrep: ${error.message}${code ? ` [${code}]` : ''} (${where})\n`)
    },
  })
  const seconds = (Date.now() - started) / 1000
  process.stderr.write(
    `enqueued ${result.enqueued} of ${result.seen} articles on ${options.queueName} in ${seconds.toFixed(1)} s, ${result.errors} errors\n`,
  )
  if (result.errors > 0) process.exitCode = 65
}

/** Articles from every path, in order, as ingest items (errors included, with where they are). */
async function* readAll(
  paths: string[],
  defaults: { outlet?: string; published?: string },
): AsyncGenerator<IngestItem> {
  for (const path of paths) {
    for await (const item of readArticles(path, { defaults })) {
      if (item.kind === 'error') yield { kind: 'error', error: item.error, where: item.where }
      else yield { kind: 'article', article: item.article, where: item.where }
    }
  }
}

/** Rough article count for the ETA: files, plus lines of JSON Lines files. */
async function countInputs(paths: string[]): Promise<number> {
  let total = 0
  for (const path of paths) {
    const info = await stat(path).catch(() => null)
    if (!info) continue
    if (info.isDirectory()) {
      const entries = await readdir(path, { withFileTypes: true })
      total += await countInputs(
        entries.filter((e) => !e.name.startsWith('.')).map((e) => join(path, e.name)),
      )
    } else if (/\.(jsonl|ndjson)$/i.test(path)) total += await countLines(path)
    else total += 1
  }
  return total
}

async function countLines(path: string): Promise<number> {
  let lines = 0
  for await (const chunk of createReadStream(path)) {
    const buffer = chunk as Buffer
    for (let i = 0; i < buffer.length; i++) if (buffer[i] === 10) lines++
  }
  return lines
}

function parseCount(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n <= 0) {
    throw sitrepError('E_USAGE', { detail: `expected a positive whole number, got "${value}"` })
  }
  return n
}
