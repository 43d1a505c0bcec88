import { sitrepError, type SitrepError } from '../core/errors.js'
import type { Article } from './article.js'
import { htmlToArticle } from './html.js'

/** One line of a JSON Lines batch: `{id?, url?, outlet?, published?, title?, text|html}`. */
export function parseJsonlLine(line: string, where: string): Article {
  let value: unknown
  try {
    value = JSON.parse(line)
  } catch (error) {
    throw lineError(where, `not valid JSON (${(error as Error).message})`)
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw lineError(where, 'expected a JSON object with "text" or "html"')
  }
  const record = value as Record<string, unknown>
  const optional = (key: string): string | null => {
    const field = record[key]
    if (field === undefined || field === null) return null
    if (typeof field === 'string') return field
    if (typeof field === 'number' && key === 'id') return String(field)
    throw lineError(where, `field "${key}" must be a string`)
  }
  const base = {
    id: optional('id'),
    url: optional('url'),
    outlet: optional('outlet'),
    published: optional('published'),
    title: optional('title'),
    language: optional('language'),
  }
  const text = optional('text')
  const html = optional('html')
  if (text !== null && text.trim() !== '') return { ...base, text }
  if (html !== null && html.trim() !== '') return htmlToArticle(html, where, base)
  throw lineError(where, 'needs a non-empty "text" or "html" field')
}

function lineError(where: string, cause: string): SitrepError {
  const [path, line] = splitWhere(where)
  return sitrepError('E_JSONL_LINE', { path, line, cause })
}

function splitWhere(where: string): [string, number] {
  const at = where.lastIndexOf(':')
  return at < 0 ? [where, 0] : [where.slice(0, at), Number(where.slice(at + 1))]
}
