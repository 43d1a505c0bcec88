/**
 * The article record: one `Doc` per article, plain JSON, with stand-off layers.
 *
 * Every annotation is a half-open `[start, end)` range of UTF-16 code units into
 * `doc.text`, plus `by` ("stage/rule": who made it and why) and a `confidence`
 * in [0, 1]. Surface strings are derived from the text, never the source of truth
 * (a few layers keep a `name`/`mention` copy for readability of exports).
 * No classes, Maps or Dates: `JSON.parse(JSON.stringify(doc))` deep-equals `doc`.
 */

export interface Span {
  start: number
  end: number
}

/** Provenance every annotation carries. */
export interface Annotation extends Span {
  /** "stage/rule", e.g. "quotes/said-after". */
  by: string
  confidence: number
}

export interface Source {
  outlet: string | null
  /** ISO date (YYYY-MM-DD) or datetime; anchor for relative dates. */
  published: string | null
  url: string | null
  /** ISO 639-1 code detected or given; null when unknown. */
  language: string | null
  title: string | null
  byline: string | null
}

export type MessageLevel = 'error' | 'warning' | 'info'

/** A problem found in the data: positioned, never thrown. */
export interface Message {
  level: MessageLevel
  reason: string
  stage: string
  ruleId: string
  place?: Span
}

/**
 * Map from normalised offsets back to original offsets. Stored as sorted
 * breakpoints: from normalised offset `norm[i]` on, original = offset - norm[i] + orig[i].
 * Empty when normalisation changed nothing.
 */
export interface OffsetMap {
  norm: number[]
  orig: number[]
}

// ---------------------------------------------------------------- text layers

export interface Sentence extends Annotation {
  /** Index of the paragraph (lines separated by \n) the sentence starts in. */
  paragraph: number
}

export interface Token extends Span {
  /** Universal part of speech from wink-nlp (PROPN, NOUN, VERB, …). */
  pos: string
  /** wink-nlp token type: word, number, punctuation, email, url, … */
  kind: string
}

export type Paragraph = Span

// ------------------------------------------------------------------ entities

export type EntityType = 'PERSON' | 'ORG' | 'GPE' | 'LOC' | 'NORP' | 'FAC' | 'EVENT'
export const ENTITY_TYPES: readonly EntityType[] = [
  'PERSON',
  'ORG',
  'GPE',
  'LOC',
  'NORP',
  'FAC',
  'EVENT',
]

/** How a mention refers: by name, by pronoun, or by a title/description ("the minister"). */
export type MentionKind = 'name' | 'pronoun' | 'nominal'

export interface Mention extends Annotation {
  /** Id of the entity this mention refers to (`Entity.id`). */
  entity: string
  kind: MentionKind
}

export interface Entity {
  /** Unique within the doc, e.g. "e3". */
  id: string
  name: string
  type: EntityType
  aliases: string[]
  role: string | null
  /** Normalised identity key for joining across articles (case, diacritics, transliteration folded). */
  key: string
  by: string
  confidence: number
}

// -------------------------------------------------------------------- places

export type PlaceUse = 'location' | 'metonym'

export interface PlaceCandidate {
  geonameid: number | null
  name: string
  country: string | null
  admin1: string | null
  lat: number
  lon: number
  score: number
}

export interface Place extends Annotation {
  /** Surface text of the mention (also `doc.text.slice(start, end)`). */
  mention: string
  name: string
  geonameid: number | null
  country: string | null
  admin1: string | null
  lat: number | null
  lon: number | null
  /** GeoNames feature class/code, e.g. "P.PPL", "A.ADM1", "A.PCLI". */
  feature: string | null
  /** ACLED geo precision: 1 town, 2 near a town / part of a region, 3 region only. */
  precision: 1 | 2 | 3
  use: PlaceUse
  /** Entity id of the mention's entity, when the entities stage made one. */
  entity: string | null
  /** Other occurrences of the same place in the text. */
  mentions: Span[]
  candidates: PlaceCandidate[]
}

// -------------------------------------------------------------------- quotes

export type QuoteKind = 'direct' | 'indirect' | 'mixed'

export interface Quote extends Annotation {
  kind: QuoteKind
  /** Content spans (several when a quote is split by its attribution or runs over paragraphs). */
  spans: Span[]
  cue: Span | null
  speakerSpan: Span | null
  /** Resolved speaker entity id, or null (anonymous or unresolved). */
  speaker: string | null
  /** Display name of the speaker: entity name, or the anonymous description. */
  speakerName: string | null
  anonymous: boolean
  /** Intermediaries from the origin outward (entity names), excluding the publishing outlet. */
  via: string[]
}

// -------------------------------------------------------------------- claims

export type Stance = 'asserts' | 'hedges' | 'denies'
export type Verification = 'under-investigation' | 'unverified' | 'confirmed' | null

export interface Claim extends Annotation {
  claimant: string | null
  /** Entity id of the claimant, when resolved. */
  claimantEntity: string | null
  via: string[]
  stance: Stance
  verification: Verification
  /** Index into `layers.quotes` the claim came from, or null for the outlet's own voice. */
  quote: number | null
  /** Evidence inside the claim, for matching across articles. */
  refs: {
    entities: string[]
    numbers: string[]
    places: string[]
    dates: string[]
  }
}

// -------------------------------------------------------------------- events

/** The 16 categories of the PLOVER manual, draft v2.0, in its order. */
export const PLOVER_TYPES = [
  'AGREE',
  'CONSULT',
  'SUPPORT',
  'CONCEDE',
  'COOPERATE',
  'AID',
  'RETREAT',
  'REQUEST',
  'ACCUSE',
  'REJECT',
  'THREATEN',
  'PROTEST',
  'SANCTION',
  'MOBILIZE',
  'COERCE',
  'ASSAULT',
] as const
export type PloverType = (typeof PLOVER_TYPES)[number]

export type DatePrecision = 'day' | 'week' | 'month' | 'year'
export type EventStatus = 'happened' | 'negated' | 'hypothetical' | 'future'
export type CountKey =
  'killed' | 'injured' | 'captured' | 'engaged' | 'arrested' | 'displaced' | 'participants'

export interface EventActor {
  name: string
  entity: string | null
  /** ACLED actor type when the text supports it (state forces, rebels, …). */
  actorType: string | null
}

export interface Event extends Annotation {
  type: PloverType
  mode: string | null
  /** ACLED "event_type/sub_event_type" or null. */
  acled: string | null
  actors: EventActor[]
  /** Indexes into `layers.places`. */
  places: number[]
  date: string | null
  datePrecision: DatePrecision | null
  dateSpan: Span | null
  counts: Partial<Record<CountKey, number>>
  claimedBy: string | null
  status: EventStatus
  /** Story id once the corpus has clustered the event. */
  key: string | null
}

// ----------------------------------------------------------------------- doc

export interface Layers {
  paragraphs?: Paragraph[]
  sentences?: Sentence[]
  tokens?: Token[]
  entities?: Entity[]
  mentions?: Mention[]
  places?: Place[]
  quotes?: Quote[]
  claims?: Claim[]
  events?: Event[]
}

export type LayerName = keyof Layers
export const LAYER_NAMES: readonly LayerName[] = [
  'paragraphs',
  'sentences',
  'tokens',
  'entities',
  'mentions',
  'places',
  'quotes',
  'claims',
  'events',
]

export interface Doc {
  id: string
  source: Source
  /** The normalised text every offset points into. */
  text: string
  offsets: OffsetMap
  layers: Layers
  messages: Message[]
  /** Record format version. */
  version: 1
}

export function emptySource(): Source {
  return { outlet: null, published: null, url: null, language: null, title: null, byline: null }
}

export function createDoc(
  id: string,
  text: string,
  source: Partial<Source> = {},
  offsets: OffsetMap = { norm: [], orig: [] },
): Doc {
  return {
    id,
    source: { ...emptySource(), ...source },
    text,
    offsets,
    layers: {},
    messages: [],
    version: 1,
  }
}

/** The surface text of a span. */
export function spanText(doc: Doc, span: Span): string {
  return doc.text.slice(span.start, span.end)
}
