import type { EventStatus } from '../../core/record.js'
import { CLAUSE_BREAK } from './find.js'
import { phraseIsAt, wordFilter } from './lexicon.js'
import type { SentenceView, TriggerHit } from './types.js'
import { CUE_WORD } from './words.js'

export type CueEffect =
  | 'intent'
  | 'refusal'
  | 'labour'
  | 'negation'
  | 'hypothetical'
  | 'future'
  | 'habitual'
  | 'denial'
  | 'official'
  | 'report'

export interface Cues {
  /** Single-word cues by word. */
  words: ReadonlyMap<string, CueEffect>
  /** Multi-word cues ("for months", "set to", "according to") by first word, in lexicon order. */
  phrases: ReadonlyMap<string, readonly { words: string[]; effect: CueEffect }[]>
}

export interface StatusResult {
  status: EventStatus
  /** A refusal ("would not meet", "declined to resign"): a REJECT when what is refused is cooperative. */
  refusal: boolean
  /** Refers back to an event told before ("the attack"): evidence, never an event of its own. */
  anaphoric: boolean
  /** Under "if"/"unless": a declared intention under a condition is a threat. */
  conditional: boolean
  /**
   * A declared intention ("said it will boycott", "plans to impose"): the event is not yet, but
   * the declaration is a PLOVER event of its own (AGREE when cooperative, THREATEN when not).
   */
  intent: boolean
  /** Why the mention is background and no event at all, or null. */
  drop: string | null
  /** On its own too weak to start an event (ongoing, historical present, anaphoric "the attack"). */
  weak: boolean
}

const AUX = new Set([
  'is',
  'are',
  'am',
  'was',
  'were',
  'be',
  'been',
  'being',
  'has',
  'have',
  'had',
  'do',
  'does',
  'did',
])
const PERFECT = new Set(['has', 'have', "'ve", "'s"])
const DEFINITE = new Set(['the', 'this', 'that', 'its', 'their', 'these', 'those', 'his', 'her'])
const GERUND_PREPOSITIONS = new Set([
  'by',
  'of',
  'for',
  'from',
  'without',
  'after',
  'before',
  'about',
  'on',
  'in',
  'against',
])
const BACKGROUND_SUBJECTS = new Set([
  'war',
  'conflict',
  'invasion',
  'violence',
  'fighting',
  'siege',
])
const CLAIM_OBJECTS = new Set([
  'allegation',
  'allegations',
  'claim',
  'claims',
  'accusation',
  'accusations',
  'report',
  'reports',
  'charge',
  'charges',
  'suggestion',
  'suggestions',
  'assertion',
  'account',
  'accounts',
])
/** Verbal categories: saying, not doing; an undated perfect ("has accused") is a standing position. */
const STANDING = new Set(['ACCUSE'])
const PARTICIPLE_STANCES = new Set(['ACCUSE', 'REJECT', 'SUPPORT'])
const VERBAL = new Set(['ACCUSE', 'REJECT', 'SUPPORT', 'REQUEST', 'THREATEN', 'AGREE', 'CONCEDE'])
/** Words skipped when looking for the auxiliary of a verb ("are now investigating"). */
const ADVERB_POS = new Set(['ADV', 'PART'])

type CueHit = { effect: CueEffect; length: number } | null

/** The shared empty list of cue positions (read only). */
const NONE: number[] = []

/**
 * Cue effects of every word of a sentence, read once per sentence: status, sources and counts
 * ask for the cue of the same words once per trigger, which made cue look-ups the stage's
 * commonest call.
 */
export function cueAt(view: SentenceView, i: number, cues: Cues): CueHit {
  return cueTable(view, cues)[i] ?? null
}

/** The cue of every word of the sentence (null where there is none), computed once per sentence. */
export function cueTable(view: SentenceView, cues: Cues): readonly CueHit[] {
  const memo = view.memo
  if (memo.cues !== cues || !memo.table) {
    const table: CueHit[] = new Array<CueHit>(view.words.length)
    // Most sentences have no report or habitual cue: they share one empty list (never written).
    let reports = NONE
    let habits = NONE
    const phrases = wordFilter(cues.phrases)
    const words = wordFilter(cues.words)
    // With word flags, a word without the cue bit is no cue's first word (no hash per word).
    const flags = view.flags
    for (let k = 0; k < view.words.length; k++) {
      const word = view.words[k] as string
      const may =
        flags !== undefined
          ? (flags[view.offset + k]! & CUE_WORD) !== 0
          : phrases.has(word) || words.has(word)
      const cue = may ? readCue(view, k, cues) : null
      table[k] = cue
      if (cue?.effect === 'report') (reports === NONE ? (reports = []) : reports).push(k)
      else if (cue?.effect === 'habitual') (habits === NONE ? (habits = []) : habits).push(k)
    }
    memo.cues = cues
    memo.table = table
    memo.reports = reports
    memo.habits = habits
  }
  return memo.table as CueHit[]
}

/**
 * Word indexes of the sentence's report cues ("said", "according to"), ascending: sources and
 * status look for them once per trigger, and a scan of every word per trigger grows with the
 * square of a long sentence.
 */
export function reportCues(view: SentenceView, cues: Cues): readonly number[] {
  cueTable(view, cues)
  return view.memo.reports!
}

/** Word indexes of the sentence's habitual cues ("repeatedly", "since"), ascending. */
function habitCues(view: SentenceView, cues: Cues): readonly number[] {
  cueTable(view, cues)
  return view.memo.habits!
}

function readCue(view: SentenceView, i: number, cues: Cues): CueHit {
  const word = view.words[i] ?? ''
  // Indexed by first word: one lookup for most words.
  const phrases = cues.phrases.get(word)
  if (phrases !== undefined) {
    for (const p of phrases) {
      if (phraseIsAt(view.words, i, p.words)) return { effect: p.effect, length: p.words.length }
    }
  }
  const effect = cues.words.get(word)
  return effect ? (SINGLE.get(effect) ?? null) : null
}

/** One shared hit per effect for one-word cues: most cue hits are one word. */
const SINGLE = new Map<CueEffect, { effect: CueEffect; length: number }>(
  (
    [
      'intent',
      'refusal',
      'labour',
      'negation',
      'hypothetical',
      'future',
      'habitual',
      'denial',
      'official',
      'report',
    ] as const
  ).map((effect) => [effect, { effect, length: 1 }]),
)

function clauseStart(view: SentenceView, i: number): number {
  let k = i - 1
  while (k >= 0 && !CLAUSE_BREAK.has(view.words[k] as string)) k--
  return k + 1
}

/**
 * Whether a trigger reports something that happened, and whether it is an event at all. Scopes are
 * local on purpose: a cue counts only in the trigger's clause and close before it.
 */
export function statusOf(
  view: SentenceView,
  hit: TriggerHit,
  cues: Cues,
  hasDate: boolean,
): StatusResult {
  const w = view.words
  const first = hit.first - view.offset
  const head = hit.headToken - view.offset
  const last = hit.last - view.offset
  const start = clauseStart(view, first)
  const verb = hit.entry.pos === 'V' || hit.form === 'ed' || hit.form === 'ing'
  const type = hit.entry.type
  let weak = hit.entry.strength === 'weak'
  const table = cueTable(view, cues)

  // ---- background: not an event at all
  for (const i of habitCues(view, cues)) {
    const word = w[i] as string
    if (word === 'since') {
      // "Since 2022, X has …" covers the sentence; a later "since" only its own clause.
      const inClause =
        i > start && i < first && first - i <= 8 && !w.slice(i, first).includes('and')
      if (i === 0 || inClause) return drop('habitual: since')
      continue
    }
    if (word === 'long' && !(PERFECT.has(w[i - 1] ?? '') || w[i + 1] === 'been')) continue
    if (word === 'daily' && w[i - 1] !== 'near' && w[i - 1] !== '-') continue
    return drop(`habitual: ${word}`)
  }
  if (
    hit.entry.pos === 'N' &&
    view.tokens[last]?.pos === 'NOUN' &&
    !TIME_NOUN.test(w[last] ?? '') &&
    // "a mediation mission", "a protest campaign": the second noun only wraps the event.
    !WRAPPER.test(w[last] ?? '')
  ) {
    return drop('modifier of a noun')
  }
  if (hit.form === 'ing' && GERUND_PREPOSITIONS.has(w[first - 1] ?? ''))
    return drop('gerund after a preposition')
  if (hit.form === 'ing' && VERBAL.has(type) && w[first - 1] === ',')
    return drop('participial adjunct')
  // ", which has defended the city for a year": a relative clause describes, it does not report.
  if (/^(which|who)$/.test(w[first - 2] ?? '') && /^(has|have|had)$/.test(w[first - 1] ?? '')) {
    return drop('relative clause')
  }
  // "after being promised work": an intention received, not declared.
  if (
    (table[head] ?? null)?.effect === 'intent' &&
    hit.entry.pos === 'V' &&
    /^(being|been|was|were|is|are)$/.test(w[first - 1] ?? '')
  ) {
    return drop('passive intention')
  }
  // "last March": the month, not a march.
  if (head > 0 && w[head] === 'march' && view.surface[head] === 'March') return drop('month name')
  // "alleged bombers", "the banned movement": a participle used as an adjective.
  if (
    hit.form === 'ed' &&
    view.tokens[head]?.pos === 'ADJ' &&
    /^(NOUN|PROPN)$/.test(view.tokens[head + 1]?.pos ?? '')
  ) {
    return drop('participle adjective')
  }
  if (
    hit.form === 'ing' &&
    precededByNoun(view, first) &&
    !(VERBAL.has(type) && SPEECH_ACT.test(w[first - 1] ?? ''))
  )
    return drop('participle modifying a noun')
  // "who asked not to be named": the attribution idiom, not a request.
  if (type === 'REQUEST' && w[last] === 'not' && w[last + 1] === 'to')
    return drop('anonymity idiom')
  // (Only for a bare participle: in "forced the villagers out of" the "of" follows the particle.)
  if (
    hit.form === 'ed' &&
    last - first === 1 &&
    /^(of|by)$/.test(w[last] ?? '') &&
    /^(NOUN|PROPN)$/.test(view.tokens[first - 1]?.pos ?? '')
  ) {
    return drop('reduced relative clause')
  }
  // "armed groups opposed to military rule", "rebels supported by Rwanda": a stance participle
  // after its noun describes the group; nobody did or said anything. With "by" any such verb
  // is a passive participle there; with "to" only "opposed" (an adjective: "forces opposed to
  // the junta"), since "Lebanon complained to the UN" and "refused to" are finite verbs.
  if (
    PARTICIPLE_STANCES.has(type) &&
    hit.form === 'ed' &&
    /^(NOUN|PROPN)$/.test(view.tokens[first - 1]?.pos ?? '')
  ) {
    const next = last === first ? w[last + 1] : last === first + 1 ? w[last] : ''
    if (next === 'by' || (next === 'to' && w[first] === 'opposed')) {
      return drop('stance participle after its noun')
    }
  }
  if (type === 'REJECT' && w.slice(last, last + 3).some((x) => CLAIM_OBJECTS.has(x))) {
    return drop('denial of a claim')
  }
  if (
    STANDING.has(type) &&
    hit.entry.mode !== 'investigate' &&
    hit.form === 'ed' &&
    PERFECT.has(w[first - 1] ?? '') &&
    !hasDate &&
    reportCues(view, cues).length === 0
  ) {
    return drop('standing position (undated perfect)')
  }
  // "the war, which began in 2023, has killed …": a running total, not an event. The subject is
  // looked for back over a relative clause set off by commas.
  let seen = 0
  for (let k = first - 1; verb && k >= 0 && seen < 8; k--) {
    if (w[k] === ',' && /^(which|who)$/.test(w[relativeStart(w, k)] ?? '')) {
      k = relativeStart(w, k) - 1
      continue
    }
    if (CLAUSE_BREAK.has(w[k] as string) && k < start) break
    seen++
    if (view.tokens[k]?.pos === 'NOUN' && BACKGROUND_SUBJECTS.has(w[k] as string))
      return drop('background statistic')
    if (view.tokens[k]?.pos === 'VERB') break
  }

  // ---- status
  let status: EventStatus = 'happened'
  let refusal = false
  for (let k = first - 1; k >= start && k >= first - 4; k--) {
    const cue = table[k] ?? null
    if (cue?.effect === 'negation') {
      status = 'negated'
      if (/^(will|would|wo|shall|can|could|ca)$/.test(w[k - 1] ?? '')) refusal = true
    }
    if (cue?.effect === 'refusal') {
      status = 'negated'
      refusal = true
    }
  }
  for (let k = first - 1; k >= start; k--) {
    const cue = table[k] ?? null
    if (cue?.effect === 'denial') status = 'negated'
  }
  let intent = false
  let conditional = false
  if (status === 'happened') {
    const near = verb ? 8 : 3
    for (let k = first - 1; k >= start && k >= first - near; k--) {
      const cue = table[k] ?? null
      if (cue?.effect === 'future') {
        status = 'future'
        intent = declared(view, k, first, cues)
        break
      }
      if (cue?.effect === 'hypothetical') {
        status = 'hypothetical'
        intent = declared(view, k, first, cues)
        break
      }
      if (w[k] === 'to' && (hit.form === 'base' || k === first - 1) && verb) {
        const governor = w[k - 1] ?? ''
        // "attempted to assassinate" is an attempt, which PLOVER codes; "staged a sit-in to
        // protest" is a protest by its purpose.
        if (type === 'ASSAULT' && /^(attempt|attempted|attempts|tried|try|trying)$/.test(governor))
          break
        // "continued to send arms", "decided to allow": the act itself is reported.
        if (ASPECTUAL.test(governor)) break
        if (/^(protest|demonstrate)$/.test(w[head] ?? '') && view.tokens[k - 1]?.pos !== 'AUX')
          break
        status = (table[k - 1] ?? null)?.effect === 'future' ? 'future' : 'hypothetical'
        if (status === 'future') intent = declared(view, k - 1, first, cues)
        break
      }
      // A finite verb in between closes the modal's reach, except for coordinated verbs.
      if (k < first - 1 && view.tokens[k]?.pos === 'VERB' && hit.form !== 'base') break
    }
    for (let k = start; k < first; k++)
      if (w[k] === 'if' || w[k] === 'unless') status = 'hypothetical'
    // "the talks will continue next week": an event noun that is the subject of a future verb.
    if (!verb && /^(will|'ll|shall)$/.test(w[last] ?? '')) status = 'future'
    // "will withdraw … unless", "may halt … if": a conditional promise of harm is a threat.
    conditional = status !== 'happened' && w.some((x) => x === 'if' || x === 'unless')
  }

  // ---- weak: ongoing, historical present, anaphoric
  let a = first - 1
  while (a > 0 && ADVERB_POS.has(view.tokens[a]?.pos ?? '') && w[a] !== 'not') a--
  // "did not attack": the auxiliary stands before the negation.
  const before = w[a] === 'not' || w[a] === "n't" ? (w[a - 1] ?? '') : (w[a] ?? '')
  // A material verb in the present ("they strike", "are fighting") is ongoing or habitual; a
  // statement in the present ("Beijing opposes") is the statement itself.
  const present =
    (hit.form === 'base' || hit.form === 's') && !AUX.has(before) && w[first - 1] !== 'to'
  if (verb && present && !VERBAL.has(type)) weak = true
  // "-ing" without "is/was" is a gerund or participle ("saying fighting was continuing",
  // "capturing two"): detail of an event told by a finite verb, not an event of its own.
  if (verb && hit.form === 'ing' && !VERBAL.has(type) && !ASPECTUAL.test(w[first - 1] ?? ''))
    weak = true
  if (verb && hit.form === 'ing' && /^(is|are|am|was|were)$/.test(before)) weak = true
  // "the captured soldiers": a participle used as an adjective.
  if (hit.form === 'ed' && /^(the|a|an|its|their|his|her)$/.test(w[first - 1] ?? '')) weak = true
  // "continued their hunger strike": the object of a verb of doing is told here, not referred to.
  const done = /^(continued|began|started|resumed|staged|held|launched|completed)$/
  const anaphoric =
    !verb &&
    (DEFINITE.has(w[first - 1] ?? '') || DEFINITE.has(w[first - 2] ?? '')) &&
    !done.test(w[first - 2] ?? '') &&
    !done.test(w[first - 3] ?? '')
  if (anaphoric) weak = true
  if (hit.form === 'ed' && /^(those|whom)$/.test(w[first - 1] ?? '')) weak = true
  // A weak noun written with a capital is a named event ("Munich Security Conference").
  if (weak && !verb && head > 0 && isCapital(view.firstCode(head))) weak = false
  return {
    status,
    intent: intent || conditional,
    conditional,
    refusal,
    drop: null,
    weak,
    anaphoric,
  }
}

function isCapital(c: number): boolean {
  return c >= 65 && c <= 90
}

/** "a declaration demanding …": a document that says something is a statement. */
const SPEECH_ACT = /^(declaration|statement|letter|resolution|communique|message|note|report)$/
const WRAPPER = /^(mission|missions|effort|efforts|bid|process|campaign|operation|drive|movement)$/
const ASPECTUAL =
  /^(continued|continues|began|begun|begins|started|starts|resumed|resumes|decided|decides)$/
const TIME_NOUN =
  /^(yesterday|today|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|morning|evening|night|overnight|week|month|year|january|february|march|april|may|june|july|august|september|october|november|december)$/
const SUBJECT_PRONOUN = /^(it|he|she|they|we|i)$/

/**
 * Whether a future cue at k declares the speaker's own intention: "Hungary has said it will
 * support", or a future clause with its attribution after it ("Finland will give …, a statement said").
 */
function declared(view: SentenceView, k: number, first: number, cues: Cues): boolean {
  if (!/^(will|would|shall|'ll|plans|plan|planned|intends|intend)$/.test(view.words[k] ?? ''))
    return false
  const table = cueTable(view, cues)
  if (SUBJECT_PRONOUN.test(view.words[k - 1] ?? '')) {
    if (reportCues(view, cues).some((j) => j <= k - 2)) return true
  }
  if (/^(plans|plan|planned|intends|intend)$/.test(view.words[k] ?? '')) return true
  for (let j = first + 1; j < view.words.length; j++) {
    if (view.words[j] === ',' && (table[j + 1] ?? null) === null) {
      for (let r = j + 1; r < Math.min(view.words.length, j + 8); r++) {
        if ((table[r] ?? null)?.effect === 'report') return !view.words.slice(0, k).includes(',')
      }
    }
  }
  return false
}

/** "soldiers fighting on Russia's side", "a country militarily supporting …": a modifier. */
function precededByNoun(view: SentenceView, first: number): boolean {
  let k = first - 1
  while (k >= 0 && view.tokens[k]?.pos === 'ADV') k--
  return /^(NOUN|PROPN)$/.test(view.tokens[k]?.pos ?? '')
}

/** Index just after the comma that opens the relative clause closed by the comma at k. */
function relativeStart(w: readonly string[], k: number): number {
  let j = k - 1
  while (j >= 0 && w[j] !== ',') j--
  return j + 1
}

/** One result per reason, shared: results are read, never changed, and drops are common. */
const DROPS = new Map<string, StatusResult>()

function drop(reason: string): StatusResult {
  let result = DROPS.get(reason)
  if (result === undefined) {
    result = {
      status: 'happened',
      intent: false,
      conditional: false,
      refusal: false,
      drop: reason,
      weak: true,
      anaphoric: false,
    }
    // Reasons come from a short fixed list and the words of habitual cues: a small bound.
    if (DROPS.size < 256) DROPS.set(reason, result)
  }
  return result
}
