import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { toGold } from '../src/core/gold.js'
import { LAYER_NAMES, type Doc, type Span } from '../src/core/record.js'
import { articleToDoc } from '../src/ingest/article.js'
import { defaultPipeline } from '../src/pipeline.js'
import { loadResources } from '../src/resources/index.js'

const text = readFileSync(
  new URL('../examples/articles/kherson-ferry-strike.txt', import.meta.url),
  'utf8',
)

function spansOf(doc: Doc): Span[] {
  const spans: Span[] = []
  for (const name of LAYER_NAMES) {
    for (const item of (doc.layers[name] ?? []) as unknown[]) {
      const record = item as Partial<Span> & {
        spans?: Span[]
        cue?: Span | null
        speakerSpan?: Span | null
        mentions?: Span[]
      }
      if (typeof record.start === 'number' && typeof record.end === 'number')
        spans.push(record as Span)
      for (const extra of [
        ...(record.spans ?? []),
        ...(record.mentions ?? []),
        record.cue,
        record.speakerSpan,
      ]) {
        if (extra) spans.push(extra)
      }
    }
  }
  return spans
}

describe('the record', () => {
  const doc = defaultPipeline(loadResources()).run(
    articleToDoc({ id: 'x', text, published: '2025-06-02' }),
  )

  it('round-trips through JSON unchanged', () => {
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc)
  })

  it('keeps every offset inside the text', () => {
    const spans = spansOf(doc)
    expect(spans.length).toBeGreaterThan(100)
    for (const span of spans) {
      expect(span.start).toBeGreaterThanOrEqual(0)
      expect(span.end).toBeLessThanOrEqual(doc.text.length)
      expect(span.start).toBeLessThanOrEqual(span.end)
    }
  })

  it('tokens and the gaps between them rebuild the text exactly', () => {
    let rebuilt = ''
    let at = 0
    for (const token of doc.layers.tokens ?? []) {
      rebuilt += doc.text.slice(at, token.start) + doc.text.slice(token.start, token.end)
      at = token.end
    }
    expect(rebuilt + doc.text.slice(at)).toBe(doc.text)
  })

  it('prints gold format listing only the layers that stages computed', () => {
    const gold = toGold(doc)
    expect(gold.text).toBe(doc.text)
    for (const layer of gold.layers ?? []) expect(doc.layers[layer]).toBeDefined()
  })
})

describe('the record does not depend on what the process read before', () => {
  // Stages and their libraries keep state across articles (memos, wink-nlp's vocabulary,
  // which learns "Kherson’s" as one word once it has seen "Kherson’s,"). Whatever they
  // keep must never change an article's record.
  const examples = ['darfur-camp-shelling', 'kherson-ferry-strike-wire', 'red-sea-ship-attack']
  const before = [
    ...examples.map((name) =>
      readFileSync(new URL(`../examples/articles/${name}.txt`, import.meta.url), 'utf8'),
    ),
    'Kherson’s, Russia’s, Ukraine’s, Zelenskyy’s, Hrytsenko’s, Oksana’s, governor’s, operator’s.',
  ]
  const article =
    text +
    '\nOksana Hrytsenko’s account was confirmed by the governor’s office. Hrytsenko’s ferry ' +
    'had crossed the river that morning, and Kherson’s mayor said so.'
  const run = (pipeline: ReturnType<typeof defaultPipeline>) =>
    JSON.stringify(
      pipeline.run(
        articleToDoc({ id: 'k', text: article, published: '2024-06-02', outlet: 'Example' }),
      ),
    )

  it('gives the same record to an article read first and read after others', () => {
    const first = run(defaultPipeline(loadResources()))
    const pipeline = defaultPipeline(loadResources())
    for (const [i, other] of before.entries())
      pipeline.run(articleToDoc({ id: `other-${i}`, text: other, published: '2024-06-01' }))
    expect(run(pipeline)).toBe(first)
  })
})

describe('a batch gives each article the record it gets alone', () => {
  // `runBatch` runs each stage over the whole batch before the next stage starts; a stage
  // that kept something of one article for the next (a one-slot cache, a scratch buffer)
  // would leak it into its neighbours' records here.
  const names = [
    'darfur-camp-shelling',
    'kherson-ferry-strike',
    'kherson-ferry-strike-wire',
    'red-sea-ship-attack',
  ]
  const docsOf = () =>
    names.map((name) =>
      articleToDoc({
        id: name,
        text: readFileSync(new URL(`../examples/articles/${name}.txt`, import.meta.url), 'utf8'),
        published: '2025-06-02',
      }),
    )

  it('runs the bundled example articles alone and in one batch to identical records', () => {
    const alone = docsOf().map((doc) => JSON.stringify(defaultPipeline(loadResources()).run(doc)))
    const batch = defaultPipeline(loadResources())
      .runBatch(docsOf())
      .map((doc) => JSON.stringify(doc))
    expect(batch).toEqual(alone)
  })
})
