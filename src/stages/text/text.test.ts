import { describe, expect, it } from 'vitest'
import { createDoc } from '../../core/record.js'
import { SENTENCE_CASES } from './cases.js'
import { findParagraphs, tokenize } from './find.js'
import { text } from './index.js'

const sentencesOf = (body: string) => {
  const { sentences } = tokenize(body, findParagraphs(body))
  return sentences.map((s) => body.slice(s.start, s.end))
}

describe('text › sentences survive news typography', () => {
  it.each(SENTENCE_CASES)('%s', (body, expected) => {
    expect(sentencesOf(body)).toEqual(expected)
  })
})

describe('text › tokens', () => {
  const body = 'Russia’s Defence Ministry said.\n“We won,” Zelenskyy says — in Kyiv.'
  const { tokens, sentences } = tokenize(body, findParagraphs(body))

  it('rebuilds the text from tokens and the gaps between them', () => {
    let rebuilt = ''
    let at = 0
    for (const token of tokens) {
      rebuilt += body.slice(at, token.start) + body.slice(token.start, token.end)
      at = token.end
    }
    expect(rebuilt + body.slice(at)).toBe(body)
  })

  it('gives every token its surface, part of speech and kind, and no whitespace tokens', () => {
    for (const token of tokens) {
      expect(body.slice(token.start, token.end).trim()).not.toBe('')
      expect(token.pos).toMatch(/^[A-Z]+$/)
    }
    expect(tokens.find((t) => body.slice(t.start, t.end) === 'Zelenskyy')?.pos).toBe('PROPN')
  })

  it('never lets a sentence cross a paragraph break', () => {
    for (const s of sentences) expect(body.slice(s.start, s.end)).not.toContain('\n')
    expect(sentences.map((s) => s.paragraph)).toEqual([0, 1])
  })
})

describe('text › stage', () => {
  it('provides paragraphs, sentences and tokens', () => {
    const doc = createDoc('t', 'One. Two.\nThree.')
    text().run(doc, {
      resources: { lexicons: { get: () => [] } },
      warn: () => {},
      info: () => {},
      error: () => {},
    })
    expect(doc.layers.paragraphs).toHaveLength(2)
    expect(doc.layers.sentences?.map((s) => s.by)).toContain('text/wink-sentence')
    expect(doc.layers.tokens?.length).toBeGreaterThan(5)
  })
})
