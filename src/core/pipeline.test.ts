import { describe, expect, it } from 'vitest'
import { SitrepError } from './errors.js'
import { createPipeline } from './pipeline.js'
import { createDoc } from './record.js'
import type { Resources } from './resources.js'
import type { Stage } from './stage.js'

const resources: Resources = { lexicons: { get: () => [] } }
const stage = (
  name: string,
  requires: Stage['requires'],
  provides: Stage['provides'],
  run: Stage['run'] = () => {},
): Stage => ({
  name,
  requires,
  provides,
  run,
})

describe('createPipeline', () => {
  it('refuses a stage whose requirement no earlier stage provides', () => {
    const build = () =>
      createPipeline(
        [stage('quotes', ['entities'], ['quotes']), stage('entities', [], ['entities'])],
        resources,
      )
    expect(build).toThrow(SitrepError)
    try {
      build()
    } catch (error) {
      expect((error as SitrepError).code).toBe('E_STAGE_ORDER')
    }
  })

  it('refuses two stages providing the same layer', () => {
    const build = () =>
      createPipeline([stage('a', [], ['tokens']), stage('b', [], ['tokens'])], resources)
    expect(build).toThrow(expect.objectContaining({ code: 'E_STAGE_DUPLICATE_PROVIDER' }))
  })

  it('refuses a stage whose resource was not supplied', () => {
    const needsGazetteer: Stage = { ...stage('places', [], ['places']), resources: ['gazetteer'] }
    expect(() => createPipeline([needsGazetteer], resources)).toThrow(
      expect.objectContaining({ code: 'E_MISSING_RESOURCE' }),
    )
  })

  it('accepts stages in order and runs them in order', () => {
    const seen: string[] = []
    const pipeline = createPipeline(
      [
        stage('a', [], ['tokens'], () => void seen.push('a')),
        stage('b', ['tokens'], ['entities'], () => void seen.push('b')),
      ],
      resources,
    )
    pipeline.run(createDoc('d', 'text'))
    expect(seen).toEqual(['a', 'b'])
    expect(pipeline.describe()).toContain('requires tokens')
  })

  it('turns a crashing stage into an error message and empties its layers', () => {
    const pipeline = createPipeline(
      [
        stage('boom', [], ['quotes'], () => {
          throw new Error('bug')
        }),
      ],
      resources,
    )
    const doc = pipeline.run(createDoc('d', 'text'))
    expect(doc.layers.quotes).toEqual([])
    expect(doc.messages).toEqual([
      expect.objectContaining({ level: 'error', stage: 'boom', ruleId: 'internal' }),
    ])
  })

  it('runs a batch stage by stage, each stage over every doc before the next stage', () => {
    const seen: string[] = []
    const pipeline = createPipeline(
      [
        stage('a', [], ['tokens'], (doc) => void seen.push(`a:${doc.id}`)),
        stage('b', ['tokens'], ['entities'], (doc) => void seen.push(`b:${doc.id}`)),
      ],
      resources,
    )
    const docs = pipeline.runBatch([createDoc('1', 'x'), createDoc('2', 'y')])
    expect(seen).toEqual(['a:1', 'a:2', 'b:1', 'b:2'])
    expect(docs.map((d) => d.id)).toEqual(['1', '2'])
  })

  it('keeps a stage crash on one doc of a batch to that doc', () => {
    const pipeline = createPipeline(
      [
        stage('boom', [], ['quotes'], (doc) => {
          if (doc.id === 'bad') throw new Error('bug')
          doc.layers.quotes = []
        }),
      ],
      resources,
    )
    const [bad, good] = pipeline.runBatch([createDoc('bad', 'x'), createDoc('good', 'y')])
    expect(bad?.messages).toEqual([expect.objectContaining({ stage: 'boom', ruleId: 'internal' })])
    expect(good?.messages).toEqual([])
    expect(good?.layers.quotes).toEqual([])
  })

  it('accumulates per-stage timings when asked', () => {
    const timings = new Map<string, number>()
    createPipeline([stage('a', [], ['tokens'])], resources).run(createDoc('d', 'x'), timings)
    expect(timings.has('a')).toBe(true)
  })
})
