/**
 * Figures in claims and events: which count a number is (killed, injured, …)
 * and what value it has, so that "12 killed" and "nine dead" can disagree.
 */
import type { CountKey } from '../core/record.js'
import { words } from './text.js'

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  dozen: 12,
}

/** Words that name each count, as stems of `words()` output. */
const COUNT_CUES: [CountKey, RegExp][] = [
  ['killed', /^(kill|dead|death|die|died|dying|toll|fatalit|martyr|lives|bodies)/],
  ['injured', /^(injur|wound|hurt|hospitali)/],
  ['captured', /^(captur|prisoner|captive|taken)/],
  ['arrested', /^(arrest|detain|detention|detainee|held)/],
  ['displaced', /^(displac|flee|fled|evacuat|refugee)/],
  ['participants', /^(protester|demonstrator|participant|crowd|march|rall)/],
]

export interface Figure {
  key: CountKey
  value: number
}

/** Parse one number token ("12", "1,300", "six"); null when it is not a number. */
export function parseNumber(token: string): number | null {
  const cleaned = token.replace(/,/g, '')
  if (/^\d+(\.\d+)?$/.test(cleaned)) return Number(cleaned)
  return NUMBER_WORDS[token.toLowerCase()] ?? null
}

/**
 * Count figures in a text: a number with a count cue in its clause, the nearest
 * within three words after it, else the nearest before it.
 * "killing at least four people" → killed 4; "the death toll … has risen to six" → killed 6.
 */
export function figuresIn(text: string): Figure[] {
  const figures: Figure[] = []
  for (const clause of text.replace(/(\d),(\d{3})/g, '$1$2').split(/[,;:.!?()\n]+/)) {
    const tokens = words(clause)
    for (let i = 0; i < tokens.length; i++) {
      const value = parseNumber(tokens[i]!)
      // Years are dates, not counts.
      if (value === null || (value >= 1900 && value <= 2100)) continue
      const key = cueNear(tokens, i)
      if (key && !figures.some((f) => f.key === key)) figures.push({ key, value })
    }
  }
  return figures
}

function cueNear(tokens: string[], at: number): CountKey | null {
  for (let offset = 1; offset <= 3; offset++) {
    const key = cueOf(tokens[at + offset])
    if (key) return key
  }
  for (let i = at - 1; i >= 0; i--) {
    const key = cueOf(tokens[i])
    if (key) return key
  }
  return null
}

function cueOf(token: string | undefined): CountKey | null {
  if (!token) return null
  for (const [key, cue] of COUNT_CUES) if (cue.test(token)) return key
  return null
}
