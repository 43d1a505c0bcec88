import type { Doc, Sentence, Token } from '../../core/record.js'
import type { Unit } from './types.js'

const OPENING_QUOTES = new Set(['“', '‘', '«', '„'])
const CLOSING_QUOTES = new Set(['”', '»'])
const POSSESSIVE = new Set(["'s", '’s', "'", '’'])
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
    const value = text.slice(token.start, token.end)
    if (POSSESSIVE.has(value) && units.length > 0) {
      const previous = units[units.length - 1] as Unit
      // A bare apostrophe is a possessive only after a plural: "Ukrainians’ will".
      const plural = value.length > 1 || previous.text.endsWith('s')
      if (previous.end === token.start && previous.kind === 'word' && plural) {
        previous.possessive = true
        continue
      }
    }
    if (value === '"') {
      quoted = !quoted
      units.push(punct(token, value, sentence, paragraph, quoted))
      sentenceStart = sentenceStart || quoted
      continue
    }
    if (OPENING_QUOTES.has(value) || CLOSING_QUOTES.has(value)) {
      quoted = OPENING_QUOTES.has(value)
      units.push(punct(token, value, sentence, paragraph, quoted))
      // The first word of a quotation is capitalised whatever it is.
      if (quoted) sentenceStart = true
      continue
    }
    let end = token.end
    let j = i
    // Hyphenated compounds and split abbreviations, glued while there is no space.
    while (j + 1 < tokens.length) {
      const next = tokens[j + 1] as Token
      if (next.start !== end) break
      const nextValue = text.slice(next.start, next.end)
      const after = tokens[j + 2]
      // Glue only when the part after the hyphen is itself name-like: "Ust-Luga",
      // "Iskander-M", "al-Zallaqa"; "Soviet-era" and "Russian-backed" stay apart.
      if (
        (nextValue === '-' || nextValue === '‑') &&
        after &&
        after.start === next.end &&
        /^[\p{Lu}\p{N}]/u.test(text.slice(after.start, after.end))
      ) {
        end = after.end
        j += 2
        continue
      }
      if (nextValue === '.' && abbreviations.has(text.slice(token.start, end) + '.')) {
        end = next.end
        j += 1
      }
      break
    }
    const unitText = end === token.end ? value : text.slice(token.start, end)
    const isWord = token.kind === 'word' || /^\p{L}/u.test(unitText)
    const cap =
      isWord && (startsUpper(unitText) || (joinsEarly(unitText) && NAME_PARTICLE.test(unitText)))
    units.push({
      start: token.start,
      end,
      text: unitText,
      pos: token.pos,
      kind: isWord ? 'word' : token.kind,
      cap,
      upper: cap && isAllCaps(unitText),
      initial: sentenceStart,
      possessive: false,
      quoted,
      sentence,
      paragraph,
    })
    if (isWord || token.kind === 'number') sentenceStart = false
    i = j
  }
  return units
}

/** First character upper case; ASCII fast path, Unicode otherwise. */
function startsUpper(text: string): boolean {
  const code = text.charCodeAt(0)
  if (code < 128) return code >= 65 && code <= 90
  return /^\p{Lu}/u.test(text)
}

/** A hyphen or apostrophe among the first four characters: only then can a name particle lead. */
function joinsEarly(text: string): boolean {
  const limit = Math.min(text.length - 1, 4)
  for (let i = 1; i < limit; i++) {
    const c = text.charCodeAt(i)
    if (c === 45 || c === 39 || c === 0x2019) return true
  }
  return false
}

/** Two or more letters, all upper case: "NATO", "KYIV", "U.S." */
function isAllCaps(text: string): boolean {
  if (text.length < 2 || text.toUpperCase() !== text) return false
  const letters = text.replace(/[^\p{L}]/gu, '')
  return letters.length >= 2 && letters !== letters.toLowerCase()
}

function punct(
  token: Token,
  value: string,
  sentence: number,
  paragraph: number,
  quoted: boolean,
): Unit {
  return {
    start: token.start,
    end: token.end,
    text: value,
    pos: 'PUNCT',
    kind: 'punctuation',
    cap: false,
    upper: false,
    initial: false,
    possessive: false,
    quoted,
    sentence,
    paragraph,
  }
}
