import fc from 'fast-check'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { SitrepError } from '../../src/core/errors.js'
import { extractArticle } from '../../src/extract.js'
import { feedToArticles } from '../../src/ingest/feed.js'
import { blockText, htmlToArticle } from '../../src/ingest/html.js'
import { parseJsonlLine } from '../../src/ingest/jsonl.js'
import { readArticles, type ReadItem } from '../../src/ingest/read.js'
import { defaultPipeline } from '../../src/pipeline.js'
import { loadResources } from '../../src/resources/index.js'
import { htmlPage, newsText, unicodeText } from './arbitraries.js'
import { expectSoundDoc } from './invariants.js'

/**
 * The readers on hostile input: they return articles or a coded SitrepError,
 * never any other exception (which the CLI would print as an internal error
 * with a stack), and what they return goes through the pipeline soundly.
 */
const SEED = 20250408
const dir = mkdtempSync(join(tmpdir(), 'sitrep-hardening-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** The error code a call throws, 'none' if it returns; rethrows anything that is not a SitrepError. */
function outcome(fn: () => unknown): string {
  try {
    fn()
    return 'none'
  } catch (error) {
    if (error instanceof SitrepError) return error.code
    throw error
  }
}

async function collect(path: string): Promise<ReadItem[]> {
  const items: ReadItem[] = []
  for await (const item of readArticles(path)) items.push(item)
  return items
}

let fileCount = 0
function tempFile(name: string, content: string | Uint8Array): string {
  const path = join(dir, `${fileCount++}-${name}`)
  writeFileSync(path, content)
  return path
}

describe('hardening › feeds never expand entities', () => {
  // Every way a feed can ask for an entity to be defined or fetched: all refused, with the line.
  const refused: [string, string, number][] = [
    [
      'an external entity (XXE, file)',
      '<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<rss><channel><item><title>&x;</title></item></channel></rss>',
      2,
    ],
    [
      'an external entity over HTTP',
      '<?xml version="1.0"?>\n\n<!DOCTYPE r [<!ENTITY x SYSTEM "http://127.0.0.1:9/x">]><rss/>',
      3,
    ],
    [
      'a public external DTD',
      '<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">\n<rss version="0.91"><channel><title>T</title></channel></rss>',
      1,
    ],
    [
      'a parameter entity',
      '<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY % p SYSTEM "http://x.example/p.dtd"> %p;]><rss/>',
      2,
    ],
    [
      'billion laughs',
      `<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol "lol">\n${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('\n')}\n]>\n<rss><channel><item><title>&lol9;</title></item></channel></rss>`,
      2,
    ],
    [
      'quadratic blowup (one big entity used many times)',
      `<!DOCTYPE r [<!ENTITY a "${'a'.repeat(50_000)}">]>\n<rss><channel><item><description>${'&a;'.repeat(5_000)}</description></item></channel></rss>`,
      1,
    ],
    [
      'a lowercase doctype',
      '<?xml version="1.0"?><!doctype r [<!entity x SYSTEM "file:///etc/hostname">]><feed xmlns="http://www.w3.org/2005/Atom"><entry><title>&x;</title></entry></feed>',
      1,
    ],
    [
      'an entity declaration without a DOCTYPE',
      '<rss><channel><!ENTITY x "y"><item><title>&x;</title></item></channel></rss>',
      1,
    ],
    [
      'a doctype after comments and whitespace',
      '\n\n<!-- generator -->\n   <!DOCTYPE rss [<!ENTITY x SYSTEM "file:///dev/random">]><rss/>',
      4,
    ],
  ]
  it.each(refused)('refuses %s, naming the line', (_name, xml, line) => {
    expect(outcome(() => feedToArticles(xml, 'evil.rss'))).toBe('E_INPUT_FEED_ENTITY')
    expect(() => feedToArticles(xml, 'evil.rss')).toThrow(`evil.rss line ${line}:`)
  })

  // Undeclared entity references are not declarations: the feed is read and nothing is expanded or fetched.
  const kept: [string, string][] = [
    [
      'an undeclared entity reference',
      '<rss><channel><item><title>A &x; B</title><description>Body &lol9; text.</description></item></channel></rss>',
    ],
    [
      'the five predefined entities',
      '<rss><channel><item><title>Tom &amp; Jerry &lt;3 &gt; &quot;q&quot; &apos;a&apos;</title><description>x</description></item></channel></rss>',
    ],
    [
      'numeric character references',
      '<rss><channel><item><title>Kyiv &#8212; &#x201C;calm&#x201D;</title><description>x</description></item></channel></rss>',
    ],
  ]
  it.each(kept)('reads a feed with %s without expanding anything', (_name, xml) => {
    const articles = feedToArticles(xml, 'ok.rss')
    expect(articles).toHaveLength(1)
    expect(JSON.stringify(articles)).not.toMatch(/lollol|root:/)
  })

  it('returns articles or a feed error for any text, never another exception', () => {
    const xmlish = fc
      .array(
        fc.oneof(
          unicodeText,
          fc.constantFrom(
            '<rss>',
            '<channel>',
            '<item>',
            '</item>',
            '<title>',
            '</title>',
            '<feed>',
            '<entry>',
            '<![CDATA[',
            ']]>',
            '<?xml version="1.0"?>',
            '&amp;',
            '&x;',
            '<link href="x"/>',
            '<description>',
            '</description>',
            '<',
          ),
        ),
        { maxLength: 40 },
      )
      .map((parts) => parts.join(''))
    fc.assert(
      fc.property(xmlish, (xml) => {
        expect(['none', 'E_INPUT_FEED_ENTITY', 'E_INPUT_FEED_INVALID']).toContain(
          outcome(() => feedToArticles(xml, 'fuzz.rss')),
        )
      }),
      { seed: SEED, numRuns: 400 },
    )
  })

  it('keeps every item of a feed whatever its titles and bodies hold', () => {
    const escape = (s: string) =>
      s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    fc.assert(
      fc.property(
        fc.array(fc.tuple(newsText, newsText), { minLength: 1, maxLength: 8 }),
        (items) => {
          const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title>Outlet</title>${items
            .map(
              ([title, body], i) =>
                `<item><guid>g${i}</guid><title>${escape(title)}</title><description>${escape(body)}</description></item>`,
            )
            .join('')}</channel></rss>`
          const articles = feedToArticles(xml, 'items.rss')
          expect(articles.map((a) => a.id)).toEqual(items.map((_, i) => `g${i}`))
        },
      ),
      { seed: SEED, numRuns: 100 },
    )
  })
})

describe('hardening › HTML ingest', () => {
  const pipeline = defaultPipeline(loadResources())

  it('returns an article or E_INPUT_HTML_EMPTY for any markup, and the article extracts soundly', async () => {
    await fc.assert(
      fc.asyncProperty(htmlPage, async (html) => {
        let article
        try {
          article = htmlToArticle(html, 'page.html', { language: 'en' })
        } catch (error) {
          expect(error).toBeInstanceOf(SitrepError)
          expect((error as SitrepError).code).toBe('E_INPUT_HTML_EMPTY')
          return
        }
        expectSoundDoc(await extractArticle(article, pipeline))
      }),
      { seed: SEED, numRuns: 120 },
    )
  })

  it.each(['hello world', '<!doctype html>Kyiv was shelled.', '&amp; more', '<!-- c -->text'])(
    'reads HTML without any element (%j) as text or refuses it with a code',
    (html) => {
      expect(['none', 'E_INPUT_HTML_EMPTY']).toContain(outcome(() => htmlToArticle(html, 'p.html')))
    },
  )

  it('reads moderately nested markup (200 levels) without losing its text', () => {
    const html = `<!doctype html><html><body>${'<div>'.repeat(200)}Shelling hit Kharkiv on Monday, officials said.${'</div>'.repeat(200)}</body></html>`
    expect(htmlToArticle(html, 'deep.html').text).toContain('Shelling hit Kharkiv')
  })

  // blockText walks with an explicit stack: 20,000 nested elements must not
  // overflow the call stack (a RangeError would print as an internal error).
  it('reads 20,000 nested elements without overflowing the stack', () => {
    const deep = `${'<span>'.repeat(20_000)}text${'</span>'.repeat(20_000)}`
    expect(blockText(deep)).toBe('text')
  })
})

describe('hardening › JSON Lines: bad lines are reported by number and the others kept', () => {
  type Row = { good: true; id: string; text: string } | { good: false; line: string }
  const badLine = fc.oneof(
    fc.constantFrom(
      '{broken',
      '{"text": "unterminated',
      '[1,2,3]',
      '42',
      'null',
      '"text"',
      '{}',
      '{"text": ""}',
      '{"text": "   "}',
      '{"text": 5}',
      '{"html": "<p></p>"}',
      '{"text":"x","outlet":{"a":1}}',
      '{"text":"x"} trailing',
      '\u0000\u0001',
      '{"text":"x",}',
    ),
    unicodeText.filter((s) => {
      try {
        JSON.parse(s)
        return false
      } catch {
        return s.trim() !== '' && !s.includes('\n') && !s.includes('\r')
      }
    }),
  )
  const row: fc.Arbitrary<Row> = fc.oneof(
    fc
      .tuple(
        fc.uuid(),
        newsText.filter((t) => t.trim() !== ''),
      )
      .map(([id, text]) => ({ good: true as const, id, text })),
    badLine.map((line) => ({ good: false as const, line })),
  )

  it('yields one article per good line in order and one positioned error per bad line', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { minLength: 1, maxLength: 25 }),
        fc.constantFrom('\n', '\r\n'),
        async (rows, eol) => {
          const lines = rows.map((r) =>
            r.good ? JSON.stringify({ id: r.id, text: r.text }) : r.line,
          )
          const file = tempFile('batch.jsonl', lines.join(eol) + eol)
          const items = await collect(file)
          const expected = rows.map((r, i) => (r.good ? `article ${r.id}` : `error line ${i + 1}`))
          const got = items.map((item) => {
            if (item.kind === 'article') return `article ${item.article.id}`
            // An "html" field with no text is refused by the HTML reader, still positioned.
            expect(['E_JSONL_LINE', 'E_INPUT_HTML_EMPTY']).toContain(item.error.code)
            const line = Number(item.where.slice(item.where.lastIndexOf(':') + 1))
            expect(item.error.message).toMatch(new RegExp(`(line |:)${line}:`))
            return `error line ${line}`
          })
          expect(got).toEqual(expected)
        },
      ),
      { seed: SEED, numRuns: 60 },
    )
  })

  it('skips blank lines without calling them errors, and keeps counting them', async () => {
    const file = tempFile(
      'blanks.jsonl',
      '\n{"id":"a","text":"One."}\n   \n\n{oops\n{"id":"b","text":"Two."}\n',
    )
    const items = await collect(file)
    expect(items.map((i) => (i.kind === 'article' ? i.article.id : i.where))).toEqual([
      'a',
      `${file}:5`,
      'b',
    ])
  })

  it('reports a line over the size limit and keeps the next', async () => {
    const big = JSON.stringify({ id: 'big', text: 'x'.repeat(2000) })
    const file = tempFile('limit.jsonl', `${big}\n{"id":"small","text":"Fine."}\n`)
    const items: ReadItem[] = []
    for await (const item of readArticles(file, { maxBytes: 1000 })) items.push(item)
    expect(items.map((i) => (i.kind === 'article' ? i.article.id : i.error.code))).toEqual([
      'E_JSONL_LINE',
      'small',
    ])
  })

  it('never throws for any single line', () => {
    fc.assert(
      fc.property(fc.oneof(badLine, unicodeText, fc.json()), (line) => {
        expect(['none', 'E_JSONL_LINE', 'E_INPUT_HTML_EMPTY']).toContain(
          outcome(() => parseJsonlLine(line, 'x.jsonl:7')),
        )
      }),
      { seed: SEED, numRuns: 400 },
    )
  })
})

describe('hardening › any bytes in a file', () => {
  it('yield articles or coded errors, never an exception, whatever the extension', async () => {
    const names = ['a.txt', 'a.html', 'a.rss', 'a.jsonl', 'noext']
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 3000 }),
          unicodeText.map((s) => new TextEncoder().encode(s)),
          htmlPage.map((s) => new TextEncoder().encode(s)),
        ),
        fc.constantFrom(...names),
        async (bytes, name) => {
          const items = await collect(tempFile(name, bytes))
          for (const item of items) {
            if (item.kind === 'error') expect(item.error).toBeInstanceOf(SitrepError)
          }
        },
      ),
      { seed: SEED, numRuns: 150 },
    )
  })

  it.each([
    ['an empty file', new Uint8Array(0), 'E_INPUT_EMPTY'],
    ['only whitespace', new TextEncoder().encode(' \n\t\r\n '), 'E_INPUT_EMPTY'],
    ['a NUL byte', new Uint8Array([0x48, 0x69, 0x00, 0x21]), 'E_INPUT_BINARY'],
    ['invalid UTF-8', new Uint8Array([0x48, 0x69, 0xff, 0xfe, 0x21]), 'E_INPUT_BINARY'],
    [
      'a PNG header',
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
      'E_INPUT_BINARY',
    ],
    ['UTF-16 text', new Uint8Array([0xff, 0xfe, 0x48, 0x00, 0x69, 0x00]), 'E_INPUT_BINARY'],
  ])('refuses %s with a coded error', async (_name, bytes, code) => {
    const items = await collect(tempFile('input.txt', bytes))
    expect(items.map((i) => (i.kind === 'error' ? i.error.code : 'article'))).toEqual([code])
  })
})
