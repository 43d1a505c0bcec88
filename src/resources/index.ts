import type { Resources } from '../core/resources.js'
import { loadCountries } from './countries.js'
import { defaultGazetteerPath, lazyGazetteer, type OpenOptions } from './gazetteer/index.js'
import { loadLexicons } from './lexicons.js'

export interface ResourceOptions {
  /** Gazetteer database file; the default lives in the user's data folder. */
  gazetteerPath?: string
}

/** The resources the default pipeline needs, loaded lazily where they are large. */
export function loadResources(options: ResourceOptions = {}): Resources {
  const countries = loadCountries()
  return {
    lexicons: loadLexicons(),
    countries,
    gazetteer: lazyGazetteer(
      options.gazetteerPath ?? defaultGazetteerPath(),
      gazetteerOpenOptions(countries),
    ),
  }
}

/** How the CLI opens the gazetteer: built from shipped data on first use, with a note on stderr. */
export function gazetteerOpenOptions(countries = loadCountries()): OpenOptions {
  return {
    countries,
    onBuild: (path) =>
      process.stderr.write(`sitrep: building the gazetteer index at ${path} (first use) …\n`),
    onBuilt: (report) =>
      process.stderr.write(
        `sitrep: gazetteer built: ${report.places} places, ${report.names} names in ${report.ms} ms\n`,
      ),
  }
}
