import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { MemoryReviewStore, PostgresReviewStore, SqliteReviewStore } from './review-store.js'
import type { CorrectionRecord, ReviewStore } from './review-types.js'
import { hashSecret } from './tokens.js'
import { testDatabase } from '../../test/support/pg.js'

const dir = mkdtempSync(join(tmpdir(), 'sitrep-review-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function correction(id: string, patch: Partial<CorrectionRecord> = {}): CorrectionRecord {
  return {
    id,
    kind: 'speaker',
    articleId: 'a1',
    index: 0,
    claimId: null,
    before: 'Andrii Velychko',
    after: { name: 'Oksana Hrytsenko' },
    by: 'desk',
    role: 'editor',
    at: '2025-06-02T10:00:00.000Z',
    note: null,
    ...patch,
  }
}

/** One contract for the three homes of tokens and corrections. */
function reviewContract(name: string, open: () => ReviewStore) {
  describe(`review store › ${name}`, () => {
    it('stores token hashes, finds live tokens and forgets revoked ones', async () => {
      const store = open()
      await store.migrate()
      await store.migrate() // idempotent
      const record = {
        id: 't-1',
        name: 'desk',
        role: 'editor' as const,
        createdAt: '2025-01-01T00:00:00Z',
        revokedAt: null,
      }
      await store.insertToken(record, hashSecret('secret-1'))
      expect(await store.findToken(hashSecret('secret-1'))).toEqual(record)
      expect(await store.findToken(hashSecret('secret-2'))).toBeNull()
      expect(await store.revokeToken('t-1', '2025-01-02T00:00:00Z')).toBe(true)
      expect(await store.revokeToken('t-1', '2025-01-03T00:00:00Z')).toBe(false)
      expect(await store.findToken(hashSecret('secret-1'))).toBeNull()
      expect((await store.listTokens())[0]?.revokedAt).toBe('2025-01-02T00:00:00Z')
      await store.close()
    })

    it('keeps corrections in order with JSON values, filtered and paged', async () => {
      const store = open()
      await store.migrate()
      await store.addCorrection(correction('r-1'))
      await store.addCorrection(
        correction('r-2', {
          kind: 'claim-status',
          articleId: null,
          index: null,
          claimId: 'c-1',
          before: 'claimed',
          after: 'denied',
        }),
      )
      await store.addCorrection(correction('r-3', { after: 'Someone else', note: 'second look' }))
      const all = await store.listCorrections()
      expect(all.total).toBe(3)
      expect(all.items.map((c) => c.id)).toEqual(['r-1', 'r-2', 'r-3'])
      expect(all.items[0]).toEqual(correction('r-1'))
      const article = await store.listCorrections({ articleId: 'a1' })
      expect(article.items.map((c) => c.id)).toEqual(['r-1', 'r-3'])
      expect((await store.listCorrections({ claimId: 'c-1' })).items[0]?.after).toBe('denied')
      expect((await store.listCorrections({ kind: 'claim-status' })).total).toBe(1)
      const second = await store.listCorrections({ limit: 1, offset: 1 })
      expect(second).toMatchObject({ total: 3, items: [{ id: 'r-2' }] })
      await store.close()
    })
  })
}

reviewContract('memory', () => new MemoryReviewStore())
let sqliteFiles = 0
reviewContract('sqlite', () => new SqliteReviewStore(join(dir, `review-${++sqliteFiles}.db`)))

// A database of this file's own: other files reset theirs in parallel.
const pgUrl = await testDatabase('review')
if (pgUrl) {
  // Each case starts from empty tables, like the other two homes.
  reviewContract('postgres', () => {
    const store = new PostgresReviewStore(pgUrl)
    const migrate = store.migrate.bind(store)
    store.migrate = async () => {
      await migrate()
      await store.resetForTests()
    }
    return store
  })
} else {
  it.skip('review store › postgres: set SITREP_TEST_PG to run the contract on PostgreSQL', () => {})
}
