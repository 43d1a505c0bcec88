/**
 * POST /api/ingest: bodies to articles (text, HTML, JSON, JSON Lines), articles
 * to docs and into the store: the corpus ingest (`corpusIngest`), plugged in as `AppOptions.ingest`.
 */
import { createHash } from 'node:crypto'
import { SitrepError } from '../core/errors.js'
import type { Doc } from '../core/record.js'
import type { Article } from '../ingest/article.js'
import { htmlToArticle } from '../ingest/html.js'
import { parseJsonlLine } from '../ingest/jsonl.js'
import { eventRows } from '../corpus/events.js'
import { ingestMany } from '../corpus/ingest.js'
import { extractDocs } from '../extract.js'
import { defaultPipeline } from '../pipeline.js'
import { loadResources } from '../resources/index.js'
import type { EventRecord, Store } from '../store/store.js'
import type { IngestArticles, IngestReport } from './context.js'

export type ParsedItem =
  | { kind: 'article'; article: Article; where: string }
  | { kind: 'error'; where: string; code: string; message: string }

export const INGEST_TYPES = {
  text: 'text/plain',
  html: 'text/html',
  jsonl: 'application/x-ndjson',
  jsonlAlt: 'application/jsonl',
  json: 'application/json',
} as const

/** Split a request body into articles; bad JSON Lines become positioned errors, the rest go on. */
export function parseIngestBody(
  contentType: string,
  body: unknown,
  defaults: Partial<Article>,
): ParsedItem[] {
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? ''
  const tryItem = (where: string, make: () => Article): ParsedItem => {
    try {
      return { kind: 'article', article: { ...make(), ...defaults }, where }
    } catch (error) {
      if (!(error instanceof SitrepError)) throw error
      return { kind: 'error', where, code: error.code, message: error.message }
    }
  }
  if (type === INGEST_TYPES.html) {
    return [tryItem('body', () => htmlToArticle(String(body), 'body'))]
  }
  if (type === INGEST_TYPES.jsonl || type === INGEST_TYPES.jsonlAlt) {
    return String(body)
      .split('\n')
      .map((line, i) => ({ line, where: `body:${i + 1}` }))
      .filter(({ line }) => line.trim() !== '')
      .map(({ line, where }) => tryItem(where, () => parseJsonlLine(line, where)))
  }
  if (type === INGEST_TYPES.json) {
    const items = Array.isArray(body) ? body : [body]
    return items.map((item, i) =>
      tryItem(`body[${i}]`, () => parseJsonlLine(JSON.stringify(item), `body:${i + 1}`)),
    )
  }
  const text = String(body)
  if (text.trim() === '') {
    return [{ kind: 'error', where: 'body', code: 'E_INPUT_EMPTY', message: 'the body is empty' }]
  }
  return [tryItem('body', () => ({ text }))]
}

/** The ingest of a real store: the corpus ingest with the default pipeline (loaded on first use). */
export function corpusIngest(
  store: Store,
  options: { batchSize?: number; extract?: (doc: Doc) => Doc | Promise<Doc> } = {},
): IngestArticles {
  const extract = options.extract
  let extractMany: ((docs: Doc[]) => Promise<Doc[]>) | undefined
  return async (entries) => {
    if (!extract && !extractMany) {
      const pipeline = defaultPipeline(loadResources())
      extractMany = (docs) => extractDocs(docs, pipeline)
    }
    const errors: IngestReport['errors'] = []
    const progress = await ingestMany(
      store,
      entries.map((entry) => ({ kind: 'article' as const, ...entry })),
      {
        ...(options.batchSize ? { batchSize: options.batchSize } : {}),
        ...(extract ? { extract } : {}),
        ...(extractMany ? { extractMany } : {}),
        onError: (where, error) => errors.push({ where, message: error.message }),
      },
    )
    return {
      added: progress.added,
      unchanged: progress.unchanged,
      versions: progress.versions,
      errors,
    }
  }
}

export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

/** Events of a doc flattened as the Store keeps them: the corpus's own records, one builder. */
export function eventRecords(doc: Doc): EventRecord[] {
  return eventRows(doc, doc.id).map((row) => row.record)
}
