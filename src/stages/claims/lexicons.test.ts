import { describe, expect, it } from 'vitest'
import { loadLexicons } from '../../resources/lexicons.js'
import { compileClaimLexicon } from './lexicon.js'

const lexicons = loadLexicons()

describe('claims lexicons › files are well formed', () => {
  it.each([
    ['hedges', ['cue', 'kind', 'verification'], 60],
    ['denials', ['cue', 'kind'], 40],
    ['opinion-cues', ['cue', 'kind'], 25],
  ])('%s has rows with columns %j', (name, columns, atLeast) => {
    const rows = lexicons.get(name as string)
    expect(rows.length).toBeGreaterThanOrEqual(atLeast as number)
    for (const row of rows) {
      expect(Object.keys(row)).toEqual(columns)
      expect(row[(columns as string[])[0]!]).not.toBe('')
      expect(row[(columns as string[])[0]!]).toBe(row[(columns as string[])[0]!]!.toLowerCase())
    }
  })

  it('uses only known kinds and verification states', () => {
    for (const row of lexicons.get('hedges')) {
      expect(['modal', 'adverb', 'verb', 'phrase', 'verification']).toContain(row.kind)
      expect(['', 'unverified', 'under-investigation']).toContain(row.verification)
    }
    for (const row of lexicons.get('denials'))
      expect(['verb', 'phrase', 'negation']).toContain(row.kind)
  })

  it.each(['may', 'might', 'reportedly', 'allegedly', 'suggests', 'appears', 'cannot rule out'])(
    'knows the hedge "%s"',
    (cue) => {
      const { hedges } = compileClaimLexicon(lexicons)
      expect(hedges.some((h) => h.words.join(' ') === cue)).toBe(true)
    },
  )

  it.each(['denies', 'rejected', 'dismissed', 'not true'])('knows the denial "%s"', (cue) => {
    const { denials } = compileClaimLexicon(lexicons)
    expect(denials.some((d) => d.words.join(' ') === cue)).toBe(true)
  })
})
