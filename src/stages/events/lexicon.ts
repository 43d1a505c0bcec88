import type { LexiconRow } from '../../core/resources.js'
import { PLOVER_TYPES, type PloverType } from '../../core/record.js'
import type { FormKind, Slot, TriggerEntry } from './types.js'

const PLOVER: ReadonlySet<string> = new Set(PLOVER_TYPES)

export function isPloverType(value: string): value is PloverType {
  return PLOVER.has(value)
}

const VOWEL = /[aeiou]/
const CONSONANT_END = /[^aeiouwxy]$/

/**
 * Regular verb forms of a base word. It over-generates on purpose ("shelled" and "shellled"):
 * a form that is not a word never matches, and listing irregular forms stays the lexicon's job.
 */
export function verbForms(base: string): Map<string, FormKind> {
  const forms = new Map<string, FormKind>([[base, 'base']])
  const add = (w: string, k: FormKind) => {
    if (!forms.has(w)) forms.set(w, k)
  }
  if (base.endsWith('e')) {
    add(base + 's', 's')
    add(base + 'd', 'ed')
    add(base.slice(0, -1) + 'ing', 'ing')
  } else if (base.endsWith('y') && !VOWEL.test(base.at(-2) ?? '')) {
    add(base.slice(0, -1) + 'ies', 's')
    add(base.slice(0, -1) + 'ied', 'ed')
    add(base + 'ing', 'ing')
  } else {
    add(/(s|x|z|ch|sh)$/.test(base) ? base + 'es' : base + 's', 's')
    add(base + 'ed', 'ed')
    add(base + 'ing', 'ing')
    // Short stems double their last consonant (ban → banned, stop → stopped).
    if (
      CONSONANT_END.test(base) &&
      VOWEL.test(base.at(-2) ?? '') &&
      !VOWEL.test(base.at(-3) ?? 'a')
    ) {
      const last = base.at(-1) as string
      add(base + last + 'ed', 'ed')
      add(base + last + 'ing', 'ing')
    }
  }
  return forms
}

export function nounForms(base: string): Map<string, FormKind> {
  const forms = new Map<string, FormKind>([[base, 'noun']])
  if (base.endsWith('y') && !VOWEL.test(base.at(-2) ?? ''))
    forms.set(base.slice(0, -1) + 'ies', 'noun')
  else if (/(s|x|z|ch|sh)$/.test(base)) forms.set(base + 'es', 'noun')
  else forms.set(base + 's', 'noun')
  return forms
}

/** Irregular forms listed in the lexicon: a final -ing is progressive, the rest past. */
function irregularKind(word: string, base: string): FormKind {
  if (word.endsWith('ing')) return 'ing'
  if (word === 'was' || word === 'were') return 'ed'
  if (word === 'is' || word === 'are') return 's'
  // "hit", "beat", "cut": news reports the past, and "to hit" is caught by its "to".
  if (word === base) return 'ed'
  if (word.endsWith('s') && !word.endsWith('ss')) return 's'
  return 'ed'
}

/** Compile the event-triggers lexicon into entries indexed by every word a first slot accepts. */
export function compileTriggers(rows: readonly LexiconRow[]): Map<string, TriggerEntry[]> {
  const index = new Map<string, TriggerEntry[]>()
  for (const row of rows) {
    const term = (row.term ?? '').toLowerCase()
    const type = row.type ?? ''
    if (!term || !isPloverType(type)) continue
    const pos = row.pos === 'V' || row.pos === 'N' ? row.pos : 'X'
    const parts = term.split(/\s+/)
    const head = pos === 'N' ? parts.length - 1 : 0
    const headWord = parts[head] as string
    let forms: Map<string, FormKind>
    if (pos === 'V') {
      forms = verbForms(headWord)
      for (const extra of (row.forms ?? '')
        .split(',')
        .map((f) => f.trim())
        .filter(Boolean)) {
        forms.set(extra, irregularKind(extra, headWord))
      }
    } else if (pos === 'N') forms = nounForms(headWord)
    else forms = new Map([[headWord, headWord.endsWith('ed') ? 'ed' : 'noun']])
    const slots: Slot[] = parts.map((part, i) =>
      part === '~'
        ? { kind: 'gap' }
        : { kind: 'words', words: i === head ? new Set(forms.keys()) : new Set(part.split('|')) },
    )
    const entry: TriggerEntry = {
      term,
      pos,
      type,
      mode: row.mode || null,
      acled: row.acled || null,
      strength: row.strength === 'weak' ? 'weak' : 'strong',
      slots,
      forms,
      head,
    }
    const first = slots[0]
    if (!first || first.kind !== 'words') continue
    for (const word of first.words) {
      const list = index.get(word) ?? []
      list.push(entry)
      index.set(word, list)
    }
  }
  return index
}

/** A lexicon of cue phrases (one to three words) by their first word. */
export function compilePhrases<T>(
  rows: readonly LexiconRow[],
  column: string,
  value: (row: LexiconRow) => T | null,
): Map<string, { words: string[]; value: T }[]> {
  const index = new Map<string, { words: string[]; value: T }[]>()
  for (const row of rows) {
    const words = (row[column] ?? '').toLowerCase().split(/\s+/).filter(Boolean)
    const v = value(row)
    if (words.length === 0 || v === null) continue
    const list = index.get(words[0] as string) ?? []
    list.push({ words, value: v })
    index.set(words[0] as string, list)
  }
  return index
}

/** Longest phrase of `index` starting at word `i`; returns its length and value. */
export function phraseAt<T>(
  words: readonly string[],
  i: number,
  index: Map<string, { words: string[]; value: T }[]>,
): { length: number; value: T } | null {
  const list = index.get(words[i] ?? '')
  if (!list) return null
  let best: { length: number; value: T } | null = null
  for (const p of list) {
    if (best && p.words.length <= best.length) continue
    if (phraseIsAt(words, i, p.words)) best = { length: p.words.length, value: p.value }
  }
  return best
}

/**
 * A cheap first test of whether a word may be a key of a lexicon map, from its length and its first
 * and last characters: most words of a text fail it without a hash look-up.
 */
export interface WordFilter {
  has(word: string): boolean
}

const filters = new WeakMap<ReadonlyMap<string, unknown>, WordFilter>()

/** The filter of a map's keys, built once per map. */
export function wordFilter(index: ReadonlyMap<string, unknown>): WordFilter {
  let filter = filters.get(index)
  if (!filter) {
    const seen = new Set<number>()
    const key = (w: string) =>
      (Math.min(w.length, 31) << 16) |
      ((w.charCodeAt(0) & 0xff) << 8) |
      (w.charCodeAt(w.length - 1) & 0xff)
    for (const word of index.keys()) if (word.length > 0) seen.add(key(word))
    filter = { has: (word: string) => word.length > 0 && seen.has(key(word)) }
    filters.set(index, filter)
  }
  return filter
}

/** Whether `phrase` is written at word i of `words` (a loop, not a closure per call). */
export function phraseIsAt(
  words: readonly string[],
  i: number,
  phrase: readonly string[],
): boolean {
  for (let k = 0; k < phrase.length; k++) if (words[i + k] !== phrase[k]) return false
  return true
}
