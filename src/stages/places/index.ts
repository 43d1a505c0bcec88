import type { Doc, Place, Span, Token } from '../../core/record.js'
import type { Gazetteer, GazetteerEntry, Lexicons } from '../../core/resources.js'
import type { Stage, StageContext } from '../../core/stage.js'
import { readingOf, shareCoordinatedReadings, useOf } from './attribute.js'
import { compileCues } from './cues.js'
import { findToponyms, lowerWords, sentenceStartTokens, tokenAt } from './find.js'
import {
  distanceKm,
  isRegionLike,
  MAX_CONTEXT_POINTS,
  nearCueBefore,
  resolveToponyms,
  toCandidates,
  type Resolution,
} from './resolve.js'
import type { Cues, PlacesOptions, Reading } from './types.js'

export type { PlacesOptions } from './types.js'

/**
 * Places: toponyms found in the text (the entities layer's GPE/LOC names and our own gazetteer
 * pass), resolved against the gazetteer (region filter, country context, proximity, rank), with
 * ACLED precision and metonymy ("Moscow denied" is a government, not a location).
 */
export function places(options: PlacesOptions = {}): Stage {
  const { maxCandidates = 5, minPopulation = 1000, proximityKm = 250 } = options
  // The cue lexicon compiles once per resources object, never per doc.
  const compiled = new WeakMap<Lexicons, Cues>()
  // Gazetteer answers are kept across documents: news repeats its place names.
  const caches = new WeakMap<Gazetteer, GazetteerCache>()
  // Demonym answers by word (the countries resource is fixed for a process).
  const demonyms = new Map<string, boolean>()
  const cachesFor = (gazetteer: Gazetteer) => {
    let cache = caches.get(gazetteer)
    if (!cache) caches.set(gazetteer, (cache = createCache(gazetteer)))
    return cache
  }
  return {
    name: 'places',
    requires: ['sentences', 'tokens'],
    provides: ['places'],
    resources: ['gazetteer'],
    run(doc, ctx) {
      const { gazetteer, countries, lexicons } = ctx.resources
      if (!gazetteer) {
        ctx.error('no gazetteer resource: places are not resolved', 'places/no-gazetteer')
        doc.layers.places = []
        return
      }
      let cues = compiled.get(lexicons)
      if (!cues) {
        cues = compileCues(lexicons.get('places-cues'))
        compiled.set(lexicons, cues)
      }
      const { lookup, has } = cachesFor(gazetteer)
      // A demonym is an entity (NORP), not a place; a country's own name is never one.
      const isDemonym = (word: string) => {
        let yes = demonyms.get(word)
        if (yes === undefined) {
          if (demonyms.size >= CACHE_LIMIT) demonyms.clear()
          yes = !!countries?.byDemonym(word) && !countries.byName(word)
          demonyms.set(word, yes)
        }
        return yes
      }
      const isMajor = (name: string) => lookup(name).some(isMajorEntry)
      const toponyms = findToponyms(doc, { has, isMajor, isDemonym, cues })
      const resolutions = resolveToponyms(doc, toponyms, {
        lookup,
        countryOfDemonym: (word) => countries?.byDemonym(word)?.cca2 ?? null,
        regionOf: (country) => countries?.byCode(country)?.region || null,
        region: cachesFor(gazetteer).region,
        cues,
        proximityKm,
        minPopulation,
      })
      doc.layers.places = assemble(doc, resolutions, cues, { maxCandidates, minPopulation }, ctx)
    },
  }
}

/** Places that can stand for a government or a team: countries, capitals, regions, continents, cities. */
interface GazetteerCache {
  lookup(name: string): GazetteerEntry[]
  has(name: string): boolean
  region(country: string, admin1Code: string): GazetteerEntry | null
}

const CACHE_LIMIT = 20000

/** Bounded memo of lookups: cleared when full, which keeps memory flat on a long run. */
function createCache(gazetteer: Gazetteer): GazetteerCache {
  const lookups = new Map<string, GazetteerEntry[]>()
  const known = new Map<string, boolean>()
  const regions = new Map<string, GazetteerEntry | null>()
  return {
    region(country, admin1Code) {
      const key = `${country}.${admin1Code}`
      let found = regions.get(key)
      if (found === undefined) {
        if (regions.size >= CACHE_LIMIT) regions.clear()
        regions.set(key, (found = gazetteer.region(country, admin1Code)))
      }
      return found
    },
    lookup(name) {
      let found = lookups.get(name)
      if (!found) {
        if (lookups.size >= CACHE_LIMIT) lookups.clear()
        lookups.set(name, (found = gazetteer.lookup(name)))
      }
      return found
    },
    has(name) {
      let yes = known.get(name)
      if (yes === undefined) {
        if (known.size >= CACHE_LIMIT) known.clear()
        known.set(name, (yes = gazetteer.has(name)))
      }
      return yes
    },
  }
}

function isPolity(e: GazetteerEntry): boolean {
  return (
    ['A.PCLI', 'P.PPLC', 'A.ADM1', 'L.CONT', 'P.PPLA'].includes(e.feature) || e.population >= 100000
  )
}

function isMajorEntry(e: GazetteerEntry): boolean {
  if (e.match === 'fuzzy' || e.match === 'region') return false
  if (!e.feature.startsWith('P.')) return true
  return e.feature === 'P.PPLC' || e.feature === 'P.PPLA' || e.population >= 100000
}

interface AssembleOptions {
  maxCandidates: number
  minPopulation: number
}

function assemble(
  doc: Doc,
  resolutions: Resolution[],
  cues: Cues,
  options: AssembleOptions,
  ctx: StageContext,
): Place[] {
  const paragraphStarts = paragraphStartTokens(doc)
  const common = commonWordsAtStart(doc, resolutions, cues)
  const picked = distinctPicks(resolutions)
  const kept = resolutions.filter(
    (r, i) => !common.has(i) && isKept(doc, r, picked, cues, options, ctx),
  )
  unifyUncontained(kept)

  // Readings per occurrence first, so names in one coordination can share them.
  const readings = kept.map((r) => {
    const target = r.pick ?? r.fallback
    const polity = !!target && isPolity(target)
    return readingOf(doc, r.toponym, { cues, paragraphStarts, polity })
  })
  shareCoordinatedReadings(
    doc,
    kept.map((r) => r.toponym),
    readings,
  )
  const groups = new Map<string, number[]>()
  kept.forEach((r, i) => {
    const target = r.pick ?? r.fallback
    const key = `${foldMention(doc.text.slice(r.toponym.start, r.toponym.end))}|${target?.geonameid ?? 'none'}`
    groups.set(key, [...(groups.get(key) ?? []), i])
  })
  const out: Place[] = []
  for (const indexes of groups.values()) {
    const group = indexes.map((i) => kept[i]!)
    const head = group[0]!
    const t = head.toponym
    if (head.fallback) {
      ctx.warn(
        `"${t.name}" is not in the gazetteer inside ${head.fallback.name}: placed at the region (precision 3)`,
        head.rule === 'district-in-article-region'
          ? 'places/district-at-region'
          : 'places/not-in-gazetteer',
        { start: t.start, end: t.end },
      )
    }
    out.push(
      toPlace(
        doc,
        group,
        indexes.map((i) => readings[i]!),
        options.maxCandidates,
      ),
    )
  }
  return out.sort((a, b) => a.start - b.start)
}

function toPlace(doc: Doc, group: Resolution[], readings: Reading[], maxCandidates: number): Place {
  const head = group[0]!
  const t = head.toponym
  const entry = head.pick ?? head.fallback
  const precision = Math.min(...group.map((r) => r.precision)) as 1 | 2 | 3
  const mentions: Span[] = group
    .slice(1)
    .map((r) => ({ start: r.toponym.start, end: r.toponym.end }))
  const fallback = head.pick === null && head.fallback !== null
  return {
    start: t.start,
    end: t.end,
    by: `places/${head.rule}`,
    confidence: head.confidence,
    mention: doc.text.slice(t.start, t.end),
    name: fallback ? t.name : (entry?.name ?? t.name),
    geonameid: !fallback && entry && entry.geonameid >= 0 ? entry.geonameid : null,
    country: entry?.country ?? null,
    admin1: entry?.admin1 ?? null,
    lat: entry ? round(entry.lat) : null,
    lon: entry ? round(entry.lon) : null,
    feature: fallback ? null : (entry?.feature ?? null),
    precision: fallback ? 3 : precision,
    use: useOf(readings),
    entity: group.find((r) => r.toponym.entity)?.toponym.entity ?? null,
    mentions,
    candidates: toCandidates(head.candidates, maxCandidates),
  }
}

/**
 * A name found only by our gazetteer pass must earn its place: a known country, region or large
 * town, a region next to it, a locative cue, or closeness to the article's other places. This keeps
 * surnames and common words that happen to name a hamlet somewhere out of the record.
 */
/**
 * The article's distinct picked places, at most MAX_CONTEXT_POINTS: each name is
 * checked against them, which every mention against every other would make
 * quadratic on a text listing thousands of places.
 */
function distinctPicks(resolutions: readonly Resolution[]): GazetteerEntry[] {
  const seen = new Set<number>()
  const picks: GazetteerEntry[] = []
  for (const r of resolutions) {
    if (!r.pick || seen.has(r.pick.geonameid)) continue
    seen.add(r.pick.geonameid)
    picks.push(r.pick)
    if (picks.length >= MAX_CONTEXT_POINTS) break
  }
  return picks
}

function isKept(
  doc: Doc,
  r: Resolution,
  picked: readonly GazetteerEntry[],
  cues: Cues,
  options: AssembleOptions,
  ctx: StageContext,
): boolean {
  const t = r.toponym
  if (!r.pick && !r.fallback) {
    if (t.source === 'entity') {
      ctx.info(`"${t.name}" is not in the gazetteer`, 'places/unresolved', {
        start: t.start,
        end: t.end,
      })
    }
    return false
  }
  if (r.fallback || r.container || t.suffix) return true
  const pick = r.pick!
  if (isMajorEntry(pick)) return true
  if (locativeBefore(doc, r, cues) || nearCueBefore(doc, t, cues)) return true
  if (pick.match === 'fuzzy') return false
  const others = picked.filter((o) => o.geonameid !== pick.geonameid)
  // Close to the article's other towns: a village of the same area.
  if (others.some((o) => !isRegionLike(o) && distanceKm(o, pick) < 60)) return true
  if (pick.population < options.minPopulation) return false
  // The entities stage said it is a place: a town of a country the article is about will do.
  if (t.source === 'entity' && others.some((o) => o.country === pick.country && isMajorEntry(o))) {
    return true
  }
  return others.some((o) => !isRegionLike(o) && distanceKm(o, pick) < 150)
}

/**
 * "Police detained 14 protesters", "Split decisions followed": a common English word that is
 * also a town's name, capitalised only because it opens a sentence, is no place. A word counts
 * as common when the cue lexicon lists it or the article also writes it in lower case. It stays
 * a place when the name also occurs capitalised inside a sentence, or something next to it says
 * place (a region word, a container: those resolutions are kept before this test).
 */
function commonWordsAtStart(doc: Doc, resolutions: readonly Resolution[], cues: Cues): Set<number> {
  const out = new Set<number>()
  const tokens = doc.layers.tokens ?? []
  let starts: Set<number> | null = null
  let lowerInText: Set<string> | null = null
  for (let i = 0; i < resolutions.length; i++) {
    const r = resolutions[i]!
    const t = r.toponym
    const pick = r.pick
    if (!pick || r.fallback || r.container || t.suffix || t.lastToken - t.firstToken !== 1) continue
    if (!pick.feature.startsWith('P.')) continue
    starts ??= sentenceStartTokens(doc, tokens)
    if (!starts.has(t.firstToken)) continue
    const word = doc.text.slice(t.start, t.end)
    const lower = word.toLowerCase()
    const listed = cues.common.has(lower)
    if (!listed) {
      lowerInText ??= lowerCaseWords(doc)
      if (!lowerInText.has(lower)) continue
      // Not a listed word: the name written capitalised inside a sentence ("the County of
      // Brant") is enough to keep it.
      if (capitalisedInside(doc, tokens, word, starts)) continue
    }
    const elsewhere = resolutions.some(
      (o) => o !== r && o.toponym.name === t.name && !starts!.has(o.toponym.firstToken),
    )
    if (!elsewhere) out.add(i)
  }
  return out
}

/**
 * The article's words written in lower case as words of running text (after a space), to tell
 * common words from names; parts of addresses ("crimestoppers-brant.ca") do not count.
 */
function lowerCaseWords(doc: Doc): Set<string> {
  const words = new Set<string>()
  for (const t of doc.layers.tokens ?? []) {
    const ch = doc.text.charCodeAt(t.start)
    if (ch < 97 || ch > 122 || t.kind !== 'word') continue
    if (t.start > 0 && !/\s/.test(doc.text[t.start - 1]!)) continue
    words.add(doc.text.slice(t.start, t.end))
  }
  return words
}

/** Whether the word occurs capitalised as a token that does not open a sentence. */
function capitalisedInside(
  doc: Doc,
  tokens: readonly Token[],
  word: string,
  starts: ReadonlySet<number>,
): boolean {
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!
    if (t.end - t.start !== word.length || starts.has(k)) continue
    if (doc.text.startsWith(word, t.start)) return true
  }
  return false
}

/** "in X", and "in X and Y", "near X, Y and Z": the cue carries over a coordination of names. */
function locativeBefore(doc: Doc, r: Resolution, cues: Cues): boolean {
  const tokens = doc.layers.tokens ?? []
  const word = lowerWords(doc)
  for (let k = r.toponym.firstToken - 1, steps = 0; k >= 0 && steps < 10; k--, steps++) {
    const w = word(k)
    const two = `${word(k - 1)} ${w}`
    if (cues.locative.has(w) || cues.near.has(w) || cues.locative.has(two)) return true
    if (w === ',' || w === 'and' || w === 'or' || tokens[k]!.pos === 'PROPN') continue
    return false
  }
  return false
}

/** Occurrences of one name without a region next to them all take the best-scoring referent. */
function unifyUncontained(resolutions: Resolution[]): void {
  const byName = new Map<string, Resolution[]>()
  for (const r of resolutions) {
    if (r.container || r.fallback || !r.pick) continue
    const key = r.toponym.name.toLowerCase()
    byName.set(key, [...(byName.get(key) ?? []), r])
  }
  for (const group of byName.values()) {
    if (group.length < 2) continue
    const totals = new Map<number, { entry: GazetteerEntry; score: number }>()
    for (const r of group) {
      for (const s of r.candidates) {
        const old = totals.get(s.entry.geonameid)
        totals.set(s.entry.geonameid, { entry: s.entry, score: (old?.score ?? 0) + s.score })
      }
    }
    const best = [...totals.values()].sort((a, b) => b.score - a.score)[0]
    if (!best) continue
    for (const r of group) {
      // Occurrences that are containers of other places keep their own (region) reading.
      if (r.rule === 'container') continue
      if (r.candidates.some((s) => s.entry.geonameid === best.entry.geonameid)) r.pick = best.entry
    }
  }
}

function paragraphStartTokens(doc: Doc): Set<number> {
  const tokens = doc.layers.tokens ?? []
  const starts = new Set<number>()
  for (const p of doc.layers.paragraphs ?? []) {
    let i = tokenAt(tokens, p.start)
    if (i < 0) {
      // The paragraph may start with whitespace: take the first token after its start.
      i = tokens.findIndex((t) => t.start >= p.start)
    }
    while (i >= 0 && i < tokens.length && tokens[i]!.kind !== 'word') i++
    if (i >= 0) starts.add(i)
  }
  return starts
}

function foldMention(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
}

function round(x: number): number {
  return Math.round(x * 100000) / 100000
}
