import type { Doc, Quote, Span, Token } from '../../core/record.js'
import type { ClaimCandidate, ClaimLexicon, ClaimsOptions, PhraseIndex } from './types.js'

/** Cue classes whose content is a wish, an order, a question or a stance, never a claim. */
const NOT_CLAIMS = new Set(['urge', 'call for', 'intend', 'evaluate', 'ask', 'believe'])
const DENY = 'deny'
const IRREGULAR_PAST = new Set([
  'began',
  'brought',
  'built',
  'came',
  'caught',
  'did',
  'drove',
  'fell',
  'fled',
  'flew',
  'fought',
  'found',
  'gave',
  'got',
  'had',
  'held',
  'hit',
  'hurt',
  'kept',
  'knew',
  'laid',
  'led',
  'left',
  'lost',
  'made',
  'met',
  'paid',
  'put',
  'ran',
  'rose',
  'said',
  'saw',
  'sent',
  'set',
  'shook',
  'shot',
  'sold',
  'spent',
  'stood',
  'stole',
  'struck',
  'took',
  'threw',
  'told',
  'went',
  'won',
  'wrote',
  'was',
  'were',
  'been',
  'seized',
  'done',
  'gone',
  'taken',
  'shot',
  'blown',
  'broken',
])
const PAST_AUX = new Set(['was', 'were', 'had', 'has', 'have'])
const NOT_FACT_VERBS = new Set(['evaluate', 'intend', 'believe', 'urge'])
const NUMBER_WORDS = new Set([
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'dozen',
  'dozens',
  'hundred',
  'hundreds',
  'thousand',
  'thousands',
  'million',
  'millions',
  'billion',
  'half',
  'twenty',
  'thirty',
  'forty',
  'fifty',
  'sixty',
  'seventy',
  'eighty',
  'ninety',
  'tenfold',
])
const ANAPHORIC_OBJECTS = new Set([
  'claim',
  'claims',
  'allegation',
  'allegations',
  'accusation',
  'accusations',
  'report',
  'reports',
  'charge',
  'charges',
  'it',
  'this',
  'that',
  'them',
  'assertion',
  'suggestion',
])

/** The doc's tokens with lower-case forms, for phrase lookups. */
export interface ClaimView {
  text: string
  tokens: readonly Token[]
  lower: readonly string[]
  /** Every match of a phrase index over the whole doc, in token order, found on first use. */
  phraseMemo?: Map<PhraseIndex<{ words: readonly string[] }>, PhraseMatch<unknown>[]>
}

export function claimView(doc: Doc): ClaimView {
  const tokens = doc.layers.tokens ?? []
  return {
    text: doc.text,
    tokens,
    lower: lowerForms(doc.text, tokens),
  }
}

/**
 * Lower-case form of every token: the text lower-cased once and sliced (one string per
 * token, not two), unless lower-casing could change a length ('İ') or depend on
 * context (final 'Σ'); then token by token, as before.
 */
function lowerForms(text: string, tokens: readonly Token[]): string[] {
  const lowered = text.toLowerCase()
  const out = new Array<string>(tokens.length)
  if (lowered.length === text.length && !text.includes('\u03a3')) {
    for (let i = 0; i < tokens.length; i++) out[i] = lowered.slice(tokens[i]!.start, tokens[i]!.end)
  } else {
    for (let i = 0; i < tokens.length; i++) {
      out[i] = text.slice(tokens[i]!.start, tokens[i]!.end).toLowerCase()
    }
  }
  return out
}

/** Token index range [first, last] inside a span (last < first when none). */
export function tokenRange(view: ClaimView, span: Span): [number, number] {
  let lo = 0
  let hi = view.tokens.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (view.tokens[mid]!.end <= span.start) lo = mid + 1
    else hi = mid
  }
  let last = lo - 1
  while (last + 1 < view.tokens.length && view.tokens[last + 1]!.start < span.end) last++
  return [lo, last]
}

/** A phrase found in a span, with the token it starts at. */
export interface PhraseMatch<T> {
  phrase: T
  at: number
}

/**
 * Every indexed phrase inside the token range. The doc is scanned once per index (one
 * Map lookup per token) and each range is then a binary search into those matches: the
 * claims, their sentences and the quotes ask about overlapping ranges many times.
 */
export function matchPhrases<T extends { words: readonly string[] }>(
  view: ClaimView,
  first: number,
  last: number,
  index: PhraseIndex<T>,
): PhraseMatch<T>[] {
  const memo = (view.phraseMemo ??= new Map())
  let all = memo.get(index) as PhraseMatch<T>[] | undefined
  if (!all) {
    all = scanPhrases(view, 0, view.tokens.length - 1, index)
    memo.set(index, all)
  }
  let lo = 0
  let hi = all.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (all[mid]!.at < first) lo = mid + 1
    else hi = mid
  }
  const found: PhraseMatch<T>[] = []
  for (let k = lo; k < all.length && all[k]!.at <= last; k++) {
    const match = all[k]!
    if (match.at + match.phrase.words.length - 1 <= last) found.push(match)
  }
  return found
}

/** One pass over a token range, one Map lookup per token. */
function scanPhrases<T extends { words: readonly string[] }>(
  view: ClaimView,
  first: number,
  last: number,
  index: PhraseIndex<T>,
): PhraseMatch<T>[] {
  const found: PhraseMatch<T>[] = []
  for (let i = first; i <= last; i++) {
    const candidates = index.get(view.lower[i]!)
    if (!candidates) continue
    for (const phrase of candidates) {
      const words = phrase.words
      if (i + words.length - 1 > last) continue
      let k = 1
      while (k < words.length && view.lower[i + k] === words[k]) k++
      if (k === words.length) found.push({ phrase, at: i })
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
  let words = 0
  let signal = false
  let copula = false
  let adjective = false
  for (let i = first; i <= last; i++) {
    const t = view.tokens[i]!
    const lower = view.lower[i]!
    if (t.pos === 'PUNCT') {
      if (lower === '?') return false
      continue
    }
    words++
    if (t.pos === 'NUM' || NUMBER_WORDS.has(lower) || t.pos === 'PROPN') signal = true
    if (
      (t.pos === 'VERB' || t.pos === 'ADJ') &&
      (lower.endsWith('ed') || IRREGULAR_PAST.has(lower))
    ) {
      signal = true
    }
    // "were operating", "had reached": past progressive and perfect.
    if (t.pos === 'AUX' && PAST_AUX.has(lower) && view.tokens[i + 1]?.pos === 'VERB') signal = true
    if (t.pos === 'AUX' && ['is', 'are', 'was', "'s", '’s'].includes(lower)) copula = true
    if (t.pos === 'ADJ') adjective = true
  }
  if (words < options.minWords) return false
  const hedges = matchPhrases(view, first, last, lexicon.hedgeIndex)
  const denials = matchPhrases(view, first, last, lexicon.denialIndex)
  const opinions = matchPhrases(view, first, last, lexicon.opinionIndex)
  // "to make the war more expensive …": a purpose, not a proposition.
  if (view.lower[first] === 'to' && view.tokens[first + 1]?.pos === 'VERB') return false
  // "it firmly opposed …", "we hope …": a stance or a wish as the main verb.
  const verb = firstVerb(view, first, last)
  const verbClasses = verb >= 0 ? lexicon.cueClasses.get(view.lower[verb]!) : undefined
  if (verbClasses && [...verbClasses].some((c) => NOT_FACT_VERBS.has(c))) return false
  // "we are working to verify the facts" is a verification state, not a claim.
  const leadsWithCheck = hedges.some(
    (h) => h.phrase.verification === 'under-investigation' && h.at <= first + 6,
  )
  if (leadsWithCheck) return false
  // "There was no military facility": a denial of fact is checkable.
  if (denials.some((d) => d.phrase.kind === 'negation')) signal = true
  for (const { phrase, at } of opinions) {
    if (phrase.kind === 'future' || phrase.kind === 'condition') continue
    // "can" states a generality; "cannot rule out" is a hedged claim.
    if (phrase.kind === 'generic' && view.lower[at + phrase.words.length] === 'not') continue
    return false
  }
  // "The claim is absurd", "The aim is simple": a short verdict, not a fact.
  if (words <= 6 && copula && adjective && !signal) return false
  return signal
}

function firstVerb(view: ClaimView, first: number, last: number): number {
  for (let i = first; i <= last; i++) if (view.tokens[i]!.pos === 'VERB') return i
  return -1
}

/** A proposition ends before its explanation ("… intercepted because they flew …"). */
export function cutExplanation(view: ClaimView, span: Span): Span {
  const [first, last] = tokenRange(view, span)
  for (let i = first + 3; i <= last; i++) {
    if (view.lower[i] === 'because') {
      const end = isComma(view, i - 1) ? i - 2 : i - 1
      return { start: span.start, end: view.tokens[end]!.end }
    }
  }
  return span
}

function isComma(view: ClaimView, i: number): boolean {
  return view.lower[i] === ','
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
  for (let i = first + 2; i < last - 2; i++) {
    if (view.lower[i] === ':') {
      return [
        { start: span.start, end: view.tokens[i - 1]!.end },
        { start: view.tokens[i + 1]!.start, end: span.end },
      ]
    }
  }
  return [span]
}

/** Without edge spaces, quotation marks and the final full stop or comma. */
function trim(text: string, span: Span): Span {
  let { start, end } = span
  while (start < end && /[\s"“”„«»‘’']/.test(text[start]!)) start++
  while (end > start && /[\s"“”„«»‘’',.;:]/.test(text[end - 1]!)) end--
  return { start, end }
}

function cueClasses(
  doc: Doc,
  view: ClaimView,
  quote: Quote,
  lexicon: ClaimLexicon,
): ReadonlySet<string> {
  if (!quote.cue) return new Set()
  const word = doc.text.slice(quote.cue.start, quote.cue.end).toLowerCase().split(/\s+/)[0] ?? ''
  return lexicon.cueClasses.get(word) ?? new Set()
}

/** Pure: claim candidates from the quotes layer and from the outlet's own voice. */
export function findClaims(
  doc: Doc,
  lexicon: ClaimLexicon,
  options: Required<ClaimsOptions>,
  view: ClaimView = claimView(doc),
): ClaimCandidate[] {
  const quotes = doc.layers.quotes ?? []
  const out: ClaimCandidate[] = []
  quotes.forEach((quote, index) => {
    if (!quote.speakerName) return
    const classes = cueClasses(doc, view, quote, lexicon)
    const base = {
      quote: index,
      claimant: quote.speakerName,
      claimantEntity: quote.speaker,
      via: [...quote.via],
    }
    if (classes.has(DENY) && quote.speakerSpan && quote.speakerSpan.start < quote.start) {
      // "Moscow denied that …", "officials rejected the claim": the denial itself is the claim.
      const cue = quote.cue ?? quote
      const [speakerLast] = [tokenRange(view, quote.speakerSpan)[1]]
      const [cueFirst] = tokenRange(view, cue)
      // The speaker opens the claim only when nothing stands between it and the cue.
      const adjacent =
        cueFirst - speakerLast <= 3 && !view.lower.slice(speakerLast + 1, cueFirst).includes(',')
      const span = trim(doc.text, {
        start: adjacent ? quote.speakerSpan.start : cue.start,
        end: quote.end,
      })
      out.push({ ...base, ...span, stance: 'denies', rule: 'claims/denial', confidence: 0.75 })
      return
    }
    if ([...classes].some((c) => NOT_CLAIMS.has(c)) && !classes.has('say')) return
    if (isAnaphoric(view, quote)) return
    if (classes.has('accuse') && quote.cue && isAfterOf(view, quote)) {
      // "accused the army of using residents as human shields": the accused and the act.
      const span = trim(doc.text, { start: quote.cue.end, end: quote.end })
      out.push({ ...base, ...span, stance: null, rule: 'claims/accusation', confidence: 0.65 })
      return
    }
    const pieces =
      quote.kind === 'direct' ? directPieces(doc, view, quote) : [trim(doc.text, quote)]
    for (const whole of pieces) {
      const piece = cutExplanation(view, whole)
      if (!isCheckWorthy(view, piece, lexicon, options)) continue
      // Properties written out, not spread: this runs for every piece of every quote.
      out.push({
        quote: base.quote,
        claimant: base.claimant,
        claimantEntity: base.claimantEntity,
        via: base.via,
        start: piece.start,
        end: piece.end,
        stance: null,
        rule: `claims/from-${quote.kind}`,
        confidence: 0.7,
      })
    }
  })
  out.push(...whichDenies(doc, view, lexicon))
  if (options.outletVoice) out.push(...outletVoice(doc, view, lexicon, quotes))
  return out.sort((a, b) => a.start - b.start)
}

function isAfterOf(view: ClaimView, quote: Quote): boolean {
  const [first] = tokenRange(view, quote)
  return view.lower[first - 1] === 'of'
}

function isAnaphoric(view: ClaimView, quote: Quote): boolean {
  const [first, last] = tokenRange(view, quote)
  return last - first <= 2 && ANAPHORIC_OBJECTS.has(view.lower[last] ?? '')
}

/** "China has faced accusations of …, which it denies": a denial by the clause's subject. */
function whichDenies(doc: Doc, view: ClaimView, lexicon: ClaimLexicon): ClaimCandidate[] {
  const out: ClaimCandidate[] = []
  for (const sentence of doc.layers.sentences ?? []) {
    const [first, last] = tokenRange(view, sentence)
    for (let i = first + 3; i + 2 <= last; i++) {
      if (view.lower[i] !== ',' || view.lower[i + 1] !== 'which') continue
      let verb = i + 2
      while (
        verb <= last &&
        verb < i + 6 &&
        !(lexicon.cueClasses.get(view.lower[verb]!)?.has(DENY) ?? false)
      )
        verb++
      if (verb > last || verb >= i + 6) continue
      const subject = subjectName(doc, view, first, i)
      if (!subject) continue
      out.push({
        start: view.tokens[first]!.start,
        end: view.tokens[i - 1]!.end,
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

/** The name that opens a clause (its subject), resolved through the mentions layer when there is one. */
function subjectName(
  doc: Doc,
  view: ClaimView,
  first: number,
  before: number,
): { name: string; entity: string | null } | null {
  let i = first
  while (i < before && view.tokens[i]!.pos !== 'PROPN') {
    if (view.tokens[i]!.pos === 'VERB' || view.tokens[i]!.pos === 'AUX') return null
    i++
  }
  if (i >= before) return null
  let j = i
  while (j + 1 < before && view.tokens[j + 1]!.pos === 'PROPN') j++
  const span = { start: view.tokens[i]!.start, end: view.tokens[j]!.end }
  const mention = (doc.layers.mentions ?? []).find((m) => m.start < span.end && m.end > span.start)
  const entity = mention
    ? (doc.layers.entities ?? []).find((e) => e.id === mention.entity)
    : undefined
  return entity
    ? { name: entity.name, entity: entity.id }
    : { name: doc.text.slice(span.start, span.end), entity: null }
}

/**
 * The outlet's own hedged statements: a sentence outside every quote that says
 * "reportedly", "allegedly" or that something "could not be independently verified".
 */
function outletVoice(
  doc: Doc,
  view: ClaimView,
  lexicon: ClaimLexicon,
  quotes: readonly Quote[],
): ClaimCandidate[] {
  const outlet = doc.source.outlet
  if (!outlet) return []
  const out: ClaimCandidate[] = []
  const attributed = (s: Span) =>
    quotes.some(
      (q) =>
        (q.start < s.end && q.end > s.start) ||
        (q.cue !== null && q.cue.start < s.end && q.cue.end > s.start),
    )
  for (const sentence of doc.layers.sentences ?? []) {
    const [first, last] = tokenRange(view, sentence)
    const hedge = matchPhrases(view, first, last, lexicon.hedgeIndex).find(
      (h) => h.phrase.kind === 'adverb' || h.phrase.kind === 'verification',
    )?.phrase
    if (!hedge || attributed(sentence)) continue
    out.push({
      ...trim(doc.text, sentence),
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
