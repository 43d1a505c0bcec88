import type { CountKey, Doc, Event, EventActor, Place } from '../../core/record.js'
import { placeLevel } from './attribute.js'
import { dayOf, isoOf } from './dates.js'
import { byStart } from './order.js'
import type { EventMention, SourcedCount } from './types.js'

export type { SourcedCount } from './types.js'

/** An event being assembled from its mentions. */
export interface Draft {
  mentions: EventMention[]
  counts: SourcedCount[]
  /** What merging asks of the draft, kept with it (a WeakMap entry per draft cost more). */
  summary?: Summary | null
}

/**
 * What `joins` asks of a draft, kept up to date as mentions join, so that a test costs the same
 * however many mentions the draft holds (asking the mentions each time made merging quadratic).
 */
interface Summary {
  /** Mentions the summary has read (a draft's mentions are only ever appended). */
  seen: number
  sentences: Set<number>
  maxParagraph: number
  /** Trigger modes of strong mentions ("water cannon", "beaten"). */
  entryModes: Set<string>
  /** Coded modes of strong mentions. */
  told: Set<string>
  /** One mention per distinct date reading: votes depend only on the date. */
  dated: Map<string, EventMention>
  /** First mention naming land, and first naming any place. */
  land: EventMention | null
  any: EventMention | null
}

function summaryOf(doc: Doc, draft: Draft): Summary {
  let sum = draft.summary
  if (!sum) {
    sum = {
      seen: 0,
      sentences: new Set(),
      maxParagraph: -Infinity,
      entryModes: new Set(),
      told: new Set(),
      dated: new Map(),
      land: null,
      any: null,
    }
    draft.summary = sum
  }
  const places = doc.layers.places ?? []
  for (; sum.seen < draft.mentions.length; sum.seen++) {
    const x = draft.mentions[sum.seen]!
    sum.sentences.add(x.sentence)
    if (x.paragraph > sum.maxParagraph) sum.maxParagraph = x.paragraph
    if (x.strong && x.hit.entry.mode !== null) sum.entryModes.add(x.hit.entry.mode)
    if (x.strong && x.mode !== null) sum.told.add(x.mode)
    if (mentionDay(x) !== null) {
      const d = x.date!
      const key = `${d.date}|${d.precision}|${d.overnight ? 1 : 0}`
      if (!sum.dated.has(key)) sum.dated.set(key, x)
    }
    if (!sum.land && x.places.some((i) => !isWater(places[i]))) sum.land = x
    if (!sum.any && x.places.length > 0) sum.any = x
  }
  return sum
}

export interface ResolveOptions {
  published: number
  mergeKm: number
  maxAgeDays: number
  vagueCounts: boolean
  /** Whether `published` is the article's date (false: today, as a stand-in). */
  anchored: boolean
}

const R = 6371
function km(a: Place, b: Place): number {
  if (a.lat === null || a.lon === null || b.lat === null || b.lon === null) return Infinity
  const rad = Math.PI / 180
  const dLat = (b.lat - a.lat) * rad
  const dLon = (b.lon - a.lon) * rad
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2
  return 2 * R * Math.asin(Math.sqrt(h))
}

/**
 * Places agree when they are the same, near, or one is the region that holds the other (unless
 * `strict`: then only the same place or one within `mergeKm` agrees).
 */
export function placesAgree(
  doc: Doc,
  a: number[],
  b: number[],
  mergeKm: number,
  strict = false,
): boolean | null {
  const places = doc.layers.places ?? []
  // A river or a sea runs past many towns: its centre says nothing about where an event was, so
  // it neither agrees nor disagrees with a town ("on the Dnipro River" beside "in Kherson").
  a = a.filter((i) => !isWater(places[i]))
  b = b.filter((i) => !isWater(places[i]))
  if (a.length === 0 || b.length === 0) return null
  return a.some((i) =>
    b.some((j) => {
      const p = places[i]
      const q = places[j]
      if (!p || !q) return false
      if (i === j || km(p, q) <= mergeKm) return true
      if (strict) return false
      const [big, small] = p.precision >= q.precision ? [p, q] : [q, p]
      if (big.precision === 1) return false
      return (
        big.country === small.country &&
        // A country holds too much to say two mentions are one event; a region does not.
        big.admin1 !== null &&
        big.admin1 === small.admin1
      )
    }),
  )
}

/** Hydrographic features (GeoNames class H: rivers, seas, lakes, bays). */
export function isWater(place: Place | undefined): boolean {
  return place?.feature?.startsWith('H.') === true
}

/** Day of a mention, once relative dates are anchored; null when undated. */
export function mentionDay(m: EventMention): number | null {
  return m.date && m.date.date ? dayOf(m.date.date) : null
}

/**
 * Whether two mentions' dates agree: true when they name the same day, false when they name
 * different ones, null when nothing can be said (undated, or a statement's date a day off).
 * An undated mention is taken to be recent: it agrees with a date near publication.
 */
function datesAgree(a: EventMention, b: EventMention, published: number): boolean | null {
  const x = mentionDay(a)
  const y = mentionDay(b)
  if (x === null && y === null) return null
  // An undated re-mention ("we captured …") agrees with a report dated the day of publication.
  if (x === null || y === null) return (x ?? y) === published ? true : null
  if (x === y) return true
  const da = a.date!
  const db = b.date!
  if (da.precision !== 'day' || db.precision !== 'day') {
    // A coarse date agrees with any day inside its period and with nothing outside it.
    const coarse = da.precision !== 'day' ? da : db
    const other = coarse === da ? y : x
    return withinPeriod(coarse.date, coarse.precision, other) ? null : false
  }
  // "Overnight" straddles two days; a statement's date is the day it was made, and an event
  // dated on another day is another event ("met on Friday" beside a conference "said on Saturday").
  const loose = da.overnight || db.overnight
  return loose && Math.abs(x - y) <= 1 ? null : false
}

/**
 * "…captured seven soldiers, the brigade said on Thursday. The attack began on Wednesday": a
 * statement's day is when the deed was reported, so a reference back to it ("the attack") dated
 * up to a week before that day does not disagree; it dates the deed.
 */
function reportedLater(x: EventMention, m: EventMention): boolean {
  if (!x.date?.statement || !m.anaphoric || !m.date || m.date.statement) return false
  const said = mentionDay(x)
  const done = mentionDay(m)
  return said !== null && done !== null && done <= said && said - done <= 7
}

function withinPeriod(iso: string, precision: string, day: number): boolean {
  const at = dayOf(iso)
  if (precision === 'week') {
    const monday = at - ((new Date(at * 86_400_000).getUTCDay() + 6) % 7)
    return day >= monday && day < monday + 7
  }
  const other = isoOf(day)
  if (precision === 'month') return other.slice(0, 7) === iso.slice(0, 7)
  return other.slice(0, 4) === iso.slice(0, 4)
}

/** Whether a mention may join a draft: same category and status, and nothing that disagrees. */
function joins(doc: Doc, draft: Draft, m: EventMention, opts: ResolveOptions): boolean {
  const head = draft.mentions[0]!
  if (head.type !== m.type || head.status !== m.status) return false
  const sum = summaryOf(doc, draft)
  // Two triggers that each name a different manner ("water cannon", "beaten") are two events.
  const mode = m.hit.entry.mode
  const modes = sum.entryModes
  if (m.strong && mode && (modes.size > 1 || (modes.size === 1 && !modes.has(mode)))) return false
  // Triggers of one category in one sentence report one event ("a drone strike … killed two").
  if (sum.sentences.has(m.sentence)) return true
  // The draft's place: the first mention's that names land, else the first that names any.
  const draftPlace = (sum.land ?? sum.any)?.places ?? []
  let samePlace = placesAgree(doc, draftPlace, m.places, opts.mergeKm)
  // A headline names the country of what its lede places in a region or town ("Myanmar junta
  // air strike on school kills 11 children" over "…in Myanmar's Sagaing region killed 11"):
  // the country says nothing against the lede's place.
  if (samePlace === false && sum.maxParagraph === 0 && isHeadline(doc)) {
    if (countryHolds(doc, draftPlace, m.places)) samePlace = null
  }
  if (samePlace === false) return false
  // A strong deed told with another weapon in another sentence ("shelling" after "a drone
  // struck") is another attack, unless both name the same place (one strike told by two sides);
  // a district of the same region is not the same place ("a guided bomb hit a village in the
  // Polohy district" beside missiles on the regional capital).
  if (
    m.strong &&
    m.mode &&
    sum.told.size > 0 &&
    !sum.told.has(m.mode) &&
    (samePlace !== true || !placesAgree(doc, draftPlace, m.places, opts.mergeKm, true))
  )
    return false
  // Dated mentions vote; when none is dated, the draft counts as recent news.
  const voters = sum.dated.size > 0 ? [...sum.dated.values()] : [head]
  const votes = voters.map((x) => (reportedLater(x, m) ? null : datesAgree(x, m, opts.published)))
  const sameDate = votes.some((v) => v === true)
    ? true
    : votes.every((v) => v === false)
      ? false
      : null
  if (sameDate === false) return false
  if (!m.strong) return true
  if (samePlace === true || sameDate === true) return true
  // Statements are separate acts; a deed told again without place or date ("we captured …"),
  // or told on in the very next sentence, is the same deed.
  if (SAYING.has(m.type)) return false
  const next = sum.sentences.has(m.sentence - 1)
  return next || (m.places.length === 0 && mentionDay(m) === null)
}

/**
 * Whether the doc's first paragraph is a headline: a short line without a closing full stop,
 * with more text after it.
 */
function isHeadline(doc: Doc): boolean {
  const paragraphs = doc.layers.paragraphs ?? []
  const first = paragraphs[0]
  if (!first || paragraphs.length < 2) return false
  const line = doc.text.slice(first.start, first.end).trim()
  return line.length > 0 && line.length <= 160 && !/[.!?]["”’]?$/.test(line)
}

/** Whether a place of `a` is a country that holds a place of `b`. */
function countryHolds(doc: Doc, a: readonly number[], b: readonly number[]): boolean {
  const places = doc.layers.places ?? []
  return a.some((i) => {
    const country = places[i]
    if (!country?.country || country.admin1 !== null || !country.feature?.startsWith('A.PCL'))
      return false
    return b.some((j) => places[j]?.country === country.country)
  })
}

const SAYING = new Set(['ACCUSE', 'REQUEST', 'REJECT', 'SUPPORT', 'THREATEN', 'AGREE', 'CONCEDE'])

/**
 * Drafts of one category and status a mention is tried against, latest first: more than any
 * article needs, and a bound that keeps merging linear in a document of thousands of events.
 */
const MAX_CANDIDATES = 64

/**
 * Merge mentions into events: the same event mentioned twice in an article is one event, and a
 * weak mention ("the attack", "were killed", "talks") only adds evidence to an event found nearby.
 */
export function mergeMentions(doc: Doc, mentions: EventMention[], opts: ResolveOptions): Draft[] {
  const drafts: Draft[] = []
  // Only drafts of the mention's category and status can take it (see `joins`).
  // By category, then status: two look-ups of constant strings, no key string built per mention.
  const byKind = new Map<string, Map<string, Draft[]>>()
  const pending: EventMention[] = []
  for (const m of mentions) {
    let kind = byKind.get(m.type)
    if (kind === undefined) byKind.set(m.type, (kind = new Map()))
    const list = kind.get(m.status) ?? []
    let target: Draft | undefined
    for (let k = list.length - 1; k >= 0 && k >= list.length - MAX_CANDIDATES; k--) {
      const d = list[k]!
      const sum = summaryOf(doc, d)
      // "Separately": only a draft of the same sentence; a weak mention only a draft nearby.
      if (m.distinct && !sum.sentences.has(m.sentence)) continue
      if (!m.strong && sum.maxParagraph < m.paragraph - 2) continue
      if (joins(doc, d, m, opts)) {
        target = d
        break
      }
    }
    if (target) target.mentions.push(m)
    else if (m.strong) {
      const draft: Draft = { mentions: [m], counts: [], summary: null }
      drafts.push(draft)
      list.push(draft)
      kind.set(m.status, list)
    } else pending.push(m)
  }
  // A text with no strong trigger at all (a one-line report) still gets its best weak one.
  const happened = drafts.some((d) => d.mentions[0]!.status === 'happened')
  const best = pending.find((m) => m.status === 'happened' && !m.anaphoric)
  if (!happened && best) {
    const draft: Draft = { mentions: [best], counts: [], summary: null }
    for (const m of pending) if (m !== best && joins(doc, draft, m, opts)) draft.mentions.push(m)
    drafts.push(draft)
  }
  return drafts
}

/** The figure for one count key: the outlet's own, else the first official source, else the first. */
export function chooseCount(counts: SourcedCount[], vague: boolean): number | null {
  if (counts.length === 0) return null
  const numeric = counts.filter((c) => !c.vague)
  if (numeric.length === 0) return vague ? counts[0]!.value : null
  const pick =
    numeric.find((c) => c.source === null) ?? numeric.find((c) => c.official) ?? numeric[0]!
  return pick.value
}

const NO_KEYS: ReadonlySet<CountKey> = new Set()

/** Build the event record from a draft. */
export function toEvent(
  doc: Doc,
  draft: Draft,
  opts: ResolveOptions,
  dateline: number | null,
): Event | null {
  const ms = draft.mentions
  const strong = ms.filter((m) => m.strong)
  const lead = strong[0] ?? ms[0]!
  const withMode = strong.find((m) => m.hit.entry.mode) ?? ms.find((m) => m.mode)
  const mode = withMode?.mode ?? null
  const acled = withMode?.acled ?? lead.acled ?? ms.find((m) => m.acled)?.acled ?? null

  // Date: a mention's own date beats a statement's date; strong mentions before weak ones.
  const dated = ms.filter((m) => m.date?.date)
  const pick =
    dated.find((m) => m.strong && !m.date!.statement && !m.date!.overnight) ??
    dated.find((m) => !m.date!.statement && !m.date!.overnight) ??
    dated.find((m) => m.strong) ??
    dated[0]
  const date = pick?.date ?? null
  const day = date ? dayOf(date.date) : opts.published
  if (day < opts.published - opts.maxAgeDays) return null
  let status = lead.status
  if (opts.anchored && day > opts.published + 1 && status === 'happened') status = 'future'

  // Places: the most precise level any mention names; the first mention that names it decides.
  const places = doc.layers.places ?? []
  // A town named anywhere in the event beats a river or sea it happened on (ACLED codes the
  // nearest town); the dateline's town stands in when only water is named.
  const landOf = (m: EventMention) => m.places.filter((i) => !isWater(places[i]))
  let onLand = false
  for (const m of ms) for (const i of m.places) if (!isWater(places[i])) onLand = true
  const datelineTown = dateline !== null && places[dateline]?.precision === 1
  // The place lists of the mentions that count, in mention order.
  const withPlaces: number[][] = onLand
    ? ms.map(landOf).filter((list) => list.length > 0)
    : datelineTown
      ? []
      : ms.filter((m) => m.places.length > 0).map((m) => m.places)
  let chosen: number[] = []
  if (withPlaces.length > 0) {
    let best = Infinity
    for (const list of withPlaces)
      for (const i of list) best = Math.min(best, placeLevel(places[i]))
    const list = withPlaces.find((x) => x.some((i) => placeLevel(places[i]) === best))!
    chosen = list.filter((i) => placeLevel(places[i]) === best)
  } else if (dateline !== null) chosen = [dateline]

  const counts: Partial<Record<CountKey, number>> = {}
  // (Most events carry no figure: no set of keys is made for them.)
  const keys = draft.counts.length > 0 ? new Set(draft.counts.map((c) => c.key)) : NO_KEYS
  for (const key of keys) {
    const value = chooseCount(
      draft.counts.filter((c) => c.key === key).sort((a, b) => a.order - b.order),
      opts.vagueCounts,
    )
    if (value !== null) counts[key] = value
  }

  const actors: EventActor[] = []
  for (const m of strong.length > 0 ? strong : ms) {
    for (const a of m.actors) {
      if (actors.some((x) => x.name === a.name || (a.entity && x.entity === a.entity))) continue
      actors.push({ name: a.name, entity: a.entity, actorType: a.actorType })
    }
  }
  return {
    start: lead.hit.start,
    end: lead.hit.end,
    by: `events/${lead.strong ? 'trigger' : 'weak-trigger'}`,
    confidence: lead.strong ? (ms.length > 1 ? 0.85 : 0.75) : 0.5,
    type: lead.type,
    mode,
    acled,
    actors: actors.slice(0, 4),
    places: chosen,
    date: isoOf(day),
    datePrecision: date?.precision ?? 'day',
    dateSpan: date ? { start: date.start, end: date.end } : null,
    counts,
    claimedBy: lead.claimedBy,
    status,
    key: null,
  }
}

/**
 * ACLED folds arrests and crowd control during a protest into the protest: the protest becomes
 * "Protest with intervention" and the arrest or crowd control keeps no ACLED type of its own.
 */
/**
 * "Police fired tear gas at thousands of protesters": crowd control aimed at protesters (an
 * actor the event-actors lexicon types as Protesters) tells of a protest even when no protest
 * verb does. Without a protest event within a day of it, the protest is added, with the
 * intervention's place and date, as ACLED codes it: "Protest with intervention".
 */
function impliedProtests(
  events: Event[],
  byDay: ReadonlyMap<number, Event[]>,
  day: (e: Event) => number,
): void {
  const protestDays = new Set<number>()
  for (const e of events)
    if (e.type === 'PROTEST' && e.status === 'happened') protestDays.add(day(e))
  const added: Event[] = []
  for (const interventions of byDay.values()) {
    for (const e of interventions) {
      if (e.type !== 'ASSAULT') continue
      const d = day(e)
      if (protestDays.has(d - 1) || protestDays.has(d) || protestDays.has(d + 1)) continue
      const protesters = e.actors.filter((a) => a.actorType === 'Protesters')
      if (protesters.length === 0) continue
      protestDays.add(d)
      added.push({
        start: e.start,
        end: e.end,
        by: 'events/implied-protest',
        confidence: Math.min(e.confidence, 0.6),
        type: 'PROTEST',
        mode: 'demo',
        acled: 'Protests/Protest with intervention',
        actors: protesters,
        places: [...e.places],
        date: e.date,
        datePrecision: e.datePrecision,
        dateSpan: e.dateSpan,
        counts: {},
        claimedBy: e.claimedBy,
        status: 'happened',
        key: null,
      })
    }
  }
  if (added.length === 0) return
  events.push(...added)
  byStart(events)
}

/** ACLED actor types of unarmed crowds, and of armed groups. */
const CROWDS: ReadonlySet<string> = new Set(['Protesters', 'Rioters'])
const ARMED_TYPES: ReadonlySet<string> = new Set([
  'State forces',
  'Rebel group',
  'Political militia',
  'Identity militia',
  'External/Other forces',
])

/**
 * "Protesters stormed the parliament", "protesters broke into the building": force used by a
 * crowd is a riot (PLOVER PROTEST, mode riot; ACLED "Riots/Violent demonstration"), not a
 * battle or an arrest. It applies when the first actor, the doer, is a crowd (typed by the
 * event-actors lexicon) and no actor is an armed group.
 */
export function crowdViolenceAsRiots(events: Event[]): void {
  const armed = (a: EventActor) => a.actorType !== null && ARMED_TYPES.has(a.actorType)
  for (const e of events) {
    if (e.type !== 'ASSAULT' && e.type !== 'COERCE') continue
    const doer = e.actors[0]
    if (!doer?.actorType || !CROWDS.has(doer.actorType) || e.actors.some(armed)) continue
    e.type = 'PROTEST'
    e.mode = 'riot'
    e.acled = 'Riots/Violent demonstration'
  }
}

export function foldProtests(events: Event[]): void {
  const day = (e: Event) => (e.date ? dayOf(e.date) : 0)
  // Interventions by day, so each protest looks at three days instead of every event.
  const byDay = new Map<number, Event[]>()
  for (const e of events) {
    const intervention =
      e.status === 'happened' &&
      ((e.type === 'COERCE' && e.mode === 'arrest') ||
        (e.type === 'ASSAULT' && e.mode === 'crowd-control'))
    if (!intervention) continue
    const list = byDay.get(day(e)) ?? []
    list.push(e)
    byDay.set(day(e), list)
  }
  if (byDay.size === 0) return
  impliedProtests(events, byDay, day)
  for (const protest of events) {
    if (protest.type !== 'PROTEST' || protest.status !== 'happened') continue
    const d = day(protest)
    const interventions = [d - 1, d, d + 1].flatMap((x) => byDay.get(x) ?? [])
    if (interventions.length === 0) continue
    if (protest.acled === 'Protests/Peaceful protest')
      protest.acled = 'Protests/Protest with intervention'
    for (const e of interventions) e.acled = null
  }
}
