import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { feedToArticles } from './feed.js'
import { htmlToArticle } from './html.js'
import { parseJsonlLine } from './jsonl.js'
import { readArticles, type ReadItem } from './read.js'
import { decodeText, sniffFormat } from './sniff.js'

const enc = (s: string) => new TextEncoder().encode(s)
const codeOf = (fn: () => unknown) => {
  try {
    fn()
  } catch (error) {
    return (error as { code?: string }).code
  }
  return undefined
}

describe('decodeText', () => {
  it('reads UTF-8 text and drops a BOM', () =>
    expect(decodeText(enc('\ufeffKyiv'), 'a')).toBe('Kyiv'))
  const bad: [string, Uint8Array, string][] = [
    ['empty', enc(''), 'E_INPUT_EMPTY'],
    ['only whitespace', enc(' \n\t '), 'E_INPUT_EMPTY'],
    ['a NUL byte', new Uint8Array([0x4b, 0x00, 0x79]), 'E_INPUT_BINARY'],
    ['invalid UTF-8', new Uint8Array([0x4b, 0xff, 0xfe, 0x79]), 'E_INPUT_BINARY'],
    ['over the limit', enc('x'.repeat(101)), 'E_INPUT_TOO_LARGE'],
  ]
  it.each(bad)('refuses %s', (_name, bytes, code) => {
    expect(codeOf(() => decodeText(bytes, 'f', 100))).toBe(code)
  })
})

describe('sniffFormat', () => {
  const rows: [string, string, string][] = [
    ['a.txt', 'Kyiv said', 'text'],
    ['a.jsonl', '{"text":"x"}', 'jsonl'],
    ['a', '{"text":"x"}', 'jsonl'],
    ['a.html', 'whatever', 'html'],
    ['a', '<!DOCTYPE html><html>', 'html'],
    ['a', '<?xml version="1.0"?><rss>', 'feed'],
    ['a', '<feed xmlns="http://www.w3.org/2005/Atom">', 'feed'],
  ]
  it.each(rows)('%s starting %s is %s', (name, head, format) =>
    expect(sniffFormat(name, head)).toBe(format),
  )
})

describe('htmlToArticle', () => {
  it('takes the headline, byline, date and paragraphs', () => {
    const article = htmlToArticle(
      `<html><head><title>Site | x</title><meta property="article:published_time" content="2025-04-08T10:00:00Z"></head>
       <body><nav>Home</nav><article><h1>Clash near Tarasivka</h1><p>First paragraph of the report, long enough to count as content for Readability.</p>
       <p>Second paragraph: Ukrainian forces engaged six soldiers near the village, the General Staff said.</p></article></body></html>`,
      'page.html',
    )
    expect(article.title).toBe('Clash near Tarasivka')
    expect(article.published).toBe('2025-04-08T10:00:00Z')
    expect(article.text.split('\n')).toEqual([
      'Clash near Tarasivka',
      'First paragraph of the report, long enough to count as content for Readability.',
      'Second paragraph: Ukrainian forces engaged six soldiers near the village, the General Staff said.',
    ])
  })
  it('survives broken markup', () => {
    expect(
      htmlToArticle('<div><p>Shelling in <b>Kharkiv<p>overnight</div></span>', 'x.html').text,
    ).toContain('Kharkiv')
  })
  it('refuses a page with no text', () => {
    expect(
      codeOf(() => htmlToArticle('<html><body><script>x()</script></body></html>', 'x.html')),
    ).toBe('E_INPUT_HTML_EMPTY')
  })
})

describe('feedToArticles', () => {
  it('reads RSS items with link, date and HTML description', () => {
    const [item] = feedToArticles(
      `<?xml version="1.0"?><rss><channel><title>Wire</title><item><title>T</title><link>https://x.example/a</link>
       <pubDate>Tue, 18 Mar 2025 09:15:00 GMT</pubDate><description>&lt;p&gt;Body text.&lt;/p&gt;</description></item></channel></rss>`,
      'f.rss',
    )
    expect(item).toMatchObject({
      url: 'https://x.example/a',
      outlet: 'Wire',
      title: 'T',
      text: 'T\nBody text.',
    })
  })
  it('reads Atom entries', () => {
    const [entry] = feedToArticles(
      `<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><title>E</title><link href="https://x.example/e"/>
       <updated>2025-03-18T00:00:00Z</updated><content type="html">Body.</content></entry></feed>`,
      'f.atom',
    )
    expect(entry).toMatchObject({
      url: 'https://x.example/e',
      published: '2025-03-18T00:00:00Z',
      text: 'E\nBody.',
    })
  })
  const hostile: [string, string][] = [
    [
      'an external entity',
      '<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss><channel><item><title>&x;</title></item></channel></rss>',
    ],
    [
      'entity expansion',
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><rss/>',
    ],
  ]
  it.each(hostile)('refuses a feed declaring %s', (_name, xml) => {
    expect(codeOf(() => feedToArticles(xml, 'f.rss'))).toBe('E_INPUT_FEED_ENTITY')
  })
  it('says which line declares the entity', () => {
    expect(() => feedToArticles(hostile[0]![1], 'evil.rss')).toThrow(/evil\.rss line 2/)
  })
})

describe('JSON Lines', () => {
  it('reads text and metadata', () => {
    expect(
      parseJsonlLine(
        '{"id":"a","outlet":"UNIAN","published":"2025-04-08","text":"Hi"}',
        'b.jsonl:1',
      ),
    ).toMatchObject({
      id: 'a',
      outlet: 'UNIAN',
      text: 'Hi',
    })
  })
  const bad: [string, RegExp][] = [
    ['{not json', /b\.jsonl line 3: not valid JSON/],
    ['[1,2]', /expected a JSON object/],
    ['{"id":"x"}', /needs a non-empty "text" or "html"/],
    ['{"text":"x","outlet":5}', /field "outlet" must be a string/],
  ]
  it.each(bad)('reports %s with its line number', (line, message) => {
    expect(() => parseJsonlLine(line, 'b.jsonl:3')).toThrow(message)
  })

  it('streams a batch, reporting bad lines and keeping the others', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-'))
    const file = join(dir, 'batch.jsonl')
    writeFileSync(file, '{"id":"a","text":"One."}\n{broken\n\n{"id":"c","text":"Three."}\n')
    const items: ReadItem[] = []
    for await (const item of readArticles(file)) items.push(item)
    expect(items.map((i) => (i.kind === 'article' ? i.article.id : `error@${i.where}`))).toEqual([
      'a',
      `error@${file}:2`,
      'c',
    ])
  })

  it('reports a missing file as unreadable', async () => {
    const items: ReadItem[] = []
    for await (const item of readArticles('/nonexistent/file.txt')) items.push(item)
    expect(items).toEqual([
      expect.objectContaining({
        kind: 'error',
        error: expect.objectContaining({ code: 'E_INPUT_UNREADABLE' }),
      }),
    ])
  })
})
