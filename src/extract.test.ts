import { describe, expect, it } from 'vitest'
import { createPipeline } from './core/pipeline.js'
import { createDoc, type Doc } from './core/record.js'
import type { Resources } from './core/resources.js'
import { batchingExtractor, extractDocs } from './extract.js'

const resources: Resources = { lexicons: { get: () => [] } }

/** A one-stage pipeline that records which docs each batch held. */
function recordingPipeline() {
  const batches: string[][] = []
  const pipeline = createPipeline(
    [{ name: 'mark', requires: [], provides: ['tokens'], run: (doc) => (doc.layers.tokens = []) }],
    resources,
  )
  const runBatch = pipeline.runBatch
  return {
    batches,
    pipeline: {
      ...pipeline,
      runBatch: (docs: readonly Doc[]) => {
        batches.push(docs.map((d) => d.id))
        return runBatch(docs)
      },
    },
  }
}

const english = (id: string): Doc => {
  const doc = createDoc(id, 'Officials said the bridge was hit.')
  doc.source.language = 'en'
  return doc
}

describe('extractDocs', () => {
  it('runs the English docs as one batch and keeps the others with a message', async () => {
    const { batches, pipeline } = recordingPipeline()
    const french = createDoc('fr', 'Le pont a été touché, selon les autorités.')
    french.source.language = 'fr'
    const docs = await extractDocs([english('a'), french, english('b')], pipeline)
    expect(docs.map((d) => d.id)).toEqual(['a', 'fr', 'b'])
    expect(batches).toEqual([['a', 'b']])
    expect(french.layers.tokens).toBeUndefined()
    expect(french.messages).toEqual([expect.objectContaining({ ruleId: 'non-english' })])
  })
})

describe('batchingExtractor', () => {
  it('extracts the docs asked for in one turn together, and later ones in a new batch', async () => {
    const { batches, pipeline } = recordingPipeline()
    const extract = batchingExtractor(pipeline)
    const first = await Promise.all([extract(english('a')), extract(english('b'))])
    expect(first.map((d) => d.id)).toEqual(['a', 'b'])
    expect(first.every((d) => Array.isArray(d.layers.tokens))).toBe(true)
    await extract(english('c'))
    expect(batches).toEqual([['a', 'b'], ['c']])
  })
})
