/**
 * Third-party assets of the web app, served from node_modules at run time so
 * the app works offline and the versions are the lockfile's (no CDN, no copy).
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { feature } from 'topojson-client'
import type { Topology } from 'topojson-specification'

const require = createRequire(import.meta.url)

export function vendorPaths(): { leaflet: string; worldAtlas: string } {
  return {
    leaflet: join(dirname(require.resolve('leaflet/package.json')), 'dist'),
    worldAtlas: join(dirname(require.resolve('world-atlas/package.json')), 'countries-110m.json'),
  }
}

let countries: unknown = null

/**
 * Natural Earth 1:110m country shapes as GeoJSON, converted once. These are
 * drawn as a backdrop only: sitrep never takes an event's country from a map
 * polygon (the atlas draws some contested borders one way; records keep ISO codes).
 */
export function countryShapes(): unknown {
  if (countries) return countries
  const topology = JSON.parse(readFileSync(vendorPaths().worldAtlas, 'utf8')) as Topology
  const object = topology.objects.countries
  if (!object) throw new Error('world-atlas countries-110m.json has no "countries" object')
  countries = feature(topology, object)
  return countries
}
