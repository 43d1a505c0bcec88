import type { Doc, Entity, Mention, Quote, Span } from '../../../core/record.js'
import { hasProperName } from '../phrases.js'
import type { QuoteCandidate, QuoteLexicon, SpeakerPhrase, TokenView } from '../types.js'

const PERSONAL_PRONOUNS = new Set(['he', 'she', 'i', 'we', 'you', 'who', 'one'])
const GROUP_PRONOUNS = new Set(['they', 'it'])
const KIND_RANK: Record<Mention['kind'], number> = { name: 3, nominal: 2, pronoun: 1 }
const RELAY_CLASSES = new Set(['report'])

interface Speaker {
  entity: string | null
  name: string | null
  anonymous: boolean
  /** Whether the phrase names someone (not a pronoun or bare description). */
  named: boolean
  head: string
}

/**
 * Pure: turn candidates into quotes. Speakers resolve through the mentions layer
 * (a mention covering the speaker phrase gives the entity and its canonical
 * name); without one, pronouns and definite descriptions ("the official")
 * resolve to the last fitting speaker, and a name falls back to the phrase text
 * without titles. Relay chains: "citing X" makes X the speaker and the citing
 * outlet an intermediary; "X says …, UNIAN reported" folds UNIAN into `via`.
 */
export function attributeQuotes(
  doc: Doc,
  view: TokenView,
  candidates: readonly QuoteCandidate[],
  lexicon: QuoteLexicon,
): Quote[] {
  // An article with no candidate (many have none) needs no mention or entity index.
  if (candidates.length === 0) return []
  const mentions = sortMentions(doc.layers.mentions ?? [])
  const entities = lazyEntities(doc.layers.entities ?? [])
  const history: { at: number; speaker: Speaker; phrase: Span | null }[] = []
  const quotes: Quote[] = []
  const sorted = [...candidates].sort((a, b) => firstStart(a) - firstStart(b))
  // Speakers are resolved in the order the reader meets them (attribution position).
  const byAttribution = sorted
    .map((c, index) => ({ c, index, at: c.attribution?.speaker?.span.start ?? firstStart(c) }))
    .sort((a, b) => a.at - b.at)
  const resolved = new Map<number, Speaker | null>()
  const relays = relayIndexes(sorted)
  for (const { c, index, at } of byAttribution) {
    if (c.inherit || !c.attribution) continue
    const origin = c.attribution.citing ?? c.attribution.speaker
    const speaker = origin
      ? resolveSpeaker(doc, view, origin, mentions, entities, lexicon, history)
      : null
    resolved.set(index, speaker)
    // A relaying outlet ("…, UNIAN reported") is not who "he" refers to next.
    if (speaker && speaker.name && !relays.has(index)) {
      history.push({ at, speaker, phrase: origin?.span ?? null })
    }
  }
  sorted.forEach((c, index) => {
    let speaker = resolved.get(index) ?? null
    const a = c.attribution
    if (c.inherit) speaker = inherited(view, c, quotes, sorted)
    const via = a ? [...a.via] : []
    if (a?.citing && a.speaker) {
      const relay = resolveSpeaker(doc, view, a.speaker, mentions, entities, lexicon, [])
      if (relay.name && !via.includes(relay.name)) via.push(relay.name)
    }
    const inheritedFrom = c.inherit ? quotes[quotes.length - 1] : undefined
    const start = c.spans[0]!.start
    const end = c.spans[c.spans.length - 1]!.end
    const speakerSpan = c.inherit
      ? (inheritedFrom?.speakerSpan ?? null)
      : ((a?.citing ?? a?.speaker)?.mention ?? (a?.citing ?? a?.speaker)?.span ?? null)
    quotes.push({
      start,
      end,
      by: c.inherit ? 'quotes/inherit-last-speaker' : (a?.rule ?? 'quotes/unattributed'),
      confidence: c.confidence,
      kind: c.kind,
      spans: c.spans,
      cue: c.inherit ? null : (a?.cue ?? null),
      speakerSpan,
      speaker: speaker?.entity ?? (c.inherit ? (inheritedFrom?.speaker ?? null) : null),
      speakerName: speaker?.name ?? (c.inherit ? (inheritedFrom?.speakerName ?? null) : null),
      anonymous: speaker?.anonymous ?? (c.inherit ? (inheritedFrom?.anonymous ?? false) : false),
      via: c.inherit ? [...(inheritedFrom?.via ?? [])] : via,
    })
  })
  return foldRelays(quotes, sorted)
}

/** Candidates that only relay another quote ("X says …, UNIAN has reported"). */
function relayIndexes(candidates: readonly QuoteCandidate[]): Set<number> {
  const relays = new Set<number>()
  const cues = cueIndex(candidates.map((c) => c.attribution?.cue ?? null))
  candidates.forEach((outer, o) => {
    const sense = outer.attribution?.sense
    if (!sense || !RELAY_CLASSES.has(sense.cls) || outer.kind === 'direct') return
    const start = outer.spans[0]!.start
    const end = outer.spans[outer.spans.length - 1]!.end
    let relays_ = false
    forCuesInside(cues, start, end, (n) => {
      if (n !== o) relays_ = true
    })
    if (relays_) relays.add(o)
  })
  return relays
}

/** Cue spans sorted by start, with the item each belongs to. */
interface CueIndex {
  cues: Span[]
  items: number[]
}

function cueIndex(cues: readonly (Span | null)[]): CueIndex {
  const items: number[] = []
  if (cues.length <= 24) {
    // Few quotes (the usual article): scanned in order, no sorting (see forCuesInside).
    for (let k = 0; k < cues.length; k++) if (cues[k]) items.push(k)
    return { cues: items.map((k) => cues[k]!), items }
  }
  for (let k = 0; k < cues.length; k++) if (cues[k]) items.push(k)
  let sorted = true
  for (let k = 1; k < items.length && sorted; k++) {
    if (cues[items[k]!]!.start < cues[items[k - 1]!]!.start) sorted = false
  }
  if (!sorted) items.sort((a, b) => cues[a]!.start - cues[b]!.start || a - b)
  return { cues: items.map((k) => cues[k]!), items }
}

/**
 * Calls `visit` with each item whose cue lies inside [start, end]: a binary search to the
 * first cue starting there, then only the cues inside (a relay's content is one sentence).
 */
function forCuesInside(index: CueIndex, start: number, end: number, visit: (item: number) => void) {
  const { cues, items } = index
  if (cues.length <= 24) {
    // Few cues (the usual article): a plain scan, cheaper than the search.
    for (let k = 0; k < cues.length; k++) {
      if (cues[k]!.start >= start && cues[k]!.end <= end) visit(items[k]!)
    }
    return
  }
  let lo = 0
  let hi = cues.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (cues[mid]!.start < start) lo = mid + 1
    else hi = mid
  }
  for (let k = lo; k < cues.length && cues[k]!.start <= end; k++) {
    if (cues[k]!.end <= end) visit(items[k]!)
  }
}

function firstStart(c: QuoteCandidate): number {
  return c.spans[0]!.start
}

/** An unattributed quote paragraph takes the speaker of the quote before it (same or previous paragraph). */
function inherited(
  view: TokenView,
  c: QuoteCandidate,
  done: readonly Quote[],
  _all: readonly QuoteCandidate[],
): Speaker | null {
  const previous = done[done.length - 1]
  if (!previous || !previous.speakerName) return null
  const paragraphOf = (offset: number) => {
    let lo = 0
    let hi = view.tokens.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (view.tokens[mid]!.end <= offset) lo = mid + 1
      else hi = mid
    }
    return view.paragraphOf[lo] ?? 0
  }
  if (paragraphOf(c.spans[0]!.start) - paragraphOf(previous.end) > 1) return null
  return {
    entity: previous.speaker,
    name: previous.speakerName,
    anonymous: previous.anonymous,
    named: true,
    head: '',
  }
}

/** "X says …, UNIAN has reported": the reporting quote becomes `via` of the quote it reports. */
function foldRelays(quotes: Quote[], candidates: readonly QuoteCandidate[]): Quote[] {
  const drop = new Set<number>()
  const cues = cueIndex(quotes.map((q) => q.cue))
  quotes.forEach((outer, o) => {
    const sense = candidates[o]?.attribution?.sense
    if (!sense || !RELAY_CLASSES.has(sense.cls) || outer.kind === 'direct') return
    if (!outer.speakerName) return
    const name = outer.speakerName
    forCuesInside(cues, outer.start, outer.end, (n) => {
      if (n === o) return
      const inner = quotes[n]!
      if (!inner.via.includes(name)) inner.via.push(name)
      drop.add(o)
    })
  })
  return quotes.filter((_, index) => !drop.has(index))
}

/**
 * The mentions (sorted by start) that overlap the span, in order. Binary search for the
 * first mention starting at or after the span's end, then walk back only as far as the
 * longest mention could reach: a speaker lookup is logarithmic, not a scan of the doc.
 */
function overlapping(mentions: SortedMentions, span: Span): Mention[] {
  const list = mentions.list
  let lo = 0
  let hi = list.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (list[mid]!.start < span.end) lo = mid + 1
    else hi = mid
  }
  const found: Mention[] = []
  for (let k = lo - 1; k >= 0; k--) {
    const m = list[k]!
    if (m.start + mentions.longest <= span.start) break
    if (m.end > span.start) found.push(m)
  }
  return found.reverse()
}

export interface SortedMentions {
  list: readonly Mention[]
  /** The longest mention's length: how far back an overlapping mention can start. */
  longest: number
}

function sortMentions(mentions: readonly Mention[]): SortedMentions {
  // The layer is usually in text order already: then no copy and no sort. One pass finds
  // both the order and the longest mention (the same whatever the order).
  let sorted = true
  let longest = 0
  for (let k = 0; k < mentions.length; k++) {
    const m = mentions[k]!
    if (k > 0 && m.start < mentions[k - 1]!.start) sorted = false
    if (m.end - m.start > longest) longest = m.end - m.start
  }
  const list = sorted ? mentions : [...mentions].sort((a, b) => a.start - b.start)
  return { list, longest }
}

/** Entities by id; the index is built on the first lookup (many docs never need one). */
export interface EntityLookup {
  get(id: string): Entity | undefined
}

function lazyEntities(list: readonly Entity[]): EntityLookup {
  let byId: Map<string, Entity> | undefined
  return {
    get: (id) => {
      // The entities stage numbers its entities e1, e2, … in layer order: that slot first, so
      // most docs never build the index.
      const guess = list[entityNumber(id) - 1]
      if (guess !== undefined && guess.id === id) return guess
      return (byId ??= new Map(list.map((e) => [e.id, e]))).get(id)
    },
  }
}

/** n for an id "e<n>", else 0. */
function entityNumber(id: string): number {
  if (id.length < 2 || id.length > 7 || id.charCodeAt(0) !== 101) return 0
  let n = 0
  for (let k = 1; k < id.length; k++) {
    const d = id.charCodeAt(k) - 48
    if (d < 0 || d > 9) return 0
    n = n * 10 + d
  }
  return n
}

export function resolveSpeaker(
  doc: Doc,
  view: TokenView,
  phrase: SpeakerPhrase,
  mentions: SortedMentions,
  entities: EntityLookup,
  lexicon: QuoteLexicon,
  history: readonly { at: number; speaker: Speaker }[],
): Speaker {
  const head = headToken(view, phrase)
  const headLower = view.lower[head] ?? ''
  const text = doc.text.slice(phrase.span.start, phrase.span.end)
  const headRaw = doc.text[view.tokens[head]!.start] ?? ''
  const named =
    hasProperName(view, phrase) &&
    (view.pos[head]! === 'PROPN' || headRaw !== headRaw.toLowerCase())
  const anonymous =
    view.pos[head]! !== 'PROPN' &&
    lexicon.anonymousHeads.has(headLower) &&
    !isDefinite(view, phrase)
  const isPronoun = phrase.first === phrase.last && view.pos[phrase.first]! === 'PRON'
  // An anonymous source keeps its description even when coreference links it to another mention.
  if (anonymous) {
    return { entity: null, name: text, anonymous: true, named: false, head: headLower }
  }
  // The mention must cover the head ("Hou Zhenyu", not "Chinese foreign ministry", in
  // "Chinese foreign ministry spokesman Hou Zhenyu").
  const headSpan = view.tokens[head]!
  const best = overlapping(mentions, headSpan).sort(
    (a, b) => KIND_RANK[b.kind] - KIND_RANK[a.kind] || b.end - b.start - (a.end - a.start),
  )[0]
  const entity = best ? entities.get(best.entity) : undefined
  if (entity) {
    return { entity: entity.id, name: entity.name, anonymous: false, named: true, head: headLower }
  }
  if (isPronoun) {
    const wanted = PERSONAL_PRONOUNS.has(headLower)
      ? 'person'
      : GROUP_PRONOUNS.has(headLower)
        ? 'group'
        : 'any'
    const previous = lastFitting(history, wanted)
    if (previous) return { ...previous, head: headLower }
    return { entity: null, name: text, anonymous: false, named: false, head: headLower }
  }
  if (!named && isDefinite(view, phrase) && phrase.last === phrase.first + 1) {
    // "the official", "the ministry", "the brigade": the last speaker known by that head word.
    for (let k = history.length - 1; k >= 0; k--) {
      const h = history[k]!.speaker
      if (
        h.name &&
        (h.head === headLower || h.name.toLowerCase().split(/\s+/).includes(headLower))
      ) {
        return { ...h, head: headLower }
      }
    }
  }
  return {
    entity: null,
    name: named ? displayName(doc, view, phrase, lexicon) : text,
    anonymous: false,
    named,
    head: headLower,
  }
}

/** The head noun: the last noun before the first inner preposition ("a source in the General Staff"). */
export function headToken(view: TokenView, phrase: SpeakerPhrase): number {
  const head = phrase.last
  for (let k = phrase.first + 1; k <= phrase.last; k++) {
    if (view.pos[k]! === 'ADP' || (view.pos[k]! === 'ADJ' && view.pos[k + 1] === 'ADP')) {
      for (let h = k - 1; h >= phrase.first; h--) {
        if (['NOUN', 'PROPN', 'NUM', 'PRON'].includes(view.pos[h]!)) return h
      }
      break
    }
  }
  return head
}

function isDefinite(view: TokenView, phrase: SpeakerPhrase): boolean {
  return ['the', 'this', 'that'].includes(view.lower[phrase.first] ?? '')
}

function lastFitting(
  history: readonly { at: number; speaker: Speaker }[],
  wanted: 'person' | 'group' | 'any',
): Speaker | null {
  for (let k = history.length - 1; k >= 0; k--) {
    const s = history[k]!.speaker
    if (!s.name) continue
    if (wanted === 'any') return s
    const plural = s.head.endsWith('s') && !s.named
    if (wanted === 'person' && !plural) return s
    if (wanted === 'group') return s
  }
  return null
}

/**
 * A name without its titles and determiner: "Ukrainian President Volodymyr
 * Zelenskyy" → "Volodymyr Zelenskyy"; "the army's 6th Infantry Division" → "6th
 * Infantry Division"; "Russia's Defence Ministry" keeps its proper possessor.
 */
export function displayName(
  doc: Doc,
  view: TokenView,
  phrase: SpeakerPhrase,
  lexicon: QuoteLexicon,
): string {
  // The trailing run of name words, with their glue ("Kyiv School of Economics",
  // "Russia's Defence Ministry", "6th Infantry Division").
  let first = phrase.last
  const isNameWord = (k: number) => {
    const pos = view.pos[k]
    const raw = doc.text[view.tokens[k]!.start] ?? ''
    return (
      pos === 'PROPN' ||
      (raw !== raw.toLowerCase() && pos !== 'DET') ||
      /^\d+(st|nd|rd|th)$/.test(view.lower[k]!)
    )
  }
  if (!isNameWord(first)) return doc.text.slice(phrase.span.start, phrase.span.end)
  while (first - 1 >= phrase.first) {
    const k = first - 1
    const lower = view.lower[k]!
    const glue =
      ["'s", '’s', 'of', '&', '-', 'and', 'in', 'for', 'on'].includes(lower) &&
      k - 1 >= phrase.first &&
      isNameWord(k - 1)
    if (isNameWord(k) || glue) first = k
    else break
  }
  // A common-noun possessor before the run ("the army's") is dropped with it; titles too.
  while (first < phrase.last - 1 && lexicon.titles.has(view.lower[first]!.replace(/\.$/, '')))
    first++
  return doc.text.slice(view.tokens[first]!.start, view.tokens[phrase.last]!.end)
}
