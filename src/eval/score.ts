/**
 * The scorer of FORMAT.md's Scoring section: one predicted gold-format doc
 * against its gold doc, layer by layer, into counts that add up across a set.
 */
import {
  GOLD_LAYERS,
  type GoldClaim,
  type GoldDoc,
  type GoldEntity,
  type GoldEvent,
  type GoldLayer,
  type GoldPlace,
  type GoldQuote,
} from '../core/gold.js'
import { greedyMatch } from './match.js'
import {
  clip,
  DATE_WINDOW_DAYS,
  dayNumber,
  entityNamesMatch,
  haversineKm,
  MAX_ERROR_KM,
  namesMatch,
  normalizeForMatch,
  tokenF1,
} from './text.js'
import type {
  ClaimCounts,
  Counts,
  DocScore,
  EntityCounts,
  EventCounts,
  PlaceCounts,
  QuoteCounts,
  Ratio,
  ScoreError,
  StoryItem,
} from './types.js'

export const QUOTE_MIN_OVERLAP = 0.6
export const CLAIM_MIN_OVERLAP = 0.5
export const ACTOR_MIN_OVERLAP = 0.5
export const DEFAULT_TOLERANCE_KM = 25
export const EVENT_MIN_TOLERANCE_KM = 50
export const LENIENT_KM = 161

export interface ScoreOptions {
  /** Score only these layers (and only where the gold doc annotates them). */
  only?: readonly GoldLayer[]
}

const counts = (): Counts => ({ tp: 0, pred: 0, gold: 0 })
const ratio = (): Ratio => ({ hit: 0, total: 0 })

export function emptyLayerCounts(): DocScore['counts'] {
  return {
    entities: { micro: counts(), byType: {} },
    quotes: { span: counts(), attribution: ratio(), endToEnd: counts(), entityCaused: ratio() },
    claims: { match: counts(), stance: ratio() },
    places: {
      match: counts(),
      withinTolerance: ratio(),
      within161: ratio(),
      errorsKm: [],
      metonym: ratio(),
      falseMetonym: ratio(),
    },
    events: {
      match: counts(),
      mode: ratio(),
      actors: ratio(),
      counts: ratio(),
      exactDate: ratio(),
      type: ratio(),
    },
  }
}

/** The layers scored for a gold doc: its `layers` (default all), limited by `only`. */
export function scoredLayers(gold: GoldDoc, only?: readonly GoldLayer[]): GoldLayer[] {
  const annotated = gold.layers ?? GOLD_LAYERS
  return GOLD_LAYERS.filter((l) => annotated.includes(l) && (!only || only.includes(l)))
}

/** A predicted layer counts only when a stage computed it; otherwise it is an empty prediction. */
function predictedLayer<K extends GoldLayer>(pred: GoldDoc, layer: K): NonNullable<GoldDoc[K]> {
  const computed = pred.layers ?? GOLD_LAYERS
  if (!computed.includes(layer)) return [] as unknown as NonNullable<GoldDoc[K]>
  return (pred[layer] ?? []) as NonNullable<GoldDoc[K]>
}

/** Score one predicted doc against its gold doc. */
export function scoreDoc(gold: GoldDoc, pred: GoldDoc, options: ScoreOptions = {}): DocScore {
  const layers = scoredLayers(gold, options.only)
  const result: DocScore = {
    id: gold.id,
    layers,
    counts: emptyLayerCounts(),
    stories: [],
    errors: [],
  }
  const goldEntities = gold.entities ?? []
  const predEntities = predictedLayer(pred, 'entities')
  const errors = result.errors
  if (layers.includes('entities')) {
    result.counts.entities = scoreEntities(predEntities, goldEntities, errors)
  }
  if (layers.includes('quotes')) {
    result.counts.quotes = scoreQuotes(
      predictedLayer(pred, 'quotes'),
      gold.quotes ?? [],
      { pred: predEntities, gold: goldEntities },
      errors,
    )
  }
  if (layers.includes('claims')) {
    result.counts.claims = scoreClaims(
      predictedLayer(pred, 'claims'),
      gold.claims ?? [],
      { pred: predEntities, gold: goldEntities },
      errors,
    )
  }
  if (layers.includes('places')) {
    result.counts.places = scorePlaces(predictedLayer(pred, 'places'), gold.places ?? [], errors)
  }
  if (layers.includes('events')) {
    const scored = scoreEvents(pred, gold, { pred: predEntities, gold: goldEntities }, errors)
    result.counts.events = scored.counts
    result.stories = scored.stories
  }
  summariseUncomputed(result, gold, pred)
  return result
}

/** A layer no stage computed misses everything: say so once instead of listing each item. */
function summariseUncomputed(result: DocScore, gold: GoldDoc, pred: GoldDoc): void {
  const computed = pred.layers ?? GOLD_LAYERS
  for (const layer of result.layers) {
    if (computed.includes(layer)) continue
    const count = (gold[layer] ?? []).length
    result.errors = result.errors.filter((e) => e.layer !== layer)
    result.errors.push({
      layer,
      kind: 'miss',
      gold: `all ${count} gold ${layer}`,
      why: 'no stage computes this layer yet (scored as an empty prediction)',
    })
  }
}

interface EntityLists {
  pred: readonly GoldEntity[]
  gold: readonly GoldEntity[]
}

// ------------------------------------------------------------------ entities

function scoreEntities(
  predicted: readonly GoldEntity[],
  gold: readonly GoldEntity[],
  errors: ScoreError[],
): EntityCounts {
  // An exact name-to-name match is preferred over one through an alias.
  const matching = greedyMatch(predicted, gold, (p, g) => {
    if (p.type !== g.type || !entityNamesMatch(p, g)) return null
    return normalizeForMatch(p.name) === normalizeForMatch(g.name) ? 1 : 0.9
  })
  const result: EntityCounts = { micro: counts(), byType: {} }
  const forType = (type: string) => (result.byType[type] ??= counts())
  for (const g of gold) {
    forType(g.type).gold++
    result.micro.gold++
  }
  for (const p of predicted) {
    forType(p.type).pred++
    result.micro.pred++
  }
  for (const pair of matching.pairs) {
    forType(gold[pair.gold]!.type).tp++
    result.micro.tp++
  }
  const show = (e: GoldEntity) => `${e.type} ${e.name}`
  gold.forEach((g, gi) => {
    if (matching.goldToPred.has(gi)) return
    const sameName = predicted.find((p) => entityNamesMatch(p, g))
    const why = sameName
      ? sameName.type === g.type
        ? `its prediction "${sameName.name}" is already matched to another gold entity`
        : `predicted as ${sameName.type} "${sameName.name}"`
      : 'no predicted entity with this name or an alias'
    errors.push({ layer: 'entities', kind: 'miss', gold: show(g), why })
  })
  predicted.forEach((p, pi) => {
    if (matching.predToGold.has(pi)) return
    const sameName = gold.find((g) => entityNamesMatch(p, g))
    const why = sameName
      ? sameName.type === p.type
        ? `duplicate: gold "${sameName.name}" is already matched`
        : `gold has it as ${sameName.type}`
      : 'not a gold entity'
    errors.push({ layer: 'entities', kind: 'false', pred: show(p), why })
  })
  return result
}

// -------------------------------------------------------------------- quotes

/** Does the predicted speaker agree with the gold one (the mention, when gold has no speaker)? */
export function speakerMatches(p: GoldQuote, g: GoldQuote, entities: EntityLists): boolean {
  if (g.speaker !== null && g.speaker !== undefined) {
    const said = p.speaker ?? p.speaker_mention ?? null
    return namesMatch(said, g.speaker, entities.pred, entities.gold)
  }
  const mention = g.speaker_mention ?? null
  // No source in the gold (an agentless "it was reported"): right only when sitrep names none.
  if (!normalizeForMatch(mention)) {
    return !normalizeForMatch(p.speaker) && !normalizeForMatch(p.speaker_mention)
  }
  if (normalizeForMatch(p.speaker_mention) === normalizeForMatch(mention)) return true
  return namesMatch(p.speaker, mention, entities.pred, entities.gold)
}

function goldSpeakerLabel(g: GoldQuote): string {
  return g.speaker ?? `mention "${g.speaker_mention ?? ''}"`
}

function scoreQuotes(
  predicted: readonly GoldQuote[],
  gold: readonly GoldQuote[],
  entities: EntityLists,
  errors: ScoreError[],
): QuoteCounts {
  // Among equal overlaps, prefer the pairing whose speaker is also right.
  const matching = greedyMatch(predicted, gold, (p, g) => {
    const f = tokenF1(p.text, g.text)
    if (f < QUOTE_MIN_OVERLAP) return null
    return f + (speakerMatches(p, g, entities) ? 1e-6 : 0)
  })
  const result: QuoteCounts = {
    span: { tp: matching.pairs.length, pred: predicted.length, gold: gold.length },
    attribution: ratio(),
    endToEnd: { tp: 0, pred: predicted.length, gold: gold.length },
    entityCaused: ratio(),
  }
  for (const pair of matching.pairs) {
    const p = predicted[pair.pred]!
    const g = gold[pair.gold]!
    result.attribution.total++
    if (speakerMatches(p, g, entities)) {
      result.attribution.hit++
      result.endToEnd.tp++
      continue
    }
    let why = `speaker "${p.speaker ?? 'null'}" (mention "${p.speaker_mention ?? ''}"), gold ${goldSpeakerLabel(g)}`
    if (g.speaker) {
      // An entity error: the gold speaker is a gold entity that the entities stage missed.
      // A descriptive gold speaker ("a security official") is no entity, so not counted.
      result.entityCaused.total++
      const isEntity = entities.gold.some((e) =>
        namesMatch(e.name, g.speaker, entities.gold, entities.gold),
      )
      const known = entities.pred.some((e) =>
        namesMatch(e.name, g.speaker, entities.pred, entities.gold),
      )
      if (isEntity && !known) {
        result.entityCaused.hit++
        why += '; gold speaker is a gold entity missing from the predicted entities'
      }
    }
    errors.push({ layer: 'quotes', kind: 'wrong', gold: clip(g.text), pred: clip(p.text), why })
  }
  reportUnmatchedByOverlap(
    'quotes',
    predicted.map((q) => q.text),
    gold.map((q) => q.text),
    matching,
    QUOTE_MIN_OVERLAP,
    errors,
    (gi) => ` [${goldSpeakerLabel(gold[gi]!)}]`,
    (pi) => ` [${predicted[pi]!.speaker ?? 'null'}]`,
  )
  return result
}

/** Misses and false hits of a text-overlap layer, each with its closest counterpart. */
function reportUnmatchedByOverlap(
  layer: GoldLayer,
  predicted: readonly string[],
  gold: readonly string[],
  matching: ReturnType<typeof greedyMatch>,
  threshold: number,
  errors: ScoreError[],
  goldNote: (gi: number) => string,
  predNote: (pi: number) => string,
  unmatchedReason?: (pi: number, gi: number) => string | null,
): void {
  const closest = (text: string, others: readonly string[]) => {
    let best = -1
    let bestF = 0
    others.forEach((o, i) => {
      const f = tokenF1(text, o)
      if (f > bestF) {
        bestF = f
        best = i
      }
    })
    return { best, bestF }
  }
  gold.forEach((text, gi) => {
    if (matching.goldToPred.has(gi)) return
    const { best, bestF } = closest(text, predicted)
    let why: string
    if (best < 0) why = 'no prediction overlaps it'
    else if (bestF >= threshold) {
      why =
        unmatchedReason?.(best, gi) ??
        `closest prediction (overlap ${bestF.toFixed(2)}) is matched to another gold item`
    } else {
      why = `closest prediction overlaps ${bestF.toFixed(2)} < ${threshold}: "${clip(predicted[best], 50)}"`
    }
    errors.push({ layer, kind: 'miss', gold: clip(text) + goldNote(gi), why })
  })
  predicted.forEach((text, pi) => {
    if (matching.predToGold.has(pi)) return
    const { best, bestF } = closest(text, gold)
    let why: string
    if (best < 0) why = 'overlaps no gold item'
    else if (bestF >= threshold) {
      why =
        unmatchedReason?.(pi, best) ??
        `duplicate: its closest gold item (overlap ${bestF.toFixed(2)}) is matched to another prediction`
    } else {
      why = `closest gold item overlaps ${bestF.toFixed(2)} < ${threshold}: "${clip(gold[best], 50)}"`
    }
    errors.push({ layer, kind: 'false', pred: clip(text) + predNote(pi), why })
  })
}

// -------------------------------------------------------------------- claims

function scoreClaims(
  predicted: readonly GoldClaim[],
  gold: readonly GoldClaim[],
  entities: EntityLists,
  errors: ScoreError[],
): ClaimCounts {
  const claimantOk = (p: GoldClaim, g: GoldClaim) =>
    namesMatch(p.claimant, g.claimant, entities.pred, entities.gold)
  const matching = greedyMatch(predicted, gold, (p, g) => {
    const f = tokenF1(p.text, g.text)
    return f >= CLAIM_MIN_OVERLAP && claimantOk(p, g) ? f : null
  })
  const result: ClaimCounts = {
    match: { tp: matching.pairs.length, pred: predicted.length, gold: gold.length },
    stance: ratio(),
  }
  for (const pair of matching.pairs) {
    const p = predicted[pair.pred]!
    const g = gold[pair.gold]!
    result.stance.total++
    if (p.stance === g.stance) result.stance.hit++
    else {
      errors.push({
        layer: 'claims',
        kind: 'wrong',
        gold: clip(g.text),
        why: `stance ${p.stance}, gold ${g.stance}`,
      })
    }
  }
  reportUnmatchedByOverlap(
    'claims',
    predicted.map((c) => c.text),
    gold.map((c) => c.text),
    matching,
    CLAIM_MIN_OVERLAP,
    errors,
    (gi) => ` [${gold[gi]!.claimant ?? 'null'}]`,
    (pi) => ` [${predicted[pi]!.claimant ?? 'null'}]`,
    (pi, gi) =>
      claimantOk(predicted[pi]!, gold[gi]!)
        ? null
        : `text overlaps but claimant "${predicted[pi]!.claimant ?? 'null'}" ≠ gold "${gold[gi]!.claimant ?? 'null'}"`,
  )
  return result
}

// -------------------------------------------------------------------- places

function scorePlaces(
  predictedAll: readonly GoldPlace[],
  goldAll: readonly GoldPlace[],
  errors: ScoreError[],
): PlaceCounts {
  // Demonyms ("Turkish") are annotated by some corpora but not scored, on either side.
  const demonyms = new Set(
    goldAll.filter((g) => g.use === 'demonym').map((g) => normalizeForMatch(g.mention)),
  )
  const gold = goldAll.filter((g) => g.use !== 'demonym')
  const predicted = predictedAll.filter((p) => !demonyms.has(normalizeForMatch(p.mention)))
  // Two places can share a mention ("Georgia" the country and the US state): among pairs
  // with the same mention, the geographically closer pairing wins.
  const matching = greedyMatch(predicted, gold, (p, g) => {
    const mention = normalizeForMatch(g.mention)
    if (!mention || normalizeForMatch(p.mention) !== mention) return null
    return 1 + closeness(p, g)
  })
  const result: PlaceCounts = {
    match: { tp: matching.pairs.length, pred: predicted.length, gold: gold.length },
    withinTolerance: ratio(),
    within161: ratio(),
    errorsKm: [],
    metonym: ratio(),
    falseMetonym: ratio(),
  }
  for (const pair of matching.pairs) {
    const p = predicted[pair.pred]!
    const g = gold[pair.gold]!
    if (g.use === 'metonym') {
      result.metonym.total++
      if (p.use === 'metonym') result.metonym.hit++
      else {
        errors.push({
          layer: 'places',
          kind: 'wrong',
          gold: g.mention,
          why: `gold metonym, predicted ${p.use}`,
        })
      }
      continue
    }
    result.falseMetonym.total++
    if (p.use === 'metonym') {
      result.falseMetonym.hit++
      errors.push({ layer: 'places', kind: 'wrong', gold: g.mention, why: 'flagged metonym' })
    }
    if (g.lat === null || g.lon === null) continue
    const tolerance = g.tolerance_km ?? DEFAULT_TOLERANCE_KM
    const km =
      p.lat === null || p.lon === null || p.lat === undefined || p.lon === undefined
        ? MAX_ERROR_KM
        : haversineKm(p.lat, p.lon, g.lat, g.lon)
    result.errorsKm.push(km)
    result.withinTolerance.total++
    result.within161.total++
    if (km <= tolerance) result.withinTolerance.hit++
    if (km <= LENIENT_KM) result.within161.hit++
    if (km > tolerance) {
      const at = p.lat === null ? 'no coordinates' : `${p.name ?? '?'} (${p.country ?? '?'})`
      errors.push({
        layer: 'places',
        kind: 'wrong',
        gold: `${g.mention} → ${g.name ?? g.mention} (${g.country ?? '?'})`,
        why: `geocoded to ${at}, ${Math.round(km)} km off > ${tolerance} km`,
      })
    }
  }
  const predMentions = new Set(predicted.map((p) => normalizeForMatch(p.mention)))
  gold.forEach((g, gi) => {
    if (matching.goldToPred.has(gi)) return
    const why = predMentions.has(normalizeForMatch(g.mention))
      ? 'its mention is already matched to another gold place'
      : 'mention not predicted'
    errors.push({ layer: 'places', kind: 'miss', gold: `${g.mention} (${g.use})`, why })
  })
  const goldMentions = new Set(gold.map((g) => normalizeForMatch(g.mention)))
  predicted.forEach((p, pi) => {
    if (matching.predToGold.has(pi)) return
    const why = goldMentions.has(normalizeForMatch(p.mention))
      ? 'duplicate mention'
      : 'not a gold toponym'
    errors.push({ layer: 'places', kind: 'false', pred: `${p.mention} → ${p.name ?? '?'}`, why })
  })
  return result
}

/** In (0, 1]: 1 at the same point, falling with distance; 0 when either has no coordinates. */
function closeness(p: GoldPlace, g: GoldPlace): number {
  if (p.lat == null || p.lon == null || g.lat == null || g.lon == null) return 0
  return 1 / (1 + haversineKm(p.lat, p.lon, g.lat, g.lon) / 100)
}

// -------------------------------------------------------------------- events

interface Located {
  lat: number
  lon: number
  tolerance: number
}

/** Event places are mentions: resolve them through the doc's places layer (mention, then name). */
function placeIndex(places: readonly GoldPlace[] | null): Map<string, Located> | null {
  if (!places) return null
  const index = new Map<string, Located>()
  for (const key of ['name', 'mention'] as const) {
    for (const p of places) {
      if (p.lat === null || p.lon === null || p.lat === undefined || p.lon === undefined) continue
      const k = normalizeForMatch(p[key])
      if (k) index.set(k, { lat: p.lat, lon: p.lon, tolerance: p.tolerance_km ?? 0 })
    }
  }
  return index
}

function placeList(place: GoldEvent['place']): string[] {
  if (place === null || place === undefined) return []
  return (Array.isArray(place) ? place : [place]).filter((p) => normalizeForMatch(p))
}

interface EventContext {
  entities: EntityLists
  predPlaces: Map<string, Located> | null
  goldPlaces: Map<string, Located> | null
}

/** Why a predicted event's place fails the gold one, or null when it passes. */
function placeProblem(p: GoldEvent, g: GoldEvent, ctx: EventContext): string | null {
  const goldPlaces = placeList(g.place)
  if (goldPlaces.length === 0) return null
  const predPlaces = placeList(p.place)
  if (predPlaces.length === 0) return `no place, gold ${goldPlaces.join(' / ')}`
  for (const gp of goldPlaces) {
    const gAt = ctx.goldPlaces?.get(normalizeForMatch(gp))
    for (const pp of predPlaces) {
      const pAt = ctx.predPlaces?.get(normalizeForMatch(pp))
      if (gAt && pAt) {
        const limit = Math.max(EVENT_MIN_TOLERANCE_KM, gAt.tolerance)
        if (haversineKm(pAt.lat, pAt.lon, gAt.lat, gAt.lon) <= limit) return null
      } else if (normalizeForMatch(pp) === normalizeForMatch(gp)) return null
    }
  }
  return `place ${predPlaces.join(' / ')} not near gold ${goldPlaces.join(' / ')}`
}

/** Why a predicted event's date fails the gold one, or null when it passes. */
function dateProblem(p: GoldEvent, g: GoldEvent): string | null {
  const gDay = dayNumber(g.date)
  if (gDay === null) return null
  const pDay = dayNumber(p.date)
  const precision = g.date_precision ?? 'day'
  const window = DATE_WINDOW_DAYS[precision]
  if (pDay === null) return `no date, gold ${g.date} (${precision})`
  if (Math.abs(pDay - gDay) <= window) return null
  return `date ${p.date}, gold ${g.date} (${precision} ±${window} d)`
}

function eventProblem(p: GoldEvent, g: GoldEvent, ctx: EventContext): string | null {
  if (p.type !== g.type) return `type ${p.type}, gold ${g.type}`
  return placeProblem(p, g, ctx) ?? dateProblem(p, g)
}

/** Gold actors found among the predicted ones (name match, or token-overlap F1 ≥ 0.5). */
function actorHits(p: GoldEvent, g: GoldEvent, entities: EntityLists): number {
  const predActors = p.actors ?? []
  const goldActors = g.actors ?? []
  return greedyMatch(predActors, goldActors, (pa, ga) => {
    if (namesMatch(pa, ga, entities.pred, entities.gold)) return 2
    const f = tokenF1(pa, ga)
    return f >= ACTOR_MIN_OVERLAP ? f : null
  }).pairs.length
}

function countAgreement(p: GoldEvent, g: GoldEvent): Ratio {
  const pc: Record<string, number | undefined> = p.counts ?? {}
  const gc: Record<string, number | undefined> = g.counts ?? {}
  const keys = new Set([...Object.keys(pc), ...Object.keys(gc)])
  let hit = 0
  for (const k of keys) if (pc[k] !== undefined && pc[k] === gc[k]) hit++
  return { hit, total: keys.size }
}

/** Reasons joined once each, with how often each occurred. */
function distinct(reasons: readonly string[]): string {
  const seen = new Map<string, number>()
  for (const r of reasons) seen.set(r, (seen.get(r) ?? 0) + 1)
  return [...seen].map(([r, n]) => (n > 1 ? `${r} (×${n})` : r)).join(' | ')
}

function showEvent(e: GoldEvent): string {
  const place = placeList(e.place).join(' / ') || '-'
  return `${e.type}${e.mode ? `/${e.mode}` : ''} @${place} ${e.date ?? '-'} [${(e.actors ?? []).join(', ')}]`
}

function scoreEvents(
  pred: GoldDoc,
  gold: GoldDoc,
  entities: EntityLists,
  errors: ScoreError[],
): { counts: EventCounts; stories: StoryItem[] } {
  const predicted = predictedLayer(pred, 'events')
  const goldEvents = gold.events ?? []
  const predHasPlaces = (pred.layers ?? GOLD_LAYERS).includes('places')
  const goldHasPlaces = gold.places !== undefined && (gold.layers ?? GOLD_LAYERS).includes('places')
  const ctx: EventContext = {
    entities,
    predPlaces: predHasPlaces ? placeIndex(pred.places ?? []) : null,
    goldPlaces: goldHasPlaces ? placeIndex(gold.places ?? []) : null,
  }
  // Among passing pairs, prefer the one that also gets mode, actors and the exact date right.
  const matching = greedyMatch(predicted, goldEvents, (p, g) => {
    if (eventProblem(p, g, ctx) !== null) return null
    const actors = (g.actors ?? []).length
    return (
      1 +
      (p.mode === g.mode ? 0.1 : 0) +
      (actors ? (0.1 * actorHits(p, g, entities)) / actors : 0) +
      (g.date && dayNumber(p.date) === dayNumber(g.date) ? 0.05 : 0)
    )
  })
  const result: EventCounts = {
    match: { tp: matching.pairs.length, pred: predicted.length, gold: goldEvents.length },
    mode: ratio(),
    actors: ratio(),
    counts: ratio(),
    exactDate: ratio(),
    type: ratio(),
  }
  if (goldEvents.length === 1) {
    result.type.total++
    if (predicted[0]?.type === goldEvents[0]!.type) result.type.hit++
  }
  for (const pair of matching.pairs) {
    const p = predicted[pair.pred]!
    const g = goldEvents[pair.gold]!
    const notes: string[] = []
    result.mode.total++
    if ((p.mode ?? null) === (g.mode ?? null)) result.mode.hit++
    else notes.push(`mode ${p.mode ?? 'null'}, gold ${g.mode ?? 'null'}`)
    if (g.date) {
      result.exactDate.total++
      if (dayNumber(p.date) === dayNumber(g.date)) result.exactDate.hit++
      else notes.push(`date ${p.date ?? 'null'}, gold ${g.date}`)
    }
    const hits = actorHits(p, g, entities)
    result.actors.hit += hits
    result.actors.total += (g.actors ?? []).length
    if (hits < (g.actors ?? []).length) {
      notes.push(`actors [${(p.actors ?? []).join(', ')}], gold [${(g.actors ?? []).join(', ')}]`)
    }
    const agreement = countAgreement(p, g)
    result.counts.hit += agreement.hit
    result.counts.total += agreement.total
    if (agreement.hit < agreement.total) {
      notes.push(`counts ${JSON.stringify(p.counts ?? {})}, gold ${JSON.stringify(g.counts ?? {})}`)
    }
    if (notes.length > 0) {
      errors.push({ layer: 'events', kind: 'wrong', gold: showEvent(g), why: notes.join('; ') })
    }
  }
  goldEvents.forEach((g, gi) => {
    if (matching.goldToPred.has(gi)) return
    const sameType = predicted.filter((p) => p.type === g.type)
    const why =
      sameType.length === 0
        ? `no predicted ${g.type} event`
        : distinct(sameType.map((p) => eventProblem(p, g, ctx) ?? 'its fit is matched elsewhere'))
    errors.push({ layer: 'events', kind: 'miss', gold: showEvent(g), why })
  })
  predicted.forEach((p, pi) => {
    if (matching.predToGold.has(pi)) return
    const sameType = goldEvents.filter((g) => g.type === p.type)
    const why =
      sameType.length === 0
        ? `no gold ${p.type} event`
        : distinct(sameType.map((g) => eventProblem(p, g, ctx) ?? 'its fit is matched elsewhere'))
    errors.push({ layer: 'events', kind: 'false', pred: showEvent(p), why })
  })
  const stories: StoryItem[] = []
  goldEvents.forEach((g, gi) => {
    if (!g.key) return
    const pi = matching.goldToPred.get(gi)
    const system = pi === undefined ? null : (predicted[pi]!.key ?? null)
    stories.push({ doc: gold.id, gold: g.key, system })
  })
  return { counts: result, stories }
}
