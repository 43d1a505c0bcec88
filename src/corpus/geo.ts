/** A 1° × 1° grid cell id, for indexed "near" lookups (-1 for no place). */
export function geoCell(lat: number | null, lon: number | null): number {
  if (lat === null || lon === null) return -1
  return Math.floor(lat + 90) * 1000 + Math.floor(lon + 180)
}

/** The cells within `km` of a point (the point's cell and enough neighbours). */
export function cellsNear(lat: number, lon: number, km: number): number[] {
  const dLat = Math.ceil(km / 111)
  const dLon = Math.min(
    180,
    Math.ceil(km / (111 * Math.max(0.05, Math.cos((lat * Math.PI) / 180)))),
  )
  const cells: number[] = []
  const baseLat = Math.floor(lat + 90)
  const baseLon = Math.floor(lon + 180)
  for (let i = -dLat; i <= dLat; i++) {
    const row = baseLat + i
    if (row < 0 || row > 180) continue
    for (let j = -dLon; j <= dLon; j++)
      cells.push(row * 1000 + ((((baseLon + j) % 360) + 360) % 360))
  }
  return cells
}

/** Great-circle distance in km (haversine; accurate enough for "within 50 km"). */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180
  const dLat = (lat2 - lat1) * rad
  const dLon = (lon2 - lon1) * rad
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)))
}
