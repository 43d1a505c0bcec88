import type { Paragraph, Span } from '../../core/record.js'
import type { MarkedSpan } from './types.js'

const LETTER = /\p{L}|\p{N}/u
// Characters after which a straight or ambiguous mark opens rather than closes.
const OPENING_CONTEXT = ' \t\n([{—–-/:'
// Every character the scan below acts on.
const MARK_CHARS = /[“„«”»"‘‚’']/g

interface Open {
  at: number
  char: string
  single: boolean
  parts: Span[]
  partStart: number
  depth: number
}

function isOpening(text: string, at: number, paragraphStart: number): boolean {
  if (at === paragraphStart) return true
  const before = text[at - 1] ?? ' '
  return OPENING_CONTEXT.includes(before) || '“„«"‘'.includes(before)
}

function nextIsLetter(text: string, at: number): boolean {
  return LETTER.test(text[at + 1] ?? '')
}

function prevIsLetter(text: string, at: number): boolean {
  return LETTER.test(text[at - 1] ?? '')
}

/**
 * Pairs quotation marks of every style (“ ” " " « » „ “ ‘ ’ ') paragraph by
 * paragraph, one character scan. A double quote still open at a paragraph end
 * continues when the next paragraph opens with a double mark (the news convention
 * for a quote running over paragraphs); otherwise it ends with its paragraph.
 * Apostrophes (Russia’s, soldiers’) are told from closing single marks by what
 * follows them and by whether a single mark is open.
 */
export function findQuoteMarks(text: string, paragraphs: readonly Paragraph[]): MarkedSpan[] {
  const found: MarkedSpan[] = []
  let carried: Open | null = null
  // Every mark of the text, found in one native search: a search started per paragraph
  // would run on to the next mark, past any number of paragraphs without one.
  const positions: number[] = []
  MARK_CHARS.lastIndex = 0
  for (let m = MARK_CHARS.exec(text); m !== null; m = MARK_CHARS.exec(text)) positions.push(m.index)
  if (positions.length === 0) return found
  paragraphs.forEach((paragraph, index) => {
    // A paragraph with no mark and nothing carried into it opens and closes nothing: skipped
    // before its scan state is built (most paragraphs of an article).
    if (!carried) {
      const p = firstAtOrAfter(positions, paragraph.start)
      if (p >= positions.length || positions[p]! >= paragraph.end) return
    }
    const stack: Open[] = []
    let from = paragraph.start
    if (carried) {
      const first = text[paragraph.start] ?? ''
      if ('“„«"'.includes(first)) {
        carried.partStart = paragraph.start + 1
        stack.push(carried)
        from = paragraph.start + 1
      }
      carried = null
    }
    const close = (open: Open, at: number) => {
      const parts = [...open.parts, { start: open.partStart, end: at }]
      found.push({ open: open.at, close: at, parts, single: open.single, depth: open.depth })
    }
    const push = (at: number, char: string, single: boolean, width = 1) =>
      stack.push({ at, char, single, parts: [], partStart: at + width, depth: stack.length })
    const topDouble = () => {
      for (let k = stack.length - 1; k >= 0; k--) if (!stack[k]!.single) return k
      return -1
    }
    const topSingle = () => {
      for (let k = stack.length - 1; k >= 0; k--) if (stack[k]!.single) return k
      return -1
    }
    const closeAt = (k: number, at: number) => {
      // Anything opened inside and never closed ends with its container.
      while (stack.length > k + 1) stack.pop()
      close(stack.pop()!, at)
    }
    // Jump from mark to mark instead of visiting every character.
    let skipTo = from
    for (let p = firstAtOrAfter(positions, from); p < positions.length; p++) {
      const at = positions[p]!
      if (at >= paragraph.end) break
      if (at < skipTo) continue
      const char = text[at]!
      // Two apostrophes stand for a straight double mark in some wire copy (''…'').
      if (char === "'" && text[at + 1] === "'") {
        const k = topDouble()
        if (k >= 0 && !(isOpening(text, at, paragraph.start) && nextIsLetter(text, at + 1)))
          closeAt(k, at)
        else if (isOpening(text, at, paragraph.start)) push(at, '"', false, 2)
        skipTo = at + 2
        continue
      }
      switch (char) {
        case '“': {
          const k = topDouble()
          if (k >= 0 && (stack[k]!.char === '„' || !isOpening(text, at, paragraph.start)))
            closeAt(k, at)
          else push(at, char, false)
          break
        }
        case '„':
        case '«':
          push(at, char, false)
          break
        case '”':
        case '»': {
          const k = topDouble()
          if (k >= 0) closeAt(k, at)
          else if (char === '”' && isOpening(text, at, paragraph.start)) push(at, char, false)
          break
        }
        case '"': {
          const k = topDouble()
          if (k >= 0 && !(isOpening(text, at, paragraph.start) && nextIsLetter(text, at)))
            closeAt(k, at)
          else if (isOpening(text, at, paragraph.start)) push(at, char, false)
          else if (k >= 0) closeAt(k, at)
          break
        }
        case '‘':
        case '‚':
          if (isOpening(text, at, paragraph.start) && nextIsLetter(text, at)) push(at, char, true)
          break
        case '’':
        case "'": {
          const k = topSingle()
          if (k >= 0 && !nextIsLetter(text, at) && at > stack[k]!.at + 1) closeAt(k, at)
          else if (
            char === "'" &&
            k < 0 &&
            isOpening(text, at, paragraph.start) &&
            nextIsLetter(text, at) &&
            !prevIsLetter(text, at)
          )
            push(at, char, true)
          break
        }
        default:
          break
      }
    }
    // A double quote left open: carry it into the next paragraph if that one reopens it.
    const k = topDouble()
    if (k >= 0) {
      const open = stack[k]!
      const next = paragraphs[index + 1]
      if (next && '“„«"'.includes(text[next.start] ?? '')) {
        open.parts.push({ start: open.partStart, end: paragraph.end })
        carried = open
      } else {
        close(open, -1)
        found[found.length - 1]!.parts[found[found.length - 1]!.parts.length - 1]!.end =
          paragraph.end
      }
    }
  })
  return found.sort((a, b) => a.open - b.open)
}

/** Index of the first value >= `at` in an ascending list (binary search). */
function firstAtOrAfter(values: readonly number[], at: number): number {
  let lo = 0
  let hi = values.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (values[mid]! < at) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * The content of a marked span as the gold conventions cut it: inside the marks,
 * without the comma or full stop just before the closing mark, trimmed.
 */
export function contentParts(text: string, marked: MarkedSpan): Span[] {
  const parts = marked.parts.map((p) => ({ ...p }))
  const last = parts[parts.length - 1]!
  while (last.end > last.start && /\s/.test(text[last.end - 1]!)) last.end--
  if (marked.close >= 0 && last.end > last.start && ',.'.includes(text[last.end - 1]!)) last.end--
  for (const part of parts) {
    while (part.start < part.end && /\s/.test(text[part.start]!)) part.start++
    while (part.end > part.start && /\s/.test(text[part.end - 1]!)) part.end--
  }
  return parts.filter((p) => p.end > p.start)
}
