import type { Doc } from '../../core/record.js'
import type { Cues, Reading, Toponym } from './types.js'

/**
 * Metonymy (pure): does an occurrence of a place name stand for a location or for a government
 * ("Moscow denied", "Kyiv said", "urged Washington", "contact Beijing", "aid to Kyiv")? Each
 * occurrence gets a reading from the words around it; a place is a metonym when no occurrence
 * is literal and at least one is metonymic (the gold conventions: any literal use makes it a
 * location, datelines included).
 */

/** Words that, before "of X", make X a location ("the city of X", "the invasion of X"). */
const LITERAL_OF = new Set([
  'city',
  'town',
  'village',
  'region',
  'province',
  'capital',
  'outskirts',
  'centre',
  'center',
  'part',
  'parts',
  'invasion',
  'occupation',
  'annexation',
  'liberation',
  'shelling',
  'bombing',
  'siege',
  'streets',
  'heart',
  'suburbs',
  'port',
  'coast',
  'people',
  'residents',
  'citizens',
  'mayor',
  'governor',
])
/** Prepositions after which a political noun makes the place a party ("aid to Kyiv", "talks with Beijing"). */
const PARTY_PREPOSITIONS = new Set([
  'to',
  'from',
  'with',
  'on',
  'against',
  'between',
  'by',
  'for',
  'toward',
  'towards',
])
const SKIPPABLE_AFTER = new Set([
  'also',
  'repeatedly',
  'consistently',
  'already',
  'now',
  'reportedly',
  'still',
  'then',
  'later',
  'again',
  'has',
  'have',
  'had',
  'will',
  'would',
  'not',
  'never',
  'long',
  'officially',
  'publicly',
  'formally',
  'quickly',
  'immediately',
  'recently',
])

export function readingOf(
  doc: Doc,
  t: Toponym,
  cues: Cues,
  paragraphStarts: ReadonlySet<number>,
): Reading {
  const tokens = doc.layers.tokens ?? []
  const word = (k: number) =>
    k >= 0 && k < tokens.length
      ? doc.text.slice(tokens[k]!.start, tokens[k]!.end).toLowerCase()
      : ''
  if (t.suffix) return 'literal'
  if (isDateline(doc, t, paragraphStarts)) return 'literal'

  let p = t.firstToken - 1
  if (word(p) === 'the') p--
  const prev = word(p)
  const prev2 = word(p - 1)
  const next = word(t.lastToken)

  // Literal cues before the name.
  if (cues.locative.has(prev) || cues.near.has(prev) || cues.near.has(`${prev2} ${prev}`))
    return 'literal'
  if ((prev === 'to' || prev === 'from') && cues.motion.has(prev2)) return 'literal'
  if (prev === 'of' && (LITERAL_OF.has(prev2) || cues.territory.has(prev2))) return 'literal'
  if (prev === ',' && isPlaceToken(doc, p - 1)) return 'literal'
  // "Russia's Rostov region", "Ukraine's east": a possessive followed by a territory word or a place.
  if (next === "'s" || next === '’s') {
    const after = word(t.lastToken + 1)
    const after2 = `${after} ${word(t.lastToken + 2)}`
    if (cues.territory.has(after) || isPlaceToken(doc, t.lastToken + 1)) return 'literal'
    if (cues.political.has(after) || cues.political.has(after2)) return 'metonymic'
    return 'neutral'
  }
  if (next === ',' && isPlaceToken(doc, t.lastToken + 1) && !isSentenceEndAfter(doc, t))
    return 'literal'

  // Metonymic: the place acts on something, or something acts on it.
  if (cues.actsOn.has(prev) || cues.actsOn.has(`${prev2} ${prev}`)) return 'metonymic'
  if (
    PARTY_PREPOSITIONS.has(prev) &&
    (cues.political.has(prev2) || cues.political.has(`${word(p - 2)} ${prev2}`))
  ) {
    return 'metonymic'
  }
  if (isSubjectOfSaying(doc, t, cues, word)) return 'metonymic'
  return 'neutral'
}

function isSubjectOfSaying(doc: Doc, t: Toponym, cues: Cues, word: (k: number) => string): boolean {
  const tokens = doc.layers.tokens ?? []
  const before = tokens[t.firstToken - 1]
  // "in Moscow said" is about someone in Moscow; the place must not follow a preposition.
  if (before && before.pos === 'ADP') return false
  for (let k = t.lastToken; k < Math.min(tokens.length, t.lastToken + 4); k++) {
    const w = word(k)
    const token = tokens[k]!
    if (cues.says.has(w) && (token.pos === 'VERB' || token.pos === 'AUX')) {
      if (SKIPPABLE_AFTER.has(w) || w === 'is' || w === 'was') {
        // "China has criticized": look past the auxiliary for the verb.
        const nextToken = tokens[k + 1]
        if (!nextToken) return false
        if (
          nextToken.pos === 'DET' ||
          nextToken.pos === 'NOUN' ||
          nextToken.pos === 'ADJ' ||
          nextToken.pos === 'NUM'
        )
          return false
        continue
      }
      return true
    }
    if (SKIPPABLE_AFTER.has(w) || token.pos === 'ADV') continue
    return false
  }
  return false
}

function isPlaceToken(doc: Doc, k: number): boolean {
  const token = doc.layers.tokens?.[k]
  return !!token && token.pos === 'PROPN'
}

function isSentenceEndAfter(doc: Doc, t: Toponym): boolean {
  const token = doc.layers.tokens?.[t.lastToken + 1]
  return !token
}

/** "LONDON (Reuters) -", "KYIV, Ukraine —": a place name opening a paragraph before a dash or bracket. */
function isDateline(doc: Doc, t: Toponym, paragraphStarts: ReadonlySet<number>): boolean {
  if (!paragraphStarts.has(t.firstToken)) return false
  const surface = doc.text.slice(t.start, t.end)
  if (surface.length > 2 && surface === surface.toUpperCase()) return true
  const after = doc.text.slice(t.end, t.end + 40)
  return /^\s*(\(|—|–|-\s|,\s*[A-Z][\w. ]+\s*(\(|—|–|-\s))/.test(after)
}

/** A place's use from the readings of its occurrences. */
export function useOf(readings: readonly Reading[]): 'location' | 'metonym' {
  if (readings.includes('literal')) return 'location'
  return readings.includes('metonymic') ? 'metonym' : 'location'
}
