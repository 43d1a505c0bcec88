import { describe, expect, it } from 'vitest'
import { isDatelineDash } from '../src/core/dateline.js'
import { articleToDoc } from '../src/ingest/article.js'
import { defaultPipeline } from '../src/pipeline.js'
import { loadResources } from '../src/resources/index.js'

/**
 * Every stage that looks for a dateline (entities, places, quotes, events) must agree on what
 * closes one: a dash learnt by one stage and not the others gave "WASHINGTON ―" as quoted
 * content while the entities stage had it as a dateline place.
 */
describe('datelines, across the stages', () => {
  const pipeline = defaultPipeline(loadResources())

  it.each([
    ['an em dash', '—'],
    ['an en dash', '–'],
    ['a horizontal bar', '―'],
    ['two hyphens', '--'],
    ['a spaced hyphen', '-'],
  ])('closes a dateline with %s', (_name, dash) => {
    const text = `KHARTOUM ${dash} The bridge at Omdurman was closed on Monday, the army said.`
    const doc = pipeline.run(articleToDoc({ id: 'd', text, published: '2026-11-20' }))
    const quote = (doc.layers.quotes ?? []).find((q) => q.speakerName === 'the army')
    expect(quote && doc.text.slice(quote.start, quote.end)).toBe(
      'The bridge at Omdurman was closed on Monday',
    )
    const place = (doc.layers.places ?? []).find((p) => p.name === 'Khartoum')
    expect(place?.use).toBe('location')
  })

  it.each([
    ['—', true],
    ['–', true],
    ['―', true],
    ['--', true],
    ['-', false],
    [',', false],
    ['—-', false],
  ])('isDatelineDash(%j) is %s', (value, expected) => {
    expect(isDatelineDash(value)).toBe(expected)
  })
})
