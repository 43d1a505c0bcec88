/**
 * Retakes the README images (docs/img/map.png, docs/img/article.png) from the
 * example articles run through the real pipeline and corpus ingest, as a user
 * would see them after `sitrep ingest examples/` and `sitrep serve`:
 *   npx tsx test/e2e/readme-images.ts
 * (The browser tests take the same views from hand-annotated examples instead,
 * with SITREP_README_IMAGES=1, for when the pipeline is mid-work.)
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { corpusIngest } from '../../src/api/ingest.js'
import { serve } from '../../src/api/server.js'
import { parseJsonlLine } from '../../src/ingest/jsonl.js'
import { openSqliteStore } from '../../src/store/sqlite.js'

const CHROMIUM = process.env.SITREP_TEST_CHROMIUM ?? '/usr/bin/chromium'
const OUT = 'docs/img'

const store = await openSqliteStore({ file: ':memory:' })
const lines = readFileSync('examples/articles.jsonl', 'utf8')
  .split('\n')
  .filter((l) => l.trim())
const entries = lines.map((line, i) => ({
  article: parseJsonlLine(line, `examples/articles.jsonl:${i + 1}`),
  where: `examples/articles.jsonl:${i + 1}`,
}))
const report = await corpusIngest(store)(entries)
process.stderr.write(`ingested ${report.added} articles\n`)
const { app, url } = await serve({ store }, { port: 0 })
const profile = mkdtempSync(join(tmpdir(), 'sitrep-chromium-'))
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM,
  viewport: { width: 1280, height: 800 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'],
})
try {
  mkdirSync(OUT, { recursive: true })
  const page = context.pages()[0] ?? (await context.newPage())
  await page.goto(`${url}/#/map`)
  await page.locator('#map-status').filter({ hasText: 'Showing' }).waitFor()
  await page.waitForTimeout(500)
  await page.screenshot({ path: `${OUT}/map.png` })
  await page.goto(`${url}/#/article/${process.env.ARTICLE ?? 'kherson-ferry-strike'}`)
  await page.locator('#article-text').waitFor()
  const mark = page.locator('mark.l-event, mark.l-quote, mark.l-entity').first()
  if ((await mark.count()) > 0) await mark.hover()
  await page.screenshot({ path: `${OUT}/article.png` })
  process.stderr.write(`wrote ${OUT}/map.png and ${OUT}/article.png\n`)
} finally {
  await context.close()
  rmSync(profile, { recursive: true, force: true })
  await app.close()
  await store.close()
}
