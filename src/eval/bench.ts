/**
 * `sitrep bench`: throughput of the full pipeline on one core (in-process), with
 * the time per stage and peak RSS, against a bare wink-nlp read (tokens + part of
 * speech) of the same texts timed in the same run. sitrep runs each batch stage by stage
 * (`Pipeline.runBatch`, as extract, ingest and eval do); one article at a time is timed
 * too, and reported beside it. Machines here are noisy, so the
 * two are interleaved in small batches and the ratio is the figure that counts.
 */
import { spawnSync } from 'node:child_process'
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { PerformanceObserver } from 'node:perf_hooks'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import winkNLP from 'wink-nlp'
import model from 'wink-eng-lite-web-model'
import { articleToDoc, type Article } from '../ingest/article.js'
import { readArticles } from '../ingest/read.js'
import { defaultPipeline } from '../pipeline.js'
import { loadResources } from '../resources/index.js'
import { median } from './aggregate.js'

export interface BenchOptions {
  /** A gold folder, a .jsonl (gold docs or articles), or a folder of .txt; default: gold dev. */
  corpus?: string
  /** Articles to process (texts are cycled); default 5,000. */
  docs?: number
  shared?: string
  /** Also measure the cold start of `sitrep extract` (spawned processes). */
  cold?: boolean
  coldRuns?: number
  /** Articles run on both sides before timing starts (JIT tier-up); default 300. */
  warmup?: number
}

export interface BenchResult {
  corpus: string
  texts: number
  docs: number
  words: number
  sitrep: { seconds: number; articlesPerSecond: number; wordsPerSecond: number }
  bare: { seconds: number; articlesPerSecond: number; wordsPerSecond: number }
  /** sitrep throughput / bare wink-nlp throughput (≥ 0.5 is the project's floor). */
  ratio: number
  /**
   * The same articles one at a time (`Pipeline.run`), as `watch` prints single feed items
   * and the queue worker takes jobs: each article goes through all six stages before the
   * next starts, so every stage finds its tables pushed out of the processor's caches by
   * the others. The main figure runs each batch stage by stage (`runBatch`), as extract,
   * ingest and eval do.
   */
  single: { seconds: number; articlesPerSecond: number; ratio: number }
  /** Milliseconds per stage over all docs, and share of the sitrep time. */
  stages: { stage: string; ms: number; share: number }[]
  peakRssMb: number
  node: string
  /** One-minute load average when the run started, and the cores: how noisy the machine was. */
  load: number
  cores: number
  /**
   * The untimed warm-up, timed anyway so that it is not hidden: V8 needs a few hundred
   * articles to optimise sitrep's much larger code, and on a loaded machine its
   * background compiler gets little CPU, so a short run mostly measures tier-up.
   */
  warmup: { docs: number; sitrepMsPerArticle: number; bareMsPerArticle: number }
  /** Garbage-collection pauses inside the timed sitrep and bare batches. */
  gcMs: { sitrep: number; bare: number }
  cold?: ColdResult
}

export interface ColdResult {
  file: string
  runs: number
  medianMs: number
  allMs: number[]
  built: string
  /** Why the cold start could not be measured (a failed build or run). */
  error?: string
}

const BATCH = 50
const WARMUP = 300

function articleOf(value: Record<string, unknown>, fallbackId: string): Article {
  const source = (value.source ?? {}) as Record<string, string | null>
  return {
    id: (value.id as string | undefined) ?? fallbackId,
    text: String(value.text ?? ''),
    outlet: (value.outlet as string | undefined) ?? source.outlet ?? null,
    published: (value.published as string | undefined) ?? source.published ?? null,
    url: (value.url as string | undefined) ?? source.url ?? null,
    language: (value.language as string | undefined) ?? source.language ?? null,
  }
}

/** The texts to benchmark on, and what they are. */
export async function benchTexts(
  options: BenchOptions,
): Promise<{ label: string; articles: Article[] }> {
  const shared = options.shared ?? '../shared'
  let path = options.corpus
  if (!path) {
    const dev = join(shared, 'gold', 'dev')
    if (existsSync(dev)) path = dev
    else {
      process.stderr.write(`sitrep bench: ${shared} not found; using the bundled examples\n`)
      path = join(packageRoot(), 'examples', 'articles.jsonl')
    }
  }
  if (!existsSync(path)) return { label: path, articles: [] }
  const isDir = statSync(path).isDirectory()
  // Gold-format docs (a folder of .json, a .jsonl of docs with a text each) are read here;
  // anything else (text, HTML, feeds, article JSON Lines) through sitrep's own readers.
  if (isDir && readdirSync(path).some((f) => f.endsWith('.json'))) {
    const articles = readdirSync(path)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => {
        const value = JSON.parse(readFileSync(join(path, f), 'utf8')) as Record<string, unknown>
        return articleOf(value, f)
      })
    return { label: path, articles }
  }
  if (!isDir && path.endsWith('.jsonl')) {
    const values = readFileSync(path, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as Record<string, unknown>)
    if (values.every((v) => typeof v.text === 'string')) {
      return { label: path, articles: values.map((v, i) => articleOf(v, `line-${i + 1}`)) }
    }
  }
  if (!isDir && path.endsWith('.json')) {
    const value = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>
    return { label: path, articles: [articleOf(value, path)] }
  }
  return { label: path, articles: await readWithIngest(path) }
}

/** Articles through sitrep's input readers (HTML extraction, feeds); bad items are skipped. */
export async function readWithIngest(path: string): Promise<Article[]> {
  const articles: Article[] = []
  for await (const item of readArticles(path)) {
    if (item.kind === 'article') articles.push(item.article)
    else process.stderr.write(`sitrep bench: skipped ${item.where}: ${item.error.message}\n`)
  }
  return articles
}

function countWords(text: string): number {
  const m = text.match(/\S+/g)
  return m ? m.length : 0
}

/** Run the benchmark. Synchronous work on this thread only: one core. */
export async function runBench(options: BenchOptions = {}): Promise<BenchResult> {
  const { label, articles } = await benchTexts(options)
  if (articles.length === 0) throw new Error(`no texts to benchmark in ${label}`)
  const total = options.docs ?? 5000
  const load = loadavg()[0] ?? 0
  const pipeline = defaultPipeline(loadResources())
  const nlp = winkNLP(model)
  const its = nlp.its
  const words = articles.map((a) => countWords(a.text))

  // A batch of sitrep, as extract and ingest run it: stage by stage over the batch.
  const runSitrep = (batch: Article[], timings: Map<string, number>) => {
    const started = performance.now()
    const docs = batch.map(articleToDoc)
    timings.set('ingest', (timings.get('ingest') ?? 0) + performance.now() - started)
    pipeline.runBatch(docs, timings)
  }
  const runSingle = (a: Article) => pipeline.run(articleToDoc(a))
  const slice = (from: number, to: number) => {
    const out: Article[] = []
    for (let i = from; i < to; i++) out.push(articles[i % articles.length]!)
    return out
  }
  const runBare = (a: Article) => {
    const d = nlp.readDoc(a.text)
    d.tokens().out()
    d.tokens().out(its.pos)
  }

  // Warm up both (JIT, lazy loads such as the gazetteer) before measuring, in the same
  // interleaved batches as the timed run. 20 articles were too few: the pipeline was still
  // being optimised for the first few hundred, at 2-6x its settled cost per stage.
  const warmDocs = options.warmup ?? WARMUP
  const warm = new Map<string, number>()
  let warmSitrep = 0
  let warmBare = 0
  for (let from = 0; from < warmDocs; from += BATCH) {
    const to = Math.min(warmDocs, from + BATCH)
    for (let i = from; i < to; i++) runSingle(articles[i % articles.length]!)
    let t = performance.now()
    runSitrep(slice(from, to), warm)
    warmSitrep += performance.now() - t
    t = performance.now()
    for (let i = from; i < to; i++) runBare(articles[i % articles.length]!)
    warmBare += performance.now() - t
  }

  // GC pauses are part of the cost; they are reported so that their share is visible.
  const batches: { start: number; end: number; sitrep: boolean }[] = []
  const pauses: { start: number; ms: number }[] = []
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) pauses.push({ start: e.startTime, ms: e.duration })
  })
  observer.observe({ entryTypes: ['gc'] })

  const timings = new Map<string, number>()
  let sitrepMs = 0
  let singleMs = 0
  let bareMs = 0
  let totalWords = 0
  for (let from = 0; from < total; from += BATCH) {
    const to = Math.min(total, from + BATCH)
    const batch = slice(from, to)
    // One at a time first, so that bare wink-nlp always follows a batch, as it did before
    // this figure was added (what ran just before a measurement warms or cools its caches).
    let t = performance.now()
    for (const a of batch) runSingle(a)
    singleMs += performance.now() - t
    t = performance.now()
    runSitrep(batch, timings)
    let end = performance.now()
    sitrepMs += end - t
    batches.push({ start: t, end, sitrep: true })
    t = performance.now()
    for (let i = from; i < to; i++) runBare(articles[i % articles.length]!)
    end = performance.now()
    bareMs += end - t
    batches.push({ start: t, end, sitrep: false })
    for (let i = from; i < to; i++) totalWords += words[i % articles.length]!
  }
  // GC entries are delivered on a later turn of the event loop.
  await new Promise((resolve) => setTimeout(resolve, 20))
  observer.disconnect()
  const gcMs = gcInBatches(pauses, batches)
  const rate = (ms: number) => ({
    seconds: ms / 1000,
    articlesPerSecond: total / (ms / 1000),
    wordsPerSecond: totalWords / (ms / 1000),
  })
  const sitrep = rate(sitrepMs)
  const bare = rate(bareMs)
  const stages = [...timings.entries()].map(([stage, ms]) => ({ stage, ms, share: ms / sitrepMs }))
  const result: BenchResult = {
    corpus: label,
    texts: articles.length,
    docs: total,
    words: totalWords,
    sitrep,
    bare,
    ratio: sitrep.articlesPerSecond / bare.articlesPerSecond,
    single: {
      seconds: singleMs / 1000,
      articlesPerSecond: total / (singleMs / 1000),
      ratio: bareMs / singleMs,
    },
    stages,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    node: process.version,
    load,
    cores: availableParallelism(),
    warmup: {
      docs: warmDocs,
      sitrepMsPerArticle: warmDocs ? warmSitrep / warmDocs : 0,
      bareMsPerArticle: warmDocs ? warmBare / warmDocs : 0,
    },
    gcMs,
  }
  if (options.cold) result.cold = coldStart(articles[0]!, options.coldRuns ?? 7)
  return result
}

/** GC pause time that fell inside sitrep batches and inside bare batches. */
function gcInBatches(
  pauses: readonly { start: number; ms: number }[],
  batches: readonly { start: number; end: number; sitrep: boolean }[],
): { sitrep: number; bare: number } {
  const out = { sitrep: 0, bare: 0 }
  let b = 0
  for (const pause of [...pauses].sort((x, y) => x.start - y.start)) {
    while (b < batches.length && batches[b]!.end < pause.start) b++
    const batch = batches[b]
    if (!batch || batch.start > pause.start) continue
    if (batch.sitrep) out.sitrep += pause.ms
    else out.bare += pause.ms
  }
  return out
}

/**
 * Process start to output of `node bin/sitrep.js extract FILE --format json`,
 * median of several runs. Builds dist/ first when it is missing or older than src/;
 * a failed build or extract is reported in the result, not thrown: the warm figures stand.
 */
export function coldStart(article: Article, runs: number): ColdResult {
  const root = packageRoot()
  const base = { file: article.id ?? 'article', runs: 0, medianMs: 0, allMs: [] as number[] }
  const built = ensureBuilt(root)
  if (!built.ok) return { ...base, built: 'not built', error: built.note }
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-'))
  const file = join(dir, 'article.txt')
  writeFileSync(file, article.text)
  const allMs: number[] = []
  try {
    for (let i = 0; i < runs; i++) {
      const started = performance.now()
      const run = spawnSync(
        process.execPath,
        [join(root, 'bin', 'sitrep.js'), 'extract', file, '--format', 'json'],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], cwd: root },
      )
      const ms = performance.now() - started
      if (run.status !== 0) {
        const why = `sitrep extract exited ${run.status}: ${run.stderr.trim().split('\n')[0] ?? ''}`
        return { ...base, built: built.note, error: why }
      }
      allMs.push(ms)
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  return { ...base, runs, medianMs: median(allMs) ?? 0, allMs, built: built.note }
}

/** The folder of sitrep's package.json, from this module (src/eval or dist/eval). */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir)
  return dir
}

function newestMtime(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name)
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full))
    else if (entry.name.endsWith('.ts') || entry.name.endsWith('.tsv')) {
      newest = Math.max(newest, statSync(full).mtimeMs)
    }
  }
  return newest
}

function ensureBuilt(root: string): { ok: boolean; note: string } {
  const entry = join(root, 'dist', 'cli', 'main.js')
  const src = join(root, 'src')
  const fresh =
    existsSync(entry) && (!existsSync(src) || statSync(entry).mtimeMs >= newestMtime(src))
  if (fresh) return { ok: true, note: 'dist/ up to date' }
  process.stderr.write('sitrep bench: dist/ is missing or stale; running npm run build…\n')
  const build = spawnSync('npm', ['run', 'build'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    cwd: root,
  })
  if (build.status !== 0) {
    const out = (build.stdout + build.stderr).trim().split('\n')
    const firstError = out.find((l) => /error/i.test(l)) ?? out.slice(-1)[0] ?? ''
    // tsc emits even when another module has type errors: measure that output, and say so.
    const note = `npm run build failed (${firstError.trim()})`
    if (existsSync(entry)) return { ok: true, note: `${note}; measured the JavaScript tsc emitted` }
    return { ok: false, note }
  }
  return { ok: true, note: 'built with npm run build' }
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })

export function formatBench(r: BenchResult): string {
  const lines = [
    `corpus ${r.corpus}: ${r.texts} texts cycled to ${fmt(r.docs)} articles, ${fmt(r.words)} words (Node ${r.node}, one core; load ${r.load.toFixed(1)} on ${r.cores} cores at start)`,
    `  sitrep   ${fmt(r.sitrep.articlesPerSecond, 1).padStart(9)} articles/s ${fmt(r.sitrep.wordsPerSecond).padStart(10)} words/s  (${r.sitrep.seconds.toFixed(1)} s)`,
    `  bare     ${fmt(r.bare.articlesPerSecond, 1).padStart(9)} articles/s ${fmt(r.bare.wordsPerSecond).padStart(10)} words/s  (${r.bare.seconds.toFixed(1)} s)  wink-nlp readDoc + tokens + pos`,
    `  one by one ${fmt(r.single.articlesPerSecond, 1).padStart(7)} articles/s  (${r.single.seconds.toFixed(1)} s)  Pipeline.run per article (watch, queue worker): ratio ${r.single.ratio.toFixed(2)}`,
    `  ratio sitrep/bare ${r.ratio.toFixed(2)} (batches of ${BATCH}, stage by stage, as extract and ingest)   peak RSS ${fmt(r.peakRssMb)} MB   GC pauses: sitrep ${fmt(r.gcMs.sitrep)} ms, bare ${fmt(r.gcMs.bare)} ms`,
    `  untimed warm-up of ${fmt(r.warmup.docs)} articles: sitrep ${fmt(r.warmup.sitrepMsPerArticle, 2)} ms/article, bare ${fmt(r.warmup.bareMsPerArticle, 2)} ms/article`,
    '  time per stage:',
  ]
  for (const s of r.stages) {
    lines.push(
      `    ${s.stage.padEnd(12)} ${fmt(s.ms).padStart(8)} ms  ${(s.share * 100).toFixed(1).padStart(5)}%`,
    )
  }
  if (r.cold?.error) lines.push(`  cold start not measured: ${r.cold.error}`)
  else if (r.cold) {
    lines.push(
      `  cold start of sitrep extract (${r.cold.file}, ${r.cold.built}): median ${fmt(r.cold.medianMs)} ms over ${r.cold.runs} runs [${r.cold.allMs.map((m) => fmt(m)).join(', ')}]`,
    )
  }
  return lines.join('\n')
}

/** The bench section of docs/quality.md. */
export function formatBenchMarkdown(r: BenchResult): string {
  const out = [
    '## Throughput (`sitrep bench`)',
    '',
    `${r.texts} texts from \`${r.corpus}\` cycled to ${fmt(r.docs)} articles (${fmt(r.words)} words), in-process on one core, Node ${r.node}; the machine's load average was ${r.load.toFixed(1)} on ${r.cores} cores at the start (shared machine: read the ratio, not the absolute rates).`,
    '',
    '| run | articles/s | words/s |',
    '| --- | --- | --- |',
    `| sitrep (full pipeline, batches of ${BATCH} stage by stage, as extract, ingest and eval run) | ${fmt(r.sitrep.articlesPerSecond, 1)} | ${fmt(r.sitrep.wordsPerSecond)} |`,
    `| sitrep one article at a time (\`Pipeline.run\`: watch, queue worker) | ${fmt(r.single.articlesPerSecond, 1)} | ${fmt((r.words / r.docs) * r.single.articlesPerSecond)} |`,
    `| bare wink-nlp (tokens + pos) | ${fmt(r.bare.articlesPerSecond, 1)} | ${fmt(r.bare.wordsPerSecond)} |`,
    '',
    `Ratio sitrep/bare: **${r.ratio.toFixed(2)}** (floor 0.5); one at a time ${r.single.ratio.toFixed(2)}. Peak RSS ${fmt(r.peakRssMb)} MB.`,
    '',
    '| stage | ms | share |',
    '| --- | --- | --- |',
    ...r.stages.map((s) => `| ${s.stage} | ${fmt(s.ms)} | ${(s.share * 100).toFixed(1)}% |`),
  ]
  if (r.cold?.error) out.push('', `Cold start not measured: ${r.cold.error}.`)
  else if (r.cold) {
    out.push(
      '',
      `Cold start of \`sitrep extract\` on one article: median ${fmt(r.cold.medianMs)} ms over ${r.cold.runs} runs.`,
    )
  }
  return out.join('\n')
}
