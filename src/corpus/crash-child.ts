/**
 * The process the crash test kills: ingests a JSON Lines file of synthetic
 * articles into a SQLite store, printing "progress N" after each committed batch.
 * Usage: node --import tsx src/corpus/crash-child.ts <input.jsonl> <store.db> [batch]
 */
import { readArticles } from '../ingest/read.js'
import { openSqliteStore } from '../store/sqlite.js'
import { ingestMany, type IngestItem } from './ingest.js'
import { syntheticExtract } from './synthetic.js'

async function* items(path: string): AsyncGenerator<IngestItem> {
  for await (const item of readArticles(path)) {
    if (item.kind === 'article') yield { kind: 'article', article: item.article, where: item.where }
    else yield { kind: 'error', error: item.error, where: item.where }
  }
}

async function run(): Promise<void> {
  const [input, file, batch] = process.argv.slice(2)
  if (!input || !file) throw new Error('usage: crash-child <input.jsonl> <store.db> [batch]')
  const store = await openSqliteStore({ file })
  const result = await ingestMany(store, items(input), {
    extract: syntheticExtract,
    batchSize: Number(batch ?? 25),
    onProgress: (p) => process.stdout.write(`progress ${p.seen}\n`),
  })
  await store.close()
  process.stdout.write(`done ${JSON.stringify(result)}\n`)
}

void run()
