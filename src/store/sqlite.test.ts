import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll } from 'vitest'
import { openSqliteStore } from './sqlite.js'
import { storeContract } from './store.contract.js'

const dir = mkdtempSync(join(tmpdir(), 'sitrep-sqlite-'))
let n = 0
afterAll(() => rmSync(dir, { recursive: true, force: true }))

// A file, not :memory:, so WAL and the FTS index are exercised as in use.
storeContract('sqlite', () => openSqliteStore({ file: join(dir, `store-${n++}.db`) }))
