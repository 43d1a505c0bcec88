import { describe, expect, it } from 'vitest'
import { constantTag } from './view.js'

const TAGS = 'ADJ ADP ADV AUX CCONJ DET INTJ NOUN NUM PART PRON PROPN PUNCT SCONJ SPACE SYM VERB X'

describe('constantTag', () => {
  it.each(TAGS.split(' '))('maps a run-time %s to the same tag', (tag) => {
    // A string built at run time, as the tagger's are.
    const built = [...tag].join('')
    expect(constantTag(built)).toBe(tag)
  })
  it.each(['', 'Y', 'ADX', 'NOUNS', 'noun', 'PRNN', 'SCONY', 'PROPER'])(
    'keeps %j as it is',
    (s) => {
      expect(constantTag(s)).toBe(s)
    },
  )
})
