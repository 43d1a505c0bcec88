/**
 * `sitrep eval-all` (`npm run eval`): every gold set present in ../shared,
 * scored, into a dated summary table in docs/quality.md. Without ../shared (a
 * user's machine) it says so and runs only the bundled examples.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import type { GoldDoc } from '../core/gold.js'
import type { BenchResult } from './bench.js'
import { headline, formatFigures } from './report.js'
import { readGoldSet } from './read.js'
import { evaluateSet, type SetResult } from './run.js'

export interface EvalAllOptions {
  shared: string
  sets?: string
  limit?: number
  out: string
  bench?: boolean
  /** Articles for the throughput section (default 5,000). */
  benchDocs?: number
}

interface GoldSet {
  name: string
  path: string
  /** Gazetteer db to use for this set (SITREP_GAZETTEER), when not the default. */
  gazetteer?: string
  note?: string
}

/** The sets present under the shared folder, in a fixed order. */
export function findSets(shared: string): GoldSet[] {
  const sets: GoldSet[] = []
  const dev = join(shared, 'gold', 'dev')
  if (existsSync(dev)) sets.push({ name: 'gold-dev', path: dev })
  const corpora = join(shared, 'corpora')
  if (existsSync(corpora)) {
    for (const file of readdirSync(corpora).sort()) {
      if (file.endsWith('.gold.jsonl')) {
        sets.push({ name: file.replace(/\.gold\.jsonl$/, ''), path: join(corpora, file) })
      }
    }
  }
  return sets
}

const UA_SET = 'gold-dev+UA.wof'

const log = (line: string) => process.stderr.write(line + '\n')

export async function runEvalAll(options: EvalAllOptions): Promise<void> {
  const shared = resolve(options.shared)
  const rows: { set: string; docs: number; layer: string; figures: string }[] = []
  const notes: string[] = []
  const blocks: string[] = []
  let cleanup: (() => void) | null = null

  // The bundled examples carry gold annotations of their own (examples/gold): a
  // held-out set scored on every run, and the only one on a machine without ../shared.
  const bundled = join((await import('./bench.js')).packageRoot(), 'examples', 'gold')
  const wanted = options.sets?.split(',').map((s) => s.trim())
  let sets: GoldSet[] = existsSync(bundled)
    ? [{ name: 'examples', path: bundled, note: 'held out' }]
    : []
  if (!existsSync(shared)) {
    notes.push(
      `${options.shared} is absent: only the bundled examples (examples/gold) were scored.`,
    )
    log(`sitrep: ${options.shared} not found; scoring the bundled examples only`)
    if (sets.length === 0) blocks.push(await smokeExamples())
  } else {
    sets.push(...findSets(shared))
    const dev = sets.find((s) => s.name === 'gold-dev')
    if (dev && (!wanted || wanted.includes(UA_SET))) {
      const ua = importUkraineGazetteer(shared)
      notes.push(ua.note)
      if (ua.db) {
        cleanup = ua.cleanup
        sets.splice(sets.indexOf(dev) + 1, 0, {
          name: UA_SET,
          path: dev.path,
          gazetteer: ua.db,
          note: 'with ../shared/gazetteer/UA.wof.txt imported',
        })
      }
    }
  }
  if (wanted) sets = sets.filter((s) => wanted.includes(s.name))
  if (options.limit) notes.push(`At most ${options.limit} docs per set (--limit).`)
  for (const set of sets) {
    let golds: GoldDoc[] = readGoldSet(set.path)
    if (options.limit) golds = golds.slice(0, options.limit)
    log(`sitrep eval-all: ${set.name} (${golds.length} docs)…`)
    const result = await withGazetteer(set.gazetteer, () =>
      evaluateSet(golds, {
        resources: set.gazetteer ? { gazetteerPath: set.gazetteer } : {},
      }),
    )
    log(`  ${result.seconds.toFixed(1)} s in the pipeline`)
    for (const row of headline(result.figures)) {
      rows.push({ set: set.name, docs: golds.length, ...row })
    }
    blocks.push(formatFigures(set.name + (set.note ? ` (${set.note})` : ''), result.figures))
    noteClustering(result, set.name, notes)
  }
  cleanup?.()

  let bench = ''
  if (options.bench !== false) {
    log('sitrep eval-all: throughput (sitrep bench --cold, in a fresh process)…')
    bench = await benchInFreshProcess(options)
  }
  const markdown = qualityMarkdown(rows, notes, blocks, bench)
  mkdirSync(dirname(resolve(options.out)), { recursive: true })
  writeFileSync(options.out, markdown)
  process.stdout.write(markdown)
  log(`sitrep eval-all: wrote ${options.out}`)
}

function noteClustering(result: SetResult, set: string, notes: string[]): void {
  if (result.figures.stories && result.clustering === 'none') {
    const note = 'Stories: no corpus clustering was available; each event keeps its own key.'
    if (!notes.includes(note)) notes.push(note)
  } else if (result.figures.stories) {
    const note = `Stories (${set}): keys assigned across the set by src/corpus clusterEvents.`
    notes.push(note)
  }
}

/**
 * The bench runs in a process of its own, so that its peak RSS and timings are not
 * those of the evaluation runs before it.
 */
async function benchInFreshProcess(options: EvalAllOptions): Promise<string> {
  const { formatBenchMarkdown } = await import('./bench.js')
  const args = ['bench', '--json', '--cold', '--shared', options.shared]
  if (options.benchDocs) args.push('--docs', String(options.benchDocs))
  const run = spawnSync(process.execPath, [...selfArgs(), ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  })
  if (run.status !== 0) {
    return `## Throughput (\`sitrep bench\`)\n\nNot measured: sitrep bench exited ${run.status}.`
  }
  return formatBenchMarkdown(JSON.parse(run.stdout) as BenchResult)
}

/** The arguments that start this same CLI again (the tsx loader included, in development). */
function selfArgs(): string[] {
  return [...process.execArgv, process.argv[1] ?? '']
}

/** Run a step with SITREP_GAZETTEER pointing at `db` (restored afterwards). */
async function withGazetteer<T>(db: string | undefined, step: () => Promise<T>): Promise<T> {
  if (!db) return step()
  const before = process.env.SITREP_GAZETTEER
  process.env.SITREP_GAZETTEER = db
  try {
    return await step()
  } finally {
    if (before === undefined) delete process.env.SITREP_GAZETTEER
    else process.env.SITREP_GAZETTEER = before
  }
}

/**
 * Import ../shared/gazetteer/UA.wof.txt into a throw-away gazetteer db through
 * `sitrep gazetteer import`, when this build has that command (checked at run time).
 */
function importUkraineGazetteer(shared: string): {
  db: string | null
  note: string
  cleanup: () => void
} {
  const file = join(shared, 'gazetteer', 'UA.wof.txt')
  const admin1 = join(shared, 'gazetteer', 'admin1-UA.txt')
  const none = () => {}
  if (!existsSync(file)) {
    return { db: null, note: 'UA.wof.txt not found: no gold-dev+UA.wof row.', cleanup: none }
  }
  const self = selfArgs()
  const help = spawnSync(process.execPath, [...self, 'gazetteer', 'import', '--help'], {
    encoding: 'utf8',
  })
  if (help.status !== 0 || !/import/.test(help.stdout)) {
    return {
      db: null,
      note: 'This build has no `sitrep gazetteer import` command: gold-dev was run with the default gazetteer only (no UA.wof.txt row).',
      cleanup: none,
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-eval-gazetteer-'))
  const db = join(dir, 'gazetteer.db')
  log('sitrep eval-all: importing UA.wof.txt into a temporary gazetteer…')
  const run = spawnSync(
    process.execPath,
    [...self, 'gazetteer', 'import', file, ...(existsSync(admin1) ? ['--admin1', admin1] : [])],
    {
      encoding: 'utf8',
      env: { ...process.env, SITREP_GAZETTEER: db },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  const cleanup = () => rmSync(dir, { recursive: true, force: true })
  if (run.status !== 0) {
    cleanup()
    const why = (run.stderr || run.stdout).trim().split('\n').slice(-1)[0] ?? ''
    return {
      db: null,
      note: `Importing UA.wof.txt failed (${why}): no gold-dev+UA.wof row.`,
      cleanup: none,
    }
  }
  return {
    db,
    note: 'gold-dev+UA.wof: gold-dev again, with ../shared/gazetteer/UA.wof.txt (and admin1-UA.txt) imported into a temporary gazetteer (SITREP_GAZETTEER).',
    cleanup,
  }
}

/** Without ../shared: run the bundled example articles through the pipeline and count what it finds. */
async function smokeExamples(): Promise<string> {
  const { readWithIngest, packageRoot } = await import('./bench.js')
  const examples = join(packageRoot(), 'examples', 'articles.jsonl')
  if (!existsSync(examples))
    return 'The bundled examples (examples/articles.jsonl) are absent too: nothing was run.'
  const { defaultPipeline } = await import('../pipeline.js')
  const { loadResources } = await import('../resources/index.js')
  const { articleToDoc } = await import('../ingest/article.js')
  const pipeline = defaultPipeline(loadResources())
  const lines = ['Bundled examples (no gold: counts of what sitrep found)']
  for (const article of await readWithIngest(examples)) {
    const doc = pipeline.run(articleToDoc(article))
    const count = (l: keyof typeof doc.layers) => doc.layers[l]?.length ?? 0
    lines.push(
      `  ${doc.id}: ${count('entities')} entities, ${count('places')} places, ${count('quotes')} quotes, ${count('claims')} claims, ${count('events')} events`,
    )
  }
  return lines.join('\n')
}

function qualityMarkdown(
  rows: { set: string; docs: number; layer: string; figures: string }[],
  notes: string[],
  blocks: string[],
  bench: string,
): string {
  const date = new Date().toISOString().slice(0, 10)
  const escape = (s: string) => s.replace(/\|/g, '\\|')
  const out = [
    '# sitrep quality',
    '',
    `Generated by \`npm run eval\` (\`sitrep eval-all\`) on ${date}. Scoring as in`,
    '../shared/gold/FORMAT.md; P = precision, R = recall. A layer that no stage computes yet is',
    "scored as an empty prediction (recall 0). Where FORMAT.md is silent, the scorer's choices are",
    'listed in src/eval/README.md. Do not edit by hand: rerun `npm run eval`.',
    '',
  ]
  if (rows.length > 0) {
    out.push('| set | docs | layer | figures |', '| --- | --- | --- | --- |')
    for (const r of rows) out.push(`| ${r.set} | ${r.docs} | ${r.layer} | ${escape(r.figures)} |`)
    out.push('')
  }
  if (notes.length > 0) out.push('## Notes', '', ...notes.map((n) => `- ${n}`), '')
  if (bench) out.push(bench, '')
  out.push(
    '## Other figures',
    '',
    '- Ingest into the store: `sitrep bench --ingest 50000` (figures in src/corpus/README.md).',
    '- Load on `sitrep serve` over a 100,000-article store: `npm run load` writes [load.md](load.md).',
    '',
  )
  out.push('## Full figures', '', '```text', blocks.join('\n\n'), '```', '')
  return out.join('\n')
}
