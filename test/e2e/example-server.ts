/**
 * A server on the example store for the browser tests, and for looking at the UI
 * by hand: `npx tsx test/e2e/example-server.ts` prints the URL and an editor token.
 */
import { handExtract, openExampleStore } from '../../src/api/cases.js'
import { corpusIngest } from '../../src/api/ingest.js'
import { MemoryReviewStore } from '../../src/api/review-store.js'
import { serve } from '../../src/api/server.js'
import { createToken } from '../../src/api/tokens.js'

export async function startExampleServer(port = 0) {
  const store = await openExampleStore()
  const review = new MemoryReviewStore()
  const editor = await createToken(review, { name: 'desk-editor', role: 'editor' })
  const { app, url } = await serve(
    { store, review, ingest: corpusIngest(store, { extract: handExtract() }) },
    { port },
  )
  const close = async () => {
    await app.close()
    await store.close()
  }
  return { url, token: editor.secret, close }
}

if (process.argv[1]?.endsWith('example-server.ts')) {
  const { url, token } = await startExampleServer(Number(process.env.PORT ?? 18080))
  process.stdout.write(`${url}\neditor token: ${token}\n`)
}
