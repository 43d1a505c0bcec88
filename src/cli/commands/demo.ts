import { fileURLToPath } from 'node:url'
import type { Command } from 'commander'
import { extractArticle } from '../../extract.js'
import { readArticles } from '../../ingest/read.js'
import { defaultPipeline } from '../../pipeline.js'
import { loadResources } from '../../resources/index.js'
import { summarize } from '../summary.js'

/** The bundled example articles (written for this project), found from src/ and dist/ alike. */
export const EXAMPLES = fileURLToPath(new URL('../../../examples/articles.jsonl', import.meta.url))

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description(
      "sitrep's main job on the bundled example articles: extract them and show the record",
    )
    .action(async () => {
      const pipeline = defaultPipeline(loadResources())
      for await (const item of readArticles(EXAMPLES)) {
        if (item.kind === 'error') {
          process.stderr.write(`sitrep: ${item.error.message} [${item.error.code}]\n`)
          continue
        }
        const doc = await extractArticle(item.article, pipeline)
        process.stdout.write(summarize(doc) + '\n\n')
      }
    })
}
