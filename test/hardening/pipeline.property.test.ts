import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { toOriginalOffset } from '../../src/core/normalize.js'
import type { Pipeline } from '../../src/core/pipeline.js'
import { extractArticle } from '../../src/extract.js'
import { articleToDoc, type Article } from '../../src/ingest/article.js'
import { defaultPipeline } from '../../src/pipeline.js'
import { loadResources } from '../../src/resources/index.js'
import { binaryAsText, newsText, trapRun, unicodeText } from './arbitraries.js'
import { expectSoundDoc } from './invariants.js'

/**
 * The whole default pipeline over hostile text: it never throws, no stage fails,
 * and every offset stays inside doc.text. Seeded, so a failure replays the same
 * way in CI; fast-check prints the shrunk counterexample to paste into a table.
 */
const SEED = 20250408
const pipeline: Pipeline = defaultPipeline(loadResources())

async function extractSound(article: Article): Promise<void> {
  const doc = await extractArticle(article, pipeline)
  expectSoundDoc(doc)
}

// `language: 'en'` skips detection so the English stages run on everything;
// one property keeps detection in the path, to cover the non-English branch too.
describe('hardening › the default pipeline on hostile text', () => {
  it('keeps its invariants on random Unicode (lone surrogates, controls, astral planes)', async () => {
    await fc.assert(
      fc.asyncProperty(unicodeText, (text) => extractSound({ text, language: 'en' })),
      { seed: SEED, numRuns: 150 },
    )
  })

  it('keeps its invariants on news-like text full of quote, dash and capital runs', async () => {
    await fc.assert(
      fc.asyncProperty(newsText, (text) => extractSound({ text, language: 'en' })),
      { seed: SEED, numRuns: 150 },
    )
  })

  it('keeps its invariants on binary bytes read as text', async () => {
    await fc.assert(
      fc.asyncProperty(binaryAsText, (text) => extractSound({ text, language: 'en' })),
      { seed: SEED, numRuns: 60 },
    )
  })

  it('keeps its invariants with language detection in the path', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(newsText, unicodeText), (text) => extractSound({ text })),
      { seed: SEED, numRuns: 60 },
    )
  })

  it('keeps its invariants on runs of trap characters glued together', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(trapRun, { maxLength: 12 }), (runs) =>
        extractSound({ text: runs.join(''), language: 'en' }),
      ),
      { seed: SEED, numRuns: 100 },
    )
  })

  it('keeps its invariants on the edge cases a generator rarely hits', async () => {
    const rows = [
      '',
      ' ',
      '\n\n\n',
      '\ufeff',
      '\u200b\u200b',
      'a',
      '\ud800',
      '\udfff\ud800',
      '\u0000\u0001\u0002',
      '\r\n\r\n\r',
      '"'.repeat(500),
      '\u201c'.repeat(500),
      '\u2014'.repeat(500),
      'A'.repeat(5000),
      'Alpha '.repeat(800),
      'x'.repeat(5_000),
      '\ud83d\udca5'.repeat(2000),
      '\u0301'.repeat(1000),
    ]
    for (const text of rows) await extractSound({ text, language: 'en' })
  })

  it('keeps the doc id stable and the metadata it was given', async () => {
    const doc = await extractArticle(
      {
        text: '"We will hold," he said.',
        id: 'x1',
        outlet: 'Example',
        published: '2025-04-08',
        language: 'en',
      },
      pipeline,
    )
    expect(doc.id).toBe('x1')
    expect(doc.source.outlet).toBe('Example')
    expect(doc.source.published).toBe('2025-04-08')
  })
})

describe('hardening › normalisation keeps a true map back to the original', () => {
  // What normalisation may change: exotic spaces become ' ', \r and \r\n become \n;
  // everything else it keeps is the very character found at the mapped offset.
  const SPACE_LIKE = /[ \t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/
  it('maps every character of doc.text to the same character of the raw text', () => {
    fc.assert(
      fc.property(fc.oneof(unicodeText, newsText, binaryAsText), (raw) => {
        const doc = articleToDoc({ text: raw })
        let previous = -1
        for (let i = 0; i < doc.text.length; i++) {
          const at = toOriginalOffset(doc.offsets, i)
          expect(at).toBeGreaterThan(previous)
          expect(at).toBeLessThan(raw.length)
          previous = at
          const ch = doc.text[i]
          const source = raw[at] as string
          if (ch === ' ') expect(source).toMatch(SPACE_LIKE)
          else if (ch === '\n') expect(source).toMatch(/[\r\n]/)
          else expect(source).toBe(ch)
        }
      }),
      { seed: SEED, numRuns: 300 },
    )
  })
})
