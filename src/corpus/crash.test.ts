import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { syntheticArticles } from './synthetic.js'

const CHILD = join(import.meta.dirname, 'crash-child.ts')
const ARTICLES = 400
const BATCH = 20

const dir = mkdtempSync(join(tmpdir(), 'sitrep-crash-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Seeded choices, so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed
  return () => {
    a = (Math.imul(a, 1664525) + 1013904223) >>> 0
    return a / 4294967296
  }
}

/** Runs the child; with `killAfter`, SIGKILLs it that many batches plus a few ms in. */
function runChild(
  input: string,
  db: string,
  killAfter: { batches: number; ms: number } | null,
): Promise<{ killed: boolean; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, input, db, String(BATCH)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    let batches = 0
    let killed = false
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      batches = (output.match(/^progress /gm) ?? []).length
      if (killAfter && !killed && batches >= killAfter.batches) {
        killed = true
        setTimeout(() => child.kill('SIGKILL'), killAfter.ms)
      }
    })
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('error', reject)
    child.on('exit', (_code, signal) => resolve({ killed: signal === 'SIGKILL', output }))
  })
}

/** What must be the same after any crash-and-resume as after one clean run. */
function snapshot(file: string) {
  const db = new Database(file, { readonly: true })
  try {
    const all = (sql: string) => db.prepare(sql).all()
    return {
      integrity: db.pragma('integrity_check', { simple: true }),
      articles: all(
        'SELECT id, version, previous_id, superseded_by, content_hash, copy_of, origin FROM articles ORDER BY id',
      ),
      events: all('SELECT id, story_id, retired FROM events ORDER BY id'),
      members: all('SELECT event_id, story_id, linked_to FROM story_members ORDER BY event_id'),
      stories: all(
        'SELECT id, event_count, article_count, independent_sources FROM stories ORDER BY id',
      ),
      claims: all('SELECT article_id, idx, cluster_id FROM claim_members ORDER BY article_id, idx'),
      clusters: all(
        'SELECT id, status, member_count, independent_sources, history FROM claim_clusters ORDER BY id',
      ),
      discrepancies: all('SELECT id, vals FROM discrepancies ORDER BY id'),
      fts: all("SELECT count(*) AS n FROM articles_fts WHERE articles_fts MATCH 'struck'"),
    }
  } finally {
    db.close()
  }
}

describe('ingest › crash and resume', () => {
  it('killed with SIGKILL ten times, then resumed: no corruption, no duplicates, nothing lost', async () => {
    const input = join(dir, 'articles.jsonl')
    writeFileSync(
      input,
      [...syntheticArticles(ARTICLES, 7)].map((a) => JSON.stringify(a)).join('\n') + '\n',
    )
    const reference = join(dir, 'reference.db')
    const clean = await runChild(input, reference, null)
    expect(clean.output).toContain('done ')

    const crashed = join(dir, 'crashed.db')
    const choose = random(20251126)
    let kills = 0
    for (let attempt = 0; attempt < 10; attempt++) {
      const run = await runChild(input, crashed, {
        batches: 1 + Math.floor(choose() * 2),
        ms: Math.floor(choose() * 40),
      })
      if (run.killed) kills++
    }
    expect(kills).toBeGreaterThanOrEqual(8)
    const resumed = await runChild(input, crashed, null)
    expect(resumed.output).toContain('done ')

    const expected = snapshot(reference)
    const actual = snapshot(crashed)
    expect(actual.integrity).toBe('ok')
    expect(actual.articles.length).toBeGreaterThan(ARTICLES * 0.8)
    expect(actual).toEqual(expected)
  }, 240_000)
})
