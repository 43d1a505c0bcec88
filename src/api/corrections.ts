/**
 * Corrections are a layer over extracted records, applied when records are read
 * (pure functions here). The stored extraction is never rewritten, so a
 * correction can be audited and undone by a later one; the latest one wins.
 */
import type { Doc, PloverType } from '../core/record.js'
import type { ClaimClusterRecord, ClaimStatus, EventRecord, PlaceRef } from '../store/store.js'
import type { CorrectionKind, CorrectionRecord } from './review-types.js'

export interface PlaceValue {
  name: string
  lat: number | null
  lon: number | null
  country: string | null
}

/** The current value of a correctable field of a doc, or undefined when there is no such item. */
export function docFieldValue(doc: Doc, kind: CorrectionKind, index: number): unknown {
  if (kind === 'speaker') {
    const quote = doc.layers.quotes?.[index]
    return quote ? quote.speakerName : undefined
  }
  if (kind === 'place') {
    const place = doc.layers.places?.[index]
    return place
      ? { name: place.name, lat: place.lat, lon: place.lon, country: place.country }
      : undefined
  }
  if (kind === 'event-type') return doc.layers.events?.[index]?.type
  return undefined
}

/** A copy of the doc with its corrections applied in order. */
export function correctDoc(doc: Doc, corrections: CorrectionRecord[]): Doc {
  if (corrections.length === 0) return doc
  const copy = structuredClone(doc)
  for (const correction of corrections) {
    if (correction.articleId !== doc.id || correction.index === null) continue
    applyToDoc(copy, correction, correction.index)
  }
  return copy
}

function applyToDoc(doc: Doc, correction: CorrectionRecord, index: number): void {
  const { layers } = doc
  if (correction.kind === 'speaker') {
    const quote = layers.quotes?.[index]
    if (!quote) return
    const name = correction.after as string | null
    quote.speakerName = name
    quote.speaker = entityIdByName(doc, name)
    quote.anonymous = name === null
    // The claims made in that quote have the corrected claimant too.
    for (const claim of layers.claims ?? []) {
      if (claim.quote !== index) continue
      claim.claimant = name
      claim.claimantEntity = quote.speaker
    }
  } else if (correction.kind === 'place') {
    const place = layers.places?.[index]
    if (!place) return
    Object.assign(place, correction.after as PlaceValue)
  } else if (correction.kind === 'event-type') {
    const event = layers.events?.[index]
    if (event) event.type = correction.after as PloverType
  }
}

function entityIdByName(doc: Doc, name: string | null): string | null {
  if (name === null) return null
  const folded = name.toLowerCase()
  const entity = (doc.layers.entities ?? []).find(
    (e) => e.name.toLowerCase() === folded || e.aliases.some((a) => a.toLowerCase() === folded),
  )
  return entity?.id ?? null
}

/**
 * Index into `doc.layers.places` of the place an event record was given (the
 * corpus picks the most precise of the event's places), or null when it has none.
 */
export function eventPlaceIndex(doc: Doc, event: EventRecord): number | null {
  const ref = event.place
  const indexes = doc.layers.events?.[event.index]?.places ?? []
  if (!ref) return null
  const places = doc.layers.places ?? []
  const same = indexes.find((i) => {
    const place = places[i]
    return place?.name === ref.name && place.lat === ref.lat && place.lon === ref.lon
  })
  return same ?? indexes[0] ?? null
}

/** An event record with its article's corrections applied (type; place when it is the event's). */
export function correctEvent(
  event: EventRecord,
  doc: Doc | null,
  corrections: CorrectionRecord[],
): EventRecord {
  let corrected = event
  for (const correction of corrections) {
    if (correction.articleId !== event.articleId) continue
    if (correction.kind === 'event-type' && correction.index === event.index) {
      corrected = { ...corrected, type: correction.after as PloverType }
    } else if (correction.kind === 'place' && doc) {
      if (eventPlaceIndex(doc, event) === correction.index) {
        corrected = { ...corrected, place: correction.after as PlaceRef }
      }
    }
  }
  return corrected
}

export function correctCluster<T extends ClaimClusterRecord>(
  cluster: T,
  corrections: CorrectionRecord[],
): T {
  let corrected = cluster
  for (const correction of corrections) {
    if (correction.kind !== 'claim-status' || correction.claimId !== cluster.id) continue
    corrected = {
      ...corrected,
      status: correction.after as ClaimStatus,
      statusDate: correction.at.slice(0, 10),
    }
  }
  return corrected
}
