import { createRequire } from 'node:module'
import { Memo } from '../core/memo.js'
import type { Countries, Country } from '../core/resources.js'

/**
 * Countries, demonyms and capitals from the `world-countries` package (ODbL),
 * shaped for recognisers: every English name a news text may use, demonyms in
 * singular and plural, and lookups that fold case and diacritics except for
 * short all-caps abbreviations ("US" must not match the pronoun "us").
 */

interface RawCountry {
  name: { common: string; official: string }
  cca2: string
  cca3: string
  capital?: string[]
  altSpellings?: string[]
  region?: string
  subregion?: string
  demonyms?: { eng?: { f: string; m: string } }
}

/** Names news uses that world-countries lacks (general knowledge, not data-derived). */
const EXTRA_NAMES: Readonly<Record<string, readonly string[]>> = {
  GB: ['Britain', 'Great Britain', 'UK', 'U.K.'],
  US: ['US', 'U.S.', 'USA', 'U.S.A.', 'America', 'United States'],
  RU: ['Russian Federation'],
  KP: ['DPRK'],
  KR: ['South Korea', 'ROK'],
  CN: ["People's Republic of China", 'PRC'],
  // News (AP, Reuters) writes "Congo" for the Democratic Republic; its neighbour is "Republic
  // of Congo" or "Congo-Brazzaville".
  CD: ['DRC', 'DR Congo', 'Congo', 'Democratic Republic of Congo'],
  CG: ['Republic of Congo', 'Congo Republic'],
  AE: ['UAE', 'U.A.E.'],
  CZ: ['Czech Republic'],
  MM: ['Burma'],
  CI: ['Ivory Coast', "Cote d'Ivoire"],
  TR: ['Turkey', 'Türkiye'],
  PS: ['Palestine'],
  VA: ['Vatican'],
  MK: ['Macedonia'],
  SZ: ['Swaziland'],
  NL: ['Holland'],
}

/** Capitals as news writes them. */
const EXTRA_CAPITALS: Readonly<Record<string, readonly string[]>> = {
  US: ['Washington', 'Washington, D.C.'],
  UA: ['Kiev'],
  IL: ['Jerusalem'],
}

/** Demonyms news uses that world-countries lacks or spells differently. */
const EXTRA_DEMONYMS: Readonly<Record<string, readonly string[]>> = {
  US: ['American', 'Americans'],
  GB: ['British', 'Briton', 'Britons'],
  NL: ['Dutch'],
  PH: ['Filipino', 'Filipinos'],
  NP: ['Nepalese', 'Nepali'],
  AE: ['Emirati', 'Emiratis'],
  IL: ['Israeli', 'Israelis'],
  SA: ['Saudi', 'Saudis'],
  IE: ['Irish'],
  DK: ['Danish', 'Dane', 'Danes'],
  SE: ['Swedish', 'Swede', 'Swedes'],
  FI: ['Finnish', 'Finn', 'Finns'],
  PL: ['Polish', 'Pole', 'Poles'],
  ES: ['Spanish', 'Spaniard', 'Spaniards'],
  TR: ['Turkish', 'Turk', 'Turks'],
  GR: ['Greek', 'Greeks'],
  CH: ['Swiss'],
  FR: ['French'],
  CN: ['Chinese'],
  JP: ['Japanese'],
  VN: ['Vietnamese'],
  LB: ['Lebanese'],
  SD: ['Sudanese'],
  SS: ['South Sudanese'],
  PT: ['Portuguese'],
  QA: ['Qatari', 'Qataris'],
  KW: ['Kuwaiti', 'Kuwaitis'],
  YE: ['Yemeni', 'Yemenis'],
  IQ: ['Iraqi', 'Iraqis'],
  PK: ['Pakistani', 'Pakistanis'],
  BD: ['Bangladeshi', 'Bangladeshis'],
}

/** Demonyms that take no plural -s: "Chinese", "Swiss", "British", "French". */
function pluralOf(demonym: string): string | null {
  if (/(ese|ss|sh|ch|s|x|z)$/.test(demonym)) return null
  return `${demonym}s`
}

/** Lowercased, diacritics stripped, curly apostrophes straightened. */
export function foldName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u02BC`]/g, "'")
    .toLowerCase()
    .trim()
}

/** Short all-caps forms ("US", "UK", "U.S.") match only as written. */
function isExactOnly(name: string): boolean {
  return name.replace(/\./g, '').length <= 3 && name === name.toUpperCase()
}

function isLatin(name: string): boolean {
  return /^[\p{Script=Latin}\p{M}0-9 .,'’()-]+$/u.test(name) && !name.includes(', ')
}

/** Dotted form of an all-caps abbreviation: "UK" → "U.K.". */
function dotted(abbreviation: string): string | null {
  if (!/^[A-Z]{2,3}$/.test(abbreviation)) return null
  return abbreviation.split('').join('.') + '.'
}

function toCountry(raw: RawCountry): Country {
  const names = new Set<string>([raw.name.common, raw.name.official])
  for (const alt of raw.altSpellings ?? []) {
    // The cca2 code itself ("UA", "IN", "IT") is a common word or noise in text.
    if (alt === raw.cca2 || !isLatin(alt) || alt.length < 2) continue
    // One-word native or old names collide with English words and surnames ("Island" for
    // Iceland, "Mann", "Saudi", "Thai"): keep acronyms and multi-word or hyphenated names only.
    if (!/[ -]/.test(alt) && !/^[A-Z.]{2,}$/.test(alt)) continue
    names.add(alt)
    const dots = dotted(alt)
    if (dots) names.add(dots)
  }
  for (const extra of EXTRA_NAMES[raw.cca2] ?? []) names.add(extra)
  const demonyms = new Set<string>()
  const eng = raw.demonyms?.eng
  for (const d of eng ? [eng.m, eng.f] : []) {
    if (!d) continue
    demonyms.add(d)
    const plural = pluralOf(d)
    if (plural) demonyms.add(plural)
  }
  for (const extra of EXTRA_DEMONYMS[raw.cca2] ?? []) demonyms.add(extra)
  return {
    cca2: raw.cca2,
    cca3: raw.cca3,
    name: raw.name.common,
    official: raw.name.official,
    names: [...names],
    demonyms: [...demonyms],
    capitals: [...(raw.capital ?? []), ...(EXTRA_CAPITALS[raw.cca2] ?? [])],
    region: raw.region ?? '',
    subregion: raw.subregion ?? '',
  }
}

/** A lookup from names to countries: exact map for short caps, folded map for the rest. */
function indexBy(countries: readonly Country[], namesOf: (c: Country) => readonly string[]) {
  const exact = new Map<string, Country>()
  const folded = new Map<string, Country>()
  for (const country of countries) {
    for (const name of namesOf(country)) {
      if (isExactOnly(name)) {
        if (!exact.has(name)) exact.set(name, country)
      } else if (!folded.has(foldName(name))) folded.set(foldName(name), country)
    }
  }
  return (name: string): Country | undefined => {
    const hit = exact.get(name)
    if (hit) return hit
    // A folded match must still look like a name: "us" or "china" in lower case is not one.
    const code = name.charCodeAt(0)
    if (!(code >= 65 && code <= 90) && (code < 128 || !/^\p{Lu}/u.test(name))) return undefined
    return folded.get(rememberedFold(name))
  }
}

// Recognisers ask the three indexes (names, demonyms, capitals) about the same strings again
// and again: the folded form is computed once per string and remembered.
const folds = new Memo<string>(25_000)

function rememberedFold(name: string): string {
  let fold = folds.get(name)
  if (fold === undefined) {
    fold = foldName(name)
    folds.set(name, fold)
  }
  return fold
}

export function buildCountries(raw: readonly RawCountry[]): Countries {
  // Independent states first so a shared name ("Congo", demonym "American") goes to them.
  const sorted = [...raw].sort((a, b) => rank(a) - rank(b))
  const all = sorted.map(toCountry)
  const codes = new Map<string, Country>()
  for (const c of all) {
    codes.set(c.cca2, c)
    codes.set(c.cca3, c)
  }
  const byName = indexBy(all, (c) => c.names)
  const byDemonym = indexBy(all, (c) => c.demonyms)
  const byCapital = indexBy(all, (c) => c.capitals)
  return { all, byName, byDemonym, byCapital, byCode: (code) => codes.get(code.toUpperCase()) }
}

function rank(raw: RawCountry): number {
  // US demonym "American" is shared with American Samoa and the US Minor Islands.
  if (raw.cca2 === 'US' || raw.cca2 === 'GB' || raw.cca2 === 'CN') return 0
  return (raw as { independent?: boolean }).independent ? 1 : 2
}

let cached: Countries | undefined

/** The countries resource, loaded once per process (250 rows, a few ms). */
export function loadCountries(): Countries {
  if (!cached) {
    const require = createRequire(import.meta.url)
    cached = buildCountries(require('world-countries') as RawCountry[])
  }
  return cached
}
