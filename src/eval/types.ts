import type { GoldLayer } from '../core/gold.js'

/** True positives, predictions and gold items: the counts behind precision, recall and F1. */
export interface Counts {
  tp: number
  pred: number
  gold: number
}

/** A share: `hit` of `total` (accuracy figures). */
export interface Ratio {
  hit: number
  total: number
}

export interface EntityCounts {
  micro: Counts
  byType: Record<string, Counts>
}

export interface QuoteCounts {
  span: Counts
  /** Speaker right, over matched quotes. */
  attribution: Ratio
  /** Span and speaker both right. */
  endToEnd: Counts
  /** Wrong speakers whose gold speaker is a gold entity missing from the predicted ones (an entity error). */
  entityCaused: Ratio
}

export interface ClaimCounts {
  match: Counts
  stance: Ratio
}

export interface PlaceCounts {
  match: Counts
  /** Matched `use: location` places within the gold `tolerance_km`. */
  withinTolerance: Ratio
  within161: Ratio
  /** Error in km of every matched location (no coordinates = half the Earth's circumference). */
  errorsKm: number[]
  /** Matched gold metonyms that the prediction flags as metonym. */
  metonym: Ratio
  /** Matched gold locations that the prediction wrongly flags as metonym. */
  falseMetonym: Ratio
}

export interface EventCounts {
  match: Counts
  mode: Ratio
  /** Gold actors of matched events found among the predicted actors. */
  actors: Ratio
  /** Count keys (union of both sides) whose value agrees, over matched events. */
  counts: Ratio
  /** Matched events with a gold date whose predicted date is the same day. */
  exactDate: Ratio
  /**
   * Docs with exactly one gold event (the PLOVER records) whose first predicted
   * event has its category: the type accuracy of an event coder.
   */
  type: Ratio
}

/** One gold event with a story key, and the key the system gave its match (null: none). */
export interface StoryItem {
  doc: string
  gold: string
  system: string | null
}

export interface LayerCounts {
  entities: EntityCounts
  quotes: QuoteCounts
  claims: ClaimCounts
  places: PlaceCounts
  events: EventCounts
}

export type ErrorKind = 'miss' | 'false' | 'wrong'

/** One scorer finding for `--errors`: a gold item missed, a false hit, or a wrong attribute. */
export interface ScoreError {
  layer: GoldLayer
  kind: ErrorKind
  gold?: string
  pred?: string
  why: string
}

export interface DocScore {
  id: string
  /** Layers scored for this doc (gold `layers` ∩ `--only`). */
  layers: GoldLayer[]
  counts: LayerCounts
  stories: StoryItem[]
  errors: ScoreError[]
}

export interface Prf {
  precision: number
  recall: number
  f1: number
  tp: number
  pred: number
  gold: number
}

export interface Share {
  value: number | null
  hit: number
  total: number
}

export interface StoryFigures {
  items: number
  goldStories: number
  systemStories: number
  pairwise: { precision: number; recall: number; f1: number }
  bcubed: { precision: number; recall: number; f1: number }
}

/** All figures of one evaluated set. */
export interface SetFigures {
  docs: number
  /** Number of docs in which each layer was scored. */
  scored: Partial<Record<GoldLayer, number>>
  entities?: { micro: Prf; byType: Record<string, Prf> }
  quotes?: {
    span: Prf
    attribution: Share
    endToEnd: Prf
    entityCaused: Share
  }
  claims?: { match: Prf; stance: Share }
  places?: {
    match: Prf
    withinTolerance: Share
    within161: Share
    medianErrorKm: number | null
    metonym: Share
    falseMetonym: Share
  }
  events?: { match: Prf; mode: Share; actors: Share; counts: Share; exactDate: Share; type: Share }
  stories?: StoryFigures
}
