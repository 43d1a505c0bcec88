import { fileURLToPath } from 'node:url'
import type { Command } from 'commander'
import { ingestMany, type IngestItem } from '../../corpus/ingest.js'
import { extractDocs } from '../../extract.js'
import { readArticles } from '../../ingest/read.js'
import { defaultPipeline } from '../../pipeline.js'
import { loadResources } from '../../resources/index.js'
import { openStore } from '../../store/open.js'
import { DEFAULT_DB_FILE } from '../../store/store.js'
import { summarize } from '../summary.js'
import { claimLine } from './claims.js'
import { DEFAULT_HOST, DEFAULT_PORT } from '../../api/server.js'
import { discrepancyLine, storyLine } from './story.js'

/** The bundled example articles (written for this project), found from src/ and dist/ alike. */
export const EXAMPLES = fileURLToPath(new URL('../../../examples/articles.jsonl', import.meta.url))

interface DemoOptions {
  db: string
  serve?: boolean
  port: number
}

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description(
      "sitrep's main job on the bundled example articles: extract them, ingest them into the store, show stories and claims",
    )
    .option('--db <file>', 'SQLite store file', process.env.SITREP_DB ?? DEFAULT_DB_FILE)
    .option('--serve', 'then open the web app on the store')
    .option('--port <n>', 'port for --serve', (v) => Number(v), DEFAULT_PORT)
    .action(async (options: DemoOptions) => {
      await runDemo(options)
    })
}

async function runDemo(options: DemoOptions): Promise<void> {
  const out = (line = '') => process.stdout.write(line + '\n')
  const pipeline = defaultPipeline(loadResources())
  const store = await openStore({ db: options.db })
  const summaries: string[] = []
  try {
    // Idempotent: a second run finds every article already stored and adds nothing.
    const result = await ingestMany(store, examples(), {
      extractMany: async (docs) => {
        const extracted = await extractDocs(docs, pipeline)
        for (const doc of extracted) summaries.push(summarize(doc))
        return extracted
      },
      onError: (where, error) => process.stderr.write(`sitrep: ${error.message} (${where})\n`),
    })
    out(
      `Examples: ${result.seen} articles → ${options.db} (${result.added} added, ${result.unchanged} already stored)\n`,
    )
    for (const summary of summaries) out(summary + '\n')

    const stories = await store.listStories({ limit: 20 })
    out(
      `Stories (${stories.total ?? stories.items.length}): reports of one real-world event, across outlets`,
    )
    for (const story of stories.items) out(storyLine(story))
    const discrepancies = await store.listDiscrepancies({ limit: 10 })
    if (discrepancies.items.length > 0) {
      out('\nDiscrepancies between reports')
      for (const d of discrepancies.items) out(discrepancyLine(d))
    }
    const claims = await store.listClaimClusters({ limit: 12 })
    out(`\nClaims (${claims.total ?? claims.items.length}): with status and independent sources`)
    for (const claim of claims.items) out(claimLine(claim))
  } finally {
    await store.close()
  }
  if (options.serve) {
    const { runServe } = await import('./serve.js')
    await runServe({ db: options.db, port: options.port, host: DEFAULT_HOST })
    out(`\nOpen http://${DEFAULT_HOST}:${options.port}/ in a browser (Ctrl-C stops the server).`)
  } else {
    out('\nNext: `npx sitrep serve` opens the map, timeline, claim board and article views.')
  }
}

async function* examples(): AsyncGenerator<IngestItem> {
  for await (const item of readArticles(EXAMPLES)) {
    if (item.kind === 'error') yield { kind: 'error', error: item.error, where: item.where }
    else yield { kind: 'article', article: item.article, where: item.where }
  }
}
