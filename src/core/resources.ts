/**
 * Shapes of the shared resources that are injected into stages (P10). The
 * implementations live in src/resources/; stages see only these interfaces, so a
 * test can hand a stage a tiny fixture instead.
 */

/** One gazetteer entry (a GeoNames-like place). */
export interface GazetteerEntry {
  geonameid: number
  name: string
  /** ISO 3166-1 alpha-2. */
  country: string | null
  /** Human name of the first-level region, e.g. "Donetsk Oblast". */
  admin1: string | null
  /** GeoNames admin1 code, e.g. "05". */
  admin1Code: string | null
  lat: number
  lon: number
  /** GeoNames feature class and code, e.g. "P.PPL", "A.ADM1", "A.PCLI". */
  feature: string
  population: number
  /** How the looked-up name matched this entry (set by `lookup`). */
  match?: GazetteerMatch
}

/**
 * How a name matched, best first: the place's own name, an alias written for sitrep (renamed
 * places, exonyms), a GeoNames alternate name, a romanisation of a Cyrillic name, the bare name
 * of a region ("Donetsk" for Donetsk Oblast), a loose transliteration skeleton.
 */
export type GazetteerMatch = 'name' | 'alias' | 'alternate' | 'translit' | 'region' | 'fuzzy'

export interface Gazetteer {
  /** Candidates whose name, alternate name, alias or transliteration key matches. */
  lookup(name: string): GazetteerEntry[]
  /** Whether any entry is known by this name (fast path for recognisers). */
  has(name: string): boolean
  /** The first-level region entry (feature A.ADM1) for a GeoNames admin1 code, or null. */
  region(country: string, admin1Code: string): GazetteerEntry | null
  /** The country entry (feature A.PCLI) for an ISO 3166-1 alpha-2 code, or null. */
  country(iso2: string): GazetteerEntry | null
}

/** A lexicon is a named data file: rows of string fields, first field the term. */
export type LexiconRow = Readonly<Record<string, string>>

export interface Lexicons {
  /** Rows of the lexicon data file `name`; throws E_MISSING_RESOURCE when absent. */
  get(name: string): readonly LexiconRow[]
}

/** One country, from world-countries: names, demonyms and capitals for recognisers. */
export interface Country {
  /** ISO 3166-1 alpha-2, e.g. "UA". */
  cca2: string
  cca3: string
  /** Common English name, e.g. "United Kingdom". */
  name: string
  official: string
  /** Every English (Latin-script) name: common, official, alternative spellings, dotted abbreviations. */
  names: readonly string[]
  /** Adjectives and people nouns, singular and plural: "Ukrainian", "Ukrainians". */
  demonyms: readonly string[]
  capitals: readonly string[]
  region: string
  subregion: string
}

export interface Countries {
  readonly all: readonly Country[]
  /** By any name (exact case for short abbreviations like "US", case- and diacritic-folded otherwise). */
  byName(name: string): Country | undefined
  /** By a demonym, singular or plural ("Chinese", "North Koreans"). */
  byDemonym(word: string): Country | undefined
  /** By a capital city's name ("Kyiv", "Washington D.C."). */
  byCapital(name: string): Country | undefined
  /** By ISO alpha-2 or alpha-3 code. */
  byCode(code: string): Country | undefined
}

export interface Resources {
  lexicons: Lexicons
  gazetteer?: Gazetteer
  /** Countries and demonyms (optional so tests can run without it). */
  countries?: Countries
}
