import { describe, expect, it } from 'vitest'
import { loadLexicons } from '../../resources/lexicons.js'
import { isPloverType, nounForms, verbForms } from './lexicon.js'

const lexicons = loadLexicons()
const COUNT_KEYS = [
  'killed',
  'injured',
  'captured',
  'engaged',
  'arrested',
  'displaced',
  'participants',
]

describe('events › lexicons', () => {
  it('event-triggers: every row has a PLOVER category, a part of speech and a strength', () => {
    const rows = lexicons.get('event-triggers')
    expect(rows.length).toBeGreaterThan(150)
    for (const row of rows) {
      expect(isPloverType(row.type ?? ''), row.term).toBe(true)
      expect(['V', 'N', 'X'], row.term).toContain(row.pos)
      expect(['strong', 'weak'], row.term).toContain(row.strength)
      if (row.acled) expect(row.acled, row.term).toMatch(/^[A-Z][^/]+\/[A-Z]/)
    }
  })

  it('event-triggers: covers all 16 PLOVER categories', () => {
    const types = new Set(lexicons.get('event-triggers').map((r) => r.type))
    expect(types.size).toBe(16)
  })

  it('event-modes: cues name a category and a mode or an ACLED type', () => {
    for (const row of lexicons.get('event-modes')) {
      expect(isPloverType(row.type ?? ''), row.cue).toBe(true)
      expect(Boolean(row.mode || row.acled), row.cue).toBe(true)
    }
  })

  it('event-counts: every word names a count key', () => {
    for (const row of lexicons.get('event-counts')) expect(COUNT_KEYS, row.word).toContain(row.key)
  })

  it('number-words: values are numbers and kinds are known', () => {
    for (const row of lexicons.get('number-words')) {
      expect(Number.isFinite(Number(row.value)), row.word).toBe(true)
      expect(['unit', 'scale', 'vague'], row.word).toContain(row.kind)
    }
  })

  it('event-cues and event-actors: known effects and actor rows', () => {
    const effects = [
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
    ]
    for (const row of lexicons.get('event-cues')) expect(effects, row.cue).toContain(row.effect)
    for (const row of lexicons.get('event-actors'))
      expect(['yes', 'no'], row.term).toContain(row.armed)
  })

  it.each([
    ['shell', ['shells', 'shelled', 'shelling']],
    ['rally', ['rallies', 'rallied', 'rallying']],
    ['ban', ['bans', 'banned', 'banning']],
    ['seize', ['seizes', 'seized', 'seizing']],
  ])('inflects the verb "%s"', (base, forms) => {
    const got = verbForms(base)
    for (const f of forms) expect(got.has(f), f).toBe(true)
  })

  it('pluralises nouns', () => {
    expect([...nounForms('strike').keys()]).toEqual(['strike', 'strikes'])
    expect([...nounForms('casualty').keys()]).toContain('casualties')
  })
})
