import { Memo } from '../../core/memo.js'
import type { Doc, Place, Span, Token } from '../../core/record.js'
import type { Countries, Gazetteer, GazetteerEntry, Lexicons } from '../../core/resources.js'
import type { Stage, StageContext } from '../../core/stage.js'
import { readingOf, shareCoordinatedReadings, useOf } from './attribute.js'
import { compileCues } from './cues.js'
import { findToponyms, lowerWords, sentenceStartTokens, sortSmall, tokenAt } from './find.js'
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
  // Gazetteer and countries answers are kept across documents: news repeats its place names.
  const memos = new WeakMap<Gazetteer, WeakMap<object, Lookups>>()
  const lookupsFor = (gazetteer: Gazetteer, countries: Countries | undefined) => {
    let byCountries = memos.get(gazetteer)
    if (!byCountries) memos.set(gazetteer, (byCountries = new WeakMap()))
    const key = countries ?? NO_COUNTRIES
    let found = byCountries.get(key)
    if (!found) byCountries.set(key, (found = createLookups(gazetteer, countries)))
    return found
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
      const lookups = lookupsFor(gazetteer, countries)
      const toponyms = findToponyms(doc, {
        has: lookups.has,
        isMajor: lookups.isMajor,
        isDemonym: lookups.isDemonym,
        cues,
      })
      const resolutions = resolveToponyms(doc, toponyms, {
        lookup: lookups.lookup,
        countryOfDemonym: lookups.countryOfDemonym,
        regionOf: lookups.regionOf,
        region: lookups.region,
        outletCountry: lookups.isCountry(outletCountry(doc)),
        cues,
        proximityKm,
        minPopulation,
      })
      doc.layers.places = assemble(doc, resolutions, cues, { maxCandidates, minPopulation }, ctx)
    },
  }
}

const NO_COUNTRIES = {}

/**
 * Country-code domains that sites use for their letters, not their country (".tv", ".io",
 * ".fm"): no hint.
 */
const GENERIC_TLDS = new Set([
  'ai',
  'am',
  'cc',
  'co',
  'fm',
  'gg',
  'io',
  'la',
  'ly',
  'me',
  'nu',
  'sh',
  'so',
  'st',
  'to',
  'tv',
  'ws',
  'eu',
  'un',
  'su',
  'ac',
  'ag',
  'bz',
  'cx',
  'gl',
  'im',
  'li',
  'md',
  'mu',
  'vc',
  'vg',
  'xyz',
])

/** The outlet's country from its address: "nlhnews.co.uk" → GB, "innisfailprovince.ca" → CA. */
export function outletCountry(doc: Pick<Doc, 'source'>): string | null {
  const source = doc.source
  let host = source?.outlet ?? null
  if (source?.url) {
    const m = /^[a-z]+:\/\/([^/:?#]+)/i.exec(source.url)
    if (m) host = m[1]!
  }
  if (!host) return null
  const dot = host.lastIndexOf('.')
  if (dot < 0) return null
  const tld = host.slice(dot + 1).toLowerCase()
  if (tld.length !== 2 || GENERIC_TLDS.has(tld)) return null
  return tld === 'uk' ? 'GB' : tld.toUpperCase()
}

/** Everything the stage asks the gazetteer and the countries resource, memoised per process. */
interface Lookups {
  lookup(name: string): GazetteerEntry[]
  has(name: string): boolean
  region(country: string, admin1Code: string): GazetteerEntry | null
  /** A well-known place: a country, region, capital or large town. */
  isMajor(name: string): boolean
  /** A demonym is an entity (NORP), not a place; a country's own name is never one. */
  isDemonym(word: string): boolean
  countryOfDemonym(word: string): string | null
  regionOf(country: string): string | null
  /** The code when the countries resource knows it, else null. */
  isCountry(code: string | null): string | null
}

/** Entries per memo generation: two generations keep the recently used names (LRU-like). */
const CACHE_LIMIT = 20000

/**
 * Lookups are memoised by the name as written and, on a miss, by its lower-case form (the
 * gazetteer's keys fold case, so "KYIV" and "Kyiv" share one answer, one SQLite query and one
 * answer array, which the resolver's own memos key on).
 */
function createLookups(gazetteer: Gazetteer, countries: Countries | undefined): Lookups {
  const lookups = new Memo<GazetteerEntry[]>(CACHE_LIMIT)
  const known = new Memo<boolean>(CACHE_LIMIT)
  const regions = new Memo<GazetteerEntry | null>(CACHE_LIMIT)
  const majors = new Memo<boolean>(CACHE_LIMIT)
  const demonyms = new Memo<boolean>(CACHE_LIMIT)
  const demonymCountries = new Memo<string | null>(CACHE_LIMIT)
  const worldRegions = new Memo<string | null>(1000)
  const lookup = (name: string): GazetteerEntry[] => {
    let found = lookups.get(name)
    if (found === undefined) {
      const lower = name.toLowerCase()
      found = lower === name ? undefined : lookups.get(lower)
      if (found === undefined) {
        found = gazetteer.lookup(name)
        if (lower !== name) lookups.set(lower, found)
      }
      lookups.set(name, found)
    }
    return found
  }
  return {
    lookup,
    has(name) {
      let yes = known.get(name)
      if (yes === undefined) {
        const lower = name.toLowerCase()
        yes = lower === name ? undefined : known.get(lower)
        if (yes === undefined) {
          yes = gazetteer.has(name)
          if (lower !== name) known.set(lower, yes)
        }
        known.set(name, yes)
      }
      return yes
    },
    region(country, admin1Code) {
      const key = `${country}.${admin1Code}`
      let found = regions.get(key)
      if (found === undefined) regions.set(key, (found = gazetteer.region(country, admin1Code)))
      return found
    },
    isMajor(name) {
      let yes = majors.get(name)
      if (yes === undefined) majors.set(name, (yes = lookup(name).some(isMajorEntry)))
      return yes
    },
    isDemonym(word) {
      let yes = demonyms.get(word)
      if (yes === undefined) {
        yes = !!countries?.byDemonym(word) && !countries.byName(word)
        demonyms.set(word, yes)
      }
      return yes
    },
    countryOfDemonym(word) {
      let found = demonymCountries.get(word)
      if (found === undefined) {
        found = countries?.byDemonym(word)?.cca2 ?? null
        demonymCountries.set(word, found)
      }
      return found
    },
    isCountry(code) {
      return code && countries?.byCode(code) ? code : null
    },
    regionOf(country) {
      let found = worldRegions.get(country)
      if (found === undefined) {
        found = countries?.byCode(country)?.region || null
        worldRegions.set(country, found)
      }
      return found
    },
  }
}

/** Places that can stand for a government or a team: countries, capitals, regions, continents, cities. */
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
    const group = groups.get(key)
    if (group) group.push(i)
    else groups.set(key, [i])
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
  return sortSmall(out, (a, b) => a.start - b.start)
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

/** Whether the article's other places name the pick's country, or no country at all. */
function agreesWithArticle(pick: GazetteerEntry, picked: readonly GazetteerEntry[]): boolean {
  let other = false
  for (const o of picked) {
    if (o === pick || !o.country) continue
    if (o.country === pick.country) return true
    other = true
  }
  return !other
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
  // A region's office after the name ("Washington Gov.") says it is the region.
  if (r.fallback || r.container || t.suffix || r.rule === 'region-office') return true
  const pick = r.pick!
  if (isMajorEntry(pick)) return true
  // A spelling only like a name of another country than the article's places is a guess too
  // far: "shelled Tarasivka" in an article on Ukraine is no Tarasovka near Moscow.
  if (pick.match === 'fuzzy' && !agreesWithArticle(pick, picked)) {
    ctx.info(`"${t.name}" is only like a name in ${pick.country}`, 'places/fuzzy-elsewhere', {
      start: t.start,
      end: t.end,
    })
    return false
  }
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
  let starts: ReadonlySet<number> | null = null
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
      if (!writtenInLowerCase(doc, tokens, lower)) continue
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
 * Whether the article writes the word in lower case as a word of running text (a token of its
 * own, after a space), to tell common words from names; parts of addresses
 * ("crimestoppers-brant.ca") do not count. A native search for the word, not a pass over tokens.
 */
function writtenInLowerCase(doc: Doc, tokens: readonly Token[], lower: string): boolean {
  const ch = lower.charCodeAt(0)
  if (ch < 97 || ch > 122) return false
  const text = doc.text
  for (let at = text.indexOf(lower); at >= 0; at = text.indexOf(lower, at + 1)) {
    if (at > 0 && !/\s/.test(text[at - 1]!)) continue
    const k = tokenAt(tokens, at)
    const t = tokens[k]
    if (t && t.start === at && t.end === at + lower.length && t.kind === 'word') return true
  }
  return false
}

/** Whether the word occurs capitalised as a token that does not open a sentence. */
function capitalisedInside(
  doc: Doc,
  tokens: readonly Token[],
  word: string,
  starts: ReadonlySet<number>,
): boolean {
  const text = doc.text
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    const k = tokenAt(tokens, at)
    const t = tokens[k]
    if (t && t.start === at && t.end === at + word.length && !starts.has(k)) return true
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
    // A region's office ("New York Gov.") names the region only where it stands.
    if (r.container || r.fallback || !r.pick || r.rule === 'region-office') continue
    const key = r.toponym.name.toLowerCase()
    const group = byName.get(key)
    if (group) group.push(r)
    else byName.set(key, [r])
  }
  for (const group of byName.values()) {
    if (group.length < 2) continue
    // Occurrences sharing one ranking (the usual case) agree already: its first entry has the
    // highest total, and every occurrence holds it.
    const shared = group[0]!.candidates
    if (group.every((r) => r.candidates === shared)) {
      const top = shared[0]?.entry
      if (top) for (const r of group) if (r.rule !== 'container') r.pick = top
      continue
    }
    const totals = new Map<number, { entry: GazetteerEntry; score: number }>()
    for (const r of group) {
      for (const s of r.candidates) {
        const old = totals.get(s.entry.geonameid)
        totals.set(s.entry.geonameid, { entry: s.entry, score: (old?.score ?? 0) + s.score })
      }
    }
    // The first of the highest totals (what a stable sort would put first).
    let best: { entry: GazetteerEntry; score: number } | undefined
    for (const total of totals.values()) if (!best || total.score > best.score) best = total
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

/** Plain ASCII without apostrophes or runs of spaces: nothing to fold but case. */
const PLAIN = /^[\x21-\x26\x28-\x5f\x61-\x7e]+(?: [\x21-\x26\x28-\x5f\x61-\x7e]+)*$/

function foldMention(s: string): string {
  if (PLAIN.test(s)) return s.toLowerCase()
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
