/**
 * The comparison primitives of FORMAT.md's Scoring section: normalisation, name
 * matching through names and aliases, bag-of-words token overlap, distances and
 * date windows. Pure functions; the scorer builds on them.
 */
import type { GoldEntity } from '../core/gold.js'

const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u2035\u02BC\u02BB\u0060\u00B4]/g
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u2036\u00AB\u00BB]/g
const DASHES = /[\u2010-\u2015\u2212\u2E3A\u2E3B\uFE58\uFE63\uFF0D]/g
const EDGE_PUNCTUATION = /^[\p{P}\s]+|[\p{P}\s]+$/gu

/**
 * NFKC, case-folded, curly quotes and apostrophes to straight, dashes to "-",
 * whitespace collapsed, leading and trailing punctuation stripped.
 */
export function normalizeForMatch(value: string | null | undefined): string {
  if (!value) return ''
  return value
    .normalize('NFKC')
    .toLowerCase()
    .replace(SINGLE_QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(DASHES, '-')
    .replace(/\s+/g, ' ')
    .replace(EDGE_PUNCTUATION, '')
}

/** Normalised word tokens: whitespace-separated, each stripped of edge punctuation. */
export function wordTokens(value: string | null | undefined): string[] {
  const out: string[] = []
  for (const raw of normalizeForMatch(value).split(' ')) {
    const token = raw.replace(EDGE_PUNCTUATION, '')
    if (token) out.push(token)
  }
  return out
}

/** Token-overlap F1 of two texts, bag of words (a repeated word counts as often as it occurs). */
export function tokenF1(a: string | null | undefined, b: string | null | undefined): number {
  const left = wordTokens(a)
  const right = wordTokens(b)
  if (left.length === 0 || right.length === 0) return 0
  const counts = new Map<string, number>()
  for (const t of left) counts.set(t, (counts.get(t) ?? 0) + 1)
  let overlap = 0
  for (const t of right) {
    const n = counts.get(t) ?? 0
    if (n > 0) {
      overlap++
      counts.set(t, n - 1)
    }
  }
  return (2 * overlap) / (left.length + right.length)
}

/** The normalised forms a name is known by: itself, plus the name and aliases of its entity. */
export function nameForms(name: string | null | undefined, entities: readonly GoldEntity[]) {
  const forms = new Set<string>()
  const own = normalizeForMatch(name)
  if (!own) return forms
  forms.add(own)
  for (const entity of entities) {
    const known = [entity.name, ...(entity.aliases ?? [])].map(normalizeForMatch)
    if (known.includes(own)) for (const form of known) if (form) forms.add(form)
  }
  return forms
}

/**
 * Two names match when either's normalised form equals the other's name or one of
 * its aliases, the aliases coming from each side's own entity list. Two absent
 * names match (nobody on both sides); one absent name matches nothing.
 */
export function namesMatch(
  predicted: string | null | undefined,
  gold: string | null | undefined,
  predEntities: readonly GoldEntity[],
  goldEntities: readonly GoldEntity[],
): boolean {
  const p = normalizeForMatch(predicted)
  const g = normalizeForMatch(gold)
  if (!p || !g) return !p && !g
  if (p === g) return true
  return nameForms(gold, goldEntities).has(p) || nameForms(predicted, predEntities).has(g)
}

/** Entity-to-entity match: either's name equals the other's name or an alias. */
export function entityNamesMatch(predicted: GoldEntity, gold: GoldEntity): boolean {
  const p = normalizeForMatch(predicted.name)
  const g = normalizeForMatch(gold.name)
  if (!p || !g) return false
  if (p === g) return true
  if ((gold.aliases ?? []).some((a) => normalizeForMatch(a) === p)) return true
  return (predicted.aliases ?? []).some((a) => normalizeForMatch(a) === g)
}

const EARTH_RADIUS_KM = 6371.0088

/** Great-circle distance in km. */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180
  const dLat = (lat2 - lat1) * rad
  const dLon = (lon2 - lon1) * rad
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)))
}

/** Half the Earth's circumference: the error charged for a place given no coordinates. */
export const MAX_ERROR_KM = 20_038

/** Tolerance of a date comparison, in days, by the gold date's precision. */
export const DATE_WINDOW_DAYS = { day: 1, week: 7, month: 31, year: 366 } as const

/**
 * Day number (days since 1970-01-01, UTC) of an ISO date: YYYY-MM-DD, a datetime,
 * YYYY-MM (its first day), YYYY (1 January) or YYYY-Www (that ISO week's Monday).
 */
export function dayNumber(value: string | null | undefined): number | null {
  if (!value) return null
  const s = value.trim()
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s)
  if (m) return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!) / 86_400_000
  m = /^(\d{4})-W(\d{2})$/.exec(s)
  if (m) {
    const jan4 = Date.UTC(+m[1]!, 0, 4) / 86_400_000
    const jan4Weekday = (new Date(jan4 * 86_400_000).getUTCDay() + 6) % 7 // Monday = 0
    return jan4 - jan4Weekday + (+m[2]! - 1) * 7
  }
  m = /^(\d{4})-(\d{2})$/.exec(s)
  if (m) return Date.UTC(+m[1]!, +m[2]! - 1, 1) / 86_400_000
  m = /^(\d{4})$/.exec(s)
  if (m) return Date.UTC(+m[1]!, 0, 1) / 86_400_000
  return null
}

/** Shorten a text for a one-line report. */
export function clip(value: string | null | undefined, max = 70): string {
  if (value === null || value === undefined) return 'null'
  const flat = value.replace(/\s+/g, ' ')
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`
}
