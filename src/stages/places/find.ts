import type { Doc, Token } from '../../core/record.js'
import type { Cues, Suffix, Toponym } from './types.js'

/**
 * Toponym recognition (pure): the entities layer's GPE/LOC names when present, plus our own
 * gazetteer-driven pass over capitalised token runs, so places are found even when the entities
 * stage misses them. Names inside organisation, event and facility names are not places
 * ("Kharkiv Regional Military Administration", "Munich Security Conference").
 */

export interface FindDeps {
  /** Whether the gazetteer knows a name (exact keys only). */
  has(name: string): boolean
  /**
   * Whether a name is a well-known place (a country, a region, a capital or a large town), which
   * may stand next to other capitalised words ("Calgary MLA Sandra Jansen") and still be a place.
   */
  isMajor(name: string): boolean
  /** Whether a word or phrase is a demonym ("Chinese", "North Koreans"): an entity, not a place. */
  isDemonym(word: string): boolean
  cues: Cues
}

/** Lower-case words that may join capitalised words inside one name ("Rostov-on-Don", "Bay of Biscay"). */
const CONNECTORS = new Set([
  'of',
  'de',
  'del',
  'la',
  'le',
  'el',
  'al',
  'on',
  'upon',
  'du',
  'des',
  'da',
  'di',
  'an',
  'am',
  'sur',
  'en',
  'y',
])
const MAX_NAME_TOKENS = 6
const PLACE_TYPES = new Set(['GPE', 'LOC'])
const BLOCKING_TYPES = new Set(['PERSON', 'ORG', 'EVENT', 'NORP', 'FAC'])
const CLOSED_CLASS = new Set([
  'PRON',
  'DET',
  'ADP',
  'CCONJ',
  'SCONJ',
  'AUX',
  'NUM',
  'PART',
  'INTJ',
  'SYM',
])
/** Lower-case heads after a name that make it the name of a meeting or format ("Ramstein defense meeting"). */
const EVENT_AFTER = new Set([
  'meeting',
  'meetings',
  'summit',
  'conference',
  'format',
  'talks',
  'process',
  'agreement',
  'agreements',
  'accords',
  'declaration',
  'group',
  'contact',
])

export function findToponyms(doc: Doc, deps: FindDeps): Toponym[] {
  const tokens = doc.layers.tokens ?? []
  const text = doc.text
  const sentenceStarts = sentenceStartTokens(doc, tokens)
  // One flag per token: BLOCKED inside a person's, organisation's or event's name; IN_PLACE
  // inside the entities' place names (our matches there lose to the entity spans anyway).
  const flags = new Uint8Array(tokens.length)
  const fromEntities: Toponym[] = []
  const typeOf = new Map((doc.layers.entities ?? []).map((e) => [e.id, e.type]))

  for (const mention of doc.layers.mentions ?? []) {
    if (mention.kind !== 'name') continue
    const type = typeOf.get(mention.entity)
    if (!type) continue
    if (BLOCKING_TYPES.has(type)) {
      const from = placePrefixFreed(doc, tokens, mention, deps)
      const freed = from >= 0 && tokens[from]!.start > mention.start
      markBlocked(flags, tokens, from, freed ? tokens[from]!.start : mention.start, mention.end)
      continue
    }
    if (!PLACE_TYPES.has(type)) continue
    let start = mention.start
    if ((text.charCodeAt(start) | 32) === 116 && /^the\s/i.test(text.slice(start, mention.end))) {
      start += 4
    }
    let first = tokenAt(tokens, start)
    const last = tokenAt(tokens, mention.end - 1, first)
    if (first < 0 || last < 0) continue
    // "Christmas", "Easter", "Reuters": words never a place, whatever the entities stage typed.
    if (first === last && deps.cues.notPlace.has(lowerWords(doc)(first).replace(/\./g, '')))
      continue
    // "British Columbia" read as NORP "British" and GPE "Columbia": a capitalised word before
    // the name that makes a longer well-known place name belongs to it.
    const longer = longerNameBefore(text, tokens, first, mention.end, deps)
    if (longer >= 0) {
      first = longer
      start = tokens[longer]!.start
    }
    // "Polohy district", "Rostov region" as one entity name: the name, and the word after it.
    const lastWord = lowerWords(doc)(last)
    const suffix: Suffix =
      last > first && deps.cues.region.has(lastWord)
        ? 'region'
        : last > first && deps.cues.district.has(lastWord)
          ? 'district'
          : null
    if (suffix && !deps.has(text.slice(start, mention.end))) {
      const name = text.slice(start, tokens[last - 1]!.end)
      fromEntities.push({
        start,
        end: mention.end,
        name,
        suffix,
        firstToken: first,
        lastToken: last + 1,
        entity: mention.entity,
        source: 'entity',
      })
      continue
    }
    fromEntities.push(
      withSuffix(
        doc,
        tokens,
        {
          start,
          end: mention.end,
          name: text.slice(start, mention.end),
          suffix: null,
          firstToken: first,
          lastToken: last + 1,
          entity: mention.entity,
          source: 'entity',
        },
        deps,
      ),
    )
  }

  const isBlocked = (k: number) => flags[k] === BLOCKED
  for (const t of fromEntities) {
    for (let k = t.firstToken; k < t.lastToken; k++) if (flags[k] === 0) flags[k] = IN_PLACE
  }
  const found: Toponym[] = []
  let i = 0
  while (i < tokens.length) {
    const token = tokens[i]!
    if (!isCapitalised(text, token) || isBlocked(i)) {
      i++
      continue
    }
    const runEnd = extendRun(text, tokens, i, isBlocked)
    // A run wholly inside entity place names yields only matches that overlap them, which the
    // merge below drops: the gazetteer is not asked.
    const outside = flags.indexOf(0, i)
    if (outside < 0 || outside >= runEnd) {
      i = runEnd
      continue
    }
    for (const t of matchRun(doc, tokens, i, runEnd, sentenceStarts, deps)) found.push(t)
    i = runEnd
  }

  // Entity spans win over our own where they overlap: the entities stage saw more context.
  const merged = [...fromEntities]
  for (const t of found) {
    if (!fromEntities.some((e) => t.start < e.end && t.end > e.start)) merged.push(t)
  }
  const words = lowerWords(doc)
  const kept: Toponym[] = []
  for (const t of merged) {
    // "the State of Tamil Nadu": a region word alone names no place.
    if (t.lastToken - t.firstToken === 1 && isKindWord(words(t.firstToken), deps)) continue
    kept.push(t.suffix ? t : withKindBefore(t, words, deps))
  }
  return sortSmall(kept, byStart)
}

function isKindWord(word: string, deps: FindDeps): boolean {
  return deps.cues.region.has(word) || deps.cues.district.has(word)
}

/** "the province of Helmand", "the state of Puebla": the kind of place is named before it. */
function withKindBefore(t: Toponym, words: (k: number) => string, deps: FindDeps): Toponym {
  if (words(t.firstToken - 1) !== 'of') return t
  const kind = words(t.firstToken - 2)
  if (deps.cues.region.has(kind)) return { ...t, suffix: 'region' }
  if (deps.cues.district.has(kind)) return { ...t, suffix: 'district' }
  return t
}

/**
 * The token that starts a longer well-known place name ending with the entity's name ("British"
 * before "Columbia", "West" before "Virginia"), or -1: one capitalised word right before it.
 */
function longerNameBefore(
  text: string,
  tokens: readonly Token[],
  first: number,
  end: number,
  deps: FindDeps,
): number {
  const previous = tokens[first - 1]
  if (!previous || !isCapitalised(text, previous)) return -1
  const gap = text.slice(previous.end, tokens[first]!.start)
  if (gap !== ' ') return -1
  const name = text.slice(previous.start, end)
  return deps.has(name) && deps.isMajor(name) ? first - 1 : -1
}

/**
 * "Calgary MLA Sandra Jansen", "Kyiv Mayor Vitali Klitschko": a well-known place before a title
 * word inside a person's (or mis-typed) name is a place of its own; the rest stays blocked.
 * Returns the first blocked token (-1 when the span starts in no token).
 */
const BLOCKED = 1
const IN_PLACE = 2

/** Flags the tokens of [start, end) as blocked, looking from token `from` (-1: from the first). */
function markBlocked(
  flags: Uint8Array,
  tokens: readonly Token[],
  from: number,
  start: number,
  end: number,
): void {
  for (let k = Math.max(0, from); k < tokens.length && tokens[k]!.start < end; k++) {
    if (tokens[k]!.end > start) flags[k] = BLOCKED
  }
}

function placePrefixFreed(
  doc: Doc,
  tokens: readonly Token[],
  span: { start: number; end: number },
  deps: FindDeps,
): number {
  const first = tokenAt(tokens, span.start)
  if (first < 0 || tokens[first + 1] === undefined || tokens[first + 1]!.start >= span.end) {
    return first
  }
  const last = tokenAt(tokens, span.end - 1, first)
  if (last <= first) return first
  const lower = lowerWords(doc)
  for (let e = first + 1; e <= Math.min(last, first + 3); e++) {
    const word = lower(e)
    const title = word.includes('.') ? word.replace(/\./g, '') : word
    if (!deps.cues.title.has(title)) continue
    const name = doc.text.slice(tokens[first]!.start, tokens[e - 1]!.end)
    if (deps.has(name) && deps.isMajor(name)) return e
  }
  return first
}

/**
 * The per-doc indexes below are kept for the doc being read (its tokens layer and text): one
 * slot, not a WeakMap, since a stage reads one doc at a time and WeakMap entries for every doc
 * cost the garbage collector more than the indexes themselves.
 */
let loweredFor: { tokens: readonly Token[]; text: string; read: (k: number) => string } | null =
  null

/**
 * Every token's text in lower case, filled on demand and kept per doc (keyed by its tokens
 * layer): the cue checks read the same few words around each name again and again. Out of range
 * reads as ''.
 */
export function lowerWords(doc: Doc): (k: number) => string {
  const tokens = doc.layers.tokens ?? []
  let read = loweredFor?.tokens === tokens && loweredFor.text === doc.text ? loweredFor.read : null
  if (!read) {
    const cache = new Array<string>(tokens.length)
    read = (k) => {
      if (k < 0 || k >= tokens.length) return ''
      let w = cache[k]
      if (w === undefined) {
        const t = tokens[k]!
        cache[k] = w = doc.text.slice(t.start, t.end).toLowerCase()
      }
      return w
    }
    loweredFor = { tokens, text: doc.text, read }
  }
  return read
}

function byStart(a: { start: number }, b: { start: number }): number {
  return a.start - b.start
}

/**
 * Sorts in place, stably; small arrays (an article's places) by insertion, without the scratch
 * copy Array.prototype.sort allocates on every call.
 */
export function sortSmall<T>(items: T[], compare: (a: T, b: T) => number): T[] {
  if (items.length > 32) return items.sort(compare)
  for (let i = 1; i < items.length; i++) {
    const item = items[i]!
    let j = i - 1
    while (j >= 0 && compare(items[j]!, item) > 0) {
      items[j + 1] = items[j]!
      j--
    }
    items[j + 1] = item
  }
  return items
}

/**
 * Index of the token containing offset, or -1. `near`: a token at or before the offset to look
 * from first (the end of a name is a few tokens after its start).
 */
export function tokenAt(tokens: readonly Token[], offset: number, near = -1): number {
  if (near >= 0 && near < tokens.length && tokens[near]!.start <= offset) {
    for (let k = near; k < tokens.length && k < near + 8; k++) {
      const t = tokens[k]!
      if (offset < t.start) return -1
      if (offset < t.end) return k
    }
  }
  let lo = 0
  let hi = tokens.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const t = tokens[mid]!
    if (offset < t.start) hi = mid - 1
    else if (offset >= t.end) lo = mid + 1
    else return mid
  }
  return -1
}

let startsFor: { tokens: readonly Token[]; doc: Doc; starts: Set<number> } | null = null

/** Token indexes of the first word of each sentence, computed once per doc (keyed by its tokens). */
export function sentenceStartTokens(doc: Doc, tokens: readonly Token[]): ReadonlySet<number> {
  if (startsFor?.tokens === tokens && startsFor.doc === doc) return startsFor.starts
  const starts = computeSentenceStarts(doc, tokens)
  startsFor = { tokens, doc, starts }
  return starts
}

function computeSentenceStarts(doc: Doc, tokens: readonly Token[]): Set<number> {
  const starts = new Set<number>()
  for (const sentence of doc.layers.sentences ?? []) {
    let i = tokenAt(tokens, sentence.start)
    // The first word, past opening quotes and brackets.
    while (i >= 0 && i < tokens.length && tokens[i]!.kind !== 'word') i++
    if (i >= 0) starts.add(i)
  }
  return starts
}

const UPPER = /\p{Lu}/u

function isCapitalised(text: string, token: Token): boolean {
  // wink calls words in other scripts (Cyrillic) "unk".
  if (token.kind !== 'word' && token.kind !== 'unk') return false
  const ch = text.charCodeAt(token.start)
  if (ch >= 65 && ch <= 90) return true
  // Other ASCII (lower case, digits, punctuation) is never upper case: no regex for it.
  return ch >= 128 && UPPER.test(text[token.start] ?? '')
}

/** One past the last token of a run of capitalised words (with connectors and hyphen joins inside). */
function extendRun(
  text: string,
  tokens: readonly Token[],
  from: number,
  isBlocked: (k: number) => boolean,
): number {
  let end = from + 1
  while (end < tokens.length && end - from < 12) {
    const t = tokens[end]!
    const previous = tokens[end - 1]!
    const touching = t.start === previous.end
    const word = text.slice(t.start, t.end)
    if (isBlocked(end)) break
    if (isCapitalised(text, t)) {
      end++
      continue
    }
    // "Rostov-on-Don", "Kam'ianske": hyphens and connectors inside a name, no spaces around hyphens.
    if (
      touching &&
      (word === '-' || word === '‑') &&
      end + 1 < tokens.length &&
      tokens[end + 1]!.start === t.end
    ) {
      end++
      continue
    }
    if (CONNECTORS.has(word) && end + 1 < tokens.length && isCapitalised(text, tokens[end + 1]!)) {
      end++
      continue
    }
    break
  }
  // A run never ends on a hyphen or connector.
  while (end > from + 1 && !isCapitalised(text, tokens[end - 1]!)) end--
  return end
}

/** Greedy longest gazetteer matches inside a run, left to right. */
function matchRun(
  doc: Doc,
  tokens: readonly Token[],
  from: number,
  to: number,
  sentenceStarts: ReadonlySet<number>,
  deps: FindDeps,
): Toponym[] {
  const text = doc.text
  const whole = spanText(text, tokens, from, to)
  if (deps.isDemonym(whole)) return []
  const out: Toponym[] = []
  let s = from
  // An organisation, event or facility name ("Munich Security Conference on Saturday"): a place
  // inside it is not a place. The name runs up to its head word; matching resumes after it.
  for (let k = to - 1; k > from; k--) {
    const head = lowerWords(doc)(k)
    if (deps.cues.embedded.has(head) && !deps.has(spanText(text, tokens, from, k + 1))) {
      s = k + 1
      break
    }
  }
  while (s < to) {
    let matched = false
    for (let e = Math.min(to, s + MAX_NAME_TOKENS); e > s; e--) {
      const name = spanText(text, tokens, s, e)
      // The cached gazetteer answer first: it is the cheapest test and rejects most spans.
      if (!deps.has(name)) continue
      if (e - s === 1 && !singleWordCandidate(text, tokens, s, sentenceStarts, deps)) continue
      if (e - s > 1 && deps.isDemonym(name)) continue
      if (followedByEventHead(text, tokens, e, deps) && e === to) break
      // Next to other capitalised words that are no place, a small place's name is more likely part
      // of a person's name ("Sandra Jansen", "Mel Gibson").
      const alone = s === from && e === to
      if (!alone && !deps.isMajor(name) && !nextToPlaceWord(text, tokens, s, e, from, to, deps))
        break
      out.push(
        withSuffix(
          doc,
          tokens,
          {
            start: tokens[s]!.start,
            end: tokens[e - 1]!.end,
            name,
            suffix: null,
            firstToken: s,
            lastToken: e,
            entity: null,
            source: 'gazetteer',
          },
          deps,
        ),
      )
      s = e
      matched = true
      break
    }
    if (!matched) s++
  }
  return out
}

function spanText(text: string, tokens: readonly Token[], a: number, b: number): string {
  return text.slice(tokens[a]!.start, tokens[b - 1]!.end)
}

/** Whether the capitalised neighbours of a match are themselves places or region words. */
function nextToPlaceWord(
  text: string,
  tokens: readonly Token[],
  s: number,
  e: number,
  from: number,
  to: number,
  deps: FindDeps,
): boolean {
  const word = (k: number) => text.slice(tokens[k]!.start, tokens[k]!.end)
  const before = s > from ? word(s - 1) : null
  const after = e < to ? word(e) : null
  const ok = (w: string | null) =>
    w === null ||
    deps.has(w) ||
    deps.cues.region.has(w.toLowerCase()) ||
    deps.cues.district.has(w.toLowerCase())
  return ok(before) && ok(after)
}

function singleWordCandidate(
  text: string,
  tokens: readonly Token[],
  i: number,
  sentenceStarts: ReadonlySet<number>,
  deps: FindDeps,
): boolean {
  const token = tokens[i]!
  const word = text.slice(token.start, token.end)
  const bare = word.replace(/\./g, '').toLowerCase()
  if (deps.cues.notPlace.has(bare)) return false
  if (CLOSED_CLASS.has(token.pos)) return false
  if (deps.isDemonym(word)) return false
  const letters = word.replace(/[^\p{L}]/gu, '')
  // Short title-case words are mostly not places ("Us", "He"); abbreviations are written in capitals or with dots.
  if (letters.length <= 3 && word !== word.toUpperCase() && !word.endsWith('.')) return false
  if (letters.length <= 1) return false
  // A capitalised sentence opener that the tagger does not call a proper noun is an ordinary word.
  if (sentenceStarts.has(i) && token.pos !== 'PROPN') return false
  return true
}

/** "Ramstein defense meeting", "Normandy format": the name belongs to an event. */
function followedByEventHead(
  text: string,
  tokens: readonly Token[],
  after: number,
  deps: FindDeps,
): boolean {
  for (let k = after; k < Math.min(tokens.length, after + 3); k++) {
    const t = tokens[k]!
    const word = text.slice(t.start, t.end)
    if (t.kind !== 'word' || isCapitalised(text, t)) return false
    if (EVENT_AFTER.has(word)) return true
    if (
      deps.cues.embedded.has(word) &&
      ['meeting', 'summit', 'conference', 'format'].includes(word)
    )
      return true
    if (t.pos !== 'NOUN' && t.pos !== 'ADJ') return false
  }
  return false
}

/** A region, district or front word after the name: "Rostov region", "Polohy district", "Kursk front". */
function withSuffix(doc: Doc, tokens: readonly Token[], toponym: Toponym, deps: FindDeps): Toponym {
  const next = tokens[toponym.lastToken]
  if (!next || next.kind !== 'word') return toponym
  const word = lowerWords(doc)(toponym.lastToken)
  // "Kotlyne village": read as a district word, but the word is no part of the name.
  if (deps.cues.settlement.has(word) && !isCapitalised(doc.text, next)) {
    return { ...toponym, suffix: 'district' }
  }
  const suffix: Suffix = deps.cues.region.has(word)
    ? 'region'
    : deps.cues.district.has(word)
      ? 'district'
      : deps.cues.front.has(word)
        ? 'front'
        : null
  if (!suffix) return toponym
  if (suffix === 'front') return { ...toponym, suffix }
  return { ...toponym, end: next.end, lastToken: toponym.lastToken + 1, suffix }
}
