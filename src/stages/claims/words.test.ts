import { describe, expect, it } from 'vitest'
import { loadLexicons } from '../../resources/lexicons.js'
import { compileClaimLexicon } from './lexicon.js'
import { WordTable } from './words.js'

describe('claims › word table', () => {
  const table = new WordTable()
  const words = ['not', 'true', 'reportedly', ',', '’s', 'could', 'cannot']
  for (const word of words) table.add(word)
  table.freeze()

  it.each(words)('finds "%s" inside a longer text, by offsets', (word) => {
    const text = `xx ${word} yy`
    expect(table.at(text, 3, 3 + word.length)).toBe(table.get(word))
    expect(table.get(word)).toBeGreaterThanOrEqual(0)
  })

  it.each([
    ['a prefix of a word', 'no'],
    ['a word with more letters', 'nott'],
    ['an unknown word', 'allegedly'],
    ['an empty range', ''],
  ])('gives -1 for %s', (_name, word) => {
    const text = `xx ${word} yy`
    expect(table.at(text, 3, 3 + word.length)).toBe(-1)
  })

  it('knows every word of every phrase of the claims lexicons', () => {
    const lexicon = compileClaimLexicon(loadLexicons())
    for (const phrase of [...lexicon.hedges, ...lexicon.denials, ...lexicon.opinions]) {
      for (const word of phrase.words) {
        const text = ` ${word} `
        expect(lexicon.table.at(text, 1, 1 + word.length), word).toBe(lexicon.table.get(word))
        expect(lexicon.table.get(word), word).toBeGreaterThanOrEqual(0)
      }
    }
  })
})
