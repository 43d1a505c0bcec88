import { sitrepError } from './errors.js'
import type { Doc, LayerName } from './record.js'
import type { Resources } from './resources.js'
import { createContext, type Stage } from './stage.js'

export interface Pipeline {
  readonly stages: readonly Stage[]
  /** Run every stage in order on the doc, in place; returns the same doc. */
  run(doc: Doc, timings?: Map<string, number>): Doc
  /**
   * Run every stage over all the docs, stage by stage (spaCy's `nlp.pipe`): the same
   * records as `run` on each doc in turn, about 1.5 times faster, because one stage's
   * tables and code stay in the processor's caches over the whole batch instead of
   * being pushed out by the other five stages between two articles. Use it wherever
   * articles come in numbers (extract of a file, ingest, eval); returns the same docs.
   */
  runBatch(docs: readonly Doc[], timings?: Map<string, number>): Doc[]
  /** A table of stages with what they require and provide (for `--help` and docs). */
  describe(): string
}

/**
 * Assemble stages into a pipeline, checking at assembly time (not mid-run) that
 * every required layer is provided by an earlier stage, that no layer is provided
 * twice, and that every resource a stage names was supplied.
 */
export function createPipeline(stages: readonly Stage[], resources: Resources): Pipeline {
  const providedBy = new Map<LayerName, string>()
  for (const stage of stages) {
    for (const layer of stage.requires) {
      if (!providedBy.has(layer)) throw sitrepError('E_STAGE_ORDER', { stage: stage.name, layer })
    }
    for (const layer of stage.provides) {
      const other = providedBy.get(layer)
      if (other)
        throw sitrepError('E_STAGE_DUPLICATE_PROVIDER', { stage: stage.name, layer, other })
      providedBy.set(layer, stage.name)
    }
    for (const resource of stage.resources ?? []) {
      if (resources[resource] === undefined) {
        throw sitrepError('E_MISSING_RESOURCE', { stage: stage.name, resource })
      }
    }
  }

  function run(doc: Doc, timings?: Map<string, number>): Doc {
    for (const stage of stages) runStage(stage, [doc], timings)
    return doc
  }

  function runBatch(docs: readonly Doc[], timings?: Map<string, number>): Doc[] {
    for (const stage of stages) runStage(stage, docs, timings)
    return [...docs]
  }

  function runStage(stage: Stage, docs: readonly Doc[], timings?: Map<string, number>): void {
    const started = timings ? performance.now() : 0
    for (const doc of docs) {
      const ctx = createContext(doc, stage.name, resources)
      try {
        stage.run(doc, ctx)
      } catch (error) {
        // A stage bug must not lose the article or the batch: record it where a
        // reviewer sees it, leave the stage's layers empty, and go on.
        for (const layer of stage.provides) doc.layers[layer] = []
        ctx.error(
          `stage failed: ${error instanceof Error ? error.message : String(error)}`,
          'internal',
        )
      }
    }
    if (timings) {
      timings.set(stage.name, (timings.get(stage.name) ?? 0) + performance.now() - started)
    }
  }

  function describe(): string {
    const rows = stages.map(
      (s) =>
        `${s.name.padEnd(10)} requires ${s.requires.join(', ') || '-'}; provides ${s.provides.join(', ') || '-'}`,
    )
    return rows.join('\n')
  }

  return { stages, run, runBatch, describe }
}
