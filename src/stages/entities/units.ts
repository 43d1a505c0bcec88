import type { Doc, Sentence, Token } from '../../core/record.js'
import { StartFilter } from './starts.js'
import type { Unit } from './types.js'

// “ ‘ « „ and ” » by character code.
const OPENING_QUOTES = new Set([0x201c, 0x2018, 0xab, 0x201e])
const CLOSING_QUOTES = new Set([0x201d, 0xbb])
const TIME_PREFIXES = new Set(['then', 'ex', 'Ex', 'Then'])
const NAME_PARTICLE = /^(al|el|ad|as|ash|bin|ibn|abu|de|van|von|d|o)[-'’]\p{Lu}/u

/**
 * Glue tokens that a name spells without spaces ("Ust-Luga", "Iskander-M",
 * "al-Zallaqa", "Maj." when the tokenizer split the full stop) into units, and
 * mark what recognition needs: capitals, sentence- and quote-initial position,
 * possessives and quotation state. One pass over the tokens.
 */
export function buildUnits(doc: Doc, abbreviations: ReadonlySet<string>): Unit[] {
  const tokens = doc.layers.tokens ?? []
  const sentences = doc.layers.sentences ?? []
  const text = doc.text
  const units: Unit[] = []
  let sentence = 0
  let quoted = false
  let paragraph = -1
  let sentenceStart = true
  // Most words before a full stop end a sentence and are longer than any abbreviation.
  const longest = longestOf(abbreviations)
  const abbreviationStarts = startsOf(abbreviations)
  // Tokens are read by character codes: a unit's text is sliced only when a rule asks for it.
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token
    while (sentence < sentences.length - 1 && token.start >= (sentences[sentence] as Sentence).end)
      sentence++
    const current = sentences[sentence]
    const para = current ? current.paragraph : 0
    if (para !== paragraph) {
      paragraph = para
      quoted = false
    }
    if (current && token.start === current.start) sentenceStart = true
    const length = token.end - token.start
    const code = text.charCodeAt(token.start)
    // Possessives: "'s", "’s", and a bare "'" or "’".
    const possessive =
      (code === 39 || code === 0x2019) &&
      (length === 1 || (length === 2 && text.charCodeAt(token.start + 1) === 115))
    if (possessive && units.length > 0) {
      const previous = units[units.length - 1] as Unit
      // A bare apostrophe is a possessive only after a plural: "Ukrainians’ will".
      const plural = length > 1 || text.charCodeAt(previous.end - 1) === 115
      if (previous.end === token.start && previous.kind === 'word' && plural) {
        previous.possessive = true
        continue
      }
    }
    if (length === 1 && code === 34) {
      quoted = !quoted
      units.push(punct(text, token, sentence, paragraph, quoted))
      sentenceStart = sentenceStart || quoted
      continue
    }
    if (length === 1 && (OPENING_QUOTES.has(code) || CLOSING_QUOTES.has(code))) {
      quoted = OPENING_QUOTES.has(code)
      units.push(punct(text, token, sentence, paragraph, quoted))
      // The first word of a quotation is capitalised whatever it is.
      if (quoted) sentenceStart = true
      continue
    }
    let end = token.end
    let j = i
    // Hyphenated compounds and split abbreviations, glued while there is no space.
    while (j + 1 < tokens.length) {
      const next = tokens[j + 1] as Token
      if (next.start !== end || next.end - next.start !== 1) break
      const nextCode = text.charCodeAt(next.start)
      const after = tokens[j + 2]
      // Glue only when the part after the hyphen is itself name-like: "Ust-Luga",
      // "Iskander-M", "al-Zallaqa"; "Soviet-era" and "Russian-backed" stay apart.
      // "then-Secretary of State X", "ex-President X": a time prefix is no part of the name.
      if (
        (nextCode === 45 || nextCode === 0x2011) &&
        !(j === i && TIME_PREFIXES.has(text.slice(token.start, end))) &&
        after &&
        after.start === next.end &&
        after.end > after.start &&
        matchesAt(UPPER_OR_DIGIT, text, after.start)
      ) {
        end = after.end
        j += 2
        continue
      }
      if (
        nextCode === 46 &&
        end - token.start < longest &&
        // The word and its full stop are text[token.start, end + 1): filtered on its first two.
        abbreviationStarts.mayStart(text, token.start, end + 1) &&
        abbreviations.has(text.slice(token.start, end) + '.')
      ) {
        end = next.end
        j += 1
      }
      break
    }
    const isWord = token.kind === 'word' || isLetterAt(text, token.start)
    let cap = isWord && isUpperAt(text, token.start)
    const unit = new TextUnit(text, token.start, end, token.pos, isWord ? 'word' : token.kind)
    // "al-Zallaqa": a lower-case particle glued to a capitalised name.
    if (isWord && !cap && joinsEarly(text, token.start, end)) cap = NAME_PARTICLE.test(unit.text)
    unit.cap = cap
    unit.upper = cap && isAllCaps(unit.text)
    unit.initial = sentenceStart
    unit.quoted = quoted
    unit.sentence = sentence
    unit.paragraph = paragraph
    units.push(unit)
    if (isWord || token.kind === 'number') sentenceStart = false
    i = j
  }
  return units
}

const longestCache = new WeakMap<ReadonlySet<string>, number>()

/** The length of the longest string of the set (remembered per set). */
function longestOf(set: ReadonlySet<string>): number {
  let longest = longestCache.get(set)
  if (longest === undefined) {
    longest = 0
    for (const s of set) longest = Math.max(longest, s.length)
    longestCache.set(set, longest)
  }
  return longest
}

const startsCache = new WeakMap<ReadonlySet<string>, StartFilter>()

/** The first-two-characters filter of the set (built once per set). */
function startsOf(set: ReadonlySet<string>): StartFilter {
  let starts = startsCache.get(set)
  if (starts === undefined) {
    starts = new StartFilter(set, false)
    startsCache.set(set, starts)
  }
  return starts
}

/**
 * A unit whose text and lower case are sliced from the document on first use: most
 * tokens are never asked for theirs, and a fresh string per token costs its hashing too.
 */
class TextUnit implements Unit {
  cap = false
  upper = false
  initial = false
  possessive = false
  quoted = false
  sentence = 0
  paragraph = 0
  private sliced: string | undefined
  private lowered: string | undefined

  constructor(
    private readonly source: string,
    readonly start: number,
    readonly end: number,
    readonly pos: string,
    readonly kind: string,
  ) {}

  get text(): string {
    return (this.sliced ??= this.source.slice(this.start, this.end))
  }

  get lower(): string {
    return (this.lowered ??= lowerCase(this.text))
  }
}

/** `text.toLowerCase()`; a word of ASCII without capitals (most of them) is its own lower case. */
function lowerCase(text: string): string {
  for (let n = 0; n < text.length; n++) {
    const c = text.charCodeAt(n)
    if (c >= 128 || (c >= 65 && c <= 90)) return text.toLowerCase()
  }
  return text
}

const UPPER_OR_DIGIT = /[\p{Lu}\p{N}]/uy
const LETTER = /\p{L}/uy
const UPPER = /\p{Lu}/uy

/** Whether the sticky pattern matches the character at `at` (no slice of the text). */
function matchesAt(pattern: RegExp, text: string, at: number): boolean {
  pattern.lastIndex = at
  return pattern.test(text)
}

/** A letter at `at`; ASCII fast path. */
function isLetterAt(text: string, at: number): boolean {
  const code = text.charCodeAt(at)
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122)
  return matchesAt(LETTER, text, at)
}

/** An upper-case letter at `at`; ASCII fast path. */
function isUpperAt(text: string, at: number): boolean {
  const code = text.charCodeAt(at)
  if (code < 128) return code >= 65 && code <= 90
  return matchesAt(UPPER, text, at)
}

/** A hyphen or apostrophe among the first four characters: only then can a name particle lead. */
function joinsEarly(text: string, start: number, end: number): boolean {
  const limit = Math.min(end - start - 1, 4)
  for (let i = 1; i < limit; i++) {
    const c = text.charCodeAt(start + i)
    if (c === 45 || c === 39 || c === 0x2019) return true
  }
  return false
}

/** Two or more letters, all upper case: "NATO", "KYIV", "U.S." */
function isAllCaps(text: string): boolean {
  if (text.length < 2) return false
  // Most capitalised words go on in lower case ("Russia"): no upper-cased copy to compare.
  const second = text.charCodeAt(1)
  if (second >= 97 && second <= 122) return false
  if (text.toUpperCase() !== text) return false
  const letters = text.replace(/[^\p{L}]/gu, '')
  return letters.length >= 2 && letters !== letters.toLowerCase()
}

function punct(
  text: string,
  token: Token,
  sentence: number,
  paragraph: number,
  quoted: boolean,
): Unit {
  const unit = new TextUnit(text, token.start, token.end, 'PUNCT', 'punctuation')
  unit.quoted = quoted
  unit.sentence = sentence
  unit.paragraph = paragraph
  return unit
}
