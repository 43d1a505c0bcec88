import type { LexiconRow } from '../../core/resources.js'
import type { Cues } from './types.js'

const ROLE_KEYS: Record<string, keyof Cues> = {
  locative: 'locative',
  near: 'near',
  motion: 'motion',
  says: 'says',
  'acts-on': 'actsOn',
  political: 'political',
  territory: 'territory',
  region: 'region',
  district: 'district',
  settlement: 'settlement',
  front: 'front',
  embedded: 'embedded',
  'not-place': 'notPlace',
  title: 'title',
  common: 'common',
  office: 'office',
}

/** The places-cues lexicon as sets, compiled once per stage. */
export function compileCues(rows: readonly LexiconRow[]): Cues {
  const cues: Cues = {
    locative: new Set(),
    near: new Set(),
    motion: new Set(),
    says: new Set(),
    actsOn: new Set(),
    political: new Set(),
    territory: new Set(),
    region: new Set(),
    district: new Set(),
    settlement: new Set(),
    front: new Set(),
    embedded: new Set(),
    notPlace: new Set(),
    title: new Set(),
    common: new Set(),
    office: new Set(),
  }
  for (const row of rows) {
    const key = ROLE_KEYS[row.role ?? '']
    if (key && row.term) cues[key].add(row.term.toLowerCase())
  }
  return cues
}
