import type { GazetteerEntry } from '../../core/resources.js'

export interface PlacesOptions {
  /** Candidates kept on each place for review (default 5). */
  maxCandidates?: number
  /**
   * A name found only by the gazetteer (no entity says it is a place) is kept when its best
   * candidate has at least this population, or is a country, region or capital, or has a
   * locative cue or a region in the text (default 1000).
   */
  minPopulation?: number
  /** Distance scale of the proximity bonus, km (default 250). */
  proximityKm?: number
}

/** What follows a name and changes what it names. */
export type Suffix = 'region' | 'district' | 'front' | null

/** A toponym occurrence in the text, before resolution. */
export interface Toponym {
  /** The mention span (includes a region word: "Rostov region"). */
  start: number
  end: number
  /** The name to look up ("Rostov" for "Rostov region" when the whole is not a known name). */
  name: string
  suffix: Suffix
  /** Index of the first token of the mention and one past the last. */
  firstToken: number
  lastToken: number
  /** Entity id when the entities stage recognised the name as GPE/LOC/FAC. */
  entity: string | null
  /** How it was found. */
  source: 'entity' | 'gazetteer'
}

/** Compiled cue words (from the places-cues lexicon). */
export interface Cues {
  locative: Set<string>
  near: Set<string>
  motion: Set<string>
  says: Set<string>
  actsOn: Set<string>
  political: Set<string>
  territory: Set<string>
  region: Set<string>
  district: Set<string>
  /** Settlement words ("village", "township"): district words only when written in lower case. */
  settlement: Set<string>
  front: Set<string>
  embedded: Set<string>
  notPlace: Set<string>
  title: Set<string>
  common: Set<string>
  /** Offices of a first-level region's government, after its name ("Quebec Health Minister"). */
  office: Set<string>
}

export interface Scored {
  entry: GazetteerEntry
  score: number
}

/** How one occurrence reads: as a location, as a government, or no sign either way. */
export type Reading = 'literal' | 'metonymic' | 'neutral'
