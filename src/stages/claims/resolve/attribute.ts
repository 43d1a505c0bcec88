import type { Claim, Doc, Span, Stance, Verification } from '../../../core/record.js'
import { claimView, findMatch, tokenRange, type ClaimView } from '../find.js'
import type { ClaimCandidate, ClaimLexicon } from '../types.js'
import { F_DAY } from '../word-classes.js'

const YEAR = /^(1[89]|20)\d\d$/

/** The stance the words of a claim give: a denial outranks a hedge, which outranks an assertion. */
export function stanceOf(view: ClaimView, span: Span): Stance {
  const [first, last] = tokenRange(view, span)
  return stanceIn(view, first, last)
}

/** The stance of the tokens [first, last]. */
function stanceIn(view: ClaimView, first: number, last: number): Stance {
  if (findMatch(view.only.denialNotVerb, first, last, () => true)) return 'denies'
  if (findMatch(view.only.hedgeNotVerification, first, last, () => true)) return 'hedges'
  return 'asserts'
}

/** The verification state the words give (e.g. "could not be independently verified"). */
export function verificationOf(view: ClaimView, span: Span): Verification {
  const [first, last] = tokenRange(view, span)
  return verificationIn(view, first, last)
}

/** The verification state the tokens [first, last] give. */
function verificationIn(view: ClaimView, first: number, last: number): Verification {
  return findMatch(view.only.verification, first, last, () => true)?.phrase.verification ?? null
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
  view: ClaimView = claimView(doc, lexicon),
): Claim[] {
  const sentences = doc.layers.sentences ?? []
  const index = refIndex(doc)
  const claims: Claim[] = candidates.map((c) => {
    const sentence = sentenceAt(sentences, c.start) ?? c
    // The claim's tokens, found once for its stance, verification and references.
    const [first, last] = tokenRange(view, c)
    return {
      start: c.start,
      end: c.end,
      by: c.rule,
      confidence: c.confidence,
      claimant: c.claimant,
      claimantEntity: c.claimantEntity,
      via: c.via,
      stance: c.stance ?? stanceIn(view, first, last),
      verification: verificationIn(view, first, last) ?? verificationOf(view, sentence),
      quote: c.quote,
      refs: refsOf(doc, view, c, index, first, last),
    }
  })
  spreadVerification(doc, view, claims)
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

/**
 * The paragraph holding `offset` (the first whose [start, end] contains it), or -1:
 * a binary search to the last paragraph starting at or before it, then back over
 * paragraphs that touch it.
 */
function paragraphIndex(paragraphs: readonly Span[], offset: number): number {
  let lo = 0
  let hi = paragraphs.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (paragraphs[mid]!.start <= offset) lo = mid + 1
    else hi = mid
  }
  let found = -1
  for (let k = lo - 1; k >= 0 && paragraphs[k]!.end >= offset; k--) found = k
  return found
}

function spreadVerification(doc: Doc, view: ClaimView, claims: Claim[]) {
  const paragraphs = doc.layers.paragraphs ?? []
  const paragraphOf = claims.map((c) => paragraphIndex(paragraphs, c.start))
  let previous = -1
  claims.forEach((source, s) => {
    if (!source.verification || source.quote !== null) return
    // The outlet's verdict covers the claims of its paragraph and the one before. Claims
    // are in text order: those before it, walked back until an earlier paragraph, or
    // until the claims the previous verdict already covered (a verdict covers all claims
    // before it in its range, and a later verdict's range reaches no further back).
    const here = paragraphOf[s]!
    const before = previous >= 0 ? paragraphOf[previous]! : -1
    const stopBefore = before >= 0 && here >= before ? claims[previous]!.start : -Infinity
    previous = s
    for (let k = s - 1; k >= 0; k--) {
      const claim = claims[k]!
      const p = paragraphOf[k]!
      if (p >= 0 && p < here - 1) break
      if (claim.start < stopBefore) break
      if (claim.start < source.start && p >= here - 1 && !claim.verification) {
        claim.verification = source.verification
      }
    }
  })
  // A speaker's own "we are working to verify" covers that speaker's claims: the first
  // such quote of each speaker decides.
  const bySpeaker = new Map<string, Verification>()
  for (const quote of doc.layers.quotes ?? []) {
    if (!quote.speakerName || bySpeaker.has(quote.speakerName)) continue
    const state = verificationOf(view, quote)
    if (state) bySpeaker.set(quote.speakerName, state)
  }
  if (bySpeaker.size === 0) return
  for (const claim of claims) {
    const state = claim.claimant === null ? undefined : bySpeaker.get(claim.claimant)
    if (state && !claim.verification) claim.verification = state
  }
}

/** Spans of a layer sorted by start, each with its place in the layer, for range lookups. */
interface ByStart<T extends Span> {
  items: readonly T[]
  order: readonly number[]
}

function byStart<T extends Span>(layer: readonly T[]): ByStart<T> {
  const order = layer.map((_, i) => i)
  // Layers usually come in text order: sort only when they do not.
  for (let k = 1; k < layer.length; k++) {
    if (layer[k]!.start < layer[k - 1]!.start) {
      order.sort((a, b) => layer[a]!.start - layer[b]!.start)
      break
    }
  }
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
  if (hits.length > 1) hits.sort((a, b) => a - b)
  return hits.map((i) => items[i]!)
}

interface RefIndex {
  mentions: ByStart<NonNullable<Doc['layers']['mentions']>[number]>
  places: ByStart<NonNullable<Doc['layers']['places']>[number]>
}

function refIndex(doc: Doc): RefIndex {
  return { mentions: byStart(doc.layers.mentions ?? []), places: byStart(doc.layers.places ?? []) }
}

function refsOf(
  doc: Doc,
  view: ClaimView,
  span: Span,
  index: RefIndex,
  first: number,
  last: number,
): Claim['refs'] {
  const entities = [...new Set(insideOf(index.mentions, span).map((m) => m.entity))]
  const places = [...new Set(insideOf(index.places, span).map((p) => p.name))]
  const numbers: string[] = []
  const dates: string[] = []
  const { ids, tokens } = view
  const flags = view.lexicon.flags
  for (let i = first; i <= last; i++) {
    const t = tokens[i]!
    const pos = view.tags[i]
    if (pos === 'NUM') {
      const lower = view.lowerAt(i)
      if (YEAR.test(lower)) dates.push(lower)
      else numbers.push(doc.text.slice(t.start, t.end))
    } else if (ids[i]! >= 0 && flags[ids[i]!]! & F_DAY && pos !== 'AUX') {
      dates.push(doc.text.slice(t.start, t.end))
    }
  }
  return { entities, numbers, places, dates }
}
