import type { CountKey } from '../../core/record.js'
import { phraseIsAt, wordFilter } from './lexicon.js'
import type { CountFind, SentenceView } from './types.js'
import { NUMBER_WORD } from './words.js'

export interface NumberWords {
  /** Unit and scale words ("seven", "hundred"). */
  units: ReadonlyMap<string, { value: number; scale: boolean }>
  /** Vague quantities by first word ("dozens", "tens of thousands"), with ACLED's stand-in figure. */
  vague: ReadonlyMap<string, { words: string[]; value: number }[]>
}

export interface ParsedNumber {
  value: number
  length: number
  vague: boolean
}

const DIGITS = /^\d{1,3}(,\d{3})+$|^\d+$/

/** The number that starts at word i: digits, number words ("twenty-three", "two dozen") or a vague word. */
export function numberAt(
  words: readonly string[],
  i: number,
  lex: NumberWords,
): ParsedNumber | null {
  // Most words are no number at all: answer them with one lookup.
  const first = words[i] ?? ''
  const c = first.charCodeAt(0)
  if (
    !(c >= 48 && c <= 57) &&
    !lex.vague.has(first) &&
    !lex.units.has(first.includes('-') ? (first.split('-')[0] as string) : first)
  ) {
    return null
  }
  for (const v of lex.vague.get(first) ?? []) {
    if (phraseIsAt(words, i, v.words)) {
      // "several hundred" is as vague as "hundreds".
      const scale = lex.units.get(words[i + v.words.length] ?? '')
      if (scale?.scale)
        return { value: v.value * scale.value, length: v.words.length + 1, vague: true }
      return { value: v.value, length: v.words.length, vague: true }
    }
  }
  let value = 0
  let current = 0
  let k = i
  let any = false
  for (; k < words.length; k++) {
    const w = words[k] as string
    if (DIGITS.test(w)) {
      if (any) break
      current = Number(w.replace(/,/g, ''))
      any = true
      continue
    }
    // wink splits "twenty-three" into three tokens.
    if (w === '-' && any && lex.units.has(words[k + 1] ?? '')) continue
    // Most words hold no hyphen: one look-up, no split and no array.
    const hyphen = w.includes('-')
    const single = hyphen ? undefined : lex.units.get(w)
    if (!hyphen && single === undefined) break
    const parts = hyphen ? w.split('-').map((p) => lex.units.get(p)) : null
    if (parts !== null && parts.some((u) => u === undefined)) break
    // "a"/"an" count only before a scale word ("a dozen").
    if ((w === 'a' || w === 'an') && !lex.units.get(words[k + 1] ?? '')?.scale) break
    const n = parts === null ? 1 : parts.length
    for (let p = 0; p < n; p++) {
      const u = parts === null ? single : parts[p]
      if (!u) continue
      if (u.scale) {
        current = (current || 1) * u.value
        if (u.value >= 1000) {
          value += current
          current = 0
        }
      } else current += u.value
    }
    any = true
  }
  if (!any) return null
  return { value: value + current, length: k - i, vague: false }
}

/** Words a count may skip between a number and what it counts ("19 civilians were killed"). */
const SKIP_AFTER_NUMBER = new Set([
  'more',
  'other',
  'people',
  'were',
  'was',
  'have',
  'had',
  'has',
  'been',
  'being',
  'are',
  'is',
  'reportedly',
  'also',
  'later',
  'all',
])
/** Hedges between a count word and its number ("killing at least four"). */
const HEDGE = new Set([
  'at',
  'least',
  'more',
  'than',
  'about',
  'some',
  'nearly',
  'almost',
  'over',
  'up',
  'to',
  'around',
  'roughly',
  'an',
  'estimated',
  'approximately',
  'of',
  'the',
])
const SKIP_POS = new Set(['NOUN', 'ADJ', 'PROPN'])
/** "killed and wounded" is a combined casualty figure; ACLED does not read fatalities from it. */
const COMBINED = new Set(['killed', 'dead', 'wounded', 'injured'])

/**
 * Counts stated in one sentence: "killing at least four" (word, then number), "Nineteen civilians
 * were martyred" (number, then word), "the death toll rose to seven".
 */
export function findCounts(
  view: SentenceView,
  lex: NumberWords,
  countWords: ReadonlyMap<string, CountKey>,
): CountFind[] {
  const out: CountFind[] = []
  const used = new Set<number>()
  const w = view.words
  const push = (key: CountKey, at: number, n: ParsedNumber) => {
    for (let k = at; k < at + n.length; k++) used.add(k)
    out.push({
      key,
      value: n.value,
      vague: n.vague,
      start: view.tokens[at]!.start,
      end: view.tokens[at + n.length - 1]!.end,
    })
  }
  const combined = (k: number) =>
    (w[k + 1] === 'and' || w[k + 1] === 'or') && COMBINED.has(w[k + 2] ?? '')

  // Word, then number: "killed two men", "detained 34 people", "the crowd at about 80,000".
  let anyWord = false
  const filter = wordFilter(countWords)
  const ids = view.ids
  for (let i = 0; i < w.length; i++) {
    // With word ids, a word outside the vocabulary (count words and "toll") counts nothing.
    if (ids !== undefined && (ids[view.offset + i] as number) < 0) continue
    const word = w[i] as string
    let key = filter.has(word) ? countWords.get(word) : undefined
    if (word === 'toll' && w[i - 1] === 'death') key = 'killed'
    if (!key) continue
    anyWord = true
    if (combined(i)) continue
    const toll = w[i] === 'toll'
    for (let k = i + 1; k < w.length && k <= i + (toll ? 20 : 8); k++) {
      const n = numberAt(w, k, lex)
      if (n) {
        if (!isPartitive(w, k + n.length)) push(key, k, n)
        break
      }
      const word = w[k] as string
      // The toll "from a missile strike on the city on Tuesday has risen to six" reaches further.
      if (HEDGE.has(word) || (toll && !/^[,;.:]$/.test(word))) continue
      break
    }
  }
  // Every count has its count word: without one, no number needs reading.
  if (!anyWord) return out
  // Number, then word: "Nineteen civilians were martyred", "More than 40 people were wounded".
  const flags = view.flags
  for (let i = 0; i < w.length; i++) {
    if (used.has(i)) continue
    // With word flags, a word that is neither digits nor a number word starts no number.
    if (flags !== undefined && (flags[view.offset + i]! & NUMBER_WORD) === 0) {
      const c = (w[i] as string).charCodeAt(0)
      if (!(c >= 48 && c <= 57)) continue
    }
    const n = numberAt(w, i, lex)
    if (!n) continue
    // "no one was hurt" counts nobody.
    if (w[i - 1] === 'no') {
      i += n.length - 1
      continue
    }
    let k = i + n.length
    if (isPartitive(w, k)) {
      i = k
      continue
    }
    if (n.vague && w[k] === 'of') k++
    for (; k < w.length && k <= i + n.length + 5; k++) {
      const word = w[k] as string
      const key = countWords.get(word)
      if (key) {
        if (!combined(k)) push(key, i, n)
        break
      }
      if (SKIP_AFTER_NUMBER.has(word) || SKIP_POS.has(view.tokens[k]!.pos)) continue
      break
    }
    i += n.length - 1
  }
  return out
}

/** "three of the injured", "seven of the attackers": a part of a group counted elsewhere. */
function isPartitive(words: readonly string[], k: number): boolean {
  return (
    words[k] === 'of' && /^(the|those|them|these|whom|which|its|their)$/.test(words[k + 1] ?? '')
  )
}
