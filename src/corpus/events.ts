/**
 * Events flattened out of a Doc for search and clustering: the most precise
 * place, the effective date, actor and content terms.
 */
import type { Doc, Event, Place } from '../core/record.js'
import type { EventRecord, PlaceRef } from '../store/store.js'
import { contentTerms } from './text.js'

export interface EventRow {
  record: EventRecord
  /** Content terms of the event's text (its span and the sentence around it). */
  terms: string[]
}

/** The events of a doc as records for article `articleId`. */
export function eventRows(doc: Doc, articleId: string): EventRow[] {
  const events = doc.layers.events ?? []
  return events.map((event, index) => {
    const text = eventText(doc, event)
    const record: EventRecord = {
      id: `${articleId}:${index}`,
      articleId,
      index,
      type: event.type,
      mode: event.mode,
      acled: event.acled,
      date: event.date,
      datePrecision: event.datePrecision,
      place: eventPlace(doc, event),
      actors: event.actors.map((a) => a.name),
      counts: event.counts,
      status: event.status,
      claimedBy: event.claimedBy,
      text: text.length > 400 ? text.slice(0, 400) : text,
      storyId: event.key ?? null,
      outlet: doc.source.outlet,
      published: doc.source.published,
    }
    return { record, terms: contentTerms(text) }
  })
}

/** The event's span, widened to its sentence when the span is only a trigger word. */
export function eventText(doc: Doc, event: Event): string {
  const span = doc.text.slice(event.start, event.end)
  if (span.length >= 40) return span
  const sentence = (doc.layers.sentences ?? []).find(
    (s) => s.start <= event.start && event.start < s.end,
  )
  return sentence ? doc.text.slice(sentence.start, sentence.end) : span
}

/** The most precise located place the event names (ACLED precision 1 before 3). */
export function eventPlace(doc: Doc, event: Event): PlaceRef | null {
  const places = doc.layers.places ?? []
  let best: Place | null = null
  for (const index of event.places) {
    const place = places[index]
    if (!place || place.use === 'metonym') continue
    if (!best || (place.lat !== null && (best.lat === null || place.precision < best.precision)))
      best = place
  }
  if (!best) return null
  return { name: best.name, lat: best.lat, lon: best.lon, country: best.country }
}
