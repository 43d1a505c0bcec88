import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from './app.js'
import type { Store } from '../store/store.js'
import { openExampleStore } from './cases.js'
import { corpusIngest } from './ingest.js'
import { MemoryReviewStore } from './review-store.js'
import { createToken } from './tokens.js'

let app: FastifyInstance
let store: Store
const tokens = { viewer: '', editor: '', admin: '' }

beforeAll(async () => {
  store = await openExampleStore()
  const review = new MemoryReviewStore()
  for (const role of ['viewer', 'editor', 'admin'] as const) {
    tokens[role] = (await createToken(review, { name: `${role}-user`, role })).secret
  }
  app = await buildApp({
    store,
    review,
    // Extraction is the pipeline's business (and slow to load); here articles are stored as text.
    ingest: corpusIngest(store, { extract: (doc) => doc }),
    bodyLimit: 64 * 1024,
    ingestLimit: 128 * 1024,
  })
})

afterAll(async () => {
  await app.close()
  await store.close()
})

const KHERSON_TITLE = 'ASSAULT · Kherson · 2025-06-01'

/** Ids the corpus made (hashes): found through the API rather than typed in. */
async function storyId(title: string): Promise<string> {
  const { body } = await get('/api/stories?limit=100')
  return body.items.find((s: { title: string }) => s.title === title).id
}

async function claimId(prefix: string): Promise<string> {
  const { body } = await get('/api/claims?limit=100')
  return body.items.find((c: { text: string }) => c.text.startsWith(prefix)).id
}

const bearer = (role: keyof typeof tokens) => ({ authorization: `Bearer ${tokens[role]}` })

async function get(url: string) {
  const response = await app.inject({ method: 'GET', url })
  return { status: response.statusCode, body: response.json(), response }
}

describe('api › reads', () => {
  it('answers health and stats', async () => {
    expect((await get('/api/health')).body).toEqual({ ok: true, store: 'sqlite' })
    const stats = await get('/api/stats')
    expect(stats.body).toMatchObject({ articles: 5, events: 8, corrections: 0 })
  })

  it('lists articles with paging', async () => {
    const { body } = await get('/api/articles?limit=2&offset=1')
    expect(body.total).toBe(5)
    expect(body.items.map((a: { id: string }) => a.id)).toEqual([
      'kherson-ferry-strike-wire',
      'darfur-camp-shelling',
    ])
  })

  it('filters articles by outlet', async () => {
    const { body } = await get('/api/articles?outlet=Nile%20Observer')
    expect(body.items.map((a: { id: string }) => a.id)).toEqual(['darfur-camp-shelling'])
  })

  it('returns one article with its doc, corrections, versions and reprints', async () => {
    const { status, body } = await get('/api/articles/darfur-camp-shelling')
    expect(status).toBe(200)
    expect(body.article.outlet).toBe('Nile Observer')
    expect(body.doc.layers.events).toHaveLength(2)
    expect(body.corrections).toEqual([])
    expect(body.versions).toHaveLength(1)
    expect(body.reprints).toEqual([])
  })

  it('answers 404 with a message for an unknown article', async () => {
    const { status, body } = await get('/api/articles/nope')
    expect(status).toBe(404)
    expect(body.error).toEqual({ code: 'not_found', message: 'no article with id "nope"' })
  })

  it('lists events with place precision for the map', async () => {
    const { body } = await get('/api/events')
    expect(body.total).toBe(8)
    const hodeidah = body.items.find((e: { id: string }) => e.id === 'red-sea-ship-attack:0')
    expect(hodeidah).toMatchObject({
      precision: 2,
      title: 'Houthis claim missile attack on cargo ship in Red Sea',
      corrected: false,
    })
    // The event's place is the most precise of its places, and the precision is that place's.
    const zamzam = body.items.find((e: { id: string }) => e.id === 'darfur-camp-shelling:0')
    expect(zamzam).toMatchObject({ place: { name: 'El Fasher' }, precision: 1 })
  })

  it.each([
    ['type=PROTEST', ['tbilisi-rally:0']],
    ['country=sd', ['darfur-camp-shelling:0', 'darfur-camp-shelling:1']],
    ['from=2025-05-01&to=2025-05-31', ['tbilisi-rally:0', 'tbilisi-rally:1']],
    ['actor=houthi', ['red-sea-ship-attack:0', 'red-sea-ship-attack:1']],
    ['near=46.6,32.6,50', ['kherson-ferry-strike:0', 'kherson-ferry-strike-wire:0']],
    ['q=ferry&type=ASSAULT', ['kherson-ferry-strike:0', 'kherson-ferry-strike-wire:0']],
  ])('filters events by %s', async (query, ids) => {
    const { body } = await get(`/api/events?${query}`)
    expect(body.items.map((e: { id: string }) => e.id).sort()).toEqual([...ids].sort())
  })

  it.each([
    ['type=BOMBING', 'query.type'],
    ['from=June', 'query.from: expected a date YYYY-MM-DD'],
    ['near=46,32', 'query.near: expected "lat,lon,km"'],
    ['country=Ukraine', 'query.country: expected an ISO 3166-1 alpha-2 code'],
    ['limit=0', 'query.limit'],
  ])('rejects bad event filters (%s) with 400 and says what was wrong', async (query, fragment) => {
    const { status, body } = await get(`/api/events?${query}`)
    expect(status).toBe(400)
    expect(body.error.code).toBe('bad_request')
    expect(body.error.message).toContain(fragment)
  })

  it('returns one event', async () => {
    const { body } = await get('/api/events/tbilisi-rally:1')
    expect(body.event).toMatchObject({ type: 'COERCE', counts: { arrested: 14 } })
    expect((await get('/api/events/x:9')).status).toBe(404)
  })

  it('searches with facets', async () => {
    const { body } = await get('/api/search?q=drone')
    expect(body.items.map((h: { article: { id: string } }) => h.article.id).sort()).toEqual([
      'kherson-ferry-strike',
      'kherson-ferry-strike-wire',
    ])
    expect(body.facets.type).toEqual({ ASSAULT: 2 })
    expect(body.facets.country).toEqual({ UA: 2 })
    expect(body.items[0].snippet).toMatch(/drone/i)
  })

  it('pages search hits; the total counts every hit and the facets every hit of the window', async () => {
    const all = await get('/api/search?limit=100')
    const first = await get('/api/search?limit=2')
    const second = await get('/api/search?limit=2&offset=2')
    expect(first.body.total).toBe(all.body.items.length)
    expect(second.body.total).toBe(all.body.items.length)
    const ids = (page: { body: { items: { article: { id: string } }[] } }) =>
      page.body.items.map((h) => h.article.id)
    expect([...ids(first), ...ids(second)]).toEqual(ids(all).slice(0, 4))
    expect(first.body.facets).toEqual(all.body.facets)
  })

  it('searches by claim status', async () => {
    const { body } = await get('/api/search?status=denied')
    const ids = body.items.map((h: { article: { id: string } }) => h.article.id)
    expect(ids).toContain('darfur-camp-shelling')
    expect(ids).not.toContain('tbilisi-rally')
  })

  it('rejects a bad search status', async () => {
    const { status, body } = await get('/api/search?status=maybe')
    expect(status).toBe(400)
    expect(body.error.message).toContain('query.status')
  })

  it('lists stories and returns one with members, articles and discrepancies', async () => {
    const list = await get('/api/stories?minArticles=2')
    expect(list.body.items.map((s: { title: string }) => s.title)).toEqual([KHERSON_TITLE])
    const { body } = await get(`/api/stories/${await storyId(KHERSON_TITLE)}`)
    expect(body.members).toHaveLength(2)
    expect(body.articles.map((a: { outlet: string }) => a.outlet).sort()).toEqual([
      'Dnipro Wire',
      'Kherson Daily',
    ])
    expect(body.discrepancies.map((d: { summary: string }) => d.summary)).toContain(
      'killed: 3 (Kherson Daily) vs 4 (Dnipro Wire)',
    )
    expect((await get('/api/stories/s-none')).status).toBe(404)
    expect((await get('/api/stories?type=nope')).status).toBe(400)
  })

  it('lists discrepancies of a story', async () => {
    const { body } = await get(`/api/discrepancies?storyId=${await storyId(KHERSON_TITLE)}`)
    expect(body.total).toBeGreaterThanOrEqual(2)
    expect(body.items.every((d: { storyId: string }) => d.storyId !== null)).toBe(true)
  })

  it('lists claims by status and returns one with its history', async () => {
    const denied = await get('/api/claims?status=denied')
    expect(denied.body.total).toBeGreaterThan(0)
    expect(denied.body.items.every((c: { status: string }) => c.status === 'denied')).toBe(true)
    const { body } = await get(`/api/claims/${await claimId('A Russian drone struck')}`)
    expect(body).toMatchObject({ articleCount: 2, independentSources: 2, corrections: [] })
    expect(body.history.length).toBeGreaterThan(0)
    expect((await get('/api/claims/c-none')).status).toBe(404)
    expect((await get('/api/claims?status=true')).status).toBe(400)
  })

  it('lists entities and returns one with its quotes, claims and events', async () => {
    const list = await get('/api/entities?q=velychko')
    expect(list.body.items).toHaveLength(1)
    expect(list.body.items[0]).toMatchObject({ key: 'andrii velychko', articleCount: 2 })
    const { body } = await get('/api/entities/rapid%20support%20forces')
    expect(body.entity.name).toBe('Rapid Support Forces')
    expect(body.events.map((e: { type: string }) => e.type).sort()).toEqual(['ACCUSE', 'ASSAULT'])
    expect((await get('/api/entities/nobody')).status).toBe(404)
    const people = await get('/api/entities?type=person&limit=100')
    expect(people.body.items.every((e: { type: string }) => e.type === 'PERSON')).toBe(true)
  })

  it('lists places and returns one with its articles', async () => {
    const { body } = await get('/api/places?q=kherson')
    expect(body.items).toHaveLength(1)
    expect(body.items[0]).toMatchObject({ name: 'Kherson', country: 'UA', articleCount: 2 })
    const one = await get(`/api/places/${body.items[0].id}`)
    expect(one.body.articles).toHaveLength(2)
    expect((await get('/api/places/n-xx-atlantis')).status).toBe(404)
  })

  it('serves country shapes for the map backdrop', async () => {
    const { body, response } = await get('/api/geo/countries')
    expect(body.type).toBe('FeatureCollection')
    expect(body.features.length).toBeGreaterThan(150)
    expect(response.headers['cache-control']).toContain('max-age')
  })

  it('answers 404 as JSON for an unknown route', async () => {
    const { status, body } = await get('/api/nothing-here')
    expect(status).toBe(404)
    expect(body.error.message).toBe('no route GET /api/nothing-here')
  })
})

describe('api › openapi', () => {
  it('documents every route with its parameters', async () => {
    const { body } = await get('/openapi.json')
    expect(body.openapi).toBe('3.0.3')
    for (const path of [
      '/api/articles',
      '/api/articles/{id}',
      '/api/events',
      '/api/search',
      '/api/stories/{id}',
      '/api/claims',
      '/api/entities/{id}',
      '/api/places',
      '/api/export',
      '/api/ingest',
      '/api/review/corrections',
      '/api/tokens/{id}',
    ]) {
      expect(body.paths[path], path).toBeDefined()
    }
    const search = body.paths['/api/search'].get
    expect(search.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['q', 'type', 'actor', 'country', 'from', 'to', 'status', 'near']),
    )
    const review = body.paths['/api/review/corrections'].post
    expect(review.security).toEqual([{ bearer: [] }])
    expect(
      review.requestBody.content['application/json'].schema.oneOf ??
        review.requestBody.content['application/json'].schema.anyOf,
    ).toHaveLength(4)
  })
})

describe('api › web and headers', () => {
  it('serves the web app and vendored Leaflet with a same-origin CSP', async () => {
    const page = await app.inject({ method: 'GET', url: '/' })
    expect(page.statusCode).toBe(200)
    expect(page.headers['content-type']).toContain('text/html')
    expect(page.headers['content-security-policy']).toContain("default-src 'self'")
    const leaflet = await app.inject({ method: 'GET', url: '/vendor/leaflet/leaflet.js' })
    expect(leaflet.statusCode).toBe(200)
  })

  it('keeps CORS closed by default', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { origin: 'https://elsewhere.example' },
    })
    expect(response.headers['access-control-allow-origin']).toBeUndefined()
  })

  it('allows listed origins when configured', async () => {
    const open = await buildApp({ store, corsOrigins: ['https://desk.example'], web: false })
    const response = await open.inject({
      method: 'OPTIONS',
      url: '/api/health',
      headers: { origin: 'https://desk.example' },
    })
    expect(response.statusCode).toBe(204)
    expect(response.headers['access-control-allow-origin']).toBe('https://desk.example')
    await open.close()
  })

  it('can require a viewer token for reads', async () => {
    const review = new MemoryReviewStore()
    const { secret } = await createToken(review, { name: 'v', role: 'viewer' })
    const closed = await buildApp({ store, review, privateReads: true, web: false })
    expect((await closed.inject({ method: 'GET', url: '/api/articles' })).statusCode).toBe(401)
    const ok = await closed.inject({
      method: 'GET',
      url: '/api/articles',
      headers: { authorization: `Bearer ${secret}` },
    })
    expect(ok.statusCode).toBe(200)
    await closed.close()
  })
})

describe('api › auth', () => {
  const writes = [
    ['POST', '/api/ingest', 'editor'],
    ['POST', '/api/review/corrections', 'editor'],
    ['GET', '/api/tokens', 'admin'],
    ['POST', '/api/tokens', 'admin'],
    ['DELETE', '/api/tokens/t-1', 'admin'],
    ['GET', '/api/me', 'viewer'],
  ] as const

  it.each(writes)(
    '%s %s without a token is 401 and says how to get one',
    async (method, url, role) => {
      const response = await app.inject({
        method,
        url,
        payload: method === 'POST' ? {} : undefined,
      })
      expect(response.statusCode).toBe(401)
      expect(response.json().error.message).toContain(`sitrep token create --role ${role}`)
    },
  )

  it.each(writes)('%s %s with an unknown token is 401', async (method, url) => {
    const response = await app.inject({
      method,
      url,
      headers: { authorization: 'Bearer sitrep_not-a-real-token' },
    })
    expect(response.statusCode).toBe(401)
    expect(response.json().error.message).toContain('not valid')
  })

  it.each([
    ['POST', '/api/ingest', 'viewer'],
    ['POST', '/api/review/corrections', 'viewer'],
    ['GET', '/api/tokens', 'editor'],
    ['POST', '/api/tokens', 'editor'],
  ] as const)('%s %s with a %s token is 403', async (method, url, role) => {
    const response = await app.inject({ method, url, headers: bearer(role), payload: {} })
    expect(response.statusCode).toBe(403)
    expect(response.json().error.code).toBe('forbidden')
  })

  it('tells a token holder who they are', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/me', headers: bearer('editor') })
    expect(response.json()).toMatchObject({ name: 'editor-user', role: 'editor' })
  })

  it('lets an admin create, list and revoke tokens; a revoked token stops working', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: bearer('admin'),
      payload: { name: 'desk', role: 'editor' },
    })
    expect(created.statusCode).toBe(201)
    const { token, record } = created.json()
    expect(token).toMatch(/^sitrep_/)
    const list = await app.inject({ method: 'GET', url: '/api/tokens', headers: bearer('admin') })
    expect(JSON.stringify(list.json())).not.toContain(token)
    expect(list.json().items.map((t: { name: string }) => t.name)).toContain('desk')
    const me = () =>
      app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${token}` } })
    expect((await me()).statusCode).toBe(200)
    const revoked = await app.inject({
      method: 'DELETE',
      url: `/api/tokens/${record.id}`,
      headers: bearer('admin'),
    })
    expect(revoked.json()).toEqual({ revoked: record.id })
    expect((await me()).statusCode).toBe(401)
    const again = await app.inject({
      method: 'DELETE',
      url: `/api/tokens/${record.id}`,
      headers: bearer('admin'),
    })
    expect(again.statusCode).toBe(404)
  })

  it('rejects a token body with a bad role', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: bearer('admin'),
      payload: { name: 'x', role: 'owner' },
    })
    expect(response.statusCode).toBe(400)
    expect(response.json().error.message).toContain('body.role')
  })
})

describe('api › ingest', () => {
  const post = (payload: string | object, contentType: string, url = '/api/ingest') =>
    app.inject({
      method: 'POST',
      url,
      headers: { ...bearer('editor'), 'content-type': contentType },
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    })

  it('ingests plain text with metadata from the query', async () => {
    const response = await post(
      'Shelling hit the town of Orikhiv on Monday, officials said.',
      'text/plain',
      '/api/ingest?outlet=Test%20Wire&published=2025-07-01&title=Orikhiv',
    )
    expect(response.statusCode).toBe(201)
    expect(response.json()).toMatchObject({ added: 1, unchanged: 0, errors: [] })
    const id = response.json().articles[0].id
    const article = await get(`/api/articles/${id}`)
    expect(article.body.article).toMatchObject({
      outlet: 'Test Wire',
      published: '2025-07-01',
      title: 'Orikhiv',
    })
  })

  it('is idempotent: the same text again is a duplicate', async () => {
    const response = await post(
      'Shelling hit the town of Orikhiv on Monday, officials said.',
      'text/plain',
    )
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({ added: 0, unchanged: 1 })
  })

  it('ingests HTML', async () => {
    const html =
      '<html><head><title>Port strike</title></head><body><article><h1>Port strike</h1><p>A missile struck the port of Odesa overnight, damaging grain silos, the regional governor said on Tuesday morning.</p><p>No casualties were reported by the port authority.</p></article></body></html>'
    const response = await post(html, 'text/html')
    expect(response.statusCode).toBe(201)
    const doc = (await get(`/api/articles/${response.json().articles[0].id}`)).body.doc
    expect(doc.text).toContain('A missile struck the port of Odesa')
    expect(doc.text).not.toContain('<p>')
  })

  it('ingests JSON Lines and reports the bad line with its number, keeping the rest', async () => {
    const body = [
      JSON.stringify({
        id: 'jl-1',
        outlet: 'A',
        text: 'Protesters gathered in Yerevan on Friday.',
      }),
      '{not json',
      JSON.stringify({
        id: 'jl-2',
        outlet: 'B',
        text: 'Troops withdrew from the border post on Sunday.',
      }),
    ].join('\n')
    const response = await post(body, 'application/x-ndjson')
    expect(response.json()).toMatchObject({ added: 2 })
    const [error] = response.json().errors
    expect(error.where).toBe('body:2')
    expect(error.message).toContain('line 2')
    expect(response.json().articles.map((a: { id: string }) => a.id)).toEqual(['jl-1', 'jl-2'])
  })

  it('ingests one JSON article', async () => {
    const response = await post(
      { id: 'json-1', text: 'Sanctions were announced against three shipping firms.' },
      'application/json',
    )
    expect(response.json()).toMatchObject({
      added: 1,
      articles: [{ where: 'body[0]', id: 'json-1' }],
    })
  })

  it.each([
    ['an empty text body', ' ', 'text/plain', 'nothing ingested'],
    ['JSON without text', { title: 'x' }, 'application/json', 'needs a non-empty "text" or "html"'],
    [
      'HTML without an article',
      '<html><body></body></html>',
      'text/html',
      'no readable article text',
    ],
  ])('rejects %s with 400', async (_name, payload, type, fragment) => {
    const response = await post(payload, type)
    expect(response.statusCode).toBe(400)
    expect(response.json().error.message).toContain(fragment)
  })

  it('rejects a bad published date in the query', async () => {
    const response = await post('text', 'text/plain', '/api/ingest?published=yesterday')
    expect(response.statusCode).toBe(400)
    expect(response.json().error.message).toContain('query.published')
  })

  it('rejects an unsupported content type with 415', async () => {
    const response = await post('x', 'application/pdf')
    expect(response.statusCode).toBe(415)
    expect(response.json().error.message).toContain('unsupported content type')
  })

  it('rejects a body over the ingest limit with 413', async () => {
    const response = await post('word '.repeat(40_000), 'text/plain')
    expect(response.statusCode).toBe(413)
    expect(response.json().error.message).toContain('size limit')
  })

  it('rejects a body over the ordinary limit with 413 on other routes', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/review/corrections',
      headers: { ...bearer('editor'), 'content-type': 'application/json' },
      payload: JSON.stringify({ kind: 'speaker', note: 'x'.repeat(70_000) }),
    })
    expect(response.statusCode).toBe(413)
  })

  it('answers 501 when the server has no ingest for its store', async () => {
    const review = new MemoryReviewStore()
    const { secret } = await createToken(review, { name: 'e', role: 'editor' })
    const readOnly = await buildApp({ store, review, web: false })
    const response = await readOnly.inject({
      method: 'POST',
      url: '/api/ingest',
      payload: 'Troops crossed the river at dawn.',
      headers: { 'content-type': 'text/plain', authorization: `Bearer ${secret}` },
    })
    expect(response.statusCode).toBe(501)
    expect(response.json().error.message).toContain('no ingest configured')
    await readOnly.close()
  })
})

describe('api › review', () => {
  const correct = (payload: object, role: keyof typeof tokens = 'editor') =>
    app.inject({ method: 'POST', url: '/api/review/corrections', headers: bearer(role), payload })

  it('corrects a speaker: stored with who, when, before and after; the doc shows it', async () => {
    const response = await correct({
      kind: 'speaker',
      articleId: 'kherson-ferry-strike',
      index: 1,
      speaker: 'Oksana Hrytsenko',
      note: 'the ferry operator said this',
    })
    expect(response.statusCode).toBe(201)
    const record = response.json()
    expect(record).toMatchObject({
      kind: 'speaker',
      articleId: 'kherson-ferry-strike',
      index: 1,
      before: 'Andrii Velychko',
      after: 'Oksana Hrytsenko',
      by: 'editor-user',
      role: 'editor',
    })
    expect(Date.parse(record.at)).not.toBeNaN()
    const { body } = await get('/api/articles/kherson-ferry-strike')
    expect(body.doc.layers.quotes[1]).toMatchObject({
      speakerName: 'Oksana Hrytsenko',
      speaker: 'e2',
    })
    expect(body.corrections).toHaveLength(1)
    const history = await get('/api/review/corrections?articleId=kherson-ferry-strike')
    expect(history.body.items.map((c: { after: string }) => c.after)).toEqual(['Oksana Hrytsenko'])
    const entity = await get('/api/entities/oksana%20hrytsenko')
    expect(entity.body.quotes).toHaveLength(1)
  })

  it('corrects an event type; events, search and exports show the corrected value', async () => {
    const response = await correct({
      kind: 'event-type',
      articleId: 'darfur-camp-shelling',
      index: 1,
      type: 'REJECT',
    })
    expect(response.json()).toMatchObject({ before: 'ACCUSE', after: 'REJECT' })
    const event = await get('/api/events/darfur-camp-shelling:1')
    expect(event.body.event.type).toBe('REJECT')
    const byType = await get('/api/events?type=REJECT')
    expect(
      byType.body.items.map((e: { id: string; corrected: boolean }) => [e.id, e.corrected]),
    ).toEqual([['darfur-camp-shelling:1', true]])
    // Search filters and counts the corrected type too (the store's type filter exempts the article).
    const search = await get('/api/search?type=REJECT')
    expect(search.body.items.map((h: { article: { id: string } }) => h.article.id)).toEqual([
      'darfur-camp-shelling',
    ])
    expect(search.body.total).toBe(1)
    expect(search.body.facets.type).toEqual({ REJECT: 1 })
    const accuse = await get('/api/search?type=ACCUSE')
    expect(accuse.body.facets.type.REJECT).toBeUndefined()
    expect(accuse.body.items.map((h: { article: { id: string } }) => h.article.id)).not.toContain(
      'darfur-camp-shelling',
    )
    const csv = await app.inject({ method: 'GET', url: '/api/export?format=csv' })
    const row = csv.body.split('\n').find((line) => line.startsWith('darfur-camp-shelling:1,'))
    expect(row).toContain(',REJECT,')
    expect(row).toContain(',true,')
  })

  it('corrects a place; the event moves with it', async () => {
    const response = await correct({
      kind: 'place',
      articleId: 'red-sea-ship-attack',
      index: 0,
      place: { name: 'Red Sea off Hodeidah', lat: 14.8, lon: 41.8, country: 'YE' },
    })
    expect(response.json().before).toMatchObject({ name: 'Hodeidah', lat: 14.7978 })
    const event = await get('/api/events/red-sea-ship-attack:0')
    expect(event.body.event.place).toMatchObject({ name: 'Red Sea off Hodeidah', lon: 41.8 })
  })

  it('corrects a claim status; the board and the export show it with its history', async () => {
    const id = await claimId('Police detained 14 protesters')
    const response = await correct(
      { kind: 'claim-status', claimId: id, status: 'confirmed' },
      'admin',
    )
    expect(response.json()).toMatchObject({ before: 'claimed', after: 'confirmed', role: 'admin' })
    const confirmed = await get('/api/claims?status=confirmed')
    expect(confirmed.body.items.map((c: { id: string }) => c.id)).toEqual([id])
    const one = await get(`/api/claims/${id}`)
    expect(one.body.corrections).toHaveLength(1)
    const claims = await get('/api/export?format=claims')
    const exported = claims.body.claims.find((c: { id: string }) => c.id === id)
    expect(exported.status).toBe('confirmed')
    expect(exported.review.corrections[0].before).toBe('claimed')
  })

  it('exports JSON Lines docs with the corrected speaker and the history', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/export?format=jsonl' })
    expect(response.headers['content-type']).toContain('application/x-ndjson')
    const docs = response.body
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
    const ferry = docs.find((d) => d.id === 'kherson-ferry-strike')
    expect(ferry.layers.quotes[1].speakerName).toBe('Oksana Hrytsenko')
    expect(ferry.review.corrections[0]).toMatchObject({
      before: 'Andrii Velychko',
      by: 'editor-user',
    })
  })

  it('exports GeoJSON of located events', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/export?format=geojson' })
    const collection = response.json()
    expect(collection.type).toBe('FeatureCollection')
    const tbilisi = collection.features.find(
      (f: { properties: { id: string } }) => f.properties.id === 'tbilisi-rally:0',
    )
    expect(tbilisi.geometry.coordinates).toEqual([44.8015, 41.6938])
  })

  it('rejects an unknown export format', async () => {
    const { status, body } = await get('/api/export?format=xlsx')
    expect(status).toBe(400)
    expect(body.error.message).toContain('query.format')
  })

  it.each([
    ['an unknown kind', { kind: 'mood', articleId: 'x' }, 400, 'body.kind'],
    [
      'a missing speaker',
      { kind: 'speaker', articleId: 'kherson-ferry-strike', index: 0 },
      400,
      'body.speaker',
    ],
    [
      'a bad event type',
      { kind: 'event-type', articleId: 'tbilisi-rally', index: 0, type: 'RIOT' },
      400,
      'body.type',
    ],
    [
      'a bad latitude',
      {
        kind: 'place',
        articleId: 'tbilisi-rally',
        index: 0,
        place: { name: 'x', lat: 123, lon: 0, country: null },
      },
      400,
      'body.place.lat',
    ],
    [
      'an index out of range',
      { kind: 'speaker', articleId: 'tbilisi-rally', index: 7, speaker: 'X' },
      400,
      'has 1 quotes, so index 7 does not exist',
    ],
    [
      'an unknown article',
      { kind: 'speaker', articleId: 'nope', index: 0, speaker: 'X' },
      404,
      'no article',
    ],
    [
      'an unknown claim',
      { kind: 'claim-status', claimId: 'c-nope', status: 'denied' },
      404,
      'no claim',
    ],
    [
      'a correction that changes nothing',
      { kind: 'event-type', articleId: 'tbilisi-rally', index: 0, type: 'PROTEST' },
      400,
      'nothing to correct: the event-type is already "PROTEST"',
    ],
    [
      'a bad claim status',
      { kind: 'claim-status', claimId: 'c-x', status: 'true' },
      400,
      'body.status',
    ],
  ])('rejects %s', async (_name, payload, status, fragment) => {
    const response = await correct(payload)
    expect(response.statusCode).toBe(status)
    expect(response.json().error.message).toContain(fragment)
  })

  it('rejects malformed JSON with 400', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/review/corrections',
      headers: { ...bearer('editor'), 'content-type': 'application/json' },
      payload: '{"kind":',
    })
    expect(response.statusCode).toBe(400)
    expect(response.json().error.message).toMatch(/JSON/i)
  })

  it('filters the review history by kind and claim', async () => {
    const speakers = await get('/api/review/corrections?kind=speaker')
    expect(speakers.body.total).toBe(1)
    const claim = await get(`/api/review/corrections?claimId=${await claimId('Police detained')}`)
    expect(claim.body.items[0].after).toBe('confirmed')
    expect((await get('/api/review/corrections?kind=colour')).status).toBe(400)
  })
})
