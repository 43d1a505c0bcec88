/**
 * Hand-made Docs for the corpus and store tests (P10: build docs by hand), and a
 * converter from gold-format files to Docs so the story clustering can be checked
 * on ../shared/gold/dev without the extraction stages.
 */
import type { GoldDoc } from '../core/gold.js'
import {
  createDoc,
  type Claim,
  type CountKey,
  type DatePrecision,
  type Doc,
  type Event,
  type Place,
  type PloverType,
  type Stance,
  type Verification,
} from '../core/record.js'
import type { Article } from '../ingest/article.js'
import { contentTerms, overlap } from './text.js'

export interface EventSpec {
  type: PloverType
  /** A substring of the doc text: the event's span. */
  text: string
  mode?: string | null
  place?: { name: string; lat: number; lon: number } | null
  date?: string | null
  precision?: DatePrecision
  actors?: string[]
  counts?: Partial<Record<CountKey, number>>
}

export interface ClaimSpec {
  /** A substring of the doc text: the claim's span. */
  text: string
  claimant?: string | null
  via?: string[]
  stance?: Stance
  verification?: Verification
  entities?: string[]
  numbers?: string[]
}

export interface DocSpec {
  id: string
  text: string
  outlet?: string | null
  published?: string | null
  url?: string | null
  title?: string | null
  events?: EventSpec[]
  claims?: ClaimSpec[]
}

/** A Doc with events and claims at the given substrings. */
export function makeDoc(spec: DocSpec): Doc {
  const doc = createDoc(spec.id, spec.text, {
    outlet: spec.outlet ?? null,
    published: spec.published ?? null,
    url: spec.url ?? null,
    title: spec.title ?? null,
    language: 'en',
  })
  const places: Place[] = []
  const events: Event[] = (spec.events ?? []).map((e) => {
    const { start, end } = locate(spec.text, e.text)
    const placeIndexes: number[] = []
    if (e.place) {
      placeIndexes.push(places.length)
      places.push(makePlace(spec.text, e.place))
    }
    return {
      start,
      end,
      by: 'fixture/event',
      confidence: 1,
      type: e.type,
      mode: e.mode ?? null,
      acled: null,
      actors: (e.actors ?? []).map((name) => ({ name, entity: null, actorType: null })),
      places: placeIndexes,
      date: e.date ?? null,
      datePrecision: e.date ? (e.precision ?? 'day') : null,
      dateSpan: null,
      counts: e.counts ?? {},
      claimedBy: null,
      status: 'happened',
      key: null,
    }
  })
  const claims: Claim[] = (spec.claims ?? []).map((c) => ({
    ...locate(spec.text, c.text),
    by: 'fixture/claim',
    confidence: 1,
    claimant: c.claimant ?? null,
    claimantEntity: null,
    via: c.via ?? [],
    stance: c.stance ?? 'asserts',
    verification: c.verification ?? null,
    quote: null,
    refs: { entities: c.entities ?? [], numbers: c.numbers ?? [], places: [], dates: [] },
  }))
  doc.layers.places = places
  doc.layers.events = events
  doc.layers.claims = claims
  return doc
}

function makePlace(text: string, place: { name: string; lat: number; lon: number }): Place {
  const at = text.indexOf(place.name)
  const start = at >= 0 ? at : 0
  return {
    start,
    end: at >= 0 ? at + place.name.length : 0,
    by: 'fixture/place',
    confidence: 1,
    mention: place.name,
    name: place.name,
    geonameid: null,
    country: null,
    admin1: null,
    lat: place.lat,
    lon: place.lon,
    feature: null,
    precision: 1,
    use: 'location',
    entity: null,
    mentions: [],
    candidates: [],
  }
}

function locate(text: string, part: string): { start: number; end: number } {
  const start = text.indexOf(part)
  if (start < 0) throw new Error(`fixture: "${part}" is not in the text`)
  return { start, end: start + part.length }
}

/**
 * A gold file as a Doc with events (and their places and dates). Gold events
 * carry no span: the sentence sharing most words with the event's place, actors
 * and claimant stands in, as an extractor's trigger sentence would.
 */
export function goldToDoc(gold: GoldDoc): Doc {
  const doc = createDoc(gold.id, gold.text, {
    outlet: gold.source.outlet,
    published: gold.source.published,
    url: gold.source.url,
    language: gold.source.language,
  })
  const sentences = splitSentences(gold.text)
  const places: Place[] = []
  const events: Event[] = (gold.events ?? []).map((g) => {
    const mentions = g.place === null || g.place === undefined ? [] : [g.place].flat()
    const placeIndexes: number[] = []
    for (const mention of mentions) {
      const gp = (gold.places ?? []).find((p) => p.mention === mention)
      if (!gp || gp.lat === null || gp.lon === null) continue
      placeIndexes.push(places.length)
      places.push(makePlace(gold.text, { name: mention, lat: gp.lat, lon: gp.lon }))
    }
    const cue = contentTerms([...mentions, ...(g.actors ?? []), g.claimed_by ?? ''].join(' '))
    const sentence = bestSentence(sentences, cue)
    return {
      start: sentence.start,
      end: sentence.end,
      by: 'gold/event',
      confidence: 1,
      type: g.type as PloverType,
      mode: g.mode ?? null,
      acled: g.acled ?? null,
      actors: (g.actors ?? []).map((name) => ({ name, entity: null, actorType: null })),
      places: placeIndexes,
      date: g.date ?? null,
      datePrecision: g.date_precision ?? null,
      dateSpan: null,
      counts: g.counts ?? {},
      claimedBy: g.claimed_by ?? null,
      status: 'happened',
      key: null,
    }
  })
  doc.layers.places = places
  doc.layers.events = events
  return doc
}

function splitSentences(text: string): { start: number; end: number; terms: string[] }[] {
  const out: { start: number; end: number; terms: string[] }[] = []
  const pattern = /[^.!?\n]+[.!?]*/g
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    out.push({ start: m.index, end: m.index + m[0].length, terms: contentTerms(m[0]) })
  }
  return out
}

function bestSentence(
  sentences: { start: number; end: number; terms: string[] }[],
  cue: string[],
): { start: number; end: number } {
  let best = sentences[0] ?? { start: 0, end: 0, terms: [] }
  let bestScore = -1
  for (const s of sentences) {
    const score = overlap(cue, s.terms)
    if (score > bestScore) {
      best = s
      bestScore = score
    }
  }
  return best
}

/**
 * Articles for `ingestMany` plus an `extract` that gives each the hand-made
 * layers of its spec (looked up by text), standing in for the pipeline.
 */
export function fixtureCorpus(specs: DocSpec[]): {
  articles: Article[]
  extract: (doc: Doc) => Doc
} {
  const byText = new Map(specs.map((spec) => [spec.text, makeDoc(spec)]))
  return {
    articles: specs.map((spec) => ({
      id: spec.id,
      text: spec.text,
      url: spec.url ?? null,
      outlet: spec.outlet ?? null,
      published: spec.published ?? null,
      title: spec.title ?? null,
      language: 'en',
    })),
    extract: (doc) => {
      const made = byText.get(doc.text)
      if (made) doc.layers = structuredClone(made.layers)
      return doc
    },
  }
}
