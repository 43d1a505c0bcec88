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

// Control characters are exactly what this pattern is for.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/
const SPACE_LIKE = /[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/

export function normalizeText(raw: string): Normalised {
  const out: string[] = []
  // origAt[i] = original offset of out[i]; only breakpoints are kept in the map.
  const norm: number[] = []
  const orig: number[] = []
  let outLen = 0
  let delta = 0 // orig - norm for the current run
  const emit = (ch: string, from: number) => {
    if (from - outLen !== delta) {
      delta = from - outLen
      norm.push(outLen)
      orig.push(from)
    }
    out.push(ch)
    outLen += ch.length
  }

  let pendingSpaces: number[] = [] // original offsets of spaces not yet emitted
  let pendingBreak = -1 // original offset of a line break not yet emitted
  let started = false
  for (let i = 0; i < raw.length; i++) {
    let ch = raw[i] as string
    if (ch === '\r') {
      if (raw[i + 1] === '\n') continue
      ch = '\n'
    }
    if (ch === '\n') {
      pendingSpaces = [] // trailing spaces at a line end are dropped
      if (started && pendingBreak < 0) pendingBreak = i
      continue
    }
    if (INVISIBLE.test(ch)) continue
    if (SPACE_LIKE.test(ch)) ch = ' '
    if (ch === ' ') {
      if (started && pendingBreak < 0) pendingSpaces.push(i)
      continue
    }
    if (pendingBreak >= 0) {
      emit('\n', pendingBreak)
      pendingBreak = -1
    } else {
      for (const at of pendingSpaces) emit(' ', at)
    }
    pendingSpaces = []
    started = true
    emit(ch, i)
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
