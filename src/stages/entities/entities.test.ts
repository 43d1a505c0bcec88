import { describe, expect, it } from 'vitest'
import { createDoc, type Doc } from '../../core/record.js'
import type { Gazetteer, Resources } from '../../core/resources.js'
import { createContext, type Stage } from '../../core/stage.js'
// The test reads the real lexicons and countries: they are what the rules are tested against.
import { loadCountries } from '../../resources/countries.js'
import { loadLexicons } from '../../resources/lexicons.js'
import { text } from '../text/index.js'
import {
  COREF_HITS,
  COREF_MISSES,
  DIFFERENT_KEY,
  ENTITY_HITS,
  ENTITY_MISSES,
  IDENTITY_HITS,
  SAME_KEY,
} from './cases.js'
import { entities } from './index.js'
import { identityKey } from './key.js'
import { compileLexicons } from './lexicon.js'

const resources: Resources = { lexicons: loadLexicons(), countries: loadCountries() }
/** text then entities, as the pipeline runs them (stages may not import the pipeline). */
function runWith(stages: Stage[], res: Resources, body: string): Doc {
  const doc = createDoc('test', body)
  for (const stage of stages) stage.run(doc, createContext(doc, stage.name, res))
  return doc
}
const stages = [text(), entities()]
const run = (body: string): Doc => runWith(stages, resources, body)
const surface = (doc: Doc, span: { start: number; end: number }) =>
  doc.text.slice(span.start, span.end)
/** Offset of the first occurrence of `word` as a whole word. */
const wordAt = (doc: Doc, word: string) =>
  doc.text.search(new RegExp(`(?<![\\p{L}])${word}(?![\\p{L}])`, 'u'))

describe('entities › finds names', () => {
  it.each(ENTITY_HITS)('%s → %s (%s)', (body, name, type, role) => {
    const doc = run(body)
    const entity = doc.layers.entities?.find((e) => e.name === name || e.aliases.includes(name))
    expect(entity, JSON.stringify(doc.layers.entities?.map((e) => [e.name, e.type]))).toBeDefined()
    expect(entity?.type).toBe(type)
    if (role !== undefined) expect(entity?.role).toBe(role)
  })
})

describe('entities › does not find', () => {
  it.each(ENTITY_MISSES)('%s ✗ %s %s', (body, name, type) => {
    const doc = run(body)
    const found = (doc.layers.mentions ?? []).filter(
      (m) => m.kind === 'name' && surface(doc, m) === name,
    )
    const entityType = (id: string) => doc.layers.entities?.find((e) => e.id === id)?.type
    expect(found.filter((m) => type === undefined || entityType(m.entity) === type)).toEqual([])
  })
})

describe('entities › one identity per thing', () => {
  it.each(IDENTITY_HITS)('%s', (body, name, aliases) => {
    const doc = run(body)
    const entity = doc.layers.entities?.find((e) => e.name === name)
    expect(entity, JSON.stringify(doc.layers.entities)).toBeDefined()
    for (const alias of aliases) expect(entity?.aliases).toContain(alias)
  })
})

describe('entities › coreference', () => {
  it.each(COREF_HITS)('%s: "%s" → %s', (body, word, name) => {
    const doc = run(body)
    const at = wordAt(doc, word)
    const mention = doc.layers.mentions?.find((m) => m.start === at && m.kind !== 'name')
    expect(mention, JSON.stringify(doc.layers.mentions)).toBeDefined()
    const entity = doc.layers.entities?.find((e) => e.id === mention?.entity)
    expect([entity?.name, ...(entity?.aliases ?? [])]).toContain(name)
  })

  it.each(COREF_MISSES)('%s: "%s" stays unresolved', (body, word) => {
    const doc = run(body)
    const at = wordAt(doc, word)
    expect(at).toBeGreaterThanOrEqual(0)
    expect(doc.layers.mentions?.find((m) => m.start === at)).toBeUndefined()
  })
})

describe('entities › cross-article keys', () => {
  const { translit } = compileLexicons(loadLexicons())
  it.each(SAME_KEY)('%s ≡ %s', (a, b) => {
    expect(identityKey(a, translit)).toBe(identityKey(b, translit))
  })
  it.each(DIFFERENT_KEY)('%s ≠ %s', (a, b) => {
    expect(identityKey(a, translit)).not.toBe(identityKey(b, translit))
  })
  it('gives every entity a typed key', () => {
    const doc = run('Ukrainian President Volodymyr Zelensky met officials in Kiev.')
    const keys = doc.layers.entities?.map((e) => e.key)
    expect(keys).toContain('person:volodymyr zelensky')
    expect(keys).toContain('gpe:kyiv')
  })
})

describe('entities › record', () => {
  it('writes annotations with offsets, provenance and confidence that survive JSON', () => {
    const doc = run(
      'Zelenskyy says Ukrainian forces captured two soldiers near Tarasivka. He says so.',
    )
    for (const m of doc.layers.mentions ?? []) {
      expect(m.end).toBeGreaterThan(m.start)
      expect(m.by).toMatch(/^entities\//)
      expect(m.confidence).toBeGreaterThan(0)
      expect(doc.layers.entities?.some((e) => e.id === m.entity)).toBe(true)
    }
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc)
  })

  it('works without the countries resource, and says so', () => {
    const doc = runWith(
      [text(), entities()],
      { lexicons: loadLexicons() },
      'Captain Andrii Savchuk said the attack failed.',
    )
    expect(doc.layers.entities?.map((e) => e.name)).toContain('Andrii Savchuk')
    expect(doc.messages.map((m) => m.ruleId)).toContain('no-countries')
  })

  it('asks an injected gazetteer about unknown names', () => {
    // Only `has` matters to this stage; the rest of the gazetteer is the places stage's.
    const gazetteer = { has: (name: string) => name === 'Myrnohrad' } as unknown as Gazetteer
    const doc = runWith(
      [text(), entities()],
      { ...resources, gazetteer },
      'Most civilians have left Myrnohrad.',
    )
    expect(doc.layers.entities?.find((e) => e.name === 'Myrnohrad')?.type).toBe('GPE')
  })
})
