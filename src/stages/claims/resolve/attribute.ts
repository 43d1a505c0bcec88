import { MONTHS, WEEKDAYS } from '../../../core/calendar.js'
import type { Claim, Doc, Span, Stance, Verification } from '../../../core/record.js'
import { claimView, matchPhrases, tokenRange, type ClaimView } from '../find.js'
import type { ClaimCandidate, ClaimLexicon } from '../types.js'

const DAY_WORDS = new Set([
  ...WEEKDAYS,
  ...MONTHS,
  'today',
  'yesterday',
  'tonight',
  'overnight',
  'dawn',
  'week',
  'month',
  'year',
  'weekend',
  'morning',
  'evening',
  'night',
])

/** The stance the words of a claim give: a denial outranks a hedge, which outranks an assertion. */
export function stanceOf(view: ClaimView, span: Span, lexicon: ClaimLexicon): Stance {
  const [first, last] = tokenRange(view, span)
  if (matchPhrases(view, first, last, lexicon.denialIndex).some((d) => d.phrase.kind !== 'verb')) {
    return 'denies'
  }
  const hedges = matchPhrases(view, first, last, lexicon.hedgeIndex)
  if (hedges.some((h) => h.phrase.kind !== 'verification')) return 'hedges'
  return 'asserts'
}

/** The verification state the words give (e.g. "could not be independently verified"). */
export function verificationOf(view: ClaimView, span: Span, lexicon: ClaimLexicon): Verification {
  const [first, last] = tokenRange(view, span)
  const found = matchPhrases(view, first, last, lexicon.hedgeIndex).find(
    (h) => h.phrase.verification,
  )
  if (found) return found.phrase.verification
  return null
}

/**
 * Pure: stance, verification and evidence for each candidate. A verification
 * statement reaches the claims it is about: the outlet's "could not be
 * independently verified" the claims just before it; a speaker's "we are working
 * to verify the facts" that speaker's claims.
 */
export function attributeClaims(
  doc: Doc,
  candidates: readonly ClaimCandidate[],
  lexicon: ClaimLexicon,
  view: ClaimView = claimView(doc),
): Claim[] {
  const sentences = doc.layers.sentences ?? []
  const index = refIndex(doc)
  const claims: Claim[] = candidates.map((c) => {
    const sentence = sentenceAt(sentences, c.start) ?? c
    return {
      start: c.start,
      end: c.end,
      by: c.rule,
      confidence: c.confidence,
      claimant: c.claimant,
      claimantEntity: c.claimantEntity,
      via: c.via,
      stance: c.stance ?? stanceOf(view, c, lexicon),
      verification: verificationOf(view, c, lexicon) ?? verificationOf(view, sentence, lexicon),
      quote: c.quote,
      refs: refsOf(doc, view, c, index),
    }
  })
  spreadVerification(doc, view, claims, lexicon)
  return claims
}

function sentenceAt(sentences: readonly Span[], offset: number): Span | undefined {
  let lo = 0
  let hi = sentences.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const s = sentences[mid]!
    if (offset < s.start) hi = mid - 1
    else if (offset >= s.end) lo = mid + 1
    else return s
  }
  return undefined
}

function spreadVerification(doc: Doc, view: ClaimView, claims: Claim[], lexicon: ClaimLexicon) {
  const paragraphs = doc.layers.paragraphs ?? []
  const paragraphOf = (offset: number) =>
    paragraphs.findIndex((p) => p.start <= offset && offset <= p.end)
  for (const source of claims) {
    if (!source.verification) continue
    if (source.quote === null) {
      // The outlet's verdict covers the claims of its paragraph and the one before.
      const here = paragraphOf(source.start)
      for (const claim of claims) {
        const p = paragraphOf(claim.start)
        if (
          claim !== source &&
          claim.start < source.start &&
          p >= here - 1 &&
          !claim.verification
        ) {
          claim.verification = source.verification
        }
      }
    }
  }
  // A speaker's own "we are working to verify" covers that speaker's claims.
  for (const quote of doc.layers.quotes ?? []) {
    const state = verificationOf(view, quote, lexicon)
    if (!state || !quote.speakerName) continue
    for (const claim of claims) {
      if (claim.claimant === quote.speakerName && !claim.verification) claim.verification = state
    }
  }
}

/** Spans of a layer sorted by start, each with its place in the layer, for range lookups. */
interface ByStart<T extends Span> {
  items: readonly T[]
  order: readonly number[]
}

function byStart<T extends Span>(layer: readonly T[]): ByStart<T> {
  const order = layer.map((_, i) => i).sort((a, b) => layer[a]!.start - layer[b]!.start)
  return { items: layer, order }
}

/**
 * The layer's spans inside `span`, in layer order (as a filter over the layer gives):
 * a binary search to the first start inside, then only the spans starting inside.
 */
function insideOf<T extends Span>(index: ByStart<T>, span: Span): T[] {
  const { items, order } = index
  let lo = 0
  let hi = order.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (items[order[mid]!]!.start < span.start) lo = mid + 1
    else hi = mid
  }
  const hits: number[] = []
  // Through starts equal to the span's end: a zero-length span there is inside too.
  for (let k = lo; k < order.length && items[order[k]!]!.start <= span.end; k++) {
    if (items[order[k]!]!.end <= span.end) hits.push(order[k]!)
  }
  return hits.sort((a, b) => a - b).map((i) => items[i]!)
}

interface RefIndex {
  mentions: ByStart<NonNullable<Doc['layers']['mentions']>[number]>
  places: ByStart<NonNullable<Doc['layers']['places']>[number]>
}

function refIndex(doc: Doc): RefIndex {
  return { mentions: byStart(doc.layers.mentions ?? []), places: byStart(doc.layers.places ?? []) }
}

function refsOf(doc: Doc, view: ClaimView, span: Span, index: RefIndex): Claim['refs'] {
  const entities = [...new Set(insideOf(index.mentions, span).map((m) => m.entity))]
  const places = [...new Set(insideOf(index.places, span).map((p) => p.name))]
  const numbers: string[] = []
  const dates: string[] = []
  const [first, last] = tokenRange(view, span)
  for (let i = first; i <= last; i++) {
    const t = view.tokens[i]!
    const lower = view.lower[i]!
    if (t.pos === 'NUM') {
      if (/^(1[89]|20)\d\d$/.test(lower)) dates.push(lower)
      else numbers.push(doc.text.slice(t.start, t.end))
    } else if (DAY_WORDS.has(lower) && t.pos !== 'AUX') {
      dates.push(doc.text.slice(t.start, t.end))
    }
  }
  return { entities, numbers, places, dates }
}
