import type { Pipeline } from './core/pipeline.js'
import type { Doc } from './core/record.js'
import { articleToDoc, type Article } from './ingest/article.js'
import { detectLanguage } from './ingest/language.js'

/**
 * Run the pipeline on a normalised doc, after the language check: a non-English
 * article is kept with its text and a message, and the English rules are not run
 * on it (they would mangle it, not fail loudly). Every path in (CLI, ingest, API)
 * goes through here.
 */
export async function extractDoc(doc: Doc, pipeline: Pipeline): Promise<Doc> {
  if (!(await isEnglish(doc))) return doc
  return pipeline.run(doc)
}

/**
 * `extractDoc` for many docs at once: the same records, with the pipeline run stage by
 * stage over the batch (`Pipeline.runBatch`, about 1.5 times the throughput). Returns
 * the docs in the order given.
 */
export async function extractDocs(docs: readonly Doc[], pipeline: Pipeline): Promise<Doc[]> {
  const english: Doc[] = []
  for (const doc of docs) if (await isEnglish(doc)) english.push(doc)
  pipeline.runBatch(english)
  return [...docs]
}

/** Detects the language if the source gave none; a non-English doc gets a message. */
async function isEnglish(doc: Doc): Promise<boolean> {
  if (!doc.source.language) doc.source.language = await detectLanguage(doc.text)
  const language = doc.source.language
  if (!language || language === 'en') return true
  doc.messages.push({
    level: 'warning',
    reason: `article language is "${language}"; sitrep's extraction rules are for English, so only the text is kept`,
    stage: 'ingest',
    ruleId: 'non-english',
  })
  return false
}

/** One article through the whole path: normalise, check the language, run the pipeline. */
export async function extractArticle(article: Article, pipeline: Pipeline): Promise<Doc> {
  return extractDoc(articleToDoc(article), pipeline)
}

/**
 * `extractDoc` for callers that get articles one by one but several at a time (the queue
 * worker runs `concurrency` jobs at once): the docs asked for in the same turn of the
 * event loop are extracted together, as one batch (`extractDocs`). Each caller gets its
 * own doc back; a batch that fails rejects each of its callers.
 */
export function batchingExtractor(pipeline: Pipeline): (doc: Doc) => Promise<Doc> {
  let waiting: { doc: Doc; resolve: (doc: Doc) => void; reject: (error: Error) => void }[] = []
  const flush = (): void => {
    const batch = waiting
    waiting = []
    extractDocs(
      batch.map((entry) => entry.doc),
      pipeline,
    ).then(
      () => batch.forEach((entry) => entry.resolve(entry.doc)),
      (error: Error) => batch.forEach((entry) => entry.reject(error)),
    )
  }
  return (doc) =>
    new Promise<Doc>((resolve, reject) => {
      if (waiting.length === 0) setImmediate(flush)
      waiting.push({ doc, resolve, reject })
    })
}
