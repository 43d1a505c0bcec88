import { writeFileSync } from 'node:fs'
import type { Command } from 'commander'
import { sitrepError } from '../../core/errors.js'
import { GOLD_LAYERS, type GoldLayer } from '../../core/gold.js'
import type { EvalAllOptions } from '../../eval/all.js'

interface EvalOptions {
  only?: string
  json?: boolean
  out?: string
  errors?: boolean
  predictions?: string
}

/** `sitrep eval` (one gold set) and `sitrep eval-all` (every set in ../shared, into docs/quality.md). */
export function registerEval(program: Command): void {
  program
    .command('eval')
    .description('score sitrep against a gold set (../shared/gold/FORMAT.md)')
    .argument('<gold>', 'a folder of gold .json files, a .jsonl file, or one .json file')
    .option(
      '--only <layers>',
      `score only these layers, comma-separated (${GOLD_LAYERS.join(', ')})`,
    )
    .option('--json', 'print all figures (and per-doc counts) as JSON')
    .option('--out <file>', 'also write the report (JSON with --json, else text) to this file')
    .option('--errors', 'list misses, false hits and wrong attributes per document, with why')
    .option(
      '--predictions <path>',
      'score these gold-format predictions (folder or .jsonl, matched by id) instead of running sitrep',
    )
    .addHelpText(
      'after',
      `
A gold doc's "layers" field limits the layers scored for it. Layers no stage
computes yet are scored as empty predictions.`,
    )
    .action(async (gold: string, options: EvalOptions) => {
      await runEval(gold, options)
    })

  program
    .command('eval-all')
    .description('evaluate every gold set present in ../shared and write docs/quality.md')
    .option('--shared <dir>', 'the shared evaluation folder', '../shared')
    .option(
      '--sets <names>',
      'only these sets, comma-separated: gold-dev, gold-dev+UA.wof, gwn-dev, plover-gsr, polnear-dev, polnear-train, tr-news',
    )
    .option('--limit <n>', 'at most this many docs per set (polnear-train has 840)', parseCount)
    .option('--out <file>', 'the summary file to write', 'docs/quality.md')
    .option('--no-bench', 'skip the throughput section')
    .option('--bench-docs <n>', 'articles for the throughput section (default 5000)', parseCount)
    .action(async (options: EvalAllOptions) => {
      // Loaded on use, so that other commands do not pay for the evaluation code at start-up.
      const { runEvalAll } = await import('../../eval/all.js')
      await runEvalAll(options)
    })
}

const CLUSTERED_BY = {
  corpus: 'src/corpus clusterEvents',
  given: 'the given clusterEvents',
  none: 'nothing (event keys as the pipeline gave them)',
} as const

export function parseLayers(value: string | undefined): GoldLayer[] | undefined {
  if (!value) return undefined
  const layers = value.split(',').map((s) => s.trim())
  for (const layer of layers) {
    if (!(GOLD_LAYERS as readonly string[]).includes(layer)) {
      throw sitrepError('E_USAGE', {
        detail: `--only: unknown layer "${layer}" (layers: ${GOLD_LAYERS.join(', ')})`,
      })
    }
  }
  return layers as GoldLayer[]
}

/** A progress counter on a terminal's stderr (nothing when piped). */
function progress(done: number, total: number): void {
  if (!process.stderr.isTTY || total < 20) return
  if (done % 10 === 0 || done === total) {
    process.stderr.write(`\rsitrep eval: ${done}/${total} docs${done === total ? '\n' : ''}`)
  }
}

function parseCount(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n <= 0) {
    throw sitrepError('E_USAGE', { detail: `expected a positive whole number, got "${value}"` })
  }
  return n
}

async function runEval(goldPath: string, options: EvalOptions): Promise<void> {
  const { readGoldSet } = await import('../../eval/read.js')
  const { formatErrors, formatFigures, formatStoryErrors } = await import('../../eval/report.js')
  const { evaluateSet, scorePredictions } = await import('../../eval/run.js')
  const only = parseLayers(options.only)
  const golds = readGoldSet(goldPath)
  if (golds.length === 0) {
    throw sitrepError('E_USAGE', { detail: `${goldPath} holds no gold documents` })
  }
  const result = options.predictions
    ? {
        ...scorePredictions(golds, readGoldSet(options.predictions), only),
        seconds: 0,
        clustering: 'given' as const,
      }
    : await evaluateSet(golds, { only, onDoc: progress })
  let report: string
  if (options.json) {
    report = JSON.stringify(
      {
        gold: goldPath,
        only: only ?? null,
        seconds: result.seconds,
        clustering: result.clustering,
        figures: result.figures,
        docs: result.docs.map((d) => (options.errors ? d : { ...d, errors: undefined })),
      },
      null,
      2,
    )
  } else {
    const parts = [formatFigures(goldPath, result.figures)]
    if (!options.predictions) {
      const rate =
        result.seconds > 0 ? ` (${(golds.length / result.seconds).toFixed(1)} docs/s)` : ''
      parts.push(
        `pipeline ${result.seconds.toFixed(1)} s${rate}; stories clustered by: ${CLUSTERED_BY[result.clustering]}`,
      )
    }
    if (options.errors) {
      parts.push('', formatErrors(result.docs, only))
      const stories = formatStoryErrors(result.docs)
      if (stories) parts.push(stories)
    }
    report = parts.join('\n')
  }
  process.stdout.write(report + '\n')
  if (options.out) writeFileSync(options.out, report + '\n')
}
