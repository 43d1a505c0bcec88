import type { Doc, Entity, Mention, Quote, Span, Token } from '../../core/record.js'
import type { ClaimCandidate, ClaimLexicon, ClaimsOptions, IdPhrase } from './types.js'
import {
  F_ANAPHORIC,
  F_COPULA,
  F_DENY_CUE,
  F_NOT_FACT,
  F_NUMBER,
  F_PAST,
  F_PAST_AUX,
  F_PHRASE,
} from './word-classes.js'

// The part-of-speech tags as string constants. Tags read from the tagger's output are
// strings built at run time: every \`pos === 'VERB'\` on them compares characters. One
// lookup per token turns them into constants, which compare by identity.
const TAGS = new Map(
  [
    'ADJ',
    'ADP',
    'ADV',
    'AUX',
    'CCONJ',
    'DET',
    'INTJ',
    'NOUN',
    'NUM',
    'PART',
    'PRON',
    'PROPN',
    'PUNCT',
    'SCONJ',
    'SPACE',
    'SYM',
    'VERB',
    'X',
  ].map((tag) => [tag, tag]),
)

/** Quote rules (the quotes stage's `by`) that attribute views and intentions, not facts. */
const NOT_CLAIM_RULES = new Set(['quotes/attitude', 'quotes/attitude-nominal'])

/** Cue classes whose content is a wish, an order, a question or a stance, never a claim. */
const NOT_CLAIMS = new Set(['urge', 'call for', 'intend', 'evaluate', 'ask', 'believe'])
const DENY = 'deny'
const NO_CLASSES: ReadonlySet<string> = new Set()

/**
 * The doc's tokens seen once: a word id per token (one hash over its characters, no
 * substring, no Map lookup), and every match of the three phrase lists in token order.
 * Each claim's range query is then a binary search into those matches.
 */
export interface ClaimView {
  text: string
  tokens: readonly Token[]
  /** Token index → word id in the lexicon's table, or -1. */
  ids: Int32Array
  /** Token index → its part-of-speech tag as a string constant (see TAGS). */
  tags: string[]
  /** Token index → its start and end offsets. */
  starts: Int32Array
  ends: Int32Array
  /** Lower-case form of token `i` (a substring: only for the few tokens that need one). */
  lowerAt(i: number): string
  /** Whether token `i` ends in "ed" (lower case), without a substring. */
  endsInEd(i: number): boolean
  hedges: PhraseMatch<ClaimLexicon['hedges'][number]>[]
  denials: PhraseMatch<ClaimLexicon['denials'][number]>[]
  opinions: PhraseMatch<ClaimLexicon['opinions'][number]>[]
  /**
   * The matches each rule asks about, kept apart: a range query then finds its first
   * match at once instead of stepping over matches of other kinds (a long sentence full
   * of "reportedly" would make every claim in it step over all of them).
   */
  only: {
    verification: PhraseMatch<ClaimLexicon['hedges'][number]>[]
    underInvestigation: PhraseMatch<ClaimLexicon['hedges'][number]>[]
    hedgeNotVerification: PhraseMatch<ClaimLexicon['hedges'][number]>[]
    outletHedge: PhraseMatch<ClaimLexicon['hedges'][number]>[]
    denialNotVerb: PhraseMatch<ClaimLexicon['denials'][number]>[]
    negation: PhraseMatch<ClaimLexicon['denials'][number]>[]
  }
  /** Mentions and entities for the subjects of ", which it denies", indexed on first use. */
  refs?: { mentions: LayerIndex<Mention>; entities: Map<string, Entity> }
  /** Sentences as token ranges, long ones cut into pieces of MAX_SENTENCE_TOKENS. */
  sentences: [number, number][]
  lexicon: ClaimLexicon
}

/**
 * Longest sentence the rules see, in tokens. News sentences stay far below it (the
 * longest in the gold and PolNeAR sets has about 100); a longer run (a table, text
 * without full stops) is read in pieces, so a claim never spans more and the work stays
 * linear in the document.
 */
export const MAX_SENTENCE_TOKENS = 200

function sentenceRanges(doc: Doc, view: ClaimView): [number, number][] {
  const out: [number, number][] = []
  for (const sentence of doc.layers.sentences ?? []) {
    const [first, last] = tokenRange(view, sentence)
    if (last - first < MAX_SENTENCE_TOKENS) {
      out.push([first, last])
      continue
    }
    for (let from = first; from <= last; from += MAX_SENTENCE_TOKENS) {
      out.push([from, Math.min(last, from + MAX_SENTENCE_TOKENS - 1)])
    }
  }
  return out
}

export function claimView(doc: Doc, lexicon: ClaimLexicon): ClaimView {
  const tokens = doc.layers.tokens ?? []
  const n = tokens.length
  const text = doc.text
  // One buffer: word ids, then token starts, then token ends (range searches run over these
  // compact arrays instead of the token objects).
  const buffer = new Int32Array(3 * n)
  const ids = buffer.subarray(0, n)
  const starts = buffer.subarray(n, 2 * n)
  const ends = buffer.subarray(2 * n)
  const { table, flags } = lexicon
  // Tokens where a phrase of some list may start, so the phrase scan skips all others.
  const phraseStarts: number[] = []
  const tags: string[] = n < 50_000 ? new Array<string>(n) : []
  // Lower-casing the text once keeps offsets unless a character changes length ('İ') or
  // depends on context (final 'Σ'); then token by token. (A flat lower-cased copy also
  // reads fast whatever the representation of the doc's text.)
  const lowered = text.toLowerCase()
  const simple = lowered.length === text.length && !text.includes('\u03a3')
  const lower = simple ? [] : tokens.map((t) => text.slice(t.start, t.end).toLowerCase())
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!
    tags[i] = TAGS.get(t.pos) ?? t.pos
    starts[i] = t.start
    ends[i] = t.end
    const id = simple ? table.at(lowered, t.start, t.end) : table.get(lower[i]!)
    ids[i] = id
    if (id >= 0 && flags[id]! & F_PHRASE) phraseStarts.push(i)
  }
  const lowerAt = simple
    ? (i: number) => lowered.slice(starts[i]!, ends[i]!)
    : (i: number) => lower[i]!
  const endsInEd = simple
    ? (i: number) =>
        ends[i]! - starts[i]! >= 2 &&
        lowered.charCodeAt(ends[i]! - 1) === 100 && // d
        lowered.charCodeAt(ends[i]! - 2) === 101 // e
    : (i: number) => lower[i]!.endsWith('ed')
  const hedges = scanPhrases(ids, phraseStarts, lexicon.hedgesById)
  const denials = scanPhrases(ids, phraseStarts, lexicon.denialsById)
  const view: ClaimView = {
    text,
    tokens,
    tags,
    ids,
    starts,
    ends,
    lowerAt,
    endsInEd,
    hedges,
    denials,
    opinions: scanPhrases(ids, phraseStarts, lexicon.opinionsById),
    only: {
      verification: hedges.filter((h) => h.phrase.verification !== null),
      underInvestigation: hedges.filter((h) => h.phrase.verification === 'under-investigation'),
      hedgeNotVerification: hedges.filter((h) => h.phrase.kind !== 'verification'),
      outletHedge: hedges.filter(
        (h) => h.phrase.kind === 'adverb' || h.phrase.kind === 'verification',
      ),
      denialNotVerb: denials.filter((d) => d.phrase.kind !== 'verb'),
      negation: denials.filter((d) => d.phrase.kind === 'negation'),
    },
    sentences: [],
    lexicon,
  }
  view.sentences = sentenceRanges(doc, view)
  return view
}

/** Token index range [first, last] inside a span (last < first when none); two binary searches. */
export function tokenRange(view: ClaimView, span: Span): [number, number] {
  const { starts, ends } = view
  const n = ends.length
  let lo = 0
  let hi = n
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (ends[mid]! <= span.start) lo = mid + 1
    else hi = mid
  }
  const first = lo
  // Claims are short: step to the span's end, and search only past a few dozen tokens.
  const near = Math.min(n, first + 32)
  while (lo < near && starts[lo]! < span.end) lo++
  hi = lo < near ? lo : n
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (starts[mid]! < span.end) lo = mid + 1
    else hi = mid
  }
  return [first, Math.max(first - 1, lo - 1)]
}

/** A phrase found in the doc, with the token it starts at. */
export interface PhraseMatch<T> {
  phrase: T
  at: number
  /** Its last token. */
  end: number
}

/**
 * The matches inside the token range [first, last] (starting and ending inside), in
 * token order: a binary search to the first, then only the matches inside.
 */
export function matchPhrases<T>(
  all: readonly PhraseMatch<T>[],
  first: number,
  last: number,
): PhraseMatch<T>[] {
  const found: PhraseMatch<T>[] = []
  for (let k = firstMatchAt(all, first); k < all.length && all[k]!.at <= last; k++) {
    if (all[k]!.end <= last) found.push(all[k]!)
  }
  return found
}

/** The first match inside [first, last] that passes `test`, or undefined (no array built). */
export function findMatch<T>(
  all: readonly PhraseMatch<T>[],
  first: number,
  last: number,
  test: (phrase: T) => boolean,
): PhraseMatch<T> | undefined {
  for (let k = firstMatchAt(all, first); k < all.length && all[k]!.at <= last; k++) {
    const match = all[k]!
    if (match.end <= last && test(match.phrase)) return match
  }
  return undefined
}

function firstMatchAt(all: readonly PhraseMatch<unknown>[], first: number): number {
  let lo = 0
  let hi = all.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (all[mid]!.at < first) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** The phrases of a list at the tokens where some phrase starts, in token then list order. */
function scanPhrases<T>(
  ids: Int32Array,
  phraseStarts: readonly number[],
  byFirst: readonly (readonly IdPhrase<T>[] | undefined)[],
): PhraseMatch<T>[] {
  const found: PhraseMatch<T>[] = []
  const n = ids.length
  for (const i of phraseStarts) {
    const candidates = byFirst[ids[i]!]
    if (!candidates) continue
    for (const { phrase, ids: words } of candidates) {
      const end = i + words.length - 1
      if (end >= n) continue
      let k = 1
      while (k < words.length && ids[i + k] === words[k]) k++
      if (k === words.length) found.push({ phrase, at: i, end })
    }
  }
  return found
}

/**
 * Check-worthy: long enough, not a question, not an opinion, wish or exhortation,
 * and carrying something a fact-checker can check: a number, a name, or an event
 * told in the past or perfect.
 */
export function isCheckWorthy(
  view: ClaimView,
  span: Span,
  lexicon: ClaimLexicon,
  options: Required<ClaimsOptions>,
): boolean {
  const [first, last] = tokenRange(view, span)
  const { ids } = view
  const { flags, w } = lexicon
  let words = 0
  let signal = false
  let copula = false
  let adjective = false
  for (let i = first; i <= last; i++) {
    const pos = view.tags[i]!
    const id = ids[i]!
    const bits = id >= 0 ? flags[id]! : 0
    if (pos === 'PUNCT') {
      if (id === w['?']) return false
      continue
    }
    words++
    if (pos === 'NUM' || pos === 'PROPN' || bits & F_NUMBER) signal = true
    else if ((pos === 'VERB' || pos === 'ADJ') && (bits & F_PAST || view.endsInEd(i))) signal = true
    // "were operating", "had reached": past progressive and perfect.
    else if (pos === 'AUX' && bits & F_PAST_AUX && view.tags[i + 1] === 'VERB') signal = true
    if (pos === 'AUX' && bits & F_COPULA) copula = true
    if (pos === 'ADJ') adjective = true
  }
  if (words < options.minWords) return false
  // "to make the war more expensive …": a purpose, not a proposition.
  if (ids[first] === w.to && view.tags[first + 1] === 'VERB') return false
  // "it firmly opposed …", "we hope …": a stance or a wish as the main verb.
  const verb = firstVerb(view, first, last)
  if (verb >= 0 && ids[verb]! >= 0 && flags[ids[verb]!]! & F_NOT_FACT) return false
  // "we are working to verify the facts" is a verification state, not a claim.
  const leadsWithCheck = findMatch(view.only.underInvestigation, first, last, () => true)
  if (leadsWithCheck && leadsWithCheck.at <= first + 6) return false
  // "There was no military facility": a denial of fact is checkable.
  if (!signal && findMatch(view.only.negation, first, last, () => true)) signal = true
  for (const { phrase, at } of matchPhrases(view.opinions, first, last)) {
    if (phrase.kind === 'future' || phrase.kind === 'condition') continue
    // "can" states a generality; "cannot rule out" is a hedged claim.
    if (phrase.kind === 'generic' && ids[at + phrase.words.length] === w.not) continue
    return false
  }
  // "The claim is absurd", "The aim is simple": a short verdict, not a fact.
  if (words <= 6 && copula && adjective && !signal) return false
  return signal
}

function firstVerb(view: ClaimView, first: number, last: number): number {
  for (let i = first; i <= last; i++) if (view.tags[i] === 'VERB') return i
  return -1
}

/** A proposition ends before its explanation ("… intercepted because they flew …"). */
export function cutExplanation(view: ClaimView, span: Span): Span {
  const [first, last] = tokenRange(view, span)
  const because = view.lexicon.w.because
  for (let i = first + 3; i <= last; i++) {
    if (view.ids[i] === because) {
      const end = view.ids[i - 1] === view.lexicon.w[','] ? i - 2 : i - 1
      return { start: span.start, end: view.tokens[end]!.end }
    }
  }
  return span
}

/** Sentence pieces of a direct quote: each sentence, and each side of a colon. */
function directPieces(doc: Doc, view: ClaimView, quote: Quote): Span[] {
  const pieces: Span[] = []
  const sentences = doc.layers.sentences ?? []
  for (const part of quote.spans) {
    // Sentences are in text order: start at the first one that ends after the part starts.
    for (let s = firstEndingAfter(sentences, part.start); s < sentences.length; s++) {
      const sentence = sentences[s]!
      if (sentence.start >= part.end) break
      const start = Math.max(part.start, sentence.start)
      const end = Math.min(part.end, sentence.end)
      if (end - start < 3) continue
      pieces.push(...splitAtColon(view, trim(doc.text, { start, end })))
    }
  }
  return pieces
}

/** Index of the first span (in text order, not overlapping) whose end is after `offset`. */
function firstEndingAfter(spans: readonly Span[], offset: number): number {
  let lo = 0
  let hi = spans.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (spans[mid]!.end <= offset) lo = mid + 1
    else hi = mid
  }
  return lo
}

function splitAtColon(view: ClaimView, span: Span): Span[] {
  const [first, last] = tokenRange(view, span)
  const colon = view.lexicon.w[':']
  for (let i = first + 2; i < last - 2; i++) {
    if (view.ids[i] === colon) {
      return [
        { start: span.start, end: view.tokens[i - 1]!.end },
        { start: view.tokens[i + 1]!.start, end: span.end },
      ]
    }
  }
  return [span]
}

const EDGE = /[\s"“”„«»‘’']/
const TAIL = /[\s"“”„«»‘’',.;:]/

/** Without edge spaces, quotation marks and the final full stop or comma. */
function trim(text: string, span: Span): Span {
  let { start, end } = span
  while (start < end && EDGE.test(text[start]!)) start++
  while (end > start && TAIL.test(text[end - 1]!)) end--
  return { start, end }
}

/** The cue classes of a quote's cue word (its first word, lower case). */
function cueClasses(doc: Doc, view: ClaimView, quote: Quote): ReadonlySet<string> {
  const cue = quote.cue
  if (!cue) return NO_CLASSES
  // The first word is the token the cue starts with unless that token runs on without a space.
  const [first] = tokenRange(view, cue)
  const t = view.tokens[first]
  if (
    t &&
    t.start === cue.start &&
    (t.end === cue.end || (t.end < cue.end && /\s/.test(doc.text[t.end] ?? '')))
  ) {
    const id = view.ids[first]!
    return (id >= 0 ? view.lexicon.classesById[id] : undefined) ?? NO_CLASSES
  }
  const word = doc.text.slice(cue.start, cue.end).toLowerCase().split(/\s+/)[0] ?? ''
  return view.lexicon.cueClasses.get(word) ?? NO_CLASSES
}

function hasNotClaimClass(classes: ReadonlySet<string>): boolean {
  for (const c of classes) if (NOT_CLAIMS.has(c)) return true
  return false
}

/** Pure: claim candidates from the quotes layer and from the outlet's own voice. */
export function findClaims(
  doc: Doc,
  lexicon: ClaimLexicon,
  options: Required<ClaimsOptions>,
  view: ClaimView = claimView(doc, lexicon),
): ClaimCandidate[] {
  const quotes = doc.layers.quotes ?? []
  const out: ClaimCandidate[] = []
  quotes.forEach((quote, index) => {
    if (!quote.speakerName) return
    // Attributions of a view or an intention ("X wants …", "X's support for …") are no claims.
    if (NOT_CLAIM_RULES.has(quote.by)) return
    const classes = cueClasses(doc, view, quote)
    const claimant = quote.speakerName
    const claimantEntity = quote.speaker
    const via = [...quote.via]
    if (classes.has(DENY) && quote.speakerSpan && quote.speakerSpan.start < quote.start) {
      // "Moscow denied that …", "officials rejected the claim": the denial itself is the claim.
      const cue = quote.cue ?? quote
      const speakerLast = tokenRange(view, quote.speakerSpan)[1]
      const [cueFirst] = tokenRange(view, cue)
      // The speaker opens the claim only when nothing stands between it and the cue.
      let comma = false
      for (let k = speakerLast + 1; k < cueFirst; k++)
        if (view.ids[k] === lexicon.w[',']) comma = true
      const adjacent = cueFirst - speakerLast <= 3 && !comma
      const span = trim(doc.text, {
        start: adjacent ? quote.speakerSpan.start : cue.start,
        end: quote.end,
      })
      out.push(
        candidate(index, claimant, claimantEntity, via, span, 'denies', 'claims/denial', 0.75),
      )
      return
    }
    if (hasNotClaimClass(classes) && !classes.has('say')) return
    if (isAnaphoric(view, quote)) return
    if (classes.has('accuse') && quote.cue && isAfterOf(view, quote)) {
      // "accused the army of using residents as human shields": the accused and the act.
      const span = trim(doc.text, { start: quote.cue.end, end: quote.end })
      out.push(
        candidate(index, claimant, claimantEntity, via, span, null, 'claims/accusation', 0.65),
      )
      return
    }
    const pieces =
      quote.kind === 'direct' ? directPieces(doc, view, quote) : [trim(doc.text, quote)]
    const rule = `claims/from-${quote.kind}`
    for (const whole of pieces) {
      const piece = cutExplanation(view, whole)
      if (!isCheckWorthy(view, piece, lexicon, options)) continue
      out.push(candidate(index, claimant, claimantEntity, via, piece, null, rule, 0.7))
    }
  })
  out.push(...whichDenies(doc, view))
  if (options.outletVoice) out.push(...outletVoice(doc, view, quotes))
  return out.sort((a, b) => a.start - b.start)
}

/** A candidate with its properties written out (not spread: this runs for every piece). */
function candidate(
  quote: number | null,
  claimant: string,
  claimantEntity: string | null,
  via: string[],
  span: Span,
  stance: ClaimCandidate['stance'],
  rule: string,
  confidence: number,
): ClaimCandidate {
  return {
    start: span.start,
    end: span.end,
    quote,
    claimant,
    claimantEntity,
    via,
    stance,
    rule,
    confidence,
  }
}

function isAfterOf(view: ClaimView, quote: Quote): boolean {
  const [first] = tokenRange(view, quote)
  return first > 0 && view.ids[first - 1] === view.lexicon.w.of
}

function isAnaphoric(view: ClaimView, quote: Quote): boolean {
  const [first, last] = tokenRange(view, quote)
  if (last - first > 2 || last < 0) return false
  const id = view.ids[last]
  return id !== undefined && id >= 0 && (view.lexicon.flags[id]! & F_ANAPHORIC) !== 0
}

/**
 * "China has faced accusations of …, which it denies": a denial by the clause's subject; "…,
 * which the ministry denied" and "…, a claim Ukrainian officials rejected": by the one named.
 */
function whichDenies(doc: Doc, view: ClaimView): ClaimCandidate[] {
  const out: ClaimCandidate[] = []
  const { ids, lexicon } = view
  const comma = lexicon.w[',']
  const which = lexicon.w.which
  for (const [first, last] of view.sentences) {
    for (let i = first + 3; i + 2 <= last; i++) {
      if (ids[i] !== comma) continue
      // ", which X denied" and ", a claim (that) X rejected": the words before the denier.
      const lead = ids[i + 1] === which ? 1 : claimAppositive(view, i + 1)
      if (lead === 0) continue
      let verb = i + 1 + lead
      const limit = i + 5 + lead
      while (verb <= last && verb < limit && !isDenyCue(view, verb)) verb++
      if (verb > last || verb >= limit) continue
      // ", which the interior ministry denied": the denier is named in the relative clause;
      // ", which it denies": the denier is the sentence's subject.
      const denier = i + 1 + lead
      const named = verb > denier && !isAnaphoricRange(view, denier, verb - 1)
      if (lead > 1 && !named) continue
      const subject = named
        ? nounPhraseName(doc, view, denier, verb - 1)
        : subjectName(doc, view, first, i)
      if (!subject) continue
      // What is denied: a quote's content that runs up to the comma, else the whole clause.
      const end = view.tokens[i - 1]!.end
      const sentenceStart = view.tokens[first]!.start
      const quoted = (doc.layers.quotes ?? []).find(
        (q) => q.start > sentenceStart && q.start < end && q.end >= end,
      )
      out.push({
        start: named && quoted ? quoted.start : view.tokens[first]!.start,
        end,
        quote: null,
        claimant: subject.name,
        claimantEntity: subject.entity,
        via: [],
        stance: 'denies',
        rule: 'claims/which-denies',
        confidence: 0.6,
      })
    }
  }
  return out
}

/** The length of "a claim (that)" / "an allegation (that)" at token k, or 0. */
function claimAppositive(view: ClaimView, k: number): number {
  const text = (i: number) => {
    const t = view.tokens[i]
    return t ? view.text.slice(t.start, t.end).toLowerCase() : ''
  }
  const article = text(k)
  if (article !== 'a' && article !== 'an') return 0
  if (!view.lexicon.commentNouns.has(text(k + 1))) return 0
  return text(k + 2) === 'that' ? 3 : 2
}

/** Whether tokens [from, to] are a pronoun alone ("it", "they"). */
function isAnaphoricRange(view: ClaimView, from: number, to: number): boolean {
  if (to !== from) return false
  const id = view.ids[from]
  return id !== undefined && id >= 0 && (view.lexicon.flags[id]! & F_ANAPHORIC) !== 0
}

/** A noun phrase's name: the entity a mention inside it refers to, else its text. */
function nounPhraseName(
  doc: Doc,
  view: ClaimView,
  from: number,
  to: number,
): { name: string; entity: string | null } {
  // A mention that is the whole phrase names it; "Ukrainian" inside "Ukrainian officials" does not.
  return spanName(doc, view, { start: view.tokens[from]!.start, end: view.tokens[to]!.end }, true)
}

/** A span's name: the entity of the first mention overlapping it (covering it, if `whole`), else its text. */
function spanName(
  doc: Doc,
  view: ClaimView,
  span: Span,
  whole: boolean,
): { name: string; entity: string | null } {
  const refs = (view.refs ??= {
    mentions: layerIndex(doc.layers.mentions ?? []),
    entities: firstById(doc.layers.entities ?? []),
  })
  const mention = firstOverlapping(refs.mentions, span)
  const fits = mention && (!whole || (mention.start <= span.start && mention.end >= span.end))
  const entity = fits ? refs.entities.get(mention.entity) : undefined
  return entity
    ? { name: entity.name, entity: entity.id }
    : { name: doc.text.slice(span.start, span.end), entity: null }
}

function isDenyCue(view: ClaimView, i: number): boolean {
  const id = view.ids[i]!
  return id >= 0 && (view.lexicon.flags[id]! & F_DENY_CUE) !== 0
}

/** The name that opens a clause (its subject), resolved through the mentions layer when there is one. */
function subjectName(
  doc: Doc,
  view: ClaimView,
  first: number,
  before: number,
): { name: string; entity: string | null } | null {
  let i = first
  while (i < before && view.tags[i] !== 'PROPN') {
    if (view.tags[i] === 'VERB' || view.tags[i] === 'AUX') return null
    i++
  }
  if (i >= before) return null
  let j = i
  while (j + 1 < before && view.tags[j + 1] === 'PROPN') j++
  return spanName(doc, view, { start: view.tokens[i]!.start, end: view.tokens[j]!.end }, false)
}

/** Entities by id; the first of a repeated id wins, as a search of the layer would find it. */
function firstById(entities: readonly Entity[]): Map<string, Entity> {
  const byId = new Map<string, Entity>()
  for (const e of entities) if (!byId.has(e.id)) byId.set(e.id, e)
  return byId
}

/** A layer's spans for "first overlapping in layer order" queries. */
interface LayerIndex<T extends Span> {
  layer: readonly T[]
  /** Whether the layer is in text order (then `longest` bounds the walk back). */
  sorted: boolean
  longest: number
}

function layerIndex<T extends Span>(layer: readonly T[]): LayerIndex<T> {
  let sorted = true
  let longest = 0
  for (let k = 0; k < layer.length; k++) {
    if (k > 0 && layer[k]!.start < layer[k - 1]!.start) sorted = false
    longest = Math.max(longest, layer[k]!.end - layer[k]!.start)
  }
  return { layer, sorted, longest }
}

/**
 * The first span of a layer (in layer order) that overlaps `span`: in a layer in text
 * order, a binary search and a walk back only as far as the longest span reaches.
 */
function firstOverlapping<T extends Span>(index: LayerIndex<T>, span: Span): T | undefined {
  const { layer } = index
  if (!index.sorted) return layer.find((m) => m.start < span.end && m.end > span.start)
  let lo = 0
  let hi = layer.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (layer[mid]!.start < span.end) lo = mid + 1
    else hi = mid
  }
  let found: T | undefined
  for (let k = lo - 1; k >= 0 && layer[k]!.start + index.longest > span.start; k--) {
    if (layer[k]!.end > span.start) found = layer[k]
  }
  return found
}

/**
 * Spans sorted by start with the running maximum of their ends: whether any of them
 * overlaps a span is one binary search, not a scan of the layer.
 */
interface Coverage {
  starts: Float64Array
  maxEnd: Float64Array
}

function coverage(spans: Span[]): Coverage {
  spans.sort((a, b) => a.start - b.start)
  const starts = new Float64Array(spans.length)
  const maxEnd = new Float64Array(spans.length)
  let max = -Infinity
  spans.forEach((s, k) => {
    starts[k] = s.start
    max = Math.max(max, s.end)
    maxEnd[k] = max
  })
  return { starts, maxEnd }
}

function overlapsAny(cover: Coverage, span: Span): boolean {
  // The spans starting before the span's end; one of them overlaps iff the furthest end passes its start.
  let lo = 0
  let hi = cover.starts.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (cover.starts[mid]! < span.end) lo = mid + 1
    else hi = mid
  }
  return lo > 0 && cover.maxEnd[lo - 1]! > span.start
}

/** What the quotes cover: their content and their cues. */
function attributedSpans(quotes: readonly Quote[]): Span[] {
  const spans: Span[] = []
  for (const q of quotes) {
    spans.push({ start: q.start, end: q.end })
    if (q.cue) spans.push(q.cue)
  }
  return spans
}

/**
 * The outlet's own hedged statements: a sentence outside every quote that says
 * "reportedly", "allegedly" or that something "could not be independently verified".
 */
function outletVoice(doc: Doc, view: ClaimView, quotes: readonly Quote[]): ClaimCandidate[] {
  const outlet = doc.source.outlet
  if (!outlet) return []
  const out: ClaimCandidate[] = []
  let attributed: Coverage | undefined
  for (const [first, last] of view.sentences) {
    const hedge = findMatch(view.only.outletHedge, first, last, () => true)?.phrase
    if (!hedge) continue
    const sentence = { start: view.tokens[first]!.start, end: view.tokens[last]!.end }
    attributed ??= coverage(attributedSpans(quotes))
    if (overlapsAny(attributed, sentence)) continue
    const span = trim(doc.text, sentence)
    out.push({
      start: span.start,
      end: span.end,
      quote: null,
      claimant: outlet,
      claimantEntity: null,
      via: [],
      stance: 'hedges',
      rule: hedge.verification ? 'claims/outlet-unverified' : 'claims/outlet-hedge',
      confidence: 0.6,
    })
  }
  return out
}
