/**
 * Runs in its own process for linear-time.test.ts: builds one shape at each
 * size, runs it through the whole ingest + pipeline path, and reports the time
 * of each size (in total and per stage) to the parent as soon as it is known. A separate process so the
 * parent can kill a run that is plainly super-linear instead of waiting hours.
 *
 * argv: shape name, then sizes in characters. The next-to-last size is measured
 * again at the end (the "after" baseline; see linear-time.test.ts).
 */
import { articleToDoc } from '../../src/ingest/article.js'
import { htmlToArticle } from '../../src/ingest/html.js'
import { defaultPipeline } from '../../src/pipeline.js'
import { loadResources } from '../../src/resources/index.js'
import { SHAPES } from './shapes.js'

const [name = '', ...rest] = process.argv.slice(2)
const sizes = rest.map(Number)
const shape = SHAPES[name]
if (!shape) throw new Error(`unknown shape "${name}"`)
const pipeline = defaultPipeline(loadResources())

/** Milliseconds per part of the path: 'ingest' (HTML reading, normalising) and each stage. */
type Parts = Record<string, number>

async function once(input: string): Promise<Parts> {
  const gc = (globalThis as { gc?: () => void }).gc
  gc?.()
  const started = performance.now()
  const article =
    shape?.kind === 'html'
      ? htmlToArticle(input, 'input.html', { language: 'en' })
      : { text: input, language: 'en' }
  // `language: 'en'` skips detection (it reads only the first 4,000 characters anyway).
  const doc = articleToDoc(article)
  const timings = new Map<string, number>([['ingest', performance.now() - started]])
  pipeline.run(doc, timings)
  // The garbage a run leaves is part of its cost (a quadratic allocation shows
  // only here): collect it inside the timing, as the part 'gc'.
  const collecting = performance.now()
  gc?.()
  timings.set('gc', performance.now() - collecting)
  return Object.fromEntries(timings)
}

const total = (parts: Parts): number => Object.values(parts).reduce((a, b) => a + b, 0)

/**
 * One run per size, on text no earlier run has seen: the pipeline (wink-nlp's
 * lexicon, for one) caches what it has read, so a repeated input is cheaper
 * the second time and would hide the cost being measured. `variant` shifts
 * every ASCII letter (a→b…), which keeps the shape of the text and changes
 * its content.
 */
async function measure(size: number, variant = 0): Promise<Parts> {
  return once(shift(shape!.build(size), variant))
}

function shift(text: string, by: number): string {
  if (by === 0) return text
  return text.replace(/[a-z]/g, (c) => String.fromCharCode(97 + ((c.charCodeAt(0) - 97 + by) % 26)))
}

// Warm up: load the models and let the JIT compile the hot paths before timing.
await measure(Math.min(sizes[0] ?? 1000, 20_000), 13)
for (const [step, size] of sizes.entries()) {
  const parts = await measure(size)
  process.send?.({ step, size, ms: total(parts), parts })
}
const again = sizes[sizes.length - 2]
if (again !== undefined) {
  const parts = await measure(again, 1)
  process.send?.({ step: sizes.length, size: again, ms: total(parts), parts })
}
process.exit(0)
