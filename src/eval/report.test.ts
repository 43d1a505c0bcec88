import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { SitrepError } from '../core/errors.js'
import type { GoldDoc } from '../core/gold.js'
import { readGoldSet } from './read.js'
import { formatErrors, formatFigures, formatStoryErrors, headline } from './report.js'
import { scorePredictions } from './run.js'

const dir = mkdtempSync(join(tmpdir(), 'sitrep-eval-test-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const gold: GoldDoc = {
  id: 'g1',
  source: { outlet: 'Test Wire', published: '2025-04-08', url: null, language: 'en' },
  text: 'Zelenskyy said Ukrainian forces captured two soldiers.',
  layers: ['quotes', 'entities'],
  entities: [{ name: 'Volodymyr Zelenskyy', type: 'PERSON', aliases: ['Zelenskyy'] }],
  quotes: [
    {
      speaker: 'Volodymyr Zelenskyy',
      kind: 'indirect',
      text: 'Ukrainian forces captured two soldiers',
    },
    { speaker: 'Volodymyr Zelenskyy', kind: 'direct', text: 'We are verifying the facts' },
  ],
}

describe('readGoldSet', () => {
  it('reads a folder of .json files in name order, and a .jsonl file', () => {
    const folder = join(dir, 'set')
    mkdirSync(folder)
    writeFileSync(join(folder, 'b.json'), JSON.stringify({ ...gold, id: 'b' }))
    writeFileSync(join(folder, 'a.json'), JSON.stringify({ ...gold, id: 'a' }))
    writeFileSync(join(folder, 'notes.txt'), 'not gold')
    expect(readGoldSet(folder).map((d) => d.id)).toEqual(['a', 'b'])
    const jsonl = join(dir, 'set.jsonl')
    writeFileSync(jsonl, `${JSON.stringify(gold)}\n\n${JSON.stringify({ ...gold, id: 'g2' })}\n`)
    expect(readGoldSet(jsonl).map((d) => d.id)).toEqual(['g1', 'g2'])
  })

  it.each([
    ['no id', { text: 'x' }, 'E_GOLD_INVALID'],
    ['no text', { id: 'x' }, 'E_GOLD_INVALID'],
    ['a layer that is not an array', { id: 'x', text: 'y', quotes: {} }, 'E_GOLD_INVALID'],
  ])('rejects a doc with %s', (_label, value, code) => {
    const file = join(dir, 'bad.json')
    writeFileSync(file, JSON.stringify(value))
    expect(() => readGoldSet(file)).toThrowError(SitrepError)
    try {
      readGoldSet(file)
    } catch (error) {
      expect((error as SitrepError).code).toBe(code)
    }
  })

  it('names the line of a broken .jsonl', () => {
    const file = join(dir, 'broken.jsonl')
    writeFileSync(file, `${JSON.stringify(gold)}\n{oops\n`)
    try {
      readGoldSet(file)
      expect.unreachable()
    } catch (error) {
      expect((error as SitrepError).code).toBe('E_JSONL_LINE')
      expect((error as SitrepError).message).toContain('line 2')
    }
  })
})

describe('reports', () => {
  const prediction: GoldDoc = {
    ...gold,
    layers: ['quotes', 'entities'],
    entities: [{ name: 'Ukraine', type: 'GPE', aliases: [] }],
    quotes: [
      {
        speaker: 'Andrii Sybiha',
        kind: 'indirect',
        text: 'Ukrainian forces captured two soldiers',
      },
      { speaker: 'Andrii Sybiha', kind: 'direct', text: 'Ukraine will respond' },
    ],
  }
  const { figures, docs } = scorePredictions([gold], [prediction])

  it('prints each scored layer, and the entity-caused speaker errors in the quotes block', () => {
    const text = formatFigures('test', figures)
    expect(text).toContain('quotes (1 docs)')
    expect(text).toContain('entities (1 docs)')
    expect(text).not.toContain('places')
    expect(text).toMatch(/wrong speaker, entity\s+100\.0%\s+\(1\/1\)/)
  })

  it('lists misses, false hits and wrong attributes with why', () => {
    const text = formatErrors(docs)
    expect(text).toContain('== g1')
    expect(text).toMatch(/WRONG Ukrainian forces captured two soldiers/)
    expect(text).toContain('gold speaker is a gold entity missing from the predicted entities')
    expect(text).toMatch(/MISS {2}We are verifying the facts/)
    expect(text).toMatch(/FALSE Ukraine will respond/)
    expect(text).toMatch(/MISS {2}PERSON Volodymyr Zelenskyy/)
    expect(text).toMatch(/FALSE GPE Ukraine\n\s+why: not a gold entity/)
  })

  it('scores a gold doc with no prediction as empty, and a missing layer once', () => {
    const empty = scorePredictions([gold], [])
    expect(empty.figures.quotes?.span.recall).toBe(0)
    expect(formatErrors(empty.docs)).toContain('no stage computes this layer yet')
  })

  it('gives one headline row per scored layer', () => {
    expect(headline(figures).map((r) => r.layer)).toEqual(['entities', 'quotes'])
  })
})

describe('story errors', () => {
  it('lists gold stories the system split and system clusters that merge gold stories', () => {
    const doc = (id: string, stories: { gold: string; system: string | null }[]) => ({
      id,
      layers: [],
      counts: scorePredictions([gold], []).docs[0]!.counts,
      errors: [],
      stories: stories.map((s) => ({ doc: id, ...s })),
    })
    const text = formatStoryErrors([
      doc('a', [
        { gold: 'strike', system: 's1' },
        { gold: 'talks', system: 's2' },
      ]),
      doc('b', [
        { gold: 'strike', system: 's3' },
        { gold: 'protest', system: 's2' },
      ]),
    ])
    expect(text).toContain('SPLIT strike')
    expect(text).toContain('a → s1; b → s3')
    expect(text).toContain('MERGED s2')
    expect(text).toContain('a: talks; b: protest')
    expect(formatStoryErrors([doc('a', [{ gold: 'x', system: 's' }])])).toBe('')
  })
})
