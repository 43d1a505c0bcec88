import { describe, expect, it } from 'vitest'
import { detached, Memo } from './memo.js'

describe('core › Memo, two generations', () => {
  it('keeps recently used keys and forgets the least recently used ones', () => {
    const memo = new Memo<number>(2)
    memo.set('a', 1)
    memo.set('b', 2)
    memo.set('c', 3) // full: a and b age
    expect(memo.get('a')).toBe(1) // used again: kept
    memo.set('d', 4) // full again: b, never used since, is forgotten
    expect(memo.get('a')).toBe(1)
    expect(memo.get('c')).toBe(3)
    expect(memo.get('d')).toBe(4)
    expect(memo.get('b')).toBeUndefined()
  })

  it('answers a key equal to the one stored, whatever string it was sliced from', () => {
    const memo = new Memo<string>(10)
    const article = 'Ukrainian forces captured two soldiers near Tarasivka, Donetsk Oblast.'
    memo.set(article.slice(44, 70), 'place')
    expect(memo.get('Tarasivka, Donetsk Oblast.')).toBe('place')
  })
})

describe('core › detached', () => {
  it.each([['Kyiv'], ['Volodymyr Zelenskyy'], ['']])('keeps the value of %j', (s) => {
    expect(detached(s)).toBe(s)
  })
})
