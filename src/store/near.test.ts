import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { distanceKm, geoCell } from '../corpus/geo.js'
import { nearIndex } from './sql-store.js'

/** A point `km` from (lat, lon) in direction `bearing` (great circle, as distanceKm measures). */
function destination(lat: number, lon: number, km: number, bearing: number): [number, number] {
  const rad = Math.PI / 180
  const d = km / 6371
  const lat2 = Math.asin(
    Math.sin(lat * rad) * Math.cos(d) + Math.cos(lat * rad) * Math.sin(d) * Math.cos(bearing),
  )
  const lon2 =
    lon * rad +
    Math.atan2(
      Math.sin(bearing) * Math.sin(d) * Math.cos(lat * rad),
      Math.cos(d) - Math.sin(lat * rad) * Math.sin(lat2),
    )
  const wrapped = ((((lon2 / rad + 180) % 360) + 360) % 360) - 180
  return [lat2 / rad, wrapped]
}

describe('nearIndex', () => {
  it('holds every point within the distance: its cell is listed and it is inside the box', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -85, max: 85, noNaN: true }),
        fc.double({ min: -180, max: 180, noNaN: true }),
        fc.double({ min: 0.1, max: 3000, noNaN: true }),
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
        (lat, lon, km, share, bearing) => {
          const around = nearIndex(lat, lon, km)
          if (!around) return
          const [plat, plon] = destination(lat, lon, km * share, bearing)
          if (distanceKm(lat, lon, plat, plon) > km) return
          expect(around.cells).toContain(geoCell(plat, plon))
          expect(plat).toBeGreaterThanOrEqual(around.lat[0])
          expect(plat).toBeLessThanOrEqual(around.lat[1])
          if (around.lon) {
            expect(plon).toBeGreaterThanOrEqual(around.lon[0])
            expect(plon).toBeLessThanOrEqual(around.lon[1])
          }
        },
      ),
      { numRuns: 3000 },
    )
  })

  it.each([
    ['a circle over the pole', 80, 10, 2000],
    ['a circle too wide for the grid', 0, 0, 9000],
  ])('gives up (distance alone) for %s', (_what, lat, lon, km) => {
    expect(nearIndex(lat, lon, km)).toBeNull()
  })

  it('has no longitude bound across the antimeridian, and lists cells on both sides', () => {
    const around = nearIndex(0, 179.9, 50)!
    expect(around.lon).toBeNull()
    expect(around.cells).toContain(geoCell(0.1, -179.9))
    expect(around.cells).toContain(geoCell(0.1, 179.95))
    expect(nearIndex(49.99, 36.23, 50)!.cells).toHaveLength(4)
  })
})
