/**
 * Builds the 100,000-article SQLite store the load test serves (once; cached).
 * Synthetic articles with `syntheticExtract` (layers read back from the generated
 * lead sentence), so the store has events, stories and claims without paying for
 * the extraction pipeline 100,000 times. Written to a temporary name and renamed
 * when complete, so an interrupted build is never taken for a finished one.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { dirname } from 'node:path'
import { benchIngest } from '../src/corpus/bench-ingest.js'

export const LOAD_ARTICLES = 100_000
export const LOAD_STORE = process.env.SITREP_LOAD_DB ?? '.sitrep/load-100k.db'

/** The cached store's path, building it first when missing. */
export async function ensureLoadStore(file = LOAD_STORE): Promise<string> {
  if (existsSync(file)) return file
  mkdirSync(dirname(file), { recursive: true })
  const partial = `${file}.partial`
  for (const suffix of ['', '-wal', '-shm']) rmSync(partial + suffix, { force: true })
  process.stderr.write(`load: building ${file} (${LOAD_ARTICLES} synthetic articles)\n`)
  const result = await benchIngest({
    articles: LOAD_ARTICLES,
    file: partial,
    batchSize: 500,
    window: 10_000,
    onWindow: (w) =>
      process.stderr.write(`load: ${w.upTo} articles, ${w.articlesPerSecond.toFixed(0)}/s\n`),
  })
  renameSync(partial, file)
  for (const suffix of ['-wal', '-shm']) rmSync(partial + suffix, { force: true })
  process.stderr.write(
    `load: built in ${result.seconds.toFixed(0)} s: ${JSON.stringify(result.stats)}\n`,
  )
  return file
}

if (import.meta.url === `file://${process.argv[1]}`) await ensureLoadStore()
