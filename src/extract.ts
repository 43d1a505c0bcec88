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
  if (!doc.source.language) doc.source.language = await detectLanguage(doc.text)
  const language = doc.source.language
  if (language && language !== 'en') {
    doc.messages.push({
      level: 'warning',
      reason: `article language is "${language}"; sitrep's extraction rules are for English, so only the text is kept`,
      stage: 'ingest',
      ruleId: 'non-english',
    })
    return doc
  }
  return pipeline.run(doc)
}

/** One article through the whole path: normalise, check the language, run the pipeline. */
export async function extractArticle(article: Article, pipeline: Pipeline): Promise<Doc> {
  return extractDoc(articleToDoc(article), pipeline)
}
