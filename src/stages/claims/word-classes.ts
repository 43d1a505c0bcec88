import { MONTHS, WEEKDAYS } from '../../core/calendar.js'

/** Past forms that do not end in -ed: an event told in the past is checkable. */
export const IRREGULAR_PAST = new Set([
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
export const PAST_AUX = new Set(['was', 'were', 'had', 'has', 'have'])
export const NUMBER_WORDS = new Set([
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
/** Objects that only point back ("rejected the claim"): no proposition of their own. */
export const ANAPHORIC_OBJECTS = new Set([
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
/** Copula forms of a short verdict ("The claim is absurd"). */
export const COPULAS = new Set(['is', 'are', 'was', "'s", '’s'])
/** Words that date a statement (refs.dates). */
export const DAY_WORDS = new Set([
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

/** Bits of `ClaimLexicon.flags`, one per word class above (and two cue-class summaries). */
export const F_NUMBER = 1
export const F_PAST = 2
export const F_PAST_AUX = 4
export const F_ANAPHORIC = 8
export const F_COPULA = 16
export const F_DAY = 32
/** A cue form of class deny. */
export const F_DENY_CUE = 64
/** A cue form of a stance, intention, belief or directive class (not a fact verb). */
export const F_NOT_FACT = 128
/** The first word of a hedge, denial or opinion phrase. */
export const F_PHRASE = 256

/** Single words the rules compare tokens with. */
export const LITERALS = [',', ':', '?', 'which', 'because', 'not', 'to', 'of'] as const
