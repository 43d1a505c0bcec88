/**
 * The store's write lock across workers. Extraction runs in parallel on every
 * worker; the write of an article (dedupe check, version chain, story and claim
 * clustering) reads what earlier writes left, so two concurrent writes could both
 * miss each other (two stories for one event, two "v2" of one URL). One
 * PostgreSQL advisory lock, held on a connection of its own, makes the writes take
 * turns across machines; a promise chain makes this process's jobs take turns
 * first (advisory locks are re-entrant per session). A worker that dies loses its
 * connection and with it the lock.
 */
import pg from 'pg'

/** An arbitrary 64-bit key ("sitrep" in ASCII) that names the lock. */
const LOCK_KEY = '126943006175344'

export interface WriteLock {
  run<T>(fn: () => Promise<T>): Promise<T>
  close(): Promise<void>
}

export async function pgWriteLock(url: string): Promise<WriteLock> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  let tail: Promise<unknown> = Promise.resolve()
  return {
    run<T>(fn: () => Promise<T>): Promise<T> {
      const turn = tail.then(async () => {
        await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY])
        try {
          return await fn()
        } finally {
          await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY])
        }
      })
      tail = turn.catch(() => undefined)
      return turn
    },
    async close() {
      await tail
      await client.end()
    },
  }
}

/** In-process turns only (a SQLite store: one writer process anyway). */
export function localWriteLock(): WriteLock {
  let tail: Promise<unknown> = Promise.resolve()
  return {
    run<T>(fn: () => Promise<T>): Promise<T> {
      const turn = tail.then(fn)
      tail = turn.catch(() => undefined)
      return turn
    },
    async close() {
      await tail
    },
  }
}
