import { describe, expect, it } from 'vitest'
import {
  bandKeys,
  contentTerms,
  jaccard,
  LSH_BANDS,
  minhash,
  MINHASH_SIZE,
  overlap,
  signatureSimilarity,
  words,
} from './text.js'

const BODY =
  'Rescuers worked through the night to pull survivors from the rubble of the building near the station. ' +
  'The governor said crews had evacuated dozens of residents and that heating and water were cut in several districts. ' +
  'Officials said the attack was one of the deadliest on the city in recent months.'

describe('text › words and terms', () => {
  it('splits on anything that is not a letter or digit, lower-cased', () => {
    expect(words("Kyiv's 1,300 drones—Zaporizhzhia")).toEqual([
      'kyiv',
      's',
      '1',
      '300',
      'drones',
      'zaporizhzhia',
    ])
  })

  it('drops function words and folds paraphrases onto one term', () => {
    expect(contentTerms('The death toll has risen')).toEqual(['kill', 'risen'])
    expect(contentTerms('killing four people')).toEqual(['kill', 'civilian'])
    expect(contentTerms('Drones struck; drones attacked')).toEqual(['drone', 'strike'])
  })

  it('measures set similarity', () => {
    expect(jaccard(['a', 'b'], ['b', 'c'])).toBeCloseTo(1 / 3)
    expect(overlap(['a', 'b'], ['a', 'b', 'c', 'd'])).toBe(1)
    expect(jaccard([], ['a'])).toBe(0)
  })
})

describe('text › MinHash', () => {
  it('gives identical texts identical signatures', () => {
    const sig = minhash(BODY)
    expect(sig).toHaveLength(MINHASH_SIZE)
    expect(signatureSimilarity(sig, minhash(BODY))).toBe(1)
    expect(bandKeys(sig)).toEqual(bandKeys(minhash(BODY)))
    expect(bandKeys(sig)).toHaveLength(LSH_BANDS)
  })

  it('rates a lightly edited copy high and an unrelated text low', () => {
    const copy = 'Updated: ' + BODY.replace('several districts', 'three districts')
    const other =
      'Protesters marched through the capital on Sunday demanding new elections, and police detained two organisers after clashes near parliament late in the evening.'
    expect(signatureSimilarity(minhash(BODY), minhash(copy))).toBeGreaterThanOrEqual(0.6)
    expect(signatureSimilarity(minhash(BODY), minhash(other))).toBeLessThan(0.15)
  })

  it('has no band keys for an empty text', () => {
    expect(bandKeys(minhash(''))).toEqual([])
  })
})
