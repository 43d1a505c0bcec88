import { describe, expect, it } from 'vitest'
import { figuresIn, parseNumber } from './numbers.js'

describe('numbers › figures in a text', () => {
  const hits: [string, Record<string, number>][] = [
    ['killing at least four people', { killed: 4 }],
    ['The death toll from the strike on Tuesday has risen to six', { killed: 6 }],
    ['12 people were killed and 30 wounded', { killed: 12, injured: 30 }],
    ['Police detained 34 people', { arrested: 34 }],
    ['about 1,300 residents were evacuated', { displaced: 1300 }],
    ['Organisers estimated the crowd at about 80,000', { participants: 80000 }],
  ]
  it.each(hits)('%s', (text, expected) => {
    expect(Object.fromEntries(figuresIn(text).map((f) => [f.key, f.value]))).toEqual(expected)
  })

  const misses = [
    'In 2024 the city was shelled',
    'Two delegations met in Munich',
    'The package lists 120 vessels',
  ]
  it.each(misses)('no figure in: %s', (text) => {
    expect(figuresIn(text)).toEqual([])
  })

  it('parses digits, thousands and number words', () => {
    expect(parseNumber('1,300')).toBe(1300)
    expect(parseNumber('Nine')).toBe(9)
    expect(parseNumber('many')).toBeNull()
  })
})
