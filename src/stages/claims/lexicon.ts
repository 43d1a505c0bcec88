import type { Verification } from '../../core/record.js'
import type { Lexicons } from '../../core/resources.js'
import type { ClaimLexicon, PhraseIndex } from './types.js'

const words = (cue: string | undefined) => (cue ?? '').toLowerCase().split(/\s+/).filter(Boolean)

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
  const cueClasses = new Map<string, Set<string>>()
  for (const row of lexicons.get('speech-verbs')) {
    for (const form of inflections((row.cue ?? '').toLowerCase(), row.forms)) {
      const set = cueClasses.get(form) ?? new Set<string>()
      set.add(row.class ?? 'say')
      cueClasses.set(form, set)
    }
  }
  return {
    hedges,
    denials,
    opinions,
    cueClasses,
    hedgeIndex: indexPhrases(hedges),
    denialIndex: indexPhrases(denials),
    opinionIndex: indexPhrases(opinions),
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
