import type { Doc, Event, Place } from '../core/record.js'

export interface Feature {
  type: 'Feature'
  geometry: { type: 'Point'; coordinates: [number, number] } | null
  properties: Record<string, unknown>
}

export interface FeatureCollection {
  type: 'FeatureCollection'
  features: Feature[]
}

function point(place: Place | undefined): Feature['geometry'] {
  if (!place || place.lat === null || place.lon === null) return null
  // GeoJSON orders coordinates longitude first (RFC 7946).
  return { type: 'Point', coordinates: [place.lon, place.lat] }
}

function placeFeature(doc: Doc, place: Place, index: number): Feature {
  return {
    type: 'Feature',
    geometry: point(place),
    properties: {
      kind: 'place',
      doc: doc.id,
      index,
      mention: place.mention,
      name: place.name,
      country: place.country,
      admin1: place.admin1,
      feature: place.feature,
      precision: place.precision,
      use: place.use,
      geonameid: place.geonameid,
      by: place.by,
      confidence: place.confidence,
    },
  }
}

function eventFeature(doc: Doc, event: Event, index: number): Feature {
  const places = event.places
    .map((i) => doc.layers.places?.[i])
    .filter((p): p is Place => p !== undefined)
  return {
    type: 'Feature',
    geometry: point(places.find((p) => p.lat !== null)),
    properties: {
      kind: 'event',
      doc: doc.id,
      index,
      type: event.type,
      mode: event.mode,
      acled: event.acled,
      date: event.date,
      datePrecision: event.datePrecision,
      places: places.map((p) => p.name),
      actors: event.actors.map((a) => a.name),
      counts: event.counts,
      claimedBy: event.claimedBy,
      status: event.status,
      trigger: doc.text.slice(event.start, event.end),
      outlet: doc.source.outlet,
      published: doc.source.published,
      by: event.by,
      confidence: event.confidence,
    },
  }
}

/**
 * Events that happened and the places the articles name, as one GeoJSON FeatureCollection. Each
 * feature says what it is (`kind`), which article it comes from and its evidence; features
 * without coordinates keep a null geometry, as RFC 7946 allows, so nothing is silently lost.
 */
export function toGeoJson(docs: readonly Doc[]): FeatureCollection {
  const features: Feature[] = []
  for (const doc of docs) {
    ;(doc.layers.places ?? []).forEach((place, i) => features.push(placeFeature(doc, place, i)))
    ;(doc.layers.events ?? []).forEach((event, i) => {
      if (event.status === 'happened') features.push(eventFeature(doc, event, i))
    })
  }
  return { type: 'FeatureCollection', features }
}
