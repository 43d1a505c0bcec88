import type { Span } from '../../core/record.js'

/**
 * Spans sorted by start with the running maximum of their ends (and the runner-up, from
 * another span): "does any span overlap / contain this one?" is one binary search, not
 * a scan of every span, so the checks stay linear on documents with thousands of quotes.
 */
export interface Coverage {
  /** Few spans (the usual article): kept as they are and scanned, cheaper than indexing. */
  few?: { spans: readonly Span[]; owners: readonly number[] | undefined }
  starts: Float64Array
  /** Greatest end among the first k+1 spans, which span has it, and the greatest end of the others. */
  maxEnd: Float64Array
  maxOwner: Int32Array
  secondEnd: Float64Array
}

/** `owners[k]` names span k (default: its index), so a query can leave one span out. */
const FEW = 24
const NONE = new Float64Array(0)
const NO_OWNERS = new Int32Array(0)

export function coverage(spans: readonly Span[], owners?: readonly number[]): Coverage {
  if (spans.length <= FEW) {
    return {
      few: { spans, owners },
      starts: NONE,
      maxEnd: NONE,
      maxOwner: NO_OWNERS,
      secondEnd: NONE,
    }
  }
  const order = spans.map((_, k) => k).sort((a, b) => spans[a]!.start - spans[b]!.start)
  const n = spans.length
  const starts = new Float64Array(n)
  const maxEnd = new Float64Array(n)
  const maxOwner = new Int32Array(n)
  const secondEnd = new Float64Array(n)
  let best = -Infinity
  let owner = -1
  let second = -Infinity
  order.forEach((k, at) => {
    const s = spans[k]!
    const who = owners ? owners[k]! : k
    if (s.end > best) {
      if (who !== owner) second = best
      best = s.end
      owner = who
    } else if (who !== owner && s.end > second) {
      second = s.end
    }
    starts[at] = s.start
    maxEnd[at] = best
    maxOwner[at] = owner
    secondEnd[at] = second
  })
  return { starts, maxEnd, maxOwner, secondEnd }
}

/** How many spans start at or before `offset` (inclusive) or before it (exclusive). */
function countStarting(cover: Coverage, offset: number, inclusive: boolean): number {
  let lo = 0
  let hi = cover.starts.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    const s = cover.starts[mid]!
    if (inclusive ? s <= offset : s < offset) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Whether some span overlaps [start, end): starts before its end and ends after its start. */
export function overlapsAny(cover: Coverage, span: Span): boolean {
  if (cover.few) return cover.few.spans.some((s) => s.start < span.end && s.end > span.start)
  const n = countStarting(cover, span.end, false)
  return n > 0 && cover.maxEnd[n - 1]! > span.start
}

/**
 * Whether some span other than `except` (an owner) starts at or before `start` and ends
 * at or after `end`.
 */
export function containsAny(cover: Coverage, start: number, end: number, except = -2): boolean {
  const few = cover.few
  if (few) {
    return few.spans.some(
      (s, k) => (few.owners ? few.owners[k] : k) !== except && s.start <= start && s.end >= end,
    )
  }
  const n = countStarting(cover, start, true)
  if (n === 0) return false
  const best = cover.maxOwner[n - 1] === except ? cover.secondEnd[n - 1]! : cover.maxEnd[n - 1]!
  return best >= end
}
