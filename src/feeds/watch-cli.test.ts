import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore } from '../store/open.js'

/** `sitrep watch --once` in its own process against a feed served on loopback. */
const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'sitrep-watch-'))
let server: Server
let feedsFile = ''

beforeAll(async () => {
  server = createServer((_req, res) => {
    res
      .writeHead(200, { etag: '"1"' })
      .end(
        '<rss version="2.0"><channel><title>Loopback News</title><item><guid>w1</guid><title>Kharkiv shelled</title><description>Russian forces shelled Kharkiv on Monday, the governor said.</description></item></channel></rss>',
      )
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  feedsFile = join(dir, 'feeds.txt')
  writeFileSync(
    feedsFile,
    `# test feeds\nhttp://127.0.0.1:${(server.address() as AddressInfo).port}/rss 60\n`,
  )
})

afterAll(() => {
  server.closeAllConnections()
  server.close()
  rmSync(dir, { recursive: true, force: true })
})

function sitrep(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      cwd: ROOT,
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

describe('sitrep watch', () => {
  it('prints the records of new items with --allow-private', async () => {
    const run = await sitrep(['watch', feedsFile, '--once', '--allow-private'])
    expect(run.code, run.stderr).toBe(0)
    const docs = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; source: { outlet: string } })
    expect(docs.map((d) => [d.id, d.source.outlet])).toEqual([['w1', 'Loopback News']])
  })

  it('stores new items through the corpus ingest with --db, once even when polled twice', async () => {
    const db = join(dir, 'watch.db')
    for (let i = 0; i < 2; i++) {
      const run = await sitrep(['watch', feedsFile, '--once', '--allow-private', '--db', db])
      expect(run.code, run.stderr).toBe(0)
    }
    const store = await openStore({ db })
    try {
      const page = await store.listArticles()
      expect(page.items.map((a) => a.outlet)).toEqual(['Loopback News'])
    } finally {
      await store.close()
    }
  })

  it('refuses the loopback feed without --allow-private: one line, exit 65', async () => {
    const run = await sitrep(['watch', feedsFile, '--once'])
    expect(run.code).toBe(65)
    expect(run.stdout).toBe('')
    const lines = run.stderr.trimEnd().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^sitrep: .*\[E_FEED_PRIVATE_ADDRESS\]$/)
  })
})
