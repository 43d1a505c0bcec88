import type { CountKey, Doc, Event, PloverType } from '../../core/record.js'
import type { Lexicons, LexiconRow } from '../../core/resources.js'
import type { Stage, StageContext } from '../../core/stage.js'
import {
  actorsFor,
  claimantFor,
  COUNT_TYPES,
  cueCoding,
  datelinePlace,
  dateFor,
  isOfficial,
  placesFor,
  takesPlace,
  sentenceActors,
  sentencePlaces,
  type ActorLexicon,
  type ModeCue,
} from './attribute.js'
import { findCounts, type NumberWords } from './counts.js'
import {
  datelineSpan,
  dateStartWords,
  dayOf,
  findDates,
  isMonthWord,
  isoOf,
  isRelativeStart,
} from './dates.js'
import { findTriggers, foldedText, idBuffer, makeView, wordId, type sentenceViews } from './find.js'
import { compilePhrases, compileTriggers, isPloverType } from './lexicon.js'
import {
  crowdViolenceAsRiots,
  foldProtests,
  mergeMentions,
  toEvent,
  type Draft,
  type SourcedCount,
} from './resolve.js'
import { reportCues, statusOf, type CueEffect, type Cues, type StatusResult } from './status.js'
import type {
  ActorFind,
  CountFind,
  DateFind,
  EventMention,
  EventsOptions,
  SentenceView,
  TriggerEntry,
  TriggerHit,
} from './types.js'
import { byStart } from './order.js'
import {
  CUE_WORD,
  DISTINCT_WORD,
  GROUP_WORD,
  MODE_WORD,
  MONTH_WORD,
  NUMBER_WORD,
  RELATIVE_WORD,
  WordCache,
  WordTable,
} from './words.js'

export type { EventsOptions } from './types.js'

/** Everything the stage reads from its lexicons, compiled once per lexicon set. */
export interface CompiledLexicons {
  triggers: Map<string, TriggerEntry[]>
  modes: Map<string, { words: string[]; value: ModeCue }[]>
  actors: ActorLexicon
  numbers: NumberWords
  countWords: Map<string, CountKey>
  cues: Cues
  /** Trigger first and last words, count words and "toll", with their roles in `roles`. */
  vocab: WordTable
  /**
   * Role bits by word id: STARTS (a trigger pattern's first word), KEY (a word of a pattern's
   * rarest slot) and COUNT (a count word): a sentence without both a STARTS and a KEY word can
   * hold no trigger, and one without a COUNT word no count.
   */
  roles: Uint8Array
  /** Trigger entries by the word id of their first word. */
  triggersById: (readonly TriggerEntry[] | undefined)[]
  /**
   * The words of read sentences (bounded, shared across docs), each with its flags for these
   * lexicons: cue, group and manner-cue first words, relative-date starts, months, "also".
   */
  words: WordCache
}

const STARTS = 1
const KEY = 2
const COUNT = 4
/** A word a date may start with (weekdays, months, "last", number words); digits are seen apart. */
const DATE = 8

const COUNT_KEYS = new Set<string>([
  'killed',
  'injured',
  'captured',
  'engaged',
  'arrested',
  'displaced',
  'participants',
])
const CUE_EFFECTS = new Set<string>([
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
])
/** Categories whose declared intention is a threat rather than an offer. */
const CONFLICT = new Set<PloverType>([
  'ACCUSE',
  'REJECT',
  'THREATEN',
  'PROTEST',
  'SANCTION',
  'MOBILIZE',
  'COERCE',
  'ASSAULT',
  'RETREAT',
])
const DISTINCT = new Set(['also', 'separately', 'elsewhere', 'abroad', 'meanwhile'])

export function compileLexicons(lexicons: Lexicons): CompiledLexicons {
  const rows = (name: string): readonly LexiconRow[] => lexicons.get(name)
  const modes = compilePhrases(rows('event-modes'), 'cue', (r) =>
    isPloverType(r.type ?? '')
      ? { type: r.type as PloverType, mode: r.mode || null, acled: r.acled || null }
      : null,
  )
  const groups = compilePhrases(rows('event-actors'), 'term', (r) => ({
    actorType: r.actorType || null,
    armed: r.armed === 'yes',
  }))
  const numberWords = new Set<string>()
  for (const r of rows('number-words')) {
    const first = (r.word ?? '').toLowerCase().split(/\s+/)[0]
    // "a"/"an" count only before a scale word; as actor modifiers they are articles.
    if (first && first !== 'a' && first !== 'an') numberWords.add(first)
  }
  const actors: ActorLexicon = {
    groups: new Map(
      [...groups].map(([k, list]) => [k, list.map((g) => ({ words: g.words, ...g.value }))]),
    ),
    numbers: numberWords,
  }
  const units = new Map<string, { value: number; scale: boolean }>()
  const vague = new Map<string, { words: string[]; value: number }[]>()
  for (const r of rows('number-words')) {
    const words = (r.word ?? '').toLowerCase().split(/\s+/).filter(Boolean)
    const value = Number(r.value)
    if (words.length === 0 || !Number.isFinite(value)) continue
    if (r.kind === 'vague') {
      const list = vague.get(words[0]!) ?? []
      list.push({ words, value })
      vague.set(words[0]!, list)
    } else units.set(words[0]!, { value, scale: r.kind === 'scale' })
  }
  const countWords = new Map<string, CountKey>()
  for (const r of rows('event-counts')) {
    if (r.word && COUNT_KEYS.has(r.key ?? ''))
      countWords.set(r.word.toLowerCase(), r.key as CountKey)
  }
  const cueWords = new Map<string, CueEffect>()
  const phrases = new Map<string, { words: string[]; effect: CueEffect }[]>()
  for (const r of rows('event-cues')) {
    const words = (r.cue ?? '').toLowerCase().split(/\s+/).filter(Boolean)
    if (words.length === 0 || !CUE_EFFECTS.has(r.effect ?? '')) continue
    if (words.length === 1) cueWords.set(words[0]!, r.effect as CueEffect)
    else {
      const list = phrases.get(words[0]!) ?? []
      list.push({ words, effect: r.effect as CueEffect })
      phrases.set(words[0]!, list)
    }
  }
  const triggers = compileTriggers(rows('event-triggers'))
  const { vocab, roles } = vocabularyOf(triggers, countWords)
  return {
    triggers,
    modes,
    actors,
    numbers: { units, vague },
    countWords,
    cues: { words: cueWords, phrases },
    vocab,
    roles,
    triggersById: vocab.words.map((w) => triggers.get(w)),
    words: new WordCache(4096, (word) =>
      flagsOf(word, cueWords, phrases, actors.groups, modes, { units, vague }),
    ),
  }
}

/** The flags of a word (bits in words.ts): which per-sentence tables it is a key of. */
function flagsOf(
  word: string,
  cueWords: ReadonlyMap<string, unknown>,
  phrases: ReadonlyMap<string, unknown>,
  groups: ReadonlyMap<string, unknown>,
  modes: ReadonlyMap<string, unknown>,
  numbers: NumberWords,
): number {
  let flags = 0
  if (cueWords.has(word) || phrases.has(word)) flags |= CUE_WORD
  if (groups.has(word)) flags |= GROUP_WORD
  if (modes.has(word)) flags |= MODE_WORD
  if (isRelativeStart(word)) flags |= RELATIVE_WORD
  if (isMonthWord(word)) flags |= MONTH_WORD
  if (DISTINCT.has(word)) flags |= DISTINCT_WORD
  // As `numberAt` tests its first word: a vague word, or a unit (the part before a hyphen).
  const unit = word.includes('-') ? (word.split('-')[0] as string) : word
  if (numbers.vague.has(word) || numbers.units.has(unit)) flags |= NUMBER_WORD
  return flags
}

/**
 * Every word a sentence must hold for a trigger or a count to be found in it. A pattern matches
 * only when all its word slots do, so any slot ("alert" of "on ~ alert", "concerned" of "be ~
 * concerned") is a word the sentence must hold; common words ("is", "on", "to") then no longer
 * make a sentence worth reading.
 */
function vocabularyOf(
  triggers: ReadonlyMap<string, readonly TriggerEntry[]>,
  countWords: ReadonlyMap<string, CountKey>,
): { vocab: WordTable; roles: Uint8Array } {
  const vocab = new WordTable()
  const marks: [string, number][] = []
  for (const [word, entries] of triggers) {
    marks.push([word, STARTS])
    for (const entry of entries) for (const w of keySlotOf(entry)) marks.push([w, KEY])
  }
  for (const word of countWords.keys()) marks.push([word, COUNT])
  // "death toll" counts the killed.
  marks.push(['toll', COUNT])
  for (const word of dateStartWords()) marks.push([word, DATE])
  for (const [word] of marks) vocab.add(word)
  vocab.freeze()
  const roles = new Uint8Array(vocab.words.length)
  for (const [word, role] of marks) roles[vocab.get(word)]! |= role
  return { vocab, roles }
}

/** Words too common to tell a sentence worth reading ("call for", "is ~ killed", "on ~ alert"). */
const COMMON = new Set(
  'to in for on up out off down back against over into from with by at of the a an is was be are were been has have had'.split(
    ' ',
  ),
)

/**
 * The words of the pattern's slot least likely in any sentence: the last slot with no common
 * word (the object of "take ~ prisoner", the noun of "air strike"), else the last word slot. Every word slot must match, so any one of them is required.
 */
function keySlotOf(entry: TriggerEntry): ReadonlySet<string> {
  let last: ReadonlySet<string> | null = null
  for (let s = entry.slots.length - 1; s >= 0; s--) {
    const slot = entry.slots[s]!
    if (slot.kind !== 'words') continue
    last ??= slot.words
    let common = false
    for (const w of slot.words) if (COMMON.has(w)) common = true
    if (!common) return slot.words
  }
  return last ?? new Set()
}

/** ACLED's type when neither the trigger nor a manner cue fixes it. */
function defaultAcled(
  type: PloverType,
  mode: string | null,
  armedOnBothSides: boolean,
): string | null {
  if (type === 'ASSAULT' && mode === null) return armedOnBothSides ? 'Battles/Armed clash' : null
  if (type === 'COERCE' && mode === 'arrest') return 'Strategic developments/Arrests'
  return null
}

/** Find every event mention of the doc, with its arguments. Pure given the compiled lexicons. */
export function findMentions(
  doc: Doc,
  lex: CompiledLexicons,
  options: Required<EventsOptions>,
  published: number,
): {
  mentions: EventMention[]
  orphanCounts: { sentence: number; paragraph: number; counts: SourcedCount[] }[]
} {
  const mentions: EventMention[] = []
  const orphanCounts: { sentence: number; paragraph: number; counts: SourcedCount[] }[] = []
  let previousSource: string | null = null
  // The article's first strongly dated event: what "two days earlier" counts from.
  let lede: EventMention | undefined
  // The latest day named so far (statement days included): what "the same day" means.
  let toldDay: DateFind | null = null
  // Undated statements of the sentence before, which a quote that follows may date.
  let undated: { paragraph: number; mentions: EventMention[] } | null = null
  const dateline = datelineSpan(doc.text)
  let order = 0
  const tokens = doc.layers.tokens ?? []
  const sentences = doc.layers.sentences ?? []
  const folded = foldedText(doc.text)
  // One vocabulary id per token: a sentence with no trigger word and no count word is skipped
  // before any word of it is sliced.
  const ids = idBuffer(tokens.length)
  const roles = lex.roles
  const vocab = lex.vocab
  let t = 0
  for (let index = 0; index < sentences.length; index++) {
    const sentence = sentences[index]!
    while (t < tokens.length && tokens[t]!.start < sentence.start) t++
    const offset = t
    let seen = 0
    while (t < tokens.length && tokens[t]!.end <= sentence.end) {
      const tok = tokens[t]!
      const id = (ids[t] = wordId(doc.text, folded, tok, vocab))
      if (id >= 0) seen |= roles[id]!
      else if (tok.end > tok.start && isDigit(doc.text.charCodeAt(tok.start))) seen |= DATE
      t++
    }
    const cued = (seen & (STARTS | KEY)) === (STARTS | KEY) || (seen & COUNT) !== 0
    const followUp =
      undated !== null &&
      undated.paragraph === sentence.paragraph &&
      offset < t &&
      opensWithQuote(doc.text, tokens[offset]!)
    const before = undated
    undated = null
    if (!cued && !followUp) continue
    const view = makeView(doc, folded, index, sentence, offset, t, ids, lex.words)
    const hits =
      (seen & (STARTS | KEY)) === (STARTS | KEY)
        ? findTriggers(view, lex.triggers, options.maxGap, lex.triggersById)
        : []
    // Every count has its count word ("killed", "toll").
    const counts = (seen & COUNT) !== 0 ? findCounts(view, lex.numbers, lex.countWords) : []
    if (hits.length === 0 && counts.length === 0 && !followUp) continue
    // chrono is the slow part: it runs only on sentences that hold a trigger (or may date one).
    // Every date read starts with a digit or a date word: a sentence without one has none.
    const dates =
      (hits.length > 0 || followUp) && (seen & DATE) !== 0
        ? findDates(view, doc.text, published, dateline)
        : []
    // "Beijing said it opposed the sanctions. 'China has never …,' a spokesman told a briefing
    // on Friday.": the quote that backs an undated statement gives the day it was made.
    const said = followUp ? statementDate(dates) : undefined
    if (said && before) for (const m of before.mentions) m.date = said
    if (hits.length === 0 && counts.length === 0) {
      toldDay = latestDay(dates, [], toldDay)
      continue
    }
    // Loops, not closures: a closure made in this loop costs a context object per sentence.
    let hasDate = false
    for (const d of dates) if (!d.statement) hasDate = true
    const statuses: StatusResult[] = new Array<StatusResult>(hits.length)
    // Places, actors and the clause marks are read only for a sentence with an event left.
    let kept = false
    for (let i = 0; i < hits.length; i++) {
      const st = statusOf(view, hits[i]!, lex.cues, hasDate)
      statuses[i] = st
      if (!st.drop) kept = true
    }
    const places = kept ? sentencePlaces(doc, view, dateline, lex.actors.groups) : []
    const actors = kept ? sentenceActors(doc, view, lex.actors) : []
    const distinct = kept && hasFlag(view, DISTINCT_WORD)
    const own: EventMention[] = []
    // A date next to an event that did not happen ("the upcoming meeting on 10 April") is that
    // event's, not the date of a deed told beside it.
    const unrealised: TriggerHit[] = []
    for (let i = 0; i < hits.length; i++)
      if (statuses[i]!.drop || statuses[i]!.status !== 'happened') unrealised.push(hits[i]!)
    for (let i = 0; i < hits.length; i++) {
      const hit = hits[i]!
      const st = statuses[i]!
      if (st.drop) continue
      // A declared intention is itself the event: to cooperate (AGREE) or to harm (THREATEN).
      const declared = st.intent && st.status !== 'happened'
      // Refusing to cooperate is a rejection ("would not meet their demands", "declined to resign").
      const refused = st.refusal && !CONFLICT.has(hit.entry.type) && hit.entry.type !== 'REQUEST'
      // "a four-day strike" by teachers is a work stoppage, unless a weapon is named.
      const labour =
        hit.entry.term === 'strike' &&
        hit.entry.pos === 'N' &&
        hasLabourCue(view, lex.cues) &&
        !cueCoding(view, hit, lex.modes)
      const type: PloverType = refused
        ? 'REJECT'
        : declared
          ? st.conditional || (CONFLICT.has(hit.entry.type) && hit.entry.type !== 'RETREAT')
            ? 'THREATEN'
            : 'AGREE'
          : labour
            ? 'PROTEST'
            : hit.entry.type
      const recoded = declared || refused || labour
      const cue = hit.entry.mode || recoded ? null : cueCoding(view, hit, lex.modes)
      // "rebels captured Lashio", "seized the town of X": a place taken is territory, not people
      // taken captive or goods impounded; ACLED codes it as a battle.
      const territory =
        (hit.entry.mode === 'abduct' || hit.entry.mode === 'seize') &&
        !recoded &&
        takesPlace(doc, hit, places)
      const mode = labour
        ? 'strike'
        : recoded || territory
          ? null
          : (hit.entry.mode ?? cue?.mode ?? null)
      const found = actorsFor(view, hit, actors)
      // "The attackers arrived in Kukawa": armed men arriving is no visit (CONSULT) but the
      // approach of an attack, which its own trigger codes.
      if (type === 'CONSULT' && mode === 'visit' && found.length > 0 && found.every((a) => a.armed))
        continue
      const acled = territory
        ? 'Battles/Armed clash'
        : ((cue?.acled && cue.mode ? cue.acled : null) ??
          hit.entry.acled ??
          cue?.acled ??
          defaultAcled(hit.entry.type, mode, found.length >= 2 && allArmed(found)))
      const claimedBy = claimantFor(doc, view, hit, lex.cues, previousSource)
      own.push({
        hit,
        sentence: view.index,
        paragraph: view.paragraph,
        type: territory ? 'ASSAULT' : type,
        mode,
        acled: labour ? 'Protests/Peaceful protest' : recoded ? null : acled,
        strong: !st.weak || declared || refused,
        status: declared || refused ? 'happened' : st.status,
        drop: null,
        distinct,
        anaphoric: st.anaphoric,
        places: placesFor(doc, hit, places),
        date: dateFor(hit, dates, unrealised),
        counts: [],
        actors: found,
        claimedBy,
        official: isOfficial(claimedBy, lex.cues),
      })
    }
    retypeIntentions(view, own, lex.cues)
    requestedActs(view, own, lex.cues)
    subordinateTopics(own)
    anchorRelativeDates(own, dates, lede, toldDay, published)
    toldDay = latestDay(dates, own, toldDay)
    if (dates.length === 0) {
      const statements = own.filter(
        (m) => m.strong && m.status === 'happened' && m.date === null && SAYING.has(m.type),
      )
      if (statements.length > 0) undated = { paragraph: view.paragraph, mentions: statements }
    }
    // Each figure goes to the nearest mention of a category it can count.
    const sentenceSource: string | null =
      own[0]?.claimedBy ?? claimantOfSentence(doc, view, lex, previousSource)
    const leftover: SourcedCount[] = []
    for (const c of counts) {
      const nearest = nearestFitting(own, c)
      const sourced: SourcedCount = {
        key: c.key,
        value: c.value,
        vague: c.vague,
        start: c.start,
        end: c.end,
        source: sentenceSource,
        official: isOfficial(sentenceSource, lex.cues),
        order: order++,
      }
      if (nearest === null) {
        leftover.push(sourced)
        continue
      }
      sourced.source = nearest.claimedBy
      sourced.official = nearest.official
      nearest.counts.push(sourced)
    }
    // Figures of a sentence whose only events were background ("the war has displaced 12
    // million") belong to no event.
    const background = hits.length > 0 && own.length === 0
    if (leftover.length > 0 && !background)
      orphanCounts.push({ sentence: view.index, paragraph: view.paragraph, counts: leftover })
    if (sentenceSource) previousSource = sentenceSource
    mentions.push(...own)
    lede ??= own.find(isLede)
  }
  return { mentions, orphanCounts }
}

/**
 * "offered to send troops" is an offer (AGREE); "vowed to impose sanctions" a threat: an intention
 * word takes the sense of the first unrealised event it governs.
 */
function retypeIntentions(view: SentenceView, own: EventMention[], cues: Cues): void {
  for (const m of own) {
    const head = view.words[m.hit.headToken - view.offset] ?? ''
    if (m.type !== 'AGREE' || !isIntentWord(head, cues)) continue
    const inner = own.find((o) => o.hit.start > m.hit.start && o.status !== 'happened')
    if (inner && CONFLICT.has(inner.hit.entry.type) && inner.hit.entry.type !== 'RETREAT') {
      m.type = 'THREATEN'
    }
  }
}

/**
 * "condemned … another deliberate strike on civilians": an event noun that a statement is about is
 * the statement's topic, reported elsewhere; on its own it only adds evidence.
 */
function subordinateTopics(own: EventMention[]): void {
  for (const m of own) {
    if (m.hit.form !== 'noun' || CONFLICT.has(m.type) === false) continue
    const governor = own.find(
      (o) => o.hit.start < m.hit.start && o.strong && SAYING.has(o.type) && o.status === 'happened',
    )
    if (governor) m.strong = false
  }
}

const SAYING = new Set<PloverType>(['ACCUSE', 'REQUEST', 'REJECT', 'SUPPORT', 'THREATEN'])

/**
 * "said that Sudan must return the helicopter", "demanding that the government provide": what is
 * asked for has not happened. A reported "must" is itself the request.
 */
function requestedActs(view: SentenceView, own: EventMention[], cues: Cues): void {
  let asked = false
  for (const m of own) {
    if (asked && m.status === 'happened' && (m.hit.form === 'base' || m.hit.form === 'noun')) {
      m.status = 'hypothetical'
      continue
    }
    if (m.type !== 'REQUEST' || m.status !== 'happened') continue
    if (m.hit.entry.term === 'must') {
      const at = m.hit.first - view.offset
      m.strong = reportCues(view, cues).some((i) => i < at)
    }
    asked = m.strong
  }
}

/** Whether a lower-case word of the sentence is a labour cue ("teachers", "workers"). */
function hasLabourCue(view: SentenceView, cues: Cues): boolean {
  for (let i = 0; i < view.words.length; i++)
    if (cues.words.get(view.words[i]!) === 'labour' && isLower(view.firstCode(i))) return true
  return false
}

function allArmed(actors: readonly ActorFind[]): boolean {
  for (const a of actors) if (!a.armed) return false
  return true
}

/** The first statement date with a day, if any. */
function statementDate(dates: readonly DateFind[]): DateFind | undefined {
  for (const d of dates) if (d.statement && d.date) return d
  return undefined
}

/** The first nearest happened mention of a category the figure can count (null: none). */
function nearestFitting(own: readonly EventMention[], c: CountFind): EventMention | null {
  let best: EventMention | null = null
  for (const m of own) {
    if (!COUNT_TYPES[c.key].includes(m.type) || m.status !== 'happened') continue
    if (best === null || Math.abs(m.hit.start - c.start) < Math.abs(best.hit.start - c.start))
      best = m
  }
  return best
}

function isIntentWord(word: string, cues: Cues): boolean {
  return cues.words.get(word) === 'intent'
}

function claimantOfSentence(
  doc: Doc,
  view: ReturnType<typeof sentenceViews>[number],
  lex: CompiledLexicons,
  previous: string | null,
): string | null {
  const pseudo = {
    first: view.offset,
    last: view.offset,
    start: view.start,
    end: view.start,
  } as Parameters<typeof claimantFor>[2]
  return claimantFor(doc, view, pseudo, lex.cues, previous)
}

function isLede(m: EventMention): boolean {
  return m.strong && !!m.date?.date && m.date.relativeDays === null
}

/**
 * "two days earlier" counts from another date in the sentence, else from the article's first
 * event, else from publication; "overnight" is the morning of the report.
 */
/** The day-precision date told last in the sentence, else the one told before it. */
function latestDay(
  dates: readonly DateFind[],
  own: readonly EventMention[],
  before: DateFind | null,
): DateFind | null {
  let last: DateFind | null = null
  for (const d of dates) if (laterDay(d, last)) last = d
  // Relative dates are resolved on the mentions that hold them.
  for (const m of own) if (laterDay(m.date, last)) last = m.date
  return last ?? before
}

/** Whether d is a day told after `last` (or the first). */
function laterDay(d: DateFind | null, last: DateFind | null): d is DateFind {
  return d !== null && !!d.date && d.precision === 'day' && (!last || d.start > last.start)
}

/** Whether a word of the sentence has the flag. */
function hasFlag(view: SentenceView, flag: number): boolean {
  const flags = view.flags!
  for (let i = view.offset; i < view.offset + view.words.length; i++)
    if ((flags[i]! & flag) !== 0) return true
  return false
}

function isLower(c: number): boolean {
  return c >= 97 && c <= 122
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57
}

/** Whether a sentence opens with a quotation mark: a quote that backs what was said before. */
function opensWithQuote(text: string, first: { start: number; end: number }): boolean {
  if (first.end - first.start !== 1) return false
  const c = text.charCodeAt(first.start)
  return c === 0x22 || c === 0x201c || c === 0xab
}

function anchorRelativeDates(
  own: EventMention[],
  dates: ReturnType<typeof findDates>,
  lede: EventMention | undefined,
  told: DateFind | null,
  published: number,
): void {
  // Made on first need: most sentences hold no relative date.
  let absolute: DateFind[] | null = null
  for (const m of own) {
    const d = m.date
    if (!d) continue
    if (d.overnight) {
      const report = dates.find((x) => x.statement && x.date)
      m.date = { ...d, date: report ? report.date : isoOf(published) }
    } else if (d.relativeDays !== null) {
      absolute ??= dates.filter((x) => x.relativeDays === null && !x.overnight && x.date)
      const anchor =
        absolute.length > 0
          ? absolute.reduce((a, b) =>
              Math.abs(b.start - d.start) < Math.abs(a.start - d.start) ? b : a,
            ).date
          : d.narrative
            ? (told?.date ?? lede?.date?.date ?? isoOf(published))
            : (lede?.date?.date ?? isoOf(published))
      // "the next day" with no day told before cannot lie after the report.
      const day = dayOf(anchor) + d.relativeDays
      m.date = { ...d, date: isoOf(d.narrative && !told ? Math.min(day, published) : day) }
    }
  }
}

/** The events stage: PLOVER-coded events with actors, places, dates, counts and their source. */
export function events(options: EventsOptions = {}): Stage {
  const resolved: Required<EventsOptions> = {
    maxGap: options.maxGap ?? 5,
    vagueCounts: options.vagueCounts ?? false,
    maxAgeDays: options.maxAgeDays ?? 366,
    mergeKm: options.mergeKm ?? 25,
  }
  // Lexicons are compiled once per lexicon set (normally once per process), never per doc.
  const cache = new WeakMap<Lexicons, CompiledLexicons>()
  return {
    name: 'events',
    // Entities, places, quotes and claims are read for actors, locations and sources.
    requires: ['sentences', 'tokens', 'entities', 'mentions', 'places', 'quotes', 'claims'],
    provides: ['events'],
    run(doc: Doc, ctx: StageContext) {
      let lex = cache.get(ctx.resources.lexicons)
      if (!lex) {
        lex = compileLexicons(ctx.resources.lexicons)
        cache.set(ctx.resources.lexicons, lex)
      }
      doc.layers.events = extractEvents(doc, lex, resolved, ctx)
    },
  }
}

/** Mentions → merged events, in text order. */
export function extractEvents(
  doc: Doc,
  lex: CompiledLexicons,
  options: Required<EventsOptions>,
  ctx?: StageContext,
): Event[] {
  let published = doc.source.published ? dayOf(doc.source.published) : NaN
  const anchored = !Number.isNaN(published)
  if (!anchored) {
    ctx?.info(
      'no publication date: relative dates are resolved against today',
      'events/no-published',
    )
    published = Math.floor(Date.now() / 86_400_000)
  }
  const { mentions, orphanCounts } = findMentions(doc, lex, options, published)
  const opts = {
    published,
    mergeKm: options.mergeKm,
    // Without a publication date, "old" and "future" cannot be told from the calendar.
    maxAgeDays: anchored ? options.maxAgeDays : Infinity,
    anchored,
    vagueCounts: options.vagueCounts,
  }
  const drafts: Draft[] = mergeMentions(doc, mentions, opts)
  for (const d of drafts) {
    // A loop, not flatMap: most mentions hold no figure.
    const counts: SourcedCount[] = []
    for (const m of d.mentions) for (const c of m.counts) counts.push(c)
    d.counts = counts
  }
  attachOrphanCounts(drafts, orphanCounts)
  const dateline = datelinePlace(doc)
  const events: Event[] = []
  for (const d of drafts) {
    const e = toEvent(doc, d, opts, dateline)
    if (e !== null) events.push(e)
  }
  byStart(events)
  crowdViolenceAsRiots(events)
  foldProtests(events)
  return events
}

/** Mentions looked back over for a figure without an event of its own: far more than a paragraph. */
const ORPHAN_REACH = 256

/**
 * Figures in sentences without a trigger of their kind go to the fitting event told latest among
 * those mentioned earlier in the same or the previous paragraph. Candidates come from the mentions
 * just before the figure, so the cost does not grow with the number of events in the doc.
 */
function attachOrphanCounts(
  drafts: Draft[],
  orphans: { sentence: number; paragraph: number; counts: SourcedCount[] }[],
): void {
  if (orphans.length === 0) return
  const told: { sentence: number; paragraph: number; draft: number }[] = []
  const lastSentence: number[] = []
  drafts.forEach((d, k) => {
    let last = -Infinity
    for (const m of d.mentions) {
      told.push({ sentence: m.sentence, paragraph: m.paragraph, draft: k })
      if (m.sentence > last) last = m.sentence
    }
    lastSentence.push(last)
  })
  told.sort((a, b) => a.sentence - b.sentence)
  for (const o of orphans) {
    // The last mention of an earlier sentence, then back while still in the paragraph before.
    let lo = 0
    let hi = told.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (told[mid]!.sentence < o.sentence) lo = mid + 1
      else hi = mid
    }
    const near = new Set<number>()
    for (let k = lo - 1; k >= 0 && k >= lo - ORPHAN_REACH; k--) {
      // Paragraphs only grow with sentences: an earlier one is further back still.
      if (told[k]!.paragraph < o.paragraph - 1) break
      near.add(told[k]!.draft)
    }
    for (const c of o.counts) {
      let target = -1
      for (const k of near) {
        const head = drafts[k]!.mentions[0]!
        if (!COUNT_TYPES[c.key].includes(head.type) || head.status !== 'happened') continue
        if (
          target < 0 ||
          lastSentence[k]! > lastSentence[target]! ||
          (lastSentence[k] === lastSentence[target] && k < target)
        )
          target = k
      }
      if (target >= 0) drafts[target]!.counts.push(c)
    }
  }
}
