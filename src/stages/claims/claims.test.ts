import { describe, expect, it } from 'vitest'
import { createDoc, type Doc } from '../../core/record.js'
import { createContext } from '../../core/stage.js'
// The claims stage reads the quotes layer: the test builds it with the real
// quotes and text stages over the real lexicon files.
import { loadLexicons } from '../../resources/lexicons.js'
import { quotes } from '../quotes/index.js'
import { text } from '../text/index.js'
import { HITS, MISSES } from './cases.js'
import { claims } from './index.js'

const resources = { lexicons: loadLexicons() }
const stages = [text(), quotes(), claims()]

function run(body: string): Doc {
  const doc = createDoc('test', body, { outlet: 'Test Wire' })
  for (const stage of stages) {
    if (stage.name === 'quotes') {
      doc.layers.entities = []
      doc.layers.mentions = []
    }
    stage.run(doc, createContext(doc, stage.name, resources))
  }
  return doc
}

describe('claims › hits', () => {
  it.each(HITS.map((row) => [row.name, row] as const))('%s', (_name, row) => {
    const doc = run(row.text)
    const found = (doc.layers.claims ?? []).map((c) => ({
      ...c,
      text: doc.text.slice(c.start, c.end),
    }))
    // Two claims may share a text ("X claimed …, a claim Y rejected"): the row's claimant picks.
    const claim =
      found.find((c) => c.text === row.claim && c.claimant === row.claimant) ??
      found.find((c) => c.text === row.claim)
    expect(
      claim,
      `no claim "${row.claim}" in ${JSON.stringify(found.map((c) => c.text))}`,
    ).toBeDefined()
    expect(claim!.claimant).toBe(row.claimant)
    expect(claim!.stance).toBe(row.stance)
    if (row.via) expect(claim!.via).toEqual(row.via)
    if (row.verification !== undefined) expect(claim!.verification).toBe(row.verification)
    expect(claim!.by).toMatch(/^claims\//)
  })
})

describe('claims › misses', () => {
  it.each(MISSES.map((row) => [row.name, row] as const))('%s is no claim', (_name, row) => {
    const doc = run(row.text)
    expect((doc.layers.claims ?? []).map((c) => doc.text.slice(c.start, c.end))).toEqual([])
  })
})

describe('claims › links', () => {
  it('points to its quote and lists the numbers and dates inside it', () => {
    const doc = run('Regional officials said on Tuesday that 19 people were wounded on Monday.')
    const claim = doc.layers.claims![0]!
    expect(claim.quote).toBe(0)
    expect(claim.refs.numbers).toEqual(['19'])
    expect(claim.refs.dates).toEqual(['Monday'])
  })

  it("gives the outlet's own claims no quote", () => {
    const doc = run('The tanker had reportedly switched off its transponder.')
    expect(doc.layers.claims![0]!.quote).toBeNull()
  })
})
