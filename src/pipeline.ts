import { createPipeline, type Pipeline } from './core/pipeline.js'
import type { Resources } from './core/resources.js'
import type { Stage } from './core/stage.js'
import { claims } from './stages/claims/index.js'
import { entities } from './stages/entities/index.js'
import { events } from './stages/events/index.js'
import { places } from './stages/places/index.js'
import { quotes } from './stages/quotes/index.js'
import { text } from './stages/text/index.js'

/**
 * The default stages, in order. This literal list is the one place the order
 * lives: ingest → normalise happen before it (src/core/ingest), the corpus after.
 */
export function defaultStages(_resources: Resources): Stage[] {
  return [text(), entities(), places(), quotes(), claims(), events()]
}

export function defaultPipeline(resources: Resources): Pipeline {
  return createPipeline(defaultStages(resources), resources)
}
