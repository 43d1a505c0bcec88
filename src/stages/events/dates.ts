import { MONTH_ABBREVIATIONS, MONTHS } from '../../core/calendar.js'
import { DATELINE_DASH_CHARS } from '../../core/dateline.js'
import * as chrono from 'chrono-node'
import type { DatePrecision, Span } from '../../core/record.js'
import type { DateFind, SentenceView } from './types.js'
import { byStart } from './order.js'
import { MONTH_WORD, RELATIVE_WORD } from './words.js'

const DAY = 86_400_000

/** Days since 1970-01-01 of an ISO date (UTC). */
export function dayOf(iso: string): number {
  // Merging compares the same few dates again and again: parse each once.
  const key = iso.length === 10 ? iso : iso.slice(0, 10)
  let day = dayCache.get(key)
  if (day === undefined) {
    day = Math.floor(Date.parse(key + 'T00:00:00Z') / DAY)
    if (dayCache.size >= 4096) dayCache.clear()
    dayCache.set(key, day)
  }
  return day
}
const dayCache = new Map<string, number>()

export function isoOf(day: number): string {
  // Events of one article fall on a few days: format each once.
  let iso = isoCache.get(day)
  if (iso === undefined) {
    iso = new Date(day * DAY).toISOString().slice(0, 10)
    if (isoCache.size >= 4096) isoCache.clear()
    isoCache.set(day, iso)
  }
  return iso
}
const isoCache = new Map<number, string>()

/** Wednesday of the ISO week before the given day: the conventions' stand-in for "last week". */
export function lastWeek(published: number): number {
  const weekday = (new Date(published * DAY).getUTCDay() + 6) % 7 // Monday = 0
  return published - weekday - 7 + 2
}

/** The most recent given weekday on or before the day (news reports lean into the past). */
export function pastWeekday(published: number, weekday: number): number {
  const today = new Date(published * DAY).getUTCDay()
  return published - ((today - weekday + 7) % 7)
}

const RELATIVE_START = new Set([
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'yesterday',
  'today',
  'tonight',
  'overnight',
  'last',
  'past',
  'early',
  'mid',
  'late',
  'end',
  'hours',
  // The day being told: "the same day", "that night", "the next day", "late in the evening".
  'same',
  'that',
  'next',
  'following',
  'previous',
  'morning',
  'afternoon',
  'evening',
])
/** Parts of a day that "that", "the same" and "the next" name. */
const DAY_PARTS = new Set(['day', 'night', 'evening', 'morning', 'afternoon'])
/** Day parts that "in the …" names without a day ("late in the evening"). */
const DAYTIME = new Set(['morning', 'afternoon', 'evening'])
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday']

// Maps, not object literals: a word such as "constructor" is a key of every object.
const NUMBER_WORDS = new Map<string, number>([
  ['a', 1],
  ['an', 1],
  ['one', 1],
  ['two', 2],
  ['three', 3],
  ['four', 4],
  ['five', 5],
  ['six', 6],
  ['seven', 7],
  ['eight', 8],
  ['nine', 9],
  ['ten', 10],
])
const UNIT_DAYS = new Map<string, number>([
  ['day', 1],
  ['days', 1],
  ['week', 7],
  ['weeks', 7],
  ['hours', 0],
  ['hour', 0],
])
/** Every word a relative expression may start with: one look-up rejects all other words. */
const STARTS = new Set([...RELATIVE_START, ...NUMBER_WORDS.keys()])
const BEFORE = new Set(['earlier', 'before', 'after', 'previously', 'prior'])
const SEASON_MONTH: Record<string, number> = { early: 2, mid: 6, late: 11, end: 12 }
const REPORT_WORDS = new Set([
  'said',
  'says',
  'told',
  'tells',
  'reported',
  'announced',
  'statement',
  'briefing',
  'interview',
  'added',
  'wrote',
  'posted',
  'confirmed',
  'stated',
])

function find(
  view: SentenceView,
  from: number,
  to: number,
  date: number | null,
  precision: DatePrecision,
  extra: Partial<DateFind> = {},
): DateFind {
  return {
    start: view.tokens[from]!.start,
    end: view.tokens[to - 1]!.end,
    date: date === null ? '' : isoOf(date),
    precision,
    statement: false,
    relativeDays: null,
    overnight: false,
    ...extra,
  }
}

/** Relative expressions chrono does not read the way news means them; token-level and cheap. */
function findRelative(view: SentenceView, published: number): DateFind[] {
  const out: DateFind[] = []
  const w = view.words
  for (let i = 0; i < w.length; i++) {
    const word = w[i] as string
    // Cheap first test: every expression read here starts with one of a few word shapes.
    const c = word.charCodeAt(0)
    if (
      !(c >= 48 && c <= 57) &&
      (view.flags !== undefined
        ? (view.flags[view.offset + i]! & RELATIVE_WORD) === 0
        : !STARTS.has(word))
    )
      continue
    const weekday = WEEKDAYS.indexOf(word)
    if (weekday >= 0) {
      // A bare weekday is the commonest news date; chrono is not needed for it.
      out.push(find(view, i, i + 1, pastWeekday(published, weekday), 'day'))
    } else if (word === 'yesterday') out.push(find(view, i, i + 1, published - 1, 'day'))
    else if (word === 'today' || word === 'tonight')
      out.push(find(view, i, i + 1, published, 'day'))
    else if (word === 'overnight')
      out.push(find(view, i, i + 1, published, 'day', { overnight: true }))
    else if ((word === 'last' || word === 'past') && w[i + 1] === 'week') {
      out.push(find(view, i, i + 2, lastWeek(published), 'week'))
    } else if (word === 'last' && w[i + 1] === 'month') {
      const d = new Date(published * DAY)
      out.push(
        find(view, i, i + 2, dayOf(isoMonth(d.getUTCFullYear(), d.getUTCMonth() - 1)), 'month'),
      )
    } else if (w[i + 1] === 'last' && w[i + 2] === 'year' && SEASON_MONTH[word]) {
      const year = new Date(published * DAY).getUTCFullYear() - 1
      out.push(
        find(view, i, i + 3, dayOf(isoMonth(year, (SEASON_MONTH[word] as number) - 1)), 'month'),
      )
      i += 2
    } else if (word === 'last' && w[i + 1] === 'year') {
      const year = new Date(published * DAY).getUTCFullYear() - 1
      out.push(find(view, i, i + 2, dayOf(`${year}-07-01`), 'year'))
    } else if (
      (word === 'same' || (word === 'that' && !REPORT_WORDS.has(w[i - 1] ?? ''))) &&
      DAY_PARTS.has(w[i + 1] ?? '')
    ) {
      // ("said that night raids had grown": "that" opens the reported clause.)
      // "the same day", "that night", "that same evening": the day told just before.
      const from = word === 'same' && (w[i - 1] === 'the' || w[i - 1] === 'that') ? i - 1 : i
      out.push(find(view, from, i + 2, null, 'day', { relativeDays: 0, narrative: true }))
      i += 1
    } else if (
      (word === 'next' || word === 'following' || word === 'previous') &&
      w[i - 1] === 'the' &&
      DAY_PARTS.has(w[i + 1] ?? '')
    ) {
      const shift = word === 'previous' ? -1 : 1
      out.push(find(view, i - 1, i + 2, null, 'day', { relativeDays: shift, narrative: true }))
      i += 1
    } else if (DAYTIME.has(word) && w[i - 1] === 'the' && w[i - 2] === 'in') {
      // "late in the evening" with no day named: the evening of the day being told.
      const from = w[i - 3] === 'late' || w[i - 3] === 'early' ? i - 3 : i - 2
      if (!out.some((d) => d.end > view.tokens[from]!.start))
        out.push(find(view, from, i + 1, null, 'day', { relativeDays: 0, narrative: true }))
    } else if (word === 'hours' && BEFORE.has(w[i + 1] ?? '')) {
      out.push(find(view, i, i + 2, null, 'day', { relativeDays: 0 }))
    } else if ((NUMBER_WORDS.has(word) || /^\d+$/.test(word)) && UNIT_DAYS.has(w[i + 1] ?? '')) {
      const n = NUMBER_WORDS.get(word) ?? Number(word)
      const days = n * (UNIT_DAYS.get(w[i + 1] as string) as number)
      const next = w[i + 2] ?? ''
      if (next === 'ago')
        out.push(find(view, i, i + 3, published - days, days >= 7 ? 'week' : 'day'))
      else if (BEFORE.has(next))
        out.push(find(view, i, i + 3, null, 'day', { relativeDays: -days }))
      else if (next === 'later') out.push(find(view, i, i + 3, null, 'day', { relativeDays: days }))
    }
  }
  return out
}

function isoMonth(year: number, monthIndex: number): string {
  const d = new Date(Date.UTC(year, monthIndex, 15))
  return d.toISOString().slice(0, 10)
}

/** Turn one chrono result into a day and a precision, leaning into the past of `published`. */
function fromChrono(
  result: chrono.ParsedResult,
  published: number,
): { day: number; precision: DatePrecision } | null {
  const c = result.start
  const year = c.get('year')
  const month = c.get('month')
  const day = c.get('day')
  const known = (k: chrono.Component) => c.isCertain(k)
  if (known('day') && known('month')) {
    let y = known('year') ? (year as number) : new Date(published * DAY).getUTCFullYear()
    let d = dayOf(`${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`)
    if (!known('year') && d > published + 30)
      d = dayOf(`${--y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`)
    return { day: d, precision: 'day' }
  }
  if (known('weekday'))
    return { day: pastWeekday(published, c.get('weekday') as number), precision: 'day' }
  if (known('month')) {
    let y = known('year') ? (year as number) : new Date(published * DAY).getUTCFullYear()
    let d = dayOf(isoMonth(y, (month as number) - 1))
    if (!known('year') && d > published + 30) d = dayOf(isoMonth(--y, (month as number) - 1))
    return { day: d, precision: 'month' }
  }
  if (known('year')) return { day: dayOf(`${year}-07-01`), precision: 'year' }
  // "tonight", "this morning": only a time of day, which means the day of the report.
  if (known('hour') || c.get('meridiem') !== null) return null
  return null
}

const chronoParser = chrono.en.casual

const MONTH_WORDS = new Set<string>([...MONTHS, ...MONTH_ABBREVIATIONS])
/** A year (1900–2099) or an ordinal day ("5th"): numbers that are dates without a month name. */
const YEAR_OR_ORDINAL = /^(19|20)\d\d$|^\d{1,2}(st|nd|rd|th)$/

/** "18 years ago", "over the past 24 hours": a number before a unit of time is a date phrase. */
const TIME_UNITS = new Set([
  'hour',
  'hours',
  'day',
  'days',
  'week',
  'weeks',
  'month',
  'months',
  'year',
  'years',
])

/**
 * Words without which chrono finds no date that the stage does not read itself: capitalised
 * month names ("may" and "march" in lower case are a verb), years and ordinals. A bare day
 * number ("2 June") always has its month name within the window, and other small numbers
 * ("killed 12") are counts: they open no window of their own unless a unit of time follows.
 */
function isDateWord(view: SentenceView, i: number): boolean {
  const word = view.words[i] as string
  const c = word.charCodeAt(0)
  if (c >= 48 && c <= 57)
    return YEAR_OR_ORDINAL.test(word) || TIME_UNITS.has(view.words[i + 1] ?? '')
  if (
    view.flags !== undefined
      ? (view.flags[view.offset + i]! & MONTH_WORD) === 0
      : !MONTH_WORDS.has(word)
  )
    return false
  const f = view.firstCode(i)
  return f >= 65 && f <= 90
}

/** A date chrono found in a window, already read against the publication day. */
interface ChronoDate {
  /** Offset of the match in the window, and its text. */
  index: number
  text: string
  /** Day and precision (null: chrono found only a time of day). */
  resolved: { day: number; precision: DatePrecision } | null
  monthCertain: boolean
}

/**
 * chrono's dates by reference day and window text. News repeats its date phrases ("on June 2",
 * "in 2024") and corpora repeat them across articles, so one parse serves every repeat; what is
 * kept is the reading, so a repeat touches no chrono object at all.
 */
/** Readings by window text, each for the publication day it was read against. */
type Reading = { published: number; results: ChronoDate[] }
let chronoCache = new Map<string, Reading>()
/** The generation before: a phrase still in use is carried over, the rest dropped. */
let chronoOld = new Map<string, Reading>()
/**
 * Small on purpose (two generations of 2,048): a large table touched at random evicts the other
 * stages' data from the CPU caches, and a repeat is mostly within an article or the next few.
 * Keyed by the window text alone (no key string built per look-up); a reading for another
 * publication day is read again and replaces it.
 */
const CHRONO_CACHE_MAX = 2048

function parseCached(body: string, published: number): ChronoDate[] {
  let reading = chronoCache.get(body)
  if (reading !== undefined && reading.published === published) return reading.results
  reading = chronoOld.get(body)
  if (reading === undefined || reading.published !== published) {
    const ref = new Date(published * DAY + DAY / 2)
    const results = chronoParser
      .parse(body, { instant: ref, timezone: 0 }, { forwardDate: false })
      .map((r) => ({
        index: r.index,
        text: r.text,
        resolved: fromChrono(r, published),
        monthCertain: r.start.isCertain('month'),
      }))
    reading = { published, results }
  }
  // A bound, not an LRU: the full generation becomes the old one and a new one starts.
  if (chronoCache.size >= CHRONO_CACHE_MAX) {
    chronoOld = chronoCache
    chronoCache = new Map()
  }
  chronoCache.set(body, reading)
  return reading.results
}

/**
 * chrono is the slowest part of the stage, so it reads only short windows around date words
 * (three words either side), merged when they touch, never whole sentences.
 */
function chronoOnWindows(
  view: SentenceView,
  text: string,
  published: number,
): { from: number; result: ChronoDate }[] {
  const out: { from: number; result: ChronoDate }[] = []
  const w = view.words
  let i = 0
  while (i < w.length) {
    if (!isDateWord(view, i)) {
      i++
      continue
    }
    let a = Math.max(0, i - 3)
    let b = Math.min(w.length - 1, i + 3)
    for (let k = i + 1; k <= b; k++) if (isDateWord(view, k)) b = Math.min(w.length - 1, k + 3)
    const from = view.tokens[a]!.start
    const body = text.slice(from, view.tokens[b]!.end)
    for (const result of parseCached(body, published)) {
      if (!seenAt(out, from + result.index)) out.push({ from, result })
    }
    a = b + 1
    i = a
  }
  return out
}

/** Whether a date read before starts at the offset. */
function seenAt(out: readonly { from: number; result: ChronoDate }[], at: number): boolean {
  for (const o of out) if (o.from + o.result.index === at) return true
  return false
}

/**
 * Every word a date expression read here may start with, besides words that start with a digit:
 * a sentence with none of them has no date, so the stage skips `findDates` for it.
 */
export function dateStartWords(): string[] {
  return [...STARTS, ...MONTH_WORDS]
}

/** Whether a relative expression read here may start with the word (digits aside). */
export function isRelativeStart(word: string): boolean {
  return STARTS.has(word)
}

/** Whether the word is a month name or its abbreviation (in any case). */
export function isMonthWord(word: string): boolean {
  return MONTH_WORDS.has(word)
}

/**
 * Date expressions of one sentence (call it only on sentences that hold a trigger: chrono is the
 * slowest part of the stage). Each is marked as a statement date when a speech word comes just before.
 */
export function findDates(
  view: SentenceView,
  text: string,
  published: number,
  dateline: Span | null = null,
): DateFind[] {
  const dates = findRelative(view, published)
  for (const { from, result } of chronoOnWindows(view, text, published)) {
    const start = from + result.index
    const end = start + result.text.length
    // (Most chrono dates overlap nothing read before: no list is made for them.)
    const overlapping = overlaps(dates, start, end)
      ? dates.filter((d) => d.start < end && start < d.end)
      : NO_DATES
    // "on Friday, February 3": the full date says which Friday; a bare weekday would be the
    // latest Friday before publication.
    const fuller =
      overlapping.length > 0 &&
      result.monthCertain &&
      result.resolved?.precision === 'day' &&
      overlapping.every((d) => WEEKDAYS.includes(text.slice(d.start, d.end).toLowerCase()))
    if (overlapping.length > 0 && !fuller) continue
    if (fuller) for (const d of overlapping) dates.splice(dates.indexOf(d), 1)
    // "MUNICH, Feb 14 (Agency) —": the dateline dates the report, not what it reports.
    if (dateline && start < dateline.end && start >= dateline.start) continue
    if (/^\d{1,2}$/.test(result.text.trim())) continue
    const resolved = result.resolved
    if (!resolved) continue
    // "after five days of fighting" is a duration, not a date; news dates lie in the past.
    if (resolved.day > published + 1 && !result.monthCertain) continue
    dates.push({
      start,
      end,
      date: isoOf(resolved.day),
      precision: resolved.precision,
      statement: false,
      relativeDays: null,
      overnight: false,
    })
  }
  for (const d of dates) d.statement = isStatementDate(view, d)
  return byStart(dates)
}

/**
 * The dateline ("PORT SUDAN, May 20 (Horn & Sahel Report) —"): the first dash in the opening
 * characters of one of the first lines, when an agency in parentheses or a capitalised place
 * comes before it. Feeds and pasted pages often put a headline line above it, so the first
 * three lines are tried. Returns the dateline's start and the offset of its dash, or null.
 */
/** A dash with a space on each side, or a spaced hyphen or two. */
const DATELINE_DASH = new RegExp(`\\s[${DATELINE_DASH_CHARS}]\\s|\\s--?\\s`)

export function datelineSpan(text: string): { start: number; end: number } | null {
  let from = 0
  for (let line = 0; line < 3 && from < text.length && from < 600; line++) {
    const head = text.slice(from, from + 120)
    // Wires write an em dash, two hyphens or one ("BEIRUT (Reuters) - …").
    const dash = head.search(DATELINE_DASH)
    const newline = head.indexOf('\n')
    if (dash >= 0 && (newline < 0 || dash < newline)) {
      const before = head.slice(0, dash)
      if (/\)\s*$/.test(before) || /^[A-Z][A-Z .'-]+,/.test(before))
        return { start: from, end: from + dash }
    }
    const next = text.indexOf('\n', from)
    if (next < 0) break
    from = next + 1
    while (text[from] === '\n' || text[from] === '\r') from++
  }
  return null
}

/** End of the dateline (0 without one): dates and places before it are the report's, not the event's. */
export function datelineEnd(text: string): number {
  return datelineSpan(text)?.end ?? 0
}

/** "said on Monday", "told a briefing on Friday", "in a statement late on Monday". */
/** Whether any date overlaps [start, end). */
function overlaps(dates: readonly DateFind[], start: number, end: number): boolean {
  for (const d of dates) if (d.start < end && start < d.end) return true
  return false
}
const NO_DATES: DateFind[] = []

function isStatementDate(view: SentenceView, date: DateFind): boolean {
  let i = -1
  for (let k = 0; k < view.tokens.length; k++) {
    if (view.tokens[k]!.start >= date.start) {
      i = k
      break
    }
  }
  if (i < 0) return false
  for (let k = i - 1; k >= 0 && k >= i - 5; k--) {
    const w = view.words[k] as string
    if (REPORT_WORDS.has(w)) return true
    if (w === ',' || w === ';') return false
  }
  return false
}
