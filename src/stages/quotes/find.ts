import { MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS } from '../../core/calendar.js'
import { isDatelineDash } from '../../core/dateline.js'
import type { Doc, Span } from '../../core/record.js'
import { wordKey } from './lexicon.js'
import { contentParts, findQuoteMarks } from './marks.js'
import { containsAny, coverage, overlapsAny } from './spans.js'
import {
  isVerbalFiller,
  phraseEndingAt,
  hasProperName,
  phraseStartingAt,
  subjectAfter,
  subjectBefore,
  withTrailingApposition,
} from './phrases.js'
import type {
  Attribution,
  CueMatch,
  CueSense,
  MarkedSpan,
  QuoteCandidate,
  QuoteLexicon,
  QuotesOptions,
  SpeakerPhrase,
  TokenView,
} from './types.js'
import { buildView, isPunct, isQuoteMark, tokenAt, tokenSpan } from './view.js'

export interface FindOptions extends Required<QuotesOptions> {
  lexicon: QuoteLexicon
  /** The publishing outlet: in the relay chain only when the text says the source spoke to it. */
  outlet?: string | null
}

// Heads of adjunct phrases between a cue and its content ("said on Saturday in a statement that").
const ADJUNCT_HEADS = new Set([
  ...WEEKDAYS,
  ...MONTHS,
  'morning',
  'afternoon',
  'evening',
  'night',
  'day',
  'week',
  'weekend',
  'month',
  'year',
  'today',
  'yesterday',
  'tonight',
  'statement',
  'statements',
  'interview',
  'briefing',
  'conference',
  'post',
  'posts',
  'video',
  'address',
  'speech',
  'message',
  'channel',
  'account',
  'broadcast',
  'remarks',
  'comments',
  'call',
  'meeting',
  'session',
  'hearing',
  'letter',
  'tweet',
  'phone',
  'telephone',
  'television',
  'radio',
  'media',
  'reporters',
  'journalists',
  'journalist',
  'time',
  'sidelines',
  'summit',
  'report',
  'update',
  'appearance',
  'podcast',
  'program',
  'programme',
  'show',
  'decree',
])
const ADJUNCT_STARTERS = new Set([
  'on',
  'in',
  'at',
  'during',
  'late',
  'earlier',
  'later',
  'by',
  'via',
  'through',
  'over',
  'after',
  'before',
  'last',
  'this',
  'early',
  'overnight',
  'again',
])
// Time words that stand after a cue with no preposition, as US and wire copy writes them:
// "officials said Tuesday", "the ministry said Friday afternoon", "he said yesterday".
const BARE_TIMES: ReadonlySet<string> = new Set([...WEEKDAYS, 'yesterday', 'today', 'tonight'])
const PARTS_OF_DAY: ReadonlySet<string> = new Set(['morning', 'afternoon', 'evening', 'night'])
// Months as news abbreviates them before a day: "said Sept. 5", "said Oct. 12".
const MONTH_WORDS: ReadonlySet<string> = new Set([
  ...MONTHS,
  ...MONTH_ABBREVIATIONS.flatMap((m) => [m, `${m}.`]),
])

// Verbs whose first object is the hearer, not the content ("told Reuters that …").
const HEARER_FIRST = new Set([
  'tell',
  'inform',
  'assure',
  'reassure',
  'brief',
  'notify',
  'remind',
  'warn',
  'advise',
  'caution',
  'persuade',
  'convince',
  'show',
  'promise',
])
// A denial whose object only points back ("rejected the claim") still is a statement.
const BE_FORMS = new Set(['is', 'was', 'are', 'were', 'be', 'been', 'being', "'s", '’s'])
const CLAUSE_STARTERS = new Set(['that'])
const PARTICIPLE_LINKS = new Set([
  'saying',
  'adding',
  'claiming',
  'insisting',
  'arguing',
  'warning',
  'noting',
  'stressing',
  'asserting',
  'alleging',
  'explaining',
  'accusing',
  'denying',
  'calling',
  'urging',
  'describing',
  'citing',
  'telling',
])

export interface Found {
  candidates: QuoteCandidate[]
  marks: MarkedSpan[]
  view: TokenView
}

/** Pure: find direct, indirect and mixed quote candidates in a doc with tokens and sentences. */
export function findQuotes(doc: Doc, options: FindOptions): Found {
  const view = buildView(doc)
  const marks = findQuoteMarks(
    doc.text,
    doc.layers.paragraphs ?? [{ start: 0, end: doc.text.length }],
  )
  const inMarks = markedTokens(view, marks, view.inMarks)
  const direct = findDirect(view, marks, options)
  const usedCues = view.usedCues
  for (const d of direct)
    if (d.attribution && d.attribution.cueToken >= 0) usedCues[d.attribution.cueToken] = 1
  const indirect = dropNested(findIndirect(view, options, inMarks, usedCues, direct))
  indirect.push(...colonLeads(view, options, direct))
  // A marked span inside reported speech is part of a mixed quote, not a quote of its own
  // (inside give or take a character: the marks around it).
  const reported = coverage(indirect.map(wholeSpan))
  const kept = direct.filter((d) => {
    const whole = wholeSpan(d)
    return !containsAny(reported, whole.start + 1, whole.end - 1)
  })
  const doubleOpens = marks.filter((m) => !m.single).map((m) => m.open)
  for (const q of indirect) {
    const whole = wholeSpan(q)
    const k = firstAtOrAfter(doubleOpens, whole.start)
    if (k < doubleOpens.length && doubleOpens[k]! < whole.end) q.kind = 'mixed'
  }
  const sorted = [...kept, ...indirect].sort((a, b) => a.spans[0]!.start - b.spans[0]!.start)
  const candidates = options.joinContinuations ? joinContinuations(view, sorted) : sorted
  return { candidates, marks, view }
}

/**
 * PolNeAR's unit (option `joinContinuations`): one item per attribution. The second half of a
 * split quote (same cue) and a marked span with no attribution of its own that follows an
 * attributed direct quote in the same paragraph become further spans of that quote.
 */
function joinContinuations(view: TokenView, sorted: QuoteCandidate[]): QuoteCandidate[] {
  const out: QuoteCandidate[] = []
  let open: QuoteCandidate | null = null
  for (const q of sorted) {
    if (open && q.kind === 'direct' && sameParagraph(view, open, q)) {
      const sameCue =
        q.attribution !== null &&
        open.attribution !== null &&
        q.attribution.cueToken >= 0 &&
        q.attribution.cueToken === open.attribution.cueToken
      if (q.inherit || sameCue) {
        open.spans = [...open.spans, ...q.spans]
        continue
      }
    }
    out.push(q)
    open = q.kind === 'direct' && q.attribution ? q : null
  }
  return out
}

function sameParagraph(view: TokenView, a: QuoteCandidate, b: QuoteCandidate): boolean {
  const aEnd = a.spans[a.spans.length - 1]!
  return (
    view.paragraphOf[tokenAt(view, aEnd.start)] ===
    view.paragraphOf[tokenAt(view, b.spans[0]!.start)]
  )
}

// Labels that open a paragraph with a colon but name no speaker ("Update: …", "Watch: …").
const COLON_LABELS = new Set([
  'note',
  'update',
  'updated',
  'correction',
  'related',
  'watch',
  'read',
  'photo',
  'photos',
  'video',
  'credit',
  'disclosure',
  'warning',
  'breaking',
  'exclusive',
  'live',
  'analysis',
  'opinion',
  'advertisement',
  'caption',
  'transcript',
  'editor',
  'source',
  'sources',
  'spoiler',
  'bottom',
  'background',
  'context',
  'summary',
  'more',
  'see',
  'also',
  'here',
  'this',
  'that',
  'the',
  'why',
  'what',
  'how',
  'who',
])

/**
 * "Carson: Cruz taking 'Benghazi' approach" (a headline), "MATTHEWS: Well, speculation is bad."
 * (a transcript turn): a paragraph that opens with a short name and a colon gives the rest of
 * the paragraph to that name. Labels ("Update:", "Watch:") and anything with a verb before the
 * colon are left alone, and so is a paragraph a direct quote already covers.
 */
function colonLeads(
  view: TokenView,
  options: FindOptions,
  direct: readonly QuoteCandidate[],
): QuoteCandidate[] {
  const out: QuoteCandidate[] = []
  const n = view.tokens.length
  let directCover: ReturnType<typeof coverage> | null = null
  for (let i = 0; i < n; i++) {
    if (i > 0 && view.paragraphOf[i] === view.paragraphOf[i - 1]) continue
    // A paragraph start: a colon among its first six tokens, after names only.
    let colon = -1
    for (let k = i + 1; k < Math.min(n, i + 6); k++) {
      if (view.paragraphOf[k] !== view.paragraphOf[i]) break
      if (isPunct(view, k, ':')) {
        colon = k
        break
      }
      const pos = view.pos[k]!
      if (pos === 'VERB' || pos === 'AUX' || pos === 'PUNCT') break
    }
    if (colon < 0 || !isNameLead(view, i, colon - 1)) continue
    let end = colon + 1
    while (end + 1 < n && view.paragraphOf[end + 1] === view.paragraphOf[i]) end++
    while (end > colon && isPunct(view, end, '.!?;,')) end--
    if (end - colon < 3 || isQuoteMark(view, colon + 1)) continue
    const content = span(view, colon + 1, end)
    directCover ??= coverage(direct.map(wholeSpan))
    if (overlapsAny(directCover, content)) continue
    const speaker: SpeakerPhrase = { span: span(view, i, colon - 1), first: i, last: colon - 1 }
    out.push({
      kind: 'indirect',
      spans: [content],
      attribution: {
        cue: tokenSpan(view, colon, colon),
        cueToken: colon,
        sense: null,
        speaker,
        via: [],
        citing: null,
        rule: 'quotes/colon-lead',
      },
      inherit: false,
      confidence: 0.5,
    })
  }
  return out
}

/**
 * Tokens [first, last] are a short name: capitalised words headed by a noun ("Carson", "NY Post",
 * "TAPPER"). An interviewer's "Q" and an interviewee's "A" name no one and are left out, and so
 * are words the tagger reads as verbs or interjections ("Revealed:", "Wow:").
 */
function isNameLead(view: TokenView, first: number, last: number): boolean {
  if (last < first || last - first > 3) return false
  if (first === last && view.lower[first]!.length === 1) return false
  const head = view.pos[last]
  if (head !== 'PROPN' && head !== 'NOUN') return false
  for (let k = first; k <= last; k++) {
    const c = view.text.charCodeAt(view.tokens[k]!.start)
    const capital = c >= 65 && c <= 90
    if (!capital && view.lower[k] !== '.') return false
    if (COLON_LABELS.has(view.lower[k]!)) return false
  }
  return true
}

const RELAY_CLASSES = new Set(['report'])

/**
 * Reported speech inside reported speech ("Kryvonos says Beijing may claim …"):
 * the gold conventions keep the outer statement only. A relaying report ("…,
 * UNIAN has reported") is the exception: it is folded into the inner quote's
 * relay chain later, so both stay here.
 */
function dropNested(quotes: QuoteCandidate[]): QuoteCandidate[] {
  const outers: Span[] = []
  const owners: number[] = []
  quotes.forEach((outer, k) => {
    if (!outer.attribution?.sense || RELAY_CLASSES.has(outer.attribution.sense.cls)) return
    outers.push(outer.spans[0]!)
    owners.push(k)
  })
  if (outers.length === 0) return quotes
  const cover = coverage(outers, owners)
  return quotes.filter((inner, k) => {
    const cue = inner.attribution?.cue
    return !cue || !containsAny(cover, cue.start, cue.end, k)
  })
}

/** From the first content span's start to the last one's end. */
function wholeSpan(q: QuoteCandidate): Span {
  return { start: q.spans[0]!.start, end: q.spans[q.spans.length - 1]!.end }
}

/** Index of the first value >= `at` in an ascending list. */
function firstAtOrAfter(values: readonly number[], at: number): number {
  let lo = 0
  let hi = values.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (values[mid]! < at) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Token index → true when the token lies inside quotation marks (marks excluded). */
function markedTokens(
  view: TokenView,
  marks: readonly MarkedSpan[],
  inside: Int32Array,
): Int32Array {
  for (const mark of marks) {
    if (mark.single) continue
    for (const part of mark.parts) {
      for (
        let i = tokenAt(view, part.start);
        i < view.tokens.length && view.tokens[i]!.start < part.end;
        i++
      ) {
        inside[i] = 1
      }
    }
  }
  return inside
}

// ------------------------------------------------------------------- cues

/** The cue starting at token `i`: a sense whose particles follow, and its last token. */
export function cueAt(view: TokenView, i: number, options: FindOptions): CueMatch | null {
  // A typed array of slots (0: not asked yet, 1: none, k + 2: found[k]): a plain array of
  // the doc's length turns into a slow dictionary on long documents.
  const memo = view.cueMemo
  const slot = memo.slots[i]!
  if (slot === 1) return null
  if (slot > 1) return memo.found[slot - 2]!
  const found = cueAtUncached(view, i, options)
  if (found) {
    memo.found.push(found)
    memo.slots[i] = memo.found.length + 1
  } else memo.slots[i] = 1
  return found
}

/**
 * A cue that can attribute a statement of its own: not one that only ever attributes marked
 * words ("continued", "went on"). Clause ends and new attributions ask for these, so that
 * "the talks would continue next week" is not cut at "continue".
 */
function statementCueAt(view: TokenView, i: number, options: FindOptions): CueMatch | null {
  const cue = cueAt(view, i, options)
  return cue && !cue.senses.every((sense) => sense.frame === 'quote') ? cue : null
}

function cueAtUncached(view: TokenView, i: number, options: FindOptions): CueMatch | null {
  // The part of speech first: most tokens fail it, and it costs no string hashing.
  const pos = view.pos[i]!
  if (
    pos !== 'VERB' &&
    pos !== 'AUX' &&
    !(pos === 'NOUN' && i > 0 && nounCue(view, i)) &&
    // The tagger reads some past forms as adjectives ("the governor alleged that …").
    !(pos === 'ADJ' && view.lower[i + 1] === 'that' && view.lower[i]!.endsWith('ed'))
  ) {
    return null
  }
  const word = view.lower[i]!
  if (word.length === 0 || options.lexicon.cueKeys[wordKey(word)] === 0) return null
  // "work-related", "Kremlin-backed": a verb glued to a hyphen is a modifier, not a cue.
  if (view.lower[i - 1] === '-' && view.tokens[i - 1]!.end === view.tokens[i]!.start) return null
  const senses = options.lexicon.cues.get(word)
  if (!senses) return null
  const matching: CueSense[] = []
  let last = i
  for (const sense of senses) {
    if (!options.cognition && sense.cls === 'believe') continue
    if (restMatches(view, i, sense.rest)) {
      if (matching.length === 0) last = i + sense.rest.length
      if (i + sense.rest.length === last) matching.push(sense)
    }
  }
  if (matching.length === 0) return null
  return { sense: matching[0]!, senses: matching, last, frames: frameBits(matching) }
}

/**
 * A cue the tagger read as a noun: a plural after a subject ("officials says" misread),
 * or a verb before a subject pronoun ("a third say they …"). Compared word by word: this
 * runs for every noun of the doc.
 */
function nounCue(view: TokenView, i: number): boolean {
  const prev = view.pos[i - 1]!
  if (
    (prev === 'PROPN' || prev === 'CCONJ' || (prev === 'PRON' && isSubjectPronoun(view, i - 1))) &&
    view.lower[i]!.endsWith('s')
  )
    return true
  // "Polls show voters …", "records show,": a plural subject, then a verb's base form.
  if ((prev === 'NOUN' || prev === 'PROPN') && isPluralWord(view.lower[i - 1]!)) {
    const after = view.pos[i + 1]
    if (after === 'DET' || after === 'PRON' || after === 'PUNCT' || after === 'SCONJ') return true
    if (after === 'NOUN' || after === 'PROPN' || after === 'NUM' || after === 'ADJ') return true
  }
  const next = view.lower[i + 1]
  return (
    next === 'they' ||
    next === 'he' ||
    next === 'she' ||
    next === 'we' ||
    next === 'i' ||
    next === 'that'
  )
}

/** "he", "they", "who": a pronoun that can be a subject ("his remarks" is no subject and verb). */
function isSubjectPronoun(view: TokenView, i: number): boolean {
  const w = view.lower[i]!
  return (
    w === 'he' ||
    w === 'she' ||
    w === 'they' ||
    w === 'it' ||
    w === 'we' ||
    w === 'i' ||
    w === 'you' ||
    w === 'who'
  )
}

/** A plural noun as written ("polls", "records"), not "news", "class" or "analysis". */
function isPluralWord(lower: string): boolean {
  const n = lower.length
  return (
    n > 3 &&
    lower.charCodeAt(n - 1) === 115 &&
    lower.charCodeAt(n - 2) !== 115 &&
    !(lower.charCodeAt(n - 2) === 105 && lower.charCodeAt(n - 3) !== 105) &&
    lower !== 'news'
  )
}

function restMatches(view: TokenView, i: number, rest: readonly string[]): boolean {
  for (let k = 0; k < rest.length; k++) if (view.lower[i + 1 + k] !== rest[k]) return false
  return true
}

function sentenceBounds(view: TokenView, i: number): readonly [number, number] {
  return view.sentenceTokens[view.sentenceOf[i]!] ?? [0, view.tokens.length - 1]
}

// ------------------------------------------------------------------ direct

function wordCount(view: TokenView, parts: Span[]): number {
  let n = 0
  for (const part of parts) {
    for (
      let i = tokenAt(view, part.start);
      i < view.tokens.length && view.tokens[i]!.start < part.end;
      i++
    ) {
      if (view.pos[i]! !== 'PUNCT') n++
    }
  }
  return n
}

/**
 * Direct quotes: marked spans long enough to be speech, with the attribution
 * after the closing mark ("…," he says), before the opening mark (He said: "…"),
 * shared by the two halves of a split quote, or inherited from the last speaker.
 */
function findDirect(
  view: TokenView,
  marks: readonly MarkedSpan[],
  options: FindOptions,
): QuoteCandidate[] {
  const out: QuoteCandidate[] = []
  for (const mark of marks) {
    const parts = contentParts(view.text, mark)
    if (parts.length === 0) continue
    const words = wordCount(view, parts)
    const lastChar = view.text[mark.parts[mark.parts.length - 1]!.end - 1] ?? ''
    const endsLikeSpeech = mark.close < 0 || ',.!?…'.includes(lastChar)
    const openToken = tokenAt(view, mark.open)
    const before = previousNonSpace(view.text, mark.open)
    const startsSentence = before === '' || '.!?\n'.includes(before)
    // A word or two in marks is scare quotes, unless it is a whole utterance: it opens
    // the sentence, ends like speech and a cue follows ("“You winning?” she said.").
    if (
      words < options.minDirectWords &&
      !shortUtterance(view, mark, startsSentence, lastChar, options)
    )
      continue
    if (isTitleInMarks(view, openToken, mark)) continue
    // '… politics." Sanders said he …': a quote closed by a full stop ends its sentence; the
    // words after the mark begin the next one and attribute something else.
    const after =
      signatureAfter(view, mark, options) ??
      (lastChar === '.' ? null : attributionAfter(view, mark, options))
    const lead = attributionBefore(view, openToken, options)
    if (!after && !lead && !endsLikeSpeech) continue
    // '…," she said, adding, "B."': a participle cue and a comma before the mark; the quote
    // takes the speaker of the quote before it.
    const afterParticiple = before === ',' && PARTICIPLE_LINKS.has(view.lower[openToken - 2] ?? '')
    if (!after && !lead && !startsSentence && !afterParticiple && !':—–'.includes(before)) continue
    const attribution = after ?? lead
    // "X's remarks were "the textbook definition of …," Mr. Ryan said": the marks close a
    // clause that began before them; the whole clause is the (mixed) quote.
    const lead_ = after && !mark.single ? clauseBefore(view, openToken) : -1
    if (lead_ >= 0) {
      const closeEnd = view.text[mark.close + 1] === "'" ? mark.close + 2 : mark.close + 1
      out.push({
        kind: 'mixed',
        spans: [{ start: view.tokens[lead_]!.start, end: closeEnd }],
        attribution,
        inherit: false,
        confidence: 0.75,
      })
      continue
    }
    out.push({
      kind: 'direct',
      spans: parts,
      attribution,
      inherit: attribution === null,
      confidence: attribution ? 0.9 : 0.6,
    })
  }
  return out
}

/**
 * "the broadcast of “Fox News Sunday,”", "in “The Art of the Deal”": a title named after a
 * preposition or article, every word capitalised, is a name in marks, not speech.
 */
function isTitleInMarks(view: TokenView, openToken: number, mark: MarkedSpan): boolean {
  const previous = view.pos[openToken - 1]
  if (previous !== 'ADP' && previous !== 'DET') return false
  if (view.sentenceOf[openToken - 1] !== view.sentenceOf[openToken]) return false
  const end = mark.close < 0 ? view.text.length : mark.close
  let words = 0
  for (let k = openToken + 1; k < view.tokens.length && view.tokens[k]!.start < end; k++) {
    const c = view.text[view.tokens[k]!.start] ?? ''
    if (c.toLowerCase() === c.toUpperCase()) continue
    if (++words > 6) return false
    if (c === c.toLowerCase() && !TITLE_SMALL_WORDS.has(view.lower[k]!)) return false
  }
  return words > 0
}

/** Words a title leaves in lower case. */
const TITLE_SMALL_WORDS: ReadonlySet<string> = new Set([
  'of',
  'the',
  'and',
  'a',
  'an',
  'in',
  'on',
  'for',
  'to',
  'at',
])

function shortUtterance(
  view: TokenView,
  mark: MarkedSpan,
  startsSentence: boolean,
  lastChar: string,
  options: FindOptions,
): boolean {
  if (!startsSentence || mark.close < 0 || !',!?'.includes(lastChar)) return false
  // A speech cue of the plain "say" or "ask" kind right after the mark, past its subject:
  // ", she said", ", Mr. Lee asked" (not a view: '“Brave,” critics believe').
  const next = tokenAt(view, mark.close + 1)
  const [, last] = sentenceBounds(view, next)
  for (let k = next; k <= Math.min(last, next + 5); k++) {
    if (view.pos[k] !== 'VERB') continue
    const cue = cueAt(view, k, options)
    return cue !== null && !cue.sense.weak && (cue.sense.cls === 'say' || cue.sense.cls === 'ask')
  }
  return false
}

/**
 * The first token of a clause that runs into the opening mark at `openToken`
 * within its sentence (two words or more, no colon, comma or dash right before
 * the mark), or -1.
 */
function clauseBefore(view: TokenView, openToken: number): number {
  const [first] = sentenceBounds(view, openToken)
  if (openToken - first < 2 || isPunct(view, openToken - 1, ':,—–')) return -1
  let from = afterDateline(view, first, openToken)
  while (from < openToken && isQuoteMark(view, from)) from++
  let words = 0
  for (let k = from; k < openToken; k++) {
    if (isQuoteMark(view, k)) return -1
    if (view.pos[k]! !== 'PUNCT') words++
  }
  return words >= 2 && clauseHasVerb(view, from, openToken - 1) ? from : -1
}

function previousNonSpace(text: string, at: number): string {
  let k = at - 1
  while (k >= 0 && (text[k] === ' ' || text[k] === '\t')) k--
  return k < 0 ? '' : text[k]!
}

/** `"…," he said`, `"…," said X`, `"…" X told Y by phone.` */
function attributionAfter(
  view: TokenView,
  mark: MarkedSpan,
  options: FindOptions,
): Attribution | null {
  if (mark.close < 0) return null
  let i = tokenAt(view, mark.close + 1)
  while (i < view.tokens.length && view.tokens[i]!.start <= mark.close + 1 && isQuoteMark(view, i))
    i++
  const limit = Math.min(view.tokens.length - 1, i + 25)
  if (i > limit || view.paragraphOf[i] !== view.paragraphOf[tokenAt(view, mark.close)]) return null
  if (isPunct(view, i, ',')) i++
  const start = i
  for (let k = start; k <= limit; k++) {
    if (isPunct(view, k, '.!?;') || isQuoteMark(view, k)) return null
    if (view.paragraphOf[k] !== view.paragraphOf[start]) return null
    const cue = cueAt(view, k, options)
    if (cue) {
      const inverted = k === start || (k > start && isVerbalFiller(view, k - 1) && k - 1 === start)
      const after = subjectAfter(view, cue.last + 1, limit, options.maxSpeakerTokens)
      const speaker = inverted
        ? after && withTrailingApposition(view, after, limit)
        : subjectBefore(view, k, start, options.maxSpeakerTokens)
      if (!speaker) return null
      return attribution(
        view,
        k,
        cue.last,
        cue.sense,
        speaker,
        inverted ? 'quotes/direct-said-x' : 'quotes/direct-x-said',
        options,
      )
    }
    const pos = view.pos[k]!
    // Another verb before any cue: the words after the quote are not its attribution.
    if (pos === 'VERB' && !inRelativeClause(view, start, k)) return null
  }
  return null
}

/** The dashes that sign a quote with its speaker's name. */
const SIGNATURE_DASHES: ReadonlySet<string> = new Set(['—', '―', '–', '--'])

/**
 * “…” ― Azucena Gonzàlez: a quote signed with a name after a dash, as round-ups of readers'
 * or officials' words print them. The name must close its paragraph (or its sentence).
 */
function signatureAfter(
  view: TokenView,
  mark: MarkedSpan,
  options: FindOptions,
): Attribution | null {
  if (mark.close < 0) return null
  let dash = tokenAt(view, mark.close + 1)
  if (view.tokens[dash] && view.tokens[dash]!.start <= mark.close) dash++
  if (!SIGNATURE_DASHES.has(view.lower[dash] ?? '')) return null
  const paragraph = view.paragraphOf[dash]
  const name = phraseStartingAt(view, dash + 1, view.tokens.length - 1, options.maxSpeakerTokens)
  if (!name || !hasProperName(view, name) || view.paragraphOf[name.last] !== paragraph) return null
  const next = name.last + 1
  const closes =
    next >= view.tokens.length ||
    view.paragraphOf[next] !== paragraph ||
    isPunct(view, next, ',.') ||
    view.sentenceOf[next] !== view.sentenceOf[name.last]
  if (!closes) return null
  const speaker = isPunct(view, next, ',') ? withTrailingApposition(view, name, next + 12) : name
  return attribution(view, dash, dash, null, speaker, 'quotes/direct-signed', options)
}

function inRelativeClause(view: TokenView, from: number, k: number): boolean {
  for (let j = k - 1; j >= from; j--) {
    if (isPunct(view, j, ','))
      return (
        ['who', 'which', 'speaking', 'whose'].includes(view.lower[j + 1] ?? '') ||
        view.pos[j + 1] === 'VERB'
      )
  }
  return false
}

/** `X said: "…"`, `X told a briefing: "…"`, `"A," X said, "B."` */
function attributionBefore(
  view: TokenView,
  openToken: number,
  options: FindOptions,
): Attribution | null {
  const j = openToken - 1
  if (j < 0 || view.paragraphOf[j] !== view.paragraphOf[openToken]) return null
  if (!isPunct(view, j, ':,—–')) return null
  const colon = isPunct(view, j, ':—–')
  const [sentenceFirst] = sentenceBounds(view, j)
  let floor = sentenceFirst
  // Do not reach back over an earlier closing quote mark.
  for (let k = j - 1; k >= sentenceFirst; k--) {
    if (isQuoteMark(view, k)) {
      floor = k + 1
      break
    }
  }
  let fallbackVerb = -1
  for (let k = j - 1; k >= floor; k--) {
    const cue = cueAt(view, k, options)
    if (cue) {
      const inverted = k === floor || isPunct(view, k - 1, ',')
      const after = () => subjectAfter(view, cue.last + 1, j - 1, options.maxSpeakerTokens)
      // "X, the campaign's chair, emailed supporters, saying: “…”": a participle cue shares
      // the clause's subject, which stands before the clause's first verb.
      const participle = colon && PARTICIPLE_LINKS.has(view.lower[k]!) && isPunct(view, k - 1, ',')
      const at = participle ? firstVerb(view, floor, k) : k
      const before = () => subjectBefore(view, at, floor, options.maxSpeakerTokens)
      const speaker = inverted && !colon ? (after() ?? before()) : (before() ?? after())
      if (!speaker) return null
      return attribution(
        view,
        k,
        cue.last,
        cue.sense,
        speaker,
        colon ? 'quotes/direct-colon' : 'quotes/direct-split',
        options,
      )
    }
    if (colon && fallbackVerb < 0 && view.pos[k]! === 'VERB') fallbackVerb = k
    // A comma-led quote is attributed only by a cue right before it ("…," she said, "…").
    if (!colon && j - k > 8) return null
  }
  if (colon && fallbackVerb >= 0) {
    const speaker = subjectBefore(view, fallbackVerb, floor, options.maxSpeakerTokens)
    if (speaker)
      return attribution(
        view,
        fallbackVerb,
        fallbackVerb,
        null,
        speaker,
        'quotes/direct-colon-verb',
        options,
      )
  }
  return null
}

// -------------------------------------------------------------- attribution

function attribution(
  view: TokenView,
  cue: number,
  cueLast: number,
  sense: CueSense | null,
  speaker: SpeakerPhrase | null,
  rule: string,
  options: FindOptions,
  content?: Span,
): Attribution {
  const [first, last] = sentenceBounds(view, cue)
  const via = channelsAround(view, first, last, content, options)
  const citing = citingPhrase(view, first, last, content, options)
  return { cue: tokenSpan(view, cue, cueLast), cueToken: cue, sense, speaker, via, citing, rule }
}

function outside(view: TokenView, k: number, content?: Span): boolean {
  if (!content) return true
  const t = view.tokens[k]!
  return t.end <= content.start || t.start >= content.end
}

/**
 * Channels named in the attribution, outside the content: "on Telegram", "in a
 * post on X", "carried by the state news agency TASS", "told Interfax".
 */
function channelsAround(
  view: TokenView,
  first: number,
  last: number,
  content: Span | undefined,
  options: FindOptions,
): string[] {
  const via: string[] = []
  for (let k = first; k <= last; k++) {
    if (!outside(view, k, content)) continue
    // "told Eastern Europe Monitor": the outlet itself, named as the hearer.
    const outlet = options.outlet
    if (outlet && (view.lower[k - 1] === 'told' || view.lower[k - 1] === 'to')) {
      const at = view.tokens[k]!.start
      if (view.text.startsWith(outlet, at) && !via.includes(outlet)) via.push(outlet)
    }
    const name = channelAt(view, k, options)
    if (!name) continue
    const prev = view.lower[k - 1] ?? ''
    const prev2 = view.lower[k - 2] ?? ''
    const introduced =
      ['on', 'via', 'to', 'told', 'by', 'agency', 'told', 'service'].includes(prev) ||
      ['on', 'via', 'to', 'by'].includes(prev2) ||
      (prev === 'the' && ['on', 'to', 'by', 'told'].includes(prev2))
    if (introduced && !via.includes(name)) via.push(name)
  }
  return via
}

/** The channel named at token k (a name of relay-channels.tsv, as written), or null. */
function channelAt(view: TokenView, k: number, options: FindOptions): string | null {
  // Channel names are matched as written: a word in lower case can only be one of the
  // few names that start in lower case ("dpa"), and most words are in lower case.
  const initial = view.text.charCodeAt(view.tokens[k]!.start)
  if (initial >= 97 && initial <= 122 && !options.lexicon.channelLowerInitials.has(initial))
    return null
  if (!options.lexicon.channelFirst.has(view.lower[k]!)) return null
  const t = view.tokens[k]!
  const word = view.text.slice(t.start, t.end)
  // Two-word names first ("Truth Social", "Associated Press").
  const next = view.tokens[k + 1]
  if (next && view.text[t.end] === ' ') {
    const two = `${word} ${view.text.slice(next.start, next.end)}`
    if (options.lexicon.channels.has(two)) return two
  }
  return options.lexicon.channels.has(word) ? word : null
}

/** "citing a source in the General Staff": the origin a relaying speaker cites. */
function citingPhrase(
  view: TokenView,
  first: number,
  last: number,
  content: Span | undefined,
  options: FindOptions,
): SpeakerPhrase | null {
  for (let k = first; k < last; k++) {
    if (view.lower[k] !== 'citing' || !outside(view, k, content)) continue
    const cited = phraseStartingAt(view, k + 1, last, options.maxSpeakerTokens)
    return cited && isSourcePhrase(view, cited, options) ? cited : null
  }
  return null
}

/**
 * What "citing" names is a source when it is named ("Reuters", "the General Staff") or
 * headed by a source, document or organisation noun ("officials", "a statement", "the
 * ministry"); "citing low growth" or "citing the jobless" gives reasons, not a source.
 * A plural name alone ("citing the many Americans who …") is a group, not a source.
 */
function isSourcePhrase(view: TokenView, phrase: SpeakerPhrase, options: FindOptions): boolean {
  const { lexicon } = options
  for (let k = phrase.first; k <= phrase.last; k++) {
    const lower = view.lower[k]!
    if (lexicon.anonymousHeads.has(lower) || lexicon.sourceNouns.has(lower)) return true
    if (lexicon.titles.has(lower) || lexicon.orgHeads.has(lower)) return true
    if (view.pos[k] === 'PROPN' && !(k === phrase.last && lower.endsWith('s'))) return true
  }
  return false
}

// ---------------------------------------------------------------- indirect

function skipAdjuncts(
  view: TokenView,
  k: number,
  last: number,
): { next: number; certain: boolean } {
  let certain = true
  let moved = true
  while (moved && k <= last) {
    moved = false
    const lower = view.lower[k]!
    if (view.pos[k]! === 'ADV' && !CLAUSE_STARTERS.has(lower) && lower !== 'there' && k < last) {
      k++
      moved = true
      // An adverb may open the content ("about 40 apartments"): only "that" after it proves it an adjunct.
      certain = false
      continue
    }
    if (BARE_TIMES.has(lower)) {
      k++
      if (k <= last && PARTS_OF_DAY.has(view.lower[k]!)) k++
      moved = true
      continue
    }
    if (MONTH_WORDS.has(lower) && view.pos[k + 1] === 'NUM' && k + 1 <= last) {
      k += 2
      moved = true
      continue
    }
    if (ADJUNCT_STARTERS.has(lower)) {
      let j = k + 1
      let head = false
      while (j <= last && isAdjunctWord(view, j)) {
        if (ADJUNCT_HEADS.has(view.lower[j]!)) head = true
        j++
        if (
          view.pos[j - 1]! === 'NOUN' &&
          ADJUNCT_HEADS.has(view.lower[j - 1]!) &&
          !['of', 'on', 'in', 'by', 'at'].includes(view.lower[j] ?? '')
        )
          break
      }
      if (j === k + 1) break
      if (!head) certain = false
      k = j
      moved = true
    }
  }
  return { next: k, certain }
}

const POSSESSIVES = new Set(['its', 'their', 'his', 'her', 'our', 'my'])

function isAdjunctWord(view: TokenView, j: number): boolean {
  const pos = view.pos[j]!
  if (pos === 'PRON') return POSSESSIVES.has(view.lower[j]!)
  return (
    ['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'ADP', 'PART'].includes(pos) && view.lower[j] !== 'that'
  )
}

/** The last token of a content clause that starts at `from` (sentence end, before a trailing attribution). */
function clauseEnd(
  view: TokenView,
  from: number,
  last: number,
  options: FindOptions,
  stopAtParticiple = true,
  relative = false,
): number {
  // Sentences are read in pieces of at most MAX_SENTENCE_TOKENS (view.ts), so this scan is
  // bounded however many cues share a sentence.
  for (let k = from + 1; k <= last; k++) {
    if (isPunct(view, k, ';')) return k - 1
    // "…, a claim Ukrainian officials rejected": a noun phrase that comments on the content
    // (and may attribute a reply to someone else) is no part of it.
    if (isPunct(view, k, ',') && commentNounAhead(view, k + 1, options)) return k - 1
    // "Barkley, who said he votes democratic, said …": the main clause resumes.
    if (relative && isPunct(view, k, ',') && ['VERB', 'AUX'].includes(view.pos[k + 1] ?? '')) {
      return k - 1
    }
    if (
      stopAtParticiple &&
      isLinking(view.lower[k]!) &&
      coordinatedCue(view, k + 1, last, options)
    ) {
      return isPunct(view, k - 1, ',') ? k - 2 : k - 1
    }
    // "…, and three-quarters said …": a new attribution with its own subject.
    if (isLinking(view.lower[k]!) && newAttribution(view, k + 1, last, options)) {
      return isPunct(view, k - 1, ',') ? k - 2 : k - 1
    }
    if (
      isPunct(view, k, ',') &&
      view.lower[k + 1] === 'with' &&
      participleAhead(view, k + 2, last, options)
    ) {
      return k - 1
    }
    if (isPunct(view, k, ',')) {
      // '…,"' then the next word: look past a closing mark.
      const after = isQuoteMark(view, k + 1) ? k + 2 : k + 1
      const next = view.lower[after] ?? ''
      if (stopAtParticiple && PARTICIPLE_LINKS.has(next) && statementCueAt(view, after, options))
        return k - 1
      if (next === 'according' && view.lower[after + 1] === 'to') return k - 1
      if (trailingAttributionAt(view, after, last, options)) return k - 1
    }
  }
  let end = last
  while (end > from && isPunct(view, end, '.!?,:;')) end--
  return end
}

/** ", the ministry said." / ", said X." / ", X said, …": a cue whose subject starts at k. */
function trailingAttributionAt(
  view: TokenView,
  k: number,
  last: number,
  options: FindOptions,
): boolean {
  const direct = statementCueAt(view, k, options)
  if (direct && direct.sense.frame !== 'to') {
    const after = direct.last + 1
    return (
      after > last ||
      isPunct(view, after, '.,') ||
      (phraseStartingAt(view, after, last, options.maxSpeakerTokens) !== null &&
        !['that'].includes(view.lower[after]!) &&
        endsSoon(view, after, last, options))
    )
  }
  for (let j = k; j <= Math.min(last, k + options.maxSpeakerTokens + 2); j++) {
    const cue = statementCueAt(view, j, options)
    if (cue) {
      const subject = subjectBefore(view, j, k, options.maxSpeakerTokens)
      if (!subject || subject.first !== k) return false
      const after = skipAdjuncts(view, cue.last + 1, last)
      return after.next > last || isPunct(view, after.next, '.,')
    }
    const pos = view.pos[j]!
    if (pos === 'VERB' || isPunct(view, j, '.;')) return false
  }
  return false
}

function newAttribution(view: TokenView, k: number, last: number, options: FindOptions): boolean {
  const subject = phraseStartingAt(view, k, last, options.maxSpeakerTokens)
  if (!subject) return false
  let j = subject.last + 1
  while (j <= last && isVerbalFiller(view, j)) j++
  if (j > last || view.pos[j]! !== 'VERB' || view.lower[j]!.endsWith('ing')) return false
  return statementCueAt(view, j, options) !== null
}

/** "… and accused Y of Z", "… but denied that …": a second cue sharing the subject. */
function coordinatedCue(view: TokenView, k: number, last: number, options: FindOptions): boolean {
  while (k <= last && isVerbalFiller(view, k)) k++
  return k <= last && view.pos[k]! === 'VERB' && statementCueAt(view, k, options) !== null
}

function participleAhead(view: TokenView, k: number, last: number, options: FindOptions): boolean {
  for (let j = k; j <= Math.min(last, k + 6); j++) {
    if (PARTICIPLE_LINKS.has(view.lower[j]!) && statementCueAt(view, j, options)) return true
  }
  return false
}

function endsSoon(view: TokenView, from: number, last: number, options: FindOptions): boolean {
  const phrase = phraseStartingAt(view, from, last, options.maxSpeakerTokens)
  if (!phrase) return false
  const next = phrase.last + 1
  return next > last || isPunct(view, next, '.,')
}

/** A clause: a verb with something before it that is not a preposition or determiner. */
function clauseHasVerb(view: TokenView, from: number, to: number): boolean {
  for (let k = from + 1; k <= to; k++) {
    const pos = view.pos[k]!
    if (pos !== 'VERB' && pos !== 'AUX') continue
    const before = view.pos[k - 1]!
    if (before !== 'ADP' && before !== 'DET') return true
  }
  return false
}

function isPassive(view: TokenView, cue: number): boolean {
  // "is calling for", "are demanding": the progressive, not the passive.
  if (view.lower[cue]!.endsWith('ing')) return false
  let j = cue - 1
  while (j >= 0 && view.pos[j]! === 'ADV') j--
  return j >= 0 && BE_FORMS.has(view.lower[j]!) && view.pos[j]! === 'AUX'
}

function isAttributive(view: TokenView, cue: number): boolean {
  const prev = view.pos[cue - 1]
  return (prev === 'DET' || prev === 'ADJ') && view.pos[cue + 1] === 'NOUN'
}

// A statement not made is not a quote ("did not comment", "declined to say").
function isNegated(view: TokenView, cue: number): boolean {
  let j = cue - 1
  while (j >= 0 && view.pos[j]! === 'AUX') j--
  const lower = view.lower[j] ?? ''
  if (lower === 'not' || lower === "n't" || lower === 'never') return true
  return (
    lower === 'to' &&
    ['declined', 'refused', 'declines', 'refuses', 'decline', 'refuse'].includes(
      view.lower[j - 1] ?? '',
    )
  )
}

const LOOSE_PARTICLES = new Set(['out', 'off', 'up', 'away', 'down', 'over', 'by'])

/** "the one cited by Moscow", "carried out a strike": not a cue of speech here. */
function isReducedOrPhrasal(view: TokenView, cue: number, last: number): boolean {
  const next = view.lower[last + 1] ?? ''
  return LOOSE_PARTICLES.has(next) && last === cue
}

function span(view: TokenView, first: number, last: number): Span {
  return tokenSpan(view, first, last)
}

/**
 * Indirect and mixed speech around every cue not used by a direct quote:
 * "X says (that) …", "X told Reuters …", "X urged Y to Z", "X denied Y",
 * "…, X said.", "…, said X.", "according to X, …", "…, saying …".
 */
function findIndirect(
  view: TokenView,
  options: FindOptions,
  inMarks: Int32Array,
  usedCues: Int32Array,
  direct: readonly QuoteCandidate[],
): QuoteCandidate[] {
  const out: QuoteCandidate[] = []
  const directSpans = coverage(direct.map(wholeSpan))
  const insideDirect = (s: Span) => overlapsAny(directSpans, s)
  let lastSubject: { sentence: number; phrase: SpeakerPhrase } | null = null
  // '"…," said Rep. Scott, adding that …': a direct quote's speaker is the subject a
  // participle cue later in its sentence shares.
  const directSpeakers = new Map<number, { cue: number; phrase: SpeakerPhrase }>()
  for (const d of direct) {
    const a = d.attribution
    if (a && a.speaker && a.cueToken >= 0) {
      directSpeakers.set(view.sentenceOf[a.cueToken]!, { cue: a.cueToken, phrase: a.speaker })
    }
  }
  for (let i = 0; i < view.tokens.length; i++) {
    if (inMarks[i]) continue
    if (view.lower[i] === 'according' && view.lower[i + 1] === 'to') {
      const q = accordingTo(view, i, options)
      if (q && !insideDirect(q.spans[0]!)) out.push(q)
      continue
    }
    if (usedCues[i]) continue
    if (view.lower[i] === 'in' && view.sentenceTokens[view.sentenceOf[i]!]![0] === i) {
      const q = inSource(view, i, options)
      if (q && !insideDirect(q.spans[0]!)) out.push(q)
      continue
    }
    if (view.pos[i]! === 'NOUN' && view.lower[i + 1] === 'that') {
      const q = nominalAt(view, i, options)
      if (q) {
        if (!insideDirect(q.spans[0]!)) out.push(q)
        continue
      }
    }
    if (view.pos[i]! === 'NOUN' && options.lexicon.nounLinks.has(view.lower[i + 1] ?? '')) {
      const q = nominalFrameAt(view, i, options)
      if (q) {
        if (!insideDirect(q.spans[0]!)) out.push(q)
        continue
      }
    }
    const cue = cueAt(view, i, options)
    if (!cue || isAttributive(view, i) || isNegated(view, i)) continue
    const [first, last] = sentenceBounds(view, i)
    // "Asked by X to …," is a reduced clause, not a passive participle ("cited by Moscow").
    const reduced = isReducedOrPhrasal(view, i, cue.last)
    if (reduced && view.lower[i] !== 'asked') continue
    const q: QuoteCandidate | null = reduced
      ? (askedAt(view, i, first, last, options) ?? null)
      : indirectAt(
          view,
          i,
          cue,
          first,
          last,
          options,
          subjectHere(view, i, lastSubject, directSpeakers),
        )
    if (!q) continue
    if (insideDirect(q.spans[0]!)) continue
    if (q.attribution?.speaker)
      lastSubject = { sentence: view.sentenceOf[i]!, phrase: q.attribution.speaker }
    out.push(q)
  }
  return out
}

/**
 * "In the new Morning Consult poll, conducted March 11-13, 40 percent back Sanders": a sentence
 * that opens with "In" and a noun phrase headed by a source noun (`source-nouns.tsv`) gives its
 * main clause to that noun phrase. A clause with a cue of its own ("In a statement, the
 * ministry said …") is left to that cue.
 */
function inSource(view: TokenView, i: number, options: FindOptions): QuoteCandidate | null {
  const [, last] = sentenceBounds(view, i)
  let head = -1
  let comma = -1
  for (let k = i + 1; k <= Math.min(last, i + 16); k++) {
    if (isPunct(view, k, ',')) {
      if (head >= 0) {
        comma = k
        // "…, conducted March 11-13,": a participle phrase after the source belongs to it.
        if (view.pos[k + 1] === 'VERB' && view.lower[k + 1]!.endsWith('ed')) continue
        break
      }
      return null
    }
    if (isPunct(view, k, '.;:')) return null
    // The first common noun heads the phrase ("In addition to his remarks" is no source).
    if (head < 0 && view.pos[k] === 'NOUN') {
      if (!options.lexicon.sourceNouns.has(view.lower[k]!)) return null
      head = k
    }
  }
  if (head < 0 || comma < 0) return null
  const from = comma + 1
  const to = clauseEnd(view, from, last, options)
  if (to - from < 2 || !clauseHasVerb(view, from - 1, to)) return null
  for (let k = from; k <= to; k++)
    if (view.pos[k] === 'VERB' && statementCueAt(view, k, options)) return null
  // "In an interview, Clinton laughed off …": the clause's subject spoke through the medium.
  const speaker =
    options.lexicon.sourceNouns.get(view.lower[head]!) === 'document'
      ? phraseStartingAt(view, i + 1, head + 3, options.maxSpeakerTokens)
      : subjectBefore(view, firstVerb(view, from, to + 1), from, options.maxSpeakerTokens)
  if (!speaker) return null
  const content = span(view, from, to)
  return {
    kind: 'indirect',
    spans: [content],
    attribution: attribution(view, i, i, null, speaker, 'quotes/in-source', options, content),
    inherit: false,
    confidence: 0.55,
  }
}

/** The last subject of token i's sentence: an indirect quote's, else a direct quote's before i. */
function subjectHere(
  view: TokenView,
  i: number,
  last: { sentence: number; phrase: SpeakerPhrase } | null,
  direct: ReadonlyMap<number, { cue: number; phrase: SpeakerPhrase }>,
): { sentence: number; phrase: SpeakerPhrase } | null {
  const sentence = view.sentenceOf[i]!
  if (last && last.sentence === sentence) return last
  const d = direct.get(sentence)
  return d && d.cue < i ? { sentence, phrase: d.phrase } : last
}

const POSSESSIVE_MARKS = new Set(["'s", '’s', "'", '’'])
const POSSESSIVE_PRONOUNS = new Set(['his', 'her', 'their', 'its'])

/**
 * A nominal attribution whose holder is the possessor: "Moscow's claim that …", "his
 * belief that …", "the group's repeated warnings that …" (`attribution-nouns.tsv`). The
 * content is the clause after "that"; a noun with no possessor ("the claim that …") or a
 * relative "that" ("the claim that was made") gives nothing.
 */
function nominalAt(view: TokenView, i: number, options: FindOptions): QuoteCandidate | null {
  const sense = options.lexicon.nouns.get(view.lower[i]!)
  if (!sense || (!options.cognition && sense.cls === 'believe')) return null
  const [first, last] = sentenceBounds(view, i)
  // "that" opens a content clause only when a subject follows it, not a verb.
  const next = view.pos[i + 2]
  if (next === undefined || next === 'VERB' || next === 'AUX' || i + 2 > last) return null
  let j = i - 1
  while (j > first && isModifier(view, j)) j--
  const speaker = possessor(view, j, first, options)
  if (!speaker) return null
  const from = i + 2
  let to = clauseEnd(view, from, last, options)
  if (from > last) return null
  // "Moscow's claim that A hit B was disputed": a noun phrase in subject position has the
  // sentence's own verb after its content clause; the content ends before it.
  if (!clauseHasVerb(view, first - 1, speaker.first - 1)) to = beforeMainVerb(view, from, to)
  if (to - from < 2 || !clauseHasVerb(view, from - 1, to)) return null
  const content = span(view, from, to)
  return {
    kind: 'indirect',
    spans: [content],
    attribution: attribution(view, i, i, sense, speaker, 'quotes/nominal-that', options, content),
    inherit: false,
    confidence: 0.6,
  }
}

/**
 * The possessor ending at token `j`: "his", or a noun phrase with "'s" ("Trump's", "the
 * group's"). The mention keeps the possessive ("Trump's"), as PolNeAR writes it; the phrase
 * itself (for the name) does not.
 */
function possessor(
  view: TokenView,
  j: number,
  first: number,
  options: FindOptions,
): SpeakerPhrase | null {
  if (j >= first && POSSESSIVE_PRONOUNS.has(view.lower[j]!)) {
    return { span: tokenSpan(view, j, j), first: j, last: j }
  }
  if (j - 1 >= first && POSSESSIVE_MARKS.has(view.lower[j]!)) {
    const phrase = phraseEndingAt(view, j - 1, first, options.maxSpeakerTokens)
    if (!phrase || !['PROPN', 'NOUN'].includes(view.pos[phrase.last]!)) return null
    // "a replay of Obama's response": the possessor is what follows the last preposition.
    let start = phrase.first
    for (let k = phrase.last - 1; k > phrase.first; k--) {
      if (view.pos[k] === 'ADP') {
        start = k + 1
        break
      }
    }
    const own = { ...phrase, first: start, span: tokenSpan(view, start, phrase.last) }
    return { ...own, mention: tokenSpan(view, start, j) }
  }
  return null
}

/**
 * An attitude noun with a possessor and its object: "Trump's attacks on Curiel", "her support
 * for the bill", "his decision to run" (`attitude-nouns.tsv`). The content is the object: a noun
 * phrase up to the next verb, comma or clause break, or an infinitive to the clause end.
 */
function nominalFrameAt(view: TokenView, i: number, options: FindOptions): QuoteCandidate | null {
  const frame = options.lexicon.nounFrames.get(view.lower[i]!)
  if (!frame || !frame.links.has(view.lower[i + 1]!)) return null
  const [first, last] = sentenceBounds(view, i)
  let j = i - 1
  // "Carson's renewed endorsement", "her long-standing, strident opposition".
  while (j > first && (isModifier(view, j) || isModifierWord(view, j))) j--
  const speaker = possessor(view, j, first, options)
  if (!speaker) return null
  const from = i + 2
  if (from > last) return null
  const infinitive = view.lower[i + 1] === 'to' && view.pos[from] === 'VERB'
  let to = infinitive ? clauseEnd(view, from, last, options) : objectEnd(view, from, last)
  // "His decision to leave the race surprised his aides", "protests over the party's decision
  // to suspend talks, began peacefully": the infinitive ends before the next finite verb or break.
  if (infinitive) to = Math.min(to, objectEnd(view, from + 1, to))
  if (to < from) return null
  const content = span(view, infinitive ? i + 1 : from, to)
  return {
    kind: 'indirect',
    spans: [content],
    attribution: attribution(
      view,
      i,
      i + 1,
      frame.sense,
      speaker,
      'quotes/attitude-nominal',
      options,
      content,
    ),
    inherit: false,
    confidence: 0.4,
  }
}

/** An adverb, a participle used as adjective ("renewed") or a comma between modifiers. */
function isModifierWord(view: TokenView, j: number): boolean {
  const pos = view.pos[j]
  return (
    pos === 'ADV' ||
    (pos === 'VERB' && view.lower[j]!.endsWith('ed')) ||
    (isPunct(view, j, ',') && view.pos[j - 1] === 'ADJ')
  )
}

/** The last token of a noun-phrase object from `from`: before a finite verb, a break or a relative. */
function objectEnd(view: TokenView, from: number, last: number): number {
  for (let k = from; k <= last; k++) {
    const pos = view.pos[k]!
    if (isPunct(view, k, ',;:.!?()—–') && !view.inMarks[k]) return k - 1
    if (RELATIVE_PRONOUNS.has(view.lower[k]!) || (view.lower[k] === 'that' && k > from))
      return k - 1
    if ((pos === 'VERB' || pos === 'AUX') && k > from && !view.lower[k]!.endsWith('ing')) {
      const prev = view.pos[k - 1]
      if (prev !== 'PART' && prev !== 'ADP' && prev !== 'DET') return k - 1
    }
  }
  let end = last
  while (end > from && isPunct(view, end, '.!?,:;')) end--
  return end
}

/** An adjective or a hyphenated modifier ("long-standing") between possessor and noun. */
function isModifier(view: TokenView, j: number): boolean {
  const lower = view.lower[j]!
  return view.pos[j]! === 'ADJ' || lower.includes('-') || view.lower[j - 1] === '-'
}

const GROUP_LINKS = new Set(['to', 'and', 'or', 'that', 'which', 'who', ','])

/** The last token before the second verb group of [from, to] (the clause's own comes first). */
function beforeMainVerb(view: TokenView, from: number, to: number): number {
  let groups = 0
  for (let k = from; k <= to; k++) {
    const pos = view.pos[k]!
    if (pos !== 'VERB' && pos !== 'AUX') continue
    const prev = view.pos[k - 1]!
    if (prev === 'VERB' || prev === 'AUX' || prev === 'ADV' || prev === 'PART') continue
    if (GROUP_LINKS.has(view.lower[k - 1]!) || view.lower[k]!.endsWith('ing')) continue
    groups++
    if (groups === 2) return k - 1
  }
  return to
}

function accordingTo(view: TokenView, i: number, options: FindOptions): QuoteCandidate | null {
  const [first, last] = sentenceBounds(view, i)
  const speaker =
    subjectAfter(view, i + 2, last, options.maxSpeakerTokens) ??
    sourceToComma(view, i + 2, last, options.maxSpeakerTokens)
  if (!speaker) return null
  let from: number
  let to: number
  let sentenceOpening = false
  if (i === first || (i === first + 1 && view.pos[first]! !== 'NOUN')) {
    // "According to X, CONTENT."
    from = i + 2
    while (from <= last && !isPunct(view, from, ',')) from++
    from++
    to = clauseEnd(view, from, last, options)
  } else if (parentheticalAccording(view, i, first, speaker, last)) {
    // "Fundraising, according to the campaign, has surged": the clause after the source.
    from = speaker.last + 2
    to = clauseEnd(view, from, last, options)
  } else {
    // "CONTENT, according to X."
    from = afterDateline(view, first, last)
    sentenceOpening = true
    to = i - 1
    if (isPunct(view, to, ',')) to--
    // "…, with 56 percent of voters viewing him positively, according to a poll": the
    // source vouches for the absolute clause just before it.
    for (let k = to - 1; k > from; k--) {
      if (isPunct(view, k, ',') && view.lower[k + 1] === 'with') {
        from = k + 1
        sentenceOpening = false
        break
      }
    }
  }
  // The tagger misses the verb of some clauses ("Sanders trails Clinton …", "trails" read as
  // a noun); a whole sentence of six words or more before the source is taken as a clause.
  const longSentence = sentenceOpening && to - from >= 5
  if (to - from < 2 || (!longSentence && !clauseHasVerb(view, from, to))) return null
  const content = span(view, from, to)
  return {
    kind: 'indirect',
    spans: [content],
    attribution: attribution(
      view,
      i,
      i + 1,
      null,
      speaker,
      'quotes/according-to',
      options,
      content,
    ),
    inherit: false,
    confidence: 0.8,
  }
}

/**
 * The source after "according to" when no noun phrase reading finds it: the words up to the
 * next comma or the sentence end, ending in a noun ("according to exit polls", "according to
 * HuffPost Pollster's polling average", where the tagger reads "exit" and "polling" as verbs).
 */
function sourceToComma(
  view: TokenView,
  start: number,
  last: number,
  maxTokens: number,
): SpeakerPhrase | null {
  let end = start
  while (end + 1 <= last && !isPunct(view, end + 1, ',.;:!?') && !isQuoteMark(view, end + 1)) end++
  if (start > last || end - start + 1 > maxTokens) return null
  // Its last word a noun, or a noun the tagger read as an adjective after one ("polling average").
  const nominal = (k: number) => view.pos[k] === 'NOUN' || view.pos[k] === 'PROPN'
  const modified = end > start && (nominal(end - 1) || view.pos[end - 1] === 'VERB')
  if (!nominal(end) && !(view.pos[end] === 'ADJ' && modified)) return null
  for (let k = start; k <= end; k++) {
    if (view.pos[k] === 'AUX' || view.pos[k] === 'PRON') return null
  }
  return { span: span(view, start, end), first: start, last: end }
}

/**
 * "X, according to Y, Z" where what precedes the source is no clause of its own ("Now,",
 * "Fundraising,", "after,"): the source is a parenthesis inside its content, and the content is
 * the clause after it (PolNeAR leaves the parenthesis out).
 */
function parentheticalAccording(
  view: TokenView,
  i: number,
  first: number,
  speaker: SpeakerPhrase,
  last: number,
): boolean {
  const comma = speaker.last + 1
  if (!isPunct(view, i - 1, ',') || !isPunct(view, comma, ',') || comma + 2 > last) return false
  const opener = view.lower[comma + 1]!
  if (RELATIVE_PRONOUNS.has(opener) || view.pos[comma + 1] === 'ADP') return false
  if (!clauseHasVerb(view, comma, last)) return false
  const before = i - 2
  const pos = view.pos[before]
  return (
    !clauseHasVerb(view, first, before) ||
    pos === 'SCONJ' ||
    (pos === 'ADP' && before > first) ||
    view.lower[before] === 'that'
  )
}

function indirectAt(
  view: TokenView,
  i: number,
  cue: CueMatch,
  first: number,
  last: number,
  options: FindOptions,
  lastSubject: { sentence: number; phrase: SpeakerPhrase } | null,
): QuoteCandidate | null {
  // "“…,” he continued.": a cue that only ever attributes marked words gives no indirect quote.
  if (cue.senses.every((sense) => sense.frame === 'quote')) return null
  const passive = isPassive(view, i)
  const raised = raisingAt(view, i, cue, first, last, passive, options)
  if (raised !== undefined) return raised
  if (view.lower[i] === 'asked') {
    const asked = askedAt(view, i, first, last, options)
    if (asked !== undefined) return asked
  }
  const prevComma = i > first && isPunct(view, i - 1, ',')
  // Speaker: inverted (", said X."), a participle (", saying …") sharing the clause's
  // subject, or the phrase before the cue.
  let speaker: SpeakerPhrase | null = null
  let rule = 'quotes/x-said-that'
  const participle = PARTICIPLE_LINKS.has(view.lower[i]!) && prevComma
  if (participle) {
    speaker =
      lastSubject && lastSubject.sentence === view.sentenceOf[i]
        ? lastSubject.phrase
        : subjectBefore(view, firstVerb(view, first, i), first, options.maxSpeakerTokens)
    rule = 'quotes/participle'
  } else if (!passive) {
    let j = i - 1
    while (j > first && isVerbalFiller(view, j)) j--
    if (view.pos[j] === 'CCONJ' && j > first) {
      // "X said … and accused Y of Z": the coordinated verb shares the clause's subject.
      speaker =
        lastSubject && lastSubject.sentence === view.sentenceOf[i]
          ? lastSubject.phrase
          : subjectBefore(view, firstVerb(view, first, i), first, options.maxSpeakerTokens)
      rule = 'quotes/coordinated'
    } else {
      speaker = subjectBefore(view, i, first, options.maxSpeakerTokens)
    }
  }
  const ing = view.lower[i]!.endsWith('ing')
  // "cards confirming their citizenship": a participle modifying a noun is no speech.
  if (ing && !prevComma && ['NOUN', 'ADP'].includes(view.pos[i - 1] ?? '')) return null
  const inverted = !participle && !ing && prevComma && !speaker
  if (inverted) {
    speaker = subjectAfter(view, cue.last + 1, last, options.maxSpeakerTokens)
    if (speaker && speaker.first !== cue.last + 1) speaker = null
    if (speaker) speaker = withTrailingApposition(view, speaker, last)
    rule = 'quotes/said-x'
  }
  if (!speaker && !passive) return null

  // Forward content, by frame.
  const forward = inverted ? null : forwardContent(view, i, cue, last, options)
  if (forward) {
    const content = span(view, forward.from, forward.to)
    if (passive && !speaker && forward.via !== 'that') return null
    // An attitude cue (a view, an intention) is kept apart from statements by its rule id.
    const weak = forward.sense.weak === true
    return {
      kind: 'indirect',
      spans: [content],
      attribution: attribution(
        view,
        i,
        cue.last,
        forward.sense,
        speaker,
        weak ? ATTITUDE_RULE : (forward.rule ?? rule),
        options,
        content,
      ),
      inherit: false,
      confidence: weak ? Math.min(forward.confidence, ATTITUDE_CONFIDENCE) : forward.confidence,
    }
  }
  // Backward content: "CONTENT, X said." / "CONTENT, said X."
  if (!speaker) return null
  const leftEdge = inverted ? i : speaker.first
  // 'will play the "woman card," Fiorina said': the comma sits inside a closing mark.
  const markedComma = isQuoteMark(view, leftEdge - 1) && isPunct(view, leftEdge - 2, ',')
  const comma = markedComma ? leftEdge - 2 : leftEdge - 1
  if (comma <= first || !isPunct(view, comma, ',')) return null
  let after = skipAdjuncts(view, inverted ? speaker.last + 1 : cue.last + 1, last)
  const lemma = cue.sense.head
  if (!inverted && HEARER_FIRST.has(lemma) && after.next <= last) {
    // "…, two officials told Levant Observer (on Friday)."
    const hearer = phraseStartingAt(view, after.next, last, options.maxSpeakerTokens)
    if (hearer) after = skipAdjuncts(view, hearer.last + 1, last)
    else after = skipAdjuncts(view, afterCapitalised(view, after.next, last), last)
  }
  if (!(after.next > last || isPunct(view, after.next, '.,;!?'))) return null
  let from = afterDateline(view, first, last)
  while (from < comma && isQuoteMark(view, from)) from++
  const to = markedComma ? comma + 1 : comma - 1
  // "This campaign, he says, is different.": a parenthetical attribution; the
  // content continues after it when a clause follows.
  let rest: Span | null = null
  if (!inverted && after.next <= last && isPunct(view, after.next, ',')) {
    const restFrom = after.next + 1
    const restTo = clauseEnd(view, restFrom, last, options)
    // A participle or a prepositional phrase after it is the outlet's addition, not content.
    const opener = view.pos[restFrom]
    // So is "as"/"while" with its own clause: "…, lawmakers said Friday, as they bristled at …".
    const circumstance = CIRCUMSTANCE_OPENERS.has(view.lower[restFrom]!)
    const finite =
      opener !== undefined &&
      opener !== 'ADP' &&
      opener !== 'CCONJ' &&
      !circumstance &&
      !view.lower[restFrom]!.endsWith('ing')
    if (finite && restTo > restFrom && clauseHasVerb(view, restFrom - 1, restTo)) {
      rest = span(view, restFrom, restTo)
    }
  }
  if (to < from || (!rest && (to - from < 2 || !clauseHasVerb(view, from, to)))) return null
  const content = span(view, from, to)
  const spans = rest ? [content, rest] : [content]
  const weak = cue.sense.weak === true
  return {
    kind: 'indirect',
    spans,
    attribution: attribution(
      view,
      i,
      cue.last,
      cue.sense,
      speaker,
      weak
        ? ATTITUDE_RULE
        : inverted
          ? 'quotes/content-said-x'
          : rest
            ? 'quotes/parenthetical'
            : 'quotes/content-x-said',
      options,
      { start: content.start, end: spans[spans.length - 1]!.end },
    ),
    inherit: false,
    confidence: weak ? ATTITUDE_CONFIDENCE : 0.8,
  }
}

/** Conjunctions that open the outlet's account of when or how a thing was said. */
const CIRCUMSTANCE_OPENERS: ReadonlySet<string> = new Set(['as', 'while'])

/** The rule and the confidence of a quote found through an attitude cue (attitude-cues.tsv). */
const ATTITUDE_RULE = 'quotes/attitude'
const ATTITUDE_CONFIDENCE = 0.45

// "X seems to …", "X appears to …": a stance with no holder named.
const RAISING = new Set(['seem', 'appear'])
// "X is expected to …", "X is said to …": the passive of a cue of saying or believing.
const PASSIVE_RAISING = new Set([
  'expect',
  'say',
  'believe',
  'think',
  'report',
  'understand',
  'know',
  'consider',
  'predict',
])

/**
 * "The minister seemed to be shrinking", "Obama is expected to join Clinton": an attribution
 * with no source in the text. The content is the subject with the infinitive ("Obama … to join
 * Clinton"); the speaker is left empty (no one said it that the text names), and the rule has
 * its own id and a low confidence. Undefined: not this construction; null: drop the cue.
 */
function raisingAt(
  view: TokenView,
  i: number,
  cue: CueMatch,
  first: number,
  last: number,
  passive: boolean,
  options: FindOptions,
): QuoteCandidate | null | undefined {
  const k = cue.last + 1
  if (view.lower[k] !== 'to' || k + 1 > last) return undefined
  const verb = view.pos[k + 1]
  if (verb !== 'VERB' && verb !== 'AUX') return undefined
  const lemma = cue.sense.head
  if (!(passive ? PASSIVE_RAISING.has(lemma) : RAISING.has(lemma))) return undefined
  // "…, seeming to …": a participle has no subject of its own here.
  if (view.lower[i]!.endsWith('ing')) return undefined
  const subject = subjectBefore(view, i, first, options.maxSpeakerTokens)
  const to = clauseEnd(view, k, last, options)
  if (to <= k) return null
  const content = span(view, k, to)
  const spans = subject ? [subject.mention ?? subject.span, content] : [content]
  return {
    kind: 'indirect',
    spans,
    attribution: attribution(view, i, cue.last, cue.sense, null, 'quotes/raising', options, {
      start: spans[0]!.start,
      end: content.end,
    }),
    inherit: false,
    confidence: 0.4,
  }
}

// Words after which a bare "asked" opens a reduced clause: "When asked …", "after being asked …".
const ASKED_OPENERS = new Set(['when', 'after', 'if', 'once', 'before', 'while', 'being'])

/**
 * "Asked by Stephanopoulos to respond, Carson said …", "When asked whether …": a question put
 * to the clause's subject. The content is the question (an infinitive, a wh- or if-clause, or
 * "about" and its object) up to the comma that ends the reduced clause; the speaker is the
 * asker after "by", else none (the text does not say who asked). Undefined: not this frame.
 */
function askedAt(
  view: TokenView,
  i: number,
  first: number,
  last: number,
  options: FindOptions,
): QuoteCandidate | null | undefined {
  const prev = view.lower[i - 1] ?? ''
  if (!(i === first || isPunct(view, i - 1, ',') || ASKED_OPENERS.has(prev))) return undefined
  let k = i + 1
  let speaker: SpeakerPhrase | null = null
  if (view.lower[k] === 'by') {
    speaker = phraseStartingAt(view, k + 1, last, options.maxSpeakerTokens)
    if (!speaker) return undefined
    k = speaker.last + 1
  }
  if (view.lower[k] === 'about' || QUESTION_WORDS.has(view.lower[k] ?? '')) {
    if (view.lower[k] === 'about') k++
  } else if (!(view.lower[k] === 'to' && view.pos[k + 1] === 'VERB')) return undefined
  let to = clauseEnd(view, k, last, options)
  // A reduced clause ends at its comma: the main clause follows.
  for (let c = k + 1; c < to; c++) {
    if (isPunct(view, c, ',') && !view.inMarks[c]) {
      to = c - 1
      break
    }
  }
  if (to < k) return null
  const content = span(view, k, to)
  const sense = { lemma: 'ask', head: 'ask', cls: 'ask', frame: 'to', stance: 'asserts', rest: [] }
  return {
    kind: 'indirect',
    spans: [content],
    attribution: attribution(
      view,
      i,
      i,
      sense as CueSense,
      speaker,
      'quotes/asked-passive',
      options,
      content,
    ),
    inherit: false,
    confidence: 0.5,
  }
}

/**
 * Content from a sentence start skips a dateline ("PORT SUDAN, May 20 (Agency) — …",
 * "BEIRUT (Reuters) - …", "KYIV — …"): in the first two paragraphs (a headline may come first),
 * a dash (a hyphen between spaces too, as wires write it) after a closing bracket, a number,
 * or a place name in capitals that opens the sentence.
 */
function afterDateline(view: TokenView, first: number, last: number): number {
  if (view.paragraphOf[first]! > 1) return first
  const capitalsFirst = isAllCapitals(view, first)
  for (let k = first + 1; k <= Math.min(last, first + 16); k++) {
    // Em and en dashes, the horizontal bar some sites print ("WASHINGTON ― …"), a double
    // hyphen, or a hyphen with a space on each side.
    if (!isDatelineDash(view.lower[k]!) && view.lower[k] !== '-') continue
    if (view.lower[k] === '-' && !spacedHyphen(view, k)) continue
    if (isPunct(view, k - 1, ')') || view.pos[k - 1]! === 'NUM' || capitalsFirst) return k + 1
    return first
  }
  return first
}

/** A word of two or more letters, all capitals ("KYIV", "PORT"). */
function isAllCapitals(view: TokenView, i: number): boolean {
  const t = view.tokens[i]
  if (!t || t.end - t.start < 2) return false
  const word = view.text.slice(t.start, t.end)
  return /^[A-Z][A-Z'’.-]+$/.test(word)
}

/** A hyphen with a space on each side: a dash, not a hyphen inside a word. */
function spacedHyphen(view: TokenView, k: number): boolean {
  const t = view.tokens[k]!
  return view.text[t.start - 1] === ' ' && view.text[t.end] === ' '
}

function afterRelative(view: TokenView, cue: number): boolean {
  let j = cue - 1
  while (j >= 0 && isVerbalFiller(view, j)) j--
  return RELATIVE_PRONOUNS.has(view.lower[j] ?? '')
}

// Conjunctions that join a second statement ("… and accused …", "… but denied …"). Compared
// directly: the content scan asks about every token, and most are no conjunction.
function isLinking(lower: string): boolean {
  return lower === 'and' || lower === 'but' || lower === 'while'
}

const QUESTION_WORDS = new Set([
  'whether',
  'if',
  'what',
  'why',
  'how',
  'when',
  'who',
  'where',
  'which',
])

const RELATIVE_PRONOUNS = new Set(['who', 'which', 'whom'])

/**
 * A mixed quote whose marks were opened inside the content and close after the
 * sentence end ('thinks X "need to … . There's …"') runs to its closing mark.
 */
function throughOpenMark(view: TokenView, from: number, to: number): number {
  let open = false
  for (let k = from; k <= to; k++) if (isPunct(view, k, '"“”')) open = !open
  if (!open) return to
  const limit = Math.min(view.tokens.length - 1, to + 80)
  for (let k = to + 1; k <= limit; k++) {
    if (view.paragraphOf[k] !== view.paragraphOf[from]) return to
    if (isPunct(view, k, '"”')) return k
  }
  return to
}

/** Past a run of capitalised words the tagger did not read as a name ("told Levant Observer"). */
function afterCapitalised(view: TokenView, k: number, last: number): number {
  let j = k
  while (j <= last) {
    const raw = view.text[view.tokens[j]!.start] ?? ''
    if (raw === raw.toLowerCase()) break
    j++
  }
  return j
}

function firstVerb(view: TokenView, first: number, before: number): number {
  for (let k = first; k < before; k++) if (view.pos[k]! === 'VERB') return k
  return before
}

interface Forward {
  from: number
  to: number
  sense: CueSense
  rule?: string
  via?: string
  confidence: number
}

function forwardContent(
  view: TokenView,
  i: number,
  cue: CueMatch,
  last: number,
  options: FindOptions,
): Forward | null {
  const k = cue.last + 1
  if (k > last) return null
  const frames = cue.frames ?? frameBits(cue.senses)
  const sense = (frame: string) => cue.senses.find((s) => s.frame === frame) ?? cue.sense
  // "called for Z"
  if ((frames & FRAME.for) !== 0 && cue.sense.rest.length > 0 && cue.sense.frame === 'for') {
    const to = clauseEnd(view, k, last, options)
    return to >= k
      ? { from: k, to, sense: cue.sense, rule: 'quotes/call-for', confidence: 0.75 }
      : null
  }
  // "wants to run", "vowed to retaliate": the content is the infinitive.
  if ((frames & FRAME.to) !== 0 && view.lower[k] === 'to' && view.pos[k + 1] === 'VERB') {
    const to = clauseEnd(view, k, last, options)
    return { from: k, to, sense: sense('to'), rule: 'quotes/intend-to', confidence: 0.6 }
  }
  const adj = skipAdjuncts(view, k, last)
  let j = adj.next
  // "told Reuters (on Friday) that …": skip the hearer.
  const lemma = cue.sense.head
  let hearer: SpeakerPhrase | null = null
  if (cue.senses.some((x) => x.cls === 'ask') && QUESTION_WORDS.has(view.lower[j] ?? '')) {
    const to = clauseEnd(view, j, last, options)
    return { from: j, to, sense: cue.sense, rule: 'quotes/asked', confidence: 0.6 }
  }
  if (HEARER_FIRST.has(lemma) || (frames & FRAME.to) !== 0 || (frames & FRAME.of) !== 0) {
    hearer = phraseStartingAt(view, j, last, options.maxSpeakerTokens)
    if (hearer) {
      const afterHearer = hearer.last + 1
      // "urged Y to Z" / "called on Y to Z": the content is "Y to Z".
      if (
        (frames & FRAME.to) !== 0 &&
        view.lower[afterHearer] === 'to' &&
        view.pos[afterHearer + 1] === 'VERB'
      ) {
        const to = clauseEnd(view, afterHearer, last, options)
        return {
          from: hearer.first,
          to,
          sense: sense('to'),
          rule: 'quotes/urge-to',
          confidence: 0.75,
        }
      }
      // "asked (him) whether …": the question is the content.
      const asks = cue.senses.some((x) => x.cls === 'ask')
      if (asks && QUESTION_WORDS.has(view.lower[afterHearer] ?? '')) {
        const to = clauseEnd(view, afterHearer, last, options)
        return { from: afterHearer, to, sense: cue.sense, rule: 'quotes/asked', confidence: 0.6 }
      }
      // "accused X of Y": the content is Y.
      if (
        (frames & FRAME.of) !== 0 &&
        view.lower[afterHearer] === 'of' &&
        hearer.first === j &&
        view.pos[j]! !== 'ADP'
      ) {
        const to = clauseEnd(view, afterHearer + 1, last, options)
        return to > afterHearer
          ? {
              from: afterHearer + 1,
              to,
              sense: sense('of'),
              rule: 'quotes/accuse-of',
              confidence: 0.75,
            }
          : null
      }
      if (HEARER_FIRST.has(lemma)) {
        const again = skipAdjuncts(view, afterHearer, last)
        if (
          view.lower[again.next] === 'that' ||
          (again.next <= last &&
            view.pos[again.next]! !== 'PUNCT' &&
            clauseHasVerb(view, again.next, Math.min(last, again.next + 3)))
        ) {
          j = again.next
        } else if (again.next > last || isPunct(view, again.next, '.,:;')) {
          return null
        }
      }
    }
  }
  let via: string | undefined
  if (
    (view.lower[j] === 'that' && view.pos[j]! === 'SCONJ') ||
    (view.lower[j] === 'that' &&
      j + 1 <= last &&
      view.pos[j + 1]! !== 'VERB' &&
      view.pos[j + 1]! !== 'AUX')
  ) {
    via = 'that'
    j++
  } else if (!adj.certain && adj.next !== k) {
    // Unsure the skipped words were adjuncts: the content starts at the cue after all.
    j = k
  }
  // "said that, if elected, he would …": an interjected clause right after "that" opens
  // the content; the comma before it is no end.
  if (via === 'that' && isPunct(view, j, ',') && j < last) j++
  if (j > last) return null
  // Directive and accusation frames take content only in their own pattern.
  if ((frames & (FRAME.that | FRAME.obj)) === 0) return null
  if (isPunct(view, j, ',.;:!?')) return null
  if (via !== 'that' && notSpeechUse(view, i, k, j)) return null
  const to = throughOpenMark(
    view,
    j,
    clauseEnd(view, j, last, options, true, afterRelative(view, i)),
  )
  if (to < j) return null
  const deny = cue.senses.find((s) => s.frame === 'obj')
  // "Doyle said each year of education yields a 10% bump": after "say" itself a content clause
  // may hide its verb from the tagger (read as a noun); three words or more are taken.
  const saysSo = cue.sense.head === 'say' && to - j >= 2 && cue.last === i
  if (via === 'that' || ((frames & FRAME.that) !== 0 && (saysSo || clauseHasVerb(view, j, to)))) {
    if (to - j < 1 && via !== 'that') return null
    return {
      from: j,
      to,
      sense:
        via === 'that'
          ? (cue.senses.find((s) => s.frame === 'that') ?? cue.sense)
          : deny && !clauseHasFiniteStart(view, j)
            ? deny
            : cue.sense,
      via,
      confidence: via === 'that' ? 0.85 : 0.7,
    }
  }
  // An object instead of a clause: denials, confirmations, announcements; "rejected as
  // false" has no object (what was rejected is named before it).
  if (deny && !(deny.stance === 'denies' && (view.pos[j] === 'ADP' || view.lower[j] === 'as')))
    return { from: j, to, sense: deny, rule: 'quotes/x-denied-y', confidence: 0.6 }
  return null
}

/**
 * Uses of a cue verb that say nothing: a phrasal verb ("called in air support", "called off
 * the talks"), a participle after its noun ("groups opposed to military rule have …"), and an
 * object noun closed by a comma before a new clause ("claimed responsibility, but …").
 */
function notSpeechUse(view: TokenView, cue: number, after: number, j: number): boolean {
  const word = view.lower[cue] ?? ''
  // "said in a statement" is an adjunct; only "call in" (summon) takes "in" as a particle.
  const particle = view.lower[j] ?? ''
  if (j === after && (PARTICLES.has(particle) || (particle === 'in' && word.startsWith('call'))))
    return true
  if (
    word.endsWith('ed') &&
    view.lower[j] === 'to' &&
    NOUN_TAGS.has(view.pos[cue - 1] ?? '') &&
    finiteVerbAfter(view, j, Math.min(view.tokens.length - 1, j + 12))
  )
    return true
  return (
    view.pos[j] === 'NOUN' &&
    isPunct(view, j + 1, ',') &&
    LINKING_WORDS.has(view.lower[j + 2] ?? '')
  )
}

const PARTICLES = new Set(['off', 'up', 'out', 'back', 'down'])
const NOUN_TAGS = new Set(['NOUN', 'PROPN'])
const LINKING_WORDS = new Set(['but', 'and', 'while', 'although', 'though'])

/** A finite verb or auxiliary in the sentence after `from`: the cue was no main verb. */
function finiteVerbAfter(view: TokenView, from: number, to: number): boolean {
  const sentence = view.sentenceOf[from]
  for (let k = from + 1; k <= to && view.sentenceOf[k] === sentence; k++) {
    if (view.pos[k] === 'AUX') return true
    if (isPunct(view, k, ',;:')) return false
  }
  return false
}

/** "a claim", "an allegation", "a charge" opening an appositive after the content. */
function commentNounAhead(view: TokenView, k: number, options: FindOptions): boolean {
  const article = view.lower[k]
  if (article !== 'a' && article !== 'an') return false
  return options.lexicon.commentNouns.has(view.lower[k + 1] ?? '')
}

/** One bit per frame, so a cue's frames are a number tested with `&`. */
const FRAME: Record<CueSense['frame'], number> = {
  that: 1,
  obj: 2,
  of: 4,
  to: 8,
  for: 16,
  quote: 32,
}

/** The frames of a cue's senses as bits of FRAME. */
function frameBits(senses: readonly CueSense[]): number {
  let bits = 0
  for (const s of senses) bits |= FRAME[s.frame]
  return bits
}

function clauseHasFiniteStart(view: TokenView, j: number): boolean {
  const pos = view.pos[j]!
  return pos === 'DET' || pos === 'PRON' || pos === 'PROPN' || pos === 'NUM'
}
