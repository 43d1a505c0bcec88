import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Command } from 'commander'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { fixtureCorpus } from '../../corpus/fixtures.js'
import { ingestMany } from '../../corpus/ingest.js'
import { openSqliteStore } from '../../store/sqlite.js'
import { STRIKE_A, STRIKE_B } from '../../store/store.contract.js'
import { registerClaims } from './claims.js'
import { registerExport } from './export.js'
import { registerIngest } from './ingest.js'
import { registerSearch } from './search.js'
import { registerStory } from './story.js'

const dir = mkdtempSync(join(tmpdir(), 'sitrep-cli-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function program(): Command {
  const p = new Command().exitOverride()
  for (const register of [
    registerIngest,
    registerSearch,
    registerStory,
    registerClaims,
    registerExport,
  ])
    register(p)
  return p
}

/** Runs a command in-process and returns what it wrote to stdout and stderr. */
async function run(...args: string[]): Promise<{ out: string; err: string }> {
  let out = ''
  let err = ''
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out += String(chunk)
    return true
  })
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    err += String(chunk)
    return true
  })
  try {
    await program().parseAsync(['node', 'sitrep', ...args])
  } finally {
    stdout.mockRestore()
    stderr.mockRestore()
  }
  return { out, err }
}

const ARTICLES = [
  {
    id: 'a1',
    url: 'https://a.example/1',
    outlet: 'Paper A',
    published: '2025-10-14',
    text: 'Russian missiles struck Zaporizhzhia overnight, officials said. Rescuers searched the rubble.',
  },
  {
    id: 'a2',
    url: 'https://b.example/2',
    outlet: 'Paper B',
    published: '2025-10-15',
    text: 'Protesters marched through Tbilisi on Monday demanding new elections.',
  },
]

describe('cli › ingest, search, export', () => {
  const db = join(dir, 'cli.db')
  const input = join(dir, 'articles.jsonl')
  writeFileSync(input, ARTICLES.map((a) => JSON.stringify(a)).join('\n') + '\n')

  it('ingests a JSON Lines file, and a second run stores nothing new', async () => {
    const first = await run('ingest', input, '--db', db, '--no-extract')
    expect(first.err).toMatch(/ingested 2 articles .*: 2 added, 0 unchanged/)
    const second = await run('ingest', input, '--db', db, '--no-extract')
    expect(second.err).toMatch(/ingested 2 articles .*: 0 added, 2 unchanged/)
  })

  it('searches the stored text', async () => {
    const { out } = await run('search', 'Tbilisi', '--db', db, '-f', 'json')
    const page = JSON.parse(out)
    expect(page.total).toBe(1)
    expect(page.items[0].article.id).toBe('a2')
  })

  it('exports JSON Lines records and ClaimReview JSON-LD', async () => {
    const jsonl = await run('export', '--format', 'jsonl', '--db', db)
    expect(
      jsonl.out
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).id),
    ).toEqual(['a1', 'a2'])
    const out = join(dir, 'reviews.json')
    await run('export', '--format', 'claimreview', '--db', db, '--out', out)
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual([])
  })

  it('rejects a malformed --near and an unknown story id', async () => {
    await expect(run('search', 'x', '--db', db, '--near', '47,35')).rejects.toMatchObject({
      code: 'E_USAGE',
    })
    await expect(run('story', 's-nope', '--db', db)).rejects.toMatchObject({ code: 'E_USAGE' })
  })
})

describe('cli › story and claims', () => {
  const db = join(dir, 'stories.db')

  it('shows a story with why each report joined, and undoes a merge', async () => {
    const store = await openSqliteStore({ file: db })
    const { articles, extract } = fixtureCorpus([STRIKE_A, STRIKE_B])
    await ingestMany(store, articles, { extract })
    const storyId = (await store.listStories()).items[0]!.id
    await store.close()

    const shown = await run('story', storyId, '--db', db, '-f', 'text')
    expect(shown.out).toContain('2 articles, 2 independent sources')
    expect(shown.out).toMatch(/joined via strike-a:0: score [\d.]+ \(distance 0 km, 0 days apart/)
    expect(shown.out).toContain(
      'figures differ: killed: 4 (Dnipro Wire) vs 6 (Eastern Europe Monitor)',
    )

    const detached = await run('story', '--detach', 'strike-b:0', '--db', db, '-f', 'json')
    expect(detached.err).toContain(`moved strike-b:0 from ${storyId}`)
    expect(
      JSON.parse(detached.out).members.map((m: { event: { id: string } }) => m.event.id),
    ).toEqual(['strike-b:0'])
  })

  it('lists claims by status with their history', async () => {
    const { out } = await run('claims', '--status', 'denied', '--db', db, '-f', 'text')
    expect(out).toMatch(/^1 claims\n■ \[denied\] Russian forces struck Zaporizhzhia/)
    const id = /\[(c-[0-9a-f]+)\]/.exec(out)![1]!
    const detail = await run('claims', id, '--db', db, '-f', 'text')
    expect(detail.out).toMatch(/2025-10-14 +claimed/)
    expect(detail.out).toMatch(/2025-10-15 +denied +denied by the party concerned/)
  })
})
