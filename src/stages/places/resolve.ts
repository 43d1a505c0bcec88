import type { Doc, PlaceCandidate } from '../../core/record.js'
import type { GazetteerEntry } from '../../core/resources.js'
import { lowerWords, sortSmall } from './find.js'
import type { Cues, Scored, Toponym } from './types.js'

/**
 * Toponym resolution (pure over the lookups it is given). Order of evidence:
 *  1. a region or country named next to the toponym ("X, Y", "X and Z in Y Oblast") is a hard
 *     filter; a village missing from the gazetteer then resolves to that region, never elsewhere;
 *  2. the countries of the article's other places;
 *  3. closeness to the article's other places;
 *  4. the kind of match, feature rank and population.
 */

export interface ResolveDeps {
  lookup(name: string): GazetteerEntry[]
  /** The world region of a country ("Europe", "Asia"), or null. */
  regionOf(country: string): string | null
  /** ISO code of the country a demonym names ("Lebanese" → LB), or null. */
  countryOfDemonym(word: string): string | null
  region(country: string, admin1Code: string): GazetteerEntry | null
  /**
   * The country of the publishing outlet when its address says so ("nlhnews.co.uk" → GB): a
   * local paper's bare "Edmonton" or "Innisfail" is the one near it. Counts as one vote.
   */
  outletCountry?: string | null
  cues: Cues
  proximityKm: number
  minPopulation: number
}

/** Weight of the outlet's country among the article's votes (one ordinary place's). */
const OUTLET_WEIGHT = 1

export interface Resolution {
  toponym: Toponym
  pick: GazetteerEntry | null
  candidates: Scored[]
  /** The region of a container the toponym must lie in ("in Donetsk Oblast"), when named. */
  container: Toponym | null
  /** The region the toponym fell back to when the gazetteer has no such place inside it. */
  fallback: GazetteerEntry | null
  precision: 1 | 2 | 3
  rule: string
  confidence: number
}

const MATCH_SCORE: Record<string, number> = {
  name: 1,
  alias: 1,
  alternate: 0.6,
  translit: 0.8,
  region: 0.4,
  fuzzy: 0.3,
}

/** Rank of a feature: a country or continent outranks a same-named town anywhere. */
export function featureScore(feature: string): number {
  if (feature === 'A.PCLI') return 3.5
  if (feature === 'L.CONT') return 3.5
  if (feature === 'A.ADM1') return 0.8
  if (feature === 'P.PPLC') return 1
  if (feature === 'P.PPLA') return 0.45
  if (feature.startsWith('P.')) return 0.15
  if (feature.startsWith('H.')) return 2.5
  return 1.4
}

export function isRegionLike(e: GazetteerEntry): boolean {
  return !e.feature.startsWith('P.')
}

/** Population counts fully for towns, little for regions (a sum of towns), not for countries. */
function populationScore(e: GazetteerEntry): number {
  const weight = e.feature.startsWith('P.') ? 0.25 : e.feature === 'A.ADM1' ? 0.1 : 0
  return weight * Math.log10(e.population + 1)
}

/** Base scores by entry: entries are the lookup cache's own objects, shared across documents. */
const baseScores = new WeakMap<GazetteerEntry, number>()

function baseScore(e: GazetteerEntry): number {
  let score = baseScores.get(e)
  if (score === undefined) baseScores.set(e, (score = computeBaseScore(e)))
  return score
}

function computeBaseScore(e: GazetteerEntry): number {
  const match = e.match ?? 'name'
  // Another language's name for a town ("Victoria" for Hong Kong) earns half its rank.
  const feature =
    featureScore(e.feature) * (match === 'alternate' && e.feature.startsWith('P.') ? 0.5 : 1)
  // A region called by its own name ("Quebec", "Victoria") is usually the region, not its town.
  const ownName = e.feature === 'A.ADM1' && match === 'name' ? 0.5 : 0
  // A national capital of a million (London, Paris, Rome) is what an unqualified mention means,
  // even in an article about a country with a small namesake; a small capital (Victoria,
  // Seychelles) earns no such weight.
  const capital = e.feature === 'P.PPLC' && e.population >= 1_000_000 ? 0.8 : 0
  return (MATCH_SCORE[match] ?? 0.5) + feature + populationScore(e) + ownName + capital
}

const RAD = Math.PI / 180

export function distanceKm(
  a: { lat: number; lon: number },
  b: { lat: number; lon: number },
): number {
  const rad = Math.PI / 180
  const dLat = (b.lat - a.lat) * rad
  const dLon = (b.lon - a.lon) * rad
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2
  return 12742 * Math.asin(Math.min(1, Math.sqrt(h)))
}

/**
 * Same place filed twice (a GeoNames row and an import's copy): keep the better one. Twins are
 * looked for in the same country and 0.1° cell, which keeps this linear in the candidates.
 */
function dedupe(entries: GazetteerEntry[]): GazetteerEntry[] {
  let kept = deduped.get(entries)
  if (!kept) deduped.set(entries, (kept = dedupeOnce(entries)))
  return kept
}

/** Deduplicated lists by the lookup's (cached, shared) answer array: a name is deduplicated once. */
const deduped = new WeakMap<GazetteerEntry[], GazetteerEntry[]>()
/** The non-fuzzy part of a lookup's answer, by that answer. */
const exactOnly = new WeakMap<GazetteerEntry[], GazetteerEntry[]>()

function dedupeOnce(entries: GazetteerEntry[]): GazetteerEntry[] {
  const kept: GazetteerEntry[] = []
  const cells = new Map<string, number>()
  for (const e of entries) {
    if (!e.feature.startsWith('P.')) {
      kept.push(e)
      continue
    }
    const cell = `${e.country}|${Math.round(e.lat * 10)}|${Math.round(e.lon * 10)}`
    const twin = cells.get(cell)
    if (twin === undefined) {
      cells.set(cell, kept.length)
      kept.push(e)
    } else if (baseScore(e) > baseScore(kept[twin]!)) kept[twin] = e
  }
  return kept
}

/** Candidates for one toponym, narrowed by what follows the name. */
function candidatesFor(doc: Doc, t: Toponym, deps: ResolveDeps): GazetteerEntry[] {
  const mention = doc.text.slice(t.start, t.end)
  if (t.suffix === 'region') {
    const whole = deps.lookup(mention).filter(isRegionLike)
    if (whole.length) return whole
    const bare = deps.lookup(t.name)
    const regions = bare.filter(isRegionLike)
    return regions.length ? regions : bare
  }
  const found = deps.lookup(t.name)
  // Skeleton (fuzzy) matches stand in only for a name the gazetteer does not know as written.
  let exact = exactOnly.get(found)
  if (!exact) {
    exact = found.filter((e) => e.match !== 'fuzzy')
    if (exact.length === found.length) exact = found
    exactOnly.set(found, exact)
  }
  const all = dedupe(exact.length ? exact : found)
  if (t.suffix === 'district') {
    const towns = all.filter((e) => e.feature.startsWith('P.'))
    return towns.length ? towns : all
  }
  if (t.suffix === 'front') {
    const regions = all.filter((e) => e.feature === 'A.ADM1')
    return regions.length ? regions : all
  }
  return all
}

const CONTAINER_GLUE = new Set([
  ',',
  'a',
  'an',
  'small',
  'and',
  'or',
  '&',
  'in',
  'of',
  'the',
  'near',
  'villages',
  'village',
  'towns',
  'town',
  'settlements',
  'settlement',
  'both',
  'areas',
  'area',
  'city',
  'cities',
])

/** "in northeast Missouri", "in north central Iowa": words that may sit between "in" and a region. */
const DIRECTIONS = new Set([
  'north',
  'south',
  'east',
  'west',
  'northern',
  'southern',
  'eastern',
  'western',
  'central',
  'northeast',
  'northwest',
  'southeast',
  'southwest',
  'northeastern',
  'northwestern',
  'southeastern',
  'southwestern',
  'upstate',
  'rural',
])

/**
 * The toponym that names the region or country `t` lies in, per "X, Y" or "X (and Z) in Y". A
 * first-level region lies only in a country: in "Lexington, Kentucky, Nashville and Cordova,
 * Tennessee" Kentucky is no place inside Tennessee.
 */
function containerOf(
  doc: Doc,
  index: number,
  toponyms: readonly Toponym[],
  candidates: readonly GazetteerEntry[][],
  countryOnly: boolean,
): number {
  const t = toponyms[index]!
  const words = lowerWords(doc)
  for (let j = index + 1; j < toponyms.length; j++) {
    const y = toponyms[j]!
    if (y.firstToken - t.lastToken > 12) return -1
    const regionLike = countryOnly
      ? holdsRegion(candidates[j]!, candidates[index]!)
      : candidates[j]!.some(isRegionLike)
    let ok = true
    let glue = ''
    for (let k = t.lastToken; k < y.firstToken; k++) {
      const inOther = toponyms.some(
        (o, n) => n > index && n < j && k >= o.firstToken && k < o.lastToken,
      )
      if (inOther) continue
      const word = words(k)
      // A direction between "in" and the region leaves "in" the word before it.
      if (DIRECTIONS.has(word) && glue !== '' && glue !== ',') continue
      if (!CONTAINER_GLUE.has(word)) {
        ok = false
        break
      }
      glue = word
    }
    if (!ok) return -1
    if (y.firstToken - t.lastToken > 12) return -1
    // "Mombasa, Kisumu and Eldoret": a town of some size in a list is the town, not a region
    // holding the name before it (Kisumu County shares Kisumu's name).
    if (glue === ',' && listGoesOn(doc, y, toponyms, words) && hasTown(candidates[j]!)) return -1
    // The word right before the container must say "inside": a comma, "in" or "of".
    if (regionLike && (glue === ',' || glue === 'in' || glue === 'of')) return j
    if (!regionLike) continue
  }
  return -1
}

/** Whether another toponym follows the name after "and", "or" or a comma: a list goes on. */
function listGoesOn(
  doc: Doc,
  y: Toponym,
  toponyms: readonly Toponym[],
  words: (k: number) => string,
): boolean {
  const next = words(y.lastToken)
  if (next !== 'and' && next !== 'or' && next !== ',') return false
  const after = y.lastToken + 1
  return toponyms.some((o) => o.firstToken === after || o.firstToken === after + 1)
}

/** A town of 10,000 or more among the candidates. */
function hasTown(candidates: readonly GazetteerEntry[]): boolean {
  return candidates.some((e) => e.feature.startsWith('P.') && e.population >= 10_000)
}

/** Whether a country among the candidates holds one of the regions ("Georgia" the country holds no US state). */
function holdsRegion(
  containers: readonly GazetteerEntry[],
  regions: readonly GazetteerEntry[],
): boolean {
  return containers.some(
    (c) =>
      c.feature === 'A.PCLI' &&
      regions.some((e) => e.feature === 'A.ADM1' && e.country === c.country),
  )
}

const PLACE_NOUNS = new Set([
  'city',
  'town',
  'village',
  'capital',
  'port',
  'region',
  'province',
  'border',
  'settlement',
  'district',
])

/** "the Lebanese city of Tripoli", "the Syrian town Idlib": the country a demonym before names. */
function demonymCountry(doc: Doc, t: Toponym, deps: ResolveDeps): string | null {
  const tokens = doc.layers.tokens ?? []
  const lower = lowerWords(doc)
  let k = t.firstToken - 1
  if (k >= 0 && lower(k) === 'of') k--
  if (k < 0 || !PLACE_NOUNS.has(lower(k))) return null
  for (let j = k - 1; j >= Math.max(0, k - 3); j--) {
    const country = deps.countryOfDemonym(doc.text.slice(tokens[j]!.start, tokens[j]!.end))
    if (country) return country
  }
  return null
}

/**
 * An office of a region's government right after the name, past at most two capitalised words
 * ("Quebec Health Minister", "New York Gov. Mario Cuomo", "Alberta Premier").
 */
function regionOfficeAfter(doc: Doc, t: Toponym, cues: Cues): boolean {
  const tokens = doc.layers.tokens ?? []
  const words = lowerWords(doc)
  for (let k = t.lastToken; k < t.lastToken + 3 && k < tokens.length; k++) {
    const w = words(k)
    const bare = w.endsWith('.') ? w.slice(0, -1) : w
    if (cues.office.has(bare)) return true
    if (officeFirstWords(cues).has(bare) && cues.office.has(`${bare} ${words(k + 1)}`)) return true
    const ch = doc.text.charCodeAt(tokens[k]!.start)
    if (!(ch >= 65 && ch <= 90)) return false
  }
  return false
}

/** The first-pass pick of the town or region right before "'s" and this name, or null. */
function possessiveOwner(
  doc: Doc,
  index: number,
  toponyms: readonly Toponym[],
  first: readonly Scored[][],
): GazetteerEntry | null {
  const previous = toponyms[index - 1]
  const t = toponyms[index]!
  if (!previous || previous.lastToken + 1 !== t.firstToken || previous.suffix) return null
  const glue = lowerWords(doc)(previous.lastToken)
  if (glue !== "'s" && glue !== '’s') return null
  const owner = first[index - 1]![0]?.entry
  return owner && (owner.feature.startsWith('P.') || owner.feature === 'A.ADM1') ? owner : null
}

function nearOwner(e: GazetteerEntry, owner: GazetteerEntry): boolean {
  if (owner.feature === 'A.ADM1')
    return e.country === owner.country && e.admin1Code === owner.admin1Code
  return distanceKm(e, owner) < 100
}

const firstWords = new WeakMap<Cues, Set<string>>()

/** First words of the office terms of two or more words ("attorney" of "attorney general"). */
function officeFirstWords(cues: Cues): Set<string> {
  let found = firstWords.get(cues)
  if (!found) {
    found = new Set([...cues.office].filter((t) => t.includes(' ')).map((t) => t.split(' ')[0]!))
    firstWords.set(cues, found)
  }
  return found
}

/** Whether an entry lies inside what a container candidate names. */
function inside(e: GazetteerEntry, region: GazetteerEntry): boolean {
  if (e.country !== region.country || region.country === null) return false
  if (region.feature === 'A.PCLI') return true
  if (region.feature === 'A.ADM1') return e.admin1Code === region.admin1Code
  return distanceKm(e, region) < 150
}

export function resolveToponyms(
  doc: Doc,
  toponyms: readonly Toponym[],
  deps: ResolveDeps,
): Resolution[] {
  const memo = new Map<string, GazetteerEntry[]>()
  const candidates = toponyms.map((t) => {
    // The name alone is the key when it is the whole mention (most are).
    const key =
      !t.suffix && t.end - t.start === t.name.length
        ? t.name
        : `${t.suffix ?? ''}|${t.name}|${doc.text.slice(t.start, t.end)}`
    let list = memo.get(key)
    if (!list) memo.set(key, (list = candidatesFor(doc, t, deps)))
    return list
  })
  // Pass 1: no context.
  const first = candidates.map(rankAlone)
  // Only a town (or a region, inside a country) lies in a container: never a country or sea.
  const containers = toponyms.map((t, n) => {
    // A capitalised sentence opener only the gazetteer knows is no evidence that the place
    // after "in" is a region holding it ("Police in Kyiv arrested…": Kyiv is the city).
    if (t.source === 'gazetteer' && opensSentence(doc, t)) return -1
    const top = first[n]![0]?.entry
    // A name the gazetteer lacks may still be a village inside a named region.
    if (top && !(top.feature.startsWith('P.') || top.feature === 'A.ADM1')) return -1
    return containerOf(doc, n, toponyms, candidates, top?.feature === 'A.ADM1')
  })
  const containedBy = new Map<number, number[]>()
  containers.forEach((c, n) => {
    if (c < 0) return
    const held = containedBy.get(c)
    if (held) held.push(n)
    else containedBy.set(c, [n])
  })
  const context = articleContext(first, toponyms, deps)
  // Rankings by name, then by candidate list (a name nearly always has one list).
  const contextRanks = new Map<string, { list: readonly GazetteerEntry[]; scored: Scored[] }[]>()

  return toponyms.map((t, i) => {
    let list = candidates[i]!
    const c = containers[i]!
    const containerRegions = c >= 0 ? candidates[c]!.filter(isRegionLike) : NO_ENTRIES
    if (containerRegions.length)
      list = list.filter((e) => containerRegions.some((r) => inside(e, r)))
    // "London's Heathrow", "Toronto's Pearson": a place owned by the place before it lies near it.
    const owner = possessiveOwner(doc, i, toponyms, first)
    if (owner) {
      const near = list.filter((e) => e !== owner && nearOwner(e, owner))
      if (near.length) list = near
    }
    // "the northern Lebanese city of Tripoli": the demonym names the country.
    const hinted = demonymCountry(doc, t, deps)
    if (hinted && list.some((e) => e.country === hinted))
      list = list.filter((e) => e.country === hinted)
    // A container is read as the region that holds what it contains ("villages in Donetsk").
    const contained = containedBy.get(i)
    if (contained && list.some(isRegionLike)) {
      const holds = list.filter(
        (r) => isRegionLike(r) && contained.some((k) => candidates[k]!.some((e) => inside(e, r))),
      )
      // Its villages missing from the gazetteer, a container is still read as the region.
      const regions = list.filter((r) => r.feature === 'A.ADM1')
      if (holds.length) list = holds
      else if (
        regions.length &&
        contained.every((k) => candidates[k]!.length === 0 || containers[k] === i)
      ) {
        list = regions
      }
    }
    // "Quebec Health Minister", "New York Gov.": the office of a region's government.
    let office = false
    if (!t.suffix && regionOfficeAfter(doc, t, deps.cues)) {
      const regions = list.filter((e) => e.feature === 'A.ADM1')
      office = regions.length > 0 && !list.some((e) => e.feature === 'A.PCLI')
      if (office) list = regions
    }
    // A district or county in an article about a region: the one in that region, or the region.
    let articleRegion: GazetteerEntry | null = null
    if (t.suffix === 'district' && c < 0 && context.admin1s.size > 0) {
      const inArticle = list.filter((e) => context.admin1s.has(`${e.country}.${e.admin1Code}`))
      if (inArticle.length) list = inArticle
      else {
        const [country, code] = [...context.admin1s][0]!.split('.') as [string, string]
        articleRegion = deps.region(country, code)
        if (articleRegion) list = []
      }
    }
    // Occurrences of one name with the same candidates score alike: the context leaves out only
    // that name's own votes and points.
    const name = context.nameOf[i]!
    let ranked = contextRanks.get(name)
    if (!ranked) contextRanks.set(name, (ranked = []))
    let scored = ranked.find((r) => r.list === list)?.scored
    if (!scored) {
      const own = nameContext(context, i)
      scored = rank(list, (e) => contextBonus(e, own, context, deps.proximityKm))
      ranked.push({ list, scored })
    }
    const pick = scored[0]?.entry ?? null
    if (!pick && articleRegion) {
      return {
        toponym: t,
        pick: null,
        candidates: rankAlone(candidates[i]!),
        container: null,
        fallback: articleRegion,
        precision: 3,
        rule: 'district-in-article-region',
        confidence: 0.4,
      }
    }
    const precision = precisionOf(doc, t, pick, deps.cues)
    // A region, never a whole country: a village placed at a country's middle is no place.
    const region = pick
      ? undefined
      : (containerRegions.find((r) => r.feature === 'A.ADM1') ??
        containerRegions.find((r) => r.feature !== 'A.PCLI'))
    if (!pick && c >= 0 && region) {
      return {
        toponym: t,
        pick: null,
        candidates: rankAlone(candidates[i]!),
        container: toponyms[c]!,
        fallback: region,
        precision: 3,
        rule: 'missing-in-region',
        confidence: 0.5,
      }
    }
    const margin = scored.length > 1 ? scored[0]!.score - scored[1]!.score : 2
    return {
      toponym: t,
      pick,
      candidates: scored,
      container: c >= 0 ? toponyms[c]! : null,
      fallback: null,
      precision,
      rule: office ? 'region-office' : ruleOf(t, c >= 0, contained !== undefined),
      confidence: Math.round(Math.min(0.95, 0.5 + margin / 4) * 100) / 100,
    }
  })
}

/** Whether the toponym is the first word of its sentence (sentences are sorted by start). */
function opensSentence(doc: Doc, t: Toponym): boolean {
  const sentences = doc.layers.sentences ?? []
  let lo = 0
  let hi = sentences.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const start = sentences[mid]!.start
    if (start === t.start) return true
    if (start < t.start) lo = mid + 1
    else hi = mid - 1
  }
  return false
}

function ruleOf(t: Toponym, hasContainer: boolean, isContainer: boolean): string {
  if (t.suffix === 'front') return 'front'
  if (t.suffix) return `${t.suffix}-word`
  if (hasContainer) return 'in-region'
  if (isContainer) return 'container'
  return t.source === 'entity' ? 'entity' : 'gazetteer'
}

/**
 * The most any context bonus adds (country and world-region shares, article region, holding or
 * closeness): a candidate whose base score trails the best by more can never be picked, so a long
 * list (London, Springfield) skips computing context for its tail.
 */
const MAX_BONUS = 3.4
const LONG_LIST = 12

/** Ranks without context, by candidate list (lists are shared across documents). */
const aloneRanks = new WeakMap<readonly GazetteerEntry[], Scored[]>()

function rankAlone(list: readonly GazetteerEntry[]): Scored[] {
  let scored = aloneRanks.get(list)
  if (!scored) aloneRanks.set(list, (scored = rank(list, () => 0)))
  return scored
}

function rank(list: readonly GazetteerEntry[], bonus: (e: GazetteerEntry) => number): Scored[] {
  if (list.length <= LONG_LIST) {
    // Short lists are often filtered per doc: nothing to keep for them.
    const scored: Scored[] = new Array(list.length)
    for (let i = 0; i < list.length; i++) {
      const entry = list[i]!
      scored[i] = { entry, score: Math.round((baseScore(entry) + bonus(entry)) * 1000) / 1000 }
    }
    return sortSmall(scored, byScore)
  }
  const { head, bases, tail } = splitOf(list)
  const scored: Scored[] = new Array(head.length)
  for (let i = 0; i < head.length; i++) {
    const entry = head[i]!
    scored[i] = { entry, score: Math.round((bases[i]! + bonus(entry)) * 1000) / 1000 }
  }
  sortSmall(scored, byScore)
  return tail.length ? scored.concat(tail) : scored
}

function byScore(a: Scored, b: Scored): number {
  return b.score - a.score
}

const NO_ENTRIES: GazetteerEntry[] = []

/**
 * A long list's head (within reach of any context bonus of the best base score) and its tail,
 * scored and sorted once: no context can lift a tail entry above the head, so the tail's order is
 * fixed and its scored entries are shared by every ranking of the list.
 */
interface Split {
  head: readonly GazetteerEntry[]
  /** Base scores of the head, in its order. */
  bases: Float64Array
  tail: Scored[]
}

const splits = new WeakMap<readonly GazetteerEntry[], Split>()

function splitOf(list: readonly GazetteerEntry[]): Split {
  let split = splits.get(list)
  if (split) return split
  let best = -Infinity
  for (const e of list) best = Math.max(best, baseScore(e))
  const floor = best - MAX_BONUS
  const head: GazetteerEntry[] = []
  const tail: Scored[] = []
  for (const entry of list) {
    const base = baseScore(entry)
    if (base < floor) tail.push({ entry, score: Math.round(base * 1000) / 1000 })
    else head.push(entry)
  }
  split = { head, bases: Float64Array.from(head, baseScore), tail: tail.sort(byScore) }
  splits.set(list, split)
  return split
}

interface ArticleContext {
  /** Lower-case name of each toponym: occurrences of one name never vote for each other. */
  nameOf: string[]
  byName: Map<string, NameVotes>
  votes: Map<string, number>
  regionVotes: Map<string, number>
  regionOf: (country: string) => string | null
  total: number
  /** Each toponym's own vote, which must not count for itself. */
  own: { country: string | null; weight: number }[]
  admin1s: Set<string>
  /** The same regions by country, so a candidate is checked without building a key. */
  admin1ByCountry: Map<string, Set<string | null>>
  /** Pass-1 picks that locate something (towns and regions), by toponym index. */
  points: {
    index: number
    /** The lower-case name of the toponym the point comes from. */
    name: string
    lat: number
    lon: number
    /** cos(lat), kept for the distance to every candidate. */
    cosLat: number
    country: string | null
    admin1: string | null
    confident: boolean
  }[]
}

/** Most places an article's context holds for proximity (far more than any article names). */
export const MAX_CONTEXT_POINTS = 300

function articleContext(
  first: Scored[][],
  toponyms: readonly Toponym[],
  deps: ResolveDeps,
): ArticleContext {
  const votes = new Map<string, number>()
  const admin1s = new Set<string>()
  const admin1ByCountry = new Map<string, Set<string | null>>()
  const points: ArticleContext['points'] = []
  // Points taken so far, by name: no number-to-string keys.
  const pointsByName = new Map<string, GazetteerEntry[]>()
  const own: ArticleContext['own'] = []
  const nameOf = toponyms.map((t) => t.name.toLowerCase())
  let total = 0
  first.forEach((scored, index) => {
    const top = scored[0]
    own[index] = { country: null, weight: 0 }
    if (!top) return
    const e = top.entry
    const margin = scored.length > 1 ? top.score - scored[1]!.score : 2
    const weight = e.feature === 'A.PCLI' ? 2 : margin > 0.5 ? 1 : 0.5
    if (e.country) {
      votes.set(e.country, (votes.get(e.country) ?? 0) + weight)
      total += weight
      own[index] = { country: e.country, weight }
    }
    if (e.feature === 'A.ADM1' && e.country) {
      admin1s.add(`${e.country}.${e.admin1Code}`)
      let codes = admin1ByCountry.get(e.country)
      if (!codes) admin1ByCountry.set(e.country, (codes = new Set()))
      codes.add(e.admin1Code)
    }
    // Distinct (name, place) points only, and at most MAX_CONTEXT_POINTS of them: every
    // name is compared with every point, which a text listing thousands of places
    // (no article does) would make quadratic.
    if (
      (e.feature.startsWith('P.') || e.feature === 'A.ADM1') &&
      points.length < MAX_CONTEXT_POINTS &&
      !hasPoint(pointsByName, nameOf[index]!, e)
    ) {
      points.push({
        index,
        name: nameOf[index]!,
        lat: e.lat,
        lon: e.lon,
        cosLat: Math.cos(e.lat * RAD),
        country: e.country,
        admin1: e.admin1Code,
        confident: margin > 0.5,
      })
    }
  })
  const outlet = deps.outletCountry
  if (outlet) {
    votes.set(outlet, (votes.get(outlet) ?? 0) + OUTLET_WEIGHT)
    total += OUTLET_WEIGHT
  }
  const regionVotes = new Map<string, number>()
  for (const [country, n] of votes) {
    const region = deps.regionOf(country)
    if (region) regionVotes.set(region, (regionVotes.get(region) ?? 0) + n)
  }
  const context: ArticleContext = {
    votes,
    regionVotes,
    regionOf: deps.regionOf,
    total,
    own,
    admin1s,
    admin1ByCountry,
    points,
    nameOf,
    byName: new Map(),
  }
  context.byName = votesByName(context)
  return context
}

/** Whether a point at the entry's coordinates is taken for this name; takes it if not. */
function hasPoint(byName: Map<string, GazetteerEntry[]>, name: string, e: GazetteerEntry): boolean {
  const taken = byName.get(name)
  if (!taken) {
    byName.set(name, [e])
    return false
  }
  for (const o of taken) if (o.lat === e.lat && o.lon === e.lon) return true
  taken.push(e)
  return false
}

interface NameVotes {
  total: number
  countries: Tally
  regions: Tally
}

/** Sums by key for the few keys one name votes for (a Map per name costs more than it saves). */
class Tally {
  private readonly keys: string[] = []
  private readonly sums: number[] = []

  add(key: string, weight: number): void {
    const i = this.keys.indexOf(key)
    if (i < 0) {
      this.keys.push(key)
      this.sums.push(0 + weight)
    } else this.sums[i]! += weight
  }

  get(key: string): number | undefined {
    const i = this.keys.indexOf(key)
    return i < 0 ? undefined : this.sums[i]
  }
}

/** The votes of all occurrences of each name, to take out of the shares for that name. */
function votesByName(context: ArticleContext): Map<string, NameVotes> {
  const byName = new Map<string, NameVotes>()
  context.own.forEach((own, i) => {
    const name = context.nameOf[i]!
    let v = byName.get(name)
    if (!v) byName.set(name, (v = { total: 0, countries: new Tally(), regions: new Tally() }))
    v.total += own.weight
    if (!own.country) return
    v.countries.add(own.country, own.weight)
    const region = context.regionOf(own.country)
    if (region) v.regions.add(region, own.weight)
  })
  return byName
}

/** What the context of one name leaves out: that name's own votes and points. */
interface NameContext {
  self: NameVotes | undefined
  /** The article's vote total without this name's votes. */
  total: number
  /** The name: its own points are skipped (not copied out: one array less per name). */
  name: string
  points: ArticleContext['points']
}

function nameContext(context: ArticleContext, index: number): NameContext {
  const name = context.nameOf[index]!
  const self = context.byName.get(name)
  return {
    self,
    total: context.total - (self?.total ?? 0),
    name,
    points: context.points,
  }
}

/** Share of the article's other toponyms (other names) that lie in a country. */
function countryShare(context: ArticleContext, own: NameContext, country: string): number {
  if (own.total <= 0) return 0
  return ((context.votes.get(country) ?? 0) - (own.self?.countries.get(country) ?? 0)) / own.total
}

/** Share of the article's other toponyms in the same world region ("Europe") as a country. */
function regionShare(context: ArticleContext, own: NameContext, country: string): number {
  const region = context.regionOf(country)
  if (!region) return 0
  if (own.total <= 0) return 0
  return ((context.regionVotes.get(region) ?? 0) - (own.self?.regions.get(region) ?? 0)) / own.total
}

function contextBonus(
  e: GazetteerEntry,
  own: NameContext,
  context: ArticleContext,
  scaleKm: number,
): number {
  let bonus = 0
  if (e.country) {
    bonus += 1.2 * countryShare(context, own, e.country)
    bonus += 0.6 * regionShare(context, own, e.country)
  }
  if (e.country && context.admin1ByCountry.get(e.country)?.has(e.admin1Code)) bonus += 0.5
  if (e.feature === 'A.ADM1') {
    // A region is close to the article's places when it holds them.
    const holds = own.points.some(
      (p) => p.name !== own.name && p.country === e.country && p.admin1 === e.admin1Code,
    )
    if (holds) return bonus + 1
  }
  // Closeness only for a country the article's other places are in (the rest cannot be close).
  if (
    (e.feature.startsWith('P.') || e.feature === 'A.ADM1') &&
    e.country &&
    context.votes.has(e.country)
  ) {
    // distanceKm(e, p) with the cosines taken once: the same arithmetic, in the same order.
    const cosLat = Math.cos(e.lat * RAD)
    let nearest = Infinity
    for (const p of own.points) {
      if (p.name === own.name) continue
      const dLat = (p.lat - e.lat) * RAD
      const dLon = (p.lon - e.lon) * RAD
      const h = Math.sin(dLat / 2) ** 2 + cosLat * p.cosLat * Math.sin(dLon / 2) ** 2
      nearest = Math.min(nearest, 12742 * Math.asin(Math.min(1, Math.sqrt(h))))
    }
    if (nearest < Infinity) bonus += 1.0 * Math.exp(-nearest / scaleKm)
  }
  return bonus
}

function precisionOf(doc: Doc, t: Toponym, pick: GazetteerEntry | null, cues: Cues): 1 | 2 | 3 {
  if (!pick || isRegionLike(pick)) return 3
  if (t.suffix === 'district' || t.suffix === 'front') return 2
  return nearCueBefore(doc, t, cues) ? 2 : 1
}

/** "near X", "outside X", "north of X"; over a coordination too: "near Tarasivka and Bilohorivka". */
export function nearCueBefore(doc: Doc, t: Toponym, cues: Cues): boolean {
  const tokens = doc.layers.tokens ?? []
  const word = lowerWords(doc)
  for (let k = t.firstToken - 1, steps = 0; k >= 0 && steps < 10; k--, steps++) {
    const w = word(k)
    if (w === 'the') continue
    if (cues.near.has(w) || cues.near.has(`${word(k - 1)} ${w}`)) return true
    if (w === ',' || w === 'and' || w === 'or' || tokens[k]!.pos === 'PROPN') continue
    return false
  }
  return false
}

/** The candidates shown on a place for review. */
export function toCandidates(scored: readonly Scored[], max: number): PlaceCandidate[] {
  return scored.slice(0, max).map(({ entry, score }) => ({
    geonameid: entry.geonameid >= 0 ? entry.geonameid : null,
    name: entry.name,
    country: entry.country,
    admin1: entry.admin1,
    lat: entry.lat,
    lon: entry.lon,
    score,
  }))
}
