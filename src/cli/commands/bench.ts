import type { Command } from 'commander'
import { sitrepError } from '../../core/errors.js'

interface BenchCliOptions {
  docs?: number
  json?: boolean
  cold?: boolean
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
    .option('--docs <n>', 'articles to process, texts cycled (default 5000)', parseCount)
    .option('--json', 'print the figures as JSON')
    .option('--cold', 'also time process start to output of `sitrep extract` on one article')
    .option('--shared <dir>', 'the shared evaluation folder', '../shared')
    .addHelpText(
      'after',
      `
The ratio sitrep/bare is measured in the same run, interleaved in batches:
it is the figure that counts on a noisy machine. --cold builds dist/ first
when it is missing or stale.`,
    )
    .action(async (corpus: string | undefined, options: BenchCliOptions) => {
      // Loaded on use: the bench module loads wink-nlp's model for the bare reference.
      const { formatBench, runBench } = await import('../../eval/bench.js')
      const result = await runBench({
        corpus,
        docs: options.docs,
        shared: options.shared,
        cold: options.cold,
      })
      process.stdout.write(
        (options.json ? JSON.stringify(result, null, 2) : formatBench(result)) + '\n',
      )
    })
}

function parseCount(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n <= 0) {
    throw sitrepError('E_USAGE', {
      detail: `--docs: expected a positive whole number, got "${value}"`,
    })
  }
  return n
}
