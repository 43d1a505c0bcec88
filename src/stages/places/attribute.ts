import { DATELINE_DASH_CHARS } from '../../core/dateline.js'
import type { Doc } from '../../core/record.js'
import { lowerWords, sortSmall } from './find.js'
import type { Cues, Reading, Toponym } from './types.js'

/**
 * Metonymy (pure): does an occurrence of a place name stand for a location or for a government
 * ("Moscow denied", "Kyiv said", "urged Washington", "contact Beijing", "aid to Kyiv")? Each
 * occurrence gets a reading from the words around it; a place is a metonym when no occurrence
 * is literal and at least one is metonymic (the gold conventions: any literal use makes it a
 * location, datelines included). A polity (a country, a capital, a continent) acting or owning
 * is read as its government more readily than a village is.
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
  'for',
  'toward',
  'towards',
])
const GLUE = new Set([',', 'and', 'or', 'the', 'from'])
const COPULAS = new Set(['is', 'was', 'are', 'were', "'s", 'be', 'been'])
const POSSESSIVE = new Set(["'s", '’s', "'", '’'])
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
  'not',
  'never',
  'long',
  'officially',
  'publicly',
  'formally',
  'quickly',
  'immediately',
  'recently',
  'firmly',
])
/** Directions written before a place name, which belong to it ("southern Lebanon"). */
const DIRECTION_ADJECTIVES = new Set([
  'northern',
  'southern',
  'eastern',
  'western',
  'central',
  'northeastern',
  'northwestern',
  'southeastern',
  'southwestern',
  'north-eastern',
  'north-western',
  'south-eastern',
  'south-western',
])

/** "came under fire", "comes under attack": the subject undergoes the act. */
const UNDERGOING = new Set(['come', 'comes', 'came', 'coming'])

/** Verbs whose subject a polity is not acting: "Ukraine lies", "Syria borders". */
const LITERAL_VERBS = new Set(['lies', 'lie', 'borders', 'border', 'stretches', 'covers', 'sits'])

export interface ReadingOptions {
  cues: Cues
  paragraphStarts: ReadonlySet<number>
  /** A country, capital, region or continent: it can act as a government. */
  polity: boolean
}

export function readingOf(doc: Doc, t: Toponym, options: ReadingOptions): Reading {
  const { cues, polity } = options
  const tokens = doc.layers.tokens ?? []
  const word = lowerWords(doc)
  if (t.suffix) return 'literal'
  if (isDateline(doc, t, options.paragraphStarts)) return 'literal'

  let p = t.firstToken - 1
  // "in southern Lebanon", "across eastern Ukraine": the direction belongs to the place.
  if (DIRECTION_ADJECTIVES.has(word(p))) p--
  if (word(p) === 'the') p--
  const prev = word(p)
  const prev2 = word(p - 1)
  const next = word(t.lastToken)

  // First, because a preposition before "X's noun" governs the noun ("tankers in Russia's fleet").
  // "Russia's Rostov region", "Ukraine's east" are literal; "Russia's Defence Ministry",
  // "China's narrative" stand for the state.
  if (POSSESSIVE.has(next)) {
    const after = word(t.lastToken + 1)
    const after2 = `${after} ${word(t.lastToken + 2)}`
    if (cues.territory.has(after)) return 'literal'
    if (cues.political.has(after) || cues.political.has(after2)) return 'metonymic'
    // "Myanmar's Sagaing region", "Nigeria's Borno State": the country's own region.
    if (isProperNoun(doc, t.lastToken + 1) && cues.region.has(word(t.lastToken + 2))) {
      return 'literal'
    }
    if (isProperNoun(doc, t.lastToken + 1) && !polity) return 'literal'
    return polity ? 'metonymic' : 'neutral'
  }
  // "in Myanmar's Sagaing region": the preposition before the possessor governs the name too.
  if (POSSESSIVE.has(prev) && locativeBeforePossessor(doc, p - 1, cues, word)) return 'literal'
  // Literal cues before the name.
  if (cues.locative.has(prev) || cues.near.has(prev) || cues.near.has(`${prev2} ${prev}`)) {
    return 'literal'
  }
  if ((prev === 'to' || prev === 'from') && cues.motion.has(prev2)) return 'literal'
  if (prev === 'of' && (LITERAL_OF.has(prev2) || cues.territory.has(prev2))) return 'literal'
  if (prev === ',' && isProperNoun(doc, p - 1) && !coordinated(doc, t, word)) return 'literal'

  if (next === ',' && isProperNoun(doc, t.lastToken + 1) && !coordinated(doc, t, word)) {
    return 'literal'
  }
  // "a US delegation", "US actions".
  if (
    polity &&
    (cues.political.has(next) || cues.political.has(`${next} ${word(t.lastToken + 1)}`))
  ) {
    return 'metonymic'
  }

  // Something acts on the place, or the place is a party.
  if (cues.actsOn.has(prev) || cues.actsOn.has(`${prev2} ${prev}`)) return 'metonymic'
  if (PARTY_PREPOSITIONS.has(prev) && politicalBefore(doc, p - 1, cues, word)) return 'metonymic'
  if (polity && prev === 'by' && tokens[p - 1]?.pos === 'VERB') return 'metonymic'
  if (isActingSubject(doc, t, options, word)) return 'metonymic'
  return 'neutral'
}

/** Whether a locative or "near" word opens the proper-noun possessor ending at token `last`. */
function locativeBeforePossessor(
  doc: Doc,
  last: number,
  cues: Cues,
  word: (k: number) => string,
): boolean {
  let k = last
  while (k >= 0 && last - k < 4 && isProperNoun(doc, k)) k--
  if (k === last) return false
  if (word(k) === 'the') k--
  return cues.locative.has(word(k)) || cues.near.has(word(k))
}

/** A political noun or transfer verb shortly before a preposition ("a response — from X"). */
function politicalBefore(doc: Doc, from: number, cues: Cues, word: (k: number) => string): boolean {
  for (let k = from, steps = 0; k >= 0 && steps < 8; k--, steps++) {
    const w = word(k)
    if (w === '.' || w === ';' || w === ':') return false
    if (cues.political.has(w) || cues.political.has(`${word(k - 1)} ${w}`)) return true
  }
  return false
}

/** "X, Y and Z condemned": the name opens a coordination of names. */
function coordinated(doc: Doc, t: Toponym, word: (k: number) => string): boolean {
  for (let k = t.lastToken; k < t.lastToken + 10; k++) {
    const w = word(k)
    if (w === 'and' || w === 'or') return true
    if (w === ',' || w === 'the' || isProperNoun(doc, k)) continue
    return false
  }
  return false
}

function isActingSubject(
  doc: Doc,
  t: Toponym,
  options: ReadingOptions,
  word: (k: number) => string,
): boolean {
  const tokens = doc.layers.tokens ?? []
  const before = word(t.firstToken - 1)
  // "in Moscow said" is about someone in Moscow; the subject does not follow a locative.
  if (options.cues.locative.has(before) || options.cues.near.has(before)) return false
  if (before === 'of' || before === 'from' || before === 'to') return false
  let k = t.lastToken
  // Past a coordination of names: "Berlin, Paris and the European Union condemned".
  for (let steps = 0; steps < 10 && k < tokens.length; steps++) {
    const w = word(k)
    if (w === ',' || w === 'and' || w === 'or' || w === 'the' || isProperNoun(doc, k)) k++
    else break
  }
  let be = false
  for (let steps = 0; steps < 4 && k < tokens.length; steps++, k++) {
    const w = word(k)
    const token = tokens[k]!
    const nextPos = tokens[k + 1]?.pos ?? ''
    if (COPULAS.has(w)) {
      // "Ukraine is a country" describes the place; "Russia is probing" acts.
      if (['DET', 'NOUN', 'ADJ', 'NUM', 'PROPN', 'ADP'].includes(nextPos)) return false
      be = true
      continue
    }
    // "Kharkiv was shelled overnight", "Spokane was cut off": the subject of a passive suffers
    // the act, as the place where it happened; so does one that "came under fire". A polity
    // addressed or blamed ("Moscow was accused", "Washington was warned") stays the state.
    if (be && token.pos === 'VERB' && !w.endsWith('ing')) {
      return options.polity && options.cues.says.has(w)
    }
    if (UNDERGOING.has(w) && word(k + 1) === 'under') return false
    if (w === 'has' || w === 'have' || w === 'had') {
      if (['DET', 'NOUN', 'ADJ', 'NUM'].includes(nextPos)) return options.polity
      continue
    }
    if (SKIPPABLE_AFTER.has(w) || token.pos === 'ADV' || token.pos === 'PART') continue
    if (token.pos === 'AUX') continue
    if (token.pos !== 'VERB' && !isTaggedNounVerb(w, token.pos, nextPos)) return false
    if (LITERAL_VERBS.has(w)) return false
    return options.cues.says.has(w) || options.polity
  }
  return false
}

/**
 * "China advocates a settlement": a present-tense verb the tagger called a plural noun. A word in
 * -s right after the subject and before a determiner or pronoun is read as the verb ("Ukraine
 * exports rose" keeps "exports" a noun: a verb follows it, not a determiner).
 */
function isTaggedNounVerb(word: string, pos: string, nextPos: string): boolean {
  return (
    pos === 'NOUN' &&
    word.length > 3 &&
    word.endsWith('s') &&
    !word.endsWith('ss') &&
    (nextPos === 'DET' || nextPos === 'PRON')
  )
}

function isProperNoun(doc: Doc, k: number): boolean {
  return doc.layers.tokens?.[k]?.pos === 'PROPN'
}

/** "LONDON (Reuters) -", "KYIV, Ukraine —": a place name opening a paragraph before a dash or bracket. */
/** What follows a dateline place: "(Reuters) —", "—", ", Ukraine —" (any dateline dash). */
const DATELINE_AFTER = new RegExp(
  `^\\s*(\\(|[${DATELINE_DASH_CHARS}]|--|-\\s|,\\s*[A-Z][\\w. ]+\\s*(\\(|[${DATELINE_DASH_CHARS}]|--|-\\s))`,
)

function isDateline(doc: Doc, t: Toponym, paragraphStarts: ReadonlySet<number>): boolean {
  if (!paragraphStarts.has(t.firstToken)) return false
  const surface = doc.text.slice(t.start, t.end)
  if (surface.length > 2 && surface === surface.toUpperCase()) return true
  const after = doc.text.slice(t.end, t.end + 40)
  return DATELINE_AFTER.test(after)
}

/**
 * Names in one coordination share a reading: "brokered by the United States and France", "the UK
 * and Germany": a neutral occurrence next to a metonymic one (only "," "and" "or" "the" between)
 * becomes metonymic.
 */
export function shareCoordinatedReadings(
  doc: Doc,
  occurrences: readonly Toponym[],
  readings: Reading[],
): void {
  const words = lowerWords(doc)
  const order = sortSmall(
    occurrences.map((_, i) => i),
    (a, b) => occurrences[a]!.start - occurrences[b]!.start,
  )
  for (let pass = 0; pass < 2; pass++) {
    for (let n = 0; n + 1 < order.length; n++) {
      const a = order[n]!
      const b = order[n + 1]!
      const from = occurrences[a]!.lastToken
      const to = occurrences[b]!.firstToken
      if (to <= from || to - from > 3) continue
      let joined = false
      let glued = true
      for (let k = from; k < to; k++) {
        const w = words(k)
        if (w === 'and' || w === 'or' || w === ',') joined = true
        if (!GLUE.has(w)) glued = false
      }
      if (!joined || !glued) continue
      if (readings[a] === 'metonymic' && readings[b] === 'neutral') readings[b] = 'metonymic'
      if (readings[b] === 'metonymic' && readings[a] === 'neutral') readings[a] = 'metonymic'
    }
  }
}

/** A place's use from the readings of its occurrences. */
export function useOf(readings: readonly Reading[]): 'location' | 'metonym' {
  if (readings.includes('literal')) return 'location'
  return readings.includes('metonymic') ? 'metonym' : 'location'
}
