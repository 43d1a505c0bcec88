import type { CountKey, Doc, Entity, Mention, Place, PloverType, Span } from '../../core/record.js'
import { datelineSpan } from './dates.js'
import { byStart } from './order.js'
import { phraseIsAt, wordFilter } from './lexicon.js'
import { CLAUSE_BREAK } from './find.js'
import { cueAt, reportCues, type Cues } from './status.js'
import type { ActorFind, DateFind, SentenceView, TriggerHit } from './types.js'
import { GROUP_WORD, MODE_WORD } from './words.js'

// ------------------------------------------------------------------------------------ places

const DIRECTION =
  /^(north|south|east|west|northern|southern|eastern|western|northeast|northwest|southeast|southwest|km|kilometres|kilometers|miles)$/

/** Places of the sentence that locate something (not metonyms, not origins or reference points). */
export interface PlaceCandidateSpan {
  index: number
  span: Span
  /** A reference point ("west of Pokrovsk"): used only when nothing closer is named. */
  reference: boolean
}

export function sentencePlaces(
  doc: Doc,
  view: SentenceView,
  dateline: Span | null = null,
  groups: ActorLexicon['groups'] = new Map(),
): PlaceCandidateSpan[] {
  const out: PlaceCandidateSpan[] = []
  const spans = docIndex(doc).locationSpans
  for (let s = lowerBound(spans, view.start); s < spans.length; s++) {
    const { index, start, end } = spans[s]!
    if (start >= view.end) break
    const span: Span = { start, end }
    // The dateline's place is where the report was filed (the fallback), not an event's place.
    if (span.end > view.end || (dateline && start >= dateline.start && start < dateline.end))
      continue
    const k = firstTokenFrom(view, span.start)
    // "Police said …": a group noun the gazetteer also knows as a town (Police, Poland) acts.
    if (isGroupNoun(view, k, span, groups)) continue
    const after = firstTokenFrom(view, span.end)
    if (k < 0) continue
    // "launched from the Rostov region of Russia": where it came from, not where it happened.
    if (isOrigin(view, k)) continue
    // "Russia had fired …", "Moscow still uses": the place acts; it is not where anything happened.
    let v = after
    while (v >= 0 && v < view.tokens.length && view.tokens[v]!.pos === 'ADV') v++
    const governed = governedByPreposition(view, k)
    if (!governed && v >= 0 && /^(VERB|AUX)$/.test(view.tokens[v]?.pos ?? '')) continue
    // "Russia's Belgorod region", "Russia's shadow fleet": a possessive modifies what follows.
    if (/^['’]s$/.test(view.words[after] ?? '')) continue
    const reference = view.words[k - 1] === 'of' && DIRECTION.test(view.words[k - 2] ?? '')
    out.push({ index, span, reference })
  }
  // Spans are read in order of start, so the list is in order already (a sort is stable).
  for (let k = 1; k < out.length; k++)
    if (out[k]!.span.start < out[k - 1]!.span.start)
      return out.sort((a, b) => a.span.start - b.span.start)
  return out
}

/** Index of the sentence's first token starting at or after `at` (-1: none). */
function firstTokenFrom(view: SentenceView, at: number): number {
  const tokens = view.tokens
  for (let k = 0; k < tokens.length; k++) if (tokens[k]!.start >= at) return k
  return -1
}

/**
 * Whether a preposition governs the place starting at token k, also through a possessor: "in
 * Myanmar's Sagaing region killed …" locates the strike; the region is no subject of "killed".
 */
function governedByPreposition(view: SentenceView, k: number): boolean {
  let b = k - 1
  // "in southern Lebanon killed …": a direction belongs to the place.
  if (/^(north|south|east|west)(ern|-?(east|west)(ern)?)?$|^central$/.test(view.words[b] ?? '')) b--
  if (/^['’]s$/.test(view.words[b] ?? '')) {
    b--
    while (b >= 0 && view.tokens[b]!.pos === 'PROPN') b--
  }
  return view.tokens[b]?.pos === 'ADP'
}

const PLACE_PREPOSITIONS = new Set(['in', 'near', 'at', 'outside', 'around', 'into', 'towards'])

/** Whether a one-word place mention is a group noun of the actor lexicon ("Police", "Army"). */
function isGroupNoun(
  view: SentenceView,
  k: number,
  span: Span,
  groups: ActorLexicon['groups'],
): boolean {
  const token = view.tokens[k]
  if (!token || token.end !== span.end) return false
  // "gathered in Police": after a preposition of place the town reading stands.
  if (PLACE_PREPOSITIONS.has(view.words[k - 1] ?? '')) return false
  return (groups.get(view.words[k] as string) ?? []).some((g) => g.words.length === 1)
}

function isOrigin(view: SentenceView, k: number): boolean {
  for (let j = k - 1; j >= 0 && j >= k - 6; j--) {
    const w = view.words[j] as string
    if (w === 'from') return true
    if (CLAUSE_BREAK.has(w) || /^(VERB|AUX)$/.test(view.tokens[j]!.pos)) return false
  }
  return false
}

/**
 * Words between a verb and the place it takes: "captured (control of) the (strategic town of)
 * Lashio" (up to two lower-case words before the settlement noun).
 */
const TAKEN_PLACE_GAP =
  /^\s*(?:(?:full\s+|complete\s+)?control\s+(?:of|over)\s+)?(?:the\s+)?(?:(?:[a-z][a-z-]*\s+){0,2}(?:town|city|village|settlement|district|region|province|state|port)\s+of\s+)?$/

/**
 * An object that is a place by its noun, named or not: "captured the town", "seized the
 * airport", "took control of a key hill" (no number before it: "captured two soldiers"). The
 * noun must end its phrase: in "abducted the village chief" it only modifies the captive.
 */
const TAKEN_PLACE_NOUN =
  /^\s*(?:(?:full\s+|complete\s+)?control\s+(?:of|over)\s+)?(?:the|a|an)\s+(?:[a-z][a-z-]*\s+){0,2}(?:town|city|village|settlement|district|port|airport|airfield|air\s+base|base|bridge|hill|heights|positions?|territory|checkpoint|garrison|outpost|border\s+crossing|crossing|headquarters)(?=\s*(?:[,.;:)]|$)|\s+(?:on|in|at|near|of|from|after|before|and|by|during|late|early|overnight|last|this|yesterday|today|with|without|which|where|as|following)\b)/

/** Whether the trigger's object is a place ("captured Lashio", "seized the town of Bakhmut"). */
export function takesPlace(doc: Doc, hit: TriggerHit, places: PlaceCandidateSpan[]): boolean {
  const after = doc.text.slice(hit.end, hit.end + 80)
  if (TAKEN_PLACE_NOUN.test(after)) return true
  for (const c of places) {
    if (c.span.start < hit.end) continue
    return TAKEN_PLACE_GAP.test(doc.text.slice(hit.end, c.span.start))
  }
  return false
}

/**
 * How precisely a place locates an event: ACLED's precision (1 a town, 2 near one, 3 a region),
 * with a whole country one level worse than any region ("in Myanmar's Sagaing region" is Sagaing).
 */
export function placeLevel(place: Place | undefined): number {
  if (!place) return 3
  return place.precision + (place.feature === 'A.PCLI' ? 1 : 0)
}

/**
 * The most precise places tied to the trigger: the best ACLED precision level present, the one
 * nearest the trigger, and those listed with it ("near Tarasivka and Bilohorivka").
 */
export function placesFor(doc: Doc, hit: TriggerHit, all: PlaceCandidateSpan[]): number[] {
  const places = doc.layers.places ?? []
  if (all.length === 0) return []
  // One place named: it is the place (the commonest case, no lists built).
  if (all.length === 1) return [all[0]!.index]
  const level = (c: { index: number }) => placeLevel(places[c.index])
  let bestAll = Infinity
  let bestDirect = Infinity
  let direct = 0
  for (const c of all) {
    const l = level(c)
    if (l < bestAll) bestAll = l
    if (!c.reference) {
      direct++
      if (l < bestDirect) bestDirect = l
    }
  }
  // A reference point stands in only when it is more precise than anything else named.
  const onlyDirect = direct > 0 && bestDirect <= bestAll
  const best = onlyDirect ? bestDirect : bestAll
  const top: PlaceCandidateSpan[] = []
  for (const c of all) if ((!onlyDirect || !c.reference) && level(c) === best) top.push(c)
  // The first of the nearest.
  let nearest = top[0]!
  let near = distanceTo(hit, nearest.span)
  for (let k = 1; k < top.length; k++) {
    const d = distanceTo(hit, top[k]!.span)
    if (d < near) {
      nearest = top[k]!
      near = d
    }
  }
  const chosen = [nearest]
  for (const c of top) {
    if (chosen.some((x) => x.index === c.index)) continue
    const listed = chosen.some((x) => {
      const [a, b] = x.span.start < c.span.start ? [x.span, c.span] : [c.span, x.span]
      return /^\s*(,|and|or|, and)\s*$/.test(doc.text.slice(a.end, b.start))
    })
    if (listed) chosen.push(c)
  }
  // (Indexes are distinct: a candidate joins only when its index is not chosen yet.)
  return chosen.map((c) => c.index)
}

function distanceTo(hit: Span, s: Span): number {
  return s.start >= hit.end ? s.start - hit.end : hit.start - s.end + 1
}

/** The dateline's place ("MUNICH, Feb 14 (…) —"): where statements without a place were made. */
export function datelinePlace(doc: Doc): number | null {
  const places = doc.layers.places ?? []
  const from = datelineSpan(doc.text)?.start ?? 0
  // (A loop: no array per place.)
  for (let at = 0; at < places.length; at++) {
    const p = places[at]!
    if (p.use !== 'location') continue
    if (p.start === from) return at
    for (const s of p.mentions ?? []) if (s.start === from) return at
  }
  return null
}

// ------------------------------------------------------------------------------------ actors

export interface ActorLexicon {
  /** Group nouns ("forces", "coast guard") by first word. */
  groups: ReadonlyMap<string, { words: string[]; actorType: string | null; armed: boolean }[]>
  /** Number and quantity words ("four", "dozens"): never an actor or part of an actor's name. */
  numbers?: ReadonlySet<string>
}

function isQuantity(word: string, lex: ActorLexicon): boolean {
  const c = word.charCodeAt(0)
  return (c >= 48 && c <= 57) || lex.numbers?.has(word.split('-')[0] ?? '') === true
}

/** Words before a name that make it the medium of a statement ("on Telegram", "via X"). */
const CHANNEL_BEFORE = new Set(['on', 'via', 'through'])
/** Nouns after a name that make it a medium ("Telegram channel", "Facebook post"). */
const CHANNEL_AFTER = new Set([
  'channel',
  'channels',
  'post',
  'posts',
  'account',
  'page',
  'feed',
  'app',
  'messenger',
  'broadcast',
])
const SAYING_VERBS = new Set([
  'wrote',
  'writes',
  'posted',
  'posts',
  'said',
  'says',
  'announced',
  'reported',
  'published',
  'shared',
  'statement',
  'post',
  'video',
  'message',
  'appeared',
  'broadcast',
  'aired',
  'interview',
])

/** Whether a name mention is the medium of a statement rather than an actor. */
function isChannel(view: SentenceView, m: Span): boolean {
  let k = 0
  while (k < view.tokens.length && view.tokens[k]!.start < m.start) k++
  let e = k
  while (e < view.tokens.length && view.tokens[e]!.end <= m.end) e++
  if (CHANNEL_AFTER.has(view.words[e] ?? '')) return true
  if (!CHANNEL_BEFORE.has(view.words[k - 1] ?? '')) return false
  // "wrote on Telegram", "said in a video posted on X", "a statement on its website".
  for (let j = k - 2; j >= 0 && j >= k - 5; j--) {
    const w = view.words[j] as string
    if (SAYING_VERBS.has(w)) return true
    if (CLAUSE_BREAK.has(w)) return false
  }
  return false
}

const ACTOR_ENTITY_TYPES = new Set(['PERSON', 'ORG', 'GPE', 'NORP'])
const MODIFIER_POS = new Set(['PROPN', 'ADJ', 'NOUN'])

/** Actor phrases of a sentence: entity mentions and descriptive groups ("Russian troops"). */
interface DocIndex {
  entities: Map<string, Entity>
  locationStarts: Set<number>
  /** Every span of every location use (the place and its other mentions), sorted by start. */
  locationSpans: { index: number; start: number; end: number }[]
  /** Name and nominal mentions, sorted by start. */
  mentions: Mention[]
  /** Every mention (pronouns included) with its layer index, sorted by start (on first use). */
  allMentions: { at: number; start: number; mention: Mention }[] | null
  /**
   * By sentence index: the quotes (with a speaker) and claims (with a claimant) that overlap the
   * sentence, in layer order. A trigger lies inside one sentence, so only these can hold it; a scan
   * of every quote of the doc per trigger made the stage quadratic in document size.
   */
  sources: Map<number, { quotes: number[]; claims: number[] }> | null
}

// The upstream layers do not change while the events stage runs, so one index per doc serves
// every sentence (a scan of all mentions per sentence was the stage's slowest loop).
const indexes = new WeakMap<Doc, DocIndex>()
function docIndex(doc: Doc): DocIndex {
  let index = indexes.get(doc)
  if (!index) {
    // Built by loops: no pair array per entity, no filtered copy of the places.
    const entities = new Map<string, Entity>()
    for (const e of doc.layers.entities ?? []) entities.set(e.id, e)
    const locationStarts = new Set<number>()
    for (const p of doc.layers.places ?? []) if (p.use === 'location') locationStarts.add(p.start)
    index = {
      entities,
      locationStarts,
      locationSpans: locationSpansOf(doc),
      mentions: byStart((doc.layers.mentions ?? []).filter((m) => m.kind !== 'pronoun')),
      allMentions: null,
      sources: null,
    }
    indexes.set(doc, index)
  }
  return index
}

/** Every span of every location use (the place and its other mentions), by start then place. */
function locationSpansOf(doc: Doc): DocIndex['locationSpans'] {
  const out: DocIndex['locationSpans'] = []
  ;(doc.layers.places ?? []).forEach((p, index) => {
    if (p.use !== 'location') return
    out.push({ index, start: p.start, end: p.end })
    for (const x of p.mentions ?? []) out.push({ index, start: x.start, end: x.end })
  })
  return out.sort((a, b) => a.start - b.start || a.index - b.index)
}

function allMentionsOf(doc: Doc): NonNullable<DocIndex['allMentions']> {
  const index = docIndex(doc)
  index.allMentions ??= byStart(
    (doc.layers.mentions ?? []).map((mention, at) => ({ at, mention, start: mention.start })),
  )
  return index.allMentions
}

function sourcesOf(doc: Doc): NonNullable<DocIndex['sources']> {
  const index = docIndex(doc)
  index.sources ??= sourcesBySentence(doc)
  return index.sources
}

function sourcesBySentence(doc: Doc): NonNullable<DocIndex['sources']> {
  const sentences = doc.layers.sentences ?? []
  const out: NonNullable<DocIndex['sources']> = new Map()
  // Loops, not closures per quote and span: this runs once per doc on every doc.
  const quotes = doc.layers.quotes ?? []
  for (let i = 0; i < quotes.length; i++) {
    const q = quotes[i]!
    if (!q.speakerName) continue
    for (const s of q.spans) {
      for (let k = firstSentenceOf(sentences, s); k < sentences.length; k++) {
        if (sentences[k]!.start > s.end) break
        const list = bucketOf(out, k).quotes
        if (list.at(-1) !== i) list.push(i)
      }
    }
  }
  const claims = doc.layers.claims ?? []
  for (let i = 0; i < claims.length; i++) {
    const c = claims[i]!
    if (!c.claimant) continue
    for (let k = firstSentenceOf(sentences, c); k < sentences.length; k++) {
      if (sentences[k]!.start > c.end) break
      bucketOf(out, k).claims.push(i)
    }
  }
  return out
}

function bucketOf(
  out: NonNullable<DocIndex['sources']>,
  k: number,
): { quotes: number[]; claims: number[] } {
  let b = out.get(k)
  if (!b) out.set(k, (b = { quotes: [], claims: [] }))
  return b
}

/**
 * Sentences are in text order: the first whose end lies past the span's start. From there on,
 * every sentence that starts at or before the span's end (`<=`: a zero-length span at a
 * sentence's start belongs to it, the sentence's own source).
 */
function firstSentenceOf(sentences: readonly Span[], span: Span): number {
  let lo = 0
  let hi = sentences.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (sentences[mid]!.end <= span.start) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** First index in a start-sorted list whose start is at or after `at`. */
function lowerBound(list: readonly { start: number }[], at: number): number {
  let lo = 0
  let hi = list.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (list[mid]!.start < at) lo = mid + 1
    else hi = mid
  }
  return lo
}

export function sentenceActors(doc: Doc, view: SentenceView, lex: ActorLexicon): ActorFind[] {
  // Groups and names are kept apart and merged by start at the end: the same order as a stable
  // sort of the groups followed by the names, without a sort per sentence.
  const actors: ActorFind[] = []
  const named: ActorFind[] = []
  const { entities, locationStarts, mentions } = docIndex(doc)
  const groupFilter = wordFilter(lex.groups)
  const flags = view.flags
  for (let i = 0; i < view.words.length; i++) {
    const word = view.words[i] as string
    const may =
      flags !== undefined ? (flags[view.offset + i]! & GROUP_WORD) !== 0 : groupFilter.has(word)
    const list = may ? lex.groups.get(word) : undefined
    if (list === undefined) continue
    for (const g of list) {
      if (!phraseIsAt(view.words, i, g.words)) continue
      const end = i + g.words.length
      let from = i
      // "Four people", "Dozens of soldiers": a number is how many, not part of the actor's name.
      while (
        from > 0 &&
        from > i - 4 &&
        MODIFIER_POS.has(view.tokens[from - 1]!.pos) &&
        !isQuantity(view.words[from - 1] as string, lex)
      )
        from--
      const start = view.tokens[from]!.start
      const stop = view.tokens[end - 1]!.end
      actors.push({
        start,
        end: stop,
        name: doc.text.slice(start, stop),
        entity: null,
        actorType: g.actorType,
        armed: g.armed,
      })
      break
    }
  }
  for (let k = lowerBound(mentions, view.start); k < mentions.length; k++) {
    const m = mentions[k]!
    if (m.start >= view.end) break
    if (m.end > view.end) continue
    const entity = entities.get(m.entity)
    if (!entity || !ACTOR_ENTITY_TYPES.has(entity.type)) continue
    if (locationStarts.has(m.start)) continue
    // "wrote on Telegram", "said in a post on X", "a Telegram post": where it was said, not who acted.
    if (isChannel(view, m)) continue
    // "Four" in "Four people were killed": a quantity the tagger capitalised, not an actor.
    if (lex.numbers && namedByNumber(entity.name, lex.numbers)) continue
    // The first actor (groups, then names) that holds the mention.
    let list = actors
    let inside = holderOf(actors, m)
    if (inside < 0) {
      list = named
      inside = holderOf(named, m)
    }
    // An entity that is only the modifier of a group ("Russian" in "Russian troops") stays a group.
    if (inside >= 0 && entity.type === 'NORP') continue
    if (inside >= 0) list.splice(inside, 1)
    named.push({
      start: m.start,
      end: m.end,
      name: entity.name,
      entity: entity.id,
      actorType: null,
      armed: false,
    })
  }
  if (named.length === 0) return byStart(actors)
  if (actors.length === 0) return named
  return mergeByStart(byStart(actors), named)
}

function holderOf(actors: readonly ActorFind[], m: Span): number {
  for (let k = 0; k < actors.length; k++) {
    const a = actors[k]!
    if (a.start <= m.start && a.end >= m.end) return k
  }
  return -1
}

/** Two lists in order of start merged into one; on equal starts the first list's come first. */
function mergeByStart(a: readonly ActorFind[], b: readonly ActorFind[]): ActorFind[] {
  const out: ActorFind[] = []
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) out.push(b[j]!.start < a[i]!.start ? b[j++]! : a[i++]!)
  while (i < a.length) out.push(a[i++]!)
  while (j < b.length) out.push(b[j++]!)
  return out
}

/** Whether a name starts with a number word ("Four", "Twenty-three"); names repeat, so memoised. */
function namedByNumber(name: string, numbers: ReadonlySet<string>): boolean {
  let known = numberNames.get(numbers)
  if (!known) numberNames.set(numbers, (known = new Map()))
  let answer = known.get(name)
  if (answer === undefined) {
    answer = numbers.has(name.toLowerCase().split(/[\s-]+/)[0] ?? '')
    if (known.size >= 4096) known.clear()
    known.set(name, answer)
  }
  return answer
}
const numberNames = new WeakMap<ReadonlySet<string>, Map<string, boolean>>()

/** Who acts and who is acted on: the nearest actor before the trigger, and after it in the clause. */
export function actorsFor(view: SentenceView, hit: TriggerHit, actors: ActorFind[]): ActorFind[] {
  if (actors.length === 0) return []
  let clauseEnd = view.end
  for (let k = hit.last - view.offset; k < view.words.length; k++) {
    if (CLAUSE_BREAK.has(view.words[k] as string)) {
      clauseEnd = view.tokens[k]!.start
      break
    }
  }
  // The last actor ending before the trigger, and the first starting after it in the clause.
  let before: ActorFind | undefined
  let after: ActorFind | undefined
  for (const a of actors) {
    if (a.end <= hit.start) before = a
    if (after === undefined && a.start >= hit.end && a.start < clauseEnd) after = a
  }
  const agentAt = view.words.indexOf('by', hit.last - view.offset)
  let agent: ActorFind | undefined
  if (agentAt >= 0) {
    const from = view.tokens[agentAt]!.end
    for (const a of actors) {
      if (a.start >= from && a.start < clauseEnd) {
        agent = a
        break
      }
    }
  }
  const out: ActorFind[] = []
  if (agent) {
    out.push(agent)
    if (before && before !== agent) out.push(before)
  } else {
    if (before) out.push(before)
    if (after) out.push(after)
  }
  return out
}

// ------------------------------------------------------------------------------------ sources

const PRONOUN = /^(he|she|it|they|we|i)$/i

/**
 * Who the sentence attributes the trigger to: a quote's speaker or a claim's claimant when those
 * layers exist, else the subject of a speech verb in the sentence ("…, the ministry said").
 */
export function claimantFor(
  doc: Doc,
  view: SentenceView,
  hit: TriggerHit,
  cues: Cues,
  previous: string | null,
): string | null {
  const sources = sourcesOf(doc).get(view.index)
  if (sources) {
    const quotes = doc.layers.quotes ?? []
    for (const i of sources.quotes) {
      const q = quotes[i]!
      if (q.spans.some((s) => s.start <= hit.start && hit.end <= s.end)) return q.speakerName
    }
    const claims = doc.layers.claims ?? []
    for (const i of sources.claims) {
      const c = claims[i]!
      if (c.start <= hit.start && hit.end <= c.end) return c.claimant
    }
  }
  const w = view.words
  for (const i of reportCues(view, cues)) {
    const cue = cueAt(view, i, cues)!
    const at = view.offset + i
    if (at >= hit.first && at < hit.last) continue
    // After the trigger, only a tag clause attributes it: "…, the ministry said", "…," he said.
    const tag = at >= hit.last
    let name: string | null
    if (w[i] === 'according') name = phraseAfter(doc, view, i + cue.length)
    else if (tag && isBreak(w[i - 1])) name = phraseAfter(doc, view, i + 1)
    else name = phraseBefore(doc, view, i, tag) ?? (tag ? null : phraseAfter(doc, view, i + 1))
    if (!name) continue
    if (PRONOUN.test(name)) return resolvePronoun(doc, view, i) ?? previous ?? name
    // "the group said", "the service said": the source named before, when it is that kind.
    const generic = /^the (group|ministry|service|agency|army|administration|office)$/i.exec(name)
    if (generic && previous?.toLowerCase().includes(generic[1]!.toLowerCase())) return previous
    return name
  }
  return null
}

function isBreak(word: string | undefined): boolean {
  return word !== undefined && (CLAUSE_BREAK.has(word) || QUOTE_MARK.test(word))
}

function phraseBefore(doc: Doc, view: SentenceView, i: number, needBreak = false): string | null {
  let end = i - 1
  // "the ministry also said": adverbs between the subject and the verb are not the subject.
  while (end >= 0 && view.tokens[end]!.pos === 'ADV') end--
  let k = end
  while (
    k >= 0 &&
    !CLAUSE_BREAK.has(view.words[k] as string) &&
    !QUOTE_MARK.test(view.words[k] as string)
  ) {
    if (STOP_POS.has(view.tokens[k]!.pos) || /^(and|or|but|that)$/.test(view.words[k] as string))
      break
    k--
  }
  if (k + 1 > end || (needBreak && k >= 0 && !isBreak(view.words[k]))) return null
  const tokens = view.tokens.slice(k + 1, end + 1)
  if (!tokens.some((t) => /^(NOUN|PROPN|PRON)$/.test(t.pos))) return null
  return doc.text.slice(view.tokens[k + 1]!.start, view.tokens[end]!.end)
}

const QUOTE_MARK = /^["“”]$/
const STOP_POS = new Set(['VERB', 'AUX', 'SCONJ'])

function phraseAfter(doc: Doc, view: SentenceView, i: number): string | null {
  let k = i
  while (
    k < view.words.length &&
    !CLAUSE_BREAK.has(view.words[k] as string) &&
    view.tokens[k]!.pos !== 'VERB' &&
    view.words[k] !== 'that'
  )
    k++
  if (k <= i) return null
  return doc.text.slice(view.tokens[i]!.start, view.tokens[k - 1]!.end)
}

/** The first mention (in layer order) in the three words before the speech verb at i. */
function resolvePronoun(doc: Doc, view: SentenceView, i: number): string | null {
  const { entities } = docIndex(doc)
  const allMentions = allMentionsOf(doc)
  const from = view.tokens[Math.max(0, i - 3)]!.start
  const to = view.tokens[i]!.start
  let best: { at: number; mention: Mention } | null = null
  // (A mention starting past `to` ends past it too.)
  for (let k = lowerBound(allMentions, from); k < allMentions.length; k++) {
    const m = allMentions[k]!
    if (m.mention.start > to) break
    if (m.mention.end <= to && (!best || m.at < best.at)) best = m
  }
  return best ? (entities.get(best.mention.entity)?.name ?? null) : null
}

/** Whether a source reads as official: government, army, police, UN (the conventions' primary source). */
export function isOfficial(name: string | null, cues: Cues): boolean {
  if (!name) return false
  // Every trigger and figure asks about the sentence's source: the same few names.
  let known = officialCache.get(cues)
  if (!known) officialCache.set(cues, (known = new Map()))
  let official = known.get(name)
  if (official === undefined) {
    const words = name
      .toLowerCase()
      .replace(/[’']s\b/g, '')
      .split(/[^a-z-]+/)
    official = words.some((w) => cues.words.get(w) === 'official') || /united nations/i.test(name)
    if (known.size >= 4096) known.clear()
    known.set(name, official)
  }
  return official
}
const officialCache = new WeakMap<Cues, Map<string, boolean>>()

// ------------------------------------------------------------------------------------ dates

/** The date expression that belongs to the trigger: the nearest one that is not a statement's date. */
export function dateFor(
  hit: TriggerHit,
  dates: readonly DateFind[],
  others: readonly TriggerHit[] = [],
): DateFind | null {
  if (dates.length === 0) return null
  // "the upcoming meeting on 10 April … and urged Washington": a date next to another kind of
  // event belongs to that event.
  // A narrative day ("late in the evening") is the scene's, whichever event stands nearest.
  // The first nearest of the trigger's own dates, else the first nearest statement date.
  let best: DateFind | null = null
  let near = Infinity
  for (const d of dates) {
    if (d.statement || (!d.narrative && nearerToAnother(hit, d, others))) continue
    const g = gapTo(hit, d)
    if (best === null || g < near) {
      best = d
      near = g
    }
  }
  if (best !== null) return best
  for (const d of dates) {
    if (!d.statement) continue
    const g = gapTo(hit, d)
    if (best === null || g < near) {
      best = d
      near = g
    }
  }
  return best
}

function gapTo(h: { start: number; end: number }, d: DateFind): number {
  return d.start >= h.end ? d.start - h.end : h.start - d.end
}

/** Whether an event of another kind, not overlapping the date, stands nearer to it than the hit. */
function nearerToAnother(hit: TriggerHit, d: DateFind, others: readonly TriggerHit[]): boolean {
  for (const o of others) {
    if (
      o.entry.type !== hit.entry.type &&
      !(o.start < d.end && d.start < o.end) &&
      gapTo(o, d) < gapTo(hit, d)
    )
      return true
  }
  return false
}

// ------------------------------------------------------------------------------------ coding

export interface ModeCue {
  type: PloverType
  mode: string | null
  acled: string | null
}

/** A manner cue found in a sentence: its first word index and what it codes. */
interface CueSpot {
  at: number
  cue: ModeCue
}

/** Manner cues of a sentence by category, read once per sentence and category (in view.memo). */

function spotsOf(
  view: SentenceView,
  type: PloverType,
  index: ReadonlyMap<string, { words: string[]; value: ModeCue }[]>,
): CueSpot[] {
  const memo = view.memo
  const byType = (memo.spots ??= new Map()) as Map<PloverType, CueSpot[]>
  let spots = byType.get(type)
  if (spots) return spots
  spots = []
  let coveredTo = -1
  const modeFilter = wordFilter(index)
  const flags = view.flags
  for (let i = 0; i < view.words.length; i++) {
    const word = view.words[i] as string
    const may =
      flags !== undefined ? (flags[view.offset + i]! & MODE_WORD) !== 0 : modeFilter.has(word)
    const list = may ? index.get(word) : undefined
    if (!list) continue
    // Longest cue first (the first listed among equals), and a cue inside a longer one does not
    // count ("bomb" in "aerial bomb").
    let found: { words: string[]; value: ModeCue } | undefined
    for (const p of list) {
      if (p.value.type !== type || (found && p.words.length <= found.words.length)) continue
      if (phraseIsAt(view.words, i, p.words)) found = p
    }
    if (!found || i + found.words.length - 1 <= coveredTo) continue
    coveredTo = i + found.words.length - 1
    spots.push({ at: view.offset + i, cue: found.value })
  }
  byType.set(type, spots)
  return spots
}

/** Mode and ACLED type from the nearest manner cue of the same category in the sentence. */
export function cueCoding(
  view: SentenceView,
  hit: TriggerHit,
  index: ReadonlyMap<string, { words: string[]; value: ModeCue }[]>,
): ModeCue | null {
  let best: { d: number; cue: ModeCue } | null = null
  for (const { at, cue } of spotsOf(view, hit.entry.type, index)) {
    const d = at >= hit.last ? at - hit.last : at < hit.first ? hit.first - at : 0
    if (!best || d < best.d) best = { d, cue }
  }
  return best?.cue ?? null
}

/** Count keys that fit each category, for attaching a sentence's figures to its events. */
export const COUNT_TYPES: Record<CountKey, readonly PloverType[]> = {
  killed: ['ASSAULT'],
  injured: ['ASSAULT'],
  captured: ['ASSAULT'],
  engaged: ['ASSAULT'],
  arrested: ['COERCE'],
  displaced: ['ASSAULT', 'RETREAT'],
  participants: ['PROTEST'],
}
