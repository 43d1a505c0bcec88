import { describe, expect, it } from 'vitest'
import { canonicalUrl, urlHost } from './url.js'

describe('url › canonical form', () => {
  const same: [string, string][] = [
    ['https://www.example.com/news/a?utm_source=x&utm_medium=y', 'example.com/news/a'],
    ['http://example.com/news/a/', 'example.com/news/a'],
    ['https://EXAMPLE.com/news/a#comments', 'example.com/news/a'],
    ['https://m.example.com/news/a?b=2&a=1&fbclid=zz', 'example.com/news/a?a=1&b=2'],
    ['https://example.com/news/a/amp', 'example.com/news/a'],
  ]
  it.each(same)('%s → %s', (url, expected) => {
    expect(canonicalUrl(url)).toBe(expected)
  })

  it('keeps parameters that select a different page', () => {
    expect(canonicalUrl('https://example.com/story?id=1')).not.toBe(
      canonicalUrl('https://example.com/story?id=2'),
    )
  })

  it('keeps a non-URL identifier as written and maps empty to null', () => {
    expect(canonicalUrl(' urn:x:1 ')).toBe('urn:x:1')
    expect(canonicalUrl('')).toBeNull()
    expect(canonicalUrl(null)).toBeNull()
    expect(urlHost('https://www.unian.net/x')).toBe('unian.net')
  })
})
