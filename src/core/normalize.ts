import type { OffsetMap } from './record.js'

/**
 * Normalise article text for analysis and keep a map back to the original:
 * line breaks to \n, blank-line runs to one \n (a paragraph break), exotic spaces
 * to a plain space, invisible characters (zero-width, soft hyphen, BOM, control
 * characters) removed, trailing spaces at line ends dropped, and the whole trimmed.
 * Letters, quotation marks and dashes are kept exactly: quotes and names need them.
 */
export interface Normalised {
  text: string
  offsets: OffsetMap
}

// Control characters are exactly what this pattern is for. What isSpecial() accepts
// and this does not is a space-like character (tab, no-break and typographic spaces),
// which becomes a plain space.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/
/**
 * Whether normalisation may change this character: line breaks, spaces,
 * space-like and invisible characters. Everything between two such characters is copied as one
 * slice, which is what makes normalising cheap (most of an article is such runs).
 */
function isSpecial(code: number): boolean {
  if (code > 0x20 && code < 0x7f) return false
  if (code <= 0x20 || code === 0x7f) return true
  return (
    code === 0xa0 ||
    code === 0xad ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200d) ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x2060 ||
    code === 0x3000 ||
    code === 0xfeff
  )
}

export function normalizeText(raw: string): Normalised {
  const out: string[] = []
  // Only breakpoints are kept in the map: where orig - norm changes.
  const norm: number[] = []
  const orig: number[] = []
  let outLen = 0
  let delta = 0 // orig - norm for the current run
  const emit = (piece: string, from: number) => {
    if (from - outLen !== delta) {
      delta = from - outLen
      norm.push(outLen)
      orig.push(from)
    }
    out.push(piece)
    outLen += piece.length
  }

  let pendingSpaces: number[] = [] // original offsets of spaces not yet emitted
  let pendingBreak = -1 // original offset of a line break not yet emitted
  let started = false
  // Writes the spaces or the line break waiting before a run of text.
  const flush = () => {
    if (pendingBreak >= 0) {
      emit('\n', pendingBreak)
      pendingBreak = -1
    } else {
      for (const at of pendingSpaces) emit(' ', at)
    }
    pendingSpaces = []
  }
  let i = 0
  while (i < raw.length) {
    let at = i
    // A run of text, single spaces between its words included (they are kept as they are).
    while (at < raw.length) {
      const code = raw.charCodeAt(at)
      if (!isSpecial(code)) at++
      else if (code === 0x20 && at > i && at + 1 < raw.length && !isSpecial(raw.charCodeAt(at + 1)))
        at += 2
      else break
    }
    if (at > i) {
      flush()
      started = true
      emit(raw.slice(i, at), i)
    }
    if (at >= raw.length) break
    let ch = raw[at] as string
    i = at + 1
    if (ch === '\r') {
      if (raw[at + 1] === '\n') continue
      ch = '\n'
    }
    if (ch === '\n') {
      pendingSpaces = [] // trailing spaces at a line end are dropped
      if (started && pendingBreak < 0) pendingBreak = at
      continue
    }
    if (INVISIBLE.test(ch)) continue
    // A space or a space-like character: kept (as a plain space) only between words.
    if (started && pendingBreak < 0) pendingSpaces.push(at)
  }
  return { text: out.join(''), offsets: { norm, orig } }
}

/** Map an offset in the normalised text back to the original text. */
export function toOriginalOffset(offsets: OffsetMap, offset: number): number {
  let lo = 0
  let hi = offsets.norm.length - 1
  let found = -1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if ((offsets.norm[mid] as number) <= offset) {
      found = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  if (found < 0) return offset
  return offset - (offsets.norm[found] as number) + (offsets.orig[found] as number)
}
