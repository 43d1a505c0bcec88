/**
 * The ingest benchmark (for `sitrep bench --ingest`): a seeded synthetic corpus
 * streamed through `ingestMany` into a fresh SQLite file. It measures the store and
 * the corpus (reprints, stories, claims, discrepancies), not extraction: the
 * layers come from `syntheticExtract` unless `extract` is given.
 *
 * The machines here are shared, so besides wall-clock rates it reports articles per
 * CPU-second of this process (what one core sustains), per window of articles, so a
 * rate that decays with corpus size shows.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Doc } from '../core/record.js'
import { openSqliteStore } from '../store/sqlite.js'
import type { StoreStats } from '../store/store.js'
import { ingestMany } from './ingest.js'
import { syntheticArticles, syntheticExtract } from './synthetic.js'

export interface IngestBenchOptions {
  /** Articles to ingest (default 50,000). */
  articles?: number
  /** SQLite file (default: a temporary file, removed afterwards). */
  file?: string
  batchSize?: number
  /** Window for the sustained rate (default 5,000 articles). */
  window?: number
  seed?: number
  extract?: (doc: Doc) => Doc | Promise<Doc>
  onWindow?: (window: IngestBenchWindow) => void
}

export interface IngestBenchWindow {
  /** Articles seen at the end of the window. */
  upTo: number
  articlesPerSecond: number
  articlesPerCpuSecond: number
  rssMb: number
}

export interface IngestBenchResult {
  articles: number
  seconds: number
  articlesPerSecond: number
  cpuSeconds: number
  articlesPerCpuSecond: number
  /** The slowest window, per CPU-second: the sustained figure. */
  sustainedPerCpuSecond: number
  peakRssMb: number
  windows: IngestBenchWindow[]
  stats: StoreStats
}

export async function benchIngest(options: IngestBenchOptions = {}): Promise<IngestBenchResult> {
  const articles = options.articles ?? 50_000
  const windowSize = options.window ?? 5_000
  const dir = options.file ? null : mkdtempSync(join(tmpdir(), 'sitrep-bench-ingest-'))
  const file = options.file ?? join(dir!, 'bench.db')
  const store = await openSqliteStore({ file })
  const windows: IngestBenchWindow[] = []
  const started = { wall: performance.now(), cpu: process.cpuUsage() }
  let mark = { seen: 0, wall: started.wall, cpu: started.cpu }
  try {
    await ingestMany(store, syntheticArticles(articles, options.seed ?? 1), {
      extract: options.extract ?? syntheticExtract,
      batchSize: options.batchSize ?? 500,
      onProgress: (progress) => {
        if (progress.seen - mark.seen < windowSize && progress.seen < articles) return
        const wall = performance.now()
        const cpu = process.cpuUsage()
        const n = progress.seen - mark.seen
        const window: IngestBenchWindow = {
          upTo: progress.seen,
          articlesPerSecond: round(n / ((wall - mark.wall) / 1000)),
          articlesPerCpuSecond: round(n / cpuSeconds(mark.cpu, cpu)),
          rssMb: Math.round(process.memoryUsage().rss / 1e6),
        }
        windows.push(window)
        options.onWindow?.(window)
        mark = { seen: progress.seen, wall, cpu }
      },
    })
    const seconds = (performance.now() - started.wall) / 1000
    const cpu = cpuSeconds(started.cpu, process.cpuUsage())
    return {
      articles,
      seconds: round(seconds),
      articlesPerSecond: round(articles / seconds),
      cpuSeconds: round(cpu),
      articlesPerCpuSecond: round(articles / cpu),
      sustainedPerCpuSecond: Math.min(...windows.map((w) => w.articlesPerCpuSecond)),
      // maxRSS is the process's peak resident set, in KB.
      peakRssMb: Math.round((process.resourceUsage().maxRSS * 1024) / 1e6),
      windows,
      stats: await store.stats(),
    }
  } finally {
    await store.close()
    if (dir) rmSync(dir, { recursive: true, force: true })
  }
}

function cpuSeconds(from: NodeJS.CpuUsage, to: NodeJS.CpuUsage): number {
  return Math.max(0.001, (to.user - from.user + to.system - from.system) / 1e6)
}

function round(value: number): number {
  return Math.round(value * 10) / 10
}
