import { createRequire } from 'node:module'
import type { Doc, Event, EventActor, Place } from '../core/record.js'
import { toCsv } from './csv.js'

/** ACLED's 31 export columns, in ACLED's order. */
export const ACLED_COLUMNS = [
  'event_id_cnty',
  'event_date',
  'year',
  'time_precision',
  'disorder_type',
  'event_type',
  'sub_event_type',
  'actor1',
  'assoc_actor_1',
  'inter1',
  'actor2',
  'assoc_actor_2',
  'inter2',
  'interaction',
  'civilian_targeting',
  'iso',
  'region',
  'country',
  'admin1',
  'admin2',
  'admin3',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'source',
  'source_scale',
  'notes',
  'fatalities',
  'tags',
  'timestamp',
] as const

/** ACLED's numeric interaction codes for its actor types. */
const INTER: Readonly<Record<string, number>> = {
  'State forces': 1,
  'Rebel group': 2,
  'Political militia': 3,
  'Identity militia': 4,
  Rioters: 5,
  Protesters: 6,
  Civilians: 7,
  'External/Other forces': 8,
}

const TIME_PRECISION = { day: 1, week: 2, month: 3, year: 3 } as const

/** ACLED's six event types; some hold a slash themselves, so the split is by known prefix. */
const EVENT_TYPES = [
  'Explosions/Remote violence',
  'Violence against civilians',
  'Strategic developments',
  'Battles',
  'Protests',
  'Riots',
]

export function splitAcled(acled: string): { eventType: string; subEventType: string } {
  const eventType = EVENT_TYPES.find((t) => acled.startsWith(t + '/')) ?? ''
  return eventType
    ? { eventType, subEventType: acled.slice(eventType.length + 1) }
    : { eventType: acled, subEventType: '' }
}

function disorderType(eventType: string): string {
  if (eventType === 'Protests' || eventType === 'Riots') return 'Demonstrations'
  if (eventType === 'Strategic developments') return 'Strategic developments'
  return 'Political violence'
}

interface CountryInfo {
  name: string
  iso: number | null
  region: string | null
}

let countries: Map<string, CountryInfo> | undefined
/** Country name, numeric ISO code and region by ISO alpha-2, from world-countries. */
function countryInfo(code: string | null): CountryInfo | null {
  if (!code) return null
  if (!countries) {
    const require = createRequire(import.meta.url)
    const raw = require('world-countries') as {
      cca2: string
      ccn3?: string
      name: { common: string }
      subregion?: string
      region?: string
    }[]
    countries = new Map(
      raw.map((c) => [
        c.cca2,
        {
          name: c.name.common,
          iso: c.ccn3 ? Number(c.ccn3) : null,
          region: c.subregion || c.region || null,
        },
      ]),
    )
  }
  return countries.get(code) ?? null
}

function interOf(actor: EventActor | undefined): number | null {
  return actor?.actorType ? (INTER[actor.actorType] ?? null) : null
}

/** ACLED's interaction code: the two actor codes, smaller first ("17" state forces vs civilians). */
function interaction(a: number | null, b: number | null): string {
  if (a === null) return ''
  if (b === null) return String(a * 10)
  return String(Math.min(a, b) * 10 + Math.max(a, b))
}

/** The sentence that holds the event's trigger: ACLED's notes, and the evidence for a reviewer. */
function evidence(doc: Doc, event: Event): string {
  const sentence = (doc.layers.sentences ?? []).find(
    (s) => s.start <= event.start && event.end <= s.end,
  )
  return sentence
    ? doc.text.slice(sentence.start, sentence.end)
    : doc.text.slice(event.start, event.end)
}

function tags(event: Event): string {
  const out: string[] = []
  if (event.counts.participants !== undefined) out.push(`crowd size=${event.counts.participants}`)
  if (event.counts.arrested !== undefined) out.push(`arrests=${event.counts.arrested}`)
  if (event.counts.captured !== undefined) out.push(`captured=${event.counts.captured}`)
  if (event.counts.injured !== undefined) out.push(`injured=${event.counts.injured}`)
  return out.join('; ')
}

function row(doc: Doc, event: Event, index: number): (string | number | null)[] {
  const { eventType, subEventType } = splitAcled(event.acled ?? '')
  const place: Place | undefined = event.places
    .map((i) => doc.layers.places?.[i])
    .find((p): p is Place => p !== undefined)
  const country = countryInfo(place?.country ?? null)
  const [actor1, actor2] = event.actors
  const inter1 = interOf(actor1)
  const inter2 = interOf(actor2)
  const civilians = actor2?.actorType === 'Civilians' || eventType === 'Violence against civilians'
  const date = event.date ?? ''
  return [
    `${doc.id}-${index + 1}`,
    date,
    date.slice(0, 4),
    event.datePrecision ? TIME_PRECISION[event.datePrecision] : null,
    disorderType(eventType),
    eventType,
    subEventType,
    actor1?.name ?? '',
    event.actors
      .slice(2)
      .map((a) => a.name)
      .join('; '),
    inter1,
    actor2?.name ?? '',
    '',
    inter2,
    interaction(inter1, inter2),
    civilians ? 'Civilian targeting' : '',
    country?.iso ?? null,
    country?.region ?? '',
    country?.name ?? '',
    place?.admin1 ?? '',
    '',
    '',
    place?.name ?? '',
    place?.lat ?? null,
    place?.lon ?? null,
    place?.precision ?? null,
    event.claimedBy ?? doc.source.outlet ?? '',
    '',
    evidence(doc, event),
    event.counts.killed ?? 0,
    tags(event),
    doc.source.published ? Math.floor(Date.parse(doc.source.published) / 1000) : null,
  ]
}

/**
 * The events ACLED would record (status happened, with an ACLED type) as ACLED's 31-column CSV.
 * Meetings, statements and other events without an ACLED type are left out, as ACLED leaves them.
 */
export function toAcledCsv(docs: readonly Doc[]): string {
  const rows: (string | number | null)[][] = []
  for (const doc of docs) {
    ;(doc.layers.events ?? []).forEach((event, index) => {
      if (event.status !== 'happened' || !event.acled) return
      rows.push(row(doc, event, index))
    })
  }
  return toCsv(ACLED_COLUMNS, rows)
}
