/**
 * Readers for GeoNames dump files: the `geoname` table (allCountries.txt, a country file such as
 * UA.txt, cities500.txt, cities1000.txt: 19 tab-separated columns, no header) and
 * admin1CodesASCII.txt (`CC.code` TAB name TAB asciiname TAB geonameid).
 */

export interface GeonamesRow {
  geonameid: number
  name: string
  asciiname: string
  alternatenames: string[]
  lat: number
  lon: number
  featureClass: string
  featureCode: string
  country: string
  admin1: string
  population: number
}

/** One dump line, or null when it is not a well-formed row (a comment, a short line, bad numbers). */
export function parseGeonamesLine(line: string): GeonamesRow | null {
  if (line === '' || line.startsWith('#')) return null
  const cells = line.split('\t')
  if (cells.length < 15) return null
  const geonameid = Number(cells[0])
  const lat = Number(cells[4])
  const lon = Number(cells[5])
  if (!Number.isInteger(geonameid) || !Number.isFinite(lat) || !Number.isFinite(lon)) return null
  const alternates = cells[3] ? cells[3].split(',') : []
  return {
    geonameid,
    name: cells[1] ?? '',
    asciiname: cells[2] ?? '',
    alternatenames: alternates.map((a) => a.trim()).filter(Boolean),
    lat,
    lon,
    featureClass: cells[6] ?? '',
    featureCode: cells[7] ?? '',
    country: (cells[8] ?? '').toUpperCase(),
    admin1: cells[10] ?? '',
    population: Number(cells[14]) || 0,
  }
}

export interface Admin1Row {
  country: string
  code: string
  name: string
  asciiname: string
}

/** One admin1CodesASCII line ("UA.05\tDonetsk Oblast\tDonetsk Oblast\t709716"). */
export function parseAdmin1Line(line: string): Admin1Row | null {
  if (line === '' || line.startsWith('#')) return null
  const [id, name, asciiname] = line.split('\t')
  const dot = id ? id.indexOf('.') : -1
  if (!id || dot < 1 || !name) return null
  return {
    country: id.slice(0, dot).toUpperCase(),
    code: id.slice(dot + 1),
    name: name.trim(),
    asciiname: (asciiname ?? name).trim(),
  }
}
