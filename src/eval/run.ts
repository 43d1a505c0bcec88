/**
 * Runs sitrep's own pipeline on every gold doc's text and scores the output.
 */
import type { Pipeline } from '../core/pipeline.js'
import { toGold, type GoldDoc, type GoldLayer } from '../core/gold.js'
import type { Doc } from '../core/record.js'
import { articleToDoc } from '../ingest/article.js'
import { defaultPipeline } from '../pipeline.js'
import { loadResources, type ResourceOptions } from '../resources/index.js'
import { aggregate } from './aggregate.js'
import { scoreDoc } from './score.js'
import type { DocScore, SetFigures } from './types.js'

/** Assigns story keys (`event.key`) across a set of docs, in place: the corpus layer's job. */
export type ClusterEvents = (docs: Doc[]) => void | Promise<void>

export interface EvalOptions {
  only?: readonly GoldLayer[]
  /** The pipeline to run; default: the default pipeline over loaded resources. */
  pipeline?: Pipeline
  resources?: ResourceOptions
  /**
   * Cross-article story clustering. Default: `clusterEvents` exported by
   * src/corpus/index.ts when that module exists; otherwise events keep the keys
   * the pipeline gave them (each keyless event is then a story of its own).
   */
  clusterEvents?: ClusterEvents | null
  /** Called after each doc, for progress display. */
  onDoc?: (done: number, total: number) => void
}

export interface SetResult {
  figures: SetFigures
  docs: DocScore[]
  /** Wall-clock seconds spent in the pipeline. */
  seconds: number
  clustering: 'corpus' | 'given' | 'none'
}

/** The pipeline's own input for a gold doc: its text and `source` metadata. */
export function goldToDoc(gold: GoldDoc): Doc {
  return articleToDoc({
    id: gold.id,
    text: gold.text,
    outlet: gold.source?.outlet ?? null,
    published: gold.source?.published ?? null,
    url: gold.source?.url ?? null,
    language: gold.source?.language ?? null,
  })
}

/** Run the pipeline on each gold doc's text and return the predictions as pipeline docs. */
export function predict(
  golds: readonly GoldDoc[],
  pipeline: Pipeline,
  onDoc?: (done: number, total: number) => void,
): Doc[] {
  // In groups, stage by stage (`runBatch`), as extract and ingest run: the same records, faster.
  const docs: Doc[] = []
  for (let from = 0; from < golds.length; from += PREDICT_GROUP) {
    const group = golds.slice(from, from + PREDICT_GROUP).map(goldToDoc)
    docs.push(...pipeline.runBatch(group))
    onDoc?.(docs.length, golds.length)
  }
  return docs
}

const PREDICT_GROUP = 32

/** Evaluate a gold set: predict, cluster stories across the set, score, aggregate. */
export async function evaluateSet(
  golds: readonly GoldDoc[],
  options: EvalOptions = {},
): Promise<SetResult> {
  const pipeline = options.pipeline ?? defaultPipeline(loadResources(options.resources))
  const started = performance.now()
  const docs = predict(golds, pipeline, options.onDoc)
  const seconds = (performance.now() - started) / 1000
  let clustering: SetResult['clustering'] = 'none'
  const cluster =
    options.clusterEvents === undefined ? await corpusClusterer() : options.clusterEvents
  if (cluster) {
    try {
      await cluster(docs)
      clustering = options.clusterEvents ? 'given' : 'corpus'
    } catch (error) {
      // A clustering bug must not cost the other figures: score the keys as the pipeline left them.
      const why = error instanceof Error ? error.message : String(error)
      process.stderr.write(`sitrep eval: story clustering failed, scored without it: ${why}\n`)
    }
  }
  const scores = golds.map((gold, i) => scoreDoc(gold, toGold(docs[i]!), { only: options.only }))
  return { figures: aggregate(scores), docs: scores, seconds, clustering }
}

/** Score already-made predictions (gold-format docs, matched to gold by id). */
export function scorePredictions(
  golds: readonly GoldDoc[],
  predictions: readonly GoldDoc[],
  only?: readonly GoldLayer[],
): { figures: SetFigures; docs: DocScore[] } {
  const byId = new Map(predictions.map((p) => [p.id, p]))
  const scores = golds.map((gold) => {
    const pred = byId.get(gold.id) ?? {
      id: gold.id,
      source: gold.source,
      text: gold.text,
      layers: [],
    }
    return scoreDoc(gold, pred, { only })
  })
  return { figures: aggregate(scores), docs: scores }
}

/**
 * The corpus layer's story clustering, when it exists. The module path is a
 * variable so that the build does not depend on a module another issue delivers.
 */
async function corpusClusterer(): Promise<ClusterEvents | null> {
  for (const path of CORPUS_MODULES) {
    try {
      const mod = (await import(path)) as { clusterEvents?: unknown }
      if (typeof mod.clusterEvents === 'function') return mod.clusterEvents as ClusterEvents
    } catch {
      // Not built yet: try the next place, then go without clustering.
    }
  }
  return null
}

const CORPUS_MODULES = ['../corpus/index.js', '../corpus/stories.js']
