import type { Verification } from '../../core/record.js'
import type { Lexicons } from '../../core/resources.js'
import type { ClaimLexicon, IdPhrase, PhraseIndex } from './types.js'
import {
  ANAPHORIC_OBJECTS,
  COPULAS,
  DAY_WORDS,
  F_ANAPHORIC,
  F_COPULA,
  F_DAY,
  F_DENY_CUE,
  F_NOT_FACT,
  F_NUMBER,
  F_PAST,
  F_PAST_AUX,
  F_PHRASE,
  IRREGULAR_PAST,
  LITERALS,
  NUMBER_WORDS,
  PAST_AUX,
} from './word-classes.js'
import { WordTable } from './words.js'

const words = (cue: string | undefined) => (cue ?? '').toLowerCase().split(/\s+/).filter(Boolean)

/** Cue classes whose main verb makes a statement a stance, intention, belief or directive. */
const NOT_FACT_VERBS = new Set(['evaluate', 'intend', 'believe', 'urge'])

function inflections(lemma: string, forms: string | undefined): string[] {
  const given = (forms ?? '')
    .split(',')
    .map((f) => f.trim().toLowerCase())
    .filter(Boolean)
  const base = lemma.split(' ')[0] ?? ''
  const stem = base.endsWith('e') ? base.slice(0, -1) : base
  return [
    base,
    ...given.map((f) => f.split(' ')[0] ?? ''),
    `${base}s`,
    `${stem}ed`,
    `${stem}ing`,
    `${base}es`,
    `${base.slice(0, -1)}ied`,
  ]
}

/** Compile the lexicons once per stage factory. */
export function compileClaimLexicon(lexicons: Lexicons): ClaimLexicon {
  const hedges = lexicons.get('hedges').map((r) => ({
    words: words(r.cue),
    kind: r.kind ?? 'phrase',
    verification: (r.verification || null) as Verification,
  }))
  const denials = lexicons
    .get('denials')
    .map((r) => ({ words: words(r.cue), kind: r.kind ?? 'phrase' }))
  const opinions = lexicons
    .get('opinion-cues')
    .map((r) => ({ words: words(r.cue), kind: r.kind ?? 'evaluation' }))
  const commentNouns = new Set(
    lexicons.get('comment-nouns').map((r) => (r.noun ?? '').toLowerCase()),
  )
  const cueClasses = new Map<string, Set<string>>()
  for (const row of lexicons.get('speech-verbs')) {
    for (const form of inflections((row.cue ?? '').toLowerCase(), row.forms)) {
      const set = cueClasses.get(form) ?? new Set<string>()
      set.add(row.class ?? 'say')
      cueClasses.set(form, set)
    }
  }
  const table = new WordTable()
  const byWord = (sets: [ReadonlySet<string> | readonly string[], number][]) => {
    const bits = new Map<number, number>()
    for (const [set, bit] of sets) {
      for (const word of set) {
        const id = table.add(word)
        bits.set(id, (bits.get(id) ?? 0) | bit)
      }
    }
    return bits
  }
  const bits = byWord([
    [NUMBER_WORDS, F_NUMBER],
    [IRREGULAR_PAST, F_PAST],
    [PAST_AUX, F_PAST_AUX],
    [ANAPHORIC_OBJECTS, F_ANAPHORIC],
    [COPULAS, F_COPULA],
    [DAY_WORDS, F_DAY],
  ])
  const classesByWord = new Map<number, ReadonlySet<string>>()
  for (const [form, classes] of cueClasses) {
    const id = table.add(form)
    classesByWord.set(id, classes)
    let bit = 0
    if (classes.has('deny')) bit |= F_DENY_CUE
    if ([...classes].some((c) => NOT_FACT_VERBS.has(c))) bit |= F_NOT_FACT
    if (bit) bits.set(id, (bits.get(id) ?? 0) | bit)
  }
  const w = Object.fromEntries(LITERALS.map((word) => [word, table.add(word)])) as ClaimLexicon['w']
  const byFirst = <T extends { words: readonly string[] }>(phrases: readonly T[]) => {
    const lists = new Map<number, IdPhrase<T>[]>()
    for (const phrase of phrases) {
      if (!phrase.words[0]) continue
      const ids = Int32Array.from(phrase.words.map((word) => table.add(word)))
      const list = lists.get(ids[0]!) ?? []
      list.push({ phrase, ids })
      lists.set(ids[0]!, list)
    }
    return lists
  }
  const hedgeLists = byFirst(hedges)
  const denialLists = byFirst(denials)
  const opinionLists = byFirst(opinions)
  table.freeze()
  const size = table.words.length
  const flags = new Uint16Array(size)
  for (const [id, bit] of bits) flags[id] = bit
  for (const lists of [hedgeLists, denialLists, opinionLists]) {
    for (const id of lists.keys()) flags[id] = flags[id]! | F_PHRASE
  }
  const dense = <T>(map: ReadonlyMap<number, T>) => {
    const out = new Array<T | undefined>(size).fill(undefined)
    for (const [id, value] of map) out[id] = value
    return out
  }
  return {
    commentNouns,
    hedges,
    denials,
    opinions,
    cueClasses,
    hedgeIndex: indexPhrases(hedges),
    denialIndex: indexPhrases(denials),
    opinionIndex: indexPhrases(opinions),
    table,
    flags,
    classesById: dense(classesByWord),
    hedgesById: dense(hedgeLists),
    denialsById: dense(denialLists),
    opinionsById: dense(opinionLists),
    w,
  }
}

function indexPhrases<T extends { words: readonly string[] }>(
  phrases: readonly T[],
): PhraseIndex<T> {
  const index = new Map<string, T[]>()
  for (const phrase of phrases) {
    const first = phrase.words[0]
    if (!first) continue
    const list = index.get(first) ?? []
    list.push(phrase)
    index.set(first, list)
  }
  return index
}
