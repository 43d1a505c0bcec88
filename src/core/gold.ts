import type { CountKey, DatePrecision, Doc, EntityType, QuoteKind, Stance } from './record.js'

/** The exchange format of ../shared/gold/FORMAT.md (v1): what `--format gold` prints and `eval` reads. */
export interface GoldDoc {
  id: string
  source: {
    outlet: string | null
    published: string | null
    url: string | null
    language: string | null
  }
  text: string
  layers?: GoldLayer[]
  entities?: GoldEntity[]
  places?: GoldPlace[]
  quotes?: GoldQuote[]
  claims?: GoldClaim[]
  events?: GoldEvent[]
}

export type GoldLayer = 'entities' | 'places' | 'quotes' | 'claims' | 'events'
export const GOLD_LAYERS: readonly GoldLayer[] = [
  'entities',
  'places',
  'quotes',
  'claims',
  'events',
]

export interface GoldEntity {
  name: string
  type: EntityType
  aliases?: string[]
  role?: string | null
}

export interface GoldPlace {
  mention: string
  name?: string | null
  country?: string | null
  admin1?: string | null
  lat: number | null
  lon: number | null
  use: 'location' | 'metonym' | 'demonym'
  tolerance_km?: number
  geonameid?: number | null
  precision?: 1 | 2 | 3
}

export interface GoldQuote {
  speaker: string | null
  kind: QuoteKind
  text: string
  speaker_mention?: string | null
  cue?: string | null
  start?: number
  end?: number
}

export interface GoldClaim {
  claimant: string | null
  via?: string[]
  text: string
  stance: Stance
}

export interface GoldEvent {
  type: string
  mode?: string | null
  acled?: string | null
  actors?: string[]
  place?: string | string[] | null
  date?: string | null
  date_precision?: DatePrecision | null
  counts?: Partial<Record<CountKey, number>>
  claimed_by?: string | null
  key?: string | null
}

/**
 * The doc in gold format. Layers that no stage computed are omitted from
 * `layers` (and printed empty), so a scorer never counts a stub's silence as output.
 */
export function toGold(doc: Doc): GoldDoc {
  const { layers } = doc
  const slice = (s: { start: number; end: number }) => doc.text.slice(s.start, s.end)
  const entityName = new Map((layers.entities ?? []).map((e) => [e.id, e.name]))
  const computed: GoldLayer[] = GOLD_LAYERS.filter((name) => layers[name] !== undefined)
  return {
    id: doc.id,
    source: {
      outlet: doc.source.outlet,
      published: doc.source.published,
      url: doc.source.url,
      language: doc.source.language,
    },
    text: doc.text,
    layers: computed,
    entities: (layers.entities ?? []).map((e) => ({
      name: e.name,
      type: e.type,
      aliases: e.aliases,
      role: e.role,
    })),
    places: (layers.places ?? []).map((p) => ({
      mention: p.mention,
      name: p.name,
      country: p.country,
      admin1: p.admin1,
      lat: p.lat,
      lon: p.lon,
      use: p.use,
      geonameid: p.geonameid,
      precision: p.precision,
    })),
    quotes: (layers.quotes ?? []).map((q) => ({
      speaker: q.speakerName,
      kind: q.kind,
      // One quote running over paragraphs keeps the break, as the gold conventions do.
      text:
        q.spans.length > 0
          ? doc.text.slice(q.spans[0]!.start, q.spans[q.spans.length - 1]!.end)
          : slice(q),
      speaker_mention: q.speakerSpan ? slice(q.speakerSpan) : null,
      cue: q.cue ? slice(q.cue) : null,
      start: q.spans[0]?.start ?? q.start,
      end: q.spans[q.spans.length - 1]?.end ?? q.end,
    })),
    claims: (layers.claims ?? []).map((c) => ({
      claimant: c.claimant,
      via: c.via,
      text: slice(c),
      stance: c.stance,
    })),
    events: (layers.events ?? [])
      .filter((e) => e.status === 'happened')
      .map((e) => {
        const places = e.places
          .map((i) => layers.places?.[i]?.mention)
          .filter((m): m is string => m !== undefined)
        return {
          type: e.type,
          mode: e.mode,
          acled: e.acled,
          actors: e.actors.map((a) => (a.entity ? (entityName.get(a.entity) ?? a.name) : a.name)),
          place: places.length === 0 ? null : places.length === 1 ? (places[0] as string) : places,
          date: e.date,
          date_precision: e.datePrecision,
          counts: e.counts,
          claimed_by: e.claimedBy,
          key: e.key,
        }
      }),
  }
}
