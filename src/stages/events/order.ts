/**
 * Sorted by start (stable); lists are usually made in order already, which one pass confirms
 * without the copy and comparator calls of a sort. Same result as a stable sort by start.
 */
export function byStart<T extends { start: number }>(list: T[]): T[] {
  for (let k = 1; k < list.length; k++) {
    if (list[k]!.start < list[k - 1]!.start) return list.sort(startOrder)
  }
  return list
}

function startOrder(a: { start: number }, b: { start: number }): number {
  return a.start - b.start
}
