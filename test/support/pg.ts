import pg from 'pg'

/**
 * A PostgreSQL database of its own for one test file, made on the server that
 * SITREP_TEST_PG points at: test files run in parallel, and one that resets its
 * schema must not pull tables out from under another. Returns null without
 * SITREP_TEST_PG, so the file can skip with a reason.
 */
export async function testDatabase(purpose: string): Promise<string | null> {
  const base = process.env.SITREP_TEST_PG
  if (!base) return null
  const name = `sitrep_test_${purpose.replace(/\W/g, '_')}_${process.pid}`
  const admin = new pg.Client({ connectionString: base })
  await admin.connect()
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name}`)
    await admin.query(`CREATE DATABASE ${name}`)
  } finally {
    await admin.end()
  }
  const url = new URL(base)
  url.pathname = `/${name}`
  return url.toString()
}
