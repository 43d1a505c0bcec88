/**
 * The store contract (P13): every backend runs these same cases. A backend's test
 * file calls `storeContract(name, makeStore)`; `makeStore` returns a fresh, empty,
 * migrated store each time.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { ingestMany } from '../corpus/ingest.js'
import { detachEvent } from '../corpus/split.js'
import { fixtureCorpus, type DocSpec } from '../corpus/fixtures.js'
import type { Store } from './store.js'

const ZAP = { name: 'Zaporizhzhia', lat: 47.84, lon: 35.14 }
const KHARKIV = { name: 'Kharkiv', lat: 49.99, lon: 36.23 }

/** Filler that makes texts long enough for shingles, distinct per article. */
const AGENCY_BODY =
  'Rescuers worked through the night to pull survivors from the rubble of the five-storey building near the central railway station. ' +
  'The regional governor said emergency crews had evacuated dozens of residents and that heating and water supplies were cut in several districts. ' +
  'Officials said the attack was one of the deadliest on the city in recent months and that a day of mourning would be declared on Thursday.'

export const STRIKE_A: DocSpec = {
  id: 'strike-a',
  outlet: 'Dnipro Wire',
  published: '2025-10-14',
  url: 'https://dnipro.example/news/strike?utm_source=x',
  title: 'Missile strike on Zaporizhzhia',
  text: `Russian forces struck Zaporizhzhia with ballistic missiles overnight, killing at least four people, regional officials said.\n${AGENCY_BODY}`,
  events: [
    {
      type: 'ASSAULT',
      text: 'Russian forces struck Zaporizhzhia with ballistic missiles overnight',
      place: ZAP,
      date: '2025-10-14',
      actors: ['Russian forces'],
      counts: { killed: 4 },
      mode: 'heavy-weapons',
    },
  ],
  claims: [
    {
      text: 'Russian forces struck Zaporizhzhia with ballistic missiles overnight, killing at least four people',
      claimant: 'regional officials',
    },
  ],
}

export const STRIKE_B: DocSpec = {
  id: 'strike-b',
  outlet: 'Eastern Europe Monitor',
  published: '2025-10-15',
  url: 'https://eem.example/zaporizhzhia-toll',
  text: 'The death toll from a Russian missile strike on Zaporizhzhia on Tuesday has risen to six, the State Emergency Service said. The Russian Defence Ministry denied that Russian missiles struck residential buildings in Zaporizhzhia.',
  events: [
    {
      type: 'ASSAULT',
      text: 'The death toll from a Russian missile strike on Zaporizhzhia on Tuesday',
      place: ZAP,
      date: '2025-10-14',
      actors: ['Russian forces'],
      counts: { killed: 6 },
      mode: 'heavy-weapons',
    },
  ],
  claims: [
    {
      text: 'The death toll from a Russian missile strike on Zaporizhzhia on Tuesday has risen to six',
      claimant: 'State Emergency Service',
    },
    {
      text: 'The Russian Defence Ministry denied that Russian missiles struck residential buildings in Zaporizhzhia',
      claimant: 'Russian Defence Ministry',
      stance: 'denies',
    },
  ],
}

/** A syndicated copy of STRIKE_A: new first line, same body. */
export const STRIKE_A_COPY: DocSpec = {
  id: 'strike-a-copy',
  outlet: 'Morning Courier',
  published: '2025-10-14',
  url: 'https://courier.example/world/ukraine-strike',
  text: `Russian forces struck Zaporizhzhia with ballistic missiles overnight, killing at least four people, regional officials said on Tuesday.\n${AGENCY_BODY}`,
  events: STRIKE_A.events,
  claims: STRIKE_A.claims,
}

/** An unrelated event: other city, other day. */
export const KHARKIV_DRONES: DocSpec = {
  id: 'kharkiv-drones',
  outlet: 'Kharkiv Today',
  published: '2025-10-20',
  url: 'https://kharkiv.example/drones',
  text: 'Drones hit an energy facility in Kharkiv on Monday, leaving thousands of homes without power, the mayor said.',
  events: [
    {
      type: 'ASSAULT',
      text: 'Drones hit an energy facility in Kharkiv on Monday',
      place: KHARKIV,
      date: '2025-10-20',
      actors: ['Russian forces'],
      mode: 'drone',
    },
  ],
  claims: [{ text: 'Drones hit an energy facility in Kharkiv on Monday', claimant: 'the mayor' }],
}

async function ingest(store: Store, specs: DocSpec[], batchSize = 50) {
  const { articles, extract } = fixtureCorpus(specs)
  return ingestMany(store, articles, { extract, batchSize })
}

export function storeContract(name: string, makeStore: () => Promise<Store>): void {
  describe(`store contract: ${name}`, () => {
    let store: Store | null = null
    const open = async (): Promise<Store> => {
      store = await makeStore()
      return store
    }
    afterEach(async () => {
      await store?.close()
      store = null
    })

    it('migrates idempotently', async () => {
      const s = await open()
      const version = await s.migrate()
      expect(version).toBeGreaterThanOrEqual(1)
      expect(await s.migrate()).toBe(version)
    })

    it('stores an article and returns its Doc as plain JSON', async () => {
      const s = await open()
      const result = await ingest(s, [STRIKE_A])
      expect(result).toMatchObject({ seen: 1, added: 1, unchanged: 0, errors: 0 })
      const article = await s.getArticle('strike-a')
      expect(article).toMatchObject({
        id: 'strike-a',
        version: 1,
        outlet: 'Dnipro Wire',
        canonicalUrl: 'dnipro.example/news/strike',
        counts: { events: 1, claims: 1 },
      })
      const doc = await s.getDoc('strike-a')
      expect(doc?.text).toBe(STRIKE_A.text)
      expect(JSON.parse(JSON.stringify(doc))).toEqual(doc)
      expect(doc?.layers.events?.[0]?.key).toMatch(/^s-/)
    })

    it('ingesting the same articles twice stores nothing new', async () => {
      const s = await open()
      await ingest(s, [STRIKE_A, STRIKE_B, KHARKIV_DRONES])
      const before = await s.stats()
      const again = await ingest(s, [STRIKE_A, STRIKE_B, KHARKIV_DRONES])
      expect(again).toMatchObject({ seen: 3, added: 0, unchanged: 3, versions: 0 })
      expect(await s.stats()).toEqual(before)
    })

    it('a changed text at the same URL becomes a new version linked to the old', async () => {
      const s = await open()
      await ingest(s, [STRIKE_B])
      const changed: DocSpec = {
        ...STRIKE_B,
        url: 'http://www.eem.example/zaporizhzhia-toll/',
        text: STRIKE_B.text.replace('risen to six', 'risen to seven'),
        claims: [
          {
            text: 'The death toll from a Russian missile strike on Zaporizhzhia on Tuesday has risen to seven',
            claimant: 'State Emergency Service',
          },
        ],
      }
      const result = await ingest(s, [changed])
      expect(result).toMatchObject({ added: 0, versions: 1 })
      const versions = await s.articleVersions('strike-b')
      expect(versions.map((v) => [v.id, v.version])).toEqual([
        ['strike-b', 1],
        ['strike-b~v2', 2],
      ])
      expect(versions[0]!.supersededBy).toBe('strike-b~v2')
      expect(versions[1]!.previousId).toBe('strike-b')
      const current = await s.listArticles()
      expect(current.items.map((a) => a.id)).toEqual(['strike-b~v2'])
      expect((await s.listArticles({ allVersions: true })).total).toBe(2)
      // The old version's event left its story: one event, one article.
      const stories = await s.listStories()
      expect(stories.items).toHaveLength(1)
      expect(stories.items[0]).toMatchObject({ eventCount: 1, articleCount: 1 })
    })

    it('links a syndicated copy to its original and counts them as one source', async () => {
      const s = await open()
      await ingest(s, [STRIKE_A, STRIKE_A_COPY])
      const copy = await s.getArticle('strike-a-copy')
      expect(copy?.copyOf).toBe('strike-a')
      expect(copy?.copyOverlap).toBeGreaterThanOrEqual(0.5)
      expect(copy?.origin).toBe('dnipro wire')
      expect((await s.reprintsOf('strike-a')).map((a) => a.id)).toEqual(['strike-a-copy'])
      const story = (await s.listStories()).items[0]!
      expect(story).toMatchObject({ articleCount: 2, independentSources: 1 })
      // An unrelated text is no copy.
      await ingest(s, [KHARKIV_DRONES])
      expect((await s.getArticle('kharkiv-drones'))?.copyOf).toBeNull()
    })

    it('joins reports of one event into a story, with the features that linked them', async () => {
      const s = await open()
      await ingest(s, [STRIKE_A, STRIKE_B, KHARKIV_DRONES])
      const stories = await s.listStories()
      expect(stories.total).toBe(2)
      const zap = stories.items.find((st) => st.place?.name === 'Zaporizhzhia')!
      expect(zap).toMatchObject({ eventCount: 2, articleCount: 2, independentSources: 2 })
      const detail = (await s.getStory(zap.id))!
      expect(detail.members.map((m) => m.event.articleId)).toEqual(['strike-a', 'strike-b'])
      expect(detail.members[0]!.linkedTo).toBeNull()
      expect(detail.members[1]!.linkedTo).toBe('strike-a:0')
      expect(detail.members[1]!.features).toMatchObject({ distanceKm: 0, dayGap: 0 })
      // The story's own figures disagree; its claim's figures and the denial are listed with it.
      const own = detail.discrepancies.filter((d) => d.claimId === null)
      expect(own).toEqual([
        expect.objectContaining({ kind: 'count', field: 'killed', storyId: zap.id }),
      ])
      expect(own[0]!.values.map((v) => v.value)).toEqual([4, 6])
      expect(
        detail.discrepancies
          .filter((d) => d.claimId)
          .map((d) => d.kind)
          .sort(),
      ).toEqual(['count', 'denial'])
      // Story ids are stable: re-ingesting changes nothing.
      await ingest(s, [STRIKE_A, STRIKE_B, KHARKIV_DRONES])
      expect((await s.listStories()).items.map((st) => st.id).sort()).toEqual(
        stories.items.map((st) => st.id).sort(),
      )
    })

    it('undoes a merge: a detached event takes the members linked through it to a story of its own', async () => {
      const s = await open()
      await ingest(s, [STRIKE_A, STRIKE_B, STRIKE_A_COPY])
      const story = (await s.listStories()).items[0]!
      expect(story.eventCount).toBe(3)
      const before = (await s.getStory(story.id))!
      const joined = before.members.find((m) => m.event.articleId === 'strike-b')!
      const split = await detachEvent(s, joined.event.id)
      expect(split?.from).toBe(story.id)
      expect(split?.moved).toContain('strike-b:0')
      const left = (await s.getStory(story.id))!
      const right = (await s.getStory(split!.to))!
      expect(left.eventCount + right.eventCount).toBe(3)
      expect(right.members[0]).toMatchObject({ linkedTo: null, features: null })
      expect((await s.getEvent('strike-b:0'))?.storyId).toBe(split!.to)
      // The founding event has nothing to be detached from.
      expect(await detachEvent(s, left.members[0]!.event.id)).toBeNull()
    })

    it('clusters one claim across articles and tracks its status with evidence', async () => {
      const s = await open()
      await ingest(s, [STRIKE_A, STRIKE_B])
      // 4 killed (A), then 6 killed (B): disputed; then the Defence Ministry denies: denied.
      const denied = await s.listClaimClusters({ status: 'denied' })
      expect(denied.items).toHaveLength(1)
      const cluster = (await s.getClaimCluster(denied.items[0]!.id))!
      expect(cluster.memberCount).toBe(3)
      expect(cluster.articleCount).toBe(2)
      expect(cluster.history.map((h) => h.status)).toEqual(['claimed', 'disputed', 'denied'])
      expect(cluster.history[0]).toMatchObject({ date: '2025-10-14', articleId: 'strike-a' })
      expect(cluster.history[1]).toMatchObject({ date: '2025-10-15', articleId: 'strike-b' })
      expect(cluster.history[2]!.reason).toContain('Russian Defence Ministry')
      expect(cluster.discrepancies.map((d) => [d.kind, d.field]).sort()).toEqual([
        ['count', 'killed'],
        ['denial', null],
      ])
      expect((await s.listDiscrepancies({ claimId: cluster.id })).total).toBe(2)
    })

    it('counts "citing UNIAN" reports as one source', async () => {
      const s = await open()
      const citing = (id: string, outlet: string): DocSpec => ({
        id,
        outlet,
        published: '2025-04-08',
        text: `Ukrainian forces captured two Chinese soldiers in Donetsk Oblast, ${outlet} reports citing UNIAN. Reported by ${id}.`,
        claims: [
          {
            text: 'Ukrainian forces captured two Chinese soldiers in Donetsk Oblast',
            claimant: 'Volodymyr Zelenskyy',
            via: ['UNIAN'],
          },
        ],
      })
      await ingest(s, [citing('p1', 'Paper One'), citing('p2', 'Paper Two')])
      const clusters = await s.listClaimClusters()
      expect(clusters.items).toHaveLength(1)
      expect(clusters.items[0]).toMatchObject({
        articleCount: 2,
        independentSources: 1,
        origins: ['unian'],
        status: 'claimed',
      })
      expect((await s.getArticle('p1'))?.origin).toBe('unian')
    })

    it('searches text with event filters', async () => {
      const s = await open()
      await ingest(s, [STRIKE_A, STRIKE_B, KHARKIV_DRONES])
      const ids = async (q: Parameters<Store['search']>[0]) =>
        (await s.search(q)).items.map((h) => h.article.id).sort()
      expect(await ids({ text: 'missiles' })).toEqual(['strike-a', 'strike-b'])
      expect(await ids({ text: 'energy facility' })).toEqual(['kharkiv-drones'])
      expect(await ids({ near: { lat: 50, lon: 36.2, km: 30 } })).toEqual(['kharkiv-drones'])
      expect(await ids({ from: '2025-10-19', to: '2025-10-21' })).toEqual(['kharkiv-drones'])
      expect(await ids({ type: 'PROTEST' })).toEqual([])
      expect(await ids({ actor: 'russian' })).toHaveLength(3)
      expect(await ids({ status: 'denied' })).toEqual(['strike-a', 'strike-b'])
      expect(await ids({ status: 'happened', type: 'ASSAULT' })).toHaveLength(3)
      const hit = (await s.search({ text: 'Kharkiv' })).items[0]!
      expect(hit.snippet).toContain('Kharkiv')
      expect(hit.events.map((e) => e.id)).toEqual(['kharkiv-drones:0'])
    })

    it('lists events for a map with their article title and place precision, newest first', async () => {
      const s = await open()
      await ingest(s, [STRIKE_A, STRIKE_B, KHARKIV_DRONES])
      const all = await s.listEvents({})
      expect(all.map((e) => e.event.id)).toEqual(['kharkiv-drones:0', 'strike-b:0', 'strike-a:0'])
      expect(all[2]).toMatchObject({
        title: 'Missile strike on Zaporizhzhia',
        precision: 1,
        placeIndex: 0,
        event: { place: { name: 'Zaporizhzhia' }, type: 'ASSAULT' },
      })
      const ids = async (q: Parameters<Store['listEvents']>[0]) =>
        (await s.listEvents(q)).map((e) => e.event.id)
      expect(await ids({ limit: 1 })).toEqual(['kharkiv-drones:0'])
      expect(await ids({ near: { lat: 50, lon: 36.2, km: 30 } })).toEqual(['kharkiv-drones:0'])
      expect(await ids({ near: { lat: 52, lon: 36.2, km: 30 } })).toEqual([])
      expect(await ids({ from: '2025-10-19', to: '2025-10-21' })).toEqual(['kharkiv-drones:0'])
      expect(await ids({ from: '2025-10-01', to: '2025-10-15' })).toEqual([
        'strike-b:0',
        'strike-a:0',
      ])
      expect((await ids({ text: 'missiles' })).sort()).toEqual(['strike-a:0', 'strike-b:0'])
      expect(await ids({ text: 'energy facility', actor: 'russian' })).toEqual(['kharkiv-drones:0'])
      expect(await ids({ type: 'PROTEST' })).toEqual([])
      expect(await ids({ country: 'UA' })).toEqual([])
      expect(await ids({ status: 'denied' })).toEqual(['strike-b:0', 'strike-a:0'])
      // An exempt article (the caller corrects and re-checks it) skips the type and country filters.
      expect(await ids({ type: 'PROTEST', exempt: ['strike-a'] })).toEqual(['strike-a:0'])
      expect(await ids({ country: 'UA', exempt: ['strike-a'] })).toEqual(['strike-a:0'])
    })

    it('searches a page, counts every hit and returns the facet fields of a window', async () => {
      const s = await open()
      await ingest(s, [STRIKE_A, STRIKE_B, KHARKIV_DRONES])
      const page = await s.search({ text: 'missiles', limit: 1, window: 10 })
      expect(page.items).toHaveLength(1)
      expect(page.total).toBe(2)
      expect(page.windowEvents?.map((e) => e.articleId).sort()).toEqual(['strike-a', 'strike-b'])
      expect(page.windowEvents?.[0]).toMatchObject({
        type: 'ASSAULT',
        status: 'happened',
        index: 0,
      })
      const second = await s.search({ text: 'missiles', limit: 1, offset: 1 })
      expect(second.items.map((h) => h.article.id)).not.toEqual(page.items.map((h) => h.article.id))
      expect(second.windowEvents).toBeUndefined()
      expect((await s.search({ limit: 2 })).total).toBe(3)
      expect((await s.search({ text: 'missiles', from: '2025-10-14', limit: 1 })).total).toBe(2)
      expect((await s.search({ from: '2025-10-19' })).total).toBe(1)
      expect((await s.search({ text: 'missiles', type: 'PROTEST' })).total).toBe(0)
      const exempt = await s.search({ text: 'missiles', type: 'PROTEST', exempt: ['strike-b'] })
      expect(exempt.items.map((h) => h.article.id)).toEqual(['strike-b'])
    })

    it('finds only the current version of a changed article by its words', async () => {
      const s = await open()
      await ingest(s, [STRIKE_B])
      const seven = (text: string) => text.replace('risen to six', 'risen to seven')
      await ingest(s, [
        {
          ...STRIKE_B,
          text: seven(STRIKE_B.text),
          claims: STRIKE_B.claims?.map((c) => ({ ...c, text: seven(c.text) })),
        },
      ])
      const found = async (text: string) => {
        const page = await s.search({ text })
        return { ids: page.items.map((h) => h.article.id), total: page.total }
      }
      expect(await found('six')).toEqual({ ids: [], total: 0 })
      expect(await found('seven')).toEqual({ ids: ['strike-b~v2'], total: 1 })
      expect(await found('Zaporizhzhia')).toEqual({ ids: ['strike-b~v2'], total: 1 })
      expect((await s.stats()).articles).toBe(1)
    })

    it('pages lists and reports totals', async () => {
      const s = await open()
      await ingest(s, [STRIKE_A, STRIKE_B, KHARKIV_DRONES])
      const first = await s.listArticles({ limit: 2 })
      const second = await s.listArticles({ limit: 2, offset: 2 })
      expect(first.total).toBe(3)
      expect(first.items).toHaveLength(2)
      expect(second.items).toHaveLength(1)
      const docs = []
      for await (const doc of s.iterateDocs(2)) docs.push(doc.id)
      expect(docs).toEqual(['strike-a', 'strike-b', 'kharkiv-drones'])
    })

    it('rolls a failed transaction back whole', async () => {
      const s = await open()
      await expect(
        s.transaction(async (w) => {
          await w.replaceDiscrepancies({ storyId: 's-x' }, [])
          throw new Error('boom')
        }),
      ).rejects.toThrow('boom')
      const { articles, extract } = fixtureCorpus([STRIKE_A])
      await expect(
        ingestMany(s, articles, {
          extract: (doc) => {
            const out = extract(doc)
            // Poison the batch after extraction: a layer the store cannot serialise.
            ;(out.layers as Record<string, unknown>).events = [{ bad: 1n }]
            return out
          },
        }),
      ).rejects.toThrow()
      expect(await s.stats()).toMatchObject({ articles: 0, events: 0, stories: 0 })
      expect(await s.getArticle('strike-a')).toBeNull()
    })

    it('returns null and empty pages for unknown ids', async () => {
      const s = await open()
      expect(await s.getArticle('nope')).toBeNull()
      expect(await s.getDoc('nope')).toBeNull()
      expect(await s.getStory('nope')).toBeNull()
      expect(await s.getClaimCluster('nope')).toBeNull()
      expect(await s.getEvent('nope')).toBeNull()
      expect(await s.articleVersions('nope')).toEqual([])
      expect(await s.listDiscrepancies()).toEqual({ items: [], total: 0 })
    })
  })
}
