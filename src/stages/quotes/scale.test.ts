import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createDoc, type Span } from '../../core/record.js'
import { createContext } from '../../core/stage.js'
import { loadLexicons } from '../../resources/lexicons.js'
import { text } from '../text/index.js'
import { quotes } from './index.js'
import { findQuoteMarks } from './marks.js'
import { containsAny, coverage, overlapsAny } from './spans.js'
import { buildView, MAX_SENTENCE_TOKENS } from './view.js'

const resources = { lexicons: loadLexicons() }

function tokenised(body: string) {
  const doc = createDoc('test', body)
  text().run(doc, createContext(doc, 'text', resources))
  return doc
}

const spans = fc.array(
  fc.record({ start: fc.nat(200), length: fc.nat(40) }).map(({ start, length }) => ({
    start,
    end: start + length,
  })),
  { maxLength: 60 },
)

describe('quotes › span coverage answers as a scan of every span would', () => {
  it('overlap, containment and containment by another span, few spans and many', () => {
    fc.assert(
      fc.property(spans, fc.nat(220), fc.nat(40), (list: Span[], start, length) => {
        const query = { start, end: start + length }
        const cover = coverage(list)
        expect(overlapsAny(cover, query)).toBe(
          list.some((s) => s.start < query.end && s.end > query.start),
        )
        expect(containsAny(cover, query.start, query.end)).toBe(
          list.some((s) => s.start <= query.start && s.end >= query.end),
        )
        const except = list.length > 0 ? start % list.length : -2
        expect(containsAny(cover, query.start, query.end, except)).toBe(
          list.some((s, k) => k !== except && s.start <= query.start && s.end >= query.end),
        )
      }),
    )
  })
})

describe('quotes › long documents stay linear', () => {
  it('reads a sentence longer than the limit in pieces of at most the limit', () => {
    const doc = tokenised(`${'he said that they said that '.repeat(80)}it ended.`)
    const view = buildView(doc)
    const tokens = view.tokens.length
    expect(tokens).toBeGreaterThan(2 * MAX_SENTENCE_TOKENS)
    for (const [first, last] of view.sentenceTokens) {
      expect(last - first + 1).toBeLessThanOrEqual(MAX_SENTENCE_TOKENS)
    }
    // Every token belongs to the piece that holds it.
    for (let i = 0; i < tokens; i++) {
      const [first, last] = view.sentenceTokens[view.sentenceOf[i]!]!
      expect(i >= first && i <= last).toBe(true)
    }
  })

  it('leaves ordinary sentences whole', () => {
    const doc = tokenised('The army said it struck the town. Officials denied it.')
    expect(buildView(doc).sentenceTokens).toHaveLength(2)
  })

  it('still finds the reported speech of a run-on sentence', () => {
    const doc = tokenised(
      `${'the army struck the town and officials said that '.repeat(40)}it ended`,
    )
    doc.layers.entities = []
    doc.layers.mentions = []
    quotes().run(doc, createContext(doc, 'quotes', resources))
    expect((doc.layers.quotes ?? []).length).toBeGreaterThan(0)
    for (const q of doc.layers.quotes ?? []) {
      expect(q.end).toBeGreaterThan(q.start)
      expect(q.end).toBeLessThanOrEqual(doc.text.length)
    }
  })

  it('finds the marks of a paragraph after many paragraphs without any', () => {
    const body = `${'No marks here at all.\n'.repeat(50)}He said: "We will win."`
    const paragraphs: Span[] = []
    let at = 0
    for (const line of body.split('\n')) {
      paragraphs.push({ start: at, end: at + line.length })
      at += line.length + 1
    }
    const marks = findQuoteMarks(body, paragraphs)
    expect(marks).toHaveLength(1)
    expect(body.slice(marks[0]!.parts[0]!.start, marks[0]!.parts[0]!.end)).toBe('We will win.')
  })
})
