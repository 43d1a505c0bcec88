import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import type { Doc } from '../core/record.js'
import { fixtureCorpus } from '../corpus/fixtures.js'
import { ingestMany } from '../corpus/ingest.js'
import { eventPlaceStatements } from './migrations.js'
import { openSqliteStore } from './sqlite.js'
import { KHARKIV_DRONES, STRIKE_A, storeContract } from './store.contract.js'

const dir = mkdtempSync(join(tmpdir(), 'sitrep-sqlite-'))
let n = 0
afterAll(() => rmSync(dir, { recursive: true, force: true }))

// A file, not :memory:, so WAL and the FTS index are exercised as in use.
storeContract('sqlite', () => openSqliteStore({ file: join(dir, `store-${n++}.db`) }))

describe('sqlite: migration 6 backfill', () => {
  it('gives stored events the place index and precision that ingest gives them', async () => {
    const file = join(dir, 'backfill.db')
    const store = await openSqliteStore({ file })
    const { articles, extract } = fixtureCorpus([STRIKE_A, KHARKIV_DRONES])
    await ingestMany(store, articles, { extract })
    await store.close()
    const db = new Database(file)
    const read = () =>
      db.prepare('SELECT id, place_index, place_precision FROM events ORDER BY id').all()
    const ingested = read()
    expect(ingested).toEqual([
      { id: 'kharkiv-drones:0', place_index: 0, place_precision: 1 },
      { id: 'strike-a:0', place_index: 0, place_precision: 1 },
    ])
    db.prepare('UPDATE events SET place_index = NULL, place_precision = NULL').run()
    for (const statement of eventPlaceStatements('sqlite')) db.prepare(statement).run()
    expect(read()).toEqual(ingested)
    // An event naming a region first and its town second: the record has the town (the most
    // precise), so the index is the town's and the precision the town's, not the first place's.
    const row = db.prepare("SELECT doc FROM articles WHERE id = 'strike-a'").get() as {
      doc: string
    }
    const doc = JSON.parse(row.doc) as Doc
    const town = doc.layers.places![0]!
    doc.layers.places = [
      { ...town, name: 'Zaporizhzhia Oblast', precision: 3 },
      { ...town, precision: 2 },
    ]
    doc.layers.events![0]!.places = [0, 1]
    db.prepare("UPDATE articles SET doc = ? WHERE id = 'strike-a'").run(JSON.stringify(doc))
    for (const statement of eventPlaceStatements('sqlite')) db.prepare(statement).run()
    expect(read()[1]).toEqual({ id: 'strike-a:0', place_index: 1, place_precision: 2 })
    db.close()
  })
})
