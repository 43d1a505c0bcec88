import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Article } from '../ingest/article.js'
import { isPrivateAddress } from './address.js'
import { fetchFeed, FeedFetchError } from './fetch.js'
import { FeedWatcher, parseFeedsFile, type FeedSpec } from './watch.js'

const rss = (items: string[]) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Loopback News</title>${items
    .map(
      (id) =>
        `<item><guid>${id}</guid><title>Report ${id}</title><link>https://x.example/${id}</link><description>Shelling hit Kharkiv, officials said.</description></item>`,
    )
    .join('')}</channel></rss>`

let server: Server
let base = ''
const seen: IncomingMessage[] = []
let items = ['a1', 'a2']

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req)
    const url = req.url ?? '/'
    if (url === '/rss') {
      const etag = `"v${items.length}"`
      if (req.headers['if-none-match'] === etag) return void res.writeHead(304).end()
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag }).end(rss(items))
    } else if (url === '/dated') {
      const lastModified = 'Tue, 08 Apr 2025 10:00:00 GMT'
      if (req.headers['if-modified-since'] === lastModified) return void res.writeHead(304).end()
      res.writeHead(200, { 'last-modified': lastModified }).end(rss(['d1']))
    } else if (url.startsWith('/hop/')) {
      const n = Number(url.slice(5))
      res.writeHead(302, { location: n > 0 ? `/hop/${n - 1}` : '/rss' }).end()
    } else if (url === '/big') {
      res.writeHead(200).end(rss(['b1']) + ' '.repeat(100_000))
    } else if (url === '/slow') {
      // never answers: the client's time limit must end it
    } else if (url === '/evil') {
      res
        .writeHead(200)
        .end('<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss/>')
    } else res.writeHead(404).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(() => {
  server.closeAllConnections()
  server.close()
})

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
    return 'none'
  } catch (error) {
    return (error as FeedFetchError).code ?? String(error)
  }
}

describe('feeds › address policy', () => {
  const privateOnes = [
    '127.0.0.1',
    '127.8.9.10',
    '10.0.0.1',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '::1',
    '::',
    'fe80::1',
    'fc00::1',
    'fd12:3456::1',
    '::ffff:127.0.0.1',
    '::ffff:10.1.2.3',
    'not-an-ip',
  ]
  const publicOnes = [
    '8.8.8.8',
    '1.1.1.1',
    '172.15.0.1',
    '172.32.0.1',
    '100.63.0.1',
    '193.168.1.1',
    '2a00:1450:4001::200e',
    '::ffff:8.8.8.8',
  ]
  it.each(privateOnes)('refuses %s', (ip) => expect(isPrivateAddress(ip)).toBe(true))
  it.each(publicOnes)('allows %s', (ip) => expect(isPrivateAddress(ip)).toBe(false))
})

describe('feeds › fetching', () => {
  it('refuses a loopback URL without --allow-private, before any request is made', async () => {
    const before = seen.length
    expect(await codeOf(fetchFeed(`${base}/rss`))).toBe('E_FEED_PRIVATE_ADDRESS')
    expect(seen.length).toBe(before)
  })

  it('refuses a host name that resolves to loopback (the resolved IP is what counts)', async () => {
    const port = (server.address() as AddressInfo).port
    expect(await codeOf(fetchFeed(`http://localhost:${port}/rss`))).toBe('E_FEED_PRIVATE_ADDRESS')
  })

  it('refuses schemes other than http and https', async () => {
    expect(await codeOf(fetchFeed('file:///etc/passwd', {}, { allowPrivate: true }))).toBe(
      'E_FEED_SCHEME',
    )
    expect(await codeOf(fetchFeed('gopher://x.example/', {}, { allowPrivate: true }))).toBe(
      'E_FEED_SCHEME',
    )
  })

  it('fetches with --allow-private, then asks conditionally with the ETag', async () => {
    const first = await fetchFeed(`${base}/rss`, {}, { allowPrivate: true })
    expect(first.status).toBe('fetched')
    if (first.status !== 'fetched') return
    expect(first.validators.etag).toBe('"v2"')
    const second = await fetchFeed(`${base}/rss`, first.validators, { allowPrivate: true })
    expect(second.status).toBe('not-modified')
    expect(seen[seen.length - 1]?.headers['if-none-match']).toBe('"v2"')
  })

  it('asks conditionally with Last-Modified', async () => {
    const first = await fetchFeed(`${base}/dated`, {}, { allowPrivate: true })
    if (first.status !== 'fetched') throw new Error('expected a body')
    const second = await fetchFeed(`${base}/dated`, first.validators, { allowPrivate: true })
    expect(second.status).toBe('not-modified')
  })

  it('follows a few redirects and refuses a long chain', async () => {
    expect((await fetchFeed(`${base}/hop/2`, {}, { allowPrivate: true })).status).toBe('fetched')
    expect(
      await codeOf(fetchFeed(`${base}/hop/9`, {}, { allowPrivate: true, maxRedirects: 3 })),
    ).toBe('E_FEED_REDIRECTS')
  })

  it('stops a body over the size limit', async () => {
    expect(
      await codeOf(fetchFeed(`${base}/big`, {}, { allowPrivate: true, maxBytes: 10_000 })),
    ).toBe('E_FEED_TOO_LARGE')
  })

  it('stops a server that does not answer in time', async () => {
    expect(
      await codeOf(fetchFeed(`${base}/slow`, {}, { allowPrivate: true, timeoutMs: 300 })),
    ).toBe('E_FEED_TIMEOUT')
  })

  it('reports HTTP errors with their status', async () => {
    expect(await codeOf(fetchFeed(`${base}/missing`, {}, { allowPrivate: true }))).toBe(
      'E_FEED_HTTP',
    )
  })
})

describe('feeds › watching', () => {
  function watcher(feeds: FeedSpec[], extra: { allowPrivate?: boolean } = {}) {
    const got: Article[] = []
    const errors: string[] = []
    const sleeps: number[] = []
    let clock = 1_000_000
    const w = new FeedWatcher(
      feeds,
      (articles) => void got.push(...articles),
      (_feed, error) => void errors.push(error.code ?? error.message),
      {
        allowPrivate: true,
        ...extra,
        perHostMs: 2_000,
        now: () => clock,
        sleep: async (ms) => {
          sleeps.push(ms)
          clock += ms
        },
      },
    )
    return { w, got, errors, sleeps, advance: (ms: number) => (clock += ms) }
  }

  it('passes each item on once and only new items later', async () => {
    items = ['a1', 'a2']
    const { w, got, advance } = watcher([{ url: `${base}/rss`, intervalS: 60 }])
    expect(await w.pollDue()).toBe(2)
    advance(61_000)
    expect(await w.pollDue()).toBe(0) // 304
    items = ['a1', 'a2', 'a3']
    advance(61_000)
    expect(await w.pollDue()).toBe(1)
    expect(got.map((a) => a.id)).toEqual(['a1', 'a2', 'a3'])
    expect(got[0]?.outlet).toBe('Loopback News')
  })

  it('waits between two requests to the same host', async () => {
    const { w, sleeps } = watcher([
      { url: `${base}/rss`, intervalS: 60 },
      { url: `${base}/dated`, intervalS: 60 },
    ])
    await w.pollDue()
    expect(sleeps).toEqual([2_000])
  })

  it('reports a refused or hostile feed and goes on with the others', async () => {
    items = ['a1']
    const { w, got, errors } = watcher(
      [
        { url: `${base}/evil`, intervalS: 60 },
        { url: `${base}/rss`, intervalS: 60 },
      ],
      { allowPrivate: true },
    )
    await w.pollDue()
    expect(errors).toEqual(['E_INPUT_FEED_ENTITY'])
    expect(got.map((a) => a.id)).toEqual(['a1'])
    const closed = watcher([{ url: `${base}/rss`, intervalS: 60 }], { allowPrivate: false })
    await closed.w.pollDue()
    expect(closed.errors).toEqual(['E_FEED_PRIVATE_ADDRESS'])
  })
})

describe('feeds › the feeds file', () => {
  it('reads URLs with optional intervals, comments and a floor on the interval', () => {
    expect(
      parseFeedsFile(
        '# news\nhttps://a.example/rss\n\nhttps://b.example/atom 600  # hourly-ish\nhttps://c.example/x 1\n',
        900,
      ),
    ).toEqual([
      { url: 'https://a.example/rss', intervalS: 900 },
      { url: 'https://b.example/atom', intervalS: 600 },
      { url: 'https://c.example/x', intervalS: 30 },
    ])
  })
})
