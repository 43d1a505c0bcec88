import pg from 'pg'
import { describe, it } from 'vitest'
import { testDatabase } from '../../test/support/pg.js'
import { openPostgresStore } from './postgres.js'
import { storeContract } from './store.contract.js'

// A database of this file's own: other files use the same server in parallel.
const url = await testDatabase('store')

if (url) {
  storeContract('postgres', async () => {
    // Each case starts from an empty schema.
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    await client.query('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public')
    await client.end()
    return openPostgresStore({ url })
  })
} else {
  describe('store contract: postgres', () => {
    // Skipped with a reason (P13): the PostgreSQL run needs a server; CI sets SITREP_TEST_PG.
    it.skip('needs SITREP_TEST_PG=postgres://… (set by .ci/run)', () => {})
  })
}
