import type { Doc, LayerName, MessageLevel, Span } from './record.js'
import type { Resources } from './resources.js'

/** What a stage gets besides the doc: a way to report problems, and the injected resources. */
export interface StageContext {
  readonly resources: Resources
  warn(reason: string, ruleId: string, place?: Span): void
  info(reason: string, ruleId: string, place?: Span): void
  error(reason: string, ruleId: string, place?: Span): void
}

/**
 * A pipeline stage: a small named unit that reads the layers it `requires` and
 * writes only the layers it `provides`. Made by a factory with defaulted options.
 */
export interface Stage {
  readonly name: string
  readonly requires: readonly LayerName[]
  readonly provides: readonly LayerName[]
  /** Resources that must be present when the pipeline is assembled. */
  readonly resources?: readonly (keyof Resources)[]
  run(doc: Doc, ctx: StageContext): void
}

export function createContext(doc: Doc, stage: string, resources: Resources): StageContext {
  const push = (level: MessageLevel) => (reason: string, ruleId: string, place?: Span) => {
    doc.messages.push(
      place ? { level, reason, stage, ruleId, place } : { level, reason, stage, ruleId },
    )
  }
  return { resources, warn: push('warning'), info: push('info'), error: push('error') }
}
