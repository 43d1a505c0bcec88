import type {
  CountKey,
  DatePrecision,
  EventStatus,
  PloverType,
  Span,
  Token,
} from '../../core/record.js'

export interface EventsOptions {
  /** Most words a `~` gap in a trigger pattern may skip. */
  readonly maxGap?: number
  /** Give vague quantities ("dozens") ACLED's conventional figures instead of leaving the count out. */
  readonly vagueCounts?: boolean
  /** Drop events dated more than this many days before publication (background, not news). */
  readonly maxAgeDays?: number
  /** Merge event mentions whose places lie within this distance (km). */
  readonly mergeKm?: number
}

export type FormKind = 'base' | 's' | 'ed' | 'ing' | 'noun'

/** One slot of a trigger pattern: the words it accepts, or a gap. */
export type Slot = { kind: 'words'; words: ReadonlySet<string> } | { kind: 'gap' }

export interface TriggerEntry {
  term: string
  pos: 'V' | 'N' | 'X'
  type: PloverType
  mode: string | null
  acled: string | null
  strength: 'strong' | 'weak'
  slots: Slot[]
  /** Form kind by surface word of the inflected slot (base, -s, -ed, -ing, noun). */
  forms: ReadonlyMap<string, FormKind>
  /** Index of the slot that carries the inflection. */
  head: number
}

/** A trigger found in a sentence: token range and the entry it matched. */
export interface TriggerHit {
  entry: TriggerEntry
  /** Token indexes (into doc.layers.tokens), inclusive first, exclusive last. */
  first: number
  last: number
  /** Token index of the head word (the inflected one). */
  headToken: number
  form: FormKind
  start: number
  end: number
}

/** A sentence seen as lower-case words with their tokens. */
export interface SentenceView {
  index: number
  paragraph: number
  start: number
  end: number
  /** Index of the sentence's first token in doc.layers.tokens. */
  offset: number
  tokens: readonly Token[]
  words: readonly string[]
  /** Surface text of each token (sliced on first use: prefer `firstCode` for a case test). */
  surface: readonly string[]
  /** The first character code of token i's surface (NaN past the sentence or for an empty token). */
  firstCode(i: number): number
  /** Vocabulary ids of the doc's tokens (index by `offset + i`), when the stage computed them. */
  ids?: Int32Array | undefined
  /**
   * Word flags of the doc's tokens (index by `offset + i`; bits in words.ts), when the stage
   * computed them for its lexicons: a pass reads its table only for words with its bit.
   */
  flags?: Uint8Array | undefined
  /**
   * Per-sentence readings computed on first use and kept with the view (status.ts, attribute.ts):
   * several triggers of a sentence ask for them. Fields on the view, not WeakMaps keyed by it:
   * a WeakMap per sentence cost more than the look-ups it saved.
   */
  memo: {
    cues: unknown
    table: unknown
    /** Word indexes of report and habitual cues, ascending (scanned per trigger). */
    reports: number[] | null
    habits: number[] | null
    spots: Map<string, unknown> | null
  }
}

export interface DateFind extends Span {
  date: string
  precision: DatePrecision
  /** The date of a statement ("said on Monday"), not of what it reports. */
  statement: boolean
  /** Relative to another event ("two days earlier"): resolved later against an anchor. */
  relativeDays: number | null
  /** "overnight": the morning of the report. */
  overnight: boolean
  /**
   * "the same day", "late in the evening": the day the article is telling at that point, so
   * `relativeDays` counts from the latest day named before (not from the lede or publication).
   */
  narrative?: boolean
}

export interface CountFind extends Span {
  key: CountKey
  value: number
  vague: boolean
}

/** A count with where it came from, so conflicting figures can be ranked. */
export interface SourcedCount extends CountFind {
  source: string | null
  official: boolean
  order: number
}

export interface ActorFind extends Span {
  name: string
  entity: string | null
  actorType: string | null
  armed: boolean
}

/** One mention of an event in one sentence, before mentions are merged into events. */
export interface EventMention {
  hit: TriggerHit
  sentence: number
  paragraph: number
  type: PloverType
  mode: string | null
  acled: string | null
  strong: boolean
  status: EventStatus
  /** Why the mention is not an event at all (habitual, background), or null. */
  drop: string | null
  /** Refers back to an event told before ("the attack"). */
  anaphoric: boolean
  /** Do not merge into events of earlier sentences ("separately", "also"). */
  distinct: boolean
  places: number[]
  date: DateFind | null
  counts: SourcedCount[]
  actors: ActorFind[]
  claimedBy: string | null
  official: boolean
}
