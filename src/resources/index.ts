import type { Resources } from '../core/resources.js'
import { loadCountries } from './countries.js'
import { loadLexicons } from './lexicons.js'

export interface ResourceOptions {
  /** Gazetteer database file; the default lives in the user's data folder. */
  gazetteerPath?: string
}

/** The resources the default pipeline needs, loaded lazily where they are large. */
export function loadResources(_options: ResourceOptions = {}): Resources {
  return { lexicons: loadLexicons(), countries: loadCountries() }
}
