import { WEEKDAYS } from '../../core/calendar.js'
import type { SpeakerPhrase, TokenView } from './types.js'
import { isPunct, tokenSpan } from './view.js'

// Words that may sit inside a speaker noun phrase besides nouns, names and adjectives.
const INNER_ADP = new Set(['of', 'for', 'in', 'at', 'with', 'on', 'from', 'to', 'by', '&'])
const NP_POS = new Set(['PROPN', 'NOUN', 'ADJ', 'DET', 'NUM', 'X', 'SYM'])
const HEAD_POS = new Set(['PROPN', 'NOUN', 'NUM', 'PRON', 'ADJ', 'X'])
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'who'])
const ORDINAL = /^\d+(st|nd|rd|th)$/
const RELATIVES = new Set(['who', 'which', 'whose', 'whom'])
/** Between a subject and its verb: auxiliaries, adverbs, negation ("has also", "did not"). */
export function isVerbalFiller(view: TokenView, i: number): boolean {
  const pos = view.pos[i]
  const lower = view.lower[i]
  return pos === 'AUX' || pos === 'ADV' || lower === 'not' || lower === "n't"
}

function isNpToken(view: TokenView, i: number): boolean {
  const pos = view.pos[i]!
  const lower = view.lower[i]!
  if (NP_POS.has(pos)) return true
  if (ORDINAL.test(lower)) return true
  // "army-aligned", "Russian-installed": a verb glued to a hyphen is a modifier.
  if (
    pos === 'VERB' &&
    view.lower[i - 1] === '-' &&
    view.tokens[i - 1]!.end === view.tokens[i]!.start
  ) {
    return true
  }
  // "Ted Cruz", "Josh Earnest": a first name the tagger read as a verb, before a name.
  if (pos === 'VERB' && view.pos[i + 1] === 'PROPN' && isCapitalisedName(view, i)) return true
  if (pos === 'PART') return lower === "'s" || lower === '’s' || lower === "'" || lower === '’'
  if (pos === 'PRON')
    return lower === 'his' || lower === 'her' || lower === 'its' || lower === 'their'
  if (pos === 'PUNCT') return lower === '-' || lower === '&' || lower === '.'
  if (pos === 'CCONJ') return lower === 'and' || lower === '&'
  if (pos === 'ADP') return INNER_ADP.has(lower)
  return false
}

function isCapitalisedName(view: TokenView, i: number): boolean {
  const c = view.text.charCodeAt(view.tokens[i]!.start)
  const lower = view.lower[i]!
  return (
    c >= 65 &&
    c <= 90 &&
    !lower.endsWith('s') &&
    !lower.endsWith('ed') &&
    !lower.endsWith('ing') &&
    lower.length > 2
  )
}

const TIME_WORDS = new Set([
  ...WEEKDAYS,
  'morning',
  'afternoon',
  'evening',
  'night',
  'week',
  'month',
  'year',
  'weekend',
  'today',
  'yesterday',
  'tonight',
])
const WEEKDAY_WORDS: ReadonlySet<string> = new Set(WEEKDAYS)
const TIME_OPENERS = new Set(['on', 'in', 'last', 'this', 'early', 'late', 'earlier', 'later'])

/** "Sen. Bernie Sanders on Wednesday morning": the last token before a trailing time adjunct. */
function beforeTimeAdjunct(view: TokenView, first: number, last: number): number {
  if (!TIME_WORDS.has(view.lower[last]!)) return last
  // "a statement Wednesday": a bare day after a common noun.
  if (last > first && view.pos[last - 1] === 'NOUN' && WEEKDAY_WORDS.has(view.lower[last]!))
    return last - 1
  for (let k = last - 1; k > first && k >= last - 3; k--) {
    if (TIME_OPENERS.has(view.lower[k]!)) {
      let end = k - 1
      while (end > first && TIME_OPENERS.has(view.lower[end]!)) end--
      return end >= first && HEAD_POS.has(view.pos[end]!) ? end : last
    }
  }
  return last
}

function trimPhrase(view: TokenView, first: number, last: number): SpeakerPhrase | null {
  // A leading adverbial ("On Thursday the ministry") is not part of the subject.
  const startPos = () => view.pos[first]
  if (startPos() === 'ADP' && first < last) {
    let k = first + 1
    while (k < last && !['NOUN', 'PROPN', 'NUM'].includes(view.pos[k]!)) k++
    if (k < last) first = k + 1
  }
  while (first <= last && ['ADP', 'CCONJ', 'PUNCT', 'PART'].includes(startPos() ?? '')) first++
  while (last >= first && ['ADP', 'CCONJ', 'PUNCT', 'DET'].includes(view.pos[last]!)) last--
  if (last < first) return null
  last = beforeTimeAdjunct(view, first, last)
  if (!HEAD_POS.has(view.pos[last]!) && view.lower[last] !== '%') return null
  return { span: tokenSpan(view, first, last), first, last }
}

/** The noun phrase that ends at token `end`, not reaching before `floor`. */
export function phraseEndingAt(
  view: TokenView,
  end: number,
  floor: number,
  maxTokens: number,
): SpeakerPhrase | null {
  if (end < floor || end < 0) return null
  const pos = view.pos[end]!
  if (pos === 'PRON') {
    return SUBJECT_PRONOUNS.has(view.lower[end]!) || view.lower[end] === 'one'
      ? widenPhrase(view, { span: tokenSpan(view, end, end), first: end, last: end }, floor)
      : null
  }
  let first = end
  while (first - 1 >= floor && end - first + 1 < maxTokens && isNpToken(view, first - 1)) first--
  const phrase = trimPhrase(view, first, end)
  return phrase && widenPhrase(view, phrase, floor)
}

// Words of quantity that open a subject ("About 9 percent", "More black lawmakers"); the tagger
// reads them as adverbs or prepositions.
const QUANTITY_OPENERS = new Set([
  'about',
  'more',
  'most',
  'nearly',
  'almost',
  'roughly',
  'approximately',
  'only',
  'just',
  'fewer',
  'over',
])

/**
 * A subject's mention widened to the left by what the scan stops at: a pronoun joined to it ("She
 * and her defenders", "He or she") or a word of quantity before a number or a modifier ("About 9
 * percent", "More black lawmakers").
 */
function widenPhrase(view: TokenView, phrase: SpeakerPhrase, floor: number): SpeakerPhrase {
  let first = phrase.first
  const joiner = view.lower[first - 1]
  if (
    (joiner === 'and' || joiner === 'or') &&
    first - 2 >= floor &&
    view.pos[first - 2] === 'PRON' &&
    SUBJECT_PRONOUNS.has(view.lower[first - 2]!)
  ) {
    first -= 2
  } else if (
    first - 1 >= floor &&
    QUANTITY_OPENERS.has(joiner ?? '') &&
    ['NUM', 'ADJ', 'DET'].includes(view.pos[first]!)
  ) {
    first -= 1
  }
  if (first === phrase.first) return phrase
  // The mention widens; the phrase (and so the speaker's name) stays as found.
  return { ...phrase, mention: tokenSpan(view, first, phrase.last) }
}

/** The noun phrase that starts at token `start`, not reaching past `ceil`. */
export function phraseStartingAt(
  view: TokenView,
  start: number,
  ceil: number,
  maxTokens: number,
): SpeakerPhrase | null {
  if (start > ceil || start >= view.tokens.length) return null
  if (view.pos[start]! === 'PRON' && SUBJECT_PRONOUNS.has(view.lower[start]!)) {
    return { span: tokenSpan(view, start, start), first: start, last: start }
  }
  let last = start - 1
  while (
    last + 1 <= ceil &&
    last - start + 2 <= maxTokens &&
    isNpToken(view, last + 1) &&
    !adjunctAhead(view, last + 1)
  ) {
    last++
  }
  if (last < start) return null
  return trimPhrase(view, start, last)
}

/** "… Anthony Romero in a statement": a preposition before a common noun phrase ends the name. */
function adjunctAhead(view: TokenView, k: number): boolean {
  if (!['in', 'on', 'at', 'by'].includes(view.lower[k]!)) return false
  // "by phone", "in a statement": a common noun after the preposition; "a poll by the
  // Harvard Institute of Politics", "a source in the General Staff" go on.
  let next = k + 1
  if (view.pos[next] === 'DET') next++
  const word = view.tokens[next]
  if (!word) return false
  const raw = view.text[word.start] ?? ''
  return raw === raw.toLowerCase() && !/\d/.test(raw)
}

/**
 * The whole mention after an inverted cue, as news writes it: "said Rick Wilson, a
 * Florida-based Republican strategist." runs to the end of the sentence, or to the
 * next quotation mark.
 */
/**
 * ", emailed supporters …": a comma before a verb ends the apposition; the clause goes on.
 * So does a comma before a participle or a subordinate clause (", referring to …", ", though
 * he added …"): they tell how or when the speaker spoke, not who the speaker is.
 */
function clauseResumes(view: TokenView, k: number): boolean {
  if (!isPunct(view, k, ',')) return false
  const next = view.pos[k + 1]
  const word = view.lower[k + 1] ?? ''
  return next === 'VERB' || next === 'AUX' || next === 'SCONJ' || /^[a-z]+ing$/.test(word)
}

export function withTrailingApposition(
  view: TokenView,
  phrase: SpeakerPhrase,
  ceil: number,
): SpeakerPhrase {
  const from = phrase.mention?.start ?? phrase.span.start
  if (!isPunct(view, phrase.last + 1, ',') || clauseResumes(view, phrase.last + 1)) return phrase
  let end = phrase.last + 1
  while (
    end + 1 <= ceil &&
    !isPunct(view, end + 1, '.;!?') &&
    !isQuoteBoundary(view, end + 1) &&
    !clauseResumes(view, end + 1) &&
    view.paragraphOf[end + 1] === view.paragraphOf[phrase.last]
  )
    end++
  while (end > phrase.last && isPunct(view, end, ',')) end--
  return { ...phrase, mention: { start: from, end: view.tokens[end]!.end } }
}

function hasProperName(view: TokenView, phrase: SpeakerPhrase): boolean {
  for (let k = phrase.first; k <= phrase.last; k++) if (view.pos[k]! === 'PROPN') return true
  return false
}

/**
 * The subject of the cue at token `cue`: the noun phrase before it, across
 * auxiliaries and adverbs ("has also revealed"), relative pronouns ("X, who
 * said") and an apposition or relative clause between commas ("Oleh Varenyk, the
 * head of …, said"; "A humanitarian official, who asked not to be named, said").
 * Of a name and its apposition, the phrase with a proper name wins.
 */
export function subjectBefore(
  view: TokenView,
  cue: number,
  floor: number,
  maxTokens: number,
): SpeakerPhrase | null {
  let j = cue - 1
  while (j >= floor && isVerbalFiller(view, j)) j--
  if (j < floor) return null
  // "Lisa M. Madigan (D) asserted": a party or state tag in parentheses belongs to the name.
  if (isPunct(view, j, ')')) {
    let open = j - 1
    while (open > Math.max(floor, j - 6) && !isPunct(view, open, '(')) open--
    if (isPunct(view, open, '(')) {
      const named = phraseEndingAt(view, open - 1, floor, maxTokens)
      return named
        ? {
            ...named,
            mention: { start: (named.mention ?? named.span).start, end: view.tokens[j]!.end },
          }
        : null
    }
  }
  if (RELATIVES.has(view.lower[j]!) && j - 1 >= floor) {
    // "Barkley, who said …": the cue attaches to "who", which stands for Barkley.
    const relative = tokenSpan(view, j, j)
    j--
    if (isPunct(view, j, ',')) j--
    const antecedent = phraseBeforeTag(view, j, floor, maxTokens)
    return antecedent ? { ...antecedent, mention: relative } : null
  }
  if (!isPunct(view, j, ','))
    return extendOverModifier(view, phraseEndingAt(view, j, floor, maxTokens), floor, maxTokens)
  // "NP1, SEGMENT, (SEGMENT,) cue": appositions or relative/participle clauses
  // between commas; NP1 starts the clause.
  const segments: SpeakerPhrase[] = []
  let skippedClause = false
  // "Mr. Trump, in an interview on Friday, said": the adjunct is not part of the mention.
  let mentionEnd = j - 1
  let comma = j
  for (let round = 0; round < 4; round++) {
    let k = comma - 1
    while (k >= floor && !isPunct(view, k, ',;:') && !isQuoteBoundary(view, k)) k--
    const segment = phraseBeforeTag(view, comma - 1, k + 1, maxTokens)
    // A leading "But", "And" or "Even" does not stop a segment from being a whole phrase.
    let start = k + 1
    while (start < comma - 1 && ['CCONJ', 'ADV'].includes(view.pos[start]!)) start++
    const whole = segment !== null && segment.first === start
    const withMention = (picked: SpeakerPhrase, from: number) => ({
      ...picked,
      mention: tokenSpan(view, from, Math.max(from, mentionEnd)),
    })
    if (k < floor || !isPunct(view, k, ',')) {
      if (whole && (segments.length > 0 || skippedClause)) {
        return withMention(pickNamed(view, [segment, ...segments]), segment.first)
      }
      return segments.length > 1 ? withMention(pickNamed(view, segments), segments[0]!.first) : null
    }
    if (whole) {
      segments.unshift(segment)
    } else if (segments.length > 1) {
      // An introductory clause before "NAME, APPOSITION, said": the name starts the subject.
      return withMention(pickNamed(view, segments), segments[0]!.first)
    } else {
      const opener = view.pos[k + 1] ?? ''
      // "X, meanwhile, said", "X, however, said": a sentence adverb right before the cue.
      const adverb = opener === 'ADV' && segments.length === 0 && comma - k - 1 <= 3
      const skippable =
        RELATIVES.has(view.lower[k + 1] ?? '') ||
        ['VERB', 'DET', 'NUM', 'ADJ', 'NOUN', 'PROPN'].includes(opener) ||
        // "X, in a brief interview on Saturday, said": an adjunct right before the cue.
        (opener === 'ADP' && segments.length === 0) ||
        adverb
      if (!skippable) return null
      if ((opener === 'ADP' && segments.length === 0) || adverb) mentionEnd = k - 1
      skippedClause = true
    }
    comma = k
  }
  return null
}

/**
 * The phrase ending at `end`, through a party or state tag in parentheses that closes it:
 * "Sen. Claire McCaskill (D-Mo.), who has endorsed Clinton, said" (the tag is part of the
 * name, as before a cue).
 */
function phraseBeforeTag(
  view: TokenView,
  end: number,
  floor: number,
  maxTokens: number,
): SpeakerPhrase | null {
  if (!isPunct(view, end, ')')) return phraseEndingAt(view, end, floor, maxTokens)
  let open = end - 1
  while (open > Math.max(floor, end - 6) && !isPunct(view, open, '(')) open--
  if (!isPunct(view, open, '(')) return null
  const named = phraseEndingAt(view, open - 1, floor, maxTokens)
  if (!named) return null
  const mention = { start: (named.mention ?? named.span).start, end: view.tokens[end]!.end }
  return { ...named, last: end, mention }
}

/** Of a phrase and its appositions: the first headed by a name, else the first with a name, else the first. */
function pickNamed(view: TokenView, phrases: SpeakerPhrase[]): SpeakerPhrase {
  return (
    phrases.find((p) => view.pos[p.last]! === 'PROPN') ??
    phrases.find((p) => hasProperName(view, p)) ??
    phrases[0]!
  )
}

/** "two officials briefed on the talks": a participle modifier hides the head noun. */
function extendOverModifier(
  view: TokenView,
  phrase: SpeakerPhrase | null,
  floor: number,
  maxTokens: number,
): SpeakerPhrase | null {
  if (!phrase) return null
  // "New polls released Sunday said …": a time word alone after a participle is the
  // participle's adjunct; the subject is the noun before the participle.
  if (isTimeOnly(view, phrase)) {
    const verb = phrase.first - 1
    if (verb - 1 < floor || view.pos[verb] !== 'VERB' || !/(ed|en)$/.test(view.lower[verb]!)) {
      return phrase
    }
    const head = phraseEndingAt(view, verb - 1, floor, maxTokens)
    // The head noun names the speaker; the mention runs to the time word.
    return head ? { ...head, mention: { start: head.span.start, end: phrase.span.end } } : phrase
  }
  const adp = phrase.first - 1
  const verb = phrase.first - 2
  if (verb - 1 < floor || view.pos[adp] !== 'ADP' || view.pos[verb] !== 'VERB') {
    return phrase
  }
  if (!/(ed|en)$/.test(view.lower[verb]!) || view.pos[verb - 1]! !== 'NOUN') return phrase
  const head = phraseEndingAt(view, verb - 1, floor, maxTokens)
  return head
    ? {
        span: { start: head.span.start, end: phrase.span.end },
        first: head.first,
        last: phrase.last,
      }
    : phrase
}

/** A phrase of time words only ("Sunday", "Friday night"). */
function isTimeOnly(view: TokenView, phrase: SpeakerPhrase): boolean {
  for (let k = phrase.first; k <= phrase.last; k++) {
    if (!TIME_WORDS.has(view.lower[k]!)) return false
  }
  return true
}

function isQuoteBoundary(view: TokenView, i: number): boolean {
  return isPunct(view, i, '"“”„«»')
}

/**
 * "Sen. Amy Klobuchar (D-Minn.)": a party or state tag in parentheses right after a name is
 * part of its mention, after an inverted cue as before a cue.
 */
function withPartyTag(view: TokenView, phrase: SpeakerPhrase, ceil: number): SpeakerPhrase {
  const open = phrase.last + 1
  if (!isPunct(view, open, '(') || !hasProperName(view, phrase)) return phrase
  let close = open + 1
  while (close <= Math.min(ceil, open + 6) && !isPunct(view, close, ')')) close++
  if (close > ceil || !isPunct(view, close, ')') || close === open + 1) return phrase
  const end = view.tokens[close]!.end
  return {
    ...phrase,
    last: close,
    mention: { start: (phrase.mention ?? phrase.span).start, end },
  }
}

/** The speaker after an inverted cue ("…," said Taras Zhuravel, a military analyst). */
export function subjectAfter(
  view: TokenView,
  start: number,
  ceil: number,
  maxTokens: number,
): SpeakerPhrase | null {
  const untagged = phraseStartingAt(view, start, ceil, maxTokens)
  if (!untagged) return null
  const phrase = withPartyTag(view, untagged, ceil)
  // "the brigade's spokesman, Captain Andrii Savchuk": prefer the appositive name.
  const comma = phrase.last + 1
  if (!hasProperName(view, phrase) && comma <= ceil && isPunct(view, comma, ',')) {
    const next = phraseStartingAt(view, comma + 1, ceil, maxTokens)
    if (next && hasProperName(view, next)) {
      return { ...next, mention: { start: phrase.span.start, end: next.span.end } }
    }
  }
  return phrase
}

export { hasProperName }
