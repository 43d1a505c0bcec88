import { createHash } from 'node:crypto'
import { normalizeText } from '../core/normalize.js'
import { createDoc, type Doc, type Source } from '../core/record.js'

/** One article as it arrives, before normalisation: plain text or HTML plus metadata. */
export interface Article {
  id?: string | null
  url?: string | null
  outlet?: string | null
  published?: string | null
  title?: string | null
  byline?: string | null
  language?: string | null
  text: string
}

/** A stable id from the content when the input gives none. */
export function contentId(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16)
}

/** Normalise an article's text into a fresh Doc (no layers yet). */
export function articleToDoc(article: Article): Doc {
  const { text, offsets } = normalizeText(article.text)
  const source: Partial<Source> = {
    outlet: article.outlet ?? null,
    published: normalizeDate(article.published ?? null),
    url: article.url ?? null,
    language: article.language ?? null,
    title: article.title ?? null,
    byline: article.byline ?? null,
  }
  return createDoc(article.id ?? contentId(text), text, source, offsets)
}

/** Keep ISO dates; turn other parseable dates (RSS's RFC 822) into ISO; else null. */
export function normalizeDate(value: string | null): string | null {
  if (!value) return null
  const trimmed = value.trim()
  if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) return trimmed
  const time = Date.parse(trimmed)
  if (Number.isNaN(time)) return null
  return new Date(time).toISOString().slice(0, 10)
}
