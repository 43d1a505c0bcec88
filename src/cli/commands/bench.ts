import type { Command } from 'commander'
import { sitrepError } from '../../core/errors.js'

interface BenchCliOptions {
  docs?: number
  warmup?: number
  json?: boolean
  cold?: boolean
  ingest?: number | true
  shared: string
}

export function registerBench(program: Command): void {
  program
    .command('bench')
    .description('throughput of the full pipeline on one core, against a bare wink-nlp read')
    .argument(
      '[corpus]',
      'a gold folder, a .jsonl, or a folder of .txt (default: ../shared/gold/dev)',
    )
    .option('--docs <n>', 'articles to process, texts cycled (default 5000)', count('--docs', 1))
    .option(
      '--warmup <n>',
      'untimed (but reported) articles on both sides first, for JIT tier-up (default 300)',
      count('--warmup', 0),
    )
    .option('--json', 'print the figures as JSON')
    .option('--cold', 'also time process start to output of `sitrep extract` on one article')
    .option(
      '--ingest [n]',
      'instead: the corpus ingest into SQLite over n synthetic articles (default 50000)',
      count('--ingest', 1),
    )
    .option('--shared <dir>', 'the shared evaluation folder', '../shared')
    .addHelpText(
      'after',
      `
The ratio sitrep/bare is measured in the same run, interleaved in batches:
it is the figure that counts on a noisy machine. --cold builds dist/ first
when it is missing or stale.`,
    )
    .action(async (corpus: string | undefined, options: BenchCliOptions) => {
      if (options.ingest !== undefined) {
        await runIngestBench(options.ingest === true ? 50_000 : options.ingest, options.json)
        return
      }
      // Loaded on use: the bench module loads wink-nlp's model for the bare reference.
      const { formatBench, runBench } = await import('../../eval/bench.js')
      const result = await runBench({
        corpus,
        docs: options.docs,
        warmup: options.warmup,
        shared: options.shared,
        cold: options.cold,
      })
      process.stdout.write(
        (options.json ? JSON.stringify(result, null, 2) : formatBench(result)) + '\n',
      )
    })
}

/** Store and corpus throughput per window of articles, so decay with corpus size shows. */
async function runIngestBench(articles: number, json: boolean | undefined): Promise<void> {
  const { benchIngest } = await import('../../corpus/bench-ingest.js')
  const result = await benchIngest({
    articles,
    onWindow: (w) => {
      if (!json) {
        process.stderr.write(
          `  up to ${w.upTo}: ${w.articlesPerSecond.toFixed(0)} articles/s, ${w.articlesPerCpuSecond.toFixed(0)} per CPU-second, RSS ${w.rssMb.toFixed(0)} MB\n`,
        )
      }
    },
  })
  if (json) {
    process.stdout.write(JSON.stringify(result, null, 2) + '\n')
    return
  }
  process.stdout.write(
    `ingest of ${result.articles} synthetic articles into SQLite (store + corpus, no extraction): ` +
      `${result.articlesPerSecond.toFixed(0)} articles/s wall, ${result.articlesPerCpuSecond.toFixed(0)} per CPU-second, ` +
      `slowest window ${result.sustainedPerCpuSecond.toFixed(0)} per CPU-second, peak RSS ${result.peakRssMb.toFixed(0)} MB\n`,
  )
}

/** A parser for a whole-number option of at least `min`, whose error names the option. */
function count(option: string, min: number): (value: string) => number {
  return (value) => {
    const n = Number(value)
    if (!Number.isInteger(n) || n < min) {
      throw sitrepError('E_USAGE', {
        detail: `${option}: expected a whole number of at least ${min}, got "${value}"`,
      })
    }
    return n
  }
}
